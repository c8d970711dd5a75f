"""Lesson 05 (数据与论据): what its tables and its assignment both compute.

Every figure comes from the kit's quantity table (``baogao.analysis.quantities``)
and its bounds from ``baogao.analysis.precision``: the specimen's figures a
check uses are looked up by raw line and text (``figure``), so that the lesson's
prose, its tables and its checks agree by construction, and a change of the
quantity reader that loses one of them fails loudly.
"""

from __future__ import annotations

import math
import re

from baogao.analysis.measures import analyze
from baogao.analysis.precision import Bounds, bounds, product_bounds, ratio_bounds, whole_range
from baogao.analysis.vocabulary import body_char_count
from baogao.sources.shipped import specimen
from baogao.course.reports import is_specimen, report_label  # noqa: F401 - the lesson's names
from baogao.course.reports import ONLY_SPECIMEN  # noqa: F401 - the lesson's name

KIND_NAMES = {"count": "数量", "money": "金额", "percent": "百分比", "points": "百分点", "fraction": "分数",
              "multiple": "倍数", "measure": "度量", "duration": "时长", "range": "范围"}
#: The qualifiers of precision the lesson teaches, and what each says about the number.
QUALIFIER_MEANINGS = {
    "多": "比这个数多，不到下一个整数位（330多万：330万到340万之间）",
    "余": "和“多”一样，比这个数多（92万余：92万到93万之间）",
    "近": "接近而不到这个数（近6万：不到6万，少多少没有说）",
    "以上": "不少于这个数（包括这个数本身）",
    "以下": "不多于这个数（包括这个数本身）",
    "左右": "在这个数上下，可能多也可能少",
    "约": "大约是这个数，可能多也可能少",
    "超过": "比这个数多（不包括这个数本身）",
    "不到": "比这个数少（不包括这个数本身）",
}


def quantities(report):
    """The kit's quantity table of the report (body paragraphs and headings)."""
    return analyze(report).quantities


# -- the specimen's figures -----------------------------------------------------------------
def figure(line: int, raw: str, report=None):
    """The quantity ``raw`` of raw line ``line`` of the specimen (or of ``report``): one table row."""
    q = quantities(report if report is not None else specimen())
    rows = q[(q["line"] == line) & (q["raw"] == raw)]
    if len(rows) != 1:
        raise LookupError(f"line {line} has {len(rows)} quantities {raw!r}")
    return rows.iloc[0]


def figure_bounds(line: int, raw: str, report=None) -> Bounds:
    row = figure(line, raw, report)
    high = None if math.isnan(row["value_high"]) else row["value_high"]
    return bounds(row["value"], row["qualifier"], high)


def share_bounds(line: int, raw: str) -> Bounds:
    """A percentage of the specimen as a share (90%以上 → 0.9 to 1: a share is at most all)."""
    b = figure_bounds(line, raw)
    high = 1.0 if b.high is None or b.high > 100 else b.high / 100
    return Bounds(None if b.low is None else b.low / 100, high, b.low_open, b.high_open and b.high is not None)


# -- the assignment's arithmetic (raw line numbers) --------------------------------------
def completion_share() -> float:
    """Line 36: 359 of 363 measures, in per cent with one decimal."""
    done, planned = figure(36, "359项")["value"], figure(36, "363项")["value"]
    return round(done * 100 / planned, 1)


def unfinished() -> int:
    """Line 36: the measures not yet completed (or at an important stage)."""
    return int(figure(36, "363项")["value"] - figure(36, "359项")["value"])


def at_least_done() -> int:
    """Line 9: 92 measures, more than 90 % of them completed ⇒ at least this many measures."""
    return whole_range(product_bounds(figure_bounds(9, "92项"), share_bounds(9, "90%以上")))[0]


def per_community() -> Bounds:
    """Line 18: 92万余人 covered in 854 communities, per community."""
    return ratio_bounds(figure_bounds(18, "92万余人"), figure_bounds(18, "854个"))


def per_project() -> Bounds:
    """Line 18: 近6万名 children in 300多个 projects, per project."""
    return ratio_bounds(figure_bounds(18, "近6万名"), figure_bounds(18, "300多个"))


# -- the lesson's worked examples ------------------------------------------------------------
def squads_per_brigade() -> Bounds:
    """Line 12: 300多万个少先队中队 in 20多万个少先队大队, 中队 per 大队."""
    return ratio_bounds(figure_bounds(12, "300多万个"), figure_bounds(12, "20多万个"))


def branches_share() -> Bounds:
    """Line 42's 244.1万个 branches among line 12's 330多万个基层团支部, as a share."""
    return ratio_bounds(figure_bounds(42, "244.1万个"), figure_bounds(12, "330多万个"))


# -- rates -----------------------------------------------------------------------------------
def rate_per_1000(report) -> float:
    """Quantities per 1,000 body characters (the base of lesson 03's rates)."""
    chars = body_char_count(report)
    return round(len(quantities(report)) * 1000 / chars, 2) if chars else 0.0


def qualified_share(report) -> float:
    """The share (per cent, one decimal) of the report's quantities with a qualifier of precision."""
    q = quantities(report)
    return round(float((q["qualifier"] != "").mean()) * 100, 1) if len(q) else 0.0


def qualifier_counts(report) -> dict[str, int]:
    """Qualifier as written → how many quantities carry it (the ones without are left out)."""
    q = quantities(report)
    counts = q.loc[q["qualifier"] != "", "qualifier"].value_counts()
    return {str(k): int(v) for k, v in counts.items()}


def duo_outside(report) -> list[tuple[int, str]]:
    """Every 多 of the body that is no qualifier of a quantity: (line, the 多 with its neighbours)."""
    q = quantities(report)
    spans = [(int(a), int(b)) for a, b in zip(q["start"], q["end"])]
    lines = {int(x) for x in q["line"]} | set(paragraph_lines(report))
    out = []
    for p in report.paragraphs:
        if p.line not in lines:
            continue
        for m in re.finditer("多", p.text):
            at = p.start + m.start()
            if not any(a <= at < b for a, b in spans):
                out.append((p.line, p.text[max(m.start() - 2, 0):m.start() + 3]))
    return out


def paragraph_lines(report) -> list[int]:
    """The lines of the body paragraphs (the outline's ``paragraph`` elements)."""
    kinds = {e.paragraph: e.kind for e in report.outline().elements}
    return [p.line for p in report.paragraphs if kinds.get(p.index) == "paragraph"]
