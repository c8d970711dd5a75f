"""Style measures: how long, how dense, how official a report's prose is.

Every function takes a ``Report`` and returns a pandas Series or DataFrame
(``text_stats`` and ``readability`` return plain dicts), so that reports can
be measured and compared. Two scopes, stated in each docstring:

- **body**: sentences and tokens of body paragraphs (element kind
  ``"paragraph"`` in the outline; run-in headings belong to it). Every
  length, count per sentence, share and rate uses the body only, so that
  title blocks, headings, salutations and boilerplate never distort it.
- **text**: body paragraphs and headings. The finders that point at lines
  (four-character phrases, formulations, parallelisms) search it, because
  headings carry formulations and parallel structures (specimen line 5).

Words (see ``words`` in ``text_stats``) are jieba tokens minus punctuation,
symbols and whitespace (tag ``x``). Numbers count as words: tag ``m`` as
jieba gives it (posseg splits ``1244万人`` into 1244/万/人, three words), and
the digits jieba leaves untagged (full-width ``１９７８``, the ``7`` of
``77．7``, tagged ``x`` one digit at a time) are joined into one number.
Latin strings (tag ``eng``: NPC, H5) count as words.
"""

from __future__ import annotations

import bisect
import re
import statistics
from collections import Counter, defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING, Callable, Iterable, NamedTuple

import pandas as pd

from .analysis import analyze, body_paragraphs
from .data import data_path
from .errors import UsageError
from .sentences import clause_spans, count_chars

if TYPE_CHECKING:  # pragma: no cover
    from .report import Report

BODY = "paragraph"
TEXT_KINDS = ("paragraph", "heading")

# jieba's adverb family (PKU tag set): d, and the rare dg (副语素 甚) and df (不要).
# ad (副形词 积极, 努力, 认真) and vd (副动词) are adjective and verb subclasses: not counted.
ADVERB_TAGS = frozenset({"d", "dg", "df"})
# jieba 0.42.1 has one conjunction tag, c (no cc in its dictionary or HMM states).
CONJUNCTION_TAGS = frozenset({"c"})

#: Function words by jieba tag: (category, Chinese label).
FUNCTION_TAGS = {
    "uj": ("structural", "结构助词"), "uv": ("structural", "结构助词"), "ud": ("structural", "结构助词"),
    "ul": ("aspect", "动态助词"), "uz": ("aspect", "动态助词"), "ug": ("aspect", "动态助词"),
    "u": ("particle", "其他助词"), "y": ("particle", "语气词"),
    "p": ("preposition", "介词"),
    "c": ("conjunction", "连词"),
}

READABILITY_SOURCE = "徐巍、姚振晔、陈冬华（2021），《会计研究》2021年第3期"
READABILITY_NOTE = (
    "可读性 = ½ ×（每句词数 + 每句副词和连词数），数值越高越难读。"
    "该指标由徐巍、姚振晔、陈冬华（2021，《会计研究》第3期）在上市公司年报上构建和验证，"
    "并非针对政府工作报告或公文：用于公文只宜在报告之间作相对比较，不宜套用其标准。"
)

CLIP = 60  # characters of text shown for a parallelism
LEAD_IN = 8  # characters of a subject before the opening word of a parallel run

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
_NUMBERED_TOKEN = re.compile(rf"[{_NUMERALS}][{_CLASSIFIERS}]")
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


class _Tok(NamedTuple):
    word: str
    pos: str
    start: int  # offset into report.text
    end: int
    line: int
    paragraph: int
    sentence: int
    kind: str


def _is_number_part(word: str) -> bool:
    return bool(word) and all(ch.isdigit() or ch in "〇○" for ch in word)


def _cache(report: "Report") -> dict:
    """Per-report store of the token lists below, kept on the report's Analysis (same lifetime)."""
    return analyze(report).__dict__.setdefault("_style_cache", {})


