"""The one model of a report: text, lines, paragraphs, and what loading noticed.

Every tool reads a ``Report``. Line numbers are 1-based; character offsets
index ``Report.text`` (the decoded text with line endings normalised to
``\\n``; nothing else is changed, so every offset points at the original
characters).
"""
from __future__ import annotations

import bisect
import warnings
from dataclasses import dataclass, field
from functools import cached_property
from typing import Callable, TypeVar

from baogao.errors import TraditionalChineseWarning
from baogao.paragraphs import INDENT_RE, ZERO_WIDTH, ZERO_WIDTH_RE, Line, Paragraph, TextNote
from baogao.structure.outline import Outline, build_outline
from baogao.text.charsets import traditional_share

T = TypeVar("T")


@dataclass
class Report:
    """One report's text, as every tool reads it (build it with ``baogao.load``).

    - ``text``: the decoded text, line endings normalised to ``\\n`` and nothing
      else changed: character offsets (0-based) index this string;
    - ``source``: the path as given, the shipped text's id (``specimen``), or
      ``<文本>``;
    - ``encoding``: the codec it was decoded with (``utf-8``, ``utf-8-sig``,
      ``gb18030``, ``big5`` …), ``docx`` for a Word file;
    - ``format``: ``text`` or ``docx``;
    - ``newline``: the original line ending: ``"\\n"``, ``"\\r\\n"``, ``"\\r"`` or ``"mixed"``;
    - ``notes``: ``TextNote``s of what loading noticed and handled (line
      endings, BOM, zero-width characters, indents, traditional characters);
    - ``heading_levels``: .docx only: 1-based line -> heading level given by a
      Heading style or outline level;
    - ``styles``: .docx only: 1-based line -> the paragraph's style name;
    - ``meta``: free-form metadata of shipped texts (``id``, ``year``,
      ``issuer``, ``source`` …).

    ``lines`` (every line, 1-based ``Line.number``) and ``paragraphs`` (the
    non-blank lines, 1-based ``Paragraph.index``) are views of ``text``;
    ``outline()`` is its structure (``baogao.structure``).
    """

    text: str
    source: str = "<文本>"
    encoding: str = "utf-8"
    format: str = "text"
    newline: str = "\n"
    notes: list[TextNote] = field(default_factory=list)
    heading_levels: dict[int, int] = field(default_factory=dict)
    styles: dict[int, str] = field(default_factory=dict)
    meta: dict = field(default_factory=dict)
    #: What is derived from this text once and kept with it (its outline, its
    #: analysis tables, its corpus index), by name: see ``memo``.
    _memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)

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
            for m in ZERO_WIDTH_RE.finditer(line.text):
                ch = m.group()
                if ch == "\ufeff" and line.number == 1 and m.start() == 0:
                    kind, detail = "bom", "文本开头的 BOM（U+FEFF）已保留在原文中，分析时忽略"
                else:
                    kind, detail = "zero_width", f"零宽字符 U+{ord(ch):04X} {ZERO_WIDTH[ch]}，分析时忽略"
                self.notes.append(TextNote(kind, line.number, m.start() + 1, detail))
            m = INDENT_RE.match(line.text)
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
            if not ZERO_WIDTH_RE.sub("", stripped).strip():
                continue
            m = INDENT_RE.match(stripped)
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

    def memo(self, key: str, build: Callable[["Report"], T]) -> T:
        """``build(self)``, computed on the first call for ``key`` and kept with the report.

        The layers above the report keep what they derive from it here (the
        analysis tables, the corpus index), so that it lives exactly as long
        as the text it was computed from.
        """
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = build(self)
            return value

    def outline(self) -> "Outline":
        """The report's structure (``baogao.structure``), computed once and kept."""
        return self.memo("outline", build_outline)

    @property
    def title(self) -> str | None:
        return self.outline().title

    @property
    def genre(self) -> str:
        return self.outline().genre

    def __repr__(self) -> str:
        return (f"<Report {self.source!r}: {len(self.paragraphs)} paragraphs, "
                f"{self.chars} chars, {self.encoding}>")
