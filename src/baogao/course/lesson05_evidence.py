"""Lesson 05 (数据与论据): its tables and widget (``lesson05_reading``, re-exported for the
notebook) and its assignment (solutions/05_evidence.ipynb):

- q1 (coding): the report's figures by qualifier of precision (the report in use);
- q2 (coding, hidden cases, ``extract_quantities`` disabled): a function that reads figures
  written in Arabic digits, with multiplier, unit and qualifiers;
- q3, q4 (coding): the internal arithmetic of raw lines 36, 9 and 18, with the bounds the
  qualifiers set;
- q5 (judgement): unit and wording problems of the specimen's figures;
- q6 (judgement): what can and cannot be said of the survey of raw line 14;
- q7 (writing): raw line 14 or 17 with the source of its figures and consistent units.

q1 and q2 follow the report the notebook studies (q2 no report at all); q3–q7 are about the
specimen (raw edition) whatever the report, and say so.
"""

from __future__ import annotations

from baogao.course.lesson05_exercises import FIGURE_CASES, Q1, Q2, Q3, Q4, read_figures  # noqa: F401
from baogao.course.lesson05_judgement import Q5, Q6
from baogao.course.lesson05_measures import ONLY_SPECIMEN, is_specimen, report_label  # noqa: F401
from baogao.course.lesson05_reading import *  # noqa: F401,F403 - the lesson notebook's `lesson.…` names
from baogao.course.lesson05_writing import MODEL, OTHER  # noqa: F401
from baogao.course.lesson05_writing import Q7
from baogao.exercises.outcomes import Message
from baogao.exercises.problems import Assignment

assignment = Assignment("05_evidence", "第 5 课作业：读出数据、核对算术、判断单位和可信度、改写一段")
use = assignment.use

q1 = assignment.add(Q1)
q2 = assignment.add(Q2)
q3 = assignment.add(Q3)
q4 = assignment.add(Q4)
q5 = assignment.add(Q5)
q6 = assignment.add(Q6)
q7 = assignment.add(Q7)


def scope_note() -> Message:
    """Which problems follow the report in use, and which are about the specimen."""
    report = assignment.report
    if is_specimen(report) and report.meta.get("edition") == "raw":
        return Message("本作业用样本报告的原样版：题目里的行号都是原样版的行号。")
    return Message(f"本作业的第 1 题读参数格选的报告（{report_label(report)}）；第 2 题与报告无关；"
                   "第 3—7 题只针对样本报告的原样版，检查也按样本报告进行。")
