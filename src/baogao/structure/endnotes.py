"""Endnotes (注释): the glossary a published report appends after its text.

A newspaper or a government site often prints, after the report's last
paragraph, a short label (``注释``, ``名词解释``) and numbered entries, each
a term, a colon and its explanation (``［2］四大主导产业：`` and the
explanation on the next line, or ``1.“两重”：是指……``). They belong to the
copy's text but not to the report's body: their numbers are no heading
series, their terms no headings. Recognised by shape and position
(docs/structure.md, "Endnotes"):

- the label is a line of at most ``LABEL_MAX`` characters with no
  punctuation, after the last heading marker ``一、`` or ``（一）``;
- the lines after it run to the end of the text (or to the page footer)
  and are entries numbered 1, 2, 3 … in order (``1.``, ``［1］``, ``[1]``,
  ``（1）``, a circled number), each perhaps followed by lines of explanation;
- there are at least ``MIN_ENTRIES`` entries, and most of them name a term
  before a colon.
"""

from __future__ import annotations

import re

from baogao.text.markers import match_marker

__all__ = ["LABEL_MAX", "MIN_ENTRIES", "endnote_block"]

LABEL_MAX = 6
MIN_ENTRIES = 2
TERM_MAX = 30  # characters before the colon that ends an entry's term

#: ① … ⑳ (U+2460 …), written as code points: the bundled font has only the first ones.
_CIRCLED = "".join(chr(0x2460 + k) for k in range(20))
_ENTRY = re.compile(r"^\s*(?:[［\[【〔（(]\s*([0-9０-９]{1,3})\s*[］\]】〕）)]|([0-9０-９]{1,3})\s*[.．、](?![0-9０-９])|"
                    rf"([{_CIRCLED}]))")
_PUNCT = re.compile(r"[，。；：！？,.;:!?、“”‘’《》（）()「」【】\[\]…—]")


def _entry_number(text: str) -> int | None:
    m = _ENTRY.match(text)
    if not m:
        return None
    if m.group(3):
        return _CIRCLED.index(m.group(3)) + 1
    digits = (m.group(1) or m.group(2)).translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    return int(digits)


def _names_term(text: str) -> bool:
    m = _ENTRY.match(text)
    rest = text[m.end():] if m else text
    colon = re.search(r"[：:]", rest)
    return colon is not None and colon.start() <= TERM_MAX


def endnote_block(texts: list[str], order: list[int]) -> list[int]:
    """The indexes (label, entries and their explanations) of an endnote block at the end of
    ``order`` (the indexes of the body's last lines, in order), or [] when there is none."""
    heading_like = [pos for pos, i in enumerate(order) if (m := match_marker(texts[i])) is not None
                    and m.style in ("cn-dun", "cn-paren")]
    begin = heading_like[-1] + 1 if heading_like else 0
    for pos in range(begin, len(order) - MIN_ENTRIES):
        label = texts[order[pos]]
        if len(label) > LABEL_MAX or _PUNCT.search(label) or _entry_number(texts[order[pos + 1]]) != 1:
            continue
        entries = []
        for k in range(pos + 1, len(order)):
            number = _entry_number(texts[order[k]])
            if number is not None and number == len(entries) + 1:
                entries.append(k)
            elif number is not None or k == pos + 1:
                entries = []
                break
        if len(entries) >= MIN_ENTRIES and 3 * sum(_names_term(texts[order[k]]) for k in entries) >= 2 * len(entries):
            return order[pos:]
    return []
