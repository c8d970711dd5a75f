"""What a word is, once for every count: word tokens, word and function-word frequencies.

Words are jieba tokens minus punctuation, symbols and whitespace (tag
``x``). Numbers count as words: tag ``m`` as jieba gives it (posseg splits
``1244万人`` into 1244/万/人, three words), and the digits jieba leaves
untagged (full-width ``１９７８``, the ``7`` of ``77．7``, tagged ``x`` one
digit at a time) are joined into one number. Latin strings (tag ``eng``:
NPC, H5) count as words.

- ``raw_tokens``, ``text_words``, ``body_words``: the report's tokens as
  ``Word`` tuples (punctuation out; then digit runs joined; then the body
  only), each computed once per report;
- ``word_frequencies``, ``function_words``: frequency lists of the body
  (``FUNCTION_TAGS``: function words by jieba tag);
- ``is_word_token``: whether one (word, tag) pair is a word (the corpus tools' test).
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import partial
from itertools import compress
from typing import TYPE_CHECKING, Callable, Iterable, NamedTuple

from baogao.analysis.tables import BODY, ratio, tables
from baogao.errors import UsageError
from baogao.lazy import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from baogao.report import Report


#: Function words by jieba tag: (category, Chinese label).
FUNCTION_TAGS = {
    "uj": ("structural", "结构助词"), "uv": ("structural", "结构助词"), "ud": ("structural", "结构助词"),
    "ul": ("aspect", "动态助词"), "uz": ("aspect", "动态助词"), "ug": ("aspect", "动态助词"),
    "u": ("particle", "其他助词"), "y": ("particle", "语气词"),
    "p": ("preposition", "介词"),
    "c": ("conjunction", "连词"),
}


class Word(NamedTuple):
    word: str
    pos: str
    start: int  # offset into report.text
    end: int
    line: int
    paragraph: int
    sentence: int
    kind: str


_KEPT_MARK = re.compile(r"[0-9０-９〇○]+|[.．]")  # digits and decimal points jieba may tag x


_new_word = partial(tuple.__new__, Word)  # Word._make without its Python frame: a third faster


def _is_number_part(word: str) -> bool:
    return bool(word) and all(ch.isdigit() or ch in "〇○" for ch in word)


def raw_tokens(report: "Report") -> list[Word]:
    """The report's tokens as tuples, punctuation left out (a third of all tokens, read
    by no measure) but for digits and decimal points, which jieba may tag ``x``."""
    def build() -> list[Word]:
        tk = tables(report).token_columns
        keep = [p != "x" or _KEPT_MARK.fullmatch(w) is not None for w, p in zip(tk["word"], tk["pos"])]
        rows = zip(tk["word"], tk["pos"], tk["start"], tk["end"], tk["line"], tk["paragraph"],
                   tk["sentence"], tk["kind"])
        return list(map(_new_word, compress(rows, keep)))
    return tables(report).derive("raw_tokens", build)


def text_words(report: "Report") -> list[Word]:
    """Word tokens of the whole report: no punctuation, symbols or whitespace; digit runs joined."""
    return tables(report).derive("text_words", lambda: _join_words(raw_tokens(report)))


def _join_words(raw: list[Word]) -> list[Word]:
    out: list[Word] = []
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


def body_words(report: "Report") -> list[Word]:
    """The words ``text_stats`` counts: tokens of body paragraphs, punctuation out,
    digit runs joined (each with word, pos, offsets, line, paragraph, sentence)."""
    return tables(report).derive("body_words", lambda: [w for w in text_words(report) if w.kind == BODY])


def _pos_matcher(pos) -> Callable[[str], bool]:
    if pos is None:
        return lambda tag: True
    wanted = [pos] if isinstance(pos, str) else list(pos) if isinstance(pos, Iterable) else None
    if not wanted or not all(isinstance(p, str) and p.strip("*") for p in wanted):
        raise UsageError("pos 应为 jieba 词性标记或其列表，例如 \"v\"、[\"d\", \"c\"] 或 \"n*\"（以 n 开头的全部标记）。")
    exact = {p for p in wanted if not p.endswith("*")}
    prefixes = tuple(p[:-1] for p in wanted if p.endswith("*"))
    return lambda tag: tag in exact or (bool(prefixes) and tag.startswith(prefixes))


def _tally(words: list[Word]) -> tuple[Counter, dict]:
    freq: Counter = Counter()
    tags: dict[str, Counter] = defaultdict(Counter)
    for w in words:
        freq[w.word] += 1
        tags[w.word][w.pos] += 1
    return freq, {word: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for word, c in tags.items()}


def word_frequencies(report: "Report", *, pos=None, min_freq: int = 1) -> pd.DataFrame:
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
    rows = [(word, top[word], n, ratio(n, total)) for word, n in freq.items() if n >= min_freq]
    rows.sort(key=lambda r: (-r[2], r[0]))
    return pd.DataFrame(rows, columns=["word", "pos", "freq", "share"]).astype({"freq": "int64", "share": "float64"})


def function_tokens(words: list[Word]) -> list[Word]:
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
    freq, top = _tally(function_tokens(words))
    rows = []
    for word, n in freq.items():
        category, label = FUNCTION_TAGS[top[word]]
        rows.append((word, category, label, top[word], n, ratio(n, len(words))))
    order = {c: i for i, c in enumerate(["structural", "aspect", "particle", "preposition", "conjunction"])}
    rows.sort(key=lambda r: (-r[4], order[r[1]], r[0]))
    return pd.DataFrame(rows, columns=["word", "category", "label", "pos", "freq", "share"]).astype(
        {"freq": "int64", "share": "float64"})


def is_word_token(word: str, pos: str) -> bool:
    """A token that is a word: not punctuation/symbol (jieba's tag x) and not blank."""
    return pos != "x" and bool(word.strip())
