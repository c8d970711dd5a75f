"""Concordance (KWIC) and dispersion of a word or phrase, AntConc style.

``kwic`` finds a query in the *text* of one report or several, so a phrase
that segmentation splits into several tokens is still found: the query is an
exact substring (``regex=False``) or a regular expression (``regex=True``).
Matches and their context never cross a paragraph break: the context simply
stops at the paragraph's edge (``left``/``right`` are then shorter than
``window``; ``format_kwic`` marks such an edge with ¶). ``left + match +
right`` is therefore always a piece of one paragraph, character for character.

``dispersion`` gives, per report, where the hits fall (relative positions
0..1 for a dispersion plot, AntConc's "concordance plot") and Gries' DP
(deviation of proportions, Gries 2008, *International Journal of Corpus
Linguistics* 13(4)) with the report's paragraphs as the corpus parts::

    DP = ½ · Σ_i |v_i − s_i|

where s_i is paragraph i's share of the report's characters and v_i its share
of the hits. DP is 0 when the hits are spread exactly like the text and
approaches 1 when they are all in one small paragraph. We chose DP over
Juilland's D because paragraphs differ greatly in length and DP needs no
equal-sized parts.

Both search the paragraphs of ``concordance.index.corpus_index``, built once
per report.
"""
from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from baogao.concordance.index import (
    as_reports,
    check_window,
    compile_query,
    corpus_index,
    iter_progress,
    report_names,
)
from baogao.errors import UsageError
from baogao.lazy import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from baogao.report import Report


KWIC_COLUMNS = ["report", "line", "column", "start", "end", "left", "match", "right",
                "paragraph", "sentence"]


DISPERSION_COLUMNS = ["report", "chars", "hits", "per_10k", "positions", "dp"]


EDGE = "¶"  # shown by format_kwic where the context reaches a paragraph's edge


def _matches(report: "Report", pattern: "re.Pattern[str]", whole_words: bool,
             literal: bool = False):
    """(paragraph tuple, a, b) of every non-empty match, a/b relative to the paragraph."""
    # Most reports lack a rare word: skip them whole. Only for a literal query: a regex
    # anchored with ^ or $ matches at a paragraph's edges, not only at the text's.
    if literal and pattern.search(report.text) is None:
        return
    index = corpus_index(report)
    bounds = index.boundaries if whole_words else None
    for para in index.paragraphs:
        start, text = para[2], para[3]
        for m in pattern.finditer(text):
            a, b = m.span()
            if a == b:
                continue  # a regex that matches the empty string finds nothing to show
            if bounds is not None and (start + a not in bounds or start + b not in bounds):
                continue
            yield para, a, b


def kwic(reports, query: str, *, regex: bool = False, window: int = 20, sort: str | None = None,
         whole_words: bool = False, progress: bool = False) -> pd.DataFrame:
    """Keyword in context: every occurrence of ``query`` with ``window`` characters each side.

    - ``reports``: one Report or a list (e.g. ``baogao.corpus()``).
    - ``query``: an exact substring of the text (a phrase may span several
      tokens), or a regular expression with ``regex=True``.
    - ``window``: characters of context each side, within the paragraph.
    - ``sort``: None (text order), ``"left"`` (by the left context read
      backwards from the match, nearest character first: AntConc's 1L, 2L…)
      or ``"right"`` (by the right context: 1R, 2R…). Characters sort by code
      point, which groups identical contexts together (not pinyin order).
    - ``whole_words``: keep only matches that start and end at token
      boundaries (so 团 does not match inside 团结).
    - ``progress``: show a progress bar over the reports (off by default).

    Columns: report, line (1-based), column (1-based, in characters, indent
    included), start, end (offsets into ``report.text``), left, match,
    right, paragraph, sentence (1-based, as in ``analyze(report).sentences``).
    """
    rs = as_reports(reports)
    pattern = compile_query(query, regex)
    check_window(window)
    if sort not in (None, "left", "right"):
        raise UsageError(f"sort 只能是 None、\"left\" 或 \"right\"（现在是 {sort!r}）。")
    rows = []
    for name, report in zip(report_names(rs), iter_progress(rs, progress, "检索")):
        starts = None
        for (pidx, line, pstart, text, lstart), a, b in _matches(report, pattern, whole_words,
                                                                   not regex):
            if starts is None:
                starts = corpus_index(report).sentence_starts
            start = pstart + a
            rows.append((name, line, start - lstart + 1, start, pstart + b,
                         text[max(0, a - window):a], text[a:b], text[b:b + window],
                         pidx, bisect.bisect_right(starts, start)))
    if sort == "left":
        rows.sort(key=lambda r: r[5][::-1])
    elif sort == "right":
        rows.sort(key=lambda r: r[7])
    frame = pd.DataFrame(rows, columns=KWIC_COLUMNS)
    for col in ("line", "column", "start", "end", "paragraph", "sentence"):
        frame[col] = frame[col].astype("int64")
    return frame


def format_kwic(frame: pd.DataFrame, window: int | None = None) -> str:
    """The concordance as aligned text lines: ``left【match】right``.

    Left contexts are right-aligned with full-width spaces; ¶ marks a
    context cut short by the paragraph's edge (a context shorter than
    ``window``, which defaults to the longest context in the frame).
    """
    if frame.empty:
        return ""
    if window is None:
        window = int(max(frame["left"].str.len().max(), frame["right"].str.len().max()))
    out = []
    for left, match, right in zip(frame["left"], frame["match"], frame["right"]):
        if len(left) < window:
            left = EDGE + left
        if len(right) < window:
            right = right + EDGE
        out.append(f"{left.rjust(window + 1, chr(0x3000))}【{match}】{right}")
    return "\n".join(out)


def gries_dp(part_sizes: list[float], part_hits: list[float]) -> float:
    """Gries' DP = ½·Σ|v_i − s_i| (s: share of the size, v: share of the hits); NaN without hits."""
    total, hits = float(sum(part_sizes)), float(sum(part_hits))
    if hits == 0 or total == 0:
        return float("nan")
    return 0.5 * sum(abs(h / hits - s / total) for s, h in zip(part_sizes, part_hits))


def dispersion(reports, query: str, *, regex: bool = False, whole_words: bool = False,
               progress: bool = False) -> pd.DataFrame:
    """Where a query occurs in each report: one row per report.

    Columns: report; chars (the report's length as the kit counts it,
    ``report.chars``); hits; per_10k (hits per 10,000 characters); positions
    (list of hit offsets divided by ``len(report.text)``, each in 0..1, for a
    dispersion plot: ``baogao.plotting.plot_dispersion`` draws this frame);
    dp (Gries' DP over the report's paragraphs, see the module docstring;
    NaN when there is no hit).
    """
    rs = as_reports(reports)
    pattern = compile_query(query, regex)
    rows = []
    for name, report in zip(report_names(rs), iter_progress(rs, progress, "分布")):
        paras = corpus_index(report).paragraphs
        slot = {p[0]: i for i, p in enumerate(paras)}
        per_part = [0] * len(paras)
        length = max(len(report.text), 1)
        positions = []
        for para, a, _b in _matches(report, pattern, whole_words, not regex):
            per_part[slot[para[0]]] += 1
            positions.append((para[2] + a) / length)
        chars = report.chars
        rows.append((name, chars, len(positions), len(positions) * 10000 / chars if chars else 0.0,
                     positions, gries_dp([len(p[3]) for p in paras], per_part)))
    return pd.DataFrame(rows, columns=DISPERSION_COLUMNS)