def _raw_tokens(report: "Report") -> list[_Tok]:
    """The report's tokens as tuples, punctuation left out (a third of all tokens, read
    by no measure) but for digits and decimal points, which jieba may tag ``x``."""
    cache = _cache(report)
    if "raw" not in cache:
        tk = analyze(report).tokens
        if len(tk):
            words = tk["word"].astype(str)
            tk = tk[(tk["pos"] != "x") | words.str.fullmatch(r"[0-9０-９〇○]+|[.．]")]
        cache["raw"] = list(map(_Tok._make, zip(
            tk["word"].tolist(), tk["pos"].tolist(), tk["start"].tolist(), tk["end"].tolist(),
            tk["line"].tolist(), tk["paragraph"].tolist(), tk["sentence"].tolist(), tk["kind"].tolist())))
    return cache["raw"]


def _words(report: "Report") -> list[_Tok]:
    """Word tokens of the whole report: no punctuation, symbols or whitespace; digit runs joined."""
    cache = _cache(report)
    if "words" not in cache:
        cache["words"] = _join_words(_raw_tokens(report))
    return cache["words"]


def _join_words(raw: list[_Tok]) -> list[_Tok]:
    out: list[_Tok] = []
    i, n = 0, len(raw)
    while i < n:
        t = raw[i]
        if t.pos in ("m", "x") and _is_number_part(t.word):
            # jieba tags full-width digits (and the decimals of 77．7) x, one digit a token.
            j, end = i + 1, t.end
            while j < n and raw[j].start == end and raw[j].paragraph == t.paragraph:
                nxt = raw[j]
                if nxt.pos == "x" and _is_number_part(nxt.word):
                    end, j = nxt.end, j + 1
                elif (nxt.word in ("．", ".") and j + 1 < n and raw[j + 1].start == nxt.end
                      and raw[j + 1].pos == "x" and _is_number_part(raw[j + 1].word)):
                    end, j = raw[j + 1].end, j + 2
                else:
                    break
            if j > i + 1 or t.pos == "x":
                word = "".join(r.word for r in raw[i:j])
                out.append(t._replace(word=word, pos="m", end=end))
            else:
                out.append(t)
            i = j
            continue
        if t.pos != "x" and t.word.strip():
            out.append(t)
        i += 1
    return out


def body_words(report: "Report") -> list[_Tok]:
    """The words ``text_stats`` counts: tokens of body paragraphs, punctuation out,
    digit runs joined (each with word, pos, offsets, line, paragraph, sentence)."""
    cache = _cache(report)
    if "body" not in cache:
        cache["body"] = [w for w in _words(report) if w.kind == BODY]
    return cache["body"]


def _body_sentences(report: "Report") -> pd.DataFrame:
    s = analyze(report).sentences
    return s[s["kind"] == BODY]


def _text_paragraphs(report: "Report") -> list:
    kinds = {e.paragraph: e.kind for e in report.outline().elements}
    return [p for p in report.paragraphs if kinds.get(p.index) in TEXT_KINDS]


def _r(x: float) -> float:
    return round(float(x), 3)


def _ratio(a: float, b: float) -> float:
    """a / b rounded to 3 decimals; 0.0 when there is nothing to divide by."""
    return _r(a / b) if b else 0.0


# -- lengths -----------------------------------------------------------------

def sentence_lengths(report: "Report") -> pd.Series:
    """Length of each body sentence in characters, indexed by sentence number.

    Counts every character of the sentence except spaces and zero-width
    marks, punctuation included (``count_chars``: 努力提高覆盖率。 is 8).
    Body sentences only (paragraph kind ``"paragraph"``); the sentence
    numbers index ``analyze(report).sentences`` (column ``sentence``), which
    also gives their lines and text.
    """
    s = _body_sentences(report)
    return pd.Series(s["chars"].to_numpy(dtype="int64"), index=pd.Index(s["sentence"].to_numpy(dtype="int64"),
                     name="sentence"), name="chars")


