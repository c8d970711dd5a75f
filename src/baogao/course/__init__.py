"""The course: one module per lesson, named by the lesson's id, and the manifest.

``LESSONS`` is the one list of lessons that the tests, the grader, the
browser test and the docs walk. A lesson's id
names its files everywhere: ``notebooks/<id>.ipynb``, ``solutions/<id>.ipynb``
and ``exercises/<id>.ipynb`` (when it has an assignment), and the module
``baogao.course.lesson<id>`` with the lesson's quiz and the assignment's checks.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType

from baogao.errors import UsageError
from baogao.exercises.problems import Assignment


@dataclass(frozen=True)
class Lesson:
    """One lesson of the course.

    ``id`` (``"01_structure"``) names the notebook, the solution and exercise
    notebooks and the course module; ``title`` is the Chinese title;
    ``minutes`` the time a student needs for lesson and assignment;
    ``assignment`` whether the lesson has an exercise notebook.
    """

    id: str
    title: str
    minutes: int
    assignment: bool = True

    @property
    def notebook(self) -> str:
        return f"notebooks/{self.id}.ipynb"

    @property
    def solution(self) -> str | None:
        return f"solutions/{self.id}.ipynb" if self.assignment else None

    @property
    def exercise(self) -> str | None:
        return f"exercises/{self.id}.ipynb" if self.assignment else None

    @property
    def module_name(self) -> str:
        return f"{__name__}.lesson{self.id}"

    def module(self) -> ModuleType:
        """The lesson's course module (its quiz and its assignment's checks)."""
        return importlib.import_module(self.module_name)


LESSONS: tuple[Lesson, ...] = (
    Lesson("00_start", "开始之前", minutes=60),
    Lesson("01_structure", "报告的骨架", minutes=75),
    Lesson("02_paragraphs", "段落的写法", minutes=75),
    Lesson("03_words", "用词与提法", minutes=90),
    Lesson("04_rhythm", "句式与节奏", minutes=80),
    Lesson("05_evidence", "数据与论据", minutes=80),
    Lesson("06_proofreading", "校对", minutes=90),
    Lesson("07_drafting", "动手写报告", minutes=120),
)


def lesson(lesson_id: str) -> Lesson:
    """The lesson with this id."""
    for item in LESSONS:
        if item.id == lesson_id:
            return item
    raise UsageError(f"没有编号为“{lesson_id}”的课：已有 {'、'.join(x.id for x in LESSONS)}。")


def _assignment_of(item: Lesson) -> Assignment:
    assignment = getattr(item.module(), "assignment", None)
    if not isinstance(assignment, Assignment) or assignment.name != item.id:
        raise ValueError(f"{item.module_name} must define assignment = Assignment({item.id!r}, …)")
    return assignment


def assignments() -> dict[str, Assignment]:
    """Assignment name (the lesson id) → its checks, in course order (imports every lesson)."""
    return {item.id: _assignment_of(item) for item in LESSONS if item.assignment}


def get_assignment(name: str) -> Assignment:
    """The assignment of the lesson ``name``; an unknown name is bad input.

    Imports that lesson's module only: a grader's worker needs one
    assignment, and some lessons' modules take a second to import.
    """
    for item in LESSONS:
        if item.id == name and item.assignment:
            return _assignment_of(item)
    known = [item.id for item in LESSONS if item.assignment]
    raise UsageError(f"没有名为“{name}”的作业：已有 {'、'.join(known) or '（无）'}。")
