"""The outline tree: sections of headings and of functional parts (``Outline.tree``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator

from baogao.paragraphs import Paragraph
from baogao.structure.headings import Heading
from baogao.structure.parts import PART_NAMES


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


def build_tree(source: str, paragraphs, kinds, headings, parts) -> Section:
    """The tree of sections: headings nest by level; the opening and standalone parts are sections."""
    root = Section("root", source, 0, 0)
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
