"""Markdown input: a ``.md`` file read with a CommonMark parser (markdown-it-py).

The report's ``text`` stays the file's text, so that every line, column and
offset points into the original file. What Markdown makes of each line
decides what the report's paragraphs are (``MarkdownReport.paragraphs``):

- prose (paragraphs, list items, block quotes, headings) is a paragraph, its
  span narrowed to the words: without the heading's ``#``, a bullet, a
  ``>``, and emphasis or a link that wraps the whole line
  (``**一、总体情况**``, ``[版本发布](#…)``). An ordered list's number stays in
  the text when the file numbers the items as they render (``1.`` ``2.``
  ``3.``), so that the structure parser reads it like a typed ``1.``;
- not prose, and no paragraph (each recorded in ``line_kinds`` and as a
  ``TextNote`` of kind ``markdown``): front matter (``---`` … ``---`` or
  ``+++`` … ``+++`` at the top), fenced and indented code, HTML blocks,
  tables, link reference definitions, thematic breaks, the underline of a
  setext heading, and paragraphs made only of links (a table of contents)
  or only of images;
- the level of an ATX (``##``) or setext heading is heading evidence in
  ``Report.heading_levels``, as a .docx Heading style is: the shallowest
  level of the body is 1. A document title written as the only ``#``
  heading, first in the file, is the title, not a level;
- inline markup inside a line (a link, emphasis, code, an escape) cannot be
  cut out of a span of the original text: the line keeps it, and a
  ``TextNote`` of kind ``markdown_inline`` says so.

An indented code block whose lines are Chinese sentences is read as
indented prose (a plain-text draft saved as .md indents with spaces).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache


from baogao.errors import EmptyFileError
from baogao.paragraphs import INDENT_RE, ZERO_WIDTH_RE, Paragraph, TextNote
from baogao.report import Report
from baogao.sources.markdown_inline import (
    PREFIX_OK,
    has_markup,
    locate,
    markup_names,
    markup_spans,
    only_links_or_images,
    peel,
    split_lines,
)

#: What a line of a Markdown file is, and how a note names it.
LINE_KINDS = {
    "prose": "正文", "heading": "标题",
    "front_matter": "前置元数据（front matter）", "code": "代码块", "html": "HTML 块",
    "table": "表格", "definition": "链接定义", "links": "只有链接的段落（如目录）",
    "image": "只有图片的段落", "rule": "分隔线", "underline": "Setext 标题的下划线",
    "markup": "Markdown 标记",
}
#: Line kinds that are no prose: they become no paragraph.
NOT_PROSE = frozenset(LINE_KINDS) - {"prose", "heading"}

@lru_cache(maxsize=1)
def _markdown_parser():
    """The CommonMark parser (markdown-it-py), imported by the first Markdown text only:
    its import is 40 ms of every process otherwise (every command, every kernel)."""
    from markdown_it import MarkdownIt  # heavy: 40 ms, for Markdown texts only

    return MarkdownIt("commonmark", {"inline_definitions": True}).enable(["table", "strikethrough"])

# A line of front matter: a key (no sentence punctuation in it) and a value,
# a list item, an indented continuation, a comment or nothing.
_YAML_LINE = re.compile(r"\s*(#.*)?|\s*-(\s.*)?|[^\s:#，。；！？][^:，。；！？]*:.*|\s+\S.*")
_TOML_LINE = re.compile(r"\s*(#.*)?|\s*\[.*\]\s*|\s*[\w.\"'\-]+\s*=.*|\s+\S.*")
_ORDERED_MARKER = re.compile(r"([0-9]{1,9}[.)])[ \t]*$")
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass
class Layout:
    """What the parser made of each line (1-based line numbers)."""

    kinds: dict[int, str] = field(default_factory=dict)  # every non-blank line
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)  # prose: columns [a, b)
    heading_levels: dict[int, int] = field(default_factory=dict)
    notes: list[TextNote] = field(default_factory=list)
    front_matter: str | None = None
    markup: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # prose: columns [a, b)
    #: Blocks to note: [first, end) 0-based lines, and what they are.
    blocks: list[list] = field(default_factory=list)


@dataclass(repr=False)
class MarkdownReport(Report):
    """A ``Report`` read from Markdown: ``format == "markdown"``.

    - ``line_kinds``: 1-based line -> a key of ``LINE_KINDS``, for every
      non-blank line;
    - ``prose_spans``: 1-based line -> the columns ``(a, b)`` (0-based, end
      exclusive) of its words inside the line, for prose lines only;
    - ``inline_markup``: 1-based line -> the columns ``(a, b)`` of the inline
      markup that stays inside its paragraph (a link's ``[`` and
      ``](target)``, emphasis marks, code, images, HTML tags, escapes);
      ``markup_spans`` gives them as offsets into ``text``.

    ``paragraphs`` holds the prose lines only, each ``text`` being exactly
    ``report.text[start:end]``; ``indent`` is what precedes the words on the
    line (indentation and Markdown marks), so that ``start`` is still the
    line's start plus ``len(indent)``.
    """

    line_kinds: dict[int, str] = field(default_factory=dict)
    prose_spans: dict[int, tuple[int, int]] = field(default_factory=dict)
    inline_markup: dict[int, list[tuple[int, int]]] = field(default_factory=dict)

    @cached_property
    def markup_spans(self) -> list[tuple[int, int]]:
        """Offsets ``(start, end)`` into ``text`` of the inline markup inside paragraphs, in order."""
        return [(self.lines[n - 1].start + a, self.lines[n - 1].start + b)
                for n in sorted(self.inline_markup) for a, b in self.inline_markup[n]]

    def _scan(self) -> None:
        super()._scan()
        # An indent of code or of a table row is Markdown, not a paragraph's indent.
        self.notes = [n for n in self.notes
                      if not (n.kind == "indent" and self.line_kinds.get(n.line) in NOT_PROSE)]

    @cached_property
    def paragraphs(self) -> list[Paragraph]:
        out = []
        for line in self.lines:
            span = self.prose_spans.get(line.number)
            if span is None:
                continue
            a, b = line.start + span[0], line.start + span[1]
            text = self.text[a:b]
            if not ZERO_WIDTH_RE.sub("", text).strip():
                continue
            out.append(Paragraph(len(out) + 1, line.number, a, b, text, self.text[line.start:a]))
        return out


def read_markdown(text: str, *, source: str = "<文本>", encoding: str = "utf-8") -> MarkdownReport:
    """A Markdown text as a ``MarkdownReport``; no prose at all is bad input."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")  # as Report.from_text does
    layout = parse_markdown(normalised)
    meta = {"front_matter": layout.front_matter} if layout.front_matter is not None else {}
    report = MarkdownReport.from_text(text, source=source, encoding=encoding, format="markdown",
                                      notes=layout.notes, heading_levels=layout.heading_levels,
                                      meta=meta, line_kinds=layout.kinds, prose_spans=layout.spans,
                                      inline_markup=layout.markup)
    if not report.paragraphs:
        found = "、".join(dict.fromkeys(LINE_KINDS[k] for k in layout.kinds.values() if k in NOT_PROSE))
        raise EmptyFileError(f"“{source}”里没有正文：只有{found or '空白和不可见的字符'}。", path=source)
    return report


