"""The outline of a report: elements, headings, enumerations, parts, issues, tree.

``build_outline(report)`` runs the whole structure parser once; the result
is cached on the report (``report.outline()``).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from baogao.lazy import pandas as pd
from baogao.paragraphs import join_paragraphs
from baogao.structure.doctypes import DOC_TYPES, is_statutory
from baogao.structure.elements import ELEMENT_NAMES, Element, read_elements
from baogao.structure.enumerations import Enumeration, find_enumerations
from baogao.structure.genre import REPORT_LIKE, decide_genre, doc_type_note, genre_label
from baogao.structure.headings import (
    UNNUMBERED_MAX,
    Candidate,
    Heading,
    NumberingIssue,
    candidate,
    decide_series,
    unnumbered_candidate,
)
from baogao.structure.joins import SplitParagraph, split_paragraph
from baogao.structure.levels import assign_levels
from baogao.structure.lines import signer
from baogao.structure.numbering import lost_headings, style_issues
from baogao.structure.parts import PART_NAMES, Part, find_parts
from baogao.structure.tree import Section, build_tree
from baogao.text.markers import STYLE_NAMES, find_enumeration_markers

ISSUE_NAMES = {"gap": "缺号", "repeat": "重号", "style_change": "样式不一", "out_of_order": "顺序颠倒"}

#: ``Outline.genre``: the two kinds of report, the copy that shows neither, and the label a student reads for each.
GENRE_LABELS = {"document": "公文式报告", "speech": "讲话式报告", "unknown": "文体不明"}


@dataclass
class Outline:
    """The structure of a report (docs/structure.md); ``report.outline()`` builds it once.

    - ``source``, ``encoding``: the report's (``Report.source``, ``Report.encoding``);
    - ``genre``: a key of ``GENRE_LABELS``: ``document`` 公文式报告 (elements of
      GB/T 9704: 版头, 主送机关, 署名和成文日期, 附注, 版记; a closing formula;
      or a title ``…关于…的<文种>``), ``speech`` 讲话式报告 (a 题注, 报告人 or
      称呼) or ``unknown`` 文体不明 (neither: a copy that lost its frame);
      ``genre_label`` refines the name by the 文种 (公文, 书面文稿, 讲话稿);
    - ``title``: the text of the title, its lines joined (a title set on two
      lines), or None;
    - ``elements``: one ``Element`` per paragraph, in order;
    - ``headings``: the ``Heading`` list, in order;
    - ``enumerations``: the ``Enumeration`` list, by line;
    - ``parts``: the ``Part`` list, in order (closing formulas last);
    - ``numbering_issues``: the ``NumberingIssue`` list of headings and
      enumerations, by line;
    - ``tree``: the root ``Section``; ``sections()`` walks it in order and
      ``to_frame()`` gives one row per section;
    - ``genre_evidence``: what decided the genre, in Chinese (``有主送机关``);
    - ``doc_type``: a key of ``DOC_TYPES`` (``doc_type_label`` its Chinese
      name), the 文种 the title ends with: one of the 15 types of the
      党政机关公文处理工作条例 (only for a document; ``statutory`` is then
      True) or another kind of text (总结, 述职报告, 计划, 讲话 …, in any
      genre); None when the title names none;
    - ``split_paragraphs``: the ``SplitParagraph``s, paragraphs the copy
      split over lines (damage of the copy, each reported once with its
      lines); the parser read each of them joined.

    ``to_dict()`` is the JSON of ``baogao outline --json`` (docs/cli.md).
    """

    source: str
    encoding: str
    genre: str
    title: str | None
    elements: list[Element]
    headings: list[Heading]
    enumerations: list[Enumeration]
    parts: list[Part]
    numbering_issues: list[NumberingIssue]
    tree: Section
    genre_evidence: list[str] = field(default_factory=list)
    doc_type: str | None = None
    split_paragraphs: list[SplitParagraph] = field(default_factory=list)

    @property
    def doc_type_label(self) -> str | None:
        return DOC_TYPES[self.doc_type] if self.doc_type else None

    @property
    def statutory(self) -> bool:
        """True for a document of one of the 条例's 15 types."""
        return is_statutory(self.doc_type)

    @property
    def genre_label(self) -> str:
        """What the text is, in Chinese: ``GENRE_LABELS[genre]``, or 公文 / 书面文稿 / 讲话稿 by its 文种."""
        return genre_label(self.genre, self.doc_type, GENRE_LABELS)

    def to_dict(self) -> dict:
        """The documented JSON form (``baogao outline --json``)."""
        return {
            "source": self.source,
            "encoding": self.encoding,
            "genre": self.genre,
            "doc_type": self.doc_type,
            "doc_type_label": self.doc_type_label,
            "title": self.title,
            "elements": [e.to_dict() for e in self.elements],
            "headings": [h.to_dict() for h in self.headings],
            "enumerations": [e.to_dict() for e in self.enumerations],
            "parts": [p.to_dict() for p in self.parts],
            "numbering_issues": [i.to_dict() for i in self.numbering_issues],
        }

    def sections(self) -> list[Section]:
        return [s for s in self.tree.walk() if s.kind != "root"]

    def section_at(self, line: int) -> Section | None:
        """The deepest section holding this line."""
        best = None
        for s in self.sections():
            if s.line <= line <= s.end_line:
                if best is None or s.level >= best.level:
                    best = s
        return best

    def to_frame(self) -> "pd.DataFrame":
        """One row per section, in document order.

        Columns: ``kind``, ``level``, ``line``, ``end_line`` (as on ``Section``);
        ``number``, ``marker``, ``style``, ``run_in`` (as on ``Heading``: empty
        for a part); ``title``; ``part`` (the part kind the section is, or
        falls in); ``paragraphs`` and ``chars`` (count and characters of all
        its paragraphs, subsections included).
        """
        part_at = _part_lookup(self.parts)
        rows = []
        for s in self.sections():
            h = s.heading
            paras = s.all_paragraphs()
            rows.append({
                "kind": s.kind,
                "level": s.level,
                "number": h.number if h else None,
                "marker": h.marker if h else "",
                "style": h.style if h else "",
                "title": h.title if h else s.title,
                "line": s.line,
                "end_line": s.end_line,
                "run_in": h.run_in if h else False,
                "part": s.part or part_at(s.line),
                "paragraphs": len(paras),
                "chars": sum(len(p.clean) for p in paras),
            })
        frame = pd.DataFrame(rows, columns=["kind", "level", "number", "marker", "style", "title",
                                            "line", "end_line", "run_in", "part", "paragraphs",
                                            "chars"])
        frame["number"] = frame["number"].astype("Int64")
        return frame

    def render(self) -> str:
        """An indented plain-text outline with line numbers (the CLI's output)."""
        out = [f"来源：{self.source}（编码 {self.encoding}）",
               f"文体：{self.genre_label}"
               f"（{'；'.join(self.genre_evidence) or '既没有公文要素，也没有讲话稿的题注、报告人和称呼'}）"]
        if self.doc_type:
            out.append(f"文种：{doc_type_note(self.doc_type)}")
        if self.title:
            out.append(f"标题：{self.title}")
        front = [e for e in self.elements if e.kind not in ("paragraph", "heading")]
        if front:
            out.append("")
            out.append("要素：")
            for e in front:
                name = ELEMENT_NAMES[e.kind]
                if e.kind == "doc_number" and signer(e.text):
                    name += "和签发人"
                if e.reason:
                    name += f"（{e.reason}）"
                out.append(f"  第{e.line:>4}行  {name}：{_clip(e.text.strip(), 40)}")
        out.append("")
        out.append("结构：")
        for s in self.sections():
            indent = "  " * s.level
            if s.kind == "heading":
                h = s.heading
                style = STYLE_NAMES.get(h.style, h.style)
                tail = "，段中标题" if h.run_in else ""
                out.append(f"第{s.line:>4}行 {indent}{_clip(s.label, 48)}  [{style}{tail}]")
            else:
                out.append(f"第{s.line:>4}行 {indent}〈{s.title}〉")
        if self.split_paragraphs:
            out.append("")
            out.append("拆行（复制时一段被拆成几行，分析时合为一段）：")
            for sp in self.split_paragraphs:
                out.append(f"  第{sp.lines[0]:>4}行  {sp.message}")
        if self.parts:
            out.append("")
            out.append("功能部分：")
            for p in self.parts:
                out.append(f"  第{p.line:>4}行  {PART_NAMES[p.kind]}（依据：{p.evidence}）")
        if self.enumerations:
            out.append("")
            out.append("列举：")
            for e in self.enumerations:
                kind = "段内" if e.kind == "inline" else "跨段"
                out.append(f"  第{e.line:>4}行  {kind}：{'…'.join(e.markers)}")
        out.append("")
        if self.numbering_issues:
            out.append("编号问题：")
            for i in self.numbering_issues:
                out.append(f"  第{i.line:>4}行  {ISSUE_NAMES[i.kind]}：{i.message}")
        else:
            out.append("编号问题：无")
        return "\n".join(out)

    def _repr_html_(self) -> str:  # pragma: no cover - exercised in notebooks
        return "<pre>" + html.escape(self.render()) + "</pre>"

    def __repr__(self) -> str:
        return (f"<Outline {self.source!r}: {self.genre}, {len(self.headings)} headings, "
                f"{len(self.parts)} parts, {len(self.numbering_issues)} numbering issues>")


