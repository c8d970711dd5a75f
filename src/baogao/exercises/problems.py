"""Problems and assignments: the learntools-style API of the exercise notebooks.

``ex.q1.check(answer)``, ``ex.q1.hint()``, ``ex.q1.hint(2)``,
``ex.q1.solution()``. A check first turns the answer into plain JSON
(``collect``), then grades it (``Problem.grade``): the grader of a class
calls the same ``grade`` on answers collected from each student's kernel.

Three kinds of problem:

- ``ValueProblem``: an answer variable compared with a value computed from
  the report in use (tolerant reading in ``compare``).
- ``FunctionProblem``: a function the student writes, run on hidden cases
  while the baogao function it reimplements is disabled.
- ``WritingProblem``: a rewrite; never "correct" — automatic feedback, a
  rubric, the status "submitted", and a model answer.
"""

from __future__ import annotations

import inspect
import os
import re
import sys
from dataclasses import dataclass, field
from typing import Any, Callable

from baogao.exercises import collect, compare
from baogao.exercises.outcomes import (
    CORRECT,
    ERROR,
    INCORRECT,
    MARKS,
    NOT_ATTEMPTED,
    SUBMITTED,
    Message,
    Outcome,
)
from baogao.exercises.reports import load_report

_UNSET = object()

#: Set to "1" by ``baogao teach grade`` in the kernel that runs a submission.
#: There a check would only repeat what the grader computes itself from the
#: collected answers (the notebook's output is never read); on lesson 01 the
#: checks were a quarter of the kernel's time and half its memory (a writing
#: check lints a whole report).
GRADING_ENV = "BAOGAO_GRADING"


def grading() -> bool:
    """Whether this kernel runs a submission for the grader."""
    return os.environ.get(GRADING_ENV) == "1"


def _resolve(value, report):
    """A problem attribute that may depend on the report."""
    return value(report) if callable(value) else value


@dataclass(eq=False)
class Problem:
    """One exercise. Subclasses implement ``_grade``."""

    name: str  # "q1"
    title: str
    variable: str  # the student's answer variable or function
    hints: list[str] = field(default_factory=list)
    #: The model answer shown by ``solution()``: code or text (or a function of the report).
    solution_text: str | Callable = ""
    #: Plausible wrong answers (values, or functions of the report): tests prove
    #: that each one is not accepted.
    wrong_answers: list = field(default_factory=list)
    #: Other correct answers (values, or functions of the report) than the model
    #: solution: another valid form or implementation. Tests prove each one passes,
    #: so a check is not tuned to one spelling of the answer.
    right_answers: list = field(default_factory=list)
    points: float = 1.0
    assignment: "Assignment | None" = None

    kind = "value"

    # -- the notebook API ----------------------------------------------------
    def check(self, answer=_UNSET) -> Outcome:
        """Check an answer; without one, read ``self.variable`` from the caller's globals.

        In the grader's kernel (``grading()``) nothing is checked: the grader grades
        the answer it collects after the last cell.
        """
        if grading():
            return Message(f"{MARKS['note']} 批改时笔记本里的检查不运行：{self.label}由批改程序根据你的答案另行评分。")
        if answer is _UNSET:
            answer = sys._getframe(1).f_globals.get(self.variable, None)
        return self.grade(self.collect(answer))

    def hint(self, n: int = 1) -> Message:
        if not self.hints:
            return Message(f"{MARKS['hint']} {self.label}没有提示。")
        if not isinstance(n, int) or n < 1:
            return Message(f"{MARKS['hint']} 提示从 1 开始编号：用 ex.{self.name}.hint(1)。")
        if n > len(self.hints):
            return Message(f"{MARKS['hint']} {self.label}只有 {len(self.hints)} 条提示；"
                           f"还想不出来，可以用 ex.{self.name}.solution() 看参考答案。")
        more = (f"（还有提示：ex.{self.name}.hint({n + 1})）" if n < len(self.hints) else "")
        return Message(f"{MARKS['hint']} 提示 {n}/{len(self.hints)}：{self.hints[n - 1]}{more}")

    def solution(self) -> Message:
        return Message(f"{MARKS['hint']} 参考答案：\n{_resolve(self.solution_text, self.report)}")

    @property
    def label(self) -> str:
        """"第 1 题" for q1."""
        return f"第 {self.name[1:]} 题" if re.fullmatch(r"q\d+", self.name) else self.name

    # -- what the grader uses ---------------------------------------------------
    @property
    def report(self):
        return self.assignment.report if self.assignment else load_report("specimen")

    def collect(self, answer) -> Any:
        """The plain JSON form of an answer (what ``grade`` reads)."""
        return collect.plain(answer)

    def collect_spec(self) -> dict:
        """How the grader's kernel-side collector finds this answer."""
        return {"problem": self.name, "kind": self.kind, "variable": self.variable}

    def grade(self, answer, report=None) -> Outcome:
        """The verdict on a plain answer, for the report in use (or ``report``)."""
        report = load_report(report) if report is not None else self.report
        if isinstance(answer, dict) and answer.get("$") == "missing":
            return self._outcome(NOT_ATTEMPTED, f"没有找到 {self.variable}：请先运行作答单元。")
        if compare.is_stub(answer):
            return self._outcome(NOT_ATTEMPTED, f"把 {self.variable} 后面的 ... 换成你的答案，再运行检查。")
        if isinstance(answer, dict) and answer.get("$") == "error":
            if answer.get("type") == "RunnerDied":  # the grader's own run of a coding answer
                return self._outcome(ERROR, answer.get("message", ""))
            return self._outcome(ERROR, f"读取答案时出错（{answer.get('type', '')}）。")
        try:
            return self._grade(answer, report)
        except compare.AnswerFormError as exc:
            return self._outcome(INCORRECT, exc.message)

    def _grade(self, answer, report) -> Outcome:  # pragma: no cover - abstract
        raise NotImplementedError

    def _outcome(self, status: str, message: str = "", **kw) -> Outcome:
        score = {CORRECT: self.points, SUBMITTED: None}.get(status, 0.0)
        return Outcome(self.name, status, message, score=score, max_score=self.points, **kw)

    # -- for tests ---------------------------------------------------------------
    def stub_answer(self):
        """What the generated exercise notebook leaves in place of the answer."""
        return ...

    def solution_answer(self, report):  # pragma: no cover - abstract
        raise NotImplementedError

    def wrong(self, report) -> list:
        return [_resolve(w, report) for w in self.wrong_answers]

    def right(self, report) -> list:
        return [_resolve(r, report) for r in self.right_answers]

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name}: {self.title}>"


