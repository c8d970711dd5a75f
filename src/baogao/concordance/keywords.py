"""Word lists, keyness and frequencies across reports (AntConc's Word List and Keyword List).

Counting units are the tokens of ``analyze(report).tokens``. Punctuation and
symbols (jieba's tag ``x``) and blanks are never words; every other token
counts towards a report's size (the denominators of normalised frequencies
and of log-likelihood), whatever filter then applies to the candidates.

Keyword candidates (``keyness``) leave out, besides punctuation:

- numbers: tokens made only of digits and number signs, and tokens tagged
  ``m``/``mq`` that contain a numeral (一年, 多个, 十九, 一系列); jieba also
  tags a few words ``m`` that are not numbers (少年, 港澳台): they stay;
- the stop words of ``data/lexicon/stopwords.txt`` (``baogao.text.lexicon.stopwords``;
  see STOPWORDS.md);
- single characters, except the nouns in ``KEEP_SINGLE`` when tagged as
  nouns (党 and 团 carry a report's topic; 地 the noun is kept, 地 the
  particle is not).

Log-likelihood (Dunning 1993; Rayson & Garside 2000): with a, b the word's
frequencies in target and reference and c, d their sizes,
E1 = c·(a+b)/(c+d), E2 = d·(a+b)/(c+d), G2 = 2·(a·ln(a/E1) + b·ln(b/E2))
(0·ln 0 = 0). Effect size: log ratio (Hardie 2014) = log2((a/c)/(b/d)), a
zero frequency replaced by 0.5. ``p`` is the chi-square (1 d.f.) tail
probability of G2; 3.84 ↔ p < 0.05, 10.83 ↔ p < 0.001, 15.13 ↔ p < 0.0001.

TF-IDF: each reference report is one document and the target (all of it,
if it is a list) one more, N documents in all; df = documents containing
the word; idf = ln((1 + N)/(1 + df)) + 1 (the smoothed idf of
scikit-learn: never zero, never divides by zero); score = freq · idf, freq
being the raw count in the target (tf), so a word found in every document
scores its plain frequency.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from baogao.concordance.index import as_reports, compile_query, corpus_index, iter_progress, report_names
from baogao.errors import UsageError
from baogao.lazy import numpy as np
from baogao.lazy import pandas as pd
from baogao.sources.shipped import corpus
from baogao.text import lexicon

#: Single characters that are words of their own in reports (kept as keyword candidates when
#: tagged as nouns): institutions and sectors that official prose names with one character.
KEEP_SINGLE = frozenset("党团军国民农粮税法权水电煤油气钢路房地林牧渔医药村乡镇县省市区")
_NUMERIC = re.compile(r"^[0-9０-９.．,，%％‰+＋\-－×·/]+$")
_NUMERALS = frozenset("0123456789０１２３４５６７８９零〇一二两三四五六七八九十百千万亿几多半数第")
METHODS = ("log-likelihood", "tfidf")


def is_number(word: str, pos: str) -> bool:
    """Digits and number signs, or a numeral tagged m/mq (一年, 多个, 十九)."""
    if _NUMERIC.match(word):
        return True
    return pos in ("m", "mq") and any(ch in _NUMERALS for ch in word)


def is_candidate(word: str, pos: str, stop: frozenset[str] | None = None) -> bool:
    """May this (word) token be a keyword? See the module docstring."""
    if pos == "x" or not word.strip() or is_number(word, pos):
        return False
    if word in (stop if stop is not None else lexicon.stopwords()):
        return False
    return len(word) > 1 or (word in KEEP_SINGLE and pos.startswith("n"))


def candidate_counts(report) -> Counter:
    """Counts of the report's keyword candidates, computed once and kept with the report."""
    def build(report) -> Counter:
        stop = lexicon.stopwords()
        t = corpus_index(report).tokens
        return Counter(w for w, p, ok in zip(t["word"], t["pos"], t["is_word"])
                       if ok and is_candidate(w, p, stop))
    return report.memo("keywords.candidates", build)


# -- word list ----------------------------------------------------------------------

