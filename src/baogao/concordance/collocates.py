"""Collocates of a node word: which words keep it company within ±window tokens.

Decisions (so the numbers can be checked by hand):

- Units are word tokens of ``analyze(report).tokens``; punctuation (tag
  ``x``) is dropped *before* windows are counted, so ±5 means five words,
  and punctuation is never a collocate.
- A window stops at the end of the sentence (。！？): what follows a full
  stop is no longer about the node. Commas and 、 do not stop it.
- Every word in the window of every node occurrence counts once (two node
  occurrences close together both count their shared neighbours; the node
  word itself counts when it occurs near another occurrence), as in AntConc.
- N is the number of word tokens of all the reports; freq_node and freq_word
  are the words' frequencies; O (``freq``) is the co-occurrence count.
- E = freq_node · freq_word / N, *without* a window-size correction (as in
  AntConc and #LancsBox, so numbers agree with what students see there):
  MI = log2(O / E), t_score = (O − E) / √O. A window-corrected MI would be
  lower by log2(2·window) for every collocate; rankings do not change.
- log_dice = 14 + log2(2·O / (freq_node + freq_word)) (Rychlý 2008):
  independent of N, 14 when the two words always occur together (a little
  more is possible when overlapping windows count a neighbour twice); our
  default sort, because MI favours rare words.
"""

from __future__ import annotations

import math
from collections import Counter

from baogao.concordance.index import as_reports, check_window, corpus_index, iter_progress
from baogao.errors import UsageError
from baogao.lazy import pandas as pd
from baogao.text import lexicon

COLUMNS = ["word", "freq", "freq_node", "freq_word", "left", "right", "mi", "log_dice", "t_score"]
SORTS = ("log_dice", "mi", "t_score", "freq")


def window_counts(sequences, node: str, window: int) -> tuple[Counter, Counter, int]:
    """(left, right, node frequency): words within ±window of each ``node`` in each sequence."""
    left: Counter = Counter()
    right: Counter = Counter()
    f_node = 0
    for seq in sequences:
        for i, w in enumerate(seq):
            if w != node:
                continue
            f_node += 1
            left.update(seq[max(0, i - window):i])
            right.update(seq[i + 1:i + 1 + window])
    return left, right, f_node


def association(o: int, f_node: int, f_word: int, n: int) -> tuple[float, float, float]:
    """(MI, log-Dice, t-score) of a co-occurrence count, as defined in the module docstring."""
    expected = f_node * f_word / n
    mi = math.log2(o / expected)
    log_dice = 14 + math.log2(2 * o / (f_node + f_word))
    t_score = (o - expected) / math.sqrt(o)
    return mi, log_dice, t_score


def collocates(reports, node: str, *, window: int = 5, min_freq: int = 2, stopwords: bool = False,
               sort: str = "log_dice", progress: bool = False) -> pd.DataFrame:
    """Collocates of ``node`` (a token, as segmentation produces it) in one report or several.

    - ``window``: words each side, within the sentence.
    - ``min_freq``: least co-occurrence count to keep a collocate.
    - ``stopwords=True``: leave out stop words (的, 和, 在 …) as collocates.
    - ``sort``: "log_dice" (default), "mi", "t_score" or "freq", highest first.

    Columns: word, freq (co-occurrences), freq_node, freq_word, left, right
    (co-occurrences on each side), mi, log_dice, t_score. An empty table when
    the node never occurs as a token (check with ``kwic`` how it is written).
    """
    rs = as_reports(reports)
    if not isinstance(node, str) or not node.strip():
        raise UsageError("请给出节点词（要考察搭配的那个词）。")
    if check_window(window) < 1:
        raise UsageError("window 至少为 1：节点词左右各看几个词。")
    if sort not in SORTS:
        raise UsageError(f"sort 只能是 {'、'.join(SORTS)} 之一（现在是 {sort!r}）。")
    left: Counter = Counter()
    right: Counter = Counter()
    freq: Counter = Counter()
    f_node = 0
    for report in iter_progress(rs, progress, "搭配"):
        sentences = corpus_index(report).sentence_words
        lft, rgt, fn = window_counts(sentences, node, window)
        left.update(lft)
        right.update(rgt)
        f_node += fn
        for s in sentences:
            freq.update(s)
    n = sum(freq.values())
    stop = frozenset()
    if stopwords:

        stop = lexicon.stopwords()
    rows = []
    for word in left.keys() | right.keys():
        o = left[word] + right[word]
        if o < min_freq or word in stop:
            continue
        rows.append((word, o, f_node, freq[word], left[word], right[word],
                     *association(o, f_node, freq[word], n)))
    frame = pd.DataFrame(rows, columns=COLUMNS)
    for col in ("freq", "freq_node", "freq_word", "left", "right"):
        frame[col] = frame[col].astype("int64")
    order = [sort] + [c for c in ("log_dice", "freq") if c != sort] + ["word"]
    frame = frame.sort_values(order, ascending=[False] * (len(order) - 1) + [True], kind="stable")
    return frame.reset_index(drop=True)
