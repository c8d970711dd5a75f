"""The grade sheet: from the grader's rows to the files a teacher uses.

Rows are dicts with the keys of ``COLUMNS`` (``student, assignment, exercise,
status, score, max_score, feedback, notebook``) and optionally ``answer`` (the
text a writing exercise submitted); ``frame(rows)`` makes the table.

- ``resolve_conflicts``: a student with several notebooks of one assignment
  gets one row per exercise with status ``conflict`` (not graded).
- ``summarize``: one row per assignment and exercise; the mean counts every
  student with a verdict, broken notebooks as 0.
- ``write_csv`` (``csvsafe``): UTF-8 with BOM, no cell a spreadsheet executes;
  ``read_grades`` reads such a file back.
- ``write_html`` and ``feedback_pages`` (``pages``): the class report, one page per student.
- ``lms_table``: one row per student and one column per exercise, for an LMS import.
- ``review_sheet`` / ``merge_review``: the teacher scores the writing exercises
  in a spreadsheet, and the scores come back into the sheet.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import NamedTuple

from baogao.errors import UsageError
from baogao.lazy import pandas as pd
from baogao.teach.csvsafe import read_csv, restore_cell, safe_cell, write_csv
from baogao.teach.pages import feedback_pages, write_html
from baogao.teach.statuses import (
    ANSWER,
    COLUMNS,
    CONFLICT,
    NOT_GRADED,
    NOTEBOOK_ROW,
    REVIEWED,
    STATUS_NAMES,
    SUBMITTED,
    counted_score,
    join_comment,
    status_name,
)

__all__ = ["COLUMNS", "NOTEBOOK_ROW", "STATUS_NAMES", "Resolution", "feedback_pages", "frame",
           "lms_table", "merge_review", "read_grades", "read_review", "resolve_conflicts",
           "restore_cell", "review_sheet", "safe_cell", "status_name", "summarize", "write_csv",
           "write_html"]

TEXT_COLUMNS = ("student", "assignment", "exercise", "status", "feedback", "notebook")
SUMMARY_COLUMNS = ["assignment", "exercise", "students", "correct", "incorrect", "not_attempted",
                   "submitted", "reviewed", "conflict", "other", "mean_score", "max_score"]
REVIEW_COLUMNS = ["student", "assignment", "exercise", "answer", "feedback", "max_score",
                  "teacher_score", "teacher_comment"]
KEY = ["student", "assignment", "exercise"]


def frame(rows):
    """The rows as a DataFrame: ``COLUMNS`` (+ ``answer`` if any row has it), numeric
    scores (NaN where there is none), texts "" where missing."""
    rows = list(rows)
    columns = COLUMNS + ([ANSWER] if any(ANSWER in row for row in rows) else [])
    out = pd.DataFrame([{c: row.get(c) for c in columns} for row in rows], columns=columns)
    for column in ("score", "max_score"):
        out[column] = pd.to_numeric(out[column], errors="coerce").astype(float)
    for column in [c for c in columns if c in TEXT_COLUMNS or c == ANSWER]:
        out[column] = [v if isinstance(v, str) else "" if _missing(v) else str(v) for v in out[column]]
        out[column] = out[column].astype(object)
    return out.reset_index(drop=True)


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def _graded(table):
    return table[table["exercise"] != NOTEBOOK_ROW]


# -- conflicts --------------------------------------------------------------------------------
class Resolution(NamedTuple):
    frame: object  # the grade sheet, one row per student and exercise
    set_aside: object  # the rows of the conflicting notebooks, as they were graded


def _frame_conflicts(table) -> dict[str, list[str]]:
    """Students with rows of one assignment from two or more notebooks."""
    out: dict[str, set[str]] = {}
    graded = _graded(table)
    for (student, _assignment), group in graded.groupby(["student", "assignment"], sort=False):
        notebooks = set(group["notebook"]) - {""}
        if len(notebooks) > 1:
            out.setdefault(student, set()).update(notebooks)
    return {student: sorted(paths) for student, paths in out.items()}


def conflict_feedback(relpaths) -> str:
    return f"提交了多本同一作业的笔记本：{'、'.join(relpaths)}；请只保留一本后重新批改。"


def resolve_conflicts(table, conflicts=None) -> Resolution:
    """The sheet with every conflict made one ``conflict`` row per exercise (score NaN,
    feedback naming the notebooks), and the conflicting notebooks' own rows set aside.

    ``conflicts`` is ``{student: [relpaths]}`` (``roster.conflicts``); a student
    whose rows of one assignment come from two notebooks is a conflict too."""
    table = table.reset_index(drop=True)
    found = _frame_conflicts(table)
    for student, relpaths in (conflicts or {}).items():
        found[student] = sorted(set(found.get(student, [])) | set(relpaths))
    involved = pd.Series([nb in found.get(st, ()) for st, nb in zip(table["student"], table["notebook"])],
                         index=table.index, dtype=bool)
    replaced, aside = [], []
    for (student, assignment), group in table[involved].groupby(["student", "assignment"], sort=False):
        relpaths = sorted(set(group["notebook"]))
        if len(relpaths) < 2:  # this assignment's notebook was not one of several
            continue
        aside += list(group.index)
        exercises = _graded(group)
        names = list(dict.fromkeys(exercises["exercise"])) or [NOTEBOOK_ROW]
        for name in names:
            same = exercises[exercises["exercise"] == name]
            replaced.append({**dict.fromkeys(table.columns, ""), "student": student,
                             "assignment": assignment, "exercise": name, "status": CONFLICT,
                             "score": math.nan, "max_score": same["max_score"].max() if len(same) else math.nan,
                             "feedback": conflict_feedback(relpaths), "notebook": "、".join(relpaths)})
    kept, set_aside = table.drop(index=aside), table.loc[aside]
    out = pd.concat([kept, pd.DataFrame(replaced, columns=table.columns)]) if replaced else kept
    order = {s: i for i, s in enumerate(dict.fromkeys(table["student"]))}
    out = out.sort_values("student", key=lambda s: s.map(order), kind="stable")
    return Resolution(frame(out.to_dict("records")), set_aside.reset_index(drop=True))


# -- statistics ---------------------------------------------------------------------------------
def summarize(table):
    """One row per assignment and exercise: students, counts per status, mean score, max_score.

    The mean counts every student with a verdict: a broken notebook's exercise
    scores 0 (also when its score cell is empty). Conflicts are left out (not
    graded); while any row still waits for the teacher (``submitted``) the mean is None."""
    known = ("correct", "incorrect", "not_attempted", SUBMITTED, REVIEWED, CONFLICT)
    out = []
    for (assignment, exercise), group in _graded(table).groupby(["assignment", "exercise"], sort=False):
        counts = group["status"].value_counts()
        scored = [v for v in map(counted_score, group["status"], group["score"]) if v is not None]
        pending = counts.get(SUBMITTED, 0) > 0 or not scored
        best = group["max_score"].max()
        out.append({"assignment": assignment, "exercise": exercise,
                    "students": group["student"].nunique(),
                    **{k: int(counts.get(k, 0)) for k in known},
                    "other": int(sum(v for k, v in counts.items() if k not in known)),
                    "mean_score": None if pending else round(sum(scored) / len(scored), 3),
                    "max_score": None if pd.isna(best) else float(best)})
    return pd.DataFrame(out, columns=SUMMARY_COLUMNS)


# -- reading a grade sheet back --------------------------------------------------------------------
def read_grades(path):
    """The grade sheet ``write_csv`` wrote (a bad file is one Chinese sentence, UsageError)."""
    raw = read_csv(path, what="成绩表")
    missing = [c for c in COLUMNS if c not in raw.columns]
    if missing or raw.columns.duplicated().any():
        raise UsageError(f"“{path}”不是 baogao teach grade 写出的成绩表："
                         + (f"缺少列 {'、'.join(missing)}。" if missing else "有重复的列名。"))
    for column in ("score", "max_score"):
        _numbers(raw, column, path, "成绩表")
    return frame(raw.to_dict("records"))


def _number(text: str) -> float | None:
    """A score as the teacher typed it (full-width digits too), None if empty; ValueError if not a number."""
    text = unicodedata.normalize("NFKC", str(text)).strip()
    if not text:
        return None
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
        raise ValueError(text)
    return float(text)


def _numbers(raw, column: str, path, what: str) -> None:
    values = []
    for number, text in enumerate(raw[column], 2):
        try:
            value = _number(text)
        except ValueError:
            raise UsageError(f"{what}“{path}”第 {number} 行的 {column} 不是数字：“{text}”。") from None
        values.append(math.nan if value is None else value)
    raw[column] = values


# -- the LMS export ---------------------------------------------------------------------------------
def lms_table(table):
    """One row per student: ``student``, one column per exercise (``01_structure/q1``)
    with the score, ``total`` and ``max_total``.

    For a platform's CSV grade import (Moodle's 成绩 → 导入 → CSV 文件, a Canvas
    gradebook import, 学习通's 成绩导入 template): ``student`` is the folder or
    file name of the submission, so it must be the identifier the platform
    knows (学号, username or e-mail); map it to that field, and map each
    exercise column (or only ``total``) to a grade item. An empty cell means no
    grade yet: a conflict, a writing exercise not yet reviewed, or an exercise
    the student has no row for. ``total`` is the sum of the student's scores,
    empty while any of them is a conflict or awaits review; ``max_total`` is
    the sum of every column's max_score."""
    graded = _graded(table)
    columns = list(dict.fromkeys(a + "/" + e for a, e in zip(graded["assignment"], graded["exercise"])))
    students = list(dict.fromkeys(table["student"]))
    values, maxima, pending = {}, dict.fromkeys(columns, 0.0), set()
    for student, assignment, exercise, status, score, top in zip(
            graded["student"], graded["assignment"], graded["exercise"], graded["status"],
            graded["score"], graded["max_score"]):
        column = f"{assignment}/{exercise}"
        if status in NOT_GRADED:
            pending.add(student)
        counted = counted_score(status, score)
        values[(student, column)] = math.nan if counted is None else counted
        if not pd.isna(top):
            maxima[column] = max(maxima[column], float(top))
    rows = []
    for student in students:
        row = {"student": student, **{c: values.get((student, c), math.nan) for c in columns}}
        scores = [row[c] for c in columns if not pd.isna(row[c])]
        row["total"] = math.nan if student in pending else float(sum(scores))
        row["max_total"] = float(sum(maxima.values()))
        rows.append(row)
    return pd.DataFrame(rows, columns=["student", *columns, "total", "max_total"])