def paragraph_lengths(report: "Report") -> pd.Series:
    """Length of each body paragraph in characters, indexed by paragraph number.

    Same count as ``sentence_lengths`` (punctuation in, spaces and zero-width
    marks out), over ``body_paragraphs(report)``; ``report.paragraphs`` maps
    a paragraph number to its line.
    """
    paras = body_paragraphs(report)
    return pd.Series([count_chars(p.text) for p in paras], index=pd.Index([p.index for p in paras],
                     name="paragraph", dtype="int64"), name="chars", dtype="int64")


def clauses_per_sentence(report: "Report") -> pd.Series:
    """Number of clauses of each body sentence, indexed by sentence number.

    A clause ends at ，；： (and ASCII , ; : in Chinese text) or at the
    sentence's end (``sentences.clause_spans``); 顿号 、 separates items,
    not clauses. Body sentences only.
    """
    s = _body_sentences(report)
    return pd.Series(s["clauses"].to_numpy(dtype="int64"), index=pd.Index(s["sentence"].to_numpy(dtype="int64"),
                     name="sentence"), name="clauses")


# -- readability -------------------------------------------------------------

def readability(report: "Report") -> dict:
    """The readability of 徐巍、姚振晔、陈冬华 (2021), with its inputs.

    readability = ½ × (words per sentence + adverbs and conjunctions per
    sentence), over body sentences. Words as in ``text_stats``; adverbs are
    tokens tagged d, dg or df (jieba's adverb family: 不断, 进一步, 更加, 不要),
    conjunctions tokens tagged c (和, 并, 同时; jieba 0.42.1 has no cc). Not
    counted: ad (副形词 积极, 努力, 认真, 切实), an adjective subclass in
    jieba's PKU tag set, and vd. jieba's own tags are used as they are, odd
    ones included (及时 and 可以 are c, 反对 is d; 着力 and 大力 are n).
    Higher = harder. The measure was built and validated on listed
    companies' annual reports, which ``note`` says in Chinese.

    Keys: sentences, words, adverbs, conjunctions, words_per_sentence,
    adv_conj_per_sentence, readability, source, note. With no body sentence
    every ratio is 0.0.
    """
    words = body_words(report)
    sentences = int(len(_body_sentences(report)))
    adverbs = sum(1 for w in words if w.pos in ADVERB_TAGS)
    conjunctions = sum(1 for w in words if w.pos in CONJUNCTION_TAGS)
    wps = len(words) / sentences if sentences else 0.0
    acps = (adverbs + conjunctions) / sentences if sentences else 0.0
    return {
        "sentences": sentences, "words": len(words), "adverbs": adverbs, "conjunctions": conjunctions,
        "words_per_sentence": _r(wps), "adv_conj_per_sentence": _r(acps),
        "readability": _r((wps + acps) / 2), "source": READABILITY_SOURCE, "note": READABILITY_NOTE,
    }


# -- words -------------------------------------------------------------------

def _pos_matcher(pos) -> Callable[[str], bool]:
    if pos is None:
        return lambda tag: True
    wanted = [pos] if isinstance(pos, str) else list(pos) if isinstance(pos, Iterable) else None
    if not wanted or not all(isinstance(p, str) and p.strip("*") for p in wanted):
        raise UsageError("pos 应为 jieba 词性标记或其列表，例如 \"v\"、[\"d\", \"c\"] 或 \"n*\"（以 n 开头的全部标记）。")
    exact = {p for p in wanted if not p.endswith("*")}
    prefixes = tuple(p[:-1] for p in wanted if p.endswith("*"))
    return lambda tag: tag in exact or (bool(prefixes) and tag.startswith(prefixes))


def _tally(words: list[_Tok]) -> tuple[Counter, dict]:
    freq: Counter = Counter()
    tags: dict[str, Counter] = defaultdict(Counter)
    for w in words:
        freq[w.word] += 1
        tags[w.word][w.pos] += 1
    return freq, {word: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for word, c in tags.items()}


