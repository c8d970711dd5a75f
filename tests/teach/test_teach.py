"""Instructor tools (baogao.teach): exercises generated from solutions, reset,
grading a class of notebooks (correct, partial, broken, tampered), resuming
an interrupted run, the memory limit, the nbval switch, papermill parameters."""

from __future__ import annotations

import copy
import datetime as dt
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from baogao import course, exercises
from baogao.cli.teach import main
from baogao.course import assignments
from baogao.errors import UsageError
from baogao.teach import make_exercises, reset
from baogao.teach.grade import _fingerprint, grade, journal_path, summary_path
from baogao.teach.gradebook import COLUMNS
from baogao.teach.make_exercises import (
    Written,
    exercise_notebook,
    generate_exercises,
    render_exercise,
    stub_source,
)

ROOT = Path(__file__).resolve().parents[2]
SOLUTIONS = ROOT / "solutions"
EXERCISES = ROOT / "exercises"
SAMPLE = "01_structure"
ANSWER_CELLS = ("q1-answer", "q2-answer", "q3-answer", "q4-answer", "q5-answer", "q6-answer")


def read(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def cell(nb: dict, cell_id: str) -> dict:
    return next(c for c in nb["cells"] if c["id"] == cell_id)


def code(source: str, cell_id: str) -> dict:
    return {"cell_type": "code", "id": cell_id, "metadata": {}, "source": source,
            "outputs": [], "execution_count": None}


def answered() -> dict:
    """The exercise notebook with the solution's answers typed in."""
    nb, solution = read(EXERCISES / f"{SAMPLE}.ipynb"), read(SOLUTIONS / f"{SAMPLE}.ipynb")
    for cell_id in ANSWER_CELLS:
        cell(nb, cell_id)["source"] = cell(solution, cell_id)["source"]
    return nb


def write(folder: Path, name: str, nb) -> Path:
    path = folder / f"{name}.ipynb"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(nb if isinstance(nb, str) else json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    return path


# -- one source of truth -----------------------------------------------------------------
def test_committed_exercises_are_up_to_date():
    solutions = sorted(SOLUTIONS.glob("[0-9][0-9]_*.ipynb"))
    assert solutions, "solutions/ holds at least the sample assignment"
    for solution in solutions:
        target = EXERCISES / solution.name
        assert target.exists(), f"{target.name} missing: run baogao teach make-exercises"
        assert target.read_text(encoding="utf-8") == render_exercise(solution), (
            f"exercises/{solution.name} is out of date: run baogao teach make-exercises")
    assert make_exercises(SOLUTIONS, EXERCISES, check=True) == []


def test_notebook_conventions():
    for assignment in assignments():
        for folder in (SOLUTIONS, EXERCISES):
            path = folder / f"{assignment}.ipynb"
            assert path.exists() and path.name.isascii()
            nb = read(path)
            assert nb["metadata"]["baogao"]["assignment"] == assignment
            assert nb["metadata"]["kernelspec"]["name"] == "python3"
            params = [c for c in nb["cells"] if "parameters" in c["metadata"].get("tags", [])]
            assert len(params) == 1 and "REPORT =" in "".join(params[0]["source"])
        exercise = read(EXERCISES / f"{assignment}.ipynb")
        assert all(c.get("outputs", []) == [] and c.get("execution_count") is None
                   for c in exercise["cells"] if c["cell_type"] == "code")
        solution = read(SOLUTIONS / f"{assignment}.ipynb")
        assert all(c["execution_count"] for c in solution["cells"]
                   if c["cell_type"] == "code"), "solutions are stored executed"
        # Every answer the grader collects is defined in an answer region.
        regions = "".join("".join(c["source"]) for c in solution["cells"]
                          if "BEGIN SOLUTION" in "".join(c["source"]))
        for problem in assignments()[assignment]:
            assert problem.variable in regions, problem.name


def test_stub_rules():
    source, n = stub_source("x = 1\n### BEGIN SOLUTION\nhelper = 2\nanswer = helper * 3\n"
                            "### END SOLUTION\nprint(answer)")
    assert (source, n) == ("x = 1\n# 请在这里作答\nanswer = ...\nprint(answer)", 1)
    source, _ = stub_source("def f(x):\n    ### BEGIN SOLUTION\n    return x + 1\n    ### END SOLUTION")
    assert source == "def f(x):\n    # 请在这里作答\n    ..."
    source, _ = stub_source("### BEGIN SOLUTION\nfor i in range(3):\n    print(i)\n### END SOLUTION")
    assert source == "# 请在这里作答\n..."
    source, _ = stub_source("答：\n### BEGIN SOLUTION\n标题要改。\n### END SOLUTION", markdown=True)
    assert source == "答：\n（请在这里作答）"
    for bad, why in [("### BEGIN SOLUTION\nx = 1", "缺少"), ("x = 1\n### END SOLUTION", "没有对应"),
                     ("### BEGIN SOLUTION\n### BEGIN SOLUTION\n### END SOLUTION", "嵌套")]:
        with pytest.raises(UsageError, match=why):
            stub_source(bad)


def test_stubs_run_and_generation_is_deterministic(tmp_path):
    solution = read(SOLUTIONS / f"{SAMPLE}.ipynb")
    exercise = exercise_notebook(solution, name="x")
    namespace: dict = {"REPORT": "specimen"}
    for c in exercise["cells"]:
        if c["cell_type"] == "code":
            exec(c["source"], namespace)  # no stub raises
    assert namespace["q1_answer"] is ... and namespace["marker_style"]("一、") is None
    assert render_exercise(SOLUTIONS / f"{SAMPLE}.ipynb") == render_exercise(SOLUTIONS / f"{SAMPLE}.ipynb")
    with pytest.raises(UsageError, match="答案区"):
        exercise_notebook({"cells": [{"cell_type": "code", "source": "x = 1", "metadata": {}}]})


def test_make_exercises_writes_and_detects_out_of_date(tmp_path, capsys):
    solutions, exercises = tmp_path / "solutions", tmp_path / "exercises"
    solutions.mkdir()
    shutil.copy(SOLUTIONS / f"{SAMPLE}.ipynb", solutions)
    args = ["make-exercises", "--solutions", str(solutions), "--exercises", str(exercises)]
    assert main(args + ["--check"]) == 1
    assert "已过时" in capsys.readouterr().err
    assert main(args) == 0
    assert (exercises / f"{SAMPLE}.ipynb").read_text(encoding="utf-8") == \
        (EXERCISES / f"{SAMPLE}.ipynb").read_text(encoding="utf-8")
    assert main(args + ["--check"]) == 0
    nb = read(solutions / f"{SAMPLE}.ipynb")
    cell(nb, "q1-task")["source"] = "## 改过的题目"
    write(solutions, SAMPLE, nb)
    assert main(args + ["--check"]) == 1
    assert main(["make-exercises", "--solutions", str(tmp_path / "none")]) == 2


# -- reset ----------------------------------------------------------------------------------
def test_reset_keeps_a_backup(tmp_path):
    (tmp_path / "solutions").mkdir()
    shutil.copy(SOLUTIONS / f"{SAMPLE}.ipynb", tmp_path / "solutions")
    student = write(tmp_path / "exercises", SAMPLE, answered())
    mine = student.read_text(encoding="utf-8")
    now = dt.datetime(2025, 7, 10, 15, 30, 0)
    backup = reset(student, now=now)
    assert backup == tmp_path / "exercises" / "backups" / f"{SAMPLE}-20250710-153000.ipynb"
    assert backup.read_text(encoding="utf-8") == mine
    assert student.read_text(encoding="utf-8") == (EXERCISES / f"{SAMPLE}.ipynb").read_text(encoding="utf-8")
    assert reset(student, now=now).name == f"{SAMPLE}-20250710-153000-2.ipynb"
    # From a clean exercise notebook given with --from; outputs a run added are cleared.
    ran = read(EXERCISES / f"{SAMPLE}.ipynb")
    cell(ran, "q1-check")["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "x"}]
    write(tmp_path, "clean", ran)
    other = tmp_path / "elsewhere" / f"{SAMPLE}.ipynb"
    assert reset(other, source=tmp_path / "clean.ipynb") is None
    assert read(other)["cells"] == read(EXERCISES / f"{SAMPLE}.ipynb")["cells"]
    with pytest.raises(UsageError, match="--from"):
        reset(tmp_path / "elsewhere" / "01_missing.ipynb")


def test_reset_cli(tmp_path, capsys):
    (tmp_path / "solutions").mkdir()
    shutil.copy(SOLUTIONS / f"{SAMPLE}.ipynb", tmp_path / "solutions")
    student = write(tmp_path / "exercises", SAMPLE, answered())
    assert main(["reset", str(student)]) == 0
    out = capsys.readouterr().out
    assert "已重置" in out and "backups" in out
    assert main(["reset", str(tmp_path / "notes.txt")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "Traceback" not in err


# -- never losing a student's notebook ------------------------------------------------------
def _course(tmp_path: Path) -> tuple[Path, Path, list[str]]:
    """A course folder with the sample solution, exercises generated; and make-exercises' argv."""
    solutions, exercises = tmp_path / "solutions", tmp_path / "exercises"
    solutions.mkdir()
    shutil.copy(SOLUTIONS / f"{SAMPLE}.ipynb", solutions)
    args = ["make-exercises", "--solutions", str(solutions), "--exercises", str(exercises)]
    return solutions, exercises, args


def _edit_solution(solutions: Path, title: str) -> None:
    nb = read(solutions / f"{SAMPLE}.ipynb")
    cell(nb, "q1-task")["source"] = title
    write(solutions, SAMPLE, nb)


def test_make_exercises_backs_up_a_notebook_a_student_changed(tmp_path, capsys):
    solutions, exercises, args = _course(tmp_path)
    assert main(args) == 0
    target = exercises / f"{SAMPLE}.ipynb"
    generated = target.read_text(encoding="utf-8")
    capsys.readouterr()
    # A student answers q1..q4; the teacher then changes the solution and regenerates.
    mine = json.dumps(answered(), ensure_ascii=False)
    target.write_text(mine, encoding="utf-8")
    _edit_solution(solutions, "## 改过的题目")
    now = dt.datetime(2025, 7, 10, 15, 30, 0)
    written = generate_exercises(solutions, exercises, now=now)
    backup = exercises / "backups" / f"{SAMPLE}-20250710-153000.ipynb"
    assert written == [Written(target, backup)]
    assert backup.read_text(encoding="utf-8") == mine  # the student's work, byte for byte
    assert target.read_text(encoding="utf-8") == render_exercise(solutions / f"{SAMPLE}.ipynb")
    assert target.read_text(encoding="utf-8") != generated
    # The CLI says where the work went; a notebook that is not even UTF-8 is backed up too.
    target.write_bytes(b"\xff\xfe{not utf-8")
    _edit_solution(solutions, "## 又改过的题目")
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "已备份到" in out and "backups" in out
    backups = sorted((exercises / "backups").glob(f"{SAMPLE}-*.ipynb"))
    assert len(backups) == 2 and backups[-1].read_bytes() == b"\xff\xfe{not utf-8"
    # --check writes nothing, backs up nothing.
    target.write_text(mine, encoding="utf-8")
    assert main(args + ["--check"]) == 1
    assert target.read_text(encoding="utf-8") == mine
    assert len(list((exercises / "backups").glob(f"{SAMPLE}-*.ipynb"))) == 2


def test_make_exercises_replaces_a_generated_notebook_without_a_copy(tmp_path, capsys):
    solutions, exercises, args = _course(tmp_path)
    assert main(args) == 0  # generated from the first solution (and recorded)
    target = exercises / f"{SAMPLE}.ipynb"
    for title in ("## 改过的题目", "## 再改一次"):  # each time generated from the previous solution
        _edit_solution(solutions, title)
        assert main(args) == 0
        assert target.read_text(encoding="utf-8") == render_exercise(solutions / f"{SAMPLE}.ipynb")
    assert capsys.readouterr().out.count("已备份") == 0
    assert list((exercises / "backups").glob("*.ipynb")) == []
    # An earlier generation (from a solution two edits back) is recognised too.
    _edit_solution(solutions, "## 改过的题目")
    assert main(args) == 0 and list((exercises / "backups").glob("*.ipynb")) == []
    # A notebook that is up to date is left alone; a reset one counts as generated.
    assert main(args) == 0 and "没有改动" in capsys.readouterr().out
    reset(target)  # backs up the (generated) notebook, as reset always does
    _edit_solution(solutions, "## 第三次修改")
    assert main(args) == 0
    assert len(list((exercises / "backups").glob("*.ipynb"))) == 1  # reset's copy only


def test_make_exercises_without_a_record_backs_up_what_it_cannot_vouch_for(tmp_path):
    solutions, exercises, _ = _course(tmp_path)
    exercises.mkdir()
    target = exercises / f"{SAMPLE}.ipynb"
    shutil.copy(EXERCISES / f"{SAMPLE}.ipynb", target)  # generated elsewhere: no record here
    make_exercises(solutions, exercises)  # up to date: nothing written, the text recorded
    assert not list((exercises / "backups").glob("*.ipynb"))
    _edit_solution(solutions, "## 改过的题目")
    assert make_exercises(solutions, exercises) == [target]
    assert not list((exercises / "backups").glob("*.ipynb"))
    # A stale notebook never seen here: copied, since it may hold work.
    stale = copy.deepcopy(read(EXERCISES / f"{SAMPLE}.ipynb"))
    cell(stale, "q1-task")["source"] = "## 某个旧版本"
    stale_text = json.dumps(stale)
    target.write_text(stale_text, encoding="utf-8")
    [w] = generate_exercises(solutions, exercises)
    assert w.backup is not None and w.backup.read_text(encoding="utf-8") == stale_text


def test_make_exercises_bad_notebooks_are_one_sentence(tmp_path, capsys):
    solutions, exercises, args = _course(tmp_path)
    (solutions / "02_broken.ipynb").write_bytes(b"\xff\xfe{not utf-8")
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "UTF-8" in err and err.count("\n") == 1
    assert not exercises.exists()  # nothing written while one solution is broken
    (solutions / "02_broken.ipynb").write_text("[1, 2]", encoding="utf-8")
    assert main(args) == 2 and "不是 Jupyter 笔记本" in capsys.readouterr().err
    (solutions / "02_broken.ipynb").unlink()
    (exercises / f"{SAMPLE}.ipynb").mkdir(parents=True)
    assert main(args) == 2 and "文件夹" in capsys.readouterr().err


def test_reset_refuses_to_turn_a_solution_into_a_stub(tmp_path, capsys, monkeypatch):
    solutions, exercises, args = _course(tmp_path)
    solution = solutions / f"{SAMPLE}.ipynb"
    before = solution.read_bytes()
    for target in (solution, tmp_path / "exercises" / ".." / "solutions" / f"{SAMPLE}.ipynb"):
        with pytest.raises(UsageError, match="答案笔记本"):
            reset(target)
    # Under solutions/ at any depth, even before it exists.
    with pytest.raises(UsageError, match="答案笔记本"):
        reset(solutions / "old" / f"{SAMPLE}.ipynb", source=solution)
    # A copy of a solution elsewhere is recognised by its cells (answer regions, no answer cells).
    copied = tmp_path / "exercises" / f"{SAMPLE}.ipynb"
    copied.parent.mkdir()
    shutil.copy(solution, copied)
    with pytest.raises(UsageError, match="答案笔记本"):
        reset(copied)
    # nbgrader's solution cells and a notebook marked as a solution are refused too.
    nb = read(EXERCISES / f"{SAMPLE}.ipynb")
    cell(nb, "q1-answer")["metadata"] = {"nbgrader": {"solution": True}}
    write(tmp_path / "exercises", SAMPLE, nb)
    with pytest.raises(UsageError, match="答案笔记本"):
        reset(copied)
    nb = read(EXERCISES / f"{SAMPLE}.ipynb")
    nb["metadata"]["baogao"]["solution"] = True
    write(tmp_path / "exercises", SAMPLE, nb)
    with pytest.raises(UsageError, match="答案笔记本"):
        reset(copied)
    # The solution given as its own source (a symlinked exercise onto it).
    copied.unlink()
    copied.symlink_to(solution)
    with pytest.raises(UsageError, match="答案笔记本"):
        reset(copied, source=solution)
    assert main(["reset", str(solution)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("错误：") and "答案笔记本" in err and err.count("\n") == 1
    assert solution.read_bytes() == before
    assert not (solutions / "backups").exists() and not (solutions / "old").exists()
    # A student who pasted a solution region into an exercise can still start over.
    copied.unlink()
    nb = answered()
    cell(nb, "q1-answer")["source"] = "### BEGIN SOLUTION\nq1_answer = 1\n### END SOLUTION"
    write(tmp_path / "exercises", SAMPLE, nb)
    assert reset(copied) is not None
    # A course kept inside a folder named solutions still resets its exercises.
    course = tmp_path / "solutions-home" / "solutions" / "course"
    (course / "solutions").mkdir(parents=True)
    shutil.copy(solution, course / "solutions")
    student = write(course / "exercises", SAMPLE, answered())
    monkeypatch.chdir(course)
    assert reset(Path("exercises") / f"{SAMPLE}.ipynb") is not None
    assert student.read_text(encoding="utf-8") == (EXERCISES / f"{SAMPLE}.ipynb").read_text(encoding="utf-8")


# -- grading a class --------------------------------------------------------------------------
def _class_folder(folder: Path) -> None:
    # The grader takes students in name order. The two notebooks that run into the time
    # limit on purpose (abel, who ignores the interrupt too, and ada) are named to come
    # first: started last, they held the class up for about 10 s more (35 s, not 25-28 s).
    good = answered()
    write(folder, "alice", good)
    bob = copy.deepcopy(read(EXERCISES / f"{SAMPLE}.ipynb"))
    cell(bob, "q1-answer")["source"] = 'q1_answer = "七"'
    cell(bob, "q2-answer")["source"] = "q2_answer = {3: 2, 5: 4, 10: 4, 15: 8, 24: 3, 28: 5, 34: 4, 39: 3, 43: 1, 44: 1, 45: 1}"
    cell(bob, "q3-answer")["source"] = ("from baogao.text.markers import match_marker\n\n"
                                        "def marker_style(line):\n    m = match_marker(line)\n"
                                        "    return m.style if m else None")
    write(folder, "bob", bob)
    write(folder, "carol", read(EXERCISES / f"{SAMPLE}.ipynb"))
    write(folder, "dave", '{"cells": [{"cell_type": "code", "source": "q1_answer = 7"')
    erin = copy.deepcopy(good)
    erin["metadata"]["baogao"]["assignment"] = "01_other"
    write(folder, "erin", erin)
    frank = copy.deepcopy(good)
    cell(frank, "q2-answer")["source"] = "q2_answer = [15, 24,"
    write(folder, "frank", frank)
    ada = copy.deepcopy(good)
    ada["cells"].append(code("while True:\n    pass", "loop"))
    write(folder, "ada", ada)
    hank = copy.deepcopy(good)
    hank["cells"].append(code("import os\nos._exit(1)", "exit"))
    write(folder, "hank", hank)
    ivan = copy.deepcopy(good)
    ivan["cells"].append(code("for i in range(10**7):\n    print('刷屏' * 100)", "flood"))
    write(folder, "ivan", ivan)
    judy = copy.deepcopy(good)  # tampering: none of it reaches the verdict
    cell(judy, "q1-answer")["source"] = (
        "q1_answer = 3\n"
        "ex.q1.check = lambda *args, **kwargs: '✅ 正确'\n"
        "import baogao.exercises.problems as P\n"
        "P.ValueProblem._grade = lambda self, answer, report: self._outcome('correct')\n"
        "import baogao.exercises.collect as C\n"
        "C.plain = lambda value, _depth=0: 7")
    cell(judy, "q2-answer")["source"] = "q2_answer = [1, 2]"
    cell(judy, "q2-check")["source"] = "print('✅ 正确')"
    write(folder, "judy", judy)
    karl = copy.deepcopy(good)
    karl["cells"] = [c for c in karl["cells"] if c["id"] != "setup"]
    write(folder, "karl", karl)
    lena = copy.deepcopy(good)
    ids = [c["id"] for c in lena["cells"]]
    i, j = ids.index("q1-help"), ids.index("q2-task")
    lena["cells"][i], lena["cells"][j] = lena["cells"][j], lena["cells"][i]
    write(folder, "lena", lena)
    abel = copy.deepcopy(good)
    abel["cells"].append(code("import time\nwhile True:\n    try:\n        time.sleep(0.05)\n"
                              "    except KeyboardInterrupt:\n        pass", "stubborn"))
    write(folder, "abel", abel)
    nina = copy.deepcopy(good)
    nina["cells"].append(code("hog = bytearray(3 * 1024**3)", "hog"))
    write(folder, "nina", nina)
    write(folder / "oscar", SAMPLE, good)  # one folder per student works too


ALL_RIGHT = {"q1": "correct", "q2": "correct", "q3": "correct", "q4": "correct", "q5": "submitted", "q6": "submitted"}
EXPECTED = {
    # student: (exercise statuses, notebook row status or None, words in its feedback)
    "alice": (ALL_RIGHT, None, ()),
    "bob": ({"q1": "correct", "q2": "incorrect", "q3": "incorrect", "q4": "not_attempted", "q5": "not_attempted",
             "q6": "not_attempted"}, None, ()),
    "carol": (dict.fromkeys(ALL_RIGHT, "not_attempted"), None, ()),
    "dave": (dict.fromkeys(ALL_RIGHT, "invalid_notebook"), "invalid_notebook", ("JSON",)),
    "erin": (dict.fromkeys(ALL_RIGHT, "wrong_assignment"), "wrong_assignment", ("01_other",)),
    "frank": ({**ALL_RIGHT, "q2": "not_attempted"}, "cell_error", ("SyntaxError", "第 6 个代码单元")),
    "ada": (ALL_RIGHT, "timeout", ("运行超时", "已中断")),
    "hank": (dict.fromkeys(ALL_RIGHT, "kernel_died"), "kernel_died", ("内核退出",)),
    "ivan": (ALL_RIGHT, "output_too_large", ("输出过多",)),
    "judy": ({**ALL_RIGHT, "q1": "incorrect", "q2": "incorrect"}, "cells_edited", ("修改了",)),
    "karl": ({**ALL_RIGHT, "q1": "not_attempted", "q2": "not_attempted"}, "cell_error",
             ("NameError", "删除了")),
    "lena": (ALL_RIGHT, "cells_reordered", ("调换了单元的顺序",)),
    "abel": (dict.fromkeys(ALL_RIGHT, "timeout"), "timeout", ("中断无效",)),
    "nina": (ALL_RIGHT, "cell_error", ("MemoryError",)),
    "oscar": (ALL_RIGHT, None, ()),
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("submissions")
    _class_folder(folder)
    out = tmp_path_factory.mktemp("grades") / "grades.csv"
    result = grade(folder, out, assignment=SAMPLE, exercises_dir=EXERCISES, timeout=10,
                   memory_mb=2048, max_output_mb=1, workers=2, progress=False,
                   html_path=out.with_suffix(".html"))
    return result


@pytest.mark.slow
def test_every_row_of_the_class(graded):
    frame = pd.read_csv(graded.csv, keep_default_na=False, na_values=[""])
    writing = [p.name for p in assignments()[SAMPLE] if p.kind == "writing"]
    assert list(frame.columns) == COLUMNS + (["answer"] if writing else [])
    for name in writing:  # the submitted text is kept for the teacher's review
        submitted = frame[(frame["exercise"] == name) & (frame["status"] == "submitted")]
        assert len(submitted) and submitted["answer"].str.len().gt(0).all()
    assert sorted(frame["student"].unique()) == sorted(EXPECTED)
    assert not frame.duplicated(["student", "exercise"]).any()
    for student, (statuses, notebook_status, words) in EXPECTED.items():
        rows = frame[frame["student"] == student].set_index("exercise")
        got = {e: rows.loc[e, "status"] for e in ALL_RIGHT}
        assert got == statuses, (student, got, rows["feedback"].tolist())
        if notebook_status is None:
            assert "notebook" not in rows.index, (student, rows.loc["notebook"].tolist())
        else:
            assert rows.loc["notebook", "status"] == notebook_status, (student, rows.loc["notebook"].tolist())
            for word in words:
                assert word in rows.loc["notebook", "feedback"], (student, word)
        for exercise, status in statuses.items():
            score = rows.loc[exercise, "score"]
            if status == "correct":
                assert score == 1
            elif status == "submitted":
                assert pd.isna(score)
            else:
                assert score == 0


@pytest.mark.slow
def test_feedback_of_the_class(graded):
    frame = graded.frame.set_index(["student", "exercise"])
    assert "match_marker" in frame.loc[("bob", "q3"), "feedback"]
    assert "还少了 1 节" in frame.loc[("bob", "q2"), "feedback"]
    assert frame.loc[("dave", "q1"), "feedback"].startswith("未评分：")
    assert "“01_other”" in frame.loc[("erin", "q1"), "feedback"]
    assert "ex.q2.check" in frame.loc[("judy", "notebook"), "feedback"]
    assert frame.loc[("oscar", "q1"), "notebook"] == f"oscar/{SAMPLE}.ipynb"


@pytest.mark.slow
def test_summary_and_html(graded):
    summary = pd.read_csv(summary_path(graded.csv)).set_index("exercise")
    assert list(summary.index) == list(ALL_RIGHT)
    assert (summary["students"] == len(EXPECTED)).all()
    q1 = [s["q1"] for s, *_ in EXPECTED.values()]
    assert summary.loc["q1", "correct"] == q1.count("correct")
    assert summary.loc["q1", "not_attempted"] == q1.count("not_attempted")
    assert summary.loc["q5", "submitted"] == [s["q5"] for s, *_ in EXPECTED.values()].count("submitted")
    assert pd.isna(summary.loc["q5", "mean_score"])
    page = graded.csv.with_suffix(".html").read_text(encoding="utf-8")
    assert "各题汇总" in page and "oscar" in page and "<script" not in page


@pytest.mark.slow
def test_results_are_journaled_one_line_per_notebook(graded):
    lines = journal_path(graded.csv).read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(EXPECTED) == graded.graded
    assert all(json.loads(line)["rows"] for line in lines)


@pytest.mark.slow
def test_grading_resumes_without_losing_or_repeating_work(tmp_path, capsys):
    folder, out = tmp_path / "subs", tmp_path / "grades.csv"
    good = answered()
    write(folder, "alice", good)
    write(folder, "dave", "{not json")
    first = grade(folder, out, assignment=SAMPLE, exercises_dir=EXERCISES, timeout=30, workers=1)
    assert (first.graded, first.reused) == (2, 0)
    assert "批改" in capsys.readouterr().err  # the progress bar, on stderr
    # The run was "interrupted" before erin: the next run grades only her.
    erin = copy.deepcopy(good)
    erin["metadata"]["baogao"]["assignment"] = "01_other"
    write(folder, "erin", erin)
    with journal_path(out).open("a", encoding="utf-8") as fh:
        fh.write('{"notebook": "erin.ipynb", "rows": [')  # a record cut short by a crash
    second = grade(folder, out, assignment=SAMPLE, exercises_dir=EXERCISES, timeout=30, workers=1,
                   progress=False)
    assert (second.graded, second.reused) == (1, 2)
    frame = pd.read_csv(out)
    assert sorted(frame["student"].unique()) == ["alice", "dave", "erin"]
    assert not frame.duplicated(["student", "exercise"]).any()
    assert len(frame) == 3 * 6 + 2  # six exercises each, notebook rows for dave and erin
    # A changed notebook is graded again; an unchanged one is not.
    write(folder, "dave", read(EXERCISES / f"{SAMPLE}.ipynb"))
    third = grade(folder, out, assignment=SAMPLE, exercises_dir=EXERCISES, timeout=30, workers=1,
                  progress=False)
    assert (third.graded, third.reused) == (1, 2)
    frame = pd.read_csv(out).set_index(["student", "exercise"])
    assert frame.loc[("dave", "q1"), "status"] == "not_attempted"
    assert ("dave", "notebook") not in frame.index
    fresh = grade(folder, out, assignment=SAMPLE, exercises_dir=EXERCISES, timeout=30, workers=1,
                  progress=False, resume=False)
    assert (fresh.graded, fresh.reused) == (3, 0)


@pytest.mark.parametrize("package", [course, exercises], ids=["course", "exercises"])
def test_fingerprint_changes_with_the_checks(package, tmp_path, monkeypatch):
    """The checks live in course/ and exercises/: a change to any of their files makes a
    resumed grading grade every notebook again instead of reusing the journal."""
    options = {"assignment": SAMPLE, "report": None, "timeout": 30}
    before = _fingerprint(options, None)
    copied = tmp_path / package.__name__.rsplit(".", 1)[-1]
    shutil.copytree(Path(package.__file__).parent, copied, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(package, "__file__", str(copied / "__init__.py"))
    assert _fingerprint(options, None) == before  # the same files, wherever they are
    changed = next(p for p in sorted(copied.glob("*.py")) if p.name != "__init__.py")
    changed.write_text(changed.read_text(encoding="utf-8") + "\n# a check changed\n", encoding="utf-8")
    assert _fingerprint(options, None) != before


@pytest.mark.slow
def test_grade_cli(tmp_path, capsys):
    folder = tmp_path / "subs"
    write(folder, "dave", "{")
    write(folder, "erin", {"cells": [], "metadata": {"baogao": {"assignment": "01_other"}},
                           "nbformat": 4, "nbformat_minor": 5})
    write(folder, "fred", {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5})
    out = tmp_path / "g.csv"
    assert main(["grade", str(folder), "--out", str(out), "--no-progress", "--html",
                 str(tmp_path / "g.html")]) == 0
    text = capsys.readouterr().out
    assert "批改完成：3 位学生" in text and (tmp_path / "g.html").exists()
    frame = pd.read_csv(out)
    # Without --assignment the notebook's own mark decides; a missing or unknown mark is reported.
    assert frame["status"].tolist() == ["invalid_notebook", "wrong_assignment", "wrong_assignment"]
    assert "没有名为“01_other”" in frame["feedback"][1] and "请用 --assignment" in frame["feedback"][2]
    for argv in (["grade", str(tmp_path / "none"), "--out", str(out)],
                 ["grade", str(folder), "--out", str(out), "--assignment", "99_x"],
                 ["grade", str(folder), "--out", str(out), "--timeout", "abc"],
                 ["grade", str(tmp_path), "--out", str(out), "--workers", "0"]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.startswith("错误：") and err.count("\n") == 1 and "Traceback" not in err


# -- the memory limit ---------------------------------------------------------------------------
def test_kernel_launcher_limits_memory():
    # Started as the grader starts it: its file, isolated, without site-packages (so
    # without the kit, which it never imports: it only sets limits and execs).
    from baogao.teach.limits import launcher_command

    def run(size_mb: int):
        return subprocess.run([*launcher_command(), "--memory-mb",
                               "300", "--", sys.executable, "-c",
                               f"b = bytearray({size_mb} * 1024 * 1024); print('ok')"],
                              capture_output=True, text=True, timeout=60)
    small = run(10)
    assert small.returncode == 0 and small.stdout.strip() == "ok"
    if sys.platform == "linux":  # where RLIMIT_AS is enforced
        large = run(600)
        assert large.returncode != 0 and "MemoryError" in large.stderr


# -- nbval: one configuration, strict and lax folders in one run ---------------------------------
@pytest.mark.slow
def test_exercise_folders_are_validated_leniently(tmp_path):
    shutil.copy(ROOT / "conftest.py", tmp_path)
    shutil.copy(ROOT / "nbval_sanitize.cfg", tmp_path)
    stale = {"cells": [{"cell_type": "code", "execution_count": 1, "id": "a", "metadata": {},
                        "source": "print(1)",
                        "outputs": [{"name": "stdout", "output_type": "stream", "text": "2\n"}]}],
             "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                         "language": "python"}},
             "nbformat": 4, "nbformat_minor": 5}
    for folder in ("solutions", "exercises", "exercises/backups"):
        write(tmp_path / folder, "00_x", stale)
    run = subprocess.run([sys.executable, "-m", "pytest", "-p", "baogao.teach.quick_schema",
                          "--nbval", "--nbval-current-env",
                          "--nbval-sanitize-with", "nbval_sanitize.cfg", "-p", "no:cacheprovider",
                          "-q", "-rA", "solutions", "exercises"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert "1 failed, 1 passed" in run.stdout, run.stdout
    assert "FAILED solutions/00_x.ipynb::Cell 0" in run.stdout
    assert "PASSED exercises/00_x.ipynb::Cell 0" in run.stdout


# -- papermill: the parameters cell chooses the report ---------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("report", ["2021_state-council_gwr", "auto_numbered.docx"])
def test_solution_runs_on_another_report_with_papermill(report, fixtures, tmp_path):
    import papermill  # heavy, and needed by this test only
    value = str(fixtures / report) if report.endswith(".docx") else report
    from baogao.teach.kernel_client import QuickKernelManager

    # As in tests/course/test_lessons.py: no output file, the kernel stopped at once when done.
    nb = papermill.execute_notebook(str(SOLUTIONS / f"{SAMPLE}.ipynb"), None, parameters={"REPORT": value},
                                    kernel_name="python3", progress_bar=False, cwd=str(tmp_path),
                                    shutdown_kernel="immediate", kernel_manager_class=QuickKernelManager)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and value in injected[0].source
    texts = ["".join(o.get("text", "") or o.get("data", {}).get("text/plain", "")
                     for o in c.outputs) for c in nb.cells if c.cell_type == "code"]
    assert not any(o.get("output_type") == "error" for c in nb.cells for o in c.get("outputs", []))
    assert sum(t.startswith("✓ 正确") for t in texts) == 4  # checks follow the report


def test_a_runs_leftover_work_folders_are_removed_and_nothing_else(tmp_path, monkeypatch):
    import tempfile

    from baogao.teach.sandbox import remove_work_folders, work_folder

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    ours, other = work_folder("baogao-grade-1a2b3c4d-"), work_folder("baogao-grade-99999999-")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("教师的文件", encoding="utf-8")
    (ours / "home").mkdir()
    (ours / "home" / "link").symlink_to(outside)  # a student's link out of the sandbox is not followed
    remove_work_folders("baogao-grade-1a2b3c4d-")
    assert not ours.exists() and other.is_dir()
    assert (outside / "keep.txt").read_text(encoding="utf-8") == "教师的文件"
    other.rmdir()  # in /tmp when tmp_path is too deep for sockets: not left there
