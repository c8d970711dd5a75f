"""Lesson 07 (动手写报告): its tables, widgets and export (``lesson07_reading``,
``lesson07_export``, re-exported for the notebook), its texts (``lesson07_models``) and its
assignment (solutions/07_drafting.ipynb):

- q1 (judgement): which 文种 a 团县委 writes to report on its work and to ask for a decision;
- q2 (writing): the missing section 二、存在的问题 of a short report of a 团支部;
- q3 (writing): a 公文式 annual report of a 团支部 or 团委 to its superior, or a 请示;
- q4 (coding): the draft linted until it has no error, exported as .docx, its styles read back;
- q5 (judgement): peer review of a classmate's draft with the rubric of q3.

Every problem is about texts written for the course: none follows the report the notebook
studies (the lesson's element table and measures do).
"""

from __future__ import annotations

from baogao.course.lesson07_exercises import Q1, Q4, Q5, export_styles  # noqa: F401
from baogao.course.lesson07_export import *  # noqa: F401,F403 - the lesson notebook's `lesson.…` names
from baogao.course.lesson07_models import MODEL, PEER, QINGSHI, SHORT, SHORT_GAP, SHORT_MODEL, short_report  # noqa: F401
from baogao.course.lesson07_reading import *  # noqa: F401,F403 - the lesson notebook's `lesson.…` names
from baogao.course.lesson07_writing import Q2, Q3
from baogao.exercises.outcomes import Message
from baogao.exercises.problems import Assignment

assignment = Assignment("07_drafting", "第 7 课作业：选文种、补写问题、写一份报告、导出 Word、同伴互评")
use = assignment.use

q1 = assignment.add(Q1)
q2 = assignment.add(Q2)
q3 = assignment.add(Q3)
q4 = assignment.add(Q4)
q5 = assignment.add(Q5)


def scope_note() -> Message:
    """The problems are about the course's own texts, whatever the report."""
    return Message("本作业的五道题讲的都是本课为教学写的文稿（范文、团支部的报告、同学的草稿），"
                   "不随参数格里的 REPORT 变化。")


def short_shown() -> Message:
    """The short report of q2, with its gap marked."""
    return Message(SHORT.replace(SHORT_GAP, "【这里缺第二部分，请你来写】"))