def word_list(report: "Report", *, pos=None, min_freq: int = 1) -> pd.DataFrame:
    """Frequency list of the body's words: word, pos, freq, share.

    Words as in ``text_stats`` (no punctuation, symbols or whitespace).
    ``pos`` keeps only tokens with these jieba tags before counting: a tag
    (``"v"``), a list (``["d", "c"]``) or a prefix ending in ``*`` (``"n*"``:
    n, nr, ns, nt, nz, ...). ``pos`` is the word's most frequent tag among
    the kept tokens (ties: alphabetical); ``share`` = freq / all body words
    (not only the kept ones). Sorted by freq, then word.
    """
    match = _pos_matcher(pos)
    words = body_words(report)
    total = len(words)
    kept = [w for w in words if match(w.pos)]
    freq, top = _tally(kept)
    rows = [(word, top[word], n, _ratio(n, total)) for word, n in freq.items() if n >= min_freq]
    rows.sort(key=lambda r: (-r[2], r[0]))
    return pd.DataFrame(rows, columns=["word", "pos", "freq", "share"]).astype({"freq": "int64", "share": "float64"})


def _function_tokens(words: list[_Tok]) -> list[_Tok]:
    return [w for w in words if w.pos in FUNCTION_TAGS]


def function_words(report: "Report") -> pd.DataFrame:
    """Function words of the body with frequencies.

    Counted by jieba tag: structural particles 的/地/得 (uj, uv, ud), aspect
    particles 了/着/过 (ul, uz, ug), other particles (u: 等, 之; y: 吧, 乎),
    prepositions (p: 在, 对, 把, 通过) and conjunctions (c: 和, 并, 同时).
    Auxiliary verbs (要, 能, 应当) are tagged v by jieba and not counted.
    A word tagged otherwise (地 as a noun) is not a function word there.
    Columns: word, category (structural | aspect | particle | preposition |
    conjunction), label (Chinese), pos, freq, share (of all body words).
    """
    words = body_words(report)
    freq, top = _tally(_function_tokens(words))
    rows = []
    for word, n in freq.items():
        category, label = FUNCTION_TAGS[top[word]]
        rows.append((word, category, label, top[word], n, _ratio(n, len(words))))
    order = {c: i for i, c in enumerate(["structural", "aspect", "particle", "preposition", "conjunction"])}
    rows.sort(key=lambda r: (-r[4], order[r[1]], r[0]))
    return pd.DataFrame(rows, columns=["word", "category", "label", "pos", "freq", "share"]).astype(
        {"freq": "int64", "share": "float64"})


# -- official vocabulary -------------------------------------------------------

@lru_cache(maxsize=1)
def _style_rows() -> tuple[tuple[str, str, str], ...]:
    rows = []
    for raw in data_path("lexicon", "style_words.txt").read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        word, category, gloss = raw.split("\t")
        rows.append((word, category, gloss))
    return tuple(rows)


def style_words() -> pd.DataFrame:
    """The shipped list of official-style words: word, category, gloss (see STYLE_WORDS.md)."""
    return pd.DataFrame(list(_style_rows()), columns=["word", "category", "gloss"])


@lru_cache(maxsize=1)
def _style_index() -> tuple[dict[str, tuple[str, str]], int]:
    index = {w: (c, g) for w, c, g in _style_rows()}
    return index, max(len(w) for w in index)


@lru_cache(maxsize=1)
def _lexicon_words() -> frozenset:
    from .tokens import lexicon_entries

    return frozenset(w for w, _f, _t in lexicon_entries())


@lru_cache(maxsize=65536)
def _style_parts(word: str) -> tuple[str, ...]:
    """Style words inside a longer token, if the rest is whole words of 2+ characters.

    明显提高 → (明显, 提高); 深入开展 → (深入,); 积极性 → () (性 alone is no word).
    """
    index, longest = _style_index()
    parts, found, other, i = [], [], 0, 0
    while i < len(word):
        hit = next((word[i:i + k] for k in range(min(longest, len(word) - i), 1, -1)
                    if word[i:i + k] in index), None)
        if hit:
            if other:
                parts.append(other)
                other = 0
            found.append(hit)
            i += len(hit)
        else:
            other += 1
            i += 1
    if other:
        parts.append(other)
    return tuple(found) if found and all(n >= 2 for n in parts) else ()


