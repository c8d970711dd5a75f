"""The outline of a report: elements, headings, enumerations, parts, issues, tree.

``build_outline(report)`` runs the whole structure parser once; the result
is cached on the report (``report.outline()``).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Iterator

from baogao.lazy import pandas as pd
from baogao.paragraphs import Paragraph
from baogao.structure.elements import (
    ELEMENT_NAMES,
    Element,
    classify,
    is_document_title,
)
from baogao.structure.enumerations import Enumeration, find_enumerations
from baogao.structure.headings import (
    Candidate,
    Heading,
    NumberingIssue,
    assign_levels,
    candidate,
    decide_series,
    unnumbered_candidate,
)
from baogao.structure.numbering import lost_headings, style_issues
from baogao.structure.parts import PART_NAMES, Part, find_parts
from baogao.text.markers import STYLE_NAMES, find_enumeration_markers

ISSUE_NAMES = {"gap": "缺号", "repeat": "重号", "style_change": "样式不一", "out_of_order": "顺序颠倒"}
#: A salutation run into the opening paragraph: ``各位代表，现在，我代表国务院……``.
RUN_IN_SALUTATION = re.compile(r"^(各位代表|各位委员|同志们)[，,！!]")

#: ``Outline.genre``: the two kinds of report, the copy that shows neither, and the label a student reads for each.
GENRE_LABELS = {"document": "公文式报告", "speech": "讲话式报告", "unknown": "文体不明"}


@dataclass
class Section:
    """A node of the outline tree (``Outline.tree``): a heading's section, or a part of its own.

    - ``kind``: ``root`` (the whole report), ``heading`` (a heading and what
      follows it up to the next heading of its level or above) or ``part`` (a
      functional part that is a section of its own: the opening before the
      first heading, or a standalone ``Part``);
    - ``title``: the heading's title (without its marker; ``label`` has it),
      the part's Chinese name from ``PART_NAMES``, or the report's source for
      the root;
    - ``line``: 1-based line where the section begins (0 for the root);
    - ``level``: 1-based depth in the tree: a heading's ``level``, 1 for a
      part, 0 for the root;
    - ``heading``: the ``Heading`` of a ``heading`` section, else None;
    - ``part``: the part kind (a key of ``PART_NAMES``) of a ``part``
      section, else None;
    - ``paragraphs``: the paragraphs directly in this section (a heading's own
      paragraph first), not those of its children (``all_paragraphs()``);
    - ``children``: the sections below it, in document order;
    - ``end_line``: 1-based last line of the section: the line before the
      next section at its level or above, or the last body line.
    """

    kind: str
    title: str
    line: int
    level: int
    heading: Heading | None = None
    part: str | None = None
    paragraphs: list[Paragraph] = field(default_factory=list)
    children: list["Section"] = field(default_factory=list)
    end_line: int = 0

    def walk(self) -> Iterator["Section"]:
        yield self
        for child in self.children:
            yield from child.walk()

    def all_paragraphs(self) -> list[Paragraph]:
        out = list(self.paragraphs)
        for child in self.children:
            out.extend(child.all_paragraphs())
        out.sort(key=lambda p: p.line)
        return out

    @property
    def text(self) -> str:
        """The section's text: its heading and every paragraph under it."""
        return "\n".join(p.text for p in self.all_paragraphs())

    @property
    def label(self) -> str:
        if self.heading is not None:
            return f"{self.heading.marker}{self.heading.title}"
        return self.title

    def __repr__(self) -> str:
        return f"<Section {self.kind} L{self.level} line {self.line}: {self.label[:20]!r}>"


