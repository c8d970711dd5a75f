"""Clusters (n-grams) of words or characters, with frequency and range.

Word n-grams run over the tokens of ``analyze(report).tokens`` and never
cross a sentence end or any punctuation (tokens tagged ``x``, blanks
included): a cluster is something a writer actually wrote in one go, such as
加强 政治 建设. Character n-grams run over the characters of each paragraph
(zero-width marks removed) and break at punctuation and spaces too.

Each cluster has its frequency, its range (in how many of the given reports
it occurs) and the number of paragraphs where it occurs (the useful range
when there is only one report).
"""

from __future__ import annotations

import re
from collections import Counter

from baogao.concordance.index import as_reports, corpus_index, iter_progress
from baogao.errors import UsageError
from baogao.lazy import pandas as pd

COLUMNS = ["cluster", "words", "n", "freq", "range", "paragraphs"]
_CHAR_RUN = re.compile(r"[^\W_]+")  # letters, digits, CJK: punctuation and spaces break runs
MAX_N = 10


def _sizes(n) -> list[int]:
    """n as a list of sizes: an int, a (min, max) pair or a range."""
    if isinstance(n, bool):
        sizes = None
    elif isinstance(n, int):
        sizes = [n]
    elif isinstance(n, range):
        sizes = list(n)
    elif isinstance(n, (tuple, list)) and len(n) == 2 and all(isinstance(x, int) for x in n):
        sizes = list(range(n[0], n[1] + 1))
    else:
        sizes = None
    if not sizes or any(not 1 <= s <= MAX_N for s in sizes):
        raise UsageError(f"n 必须是 1 到 {MAX_N} 之间的整数，或 (最小, 最大) 这样的范围，"
                         f"例如 n=2 或 n=(2, 5)（现在是 {n!r}）。")
    return sizes


def ngram_counts(runs: list[tuple[object, list[str]]], sizes: list[int]
                 ) -> tuple[Counter, Counter]:
    """(frequency, number of distinct parts) of every n-gram of the given sizes.

    ``runs`` are (part, units) pairs, a part being e.g. a paragraph; n-grams
    never cross from one run to the next.
    """
    freq: Counter = Counter()
    parts: Counter = Counter()
    by_part: dict = {}
    for part, units in runs:
        by_part.setdefault(part, []).append(units)
    for chunks in by_part.values():
        local: Counter = Counter()
        for units in chunks:
            for n in sizes:
                if len(units) >= n:
                    local.update(zip(*(units[i:] for i in range(n))))
        freq.update(local)
        parts.update(local.keys())
    return freq, parts


def _contains(gram: tuple[str, ...], include: str, by: str) -> bool:
    """Does the cluster contain ``include``: as whole tokens (word) or as a substring (char)?"""
    surface = "".join(gram)
    if by == "char" or len(gram) == 1:
        return include in surface
    cuts, pos = {0}, 0
    for w in gram:
        pos += len(w)
        cuts.add(pos)
    start = surface.find(include)
    while start != -1:
        if start in cuts and start + len(include) in cuts:
            return True
        start = surface.find(include, start + 1)
    return False


def _char_runs(report) -> list[tuple[int, list[str]]]:
    return [(p.index, list(m.group())) for p in report.paragraphs
            for m in _CHAR_RUN.finditer(p.clean)]


def clusters(reports, n=2, *, min_freq: int = 2, by: str = "word", include: str | None = None,
             progress: bool = False) -> pd.DataFrame:
    """Clusters (n-grams) of one report or several, most frequent first.

    - ``n``: cluster size, an int or a (min, max) pair such as ``(2, 5)``.
    - ``min_freq``: drop clusters seen fewer times than this.
    - ``by``: ``"word"`` (token n-grams) or ``"char"`` (character n-grams).
    - ``include``: keep only clusters containing this word (AntConc's
      search-term clusters): for word clusters it must be one token or a run
      of whole tokens of the cluster (so 团 does not match 团结), for
      character clusters any substring.

    Columns: cluster (the text as written), words (the tokens separated by
    spaces: shows the segmentation), n, freq, range (reports), paragraphs.
    """
    rs = as_reports(reports)
    sizes = _sizes(n)
    if by not in ("word", "char"):
        raise UsageError(f"by 只能是 \"word\"（按词）或 \"char\"（按字）（现在是 {by!r}）。")
    if include is not None and (not isinstance(include, str) or not include):
        raise UsageError("include 必须是一个非空的词。")
    freq: Counter = Counter()
    reach: Counter = Counter()
    paras: Counter = Counter()
    for report in iter_progress(rs, progress, "词簇"):
        runs = corpus_index(report).runs if by == "word" else _char_runs(report)
        f, p = ngram_counts(runs, sizes)
        freq.update(f)
        paras.update(p)
        reach.update(f.keys())
    rows = []
    for gram, count in freq.items():
        if count < min_freq or (include is not None and not _contains(gram, include, by)):
            continue
        rows.append(("".join(gram), " ".join(gram) if by == "word" else "".join(gram), len(gram),
                     count, reach[gram], paras[gram]))
    rows.sort(key=lambda r: (-r[3], -r[4], -r[2], r[0]))
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for col in ("n", "freq", "range", "paragraphs"):
        frame[col] = frame[col].astype("int64")
    return frame
