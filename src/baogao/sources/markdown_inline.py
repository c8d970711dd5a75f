"""Markdown inside one line: where its words stand, and which characters are markup.

``baogao.sources.markdown`` hands each prose line over with the inline
tokens markdown-it-py parsed from it (tokens carry no columns: they are
aligned with the line here, character by character):

- ``locate``: the columns of the parser's text of a line inside the line;
- ``peel``: the span narrowed past emphasis or a link that wraps the whole
  line (``**一、总体情况**`` → ``一、总体情况``);
- ``markup_spans``: the columns of the markup that stays inside the span (a
  link's brackets and target, emphasis marks, code, images, HTML tags,
  escapes), so that a tool can tell them from the words;
- ``only_links_or_images``: a paragraph that says nothing outside its links
  (a table of contents) or images.
"""
from __future__ import annotations

import html
import re

# What may stand before a line's words (indents, quote marks, list markers,
# heading marks) and after them (a closing heading sequence).
PREFIX_OK = re.compile(r"[\s>#*+\-0-9.)\ufeff]*")
_SUFFIX_OK = re.compile(r"[\s#]*")
# Text around the links of a table of contents: numbers, separators, spaces.
_FILLER = re.compile(r"[\s0-9一二三四五六七八九十〇零百.、．,，:：;；|·•\-—–()（）\[\]]*")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_WRAPPERS = {"strong_open": "strong_close", "em_open": "em_close", "s_open": "s_close",
             "link_open": "link_close"}
_DELIMITERS = {"strong_open", "strong_close", "em_open", "em_close", "s_open", "s_close"}
_NAMES = {"link_open": "链接", "strong_open": "强调", "em_open": "强调", "s_open": "删除线",
          "code_inline": "行内代码", "image": "图片", "html_inline": "HTML 标签"}


def locate(line: str, piece: str | None) -> tuple[int, int] | None:
    """Where the parser's text of this line stands in the line, or None."""
    if piece is None:
        return None
    words = piece.strip()
    if not words:
        return None
    for pos in (line.find(words), line.rfind(words)):
        if pos >= 0 and PREFIX_OK.fullmatch(line, 0, pos) and _SUFFIX_OK.fullmatch(line, pos + len(words)):
            return pos, pos + len(words)
    return None


def split_lines(children) -> list[list]:
    """The inline tokens of each line (empty text tokens left out)."""
    groups: list[list] = [[]]
    for t in children:
        if t.type in ("softbreak", "hardbreak"):
            groups.append([])
        elif t.type != "text" or t.content:
            groups[-1].append(t)
    return groups


def _closes_at_end(group) -> bool:
    """The first token's pair closes with the last token, not before."""
    depth = 0
    for k, t in enumerate(group):
        depth += t.nesting
        if depth == 0:
            return k == len(group) - 1
    return False


def peel(line: str, lo: int, hi: int, group) -> tuple[int, int, list]:
    """Strip emphasis and links that wrap the whole span: **一、总体情况**, [目录](#…)."""
    while len(group) >= 2 and _WRAPPERS.get(group[0].type) == group[-1].type and _closes_at_end(group):
        first = group[0]
        if first.type == "link_open":
            end = _bracket_end(line, lo, hi, "[", "]") if first.markup != "autolink" else None
            if end is None:
                break
            lo, hi = lo + 1, end - 1
        else:
            m = len(first.markup)
            if not (m and line.startswith(first.markup, lo) and line.endswith(first.markup, lo, hi)
                    and hi - lo > 2 * m):
                break
            lo, hi = lo + m, hi - m
        while lo < hi and line[lo].isspace():
            lo += 1
        while hi > lo and line[hi - 1].isspace():
            hi -= 1
        group = group[1:-1]
    return lo, hi, group


def _bracket_end(line: str, lo: int, hi: int, open_: str, close: str) -> int | None:
    """Column just past the ``close`` that matches ``line[lo] == open_`` (escapes skipped)."""
    if lo >= hi or line[lo] != open_:
        return None
    depth, k = 0, lo
    while k < hi:
        ch = line[k]
        if ch == "\\":
            k += 2
            continue
        if ch == open_:
            depth += 1
        elif ch == close:
            depth -= 1
            if depth == 0:
                return k + 1
        k += 1
    return None


