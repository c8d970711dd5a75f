"""Enumerations: 一是…二是…, 第一，…第二，… inside and across paragraphs.

They are not headings, but their numbering is checked like headings'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from baogao.paragraphs import Paragraph
from baogao.structure.headings import Heading, NumberingIssue, sequence_issues
from baogao.text.markers import Marker, find_enumeration_markers


@dataclass
class Enumeration:
    """A numbered list that is not headings: 一是…二是…, 第一，…, or a series of items.

    - ``kind``: ``inline`` (all markers in one paragraph) or ``paragraphs``
      (one spans several paragraphs, as do series of other marker styles
      judged to be items, such as long ``（一）…（九）`` measures);
    - ``line``: 1-based line of the first marker;
    - ``markers``: the markers as written (``["二是", "三是", "四是"]``);
    - ``lines``: the 1-based line of each marker;
    - ``numbers``: the value of each marker (``[2, 3, 4]``).
    """

    kind: str
    line: int
    markers: list[str]
    lines: list[int] = field(default_factory=list)
    numbers: list[int] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"kind": self.kind, "line": self.line, "markers": list(self.markers)}


def _lost_first_marker(before: str) -> int | None:
    """Offset of a sentence that opens with a bare 是 (一是 without its 一), if any."""
    hits = [m.start(1) for m in re.finditer(r"(?:^|[。；;！？])(是)(?![的否])", before)]
    return hits[-1] if hits else None


def find_enumerations(body: list[tuple[Paragraph, "Heading | None"]],
                      item_series: list[list[tuple[Paragraph, Marker]]]
                      ) -> tuple[list[Enumeration], list[NumberingIssue]]:
    """Collect enumerations from body paragraphs in order.

    ``body`` pairs each body paragraph with the heading it holds, if any (a
    heading resets every open enumeration; the rest of a run-in heading's
    paragraph is searched like any other text). ``item_series`` are series of
    other marker styles that were judged to be list items, not headings.
    """
    done: list[Enumeration] = []
    issues: list[NumberingIssue] = []
    open_enums: dict[str, Enumeration] = {}

    def close_all() -> None:
        for e in open_enums.values():
            done.append(e)
        open_enums.clear()

    for p, heading in body:
        text = p.clean.strip()
        base = len(p.indent) if p.clean == p.text else None  # offsets map to columns
        if heading is not None:
            close_all()
            if not heading.run_in:
                continue
            # A run-in heading's paragraph may go on to enumerate: 一是…；二是…
            cut = len(heading.marker) + len(heading.title)
            text, base = text[cut:], (base + cut if base is not None else None)
        for offset, m in find_enumeration_markers(text):
            column = base + offset + 1 if base is not None else None
            current = open_enums.get(m.style)
            if m.number == 1 or current is None:
                if current is not None:
                    done.append(current)
                current = Enumeration("inline", p.line, [])
                open_enums[m.style] = current
                new = sequence_issues(None, m.number, m.style, True, p.line, m.text, "列举")
                lost = _lost_first_marker(text[:offset]) if m.style == "cn-shi" and m.number == 2 else None
                if new and lost is not None:
                    new = [NumberingIssue("gap", p.line, "一",
                                          f"列举从“{m.text}”开始，缺少“一是”：这里的“是……”疑为“一是”丢了“一”。",
                                          "是", base + lost + 1 if base is not None else None)]
                else:
                    new = [NumberingIssue(i.kind, i.line, i.expected, i.message, i.found, column) for i in new]
                issues.extend(new)
            else:
                issues.extend(NumberingIssue(i.kind, i.line, i.expected, i.message, i.found, column)
                              for i in sequence_issues(current.numbers[-1], m.number, m.style, True,
                                                       p.line, m.text, "列举"))
            current.markers.append(m.text)
            current.numbers.append(m.number)
            current.lines.append(p.line)
    close_all()

    kept = []
    for e in done:
        # A lone 一是 is no enumeration; a lone 三是 is the remnant of one.
        if len(e.markers) < 2 and e.numbers[0] == 1:
            continue
        e.kind = "inline" if len(set(e.lines)) == 1 else "paragraphs"
        kept.append(e)

    for run in item_series:
        first_p, _ = run[0]
        e = Enumeration("paragraphs", first_p.line, [m.text for _, m in run],
                        [p.line for p, _ in run], [m.number for _, m in run])
        last = None
        for p, m in run:
            issues.extend(sequence_issues(last, m.number, m.style, m.chinese, p.line, m.text, "列举"))
            last = m.number
        kept.append(e)
    kept.sort(key=lambda e: e.line)
    issues.sort(key=lambda i: i.line)
    return kept, issues
