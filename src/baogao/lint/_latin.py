"""The policy of ``latin-residue``: which Latin letters in Chinese official text are residue.

Official Chinese writes many things in Latin letters, and rightly: standard
codes (GB/T 9704—2012, GB 3095, ISO 9001, ISO/IEC 27001), designations of
roads, lines, aircraft and products (G4, S20线, C919, V11), pollutants and
formulas (PM2.5, SO2, NOx, VOCs), units after a number (10km, 5kg), grades and
letter words (5A级, AAA级, A类, X光), acronyms (GDP, CPI, 5G, AI, HPV, REITs),
e-mail addresses, web addresses and file names, and names of products and
programmes (DeepSeek, “i志愿”). No list of them can be complete, so the policy
names what is residue instead, by its form:

1. **An English abbreviation of a Chinese organ or organisation**
   (``INSTITUTIONS``: NPC, CPPCC, CPC …): Chinese official writing names the
   Party, the organs of the State and the mass organisations in Chinese,
   always. This is what back-translation leaves (NPC代表 for 人大代表). An
   abbreviation in brackets right after its Chinese name is a gloss
   (中国共产党(CPC)): the brackets go with it.
2. **A letter inside a number**: ``l``, ``I``, ``o`` or ``O`` written for the
   digit 1 or 0 (25l亿元, 2O21年).
3. **A fragment in lower case**: a run of lower-case letters that is none of
   the forms above: not a unit after a number, not part of an address or a
   file name, not inside quotation marks or 《》 (a name), not a one-letter
   prefix of a Chinese name (e政务), not a word of a Latin phrase that has a
   capital (Essential Science Indicators). What a cut-off leaves (通过pa) and
   English words that machine rewriting left in the text.

Everything else is allowed: an abbreviation in capitals, a code or a
designation (letters joined to a number), a word with capitals (a name).
Whether a foreign abbreviation should have been written in Chinese is a
question of style, which this rule does not judge.

``residue(text)`` gives (start, end, kind, word) for each piece of residue in
a paragraph's text, ``kind`` one of ``"institution"``, ``"gloss"``,
``"digit"``, ``"fragment"``.
"""

from __future__ import annotations

import re

#: English abbreviations of Chinese organs and organisations, with the Chinese name
#: official texts use (its usual short form) and the full name.
INSTITUTIONS = {
    "CPC": ("中国共产党", "中国共产党"), "CCP": ("中国共产党", "中国共产党"),
    "NPC": ("人大", "全国人民代表大会"), "NPCSC": ("全国人大常委会", "全国人民代表大会常务委员会"),
    "CPPCC": ("政协", "中国人民政治协商会议"), "PRC": ("中华人民共和国", "中华人民共和国"),
    "PLA": ("解放军", "中国人民解放军"), "CYL": ("共青团", "中国共产主义青年团"),
    "CYLC": ("共青团", "中国共产主义青年团"), "CCYL": ("共青团", "中国共产主义青年团"),
    "ACFTU": ("全国总工会", "中华全国总工会"), "ACWF": ("全国妇联", "中华全国妇女联合会"),
    "ACYF": ("全国青联", "中华全国青年联合会"), "ACSF": ("全国学联", "中华全国学生联合会"),
    "NDRC": ("国家发展改革委", "国家发展和改革委员会"), "PBOC": ("人民银行", "中国人民银行"),
    "SASAC": ("国资委", "国务院国有资产监督管理委员会"),
}

_WORD = re.compile(r"[A-Za-z]+")
_IDEOGRAPH = re.compile(r"[\u4e00-\u9fff]")
_ADDRESS = re.compile(
    r"(?:https?|ftp)://[!-~]+"  # a web address, up to the first non-ASCII character
    r"|www\.[A-Za-z0-9.\-/_%?=&#~]+"
    r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"  # an e-mail address
    r"|[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,6}(?![A-Za-z0-9])"  # a domain: gov.cn
    r"|(?<=[^\s.])\.[A-Za-z][A-Za-z0-9]{1,4}(?![A-Za-z0-9])")  # a file name's suffix: 报名表.xlsx
_QUOTED = re.compile(r"“[^“”]*”|‘[^‘’]*’|《[^《》]*》|「[^「」]*」|『[^『』]*』")
_DIGIT_LOOKALIKES = set("lIoO")
_OPEN, _CLOSE = "(（", ")）"


def _spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _inside(a: int, b: int, spans) -> bool:
    return any(x <= a and b <= y for x, y in spans)


def _in_number(text: str, a: int, b: int, word: str) -> bool:
    """``l``/``I``/``o``/``O`` for 1 or 0 right after the digits of a number (25l亿元, 2O21年),
    not after those of a formula or a code (H2O)."""
    if not set(word) <= _DIGIT_LOOKALIKES or len(word) > 2 or a == 0 or not text[a - 1].isdigit():
        return False
    start = a
    while start > 0 and (text[start - 1].isdigit() or text[start - 1] == "."):
        start -= 1
    if start > 0 and text[start - 1].isascii() and text[start - 1].isalpha():
        return False  # the digits belong to a formula or a code: H2O, A1O
    return b == len(text) or not text[b].isalpha() or bool(_IDEOGRAPH.match(text[b]))


def _part_of_code(text: str, a: int, b: int) -> bool:
    """Letters joined to a number or to other letters by a code's marks (C919, GB/T 9704, COVID-19)."""
    before, after = text[a - 1] if a else "", text[b] if b < len(text) else ""
    return before.isdigit() or after.isdigit() or before in "/-" or after in "/-"


def _in_capitalised_phrase(text: str, a: int, b: int) -> bool:
    """A word of a Latin phrase that has a capital: Essential Science Indicators, Young power."""
    left = re.search(r"([A-Za-z]+)[ \-]$", text[:a])
    right = re.match(r"[ \-]([A-Za-z]+)", text[b:])
    return any(m and any(c.isupper() for c in m.group(1)) for m in (left, right))


def _gloss(text: str, a: int, b: int, short: str, full: str) -> tuple[int, int] | None:
    """(start, end) of ``(CPC)`` with its brackets when it follows its Chinese name."""
    if 0 < a and b < len(text) and text[a - 1] in _OPEN and text[b] in _CLOSE:
        before = text[:a - 1]
        if before.endswith(short) or before.endswith(full):
            return a - 1, b + 1
    return None


def residue(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, word) of the Latin residue of one paragraph's text (module docstring)."""
    if not _IDEOGRAPH.search(text):
        return []
    addresses, quoted = _spans(_ADDRESS, text), _spans(_QUOTED, text)
    out = []
    for m in _WORD.finditer(text):
        a, b, word = m.start(), m.end(), m.group()
        if _inside(a, b, addresses):
            continue
        if _in_number(text, a, b, word):
            out.append((a, b, "digit", word))
        elif word in INSTITUTIONS and not _part_of_code(text, a, b):
            gloss = _gloss(text, a, b, *INSTITUTIONS[word])
            out.append((*gloss, "gloss", word) if gloss else (a, b, "institution", word))
        elif word.islower():
            unit = a > 0 and (text[a - 1].isdigit() or text[a - 2:a - 1].isdigit() and text[a - 1] == " ")
            prefix = (len(word) == 1 and b < len(text) and bool(_IDEOGRAPH.match(text[b]))
                      and not re.match(r"[A-Za-z]", text[a - 1:a]))
            if not (unit or prefix or _inside(a, b, quoted) or _in_capitalised_phrase(text, a, b)):
                out.append((a, b, "fragment", word))
    return out