def parse_markdown(text: str) -> Layout:
    """The layout of a Markdown text whose line endings are ``\\n``."""
    lines = text.split("\n")
    layout = Layout()
    fm_end = _front_matter(lines, layout)
    src = [""] * fm_end + lines[fm_end:]
    if src and src[0].startswith("\ufeff"):
        src[0] = src[0][1:]
    tokens = _markdown_parser().parse("\n".join(src), {})
    item_marker = _ordered_items(tokens, layout)
    for i, tok in enumerate(tokens):
        if tok.map is None:
            continue
        a, b = tok.map
        if tok.type == "fence":
            _block(layout, lines, a, b, "code")
        elif tok.type == "code_block":
            if _chinese_prose(lines[a:b]):
                _whole_lines(layout, lines, a, b)
                _note(layout, a, b, "缩进四个空格以上，按 Markdown 是代码块，但内容是中文句子，按正文读取")
            else:
                _block(layout, lines, a, b, "code")
        elif tok.type in ("html_block", "table_open", "definition", "hr"):
            kind = {"html_block": "html", "table_open": "table", "definition": "definition",
                    "hr": "rule"}[tok.type]
            _block(layout, lines, a, b, kind)
        elif tok.type == "heading_open":
            inline = tokens[i + 1]
            level = int(tok.tag[1:])
            _prose(layout, lines, inline, level, None)
            if tok.markup in ("=", "-"):
                _block(layout, lines, b - 1, b, "underline", note=False)
        elif tok.type == "paragraph_open":
            inline = tokens[i + 1]
            only = only_links_or_images(inline.children or [])
            if only:
                _block(layout, lines, *inline.map, only)
            else:
                _prose(layout, lines, inline, None, item_marker.get(a))
    for number, line in enumerate(lines[fm_end:], fm_end + 1):
        if number not in layout.kinds and line.strip():
            if PREFIX_OK.fullmatch(line.replace("=", "").replace("|", "").replace(":", "")):
                layout.kinds[number] = "markup"
            else:
                _whole_lines(layout, lines, number - 1, number)
    _navigation_labels(layout, lines)
    _levels(layout)
    layout.notes = sorted(layout.notes + _block_notes(layout), key=lambda note: note.line or 0)
    return layout


