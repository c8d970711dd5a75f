"""The 版头 and the 版记 of a draft as the .docx lays them out: which run goes where, which rule where.

GB/T 9704-2012 puts the 版头 (份号, 密级, 紧急程度, 发文机关标志, 发文字号,
签发人) above the title and the 版记 (抄送机关, 印发机关和印发日期) at the end,
between rules (docs/export.md, "The 版头, the 附注 and the 版记"). This module
decides, from the draft's blocks alone, what ``export.docx`` then writes:

- ``pieces(kind, text)``: the runs of one paragraph, each with its role (the
  number, ``签发人：``, the name, the organ, the date, or a tab between them);
- ``frame_layout(blocks)``: per block, the direct formatting of the 版头, of the
  title after it and of the 版记 (flush left, a right tab, space before, rules).
"""

from __future__ import annotations

import re

from baogao.structure.lines import doc_number, signer

#: The 版头 and the 版记 as element kinds, in the order of GB/T 9704.
HEADER = ("copy_number", "secrecy", "urgency", "issuer", "doc_number", "signer")
FOOTER = ("cc", "imprint")
RED = "FF0000"
#: The red rule under the 版头: (colour, width in eighths of a point: 1 pt, distance in pt: about 4 mm).
HEADER_RULE = (RED, 8, 11)
#: The rules of the 版记, in eighths of a point: thick first and last (1 pt), thin between (¾ pt).
FOOTER_RULES = {"thick": 8, "thin": 6}
#: Lines of space between the rule under the 版头 and the title.
TITLE_AFTER_HEADER_LINES = 2
TAB = "tab"

_SIGNER_LABEL = re.compile(r"签发人\s*[：:]\s*")
_IMPRINT_DATE = re.compile(r"^(.*?\S)[ \t\u3000]*((?:[0-9０-９]{4}|[〇○0０零一二三四五六七八九]{4})年\S*?日\s*印发)$")


def pieces(kind: str, text: str) -> list[tuple[str, str]]:
    """(role, text) of each run of a paragraph; ``(TAB, "")`` for a tab.

    A 发文字号 with its 签发人 on the line: the number, a tab, ``签发人：`` (label) and
    the name (the spaces between number and 签发人 become the tab); a 签发人 line: the
    label and the name; 印发机关和印发日期: the organ, a tab, the date. Any other
    paragraph is one run (role ``text``).
    """
    label = _SIGNER_LABEL.search(text) if kind in ("doc_number", "signer") else None
    if label:
        name = [("name", text[label.end():])] if label.end() < len(text) else []
        number = doc_number(text) if kind == "doc_number" else None
        if number:
            return [("number", number), (TAB, ""), ("label", text[label.start():label.end()]), *name]
        return [("label", text[:label.end()]), *name]
    m = _IMPRINT_DATE.match(text) if kind == "imprint" else None
    if m:
        return [("organ", m.group(1)), (TAB, ""), ("date", m.group(2))]
    return [("text", text)]


def frame_layout(blocks) -> list[dict]:
    """Per block: ``left`` (flush left, one character in: an upward document's 发文字号),
    ``tab`` (a right tab stop: 签发人, 印发日期), ``before`` (lines of space before: the
    title under the 版头), ``rules`` ((side, width, colour, distance) of borders)."""
    out: list[dict] = [{} for _ in blocks]
    kinds = [b.kind for b in blocks]
    head = 0
    while head < len(kinds) and kinds[head] in HEADER:
        head += 1
    # An upward document names its 签发人 in the 版头 (docs/export.md).
    upward = any(k == "signer" or (k == "doc_number" and signer(b.text)) for k, b in zip(kinds[:head], blocks))
    for i in range(head):
        if kinds[i] == "doc_number" and upward:
            out[i]["left"] = True
            out[i]["tab"] = any(role == TAB for role, _ in pieces("doc_number", blocks[i].text))
    if {"issuer", "doc_number"} & set(kinds[:head]):
        color, width, space = HEADER_RULE
        out[head - 1]["rules"] = [("bottom", width, color, space)]
        if head < len(kinds) and kinds[head] == "title":
            out[head]["before"] = TITLE_AFTER_HEADER_LINES
    foot = len(kinds)
    while foot > head and kinds[foot - 1] in FOOTER:
        foot -= 1
    for i in range(foot, len(kinds)):
        out[i]["rules"] = [("top", FOOTER_RULES["thick" if i == foot else "thin"], "000000", 1)]
        out[i]["tab"] = any(role == TAB for role, _ in pieces(kinds[i], blocks[i].text))
    if foot < len(kinds):
        out[-1]["rules"].append(("bottom", FOOTER_RULES["thick"], "000000", 1))
    return out