def _link_tail(line: str, pos: int, hi: int) -> int:
    """Past ``](target)``, ``][label]``, ``][]`` or ``]`` at ``line[pos] == "]"``."""
    pos += 1
    if pos < hi and line[pos] == "(":
        return _bracket_end(line, pos, hi, "(", ")") or pos
    if pos < hi and line[pos] == "[":
        return _bracket_end(line, pos, hi, "[", "]") or pos
    return pos


def markup_spans(line: str, lo: int, hi: int, group) -> list[tuple[int, int]] | None:
    """Columns [a, b) of the markup inside line[lo:hi]; None when tokens and text do not align."""
    out: list[tuple[int, int]] = []
    pos, k = lo, 0

    def mark(a: int, b: int) -> None:
        if out and out[-1][1] == a:
            out[-1] = (out[-1][0], b)
        elif a < b:
            out.append((a, b))

    while k < len(group):
        t = group[k]
        k += 1
        if t.type == "text":
            for ch in t.content:
                m = _ENTITY.match(line, pos) if line.startswith("&", pos) else None
                if m and html.unescape(m.group()) == ch and m.group() != ch:
                    mark(pos, m.end())
                    pos = m.end()
                elif line.startswith(ch, pos):
                    pos += 1
                elif line.startswith("\\" + ch, pos):
                    mark(pos, pos + 1)
                    pos += 2
                else:
                    return None
        elif t.type in _DELIMITERS and line.startswith(t.markup, pos):
            mark(pos, pos + len(t.markup))
            pos += len(t.markup)
        elif t.type == "link_open" and t.markup == "autolink" or t.type in ("image", "code_inline"):
            end = _atom_end(line, pos, hi, t)
            if end is None:
                return None
            mark(pos, end)
            pos = end
            if t.type == "link_open":  # the address is markup too: skip to link_close
                while k < len(group) and group[k].type != "link_close":
                    k += 1
                k += 1
        elif t.type == "link_open" and line.startswith("[", pos):
            mark(pos, pos + 1)
            pos += 1
        elif t.type == "link_close" and line.startswith("]", pos):
            end = _link_tail(line, pos, hi)
            mark(pos, end)
            pos = end
        elif t.type == "html_inline" and line.startswith(t.content, pos):
            mark(pos, pos + len(t.content))
            pos += len(t.content)
        else:
            return None
    if line[pos:hi] == "\\":  # a hard line break
        mark(pos, hi)
        pos = hi
    return out if pos == hi else None


def _atom_end(line: str, pos: int, hi: int, t) -> int | None:
    """Past an autolink ``<…>``, an image ``![…](…)`` or a code span ```…```."""
    if t.type == "link_open":
        end = line.find(">", pos, hi)
        return end + 1 if line.startswith("<", pos) and end > 0 else None
    if t.type == "image":
        end = _bracket_end(line, pos + 1, hi, "[", "]") if line.startswith("![", pos) else None
        return None if end is None else _link_tail(line, end - 1, hi)
    ticks = re.match(r"`+", line[pos:hi])
    if not ticks:
        return None
    close = re.compile(rf"(?<!`){ticks.group()}(?!`)").search(line, pos + len(ticks.group()), hi)
    return close.end() if close else None


def only_links_or_images(children) -> str | None:
    """``links`` or ``image`` when the paragraph says nothing outside its links or images."""
    depth, links, images = 0, 0, 0
    for t in children:
        if t.type == "link_open":
            depth, links = depth + 1, links + 1
        elif t.type == "link_close":
            depth -= 1
        elif depth or t.type in ("softbreak", "hardbreak") or t.type in _DELIMITERS:
            continue
        elif t.type == "image":
            images += 1
        elif not (t.type == "text" and _FILLER.fullmatch(t.content)):
            return None
    return "links" if links else "image" if images else None


def markup_names(group) -> list[str]:
    """The kinds of inline markup among these tokens, in Chinese."""
    names = [_NAMES[t.type] for t in group if t.type in _NAMES]
    return list(dict.fromkeys(names)) or ["转义或字符实体"]


def has_markup(group) -> bool:
    return any(t.type not in ("text", "softbreak", "hardbreak") for t in group)