# -- blocks ------------------------------------------------------------------------

def _front_matter(lines: list[str], layout: Layout) -> int:
    """Lines of YAML (``---``) or TOML (``+++``) front matter at the top, or 0."""
    first = lines[0].lstrip("\ufeff").rstrip() if lines else ""
    if first not in ("---", "+++"):
        return 0
    closers, shape, name = (("---", "..."), _YAML_LINE, "YAML") if first == "---" else (("+++",), _TOML_LINE, "TOML")
    for j in range(1, len(lines)):
        if lines[j].rstrip() in closers:
            if not all(shape.fullmatch(ln) for ln in lines[1:j]):
                return 0
            _block(layout, lines, 0, j + 1, "front_matter", note=False)
            layout.notes.append(TextNote("markdown", 1, 1, f"第1–{j + 1}行是 {name} 前置元数据"
                                                          "（front matter），不计入正文"))
            layout.front_matter = "\n".join(lines[1:j])
            return j + 1
    return 0


def _block(layout: Layout, lines: list[str], a: int, b: int, kind: str, note: bool = True) -> None:
    """Lines a..b-1 (0-based) are no prose."""
    b = min(b, len(lines))
    marked = [n for n in range(a, b) if lines[n].strip() and n + 1 not in layout.kinds]
    for n in marked:
        layout.kinds[n + 1] = kind
    if note and marked:
        _note(layout, marked[0], marked[-1] + 1, f"是{_spaced(LINE_KINDS[kind])}，不计入正文")


def _note(layout: Layout, a: int, b: int, what: str) -> None:
    """Note lines a..b-1, joined with the block before when it is the same and only blank lines part them."""
    last = layout.blocks[-1] if layout.blocks else None
    if last and last[2] == what and last[1] <= a and all(n + 1 not in layout.kinds for n in range(last[1], a)):
        last[1] = max(last[1], b)
    else:
        layout.blocks.append([a, b, what])


def _block_notes(layout: Layout) -> list[TextNote]:
    out = []
    for a, b, what in layout.blocks:
        where = f"第{a + 1}行" if b - a <= 1 else f"第{a + 1}–{b}行"
        out.append(TextNote("markdown", a + 1, 1, where + what))
    return out


def _navigation_labels(layout: Layout, lines: list[str]) -> None:
    """A short line that introduces a list of links (目录：) belongs to it."""
    for n, kind in sorted(layout.kinds.items()):
        if kind != "links" or layout.kinds.get(n - 1) == "links":
            continue
        k = n - 1
        while k >= 1 and k not in layout.kinds:
            k -= 1
        if k < 1 or layout.kinds.get(k) != "prose" or layout.kinds.get(k - 1) in ("prose", "heading"):
            continue
        a, b = layout.spans[k]
        label = lines[k - 1][a:b]
        if len(label) <= 12 and not re.search(r"[。！？；，!?;,]", label):
            del layout.spans[k]
            layout.kinds[k] = "links"
            for block in layout.blocks:
                if block[0] == n - 1:
                    block[0] = k - 1


def _whole_lines(layout: Layout, lines: list[str], a: int, b: int) -> None:
    """Lines a..b-1 are prose as they stand (indent and trailing spaces aside)."""
    for n in range(a, min(b, len(lines))):
        span = _trim(lines[n], 0, len(lines[n]))
        if span[0] < span[1]:
            layout.kinds[n + 1] = "prose"
            layout.spans[n + 1] = span


def _trim(line: str, a: int, b: int) -> tuple[int, int]:
    """Narrow [a, b) past a leading indent and trailing white space."""
    m = INDENT_RE.match(line, a)
    if m:
        a = min(m.end(), b)
    while b > a and line[b - 1].isspace():
        b -= 1
    return a, b


def _chinese_prose(lines: list[str]) -> bool:
    body = "".join(ln.strip() for ln in lines)
    return bool(body) and len(_CJK.findall(body)) * 2 > len(body) and bool(re.search("[。，；]", body))


