"""The grade sheet's vocabulary: its columns, its statuses and their Chinese names.

One row per student and exercise (``COLUMNS``, plus ``answer`` when a
writing exercise was submitted), and a row with exercise ``NOTEBOOK_ROW`` when
the notebook itself had problems. ``merge_review`` appends the teacher's
comment to the feedback after ``COMMENT_MARK``; ``split_comment`` takes it
apart again.
"""

from __future__ import annotations

import math

NOTEBOOK_ROW = "notebook"
COLUMNS = ["student", "assignment", "exercise", "status", "score", "max_score", "feedback",
           "notebook"]
ANSWER = "answer"

CORRECT, SUBMITTED, REVIEWED, CONFLICT = "correct", "submitted", "reviewed", "conflict"

STATUS_NAMES = {
    "correct": "正确", "incorrect": "不正确", "not_attempted": "尚未作答",
    "submitted": "已提交，待教师评阅", "reviewed": "教师已评阅", "error": "无法检查",
    "conflict": "同一作业交了多本，未评分",
    "invalid_notebook": "不是有效的笔记本", "wrong_assignment": "不是本次作业",
    "timeout": "超时", "memory": "内存超限", "too_many_processes": "进程过多",
    "kernel_died": "内核退出", "no_answers": "取不到答案",
    "output_too_large": "输出过多", "cell_error": "单元出错", "cells_deleted": "删除了单元",
    "cells_reordered": "调换了单元顺序", "cells_edited": "修改了检查单元",
    "grader_error": "批改程序出错",
}

#: Statuses whose score is not known yet: they count in no mean and no total.
NOT_GRADED = (SUBMITTED, CONFLICT)

COMMENT_MARK = "教师评语："


def counted_score(status: str, score) -> float | None:
    """The score that counts: None while not graded (``NOT_GRADED``), else the score, an
    empty score (a broken notebook's exercise) counting as 0."""
    if status in NOT_GRADED:
        return None
    if score is None or math.isnan(score):
        return 0.0
    return float(score)


def status_name(status: str) -> str:
    """The Chinese name of a status (an unknown status is shown as it is)."""
    return STATUS_NAMES.get(status, status)


def split_comment(feedback: str) -> tuple[str, str]:
    """(automatic feedback, teacher's comment) of a feedback cell."""
    text = feedback if isinstance(feedback, str) else ""
    head, mark, comment = text.rpartition(COMMENT_MARK)
    if not mark:
        return text, ""
    return head.removesuffix("；"), comment


def join_comment(feedback: str, comment: str) -> str:
    """The feedback cell with the teacher's ``comment`` (replacing an earlier one)."""
    auto, _ = split_comment(feedback)
    comment = comment.strip()
    if not comment:
        return auto
    return f"{auto}；{COMMENT_MARK}{comment}" if auto else COMMENT_MARK + comment
