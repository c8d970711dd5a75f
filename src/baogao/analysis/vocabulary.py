"""Official-style vocabulary (公文语体词): the shipped style words and where a report uses them.

The list is ``data/lexicon/style_words.txt`` (read by
``baogao.text.lexicon.style_word_entries``; criteria in ``STYLE_WORDS.md``):
adverbs such as 切实, intensifiers such as 更加, verbs such as 推进.

- ``style_words()``: the list as a DataFrame (word, category, gloss);
- ``style_hits(words)``: each occurrence of a style word among word tokens,
  whole or inside a longer token (rule in ``official_vocabulary``);
- ``official_vocabulary(report)``: the body's style words with counts, rates
  per 1,000 characters and lines;
- ``body_char_count(report)``: the characters of body sentences, the base of
  every per-1,000 rate.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING

from baogao.analysis.tables import body_sentences, ratio
from baogao.analysis.words import Word, body_words
from baogao.lazy import pandas as pd
from baogao.text.lexicon import lexicon_entries, style_word_entries

if TYPE_CHECKING:  # pragma: no cover
    from baogao.report import Report


def style_words() -> pd.DataFrame:
    """The shipped list of official-style words: word, category, gloss (see STYLE_WORDS.md)."""
    return pd.DataFrame(list(style_word_entries()), columns=["word", "category", "gloss"])


@lru_cache(maxsize=1)
def _style_index() -> tuple[dict[str, tuple[str, str]], int]:
    """Style word -> (category, gloss), in list order, and the longest word's length."""
    index = {w: (c, g) for w, c, g in style_word_entries()}
    return index, max(len(w) for w in index)


@lru_cache(maxsize=1)
def _lexicon_words() -> frozenset[str]:
    """The words of the kit's jieba lexicon (formulations, organisations, terms)."""
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


def style_hits(words: list[Word]) -> list[tuple[str, Word]]:
    """(style word, token) of every style word in ``words``, whole or inside a token."""
    index, _ = _style_index()
    lexicon = _lexicon_words()
    hits = []
    for w in words:
        if w.word in index:
            hits.append((w.word, w))
        elif len(w.word) > 2 and w.pos not in ("nt", "ns") and w.word not in lexicon:
            hits.extend((part, w) for part in _style_parts(w.word))
    return hits


def body_char_count(report: "Report") -> int:
    """Characters of the body sentences (``count_chars``): the base of every per-1,000 rate."""
    return int(body_sentences(report)["chars"].sum())


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
    hits = style_hits(body_words(report))
    chars = body_char_count(report)
    index, _ = _style_index()
    order = {w: i for i, w in enumerate(index)}
    counts: Counter = Counter(h for h, _ in hits)
    lines: dict[str, set] = defaultdict(set)
    for h, w in hits:
        lines[h].add(w.line)
    rows = [(word, index[word][0], index[word][1], n, ratio(n * 1000, chars), sorted(lines[word]))
            for word, n in counts.items()]
    rows.sort(key=lambda r: (-r[3], order[r[0]]))
    return pd.DataFrame(rows, columns=["word", "category", "gloss", "count", "per_1000", "lines"]).astype(
        {"count": "int64", "per_1000": "float64"})
