"""The pieces of a report's text: ``Line``, ``Paragraph``, ``TextNote``.

``Report`` (``baogao.report``) is made of these. Line numbers are 1-based;
character offsets index ``Report.text`` (the decoded text with line endings
normalised to ``\\n``; nothing else is changed, so every offset points at the
original characters). A paragraph is a non-blank line without its
indentation; zero-width characters (``ZERO_WIDTH``) stay in the text, and
``Paragraph.clean`` is the text without them, as the structure parser reads
it. A paragraph that a copy split over consecutive lines (a sentence running
on, a hyperlinked word on a line of its own) can be read joined:
``join_paragraphs`` makes one ``Paragraph`` of its pieces, which keeps the
pieces (their lines and offsets), so that a character of the joined text
maps back to its offset in ``Report.text`` (``Paragraph.offset``). A
``TextNote`` records what loading noticed and handled.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

#: Characters that take no space: kept in the text, recorded, and ignored by
#: the structure parser.
ZERO_WIDTH = {
    "\u200b": "ZERO WIDTH SPACE",
    "\u200c": "ZERO WIDTH NON-JOINER",
    "\u200d": "ZERO WIDTH JOINER",
    "\u2060": "WORD JOINER",
    "\ufeff": "ZERO WIDTH NO-BREAK SPACE (BOM)",
    "\u00ad": "SOFT HYPHEN",
}


ZERO_WIDTH_RE = re.compile("[" + "".join(ZERO_WIDTH) + "]")


# Leading indentation: full-width spaces (the Chinese two-character indent),
# ASCII spaces, tabs and no-break spaces.
INDENT_RE = re.compile(r"^[\u3000 \t\u00a0]+")


@dataclass(frozen=True)
class Line:
    number: int  # 1-based
    start: int  # offset of the first character in Report.text
    end: int  # offset just past the last character (before "\n")
    text: str


@dataclass(frozen=True)
class Paragraph:
    """A non-blank line, without its indentation and trailing spaces.

    A joined paragraph (``join_paragraphs``) has the ``pieces`` it was made
    of, one per line, in order; ``index``, ``line``, ``start`` and
    ``indent`` are its first piece's, ``end`` its last piece's, and ``text``
    the pieces' texts run together (what lies between them in
    ``Report.text``, the line breaks and the next piece's indentation, is
    not part of it: map a position with ``offset``).
    """

    index: int  # 1-based among paragraphs
    line: int  # 1-based line number
    start: int  # offset of text[0] in Report.text
    end: int
    text: str
    indent: str = ""
    pieces: tuple[Paragraph, ...] = ()

    @property
    def clean(self) -> str:
        """The text without zero-width characters, as the parser sees it."""
        return ZERO_WIDTH_RE.sub("", self.text)

    @property
    def line_end(self) -> int:
        """1-based line of the paragraph's last character (its last piece's line)."""
        return self.pieces[-1].line if self.pieces else self.line

    @property
    def lines(self) -> tuple[int, ...]:
        """The 1-based lines the paragraph stands on."""
        return tuple(p.line for p in self.pieces) if self.pieces else (self.line,)

    def offset(self, i: int) -> int:
        """Offset in ``Report.text`` of character ``i`` of ``text`` (``len(text)``: just past the end)."""
        if not 0 <= i <= len(self.text):
            raise IndexError(f"position {i} out of range 0..{len(self.text)}")
        for piece in self.pieces or (self,):
            if i < len(piece.text):
                return piece.start + i
            i -= len(piece.text)
        return self.end


def join_paragraphs(pieces: list[Paragraph] | tuple[Paragraph, ...]) -> Paragraph:
    """One paragraph of the pieces a copy split over lines (a single piece is returned as it is)."""
    if len(pieces) == 1:
        return pieces[0]
    first, last = pieces[0], pieces[-1]
    return Paragraph(first.index, first.line, first.start, last.end, "".join(p.text for p in pieces),
                     first.indent, tuple(pieces))


@dataclass(frozen=True)
class TextNote:
    """Something loading noticed and handled, so that nothing is lost silently."""

    kind: str  # newline | bom | zero_width | indent | traditional | docx_heading_style
    line: int | None
    column: int | None
    detail: str
