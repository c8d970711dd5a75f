"""The numbering of headings, level by level: the style each level should keep,
the headings that depart from it, and headings that were lost.

These are conventions (惯例) of a readable numbering: one style per level,
numbers counting 1, 2, 3 … GB/T 9704-2012 gives only the sequence the levels
依次可以用: 一、（一）1.（1）; the kit prefers it for a level when most of the
level already uses it (docs/structure.md, "Numbering issues").
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from baogao.paragraphs import Paragraph
from baogao.structure.headings import Heading, NumberingIssue, family
from baogao.text.markers import STYLE_NAMES, int_to_cn, numeral, render
from baogao.text.sentences import clause_spans, count_chars, sentence_spans

#: The sequence GB/T 9704-2012 says the levels 依次可以用, by level.
STANDARD_STYLES = {1: "cn-dun", 2: "cn-paren", 3: "arabic-dot", 4: "arabic-paren"}
#: Enumeration styles: never suggested for a heading.
ENUMERATION_STYLES = ("cn-shi", "cn-di")

LEAD_MAX_CHARS = 30  # a lead sentence (主旨句) is short: as in baogao.analysis.tables
INTRO_MIN_CHARS = 40  # a section intro (总述段) is a paragraph of some length


@dataclass(frozen=True)
class LevelStyle:
    """What the headings of one level use (``level_styles``).

    - ``majority``: the family most of the level's numbered headings use, the
      GB/T 9704 style of the level when it has a majority (or a tie);
    - ``suggested``: the family a heading that departs from it is given: the
      majority, unless that is an enumeration style (一是, 第一，) or a style a
      deeper level uses, then the level's GB/T 9704 style.
    """

    majority: str
    suggested: str


@dataclass(frozen=True)
class Position:
    """A heading's place in its series (the headings of one level under one parent)."""

    previous: Heading | None  # the heading of the series before it
    following: Heading | None  # the heading of the series after it
    ordinal: int  # the number it should carry: its own unless that repeats or goes back


def positions(headings: list[Heading]) -> dict[int, Position]:
    """Each numbered heading's position, by paragraph index.

    A heading ends the series of every deeper level, as in ``assign_levels``.
    """
    series: dict[int, list[Heading]] = {}
    runs: list[list[Heading]] = []
    for h in headings:
        for deeper in [lv for lv in series if lv > h.level]:
            del series[deeper]
        if h.number is None:
            continue
        if h.level not in series:
            series[h.level] = []
            runs.append(series[h.level])
        series[h.level].append(h)
    out: dict[int, Position] = {}
    for run in runs:
        last = None
        for i, h in enumerate(run):
            ordinal = h.number if last is None or h.number > last else last + 1
            out[h.paragraph] = Position(run[i - 1] if i else None,
                                        run[i + 1] if i + 1 < len(run) else None, ordinal)
            last = max(h.number, last or 0)
    return out


def level_styles(headings: list[Heading]) -> dict[int, LevelStyle]:
    """The majority and suggested style of every level that has numbered headings."""
    counts: dict[int, Counter] = {}
    for h in headings:
        if h.number is not None and h.style != "none":
            counts.setdefault(h.level, Counter())[family(h.style, h.chinese)] += 1
    out = {}
    for level, c in counts.items():
        standard = STANDARD_STYLES.get(level)
        order = list(c)  # first seen first
        best = max(order, key=lambda s: (c[s], s == standard, s not in ENUMERATION_STYLES, -order.index(s)))
        deeper = {s for lv, cc in counts.items() if lv > level for s in cc}
        suggested = best
        if best in ENUMERATION_STYLES or best in deeper:
            suggested = standard or best
        out[level] = LevelStyle(best, suggested)
    return out


def suggested_marker(h: Heading, styles: dict[int, LevelStyle], where: dict[int, Position]) -> str | None:
    """The marker this heading should carry: the level's suggested style, the right ordinal."""
    style, pos = styles.get(h.level), where.get(h.paragraph)
    if style is None or pos is None:
        return None
    return render(style.suggested, pos.ordinal, chinese=True)


def _level_name(level: int) -> str:
    return f"第{int_to_cn(level)}层"


def style_issues(headings: list[Heading]) -> list[NumberingIssue]:
    """A ``style_change`` for every numbered heading whose family is not its level's majority."""
    styles, where = level_styles(headings), positions(headings)
    issues = []
    for h in headings:
        style = styles.get(h.level)
        if style is None or h.number is None or family(h.style, h.chinese) == style.majority:
            continue
        expected = suggested_marker(h, styles, where)
        own = "段内列举的写法" if h.style in ENUMERATION_STYLES else STYLE_NAMES[h.style]
        standard = STANDARD_STYLES.get(h.level)
        if style.majority == style.suggested:
            usual = STYLE_NAMES[style.majority]
            if style.majority == standard:
                usual += f"（GB/T 9704—2012 推荐{_level_name(h.level)}用的序数）"
            advice = f"同级标题用同一种序号是惯例，应写作“{expected}”。"
        else:
            usual = STYLE_NAMES[style.majority] + "（段内列举的写法）"
            advice = (f"同级标题用同一种序号是惯例；作标题宜用 GB/T 9704—2012 推荐{_level_name(h.level)}用的"
                      f"{STYLE_NAMES[style.suggested]}，应写作“{expected}”。")
        issues.append(NumberingIssue(
            "style_change", h.line, expected,
            f"第 {h.level} 级标题用得最多的是{usual}，这一个用了“{h.marker}”（{own}）。{advice}", h.marker))
    return issues