def _style_hits(words: list[_Tok]) -> list[tuple[str, _Tok]]:
    index, _ = _style_index()
    lexicon = _lexicon_words()
    hits = []
    for w in words:
        if w.word in index:
            hits.append((w.word, w))
        elif len(w.word) > 2 and w.pos not in ("nt", "ns") and w.word not in lexicon:
            hits.extend((part, w) for part in _style_parts(w.word))
    return hits


def _body_chars(report: "Report") -> int:
    return int(_body_sentences(report)["chars"].sum())


def official_vocabulary(report: "Report") -> pd.DataFrame:
    """Occurrences of the shipped official-style words in the body.

    The list is ``style_words()`` (data/lexicon/style_words.txt: adverbs such
    as 切实, intensifiers such as 更加, verbs such as 推进). A word counts as
    a whole jieba token, or inside a longer token when the rest of that token
    is made of words of two or more characters (进一步提高 = 进一步 + 提高,
    明显提高, 认真落实, 深入开展 → 深入), but not inside other words
    (积极性, 可持续, 促进会), organisation and place names (nt, ns) or the
    kit's lexicon of formulations (全面从严治党). Columns: word, category,
    gloss, count, per_1000 (per 1,000 body characters), lines. Only words
    that occur; sorted by count, then list order.
    """
    hits = _style_hits(body_words(report))
    chars = _body_chars(report)
    index, _ = _style_index()
    order = {w: i for i, w in enumerate(index)}
    counts: Counter = Counter(h for h, _ in hits)
    lines: dict[str, set] = defaultdict(set)
    for h, w in hits:
        lines[h].add(w.line)
    rows = [(word, index[word][0], index[word][1], n, _ratio(n * 1000, chars), sorted(lines[word]))
            for word, n in counts.items()]
    rows.sort(key=lambda r: (-r[3], order[r[0]]))
    return pd.DataFrame(rows, columns=["word", "category", "gloss", "count", "per_1000", "lines"]).astype(
        {"count": "int64", "per_1000": "float64"})


# -- four-character phrases ------------------------------------------------------

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
    cache = _cache(report)
    if "four_char" not in cache:
        cache["four_char"] = _find_four_char(report, TEXT_KINDS)
    if set(kinds) == set(TEXT_KINDS):
        return cache["four_char"]
    kind_of_line = {e.line: e.kind for e in report.outline().elements}
    return [o for o in cache["four_char"] if kind_of_line.get(o[4]) in kinds]


def _find_four_char(report: "Report", kinds) -> list[tuple[str, str, int, int, int]]:
    raw = [t for t in _raw_tokens(report) if t.kind in kinds]
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


# -- formulations ------------------------------------------------------------------

def _is_noun(tag: str) -> bool:
    return tag.startswith("n") or tag in ("vn", "l", "j")


def numeric_occurrences(report: "Report") -> list[tuple[str, str, int, int, int]]:
    """(formulation, kind, start, end, line) of numbered and paired formulations."""
    out = []
    text = report.text
    quoted = {o[0] for o in quoted_occurrences(report)}
    tokens_by_para: dict[int, list[_Tok]] = defaultdict(list)
    for t in _raw_tokens(report):
        tokens_by_para[t.paragraph].append(t)
    for p in _text_paragraphs(report):
        toks = tokens_by_para.get(p.index, [])
        starts = {t.start for t in toks}
        ends = {t.end for t in toks}
        spans = {(t.start, t.end): t for t in toks}
        for i, t in enumerate(toks):
            if _NUMBERED_TOKEN.fullmatch(t.word):
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
            m = _NUMBERED_INSIDE.search(t.word)
            if m:
                # a dictionary word that ends in one: 四个意识, 中央八项规定 → 八项规定
                a = t.start + m.start()
                if (a == 0 or text[a - 1] not in _NOT_BEFORE_NUMERAL) and m.group()[2:] not in GENERIC_HEADS:
                    out.append((m.group(), "numbered", a, t.end, t.line))
        # paired: 三严三实, 两扶两帮, 一岗双责, 三去一降一补; whole tokens only
        for m in _PAIR_RE.finditer(p.text):
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
    for p in _text_paragraphs(report):
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


