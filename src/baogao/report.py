"""The one model of a report: text, lines, paragraphs, and what loading noticed.

Every tool reads a ``Report``. Line numbers are 1-based; character offsets
index ``Report.text`` (the decoded text with line endings normalised to
``\\n``; nothing else is changed, so every offset points at the original
characters).
"""

from __future__ import annotations

import bisect
import re
import warnings
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from .textio import traditional_share

if TYPE_CHECKING:  # pragma: no cover
    from .outline import Outline

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
_ZW_RE = re.compile("[" + "".join(ZERO_WIDTH) + "]")
# Leading indentation: full-width spaces (the Chinese two-character indent),
# ASCII spaces, tabs and no-break spaces.
_INDENT_RE = re.compile(r"^[\u3000 \t\u00a0]+")


class TraditionalChineseWarning(UserWarning):
    """The text looks like traditional Chinese; the kit expects simplified."""


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
        return _ZW_RE.sub("", self.text)

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


@dataclass
class Report:
    text: str
    source: str = "<文本>"
    encoding: str = "utf-8"
    format: str = "text"
    newline: str = "\n"
    notes: list[TextNote] = field(default_factory=list)
    #: .docx only: line -> heading level given by a Heading style / outline level.
    heading_levels: dict[int, int] = field(default_factory=dict)
    styles: dict[int, str] = field(default_factory=dict)
    #: Free-form metadata (corpus id, year, provenance...).
    meta: dict = field(default_factory=dict)

    # -- construction -------------------------------------------------------
    @classmethod
    def from_text(cls, text: str, **kwargs) -> "Report":
        """Build a report from decoded text; line endings are normalised here."""
        notes: list[TextNote] = list(kwargs.pop("notes", []))
        crlf, cr = text.count("\r\n"), 0
        if "\r" in text:
            normalised = text.replace("\r\n", "\n")
            cr = normalised.count("\r")
            normalised = normalised.replace("\r", "\n")
        else:
            normalised = text
        newline = "\n"
        if crlf and not cr:
            newline = "\r\n"
        elif cr and not crlf:
            newline = "\r"
        elif crlf and cr:
            newline = "mixed"
        if crlf or cr:
            notes.append(TextNote("newline", None, None,
                                  f"换行符已统一为 \\n（原为 {newline!r}：CRLF {crlf} 处，CR {cr} 处）"))
        report = cls(text=normalised, newline=newline, notes=notes, **kwargs)
        report._scan()
        return report

    def _scan(self) -> None:
        """Record zero-width characters, indents and traditional characters."""
        for line in self.lines:
            for m in _ZW_RE.finditer(line.text):
                ch = m.group()
                if ch == "\ufeff" and line.number == 1 and m.start() == 0:
                    kind, detail = "bom", "文本开头的 BOM（U+FEFF）已保留在原文中，分析时忽略"
                else:
                    kind, detail = "zero_width", f"零宽字符 U+{ord(ch):04X} {ZERO_WIDTH[ch]}，分析时忽略"
                self.notes.append(TextNote(kind, line.number, m.start() + 1, detail))
            m = _INDENT_RE.match(line.text)
            if m and line.text.strip():
                ind = m.group()
                what = "全角空格" if set(ind) == {"\u3000"} else "空白"
                self.notes.append(TextNote("indent", line.number, 1,
                                           f"段首缩进 {len(ind)} 个{what}，已从段落文字中分出"))
        share = traditional_share(self.text)
        if share > 0.08:
            msg = (f"“{self.source}”看起来是繁体中文（{share:.0%} 的汉字不在 GB2312 内）："
                   "baogao 的词典和规则按简体中文编写，结果可能不准确。")
            self.notes.append(TextNote("traditional", None, None, msg))
            warnings.warn(msg, TraditionalChineseWarning, stacklevel=4)

    # -- lines and paragraphs ----------------------------------------------
    @cached_property
    def lines(self) -> list[Line]:
        out, pos = [], 0
        for number, raw in enumerate(self.text.split("\n"), 1):
            out.append(Line(number, pos, pos + len(raw), raw))
            pos += len(raw) + 1
        return out

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        out = []
        for line in self.lines:
            stripped = line.text.rstrip()
            if not _ZW_RE.sub("", stripped).strip():
                continue
            m = _INDENT_RE.match(stripped)
            indent = m.group() if m else ""
            start = line.start + len(indent)
            out.append(Paragraph(len(out) + 1, line.number, start, line.start + len(stripped),
                                 stripped[len(indent):], indent))
        return out

    @cached_property
    def _line_starts(self) -> list[int]:
        return [ln.start for ln in self.lines]

    def line(self, number: int) -> Line:
        """The line with this 1-based number."""
        if not 1 <= number <= len(self.lines):
            raise IndexError(f"line {number} out of range 1..{len(self.lines)}")
        return self.lines[number - 1]

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset."""
        if not 0 <= offset <= len(self.text):
            raise IndexError(f"offset {offset} out of range 0..{len(self.text)}")
        return bisect.bisect_right(self._line_starts, offset)

    def position(self, offset: int) -> tuple[int, int]:
        """(line, column) of an offset, both 1-based, column in characters."""
        number = self.line_of(offset)
        return number, offset - self.lines[number - 1].start + 1

    def paragraph_at(self, line: int) -> Paragraph | None:
        for p in self.paragraphs:
            if p.line == line:
                return p
        return None

    # -- derived views --------------------------------------------------------
    @property
    def chars(self) -> int:
        """Characters of text, not counting line breaks, indents and zero-width marks."""
        return sum(len(p.clean) for p in self.paragraphs)

    def outline(self) -> "Outline":
        """The report's structure, computed once and cached."""
        cached = self.__dict__.get("_outline")
        if cached is None:
            from .outline import build_outline

            cached = build_outline(self)
            self.__dict__["_outline"] = cached
        return cached

    @property
    def title(self) -> str | None:
        return self.outline().title

    @property
    def genre(self) -> str:
        return self.outline().genre

    def __repr__(self) -> str:
        return (f"<Report {self.source!r}: {len(self.paragraphs)} paragraphs, "
                f"{self.chars} chars, {self.encoding}>")