@dataclass(eq=False, repr=False)
class ValueProblem(Problem):
    """Compare an answer with a value computed from the report.

    ``read`` turns the plain answer into a comparable value (raising
    ``AnswerFormError`` for a wrong form), ``same`` compares, ``diagnose``
    may explain a known wrong answer without giving the right one away.
    """

    expected: Callable = None  # report -> value
    read: Callable = lambda value: value
    same: Callable = lambda a, b: a == b
    diagnose: Callable | None = None  # (value, expected, report) -> sentence or None

    def _grade(self, answer, report) -> Outcome:
        value = self.read(answer)
        expected = self.expected(report)
        if self.same(value, expected):
            return self._outcome(CORRECT)
        why = self.diagnose(value, expected, report) if self.diagnose else None
        return self._outcome(INCORRECT, why or f"再想想。可以用 ex.{self.name}.hint() 看提示。")

    def solution_answer(self, report):
        return self.expected(report)


@dataclass(eq=False, repr=False)
class FunctionProblem(Problem):
    """Run the student's function on hidden cases with ``disable`` switched off.

    ``cases`` is a list of (arguments, expected plain result). ``shown`` is
    how a failing call is quoted back (the input and the student's result,
    never the expected one).
    """

    kind = "function"
    cases: list = field(default_factory=list)
    disable: tuple = ()  # "module:function" the student must not call
    reference: Callable | None = None  # the model implementation
    case_timeout: float = 2.0

    def collect(self, answer) -> Any:
        return collect.run_cases(answer, [list(args) for args, _ in self.cases], self.disable,
                                 self.case_timeout)

    def collect_spec(self) -> dict:
        spec = super().collect_spec()
        spec.update(cases=[list(args) for args, _ in self.cases], disable=list(self.disable),
                    timeout=self.case_timeout)
        return spec

    def _grade(self, answer, report) -> Outcome:
        if not (isinstance(answer, dict) and answer.get("$") == "function"):
            return self._outcome(INCORRECT, f"{self.variable} 应当是一个函数（用 def 定义）。")
        outputs = answer.get("outputs", [])
        if answer.get("blocked") or any(_special(o) == "blocked" for o in outputs):
            names = "、".join(t.replace(":", ".") for t in self.disable)
            return self._outcome(INCORRECT, f"你的函数用到了 baogao（这道题禁用 {names}）：这道题要求不借助 baogao，"
                                            "只用 Python 标准库自己实现。")
        if len(outputs) != len(self.cases):
            return self._outcome(ERROR, "测试用例没有全部运行。")
        if all(o is None for o in outputs) and any(exp is not None for _, exp in self.cases):
            return self._outcome(NOT_ATTEMPTED, f"{self.variable} 对所有输入都返回 None：函数体还没有写吧？")
        failures = [(args, out) for (args, exp), out in zip(self.cases, outputs) if out != exp]
        if not failures:
            return self._outcome(CORRECT, f"通过了全部 {len(self.cases)} 个测试用例。")
        args, out = failures[0]
        call = f"{self.variable}({', '.join(repr(a) for a in args)})"
        special = _special(out)
        if special == "timeout":
            got = "运行超时（死循环？）"
        elif special == "error":
            got = f"出错：{out.get('type')}: {out.get('message', '')}"
        else:
            got = f"返回了 {_show(out)}，不对"
        outcome = self._outcome(INCORRECT, f"{len(self.cases)} 个测试用例中有 {len(failures)} 个没有通过。"
                                           f"例如 {call} {got}。")
        passed = len(self.cases) - len(failures)
        if passed:  # partial credit: the share of hidden cases passed
            outcome.score = round(self.points * passed / len(self.cases), 2)
            outcome.message += f"部分得分：通过 {passed}/{len(self.cases)} 个用例，得 {outcome.score:g} 分（满分 {self.points:g} 分）。"
        return outcome

    def stub_answer(self):
        def stub(*args):
            ...
        stub.__name__ = self.variable
        return stub

    def solution_answer(self, report):
        return self.reference

    def solution(self) -> Message:
        text = _resolve(self.solution_text, self.report) or inspect.getsource(self.reference)
        return Message(f"{MARKS['hint']} 参考答案：\n{text}")


