"""Lessons, walked from the manifest ``baogao.course.LESSONS`` (nothing globs
for them): the manifest and the folders agree, each lesson has a parameters
cell (papermill) and runs on other reports too."""

import json
import re
import sys
from pathlib import Path

import pytest

from baogao.course import LESSONS
from baogao.exercises.problems import Assignment

ROOT = Path(__file__).resolve().parents[2]
IDS = [lesson.id for lesson in LESSONS]
#: Folders that hold one notebook per lesson, and the Lesson property naming it.
FOLDERS = {"notebooks": "notebook", "solutions": "solution", "exercises": "exercise"}


def read(path: str) -> dict:
    return json.loads((ROOT / path).read_text(encoding="utf-8"))


def test_there_is_a_first_lesson():
    assert LESSONS and LESSONS[0].id.startswith("00_")


def test_lesson_ids_are_unique_and_in_order():
    assert len(set(IDS)) == len(IDS), IDS
    assert IDS == sorted(IDS), "LESSONS is in course order, which is the order of the ids"
    assert all(i.isascii() and i[:2].isdigit() and i[2] == "_" for i in IDS), IDS


@pytest.mark.parametrize("folder", sorted(FOLDERS))
def test_manifest_and_folders_agree(folder):
    """Every notebook of the folder belongs to exactly one lesson, and every
    lesson's notebook of that folder exists."""
    on_disk = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / folder).glob("*.ipynb"))
    claimed = [getattr(lesson, FOLDERS[folder]) for lesson in LESSONS]
    claimed = [path for path in claimed if path is not None]
    assert len(claimed) == len(set(claimed)), f"two lessons claim one notebook: {claimed}"
    strays = [path for path in on_disk if path not in claimed]
    missing = [path for path in claimed if path not in on_disk]
    assert strays == [], f"notebooks of no lesson in baogao.course.LESSONS: {strays}"
    assert missing == [], f"notebooks of LESSONS that do not exist: {missing}"


@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_lesson_module(lesson):
    module = lesson.module()  # baogao.course.lesson<id>: raises if it does not exist
    assert module.__name__ == f"baogao.course.lesson{lesson.id}"
    if lesson.assignment:
        assignment = getattr(module, "assignment", None)
        assert isinstance(assignment, Assignment), f"{module.__name__} defines no `assignment`"
        assert assignment.name == lesson.id
    else:
        assert lesson.solution is None and lesson.exercise is None


@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_notebooks_name_their_lesson(lesson):
    meta = read(lesson.notebook)["metadata"]
    assert meta.get("baogao", {}).get("lesson") == lesson.id, (
        f"{lesson.notebook}: metadata['baogao']['lesson'] should be {lesson.id!r}, not {meta.get('baogao')}")
    for path in (lesson.solution, lesson.exercise):
        if path is not None:  # the grader reads the assignment's name from here
            meta = read(path)["metadata"]
            assert meta.get("baogao", {}).get("assignment") == lesson.id, (
                f"{path}: metadata['baogao']['assignment'] should be {lesson.id!r}, not {meta.get('baogao')}")


