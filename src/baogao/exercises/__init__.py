"""Exercises that check themselves: ``from baogao.course import lesson01_structure as ex``.

In a notebook::

    report = load_report(REPORT)     # REPORT comes from the parameters cell
    ex.use(report)
    ex.q1.check(q1_answer)           # ✓ 正确 / × 不正确：… / ○ 尚未作答 (marks: outcomes.MARKS)
    ex.q1.hint(); ex.q1.hint(2); ex.q1.solution()

See ``problems`` for the kinds of problem, ``collect`` for how answers are
serialised (the grader of a class uses the same path), and ``baogao.course`` for the
lessons' assignments.
"""

from baogao.exercises.choice import ChoiceProblem
from baogao.exercises.compare import AnswerFormError
from baogao.exercises.outcomes import (
           CORRECT,
           ERROR,
           INCORRECT,
           NOT_ATTEMPTED,
           STATUSES,
           SUBMITTED,
           Message,
           Outcome,
)
from baogao.exercises.problems import (
           Assignment,
           FunctionProblem,
           Problem,
           ValueProblem,
           WritingProblem,
)
from baogao.exercises.reports import load_report

__all__ = ["Assignment", "Problem", "ValueProblem", "ChoiceProblem", "FunctionProblem", "WritingProblem",
           "Outcome", "Message", "AnswerFormError", "load_report", "STATUSES", "CORRECT", "INCORRECT", "NOT_ATTEMPTED", "SUBMITTED",
           "ERROR"]