def word_list(reports, *, stopwords: bool = False, progress: bool = False) -> pd.DataFrame:
    """Frequency list of one report or several, most frequent first.

    ``stopwords=True`` leaves out the stop words (punctuation is always left
    out). Columns: word, freq, range (reports where it occurs), paragraphs,
    per_10k (occurrences per 10,000 word tokens of all the reports).
    """
    rs = as_reports(reports)
    stop = lexicon.stopwords() if stopwords else frozenset()
    freq: Counter = Counter()
    reach: Counter = Counter()
    paras: Counter = Counter()
    total = 0
    for report in iter_progress(rs, progress, "词表"):
        index = corpus_index(report)
        t = index.tokens
        seen = set()
        for w, para, ok in zip(t["word"], t["paragraph"], t["is_word"]):
            if ok and w not in stop:
                freq[w] += 1
                seen.add((para, w))
        paras.update(w for _, w in seen)
        reach.update({w for _, w in seen})
        total += index.word_count
    frame = pd.DataFrame({"word": list(freq), "freq": list(freq.values())})
    frame["range"] = frame["word"].map(reach).astype("int64")
    frame["paragraphs"] = frame["word"].map(paras).astype("int64")
    frame["per_10k"] = frame["freq"] * 10000 / total if total else 0.0
    frame = frame.sort_values(["freq", "range", "word"], ascending=[False, False, True],
                              kind="stable")
    return frame.reset_index(drop=True)


# -- keyness -------------------------------------------------------------------------

def log_likelihood(a, b, c, d):
    """Dunning's G2 for frequencies a (target), b (reference) in corpora of sizes c, d (vectorised)."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    e1 = c * (a + b) / (c + d)
    e2 = d * (a + b) / (c + d)
    with np.errstate(divide="ignore", invalid="ignore"):
        t1 = np.where(a > 0, a * np.log(a / e1), 0.0)
        t2 = np.where(b > 0, b * np.log(b / e2), 0.0)
    return 2 * (t1 + t2)


def log_ratio(a, b, c, d):
    """Hardie's log ratio log2((a/c)/(b/d)), a zero frequency counted as 0.5 (vectorised)."""
    a = np.maximum(np.asarray(a, dtype=float), 0.5)
    b = np.maximum(np.asarray(b, dtype=float), 0.5)
    return np.log2((a / c) / (b / d))


def chi2_p(g2):
    """Upper-tail probability of chi-square with 1 degree of freedom."""
    return np.array([math.erfc(math.sqrt(max(x, 0.0) / 2)) for x in np.atleast_1d(g2)])


def smoothed_idf(df, n_docs: int):
    """idf = ln((1 + N)/(1 + df)) + 1 (vectorised)."""
    return np.log((1 + n_docs) / (1 + np.asarray(df, dtype=float))) + 1


def _same(a, b) -> bool:
    if a is b:
        return True
    ida, idb = a.meta.get("id"), b.meta.get("id")
    return ida is not None and ida == idb and a.text == b.text


def default_reference(targets: list) -> list:
    """The corpus without the target reports (by identity or by corpus id)."""
    return [r for r in corpus() if not any(_same(r, t) for t in targets)]