def _ordered_items(tokens, layout: Layout) -> dict[int, bool]:
    """0-based first line of each ordered item -> whether its number stays in the text.

    It stays when the file numbers the items as they render (1. 2. 3.); a
    list numbered otherwise (1. 1. 1.) is numbered by Markdown, not by the text.
    """
    out: dict[int, bool] = {}
    for i, tok in enumerate(tokens):
        if tok.type != "ordered_list_open":
            continue
        items = []
        for t in tokens[i + 1:]:
            if t.type == "ordered_list_close" and t.level == tok.level:
                break
            if t.type == "list_item_open" and t.level == tok.level + 1 and t.map:
                items.append((t.map[0], int(t.info) if t.info.isdigit() else None))
        numbers = [n for _, n in items]
        as_written = bool(numbers) and None not in numbers and numbers == list(
            range(numbers[0], numbers[0] + len(numbers)))
        for first, _ in items:
            out[first] = as_written
        if items and not as_written and tok.map:
            a, b = tok.map
            layout.notes.append(TextNote("markdown", a + 1, 1, f"第{a + 1}–{b}行的有序列表由 Markdown 自动编号"
                                                               "（依次为 1、2、3……），原文所写的编号不计入正文"))
    return out


def _levels(layout: Layout) -> None:
    """A lone leading ``#`` is the title; the shallowest remaining level is 1."""
    levels = layout.heading_levels
    prose = sorted(n for n, k in layout.kinds.items() if k in ("prose", "heading"))
    if prose and levels.get(prose[0]) == 1 and list(levels.values()).count(1) == 1:
        del levels[prose[0]]
        layout.notes.append(TextNote("markdown", prose[0], 1,
                                     f"第{prose[0]}行的 Markdown 一级标题是全文标题，不作为标题层级的依据"))
    if levels:
        top = min(levels.values())
        for n in levels:
            levels[n] -= top - 1


# -- prose lines -----------------------------------------------------------------------

def _prose(layout: Layout, lines: list[str], inline, level: int | None, keep_marker: bool | None) -> None:
    """Spans of the lines of one paragraph or heading, narrowed to their words."""
    a, b = inline.map
    pieces = inline.content.split("\n")
    children = inline.children or []
    groups = split_lines(children)
    if len(pieces) != b - a:
        pieces = [None] * (b - a)
    if len(groups) != b - a:
        groups = [None] * (b - a)
    for k, (piece, group) in enumerate(zip(pieces, groups)):
        n = a + k
        line = lines[n]
        span = locate(line, piece)
        if span is None:  # the parser's text is not a span of the line (tabs): the line as it is
            _whole_lines(layout, lines, n, n + 1)
            if n + 1 in layout.spans and has_markup(group if group is not None else children):
                _inline_note(layout, n, layout.spans[n + 1][0], markup_names(group or children), False)
            continue
        lo, hi = span
        marker = keep_marker and k == 0 and _ORDERED_MARKER.search(line, 0, lo)
        words_lo = lo
        if marker:
            lo = marker.start(1)
        elif group is not None:
            lo, hi, group = peel(line, lo, hi, group)
            words_lo = lo
        lo, hi = _trim(line, lo, hi)
        if lo >= hi:
            layout.kinds[n + 1] = "markup"
            continue
        layout.kinds[n + 1] = "heading" if level is not None else "prose"
        layout.spans[n + 1] = (lo, hi)
        if level is not None:
            layout.heading_levels[n + 1] = level
        if group is None:
            if has_markup(children):
                _inline_note(layout, n, lo, markup_names(children), False)
            continue
        spans = markup_spans(line, max(words_lo, lo), hi, group)
        if spans is None:
            _inline_note(layout, n, lo, markup_names(group), False)
        elif spans:
            layout.markup[n + 1] = spans
            _inline_note(layout, n, spans[0][0], markup_names(group), True)


def _inline_note(layout: Layout, n: int, column: int, names: list[str], located: bool) -> None:
    where = "，已记下它们的位置" if located else ""
    layout.notes.append(TextNote(
        "markdown_inline", n + 1, column + 1,
        f"第{n + 1}行含有 Markdown 行内标记（{'、'.join(names)}）：这些符号留在原文位置上，"
        f"也计入分析的文字{where}"))


def _spaced(name: str) -> str:
    """A space between a Chinese word and a name that starts in Latin letters: 是 HTML 块."""
    return " " + name if name[:1].isascii() else name
