"""Lessons: each has a parameters cell (papermill) and runs on other reports too."""

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LESSONS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def test_there_is_a_first_lesson():
    assert LESSONS and LESSONS[0].name.startswith("01_")


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_structure(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    assert path.name.isascii()
    tagged = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1 and "REPORT" in "".join(tagged[0]["source"])
    prose = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    for part in ("学习目标", "时长", "小结"):
        assert part in prose, f"{path.name} lacks {part}"
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(c.get("execution_count") for c in code), "lessons are stored executed"


@pytest.mark.parametrize("report", ["2021_state-council_gwr", "example:request_qingshi", "auto_numbered.docx"])
@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_runs_on_another_report(path, report, fixtures, tmp_path):
    import papermill

    value = str(fixtures / report) if report.endswith(".docx") else report
    nb = papermill.execute_notebook(str(path), str(tmp_path / "out.ipynb"), parameters={"REPORT": value},
                                    kernel_name="python3", progress_bar=False, cwd=str(tmp_path))
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
