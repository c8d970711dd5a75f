"""Split paragraphs: one paragraph that a copy broke over consecutive lines.

A scraper puts a hyperlinked word, a subscript (the 2 of M2, the 2.5 of
PM2.5) or a lone bracket on a line of its own, and a sentence runs on from
one line into the next. Such pieces are joined for analysis (the
structure parser reads the joined paragraph: its headings, cues and
enumerations) and reported once, with their lines, as damage of the copy
(docs/structure.md, "Split paragraphs"). The joined paragraph keeps its
pieces, so that lines and offsets still point into the original text
(``baogao.paragraphs.join_paragraphs``).

Pieces are joined only on evidence that the paragraph goes on, never
because a line merely lacks its final punctuation (a lead line, or a
paragraph whose end was cut off, stays what it is):

- the next line opens with a mark that cannot open a paragraph
  (``，`` ``、`` ``。`` ``）`` ``》`` ``”`` …), or the line ends with a mark
  that opens something (``（`` ``《`` ``“`` …) — also across a blank line;
- on consecutive lines only: the line breaks after a ``，`` or ``、``, or
  the next line is a fragment (a word or a number of at most
  ``FRAGMENT_MAX`` characters, without punctuation) after a line of text
  that is still open (longer than ``FRAGMENT_MIN_BEFORE`` characters, and
  no line of at most ``HEADING_LINE_MAX`` that opens with a marker: a
  heading line is no sentence to go on); or the line leaves a quotation
  mark or a bracket open (``…成果找市场“双向``) and has no final mark; a
  fragment joined to the line before goes on into the next line too (the
  text resumes after the linked word).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from baogao.paragraphs import Paragraph, join_paragraphs
from baogao.text.markers import match_marker

__all__ = ["FRAGMENT_MAX", "SplitParagraph", "find_splits", "split_paragraph"]

FRAGMENT_MAX = 6  # characters of a fragment line (a linked word, a subscript)
FRAGMENT_MIN_BEFORE = 8  # characters of the line a fragment goes on from (not a short heading line)
HEADING_LINE_MAX = 60  # a line opening with a marker and no longer may be a standalone heading
_PAIRS = ("“”", "（）", "《》", "「」", "『』", "‘’")

_CONTINUES = "，,、。．；;：:）)】］]》〉」』”’%％"
_OPENS = "（(【［[《〈「『“‘"
_CLOSED = "。！？!?；;：:…”’」』）)》】]"
_PUNCT = re.compile(r"[，。；：！？,;:!?、“”‘’《》（）()「」【】\[\]…—]")


@dataclass(frozen=True)
class SplitParagraph:
    """A paragraph the copy split over lines (``Outline.split_paragraphs``).

    - ``lines``: the 1-based lines of its pieces, in order;
    - ``text``: the pieces run together, as the parser reads it;
    - ``reasons``: why each break was read as inside one paragraph, in Chinese.
    """

    lines: tuple[int, ...]
    text: str
    reasons: tuple[str, ...]

    @property
    def message(self) -> str:
        first, last = self.lines[0], self.lines[-1]
        return (f"第 {first}—{last} 行是同一段话，复制时被拆成了 {len(self.lines)} 行（"
                + "；".join(self.reasons) + "）；分析时按一段读。")

    def to_dict(self) -> dict:
        return {"lines": list(self.lines), "text": self.text, "reasons": list(self.reasons)}


def _fragment(text: str) -> bool:
    return len(text) <= FRAGMENT_MAX and not _PUNCT.search(text) and match_marker(text) is None


def _unclosed(text: str) -> str:
    """The opening mark of a pair the line leaves open (…成果找市场“双向), or ``""``."""
    for pair in _PAIRS:
        if text.count(pair[0]) > text.count(pair[1]):
            return pair[0]
    return ""


def _open(text: str) -> bool:
    return text[-1] not in _CLOSED


def _glue(prev: Paragraph, nxt: Paragraph, fragment_joined: bool) -> str | None:
    """Why ``nxt`` goes on from ``prev`` (a Chinese phrase), or None."""
    a, b = prev.clean.strip(), nxt.clean.strip()
    if b[0] in _CONTINUES:
        return f"第 {nxt.line} 行以“{b[0]}”开头"
    if a[-1] in _OPENS:
        return f"第 {prev.line} 行以“{a[-1]}”结尾"
    if nxt.line != prev.line + 1:
        return None
    if a[-1] in "，,、":
        return f"第 {prev.line} 行断在“{a[-1]}”之后"
    if _unclosed(a) and _open(a):
        return f"第 {prev.line} 行的“{_unclosed(a)}”到下一行才配对"
    if _fragment(b) and _open(a) and len(a) > FRAGMENT_MIN_BEFORE and not (
            match_marker(a) is not None and len(a) <= HEADING_LINE_MAX):
        return f"第 {nxt.line} 行“{b}”单独成行"
    if fragment_joined and _fragment(a) and match_marker(b) is None:
        return f"第 {nxt.line} 行接着第 {prev.line} 行的“{a}”"
    return None


def find_splits(paragraphs: list[Paragraph], kinds: list[str], start: int = 0
                ) -> list[tuple[list[int], tuple[str, ...]]]:
    """Groups of consecutive body paragraphs (0-based positions in ``paragraphs``, from ``start``)
    that are one paragraph, with the reason of each join. Only paragraphs of kind ``paragraph``
    take part."""
    groups: list[tuple[list[int], list[str]]] = []
    current: list[int] = []
    reasons: list[str] = []
    fragment_joined = False
    for i in range(start, len(paragraphs)):
        if kinds[i] != "paragraph":
            if len(current) > 1:
                groups.append((current, reasons))
            current, reasons, fragment_joined = [], [], False
            continue
        if current:
            why = _glue(paragraphs[current[-1]], paragraphs[i], fragment_joined)
            if why is not None:
                current.append(i)
                reasons.append(why)
                fragment_joined = _fragment(paragraphs[i].clean.strip())
                continue
            if len(current) > 1:
                groups.append((current, reasons))
        current, reasons, fragment_joined = [i], [], False
    if len(current) > 1:
        groups.append((current, reasons))
    return [(g, tuple(r)) for g, r in groups]


def split_paragraph(paragraphs: list[Paragraph], group: list[int], reasons: tuple[str, ...]) -> SplitParagraph:
    joined = join_paragraphs([paragraphs[i] for i in group])
    return SplitParagraph(joined.lines, joined.clean, reasons)