@dataclass(eq=False, repr=False)
class WritingProblem(Problem):
    """A rewrite. ``feedback(text, report)`` gives ``(checks, notes)``: automatic
    checks as (passed, sentence) pairs, and the linter's advice as sentences."""

    kind = "writing"
    task: Callable | str = ""  # report -> the task in one or two sentences
    feedback: Callable = None  # (text, report) -> (list[(bool, str)], list[str])
    model_answer: Callable | str = ""  # report -> model answer text
    rubric: list[str] = field(default_factory=list)

    def _grade(self, answer, report) -> Outcome:
        text = compare.as_text(answer, what=self.variable)
        checks, notes = self.feedback(text, report) if self.feedback else ([], [])
        return self._outcome(SUBMITTED, "自动检查只供参考，最终由教师评阅。", checks=list(checks),
                             notes=list(notes), rubric=list(self.rubric))

    def describe(self) -> Message:
        """The task on the report in use (its line numbers change with the report)."""
        return Message(_resolve(self.task, self.report))

    def solution_answer(self, report):
        return _resolve(self.model_answer, report)

    def solution(self) -> Message:
        text = _resolve(self.solution_text, self.report) or _resolve(self.model_answer, self.report)
        return Message(f"{MARKS['hint']} 参考答案（范文之一，不是唯一答案）：\n{text}")


def _special(value) -> str | None:
    return value.get("$") if isinstance(value, dict) else None


def _show(value) -> str:
    if isinstance(value, dict) and value.get("$") == "repr":
        return value.get("repr", "?")
    return repr(value)


class Assignment:
    """The problems of one exercise notebook (``exercises/NN_name.ipynb``).

    ``name`` is the notebook's file stem and the ``baogao.assignment`` value
    of its metadata. The report the checks use is ``default_report`` until the
    notebook calls ``use(report)``.
    """

    def __init__(self, name: str, title: str, *, default_report: str = "specimen"):
        self.name = name
        self.title = title
        self.default_report = default_report
        self.problems: dict[str, Problem] = {}
        self._report = None

    def add(self, problem: Problem) -> Problem:
        if problem.name in self.problems:
            raise ValueError(f"duplicate problem {problem.name} in {self.name}")
        if not problem.wrong_answers:
            raise ValueError(f"{self.name}.{problem.name} declares no wrong answer")
        problem.assignment = self
        self.problems[problem.name] = problem
        return problem

    def use(self, report):
        """Check against this report (a ``Report``, "specimen", a corpus id or a path)."""
        self._report = load_report(report)
        return self._report

    @property
    def report(self):
        if self._report is None:
            self._report = load_report(self.default_report)
        return self._report

    def collect_specs(self) -> list[dict]:
        return [p.collect_spec() for p in self.problems.values()]

    def grade(self, answers: dict, report=None) -> list[Outcome]:
        """Verdicts on the plain answers collected from a notebook."""
        return [p.grade(answers.get(p.name, {"$": "missing"}), report)
                for p in self.problems.values()]

    def __iter__(self):
        return iter(self.problems.values())

    def __repr__(self) -> str:
        return f"<Assignment {self.name}: {', '.join(self.problems)}>"
