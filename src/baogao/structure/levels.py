"""Heading levels, inferred from the document's marker series (docs/structure.md, "Levels").

The headings are walked in order with a stack of open levels, each
remembering the families of markers it has used and its last number. Where
a new series begins, the document's own series decide where it goes, not
whatever heading happened to come first: a family is above another when
the other's series start (count from 1) right under its headings more
often than the reverse, and an unnumbered line heads a level of its own
only when a numbered series starts afresh under it after its first run (so
a stray line above the first ``一、`` — a page's headline, a speaker line
the title block did not catch — cannot push every heading one level down).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from baogao.structure.headings import (
    Candidate,
    Heading,
    NumberingIssue,
    family,
    sequence_issues,
)

__all__ = ["assign_levels", "series_parents"]

#: GB/T 9704-2012's sequence of 结构层次序数: the tie-break when the series show no order.
_STANDARD_ORDER = ("cn-dun", "cn-paren", "arabic-dot", "arabic-paren")


@dataclass
class _Level:
    styles: list[str]  # families used, the current one last
    last: int | None
    chinese: bool


def _fields(cand: Candidate, unnumbered: bool) -> tuple[str, int | None, str, bool]:
    if unnumbered or cand.marker is None:
        return "none", None, "", True
    m = cand.marker
    return m.style, m.number, m.text, m.chinese


def series_parents(items: list[tuple[Candidate, bool]], opening_line: int = 0) -> Counter:
    """(parent, child) family pairs, counted: each series of ``child`` numbered from 1 whose heading
    right before is of another family ``parent``.

    An unnumbered parent (``none``) needs more: the series must start afresh under it (not the
    child's first series: the 1988 report's second ``一、`` under ``今后五年…``), or the unnumbered
    line must stand after the body's first prose paragraph (``opening_line``) with another
    unnumbered heading after the series (a series inside one of several unnumbered sections).
    A line above the opening that reads as an unnumbered heading (a title, a speaker the title
    block did not catch) is evidence of nothing.
    """
    votes: Counter = Counter()
    runs: Counter = Counter()
    unnumbered_lines = [c.paragraph.line for c, u in items if _fields(c, u)[1] is None]
    previous = previous_line = None
    for cand, unnumbered in items:
        style, number, _, chinese = _fields(cand, unnumbered)
        fam = family(style, chinese)
        if number == 1:
            runs[fam] += 1
            if previous is not None and previous != fam and (
                    previous != "none" or runs[fam] > 1
                    or (previous_line > opening_line
                        and any(line > cand.paragraph.line for line in unnumbered_lines))):
                votes[(previous, fam)] += 1
        previous, previous_line = fam, cand.paragraph.line
    return votes


def _above(votes: Counter, upper: str, lower: str) -> bool:
    """The series show ``upper`` above ``lower`` (GB/T 9704's order breaks a tie)."""
    if upper == "none" or lower == "none":
        return votes[(upper, lower)] > 0
    up, down = votes[(upper, lower)], votes[(lower, upper)]
    if up != down:
        return up > down
    if up and upper in _STANDARD_ORDER and lower in _STANDARD_ORDER:
        return _STANDARD_ORDER.index(upper) < _STANDARD_ORDER.index(lower)
    return False


def _next_numbered(items: list[tuple[Candidate, bool]], k: int) -> tuple[str, int] | None:
    for cand, unnumbered in items[k + 1:]:
        style, number, _, chinese = _fields(cand, unnumbered)
        if number is not None:
            return family(style, chinese), number
    return None


def assign_levels(items: list[tuple[Candidate, bool]], opening_line: int = 0
                  ) -> tuple[list[Heading], list[NumberingIssue]]:
    """Infer levels for heading candidates in document order.

    ``items`` pairs each heading's evidence with whether it is unnumbered;
    ``opening_line`` is the line of the body's first prose paragraph (``series_parents``).
    """
    votes = series_parents(items, opening_line)
    families = {family(*_fields(c, u)[::3]) for c, u in items}
    stack: list[_Level] = []
    headings: list[Heading] = []
    issues: list[NumberingIssue] = []
    for k, (cand, unnumbered) in enumerate(items):
        p = cand.paragraph
        style, number, marker_text, chinese = _fields(cand, unnumbered)
        fam = family(style, chinese)

        if cand.hint_level is not None:
            depth = min(cand.hint_level, len(stack) + 1)
            del stack[depth:]
            if len(stack) < depth:
                stack.append(_Level([fam], None, chinese))
            level_index = depth - 1
        else:
            level_index, opens = _place(stack, fam, number, votes, _next_numbered(items, k))
            del stack[level_index + (0 if opens else 1):]
            if opens:
                # A series whose parent family (by the document's series) is not open yet sits
                # below it all the same: a preamble's （一） before the first 一、 is level 2.
                for parent in _missing_parents(stack, fam, families, votes):
                    stack.append(_Level([parent], None, True))
                stack.append(_Level([fam], None, chinese))
                level_index = len(stack) - 1
            elif fam not in stack[level_index].styles:
                stack[level_index].styles.append(fam)
        _check(stack[level_index], fam, number, marker_text, chinese, p.line, issues)
        title = cand.title if cand.marker is not None and not unnumbered else p.clean.strip()
        headings.append(Heading(level_index + 1, number, marker_text, style, title, p.line,
                                cand.run_in and not cand.standalone, p.index, chinese))
    return headings, issues


def _missing_parents(stack: list[_Level], fam: str, families: set[str], votes: Counter) -> list[str]:
    """The numbered families the series put above ``fam`` that no open level uses, outermost first."""
    if fam == "none":
        return []
    open_styles = {style for level in stack for style in level.styles}
    parents = [f for f in families if f not in (fam, "none") and f not in open_styles and _above(votes, f, fam)]
    return sorted(parents, key=lambda f: sum(_above(votes, g, f) for g in families if g != f))


def _place(stack: list[_Level], fam: str, number: int | None, votes: Counter,
           following: tuple[str, int] | None) -> tuple[int, bool]:
    """The index of the level a heading belongs to, and whether it opens that level afresh
    (closing the level there and every deeper one) or joins the open level."""
    # 1. A family some open level has used: the deepest such level.
    for i in range(len(stack) - 1, -1, -1):
        if fam in stack[i].styles:
            return i, False
    if not stack:
        return 0, True
    if fam == "none":
        # 2. An unnumbered heading inside a section whose numbering goes on after it is a
        # sub-heading of that section; otherwise (结束语 after 七、) it goes back to the top.
        if following is not None:
            nxt, n = following
            for i in range(len(stack) - 1, -1, -1):
                if nxt in stack[i].styles and stack[i].last is not None and n == stack[i].last + 1:
                    return i + 1, True
        return 0, False
    # 3. A number that continues an open level (by at most 3): that level changes style.
    if number is not None and number != 1:
        for i in range(len(stack) - 1, -1, -1):
            last = stack[i].last
            if last is not None and last < number <= last + 3:
                return i, False
    # 4. A new series: below the open levels, unless the document's series put it above one of
    # them (the highest such), or an open unnumbered level has no series under it to head.
    if number == 1 or number is None:
        for i, level in enumerate(stack):
            current = level.styles[-1]
            if (current == "none" and not _above(votes, "none", fam)) or _above(votes, fam, current):
                return i, True
    return len(stack), True


def _check(level: _Level, fam: str, number: int | None, marker: str,
           chinese: bool, line: int, issues: list[NumberingIssue]) -> None:
    """Check a heading's number against the level it joins; update the level.

    Styles are checked once all headings are known (``baogao.structure.numbering``).
    """
    if fam in level.styles:
        level.styles.remove(fam)
    level.styles.append(fam)
    if number is not None:
        issues.extend(sequence_issues(level.last, number, fam, chinese, line, marker, "标题"))
        level.last = number
        level.chinese = chinese
