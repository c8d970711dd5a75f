"""Lesson 06 (校对): what its tables, its quiz and its assignment all compute.

The errata are read only through the kit (``baogao.sources.errata``), the
linter's score against them only through ``baogao.lint.scoring``: the lesson
states no count that a revision of the errata could change without a test
computing it again.
"""

from __future__ import annotations

import re
from functools import lru_cache

from baogao.course.reports import ONLY_SPECIMEN, is_specimen, report_label  # noqa: F401
from baogao.lint import lint
from baogao.lint.claims import from_findings
from baogao.lint.scoring import CATEGORY_LABELS, score
from baogao.sources.errata import CATCHABLE, UNKNOWN, load_errata
from baogao.sources.shipped import specimen

#: The ASCII marks a Chinese text should not have (GB/T 15834: full-width marks).
ASCII_MARKS = (",", ";", ":", "?", "!", "(", ")")
CERTAINTY_LABELS = {"certain": "确定", "probable": "很可能", "unknown": "不确定"}


@lru_cache(maxsize=1)
def _shipped_errata():
    return load_errata()


def errata():
    """The specimen's errata, validated, as the kit reads them (read once; a copy per call)."""
    return _shipped_errata().copy()


def entry(entry_id: str):
    """One errata entry (a row) by its id; ids are stable."""
    e = errata()
    rows = e[e["id"] == entry_id]
    if len(rows) != 1:
        raise LookupError(f"no errata entry {entry_id}")
    return rows.iloc[0]


def label(category: str) -> str:
    return CATEGORY_LABELS.get(category, category)


def entry_lines(category: str) -> list[int]:
    """The raw lines of the errata's entries of one category, in text order."""
    e = errata()
    return sorted({int(n) for n in e.loc[e["category"] == category, "line"]})


def treatment(row) -> str:
    """What an entry asks for, in a few words: 改为…, 删去…, or a query."""
    if row["correction"] == UNKNOWN:
        return "存疑：原文不明，请作者核对"
    if row["correction"] == "":
        return f"删去“{row['text']}”" if len(row["text"]) <= 12 else "整行删去"
    new = row["correction"]
    return f"改为{new}" if new.startswith("“") and new.endswith("”") else f"改为“{new}”"


# -- the linter on the specimen, scored against the errata -----------------------------------
@lru_cache(maxsize=1)
def _specimen_score() -> dict:
    return score(from_findings(lint(specimen())))


def specimen_score() -> dict:
    """``baogao.lint.scoring.score`` of the linter's findings on the raw specimen."""
    return _specimen_score()


def recall_by_category() -> dict[str, list[int]]:
    """Catchable category with once entries → [entries found, entries]."""
    return {c["category"]: [c["found"], c["entries"]] for c in specimen_score()["categories"]
            if c["catchable"] and c["entries"]}


def missed_entries() -> list[str]:
    """The ids of the catchable once entries that no finding counts for."""
    return [x["id"] for x in specimen_score()["entries"] if not x["found_by"]]


def found_by() -> dict[str, list[str]]:
    """Entry id → the rules whose findings count for it (catchable once entries)."""
    return {x["id"]: list(x["found_by"]) for x in specimen_score()["entries"]}


def uncatchable_categories() -> list[str]:
    return [c for c, ok in CATCHABLE.items() if not ok]


# -- ASCII marks ------------------------------------------------------------------------------
def ascii_counts(report) -> dict[str, int]:
    """How many times each ASCII mark occurs in the report's text."""
    return {m: report.text.count(m) for m in ASCII_MARKS}


def ascii_lines(report, mark: str) -> list[int]:
    return sorted({report.position(m.start())[0] for m in re.finditer(re.escape(mark), report.text)})


def half_width_findings(report) -> dict[str, int]:
    """The linter's half-width-punctuation findings, by the mark found."""
    out = dict.fromkeys(ASCII_MARKS, 0)
    for f in lint(report, select=["half-width-punctuation"]):
        out[f.text] = out.get(f.text, 0) + 1
    return out


def rule_lines(report, rule: str) -> list[int]:
    """The lines of one rule's findings on the report."""
    return sorted({f.line for f in lint(report, select=[rule])})