# -- parallelism ---------------------------------------------------------------------

def _clip(text: str, n: int = CLIP) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


class _Unit(NamedTuple):
    start: int  # offset of the unit (clause, item, sentence) in report.text
    end: int
    first: _Tok | None  # its first word token


def _runs(units: list[_Unit], text: str, min_len: int = 3) -> list[tuple[str, int, int]]:
    """(opening, i, j) of maximal runs units[i..j] (min_len or more) whose text starts with one word.

    The word is the first token of unit i, or a shorter first token of unit
    i+1 that unit i also starts with (坚定信念… / 坚定… / 坚定…).
    """
    def starts_with(u: _Unit, w: str) -> bool:
        return u.first is not None and text.startswith(w, u.first.start)

    runs, i, n = [], 0, len(units)
    while i < n:
        best = (1, "", i)
        if units[i].first is not None:
            words = [units[i].first.word]
            if i + 1 < n and units[i + 1].first is not None and len(units[i + 1].first.word) < len(words[0]):
                words.append(units[i + 1].first.word)
            for w in words:
                if not starts_with(units[i], w):
                    continue
                j = i
                while j + 1 < n and starts_with(units[j + 1], w):
                    j += 1
                if j - i + 1 > best[0]:
                    best = (j - i + 1, w, j)
        if best[0] >= min_len:
            runs.append((best[1], i, best[2]))
            i = best[2] + 1
        else:
            i += 1
    return runs


def _extended_runs(units: list[_Unit], toks: list[_Tok], text: str) -> list[tuple[str, int, int]]:
    """Runs of 3+ units; a run of 2 counts when the unit before it has the word after a subject.

    共青团以…为导向，以…为基础，以…为标志: the first clause opens with its
    subject, and 以 comes within its first 8 characters.
    """
    out, taken = [], -1
    for word, i, j in _runs(units, text, min_len=2):
        if i > 0 and i - 1 > taken and units[i - 1].first is not None:
            prev = units[i - 1]
            limit = min(prev.end, prev.first.start + LEAD_IN)
            if any(t.word == word for t in toks if prev.first.start < t.start < limit):
                i -= 1
        if j - i + 1 >= 3:
            out.append((word, i, j))
        taken = j
    return out


def _first_word(toks: list[_Tok], starts: list[int], a: int, b: int) -> _Tok | None:
    k = bisect.bisect_left(starts, a)
    return toks[k] if k < len(toks) and toks[k].start < b else None


