"""The pieces of a report's text: ``Line``, ``Paragraph``, ``TextNote``.

``Report`` (``baogao.report``) is made of these. Line numbers are 1-based;
character offsets index ``Report.text`` (the decoded text with line endings
normalised to ``\\n``; nothing else is changed, so every offset points at the
original characters). A paragraph is a non-blank line without its
indentation; zero-width characters (``ZERO_WIDTH``) stay in the text, and
``Paragraph.clean`` is the text without them, as the structure parser reads
it. A ``TextNote`` records what loading noticed and handled.
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
    """A non-blank line, without its indentation and trailing spaces."""

    index: int  # 1-based among paragraphs
    line: int  # 1-based line number
    start: int  # offset of text[0] in Report.text
    end: int
    text: str
    indent: str = ""

    @property
    def clean(self) -> str:
        """The text without zero-width characters, as the parser sees it."""
        return ZERO_WIDTH_RE.sub("", self.text)

    @property
    def line_end(self) -> int:
        return self.line


@dataclass(frozen=True)
class TextNote:
    """Something loading noticed and handled, so that nothing is lost silently."""

    kind: str  # newline | bom | zero_width | indent | traditional | docx_heading_style
    line: int | None
    column: int | None
    detail: str
