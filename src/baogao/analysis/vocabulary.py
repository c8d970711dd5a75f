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

from collections import Counter, defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING

from baogao.analysis.tables import body_sentences, ratio
from baogao.analysis.words import Word, body_words
from baogao.lazy import pandas as pd
from baogao.text.lexicon import data_path, lexicon_entries

if TYPE_CHECKING:  # pragma: no cover
    from baogao.report import Report


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