def parallelisms(report: "Report") -> pd.DataFrame:
    """Parallel structures (排比) of the text (body and headings).

    A unit opens with a word when its text, after punctuation and
    quotation marks, starts with that word: the first jieba token of the
    first unit (or a shorter first token of the second, so that 爱国 after
    爱党 still opens with 爱). Kinds:
    - ``clauses``: 3 or more consecutive clauses of one paragraph (within a
      sentence or across its sentences) opening with the same word. The
      clause before the run joins it when the word appears in its first 8
      characters after a subject (共青团以…为导向，以…为基础，以…为标志);
    - ``items``: 3 or more consecutive 顿号 items of one clause (爱党、爱国、爱社会主义);
    - ``sentences``: 3 or more consecutive sentences of one paragraph (a
      clause run made of whole sentences is reported as sentences, and a
      sentence run inside a clause run is not repeated);
    - ``paragraphs``: 3 or more consecutive body paragraphs whose first
      sentences open with the same word (在急难险重任务中… / 在乡村振兴… / 在经济社会…);
    - ``enumeration``: 一是…二是…, 第一，…第二，… from
      ``report.outline().enumerations``; opening is the first marker.
    Columns: kind, line, opening, length, text (from the first unit, clipped
    to 60 characters; for paragraphs the first sentences joined by " / ").
    Sorted by position.
    """
    sents = analyze(report).sentences
    sents = sents[sents["kind"].isin(TEXT_KINDS)]
    by_para: dict[int, list[_Tok]] = defaultdict(list)
    for w in _words(report):
        if w.kind in TEXT_KINDS:
            by_para[w.paragraph].append(w)
    text = report.text
    found = []  # (start, kind, line, opening, length, text)
    para_first: list[tuple[int, int, _Unit, str]] = []  # (paragraph, line, first sentence, kind)
    # Plain lists per paragraph: a pandas groupby costs more than the work itself here.
    groups: dict[int, list[tuple[int, int, str, int, str]]] = defaultdict(list)
    for row in zip(sents["paragraph"].tolist(), sents["start"].tolist(), sents["end"].tolist(),
                   sents["text"].tolist(), sents["line"].tolist(), sents["kind"].tolist()):
        groups[row[0]].append(row[1:])
    for para in sorted(groups):
        group = groups[para]
        toks = by_para.get(para, [])
        starts = [t.start for t in toks]
        clauses, items_by_clause, sentence_units, sentence_starts = [], [], [], set()
        for s_start, s_end, s_text, _line, _kind in group:
            sentence_units.append(_Unit(s_start, s_end, _first_word(toks, starts, s_start, s_end)))
            sentence_starts.add(s_start)
            for a, b in clause_spans(s_text):
                a, b = s_start + a, s_start + b
                clauses.append(_Unit(a, b, _first_word(toks, starts, a, b)))
                if "、" in text[a:b]:
                    items, i = [], a
                    for piece in text[a:b].split("、"):
                        items.append(_Unit(i, i + len(piece), _first_word(toks, starts, i, i + len(piece))))
                        i += len(piece) + 1
                    items_by_clause.append(items)
        line = int(group[0][3])
        para_first.append((para, line, sentence_units[0], group[0][4]))
        covered = []
        for word, i, j in _extended_runs(clauses, toks, text):
            run = clauses[i:j + 1]
            covered.append(range(i, j + 1))
            kind = "sentences" if all(c.start in sentence_starts for c in run) else "clauses"
            found.append((run[0].start, kind, line, word, len(run), _clip(text[run[0].start:run[-1].end])))
        clause_run_starts = [{clauses[k].start for k in c} for c in covered]
        for items in items_by_clause:
            for word, i, j in _extended_runs(items, toks, text):
                found.append((items[i].start, "items", line, word, j - i + 1,
                              _clip(text[items[i].start:items[j].end])))
        for word, i, j in _runs(sentence_units, text):
            if any({u.start for u in sentence_units[i:j + 1]} <= c for c in clause_run_starts):
                continue
            found.append((sentence_units[i].start, "sentences", line, word, j - i + 1,
                          _clip(text[sentence_units[i].start:sentence_units[j].end])))
    # paragraphs: consecutive body paragraphs; a heading or any other paragraph breaks the series
    series: list[list[tuple[int, int, _Unit]]] = []
    last = None
    for para, line, unit, kind in para_first:
        if kind != BODY:
            last = None
            continue
        if last is None or para != last + 1:
            series.append([])
        series[-1].append((para, line, unit))
        last = para
    for chain in series:
        units = [u for _, _, u in chain]
        for word, i, j in _runs(units, text):
            joined = " / ".join(text[u.start:u.end] for u in units[i:j + 1])
            found.append((units[i].start, "paragraphs", chain[i][1], word, j - i + 1, _clip(joined)))
    for e in report.outline().enumerations:
        p = report.paragraph_at(e.line)
        if p is None:
            continue
        clean = p.clean
        at = max(clean.find(e.markers[0]), 0)
        opening = e.markers[0].rstrip("，,、：: ")
        found.append((p.start + at, "enumeration", e.line, opening, len(e.markers), _clip(clean[at:])))
    found.sort(key=lambda f: f[0])
    return pd.DataFrame([f[1:] for f in found], columns=["kind", "line", "opening", "length", "text"]).astype(
        {"line": "int64", "length": "int64"})


