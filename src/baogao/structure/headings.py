"""Headings: which paragraphs head a section, and their number sequence.

The rules are those of ``docs/structure.md``: markers at paragraph starts,
standalone versus run-in, series decided by majority. Levels are inferred
per document from its marker series in ``baogao.structure.levels``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from baogao.paragraphs import Paragraph
from baogao.text.markers import (
    Marker,
    find_enumeration_markers,
    match_marker,
    numeral,
)

STANDALONE_MAX = 60  # characters of a standalone numbered heading, marker included
RUN_IN_MAX = 40  # characters of a run-in heading sentence
UNNUMBERED_MAX = 30  # characters of an unnumbered heading

_SENT_END = "。！？!?"
_NO_PUNCT_EXCEPT = re.compile(r"[，。；：！？,.;:!?（）()—…·\-]")


@dataclass(frozen=True)
class Heading:
    """A heading of the outline (docs/structure.md, "Headings" and "Levels").

    - ``level``: 1-based depth, inferred per document from the order in which
      marker styles appear (a .docx Heading N style gives N): the specimen's
      ``一是`` … ``八、`` are all level 1;
    - ``number``: the marker's value (``（三）`` → 3), None when unnumbered;
    - ``marker``: the marker exactly as written, punctuation included
      (``第五,``), ``""`` when unnumbered;
    - ``style``: a key of ``STYLE_NAMES``: ``cn-dun`` “一、”式, ``cn-paren``
      “（一）”式, ``arabic-dot`` “1.”式, ``arabic-paren`` “（1）”式, ``cn-shi``
      “一是”式, ``cn-di`` “第一，”式, ``arabic-dun`` “1、”式（不规范）,
      ``half-paren`` 半角括号“(一)”式（不规范）, ``none`` 无编号;
    - ``title``: the heading without its marker and final 。 (of a run-in
      heading: its first sentence, without the final 。！？);
    - ``line``: 1-based line of the report's text (of a .docx: paragraph);
    - ``run_in``: True for a 段中标题, a heading sentence that opens a
      paragraph and is followed by body text in the same paragraph;
    - ``paragraph``: 1-based index in ``Report.paragraphs`` (non-blank lines);
    - ``chinese``: True when the number is written in Chinese numerals
      (also for an unnumbered heading); tells ``(四)`` from ``(4)``.
    """

    level: int
    number: int | None
    marker: str
    style: str
    title: str
    line: int
    run_in: bool
    paragraph: int
    chinese: bool = True

    def to_dict(self) -> dict:
        return {"level": self.level, "number": self.number, "marker": self.marker,
                "style": self.style, "title": self.title, "line": self.line, "run_in": self.run_in}


@dataclass(frozen=True)
class NumberingIssue:
    """A numbering problem among the headings of one level or in an enumeration.

    These are conventions (惯例) of a readable numbering: each level keeps
    one style and counts 1, 2, 3 …; GB/T 9704-2012 itself only gives the
    sequence the levels 依次可以用: 一、（一）1.（1） (``baogao.structure.numbering``).

    - ``kind``: a key of ``ISSUE_NAMES`` (``baogao.structure.outline``):
      ``gap`` 缺号 (a number skips ahead, or a series starts above 1; among
      headings, a lost heading: see ``next_heading``), ``repeat`` 重号,
      ``out_of_order`` 顺序颠倒, ``style_change`` 样式不一 (a heading whose
      style is not the one most of its level uses);
    - ``line``: 1-based line where the problem shows: for a lost heading, the
      line where the section that lost it starts when the text shows it,
      else the line of the heading after the gap;
    - ``expected``: for ``gap`` the first missing number in the numerals of
      the level's style (``四``, ``4``); for ``repeat`` and ``out_of_order``
      the number due; for ``style_change`` the marker the heading should
      carry: the level's style with its number (``三是`` among ``一、`` → ``三、``),
      never an enumeration marker;
    - ``message``: the explanation shown to the student, in Chinese;
    - ``found``: the marker as written at ``line`` (``是`` for an ``一是``
      that lost its ``一``), ``""`` when unknown;
    - ``column``: 1-based column of ``found`` in its line (in characters,
      indentation included); None when not recorded (a marker that opens its
      paragraph, or a line holding zero-width characters);
    - ``next_heading``: for a lost heading (原标题缺失: a gap among headings
      whose series goes on from the later number), the line of the heading
      after the gap, which keeps its number; None otherwise.
    """

    kind: str
    line: int
    expected: str
    message: str
    found: str = ""
    column: int | None = None
    next_heading: int | None = None

    def to_dict(self) -> dict:
        return {"kind": self.kind, "line": self.line, "expected": self.expected,
                "message": self.message}


@dataclass
class Candidate:
    """A paragraph that may be a heading, with the evidence."""

    paragraph: Paragraph
    marker: Marker | None
    standalone: bool
    run_in: bool
    title: str
    hint_level: int | None = None

    @property
    def heading_like(self) -> bool:
        if self.hint_level is not None:
            return True
        if self.marker is not None and self.marker.style in ("cn-shi", "cn-di"):
            return self.standalone
        return self.standalone or self.run_in


def family(style: str, chinese: bool = True) -> str:
    """The style a wrong-but-common form imitates (for levels and style changes)."""
    if style == "half-paren":
        return "cn-paren" if chinese else "arabic-paren"
    if style == "arabic-dun":
        return "arabic-dot"
    return style


def candidate(p: Paragraph, hint_level: int | None = None) -> Candidate | None:
    """Evidence that a paragraph opening with a marker is a heading."""
    text = p.clean.strip()
    marker = match_marker(text)
    if marker is None:
        return None
    rest = text[len(marker.text):].lstrip()
    if not rest:
        return None
    inner = rest[:-1]
    # A heading is one short sentence: no sentence end, semicolon or second
    # enumeration marker inside (一是…；二是… is an enumeration, not a heading).
    standalone = (len(text) <= STANDALONE_MAX and not any(c in inner for c in _SENT_END + "；;")
                  and not rest.endswith(("；", ";", "：", ":", "，", ","))
                  and len(find_enumeration_markers(text)) <= 1)
    run_in, title = False, rest.rstrip("。")
    if not standalone:
        ends = [i for i, c in enumerate(rest) if c in _SENT_END]
        if ends and ends[0] < len(rest) - 1:
            first = ends[0]
            title = rest[:first]
            run_in = first <= RUN_IN_MAX
        else:
            title = rest
    return Candidate(p, marker, standalone, run_in, title, hint_level)


def unnumbered_candidate(p: Paragraph, next_p: Paragraph | None) -> bool:
    """A short standalone line without punctuation, followed by a longer paragraph."""
    text = p.clean.strip()
    if not text or len(text) > UNNUMBERED_MAX or _NO_PUNCT_EXCEPT.search(text):
        return False
    if re.fullmatch(r"[0-9０-９\s]+", text):
        return False
    if next_p is None:
        return False
    # The next paragraph must be body text, not another short label (table cells).
    following = next_p.clean.strip()
    return len(following) > len(text) and (
        len(following) > UNNUMBERED_MAX or any(c in following for c in "。！？；"))


def decide_series(cands: list[Candidate], continues: "Callable[[Candidate], bool]" = lambda c: False
                  ) -> tuple[set[int], list[list[Candidate]]]:
    """Which marker candidates are headings, and which runs are list items.

    Paragraph-opening markers of one family form series (a marker numbered
    1 starts a new one); a series is headings when most of its members are
    heading-like, a tie counting as headings. 一是 and 第一， head a section
    only when standalone; otherwise the enumeration finder takes them.
    A series of those that does not start at 1 heads sections only when all
    of it is standalone and it does not continue an enumeration of the
    paragraph before (``continues``): the specimen's lone 第五, does.
    Returns the chosen paragraph indexes and the runs judged to be items.
    """
    series: dict[str, list[list[Candidate]]] = {}
    for c in cands:
        if c.marker is None:
            continue
        key = family(c.marker.style, c.marker.chinese)
        runs = series.setdefault(key, [])
        if not runs or c.marker.number == 1:
            runs.append([])
        runs[-1].append(c)
    chosen: set[int] = set()
    items: list[list[Candidate]] = []
    for runs in series.values():
        for run in runs:
            if run[0].marker.style in ("cn-shi", "cn-di"):
                # Headings only in a series that starts at 1 and is mostly
                # standalone lines (the specimen's 一是/二是); a short 三是
                # item after long 二是 items stays an item.
                standalone = [c for c in run if c.heading_like]
                if run[0].marker.number == 1 and 2 * len(standalone) > len(run):
                    chosen.update(c.paragraph.index for c in standalone)
                elif (run[0].marker.number != 1 and len(standalone) == len(run)
                      and not continues(run[0])):
                    chosen.update(c.paragraph.index for c in run)
                continue
            like = sum(1 for c in run if c.heading_like)
            if 2 * like >= len(run):
                chosen.update(c.paragraph.index for c in run)
            else:
                hinted = [c for c in run if c.hint_level is not None]
                chosen.update(c.paragraph.index for c in hinted)
                rest = [c for c in run if c.hint_level is None]
                if rest:
                    items.append(rest)
    for c in cands:
        if c.hint_level is not None:
            chosen.add(c.paragraph.index)
    items.sort(key=lambda run: run[0].paragraph.line)
    return chosen, items


def sequence_issues(last: int | None, number: int, style: str, chinese: bool, line: int,
                    marker: str, what: str) -> list[NumberingIssue]:
    """Gap, repeat or out-of-order between the previous number and this one."""
    def cn(n: int) -> str:
        return numeral(style, n, chinese=chinese)

    if last is None:
        if number != 1:
            return [NumberingIssue("gap", line, cn(1),
                                   f"{what}编号从“{marker}”开始，缺少“{cn(1)}”。", marker)]
        return []
    if number == last + 1:
        return []
    if number == last:
        return [NumberingIssue("repeat", line, cn(last + 1),
                               f"{what}编号“{marker}”与上一个重复，应为“{cn(last + 1)}”。", marker)]
    if number > last + 1:
        missing = "、".join(cn(n) for n in range(last + 1, number))
        return [NumberingIssue("gap", line, cn(last + 1),
                               f"{what}编号从“{cn(last)}”跳到“{cn(number)}”，缺少“{missing}”。", marker)]
    return [NumberingIssue("out_of_order", line, cn(last + 1),
                           f"{what}编号“{marker}”排在“{cn(last)}”之后，顺序颠倒，应为“{cn(last + 1)}”。",
                           marker)]
