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

This module also holds what the corpus tools share (``as_reports``,
``report_names``, ``iter_progress``, ``corpus_index``): the per-report index
is built once and cached on the report's ``Analysis`` (a private attribute),
so repeated queries cost only the search itself.
"""

from __future__ import annotations

import bisect
import re
from functools import cached_property
from typing import TYPE_CHECKING, Iterable

import pandas as pd

from .analysis import analyze
from .errors import UsageError

if TYPE_CHECKING:  # pragma: no cover
    from .report import Report

KWIC_COLUMNS = ["report", "line", "column", "start", "end", "left", "match", "right",
                "paragraph", "sentence"]
DISPERSION_COLUMNS = ["report", "chars", "hits", "per_10k", "positions", "dp"]
EDGE = "¶"  # shown by format_kwic where the context reaches a paragraph's edge


# -- shared by the corpus tools ---------------------------------------------------

def as_reports(reports) -> list["Report"]:
    """One Report or an iterable of Reports, as a list (strings are refused: load them first)."""
    from .report import Report

    if isinstance(reports, Report):
        return [reports]
    if isinstance(reports, (str, bytes)) or reports is None:
        raise UsageError("请传入报告（Report）或报告列表，例如 baogao.specimen() 或 baogao.corpus()；"
                         "文本请先用 baogao.load() 读取。")
    out = list(reports)
    bad = [r for r in out if not isinstance(r, Report)]
    if bad:
        raise UsageError(f"列表里有 {len(bad)} 项不是报告（Report）：请先用 baogao.load() 读取。")
    if not out:
        raise UsageError("报告列表是空的：请至少传入一篇报告。")
    return out


def report_name(report: "Report") -> str:
    """How a report is named in tables: its corpus id, else its source."""
    return str(report.meta.get("id") or report.source)


def report_names(reports: list["Report"]) -> list[str]:
    """Names of the reports, made unique with " (2)", " (3)" … where two share a name."""
    seen: dict[str, int] = {}
    out = []
    for r in reports:
        name = report_name(r)
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return out


def iter_progress(items: list, progress: bool, desc: str) -> Iterable:
    """The items, behind a tqdm.auto progress bar only when asked for.

    Opt-in because a bar written to stderr is still captured into a
    notebook's saved outputs (and fails nbval); ``tqdm.auto`` draws a widget
    in Jupyter and a text bar on stderr elsewhere.
    """
    if not progress:
        return items
    from tqdm.auto import tqdm

    return tqdm(items, desc=desc, total=len(items), leave=False)


def is_word_token(word: str, pos: str) -> bool:
    """A token that is a word: not punctuation/symbol (jieba's tag x) and not blank."""
    return pos != "x" and bool(word.strip())


class CorpusIndex:
    """Per-report arrays the corpus tools need, each built once on first use."""

    def __init__(self, report: "Report"):
        self.report = report

    @cached_property
    def paragraphs(self) -> list[tuple[int, int, int, str, int]]:
        """(index, line, start, text, line_start) of every paragraph."""
        starts = self.report._line_starts
        return [(p.index, p.line, p.start, p.text, starts[p.line - 1])
                for p in self.report.paragraphs]

    @cached_property
    def sentence_starts(self) -> list[int]:
        return analyze(self.report).sentences["start"].tolist()

    @cached_property
    def tokens(self) -> dict[str, list]:
        tk = analyze(self.report).tokens
        out = {c: tk[c].tolist() for c in ("word", "pos", "start", "end", "paragraph", "sentence")}
        out["is_word"] = [is_word_token(w, p) for w, p in zip(out["word"], out["pos"])]
        return out

    @cached_property
    def boundaries(self) -> frozenset[int]:
        """Offsets where a token starts or ends."""
        t = self.tokens
        return frozenset(t["start"]) | frozenset(t["end"])

    @cached_property
    def word_count(self) -> int:
        """Word tokens (punctuation and blanks not counted)."""
        return sum(self.tokens["is_word"])

    @cached_property
    def sentence_words(self) -> list[list[str]]:
        """The word tokens of each sentence, punctuation dropped (collocation windows)."""
        t = self.tokens
        out: list[list[str]] = []
        last = None
        for w, s, ok in zip(t["word"], t["sentence"], t["is_word"]):
            if s != last:
                out.append([])
                last = s
            if ok:
                out[-1].append(w)
        return [s for s in out if s]

    @cached_property
    def runs(self) -> list[tuple[int, list[str]]]:
        """(paragraph, words) of each maximal run of word tokens inside one sentence (n-grams)."""
        t = self.tokens
        out: list[tuple[int, list[str]]] = []
        current: list[str] = []
        last = None
        for w, s, para, ok in zip(t["word"], t["sentence"], t["paragraph"], t["is_word"]):
            if not ok or s != last:
                if current:
                    out.append((last_para, current))
                current = []
            if ok:
                current.append(w)
                last_para = para
            last = s
        if current:
            out.append((last_para, current))
        return out


def corpus_index(report: "Report") -> CorpusIndex:
    """The report's CorpusIndex, cached on its Analysis (itself cached on the report)."""
    analysis = analyze(report)
    store = vars(analysis)
    index = store.get("_corpus_index")
    if index is None:
        index = store["_corpus_index"] = CorpusIndex(report)
    return index


# -- queries ------------------------------------------------------------------------

def compile_query(query: str, regex: bool = False) -> "re.Pattern[str]":
    """The query as a compiled pattern; a bad regular expression raises UsageError."""
    if not isinstance(query, str) or not query:
        raise UsageError("检索词不能为空：请输入要查找的字、词或短语。")
    if not regex:
        return re.compile(re.escape(query))
    try:
        return re.compile(query)
    except re.error as e:
        where = f"（第 {e.pos + 1} 个字符附近）" if e.pos is not None else ""
        raise UsageError(f"正则表达式“{query}”写得不对{where}：{e.msg}；"
                         "请检查括号和特殊字符，或去掉 regex=True 按原文查找。") from None


def _check_window(window, what: str = "window") -> int:
    if isinstance(window, bool) or not isinstance(window, int) or window < 0:
        raise UsageError(f"{what} 必须是不小于 0 的整数（现在是 {window!r}）。")
    return window


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
    _check_window(window)
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


# -- dispersion ------------------------------------------------------------------------

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