@dataclass
class Outline:
    """The structure of a report (docs/structure.md); ``report.outline()`` builds it once.

    - ``source``, ``encoding``: the report's (``Report.source``, ``Report.encoding``);
    - ``genre``: a key of ``GENRE_LABELS``: ``document`` 公文式报告 (a 主送机关,
      a closing formula, or a title ``…关于…的报告/请示``), ``speech``
      讲话式报告 (a 题注, 报告人 or 称呼) or ``unknown`` 文体不明 (neither: a
      copy that lost its frame);
    - ``title``: the text of the first title line, or None;
    - ``elements``: one ``Element`` per paragraph, in order;
    - ``headings``: the ``Heading`` list, in order;
    - ``enumerations``: the ``Enumeration`` list, by line;
    - ``parts``: the ``Part`` list, in order (closing formulas last);
    - ``numbering_issues``: the ``NumberingIssue`` list of headings and
      enumerations, by line;
    - ``tree``: the root ``Section``; ``sections()`` walks it in order and
      ``to_frame()`` gives one row per section;
    - ``genre_evidence``: what decided the genre, in Chinese (``有主送机关``).

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

    def to_dict(self) -> dict:
        """The documented JSON form (``baogao outline --json``)."""
        return {
            "source": self.source,
            "encoding": self.encoding,
            "genre": self.genre,
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
               f"文体：{GENRE_LABELS[self.genre]}"
               f"（{'；'.join(self.genre_evidence) or '既没有公文要素，也没有讲话稿的题注、报告人和称呼'}）"]
        if self.title:
            out.append(f"标题：{self.title}")
        front = [e for e in self.elements if e.kind not in ("paragraph", "heading")]
        if front:
            out.append("")
            out.append("要素：")
            for e in front:
                out.append(f"  第{e.line:>4}行  {ELEMENT_NAMES[e.kind]}：{_clip(e.text, 40)}")
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
    kinds = classify(paragraphs)
    body = [p for p, k in zip(paragraphs, kinds) if k == "paragraph"]

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
    headings, sequence = assign_levels(heading_items)
    heading_issues = lost_headings(sequence, headings, body) + style_issues(headings)
    by_index = {h.paragraph: h for h in headings}

    for h in headings:
        if not h.run_in:
            kinds[h.paragraph - 1] = "heading"

    enum_body = [(p, by_index.get(p.index)) for p in body]
    enumerations, enum_issues = find_enumerations(
        enum_body, [[(c.paragraph, c.marker) for c in run] for run in item_runs])

    closing = [(p.line, p.clean.strip()) for p, k in zip(paragraphs, kinds) if k == "closing"]
    parts = find_parts(enum_body, closing, work_report=not _is_request(paragraphs, kinds))

    elements = [Element(k, p.line, p.text, p.index) for p, k in zip(paragraphs, kinds)]
    title_p = next((p for p, k in zip(paragraphs, kinds) if k == "title"), None)
    title = title_p.clean.strip() if title_p else None

    evidence = []
    if any(e.kind == "addressee" for e in elements):
        evidence.append("有主送机关")
    if closing:
        evidence.append("有结束语“" + closing[0][1] + "”")
    if is_document_title(title):
        evidence.append("标题为“关于……的" + title[-2:] + "”")
    genre = "document" if evidence else "speech"
    if not evidence:
        speech = [ELEMENT_NAMES[e.kind] for e in elements if e.kind in ("subtitle", "speaker", "salutation")]
        evidence = [f"有{x}" for x in dict.fromkeys(speech)]
        opening = next((p.clean.strip() for p, k in zip(paragraphs, kinds) if k == "paragraph"), "")
        if not evidence and RUN_IN_SALUTATION.match(opening):
            evidence = ["开头段以称呼起句（“" + RUN_IN_SALUTATION.match(opening).group(1) + "”）"]
        # A copy that lost its frame shows neither kind: say so rather than guess.
        genre = "speech" if evidence else "unknown"

    issues = sorted(heading_issues + enum_issues,
                    key=lambda i: (i.line, ["style_change", "gap", "repeat", "out_of_order"].index(i.kind)))
    tree = _build_tree(report, paragraphs, kinds, headings, parts)
    return Outline(report.source, report.encoding, genre, title, elements, headings, enumerations,
                   parts, issues, tree, evidence)


def _is_request(paragraphs, kinds) -> bool:
    """A 请示 or 函 asks for something: it has no review of work."""
    title = next((p.clean.strip() for p, k in zip(paragraphs, kinds) if k == "title"), "")
    return title.endswith(("请示", "函"))


def _build_tree(report, paragraphs, kinds, headings, parts) -> Section:
    root = Section("root", report.source, 0, 0)
    by_index = {h.paragraph: h for h in headings}
    standalone_parts = {p.line: p for p in parts if p.standalone}
    first_heading_line = headings[0].line if headings else None
    opening_parts = [p for p in parts if p.kind == "opening"]
    stack: list[Section] = [root]
    for p, k in zip(paragraphs, kinds):
        if k not in ("paragraph", "heading"):
            continue
        h = by_index.get(p.index)
        if h is not None:
            while stack[-1].level >= h.level:
                stack.pop()
            node = Section("heading", h.title, p.line, h.level, heading=h)
            stack[-1].children.append(node)
            stack.append(node)
            node.paragraphs.append(p)
            continue
        part = standalone_parts.get(p.line)
        if part is not None:
            del stack[1:]
            node = Section("part", PART_NAMES[part.kind], p.line, 1, part=part.kind)
            root.children.append(node)
            stack.append(node)
        elif len(stack) == 1 and opening_parts and (first_heading_line is None or p.line < first_heading_line):
            if not root.children or root.children[-1].part != "opening":
                node = Section("part", PART_NAMES["opening"], p.line, 1, part="opening")
                root.children.append(node)
            stack.append(root.children[-1])
        stack[-1].paragraphs.append(p)
    # A section ends where the next begins; the last one at its last body paragraph.
    body_lines = [p.line for p, k in zip(paragraphs, kinds) if k in ("paragraph", "heading")]
    _set_end_lines(root, max(body_lines, default=0))
    return root


def _set_end_lines(node: Section, end: int) -> None:
    node.end_line = end
    for i, child in enumerate(node.children):
        nxt = node.children[i + 1].line - 1 if i + 1 < len(node.children) else end
        _set_end_lines(child, max(nxt, child.line))
