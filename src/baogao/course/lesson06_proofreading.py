"""Lesson 06 (校对): its tables, widgets and quiz (``lesson06_reading``, re-exported for the
notebook) and its assignment (solutions/06_proofreading.ipynb):

- q1 (coding): the linter's recall on the specimen (raw) by errata category;
- q2 (coding): the catchable errata entries no finding counts for;
- q3 (coding, hidden cases, the kit's linter disabled): a rule that finds doubled words;
- q4 (judgement): which of eight defects a rule can catch;
- q5 (judgement): the two queries E048 and E143, corrected or queried;
- q6 (writing): three 校对意见, each with its basis.

Every problem is about the specimen (raw edition) whatever the report, except q3, which is
about no report: the errata document the specimen only.
"""

from __future__ import annotations

from baogao.course.lesson06_exercises import DOUBLED_CASES, Q1, Q2, Q3, doubled_words  # noqa: F401
from baogao.course.lesson06_judgement import Q4, Q5
from baogao.course.lesson06_measures import ONLY_SPECIMEN, is_specimen, report_label  # noqa: F401
from baogao.course.lesson06_reading import *  # noqa: F401,F403 - the lesson notebook's `lesson.…` names
from baogao.course.lesson06_writing import MODEL, OTHER  # noqa: F401
from baogao.course.lesson06_writing import Q6
from baogao.exercises.outcomes import Message
from baogao.exercises.problems import Assignment

assignment = Assignment("06_proofreading", "第 6 课作业：给校对工具打分、写一条规则、判断能不能查、写校对意见")
use = assignment.use

q1 = assignment.add(Q1)
q2 = assignment.add(Q2)
q3 = assignment.add(Q3)
q4 = assignment.add(Q4)
q5 = assignment.add(Q5)
q6 = assignment.add(Q6)


def scope_note() -> Message:
    """Which report the assignment is about: the specimen's raw edition, whatever the report."""
    report = assignment.report
    if is_specimen(report) and report.meta.get("edition") == "raw":
        return Message("本作业用样本报告的原样版：题目里的行号都是原样版的行号。")
    return Message(f"参数格选的是{report_label(report)}；本作业只有样本报告才有勘误表，所以第 1、2、4—6 题"
                   "都针对样本报告的原样版，检查也按样本报告进行；第 3 题与报告无关。")