def keyness(target, reference=None, *, method: str = "log-likelihood", top: int | None = 50,
            min_freq: int = 3, negative: bool = False, progress: bool = False) -> pd.DataFrame:
    """Keywords of ``target`` (a report or a list) against ``reference`` (a list of reports).

    ``reference`` defaults to ``baogao.corpus()`` without the target. Methods:
    ``"log-likelihood"`` (G2 with log ratio; ``negative=True`` returns the
    words the target uses significantly *less*) or ``"tfidf"``; formulas and
    the candidate filter are in the module docstring. Only words with at
    least ``min_freq`` occurrences in the target (in the reference, for
    negative keywords) are kept; ``top`` rows (all with ``top=None``).

    Columns: word, score, freq, ref_freq, per_10k, ref_per_10k, then for
    log-likelihood log_ratio, sign ("+" overused, "-" underused) and p, for
    tfidf df and idf. Sorted by score, highest first.
    """
    targets = as_reports(target)
    refs = default_reference(targets) if reference is None else as_reports(reference)
    if not refs:
        raise UsageError("参照语料是空的：请传入至少一篇不同于目标文本的报告。")
    if method not in METHODS:
        raise UsageError(f"method 只能是 \"log-likelihood\"（对数似然）或 \"tfidf\"（现在是 {method!r}）。")
    if negative and method != "log-likelihood":
        raise UsageError("只有 log-likelihood 方法能给出负关键词（negative=True）。")
    if top is not None and (isinstance(top, bool) or not isinstance(top, int) or top < 1):
        raise UsageError(f"top 必须是正整数或 None（现在是 {top!r}）。")
    t_counts: Counter = Counter()
    c = 0
    for report in targets:
        t_counts.update(candidate_counts(report))
        c += corpus_index(report).word_count
    r_counts: Counter = Counter()
    df: Counter = Counter(t_counts.keys())
    d = 0
    for report in iter_progress(refs, progress, "参照语料"):
        counts = candidate_counts(report)
        r_counts.update(counts)
        df.update(counts.keys())
        d += corpus_index(report).word_count
    if c == 0 or d == 0:
        raise UsageError("目标文本或参照语料里没有可统计的词。")

    words = list(t_counts.keys() | r_counts.keys()) if negative else list(t_counts)
    frame = pd.DataFrame({"word": words})
    a = frame["word"].map(t_counts).fillna(0).astype("int64").to_numpy()
    b = frame["word"].map(r_counts).fillna(0).astype("int64").to_numpy()
    frame["score"] = 0.0
    frame["freq"] = a
    frame["ref_freq"] = b
    frame["per_10k"] = a * 10000 / c
    frame["ref_per_10k"] = b * 10000 / d
    if method == "log-likelihood":
        frame["score"] = log_likelihood(a, b, c, d)
        frame["log_ratio"] = log_ratio(a, b, c, d)
        over = a / c > b / d
        frame["sign"] = np.where(over, "+", "-")
        frame["p"] = chi2_p(frame["score"].to_numpy()) if len(frame) else []
        if negative:
            frame = frame[~over & (frame["ref_freq"] >= min_freq)]
        else:
            frame = frame[over & (frame["freq"] >= min_freq)]
    else:
        n_docs = len(refs) + 1
        frame["df"] = frame["word"].map(df).astype("int64")
        frame["idf"] = smoothed_idf(frame["df"].to_numpy(), n_docs)
        frame["score"] = frame["freq"] * frame["idf"]
        frame = frame[frame["freq"] >= min_freq]
    frame = frame.sort_values(["score", "freq", "word"], ascending=[False, False, True],
                              kind="stable").reset_index(drop=True)
    return frame if top is None else frame.head(top)


# -- frequencies across reports --------------------------------------------------------

def corpus_frequencies(reports, words, *, normalise: bool = True,
                       progress: bool = False) -> pd.DataFrame:
    """One row per report, one column per word: occurrences per 10,000 word tokens.

    A word is counted where it occurs in the text starting and ending at
    token boundaries, so a phrase that segmentation splits (一岗双责) counts
    too, but 团 is not counted inside 团结. ``normalise=False`` gives raw
    counts. The index is the report's name (corpus id).
    """
    rs = as_reports(reports)
    if isinstance(words, str):
        words = [words]
    words = list(dict.fromkeys(words))
    if not words or not all(isinstance(w, str) and w for w in words):
        raise UsageError("请给出要统计的词（一个或多个非空的词）。")
    patterns = [compile_query(w) for w in words]
    rows = []
    for report in iter_progress(rs, progress, "统计词频"):
        index = corpus_index(report)
        bounds = index.boundaries
        text = report.text
        row = []
        for pat in patterns:
            n = sum(1 for m in pat.finditer(text) if m.start() in bounds and m.end() in bounds)
            row.append(n * 10000 / index.word_count if normalise and index.word_count else n)
        rows.append(row)
    frame = pd.DataFrame(rows, columns=words, index=pd.Index(report_names(rs), name="report"))
    return frame if normalise else frame.astype("int64")


__all__ = ["word_list", "keyness", "corpus_frequencies", "is_candidate", "is_number",
           "log_likelihood", "log_ratio", "smoothed_idf", "KEEP_SINGLE"]