# -- the review round trip ----------------------------------------------------------------------------
def review_sheet(table):
    """The writing exercises that wait for the teacher (status ``submitted``): the
    student's answer, the automatic feedback, max_score, and empty
    ``teacher_score`` and ``teacher_comment`` for the teacher to fill in."""
    rows = table[table["status"] == SUBMITTED]
    out = pd.DataFrame({
        "student": rows["student"], "assignment": rows["assignment"], "exercise": rows["exercise"],
        "answer": rows.get(ANSWER, ""), "feedback": rows["feedback"],
        "max_score": rows["max_score"], "teacher_score": "", "teacher_comment": ""},
        columns=REVIEW_COLUMNS)
    return out.reset_index(drop=True)


def read_review(path):
    """A review sheet the teacher filled in (from ``review_sheet``, saved by a spreadsheet)."""
    raw = read_csv(path, what="评阅表")
    missing = [c for c in ("student", "assignment", "exercise", "teacher_score") if c not in raw.columns]
    if missing:
        raise UsageError(f"评阅表“{path}”缺少列 {'、'.join(missing)}：请用 baogao teach review 生成的表填写。")
    return raw


def merge_review(table, review):
    """The sheet with the teacher's scores: each row of ``review`` with a
    ``teacher_score`` makes its exercise ``reviewed``, with that score and the
    comment after "教师评语："; rows left empty stay ``submitted``. A score
    outside [0, max_score], a row of no known student or exercise, or one that
    is not a writing exercise waiting for review is a UsageError."""
    out = table.copy()
    where = {key: i for i, key in enumerate(zip(*(out[c] for c in KEY)))}
    seen = set()
    for row in review.to_dict("records"):
        key = tuple(str(row.get(c, "")).strip() for c in KEY)
        student, assignment, exercise = key
        label = f"{student} 的 {assignment}/{exercise}"
        raw_score = row.get("teacher_score", "")
        if key not in where:
            raise UsageError(f"评阅表里的 {label} 在成绩表中没有：请检查学生名和题号是否被改动。")
        if key in seen:
            raise UsageError(f"评阅表里 {label} 出现了不止一次。")
        seen.add(key)
        try:
            score = _number("" if _missing(raw_score) else raw_score)
        except ValueError:
            raise UsageError(f"{label} 的分数“{raw_score}”不是数字。") from None
        if score is None:
            continue
        i = out.index[where[key]]
        top = out.at[i, "max_score"]
        if out.at[i, "status"] not in (SUBMITTED, REVIEWED):
            raise UsageError(f"{label} 不是待评阅的写作题（状态：{status_name(out.at[i, 'status'])}），不能打分。")
        if not 0 <= score <= (top if not pd.isna(top) else math.inf):
            raise UsageError(f"{label} 的分数“{raw_score}”无效：应为 0 到 {top:g} 之间的数。")
        comment = row.get("teacher_comment", "")
        out.at[i, "status"] = REVIEWED
        out.at[i, "score"] = score
        out.at[i, "feedback"] = join_comment(out.at[i, "feedback"], "" if _missing(comment) else str(comment))
    return out