def _clip(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _part_lookup(parts: list[Part]):
    def at(line: int) -> str:
        kind = ""
        for p in parts:
            if p.line <= line:
                kind = p.kind
        return kind
    return at


def build_outline(report) -> Outline:
    """The outline of a ``baogao.report.Report`` (a layer above: not imported here)."""
    paragraphs = report.paragraphs
    reading = read_elements(paragraphs)
    kinds = reading.kinds
    # A paragraph split over lines is read joined; its pieces after the first stay ``paragraph``.
    joined, follows = {}, {}
    for group, _ in reading.splits:
        joined[group[0]] = join_paragraphs([paragraphs[i] for i in group])
        follows.update((i, group[0]) for i in group[1:])
    body = [joined.get(i, p) for i, (p, k) in enumerate(zip(paragraphs, kinds))
            if k == "paragraph" and i not in follows]

    # An attached text after the 落款 (附件1 …) numbers its headings afresh.
    annexes = [p.line for p, k in zip(paragraphs, kinds) if k == "annex"]
    headings, heading_issues, item_runs = [], [], []
    for segment in _segments(body, annexes):
        found, issues, runs = _headings(report, segment)
        headings += found
        heading_issues += issues
        item_runs += runs
    by_index = {h.paragraph: h for h in headings}

    for h in headings:
        if not h.run_in:
            kinds[h.paragraph - 1] = "heading"

    enum_body = [(p, by_index.get(p.index)) for p in body]
    enumerations, enum_issues = find_enumerations(
        enum_body, [[(c.paragraph, c.marker) for c in run] for run in item_runs])

    elements = [Element(k, p.line, p.text, p.index, reading.reasons.get(i, ""))
                for i, (p, k) in enumerate(zip(paragraphs, kinds))]
    title = _title(paragraphs, kinds)
    opening = next((p.clean.strip() for p in body if p.index not in by_index or by_index[p.index].run_in), "")
    genre, evidence, doc_type = decide_genre([(e.kind, e.text) for e in elements], title, opening)

    closing = [(p.line, p.clean.strip()) for p, k in zip(paragraphs, kinds) if k == "closing"]
    # A 请示, 通知, 函 … is no work report: only its opening and closing are parts.
    work_report = genre != "document" or doc_type is None or doc_type in REPORT_LIKE
    parts = find_parts(enum_body, closing, work_report=work_report)

    issues = sorted(heading_issues + enum_issues,
                    key=lambda i: (i.line, ["style_change", "gap", "repeat", "out_of_order"].index(i.kind)))
    tree = build_tree(report.source, paragraphs, kinds, headings, parts)
    splits = [split_paragraph(paragraphs, group, why) for group, why in reading.splits]
    return Outline(report.source, report.encoding, genre, title, elements, headings, enumerations,
                   parts, issues, tree, evidence, doc_type, splits)


def _title(paragraphs, kinds) -> str | None:
    """The title's text: its first line, and the line that continues it (a title set on two lines)."""
    lines = []
    for p, k in zip(paragraphs, kinds):
        if k == "title":
            lines.append(p.clean.strip())
        elif lines and k != "boilerplate":
            break
    return "".join(lines) or None


def _segments(body, annexes: list[int]) -> list:
    """The body paragraphs, cut at the lines of the 附件 labels of attached texts."""
    cuts = [0, *annexes, float("inf")]
    return [seg for lo, hi in zip(cuts, cuts[1:]) if (seg := [p for p in body if lo < p.line < hi])]


def _headings(report, body):
    """Headings, their numbering issues and the runs judged to be items, in one stretch of body."""
    # Heading evidence for every body paragraph.
    cands: list[Candidate] = []
    unnumbered: dict[int, Candidate] = {}
    for i, p in enumerate(body):
        hint = report.heading_levels.get(p.line)
        c = candidate(p, hint)
        if c is not None:
            cands.append(c)
            continue
        nxt = body[i + 1] if i + 1 < len(body) else None
        if hint is not None or unnumbered_candidate(p, nxt):
            unnumbered[p.index] = Candidate(p, None, True, False, p.clean.strip(), hint)
    # Inline 一是/第一， of each body paragraph, to tell a standalone 三是 that
    # goes on from the paragraph before from a heading.
    inline = {p.index: {(m.style, m.number) for _, m in find_enumeration_markers(p.clean.strip())}
              for p in body}
    previous = {b.index: body[i - 1].index for i, b in enumerate(body) if i}

    def continues(c: Candidate) -> bool:
        before = inline.get(previous.get(c.paragraph.index), set())
        return (c.marker.style, c.marker.number - 1) in before

    chosen, item_runs = decide_series(cands, continues)
    heading_items = [(c, False) for c in cands if c.paragraph.index in chosen]
    heading_items += [(c, True) for c in unnumbered.values()]
    heading_items.sort(key=lambda item: item[0].paragraph.line)
    # The first prose paragraph: an unnumbered line above it heads no level of its own.
    opening_line = next((p.line for p in body if len(p.clean.strip()) > UNNUMBERED_MAX
                         or re.search(r"[。！？]", p.clean)), 0)
    headings, sequence = assign_levels(heading_items, opening_line)
    heading_issues = lost_headings(sequence, headings, body) + style_issues(headings)
    return headings, heading_issues, item_runs
