"""The draft as Markdown (``to_markdown``), for reading and sharing, not for layout.

Headings become ``#`` headings by level, run-in headings stay in their
paragraph in bold, every other element is a plain paragraph; characters that
Markdown would read as syntax are escaped, so the text of every paragraph
stays exactly the draft's (rules in ``to_markdown``).
"""
from __future__ import annotations

import re

from baogao.export.blocks import draft_blocks
from baogao.sources.load import load

_MD_INLINE = re.compile(r"([\\`*_<\[\]~&])")


_MD_BLOCK_START = re.compile(r"^([#>+=|-])")


_MD_ORDERED = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")


def _md_inline(text: str) -> str:
    """Escape the characters that would start Markdown inline syntax."""
    return _MD_INLINE.sub(r"\\\1", text)


def _md_paragraph(text: str) -> str:
    """Escape a paragraph so that it stays a plain paragraph."""
    text = _md_inline(text)
    text = _MD_BLOCK_START.sub(r"\\\1", text)
    return _MD_ORDERED.sub(r"\1\\\2", text)


def to_markdown(report) -> str:
    """The draft as Markdown, for reading and sharing (not for layout).

    - title: ``# 标题`` (each title line);
    - standalone headings: ``##`` for level 1 … ``#####`` for level 4 (deeper
      levels stay at ``######``), marker kept: ``## 一、主要工作``;
    - run-in headings stay in their paragraph with the heading sentence in
      bold and its closing mark *after* the bold:
      ``**（一）思想引领**。全年开展…``. CommonMark does not close ``**``
      between a punctuation mark and a letter (``**…引领。**全年`` renders the
      asterisks literally), so the 。 goes outside;
    - every other element (题注, 报告人, 称呼, 主送机关, body paragraph,
      结束语, 附件说明, 署名, 成文日期) is a plain paragraph: Markdown cannot
      align right, so the signature and the date are plain paragraphs too;
    - boilerplate of content farms is dropped, and so is the draft's indent.

    Characters that Markdown would read as syntax (``*``, ``_``, a ``#`` or
    ``-`` at a paragraph start, …) are escaped with a backslash.
    ``report`` is a :class:`~baogao.Report` or anything :func:`baogao.load`
    accepts. Paragraphs are separated by a blank line; the text ends with a
    newline.
    """
    out = []
    for block in draft_blocks(load(report)):
        if block.kind == "title":
            out.append("# " + _md_inline(block.text))
        elif block.kind == "heading":
            out.append("#" * min(block.heading.level + 1, 6) + " " + _md_inline(block.text))
        elif block.heading is not None:  # a paragraph opening with a run-in heading
            t = block.text
            out.append("**" + _md_inline(t[:block.title_end]) + "**"
                       + _md_inline(t[block.title_end:block.split]) + _md_inline(t[block.split:]))
        else:
            out.append(_md_paragraph(block.text))
    return "\n\n".join(out) + "\n"


MARKDOWN_SUFFIXES = (".md", ".markdown")
