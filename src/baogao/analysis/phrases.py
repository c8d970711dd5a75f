"""Set phrases of the text (body and headings): four-character phrases and formulations.

- ``four_char_phrases``: four-character phrases (四字格): idioms and set
  phrases as jieba tags them, AABB reduplications, four-character clauses;
- ``numeric_formulations``: numbered formulations (数字式提法: 四个意识,
  八项规定) and paired ones (三严三实, 一岗双责);
- ``quoted_formulations``: short expressions in “ ” (“我为青年办实事”).

Each table has a function giving its occurrences with offsets
(``four_char_occurrences``, ``numeric_occurrences``, ``quoted_occurrences``),
which other measures and the highlighting read. The rules are in each
table's docstring.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from baogao.analysis.tables import TEXT_KINDS, tables, text_paragraphs
from baogao.analysis.words import Word, raw_tokens
from baogao.lazy import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from baogao.report import Report


_CJK = "\u4e00-\u9fff"


_FOUR_CJK = re.compile(rf"[{_CJK}]{{4}}")


# Clause and sentence breaks for four-character clauses (顿号 is handled apart).
_CLAUSE_BREAK = re.compile(r"[，。；：！？,;:!?…—\s]+")


_PIECE_STRIP = "“”‘’「」『』（）()《》〈〉【】\"'"


_PROPER_TAGS = frozenset({"nr", "nrfg", "nrt", "ns", "nt", "nz"})


# Numbered formulations: numeral + classifier + head word (四个意识, 八项规定, 三大攻坚战).
# 一 is left out: 一个/一项/一大批 are articles and quantities far more often than formulations.
_NUMERALS = "二两三四五六七八九十"


_CLASSIFIERS = "个项条大"


_NUMBERED_INSIDE = re.compile(rf"[{_NUMERALS}][{_CLASSIFIERS}][{_CJK}]{{2,}}$")


_HEAD_WORD = re.compile(rf"[{_CJK}]{{2,4}}")


_NOT_BEFORE_NUMERAL = set("一二两三四五六七八九十百千万亿零〇第几") | set("0123456789０１２３４５６７８９")


#: Heads that make a count, not a formulation (两个方面, 十个国家).
GENERIC_HEADS = frozenset(
    "方面 部分 环节 阶段 层次 层面 问题 原因 年头 月份 星期 小时 国家 地区 省份 城市 部门 单位 "
    "百分点 领域 方向 重点 步骤 途径 渠道 世纪 孩子".split())


#: Nouns that may follow a formulation (四个现代化建设, 八项规定精神, 三个代表重要思想).
CONTINUATIONS = frozenset(
    "精神 思想 重要思想 要求 战略 布局 战略布局 总体布局 建设 目标 奋斗目标 理论 方针 主题教育 教育".split())


_HEAD_EXCLUDED_TAGS = frozenset({"x", "m", "mq", "q", "t", "r", "d", "ad", "a", "b", "p", "c", "f", "uj", "ul",
                                 "uv", "uz", "ud", "ug", "u", "y", "e", "o", "eng"})


# Paired formulations: 两X两Y, 三X三Y, 一X双Y, 两X一Y, optionally a third pair (三去一降一补).
_PAIR_NUMERALS = "一二两三四五六七八九十双"


_PAIR_NOT_X = _PAIR_NUMERALS + "百千万亿零〇个项条年月日天周次届点倍批期代步成种岁时分秒号层级是"


_PAIR_X = rf"(?:(?![{_PAIR_NOT_X}])[{_CJK}])"


_PAIR_RE = re.compile(rf"(?<![{_PAIR_NUMERALS}百千万零〇第几])([{_PAIR_NUMERALS}]){_PAIR_X}"
                      rf"([{_PAIR_NUMERALS}]){_PAIR_X}(?:[{_PAIR_NUMERALS}]{_PAIR_X})?")


#: First halves that are ordinary words (两岸双向交流, 两岸一家亲), not formulations.
PAIR_STOP_HALVES = frozenset({"两岸", "两侧", "两旁"})


#: Four-character idioms shaped like a pair that jieba does not tag i.
PAIR_IDIOMS = frozenset({"十全十美", "一五一十", "五湖四海", "七上八下", "三番五次"})


QUOTED_MAX_CHARS = 12


_QUOTED = re.compile(rf"“([^“”\n]{{1,{QUOTED_MAX_CHARS}}})”")


_SENTENCE_MARKS = re.compile(r"[。！？!?；;]")


def _is_aabb(s: str) -> bool:
    return len(s) == 4 and s[0] == s[1] and s[2] == s[3] and s[0] != s[2]


def _pieces(text: str) -> list[tuple[int, int, int]]:
    """(start, end, series) of the stretches between punctuation marks of a paragraph.

    A clause (between ，。；：！？ and the like) is one piece unless it holds
    顿号: then each item is a piece, and ``series`` numbers the clause
    (-1 for a piece that is a whole clause).
    """
    out = []
    pos = 0
    for n, m in enumerate(_CLAUSE_BREAK.finditer(text + "。")):
        a, b = pos, min(m.start(), len(text))
        pos = m.end()
        if a >= b:
            continue
        if "、" not in text[a:b]:
            out.append((a, b, -1))
            continue
        i = a
        for item in text[a:b].split("、"):
            out.append((i, i + len(item), n))
            i += len(item) + 1
    return out


def four_char_occurrences(report: "Report", kinds=TEXT_KINDS) -> list[tuple[str, str, int, int, int]]:
    """(phrase, type, start, end, line) of every four-character phrase in paragraphs of ``kinds``
    (found once per report: several measures read it)."""
    found = tables(report).derive("four_char", lambda: _find_four_char(report, TEXT_KINDS))
    if set(kinds) == set(TEXT_KINDS):
        return found
    kind_of_line = {e.line: e.kind for e in report.outline().elements}
    return [o for o in found if kind_of_line.get(o[4]) in kinds]


def _find_four_char(report: "Report", kinds) -> list[tuple[str, str, int, int, int]]:
    # Only tokens of four characters can be a phrase or stand where a clause is looked up.
    raw = [t for t in raw_tokens(report) if len(t.word) == 4 and t.kind in kinds]
    by_span = {(t.start, t.end): t for t in raw}
    found: dict[tuple[int, int], tuple[str, str, int, int, int]] = {}
    for t in raw:
        if not _FOUR_CJK.fullmatch(t.word):
            continue
        kind = {"i": "idiom", "l": "set_phrase"}.get(t.pos)
        if kind is None and _is_aabb(t.word):
            kind = "reduplication"
        if kind:
            found[(t.start, t.end)] = (t.word, kind, t.start, t.end, t.line)
    kinds_of = {e.paragraph: e.kind for e in report.outline().elements}
    for p in report.paragraphs:
        if kinds_of.get(p.index) not in kinds:
            continue
        pieces = _pieces(p.text)
        cores = []
        for a, b in ((a, b) for a, b, _ in pieces):
            piece = p.text[a:b]
            lead = len(piece) - len(piece.lstrip(_PIECE_STRIP))
            core = piece.strip(_PIECE_STRIP)
            cores.append((core, a + lead) if _FOUR_CJK.fullmatch(core) else (None, 0))
        for k, ((core, at), (_a, _b, series)) in enumerate(zip(cores, pieces)):
            if core is None:
                continue
            if series >= 0:
                # An item of a 、 series counts only next to another four-character
                # item (提高质量、突出功能), not as the edge of a longer phrase (面对河南、陕西).
                prev_ok = k > 0 and pieces[k - 1][2] == series and cores[k - 1][0] is not None
                next_ok = k + 1 < len(pieces) and pieces[k + 1][2] == series and cores[k + 1][0] is not None
                if not (prev_ok or next_ok):
                    continue
            span = (p.start + at, p.start + at + 4)
            if span in found:
                continue  # already an idiom, set phrase or reduplication token
            token = by_span.get(span)
            if token is not None and token.pos in _PROPER_TAGS:
                continue  # a name or a formulation (四个意识), not a four-character clause
            kind = "reduplication" if _is_aabb(core) else "four_char_clause"
            found[span] = (core, kind, span[0], span[1], p.line)
    return sorted(found.values(), key=lambda o: o[2])


def _group(occurrences, key_cols: int) -> list[tuple]:
    """Group (key..., start, end, line) occurrences by their first ``key_cols`` fields."""
    groups: dict[tuple, list] = {}
    for o in occurrences:
        groups.setdefault(o[:key_cols], []).append(o)
    rows = [(*k, len(v), sorted({o[-1] for o in v}), min(o[key_cols] for o in v)) for k, v in groups.items()]
    rows.sort(key=lambda r: (-r[key_cols], r[-1]))
    return [r[:-1] for r in rows]


def four_char_phrases(report: "Report") -> pd.DataFrame:
    """Four-character phrases (四字格) of the text (body and headings).

    Types, in this order of precedence:
    - ``idiom``: a token of four Chinese characters that jieba tags i. jieba
      labels many official compounds i, not only chengyu (深入开展, 贯彻落实);
    - ``set_phrase``: tagged l (切实加强, 高度重视, 党的建设);
    - ``reduplication``: AABB (扎扎实实, tagged z), as a token or a clause;
    - ``four_char_clause``: a clause of exactly four Chinese characters
      between punctuation marks (，。；：！？ and ASCII forms; quotation marks
      and brackets at its ends are stripped): 上下协调, 久久为功, 综合集成.
      Inside a 顿号 series an item counts only next to another
      four-character item (提高质量、突出功能; not 面对河南 in 面对河南、陕西).
      A name or formulation token (四个意识, nz) is not a clause here.
    Columns: phrase, type, count, lines. Sorted by count, then first
    occurrence.
    """
    rows = _group(four_char_occurrences(report), 2)
    return pd.DataFrame(rows, columns=["phrase", "type", "count", "lines"]).astype({"count": "int64"})


def _is_noun(tag: str) -> bool:
    return tag.startswith("n") or tag in ("vn", "l", "j")


def numeric_occurrences(report: "Report") -> list[tuple[str, str, int, int, int]]:
    """(formulation, kind, start, end, line) of numbered and paired formulations."""
    out = []
    text = report.text
    quoted = {o[0] for o in quoted_occurrences(report)}
    tokens_by_para: dict[int, list[Word]] = defaultdict(list)
    for t in raw_tokens(report):
        tokens_by_para[t.paragraph].append(t)
    for p in text_paragraphs(report):
        toks = tokens_by_para.get(p.index, [])
        for i, t in enumerate(toks):
            w = t.word
            if len(w) == 2 and w[0] in _NUMERALS and w[1] in _CLASSIFIERS:  # 四个, 八项: numeral + classifier
                # 四个 + 意识: the head is the next token
                if t.start > 0 and text[t.start - 1] in _NOT_BEFORE_NUMERAL:
                    continue  # 第二个, 二十个
                head = toks[i + 1] if i + 1 < len(toks) else None
                if (head is None or head.start != t.end or not _HEAD_WORD.fullmatch(head.word)
                        or head.pos in _HEAD_EXCLUDED_TAGS or head.word in GENERIC_HEADS):
                    continue
                after = toks[i + 2] if i + 2 < len(toks) else None
                candidate = t.word + head.word
                continues = (after is not None and after.start == head.end and _is_noun(after.pos)
                             and after.word not in CONTINUATIONS)
                if continues and candidate not in quoted:
                    continue  # 十大钢铁基地, 四条突出经验: a count of things
                out.append((candidate, "numbered", t.start, head.end, t.line))
                continue
            m = _NUMBERED_INSIDE.search(w) if len(w) >= 4 else None
            if m:
                # a dictionary word that ends in one: 四个意识, 中央八项规定 → 八项规定
                a = t.start + m.start()
                if (a == 0 or text[a - 1] not in _NOT_BEFORE_NUMERAL) and m.group()[2:] not in GENERIC_HEADS:
                    out.append((m.group(), "numbered", a, t.end, t.line))
        # paired: 三严三实, 两扶两帮, 一岗双责, 三去一降一补; whole tokens only
        starts = ends = spans = None
        for m in _PAIR_RE.finditer(p.text):
            if spans is None:  # built for the few paragraphs with a candidate only
                starts = {t.start for t in toks}
                ends = {t.end for t in toks}
                spans = {(t.start, t.end): t for t in toks}
            a = p.start + m.start()
            s = m.group()
            if len(s) == 6 and p.start + m.end() not in ends:
                s = s[:4]
            b = a + len(s)
            n1, n2 = m.group(1), m.group(2)
            if not (n1 == n2 or "一" in (n1, n2) or "双" in (n1, n2)):
                continue  # 三省九市 counts places
            if a not in starts or b not in ends or s[:2] in PAIR_STOP_HALVES or s in PAIR_IDIOMS:
                continue
            token = spans.get((a, b))
            if token is not None and token.pos == "i":
                continue  # an idiom: 一心一意, 四面八方
            out.append((s, "paired", a, b, p.line))
    out.sort(key=lambda o: o[2])
    return out


def numeric_formulations(report: "Report") -> pd.DataFrame:
    """Numbered formulations (数字式提法) of the text (body and headings).

    Two patterns, on jieba tokens so that a match starts and ends at word
    boundaries:
    - ``numbered``: a Chinese numeral 二…十 or 两, a classifier 个/项/条/大,
      and the next token as head (四个意识, 八项规定, 六项规定, 三大攻坚战),
      or a dictionary token that ends so (中央八项规定 → 八项规定).
      Excluded: the numeral 一 (一个/一项/一大批 are articles and quantities;
      so 一个中国 is missed); ordinals and larger numbers (第二个, 二十个);
      heads that are adjectives, adverbs, pronouns, numbers, time words or
      function words; generic heads (``GENERIC_HEADS``: 两个方面, 十个国家);
      and a head followed by another noun (十大钢铁基地, 四条突出经验: counts
      of things) unless that noun is in ``CONTINUATIONS`` (四个现代化建设,
      八项规定精神) or the formulation is quoted somewhere in the report.
    - ``paired``: numeral + character, twice or three times: 三严三实,
      两扶两帮, 一岗双责, 两学一做, 三去一降一补. The two numerals must be
      equal or one of them 一/双 (三省九市 counts places); the characters may
      not be numerals, classifiers or time units (十九届六中, 一九七六,
      四是一些); idioms are excluded (a token tagged i: 一心一意, 四面八方;
      ``PAIR_IDIOMS``), as are ``PAIR_STOP_HALVES`` (两岸双向).
    一系列 never matches. Columns: formulation, kind, count, lines.
    """
    rows = _group(numeric_occurrences(report), 2)
    return pd.DataFrame(rows, columns=["formulation", "kind", "count", "lines"]).astype({"count": "int64"})


def quoted_occurrences(report: "Report") -> list[tuple[str, int, int, int]]:
    """(text, start, end, line) of every short text in “ ” (a quoted formulation)."""
    out = []
    for p in text_paragraphs(report):
        for m in _QUOTED.finditer(p.text):
            inner = m.group(1).strip()
            if inner and not _SENTENCE_MARKS.search(inner):
                out.append((inner, p.start + m.start(), p.start + m.end(), p.line))
    return out


def quoted_formulations(report: "Report") -> pd.DataFrame:
    """Short quoted expressions of the text (body and headings): “四个意识”, “我为青年办实事”.

    Text between “ and ” (mainland quotation marks) of at most 12
    characters with no sentence-ending punctuation (。！？!? and ；;): a
    formulation, slogan or name put in quotation marks. Commas and 顿号 are
    allowed (“不忘初心,牢记使命”). Columns: formulation, count, lines.
    """
    rows = _group(quoted_occurrences(report), 1)
    return pd.DataFrame(rows, columns=["formulation", "count", "lines"]).astype({"count": "int64"})