@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_lesson_structure(lesson):
    nb = read(lesson.notebook)
    assert lesson.notebook.isascii()
    tagged = [c for c in nb["cells"] if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1 and "REPORT" in "".join(tagged[0]["source"])
    first = "".join(nb["cells"][0]["source"]).splitlines()[0]
    assert first.startswith("# ") and lesson.title in first, (
        f"{lesson.notebook} should open with a heading naming {lesson.title!r}: {first!r}")
    prose = "".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    for part in ("学习目标", "时长", "小结"):
        assert part in prose, f"{lesson.notebook} lacks {part}"
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(c.get("execution_count") for c in code), "lessons are stored executed"


#: A corpus report, a document example, a web copy with its page residue (the first 45
#: lines of a provincial report as scraped: buttons, 来源/时间, caption, speaker) and a .docx.
OTHER_REPORTS = ["2021_state-council_gwr", "example:request_qingshi", "wild_copy_hebei.txt", "auto_numbered.docx"]


#: Every lesson and every solution notebook (an exercise notebook is its solution's stubs).
RUNNABLE = [(lesson, path) for lesson in LESSONS for path in (lesson.notebook, lesson.solution) if path]


@pytest.fixture(scope="session")
def kernel_manager_class():
    """Kernels forked from a process that has imported the kit (forked_kernels.py), on Linux."""
    if not sys.platform.startswith("linux"):
        from baogao.teach.kernel_client import QuickKernelManager

        yield QuickKernelManager
        return
    import forked_kernels

    yield forked_kernels.ForkKernelManager
    forked_kernels.stop_fork_server()


@pytest.mark.slow
@pytest.mark.parametrize("report", OTHER_REPORTS)
@pytest.mark.parametrize("lesson,path", RUNNABLE, ids=[path.split(".")[0] for _, path in RUNNABLE])
def test_notebook_runs_on_another_report(lesson, path, report, fixtures, tmp_path, kernel_manager_class):
    """The parameters cell chooses the report; nothing specimen-only breaks on another."""
    import papermill

    value = str(fixtures / report) if report.endswith((".docx", ".txt")) else report
    # No output path: papermill would write the whole notebook out before and after every
    # cell (about 1 s of a 4 s run); the test reads the notebook it returns. The kernel is
    # stopped at once when done (its graceful shutdown, 0.2 s a run, is not what is tested),
    # and started by the grader's manager, which does not sleep 0.3 s while it starts and stops,
    # forked from a process that has already imported the kit (about 0.9 s less a run).
    nb = papermill.execute_notebook(str(ROOT / path), None, parameters={"REPORT": value},
                                    kernel_name="python3", progress_bar=False, cwd=str(tmp_path),
                                    shutdown_kernel="immediate", kernel_manager_class=kernel_manager_class)
    errors = [f"{o.get('ename')}: {o.get('evalue')}" for c in nb.cells for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    assert errors == [], f"{path} on {report}: {errors}"


def test_the_readme_course_map_lists_every_lesson():
    """README's course map: one row per lesson of LESSONS, with its title, notebook, exercises and time."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## 课程"):readme.index("## 命令行")]
    rows = [line for line in table.splitlines() if line.startswith("| [第")]
    assert len(rows) == len(LESSONS)
    for lesson, row in zip(LESSONS, rows):
        number = int(lesson.id[:2])
        assert f"[第 {number} 课　{lesson.title}]({lesson.notebook})" in row, row
        assert f"约 {lesson.minutes} 分钟" in row, row
        if lesson.assignment:
            count = len(lesson.module().assignment.problems)
            assert f"[{count} 题]({lesson.exercise})" in row, row


def test_the_readme_screenshots_exist_and_are_the_browser_tests():
    """The README shows three lessons as the browser test photographs them."""
    import re

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    images = re.findall(r"!\[[^\]]+\]\((docs/images/[^)]+)\)", readme)
    assert len(images) >= 3
    ids = {lesson.id for lesson in LESSONS}
    for image in images:
        assert (ROOT / image).is_file(), image
        assert image.removeprefix("docs/images/lesson").removesuffix(".png") in ids, image


#: The widget classes of ``baogao.widgets`` (the rest of its ``__all__`` are their functions).
WIDGETS = ["OutlineExplorer", "Highlighter", "Concordance", "Charts", "LintViewer", "EditionCompare",
           "OutlineBuilder", "Quiz"]


def test_every_widget_is_built_by_a_lesson():
    """Each widget class is constructed (``Name(``) in a lesson notebook or in the course
    module a lesson calls; a widget no lesson shows is a widget no student sees."""
    import baogao.widgets

    classes = [name for name in baogao.widgets.__all__ if isinstance(getattr(baogao.widgets, name), type)]
    assert sorted(set(classes) - {"Question", "Debouncer"}) == sorted(WIDGETS)
    texts = {}
    for lesson in LESSONS:
        cells = read(lesson.notebook)["cells"]
        texts[lesson.notebook] = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    for path in sorted((ROOT / "src" / "baogao" / "course").glob("lesson*.py")):
        texts[path.name] = path.read_text(encoding="utf-8")
    unused = [name for name in WIDGETS if not any(re.search(rf"\b{name}\(", t) for t in texts.values())]
    assert unused == [], f"widgets that no lesson builds: {unused}"


def test_the_instructors_guide_times_every_lesson_as_the_lesson_does():
    """docs/instructors.md has a row per lesson: the lesson's own 时长 line (lesson, exercise
    notebook), which add up to LESSONS' minutes, and the number of exercises."""
    guide = (ROOT / "docs" / "instructors.md").read_text(encoding="utf-8")
    for lesson in LESSONS:
        number = int(lesson.id[:2])
        row = re.search(rf"^\| 第 {number} 课　{lesson.title} \| 约 (\d+) 分钟 \| 约 (\d+) 分钟 \| (\d+) 题 \|$",
                        guide, re.M)
        assert row, f"docs/instructors.md has no row for lesson {lesson.id}"
        reading, exercises, count = map(int, row.groups())
        opening = "".join(read(lesson.notebook)["cells"][0]["source"])
        assert f"约 {reading} 分钟" in opening and f"练习本另需约 {exercises} 分钟" in opening, lesson.id
        assert reading + exercises == lesson.minutes, lesson.id
        assert count == len(lesson.module().assignment.problems), lesson.id
