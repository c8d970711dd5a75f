"""tools/suite_times.py: the suite's time by part, from a JUnit XML report."""

from __future__ import annotations

from pathlib import Path

from file_module import load_file

ROOT = Path(__file__).resolve().parent.parent

REPORT = """<?xml version="1.0" encoding="utf-8"?>
<testsuites><testsuite name="pytest" tests="6" time="40.5">
<testcase classname="tests.browser.test_lesson_in_browser" name="test_lesson_in_browser[00_start]" time="20.0"/>
<testcase classname="tests.course.test_lessons" name="test_notebook_runs_on_another_report[x]" time="5.5"/>
<testcase classname="notebooks.00_start.ipynb" name="Cell 3" time="1.0"/>
<testcase classname="tests.teach.test_teach" name="test_every_row_of_the_class" time="10.0"/>
<testcase classname="tests.text.test_segmenter_wild" name="test_hybrid" time="3.0"/>
<testcase classname="tests.lint.test_lint.TestRules" name="test_one" time="1.0"/>
</testsuite></testsuites>
"""


def load_tool():
    return load_file(ROOT / "tools" / "suite_times.py", "suite_times")


def test_each_case_is_counted_in_its_part(tmp_path):
    tool = load_tool()
    path = tmp_path / "junit.xml"
    path.write_text(REPORT, encoding="utf-8")
    rows, wall = tool.breakdown(str(path))
    got = {label.split(" (")[0].split(":")[0]: (n, s) for label, n, s in rows}
    assert got == {
        "the lessons in Chromium": (1, 20.0),
        "lessons and solutions on four other reports": (1, 5.5),
        "grading classes of notebooks": (1, 10.0),
        "nbval": (1, 1.0),
        "the segmenter against jieba.posseg": (1, 3.0),
        "everything else": (1, 1.0),
    }
    assert wall == 40.5


def test_the_table_adds_up(tmp_path, capsys):
    tool = load_tool()
    path = tmp_path / "junit.xml"
    path.write_text(REPORT, encoding="utf-8")
    assert tool.main([str(path)]) == 0
    out = capsys.readouterr().out
    assert "| all | 6 | 40 s |" in out and "wall-clock time of the run (pytest): 40 s" in out