def opens_with_lead(text: str) -> bool:
    """A paragraph that opens with a lead sentence (主旨句): a short first sentence of one
    clause, at most half of the paragraph, followed by more (``baogao.analysis.tables``)."""
    spans = sentence_spans(text)
    if len(spans) < 2:
        return False
    first = text[spans[0][0]:spans[0][1]]
    chars = count_chars(first)
    return len(clause_spans(first)) == 1 and chars <= LEAD_MAX_CHARS and chars <= count_chars(text) / 2


def _reads_as_intro(p: Paragraph) -> bool:
    return not opens_with_lead(p.clean.strip()) and count_chars(p.clean) >= INTRO_MIN_CHARS


def _sections_open_with_intros(headings: list[Heading], body: list[Paragraph], level: int) -> bool:
    """The level's sections follow the 总—分 pattern: most open with an intro paragraph,
    and most of their other paragraphs open with a lead sentence."""
    starts = sorted(h.line for h in headings if h.level <= level)
    sections = [h for h in headings if h.level == level and not h.run_in]
    intros = leads = others = counted = 0
    for h in sections:
        end = next((s for s in starts if s > h.line), None)
        paras = [p for p in body if h.line < p.line and (end is None or p.line < end)]
        if len(paras) < 2:
            continue
        counted += 1
        intros += _reads_as_intro(paras[0])
        leads += sum(opens_with_lead(p.clean.strip()) for p in paras[1:])
        others += len(paras) - 1
    return counted > 0 and 2 * intros >= counted and 2 * leads > others


def _where_lost(before: Heading, after: Heading, headings: list[Heading],
                body: list[Paragraph]) -> tuple[int, str] | None:
    """The line where the section that lost its heading starts, and why; None when unclear."""
    inside = [h for h in headings if before.line < h.line < after.line]
    children = [h for h in inside if h.level == before.level + 1]
    if inside:
        # Sub-headings that count from 1 again start the next section's subdivision.
        restarts = [h for h in children[1:] if h.number == 1]
        if len(restarts) == 1:
            return restarts[0].line, f"下一级编号在这里从“{restarts[0].marker}”重新开始"
        return None
    if before.run_in:
        return None
    paras = [p for p in body if before.line < p.line < after.line]
    candidates, seen_lead = [], False
    for p in paras[1:]:
        lead = opens_with_lead(p.clean.strip())
        if not lead and seen_lead and _reads_as_intro(p):
            candidates.append(p)
        seen_lead = seen_lead or lead
    if len(candidates) != 1 or not _sections_open_with_intros(headings, body, before.level):
        return None
    return candidates[0].line, "总述段，前面几段都以主旨句开头，同级各部分也都以总述段开头"


def lost_headings(issues: list[NumberingIssue], headings: list[Heading],
                  body: list[Paragraph]) -> list[NumberingIssue]:
    """Heading gaps read as lost headings (原标题缺失), placed where the lost section
    starts when the text shows it; the later headings keep their numbers.

    A gap is a lost heading when a heading of the series comes before it and
    the series goes on counting from the later number (no repeat or step back
    right before or after it). Sub-headings counting from 1 again where the lost section
    starts are explained by it: their ``out_of_order`` is dropped. Other issues
    are returned unchanged.
    """
    by_line = {h.line: h for h in headings}
    styles, where = level_styles(headings), positions(headings)
    out, explained = [], set()
    for issue in issues:
        h = by_line.get(issue.line)
        pos = where.get(h.paragraph) if h is not None and issue.kind == "gap" else None
        if pos is None or pos.previous is None or (
                pos.following is not None and pos.following.number <= h.number) or (
                where[pos.previous.paragraph].ordinal != pos.previous.number):  # after a repeat
            out.append(issue)
            continue
        before, style = pos.previous, styles[h.level].suggested
        missing = list(range(before.number + 1, h.number))
        if not missing:  # the gap is against a series that started afresh at this level
            out.append(issue)
            continue
        names = "、".join(numeral(style, n) for n in missing)
        place = _where_lost(before, h, headings, body) if len(missing) == 1 else None
        if place is None:
            count = "一个标题" if len(missing) == 1 else f"{len(missing)} 个标题"
            message = (f"第 {before.line} 行“{before.marker}”与第 {h.line} 行“{h.marker}”之间似乎丢了"
                       f"{count}（“{names}”，原标题缺失），从文字看不出原在哪里；原标题未知，"
                       "后面的标题不必因此改号。")
            out.append(replace(issue, expected=numeral(style, missing[0]), message=message,
                               next_heading=h.line))
            continue
        line, why = place
        if line in by_line:
            explained.add(line)
        message = (f"第 {before.line} 行“{before.marker}”之后是第 {h.line} 行“{h.marker}”，缺了“{names}”："
                   f"这一部分的标题似乎丢了（原标题缺失）。这一段像是该部分的开头（{why}），缺失的标题应在它前面；"
                   f"原标题未知，可补一行“{render(style, missing[0])}（原标题缺失）”，"
                   f"第 {h.line} 行及以后的编号不必改。")
        out.append(NumberingIssue("gap", line, numeral(style, missing[0]), message, "", None, h.line))
    return [i for i in out if not (i.kind == "out_of_order" and i.line in explained)]
