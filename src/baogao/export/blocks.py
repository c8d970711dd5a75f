"""A draft as both exports see it: one ``Block`` per element of its outline.

``draft_blocks(report)`` walks ``report.outline().elements`` in order and
gives each element's kind, its paragraph's text as the draft has it (markers
included, indentation removed) and its heading; a paragraph that opens with
a run-in heading also gets the offset where the heading sentence ends.
Content-farm boilerplate (element kind ``boilerplate``) is not part of a
student's draft and gets no block.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from baogao.paragraphs import ZERO_WIDTH

if TYPE_CHECKING:  # pragma: no cover
    from baogao.paragraphs import Paragraph
    from baogao.report import Report
    from baogao.structure.headings import Heading


_SENTENCE_END = "。！？!?"  # as in headings.py: what ends a run-in heading sentence


@dataclass(frozen=True)
class Block:
    """One element of the draft, as an export writes it."""

    kind: str  # an element kind of docs/structure.md (never "boilerplate")
    text: str  # the paragraph's text as the draft has it, indent removed
    heading: "Heading | None"  # standalone heading, or the run-in heading of a paragraph
    split: int = 0  # run-in only: end of the heading sentence in ``text`` (after its 。)
    title_end: int = 0  # run-in only: end of the heading sentence without its 。


def draft_blocks(report: "Report") -> list[Block]:
    """The blocks of the draft, in text order, boilerplate left out."""
    outline = report.outline()
    by_paragraph = {h.paragraph: h for h in outline.headings}
    paragraphs = {p.index: p for p in report.paragraphs}
    out = []
    for element in outline.elements:
        if element.kind == "boilerplate":
            continue
        p = paragraphs[element.paragraph]
        heading = by_paragraph.get(p.index)
        if heading is not None and heading.run_in:
            split = _run_in_end(p)
            out.append(Block(element.kind, p.text, heading, split, split - 1))
        else:
            out.append(Block(element.kind, p.text, heading))
    return out


def _run_in_end(p: "Paragraph") -> int:
    """Offset in ``p.text`` just past the sentence end that closes a run-in heading.

    The parser reads ``p.clean`` (zero-width characters removed); the export
    writes ``p.text``, so the offset found in the clean text is mapped back.
    """
    clean = p.clean
    end = next(i for i, c in enumerate(clean) if c in _SENTENCE_END) + 1
    seen = 0
    for i, c in enumerate(p.text):
        if c not in ZERO_WIDTH:
            seen += 1
            if seen == end:
                return i + 1
    return len(p.text)  # pragma: no cover - the sentence end is always found
