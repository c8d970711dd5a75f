"""Exercises that check themselves: ``from baogao.exercises import sample as ex``.

In a notebook::

    report = load_report(REPORT)     # REPORT comes from the parameters cell
    ex.use(report)
    ex.q1.check(q1_answer)           # ✅ 正确 / ❌ 不正确：… / ⏳ 尚未作答
    ex.q1.hint(); ex.q1.hint(2); ex.q1.solution()

See ``problems`` for the kinds of problem, ``collect`` for how answers are
serialised (the grader of a class uses the same path), ``registry`` for how
assignments are found.
"""

from .compare import AnswerFormError
from .outcomes import (CORRECT, ERROR, INCORRECT, NOT_ATTEMPTED, STATUSES, SUBMITTED, Message,
                       Outcome)
from .problems import Assignment, FunctionProblem, Problem, ValueProblem, WritingProblem
from .registry import assignments, get_assignment
from .reports import load_report

__all__ = ["Assignment", "Problem", "ValueProblem", "FunctionProblem", "WritingProblem",
           "Outcome", "Message", "AnswerFormError", "load_report", "assignments",
           "get_assignment", "STATUSES", "CORRECT", "INCORRECT", "NOT_ATTEMPTED", "SUBMITTED",
           "ERROR"]