# -- summary ---------------------------------------------------------------------------

def text_stats(report: "Report") -> dict:
    """Summary measures of a report, as plain JSON-serialisable Python numbers.

    - chars: ``report.chars`` (all paragraphs); body_chars: characters of
      body sentences (the base of every per-1,000 rate);
    - paragraphs, sentences: body paragraphs and body sentences;
    - mean/median/max_sentence_chars, mean_paragraph_chars,
      mean_clauses_per_sentence: from ``sentence_lengths``,
      ``paragraph_lengths``, ``clauses_per_sentence``;
    - words: body tokens that are not punctuation, symbols or whitespace
      (jieba tag x out; numbers m and Latin strings eng in, see the module
      docstring); mean_words_per_sentence;
    - adverbs_conjunctions_per_sentence and readability: ``readability()``;
    - lead_sentences: number of lead sentences (``analyze(report).leads``);
    - four_char_share: share of body words that lie inside a four-character
      phrase of ``four_char_phrases`` (found in the body only);
    - function_word_share: function words (``function_words``) / words;
    - official_words, official_words_per_1000: occurrences of the style
      words (``official_vocabulary``) and their rate per 1,000 body characters.
    Floats are rounded to 3 decimals; with no body text they are 0.0.
    """
    lengths = sentence_lengths(report).tolist()
    paras = paragraph_lengths(report).tolist()
    clauses = clauses_per_sentence(report).tolist()
    words = body_words(report)
    read = readability(report)
    spans = sorted((o[2], o[3]) for o in four_char_occurrences(report, kinds=(BODY,)))
    starts = [a for a, _ in spans]
    inside = 0
    for w in words:
        k = bisect.bisect_right(starts, w.start) - 1
        if k >= 0 and spans[k][0] <= w.start < spans[k][1]:
            inside += 1
    body_chars = _body_chars(report)
    official = len(_style_hits(words))
    n = len(lengths)
    return {
        "chars": int(report.chars),
        "body_chars": body_chars,
        "paragraphs": len(paras),
        "sentences": n,
        "mean_sentence_chars": _ratio(sum(lengths), n),
        "median_sentence_chars": _r(statistics.median(lengths)) if lengths else 0.0,
        "max_sentence_chars": int(max(lengths)) if lengths else 0,
        "mean_paragraph_chars": _ratio(sum(paras), len(paras)),
        "mean_clauses_per_sentence": _ratio(sum(clauses), n),
        "words": len(words),
        "mean_words_per_sentence": read["words_per_sentence"],
        "adverbs_conjunctions_per_sentence": read["adv_conj_per_sentence"],
        "readability": read["readability"],
        "lead_sentences": int(len(analyze(report).leads)),
        "four_char_share": _ratio(inside, len(words)),
        "function_word_share": _ratio(len(_function_tokens(words)), len(words)),
        "official_words": official,
        "official_words_per_1000": _ratio(official * 1000, body_chars),
    }


def stats_table(reports, *, progress: bool = False) -> pd.DataFrame:
    """``text_stats`` of many reports, one row per report (index: report id).

    A lesson places the specimen among the seventeen corpus reports with
    ``stats_table([baogao.specimen()] + baogao.corpus())``. ``progress=True``
    shows a progress bar (``tqdm.auto``: a widget in Jupyter that disappears
    when done, a text bar on stderr elsewhere); it is off by default so that
    nothing of it lands in stored notebook outputs.
    """
    from .concordance import as_reports, iter_progress, report_names

    rs = as_reports(reports)
    names = report_names(rs)
    rows = [text_stats(r) for r in iter_progress(rs, progress, "文风统计")]
    return pd.DataFrame(rows, index=pd.Index(names, name="report"))
