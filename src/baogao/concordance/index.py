"""What the corpus tools share: their reports, names, queries, progress bars and index.

- ``as_reports``: one Report or a list of them, as a list (anything else is
  refused with a Chinese sentence);
- ``report_name``, ``report_names``: how reports are named in the tools'
  tables (corpus id, else source; made unique);
- ``compile_query``, ``check_window``: a query (literal or a regular
  expression) as a pattern, and a context window, checked;
- ``iter_progress``: a tqdm progress bar, only when asked for;
- ``corpus_index``: the per-report ``CorpusIndex`` (paragraphs, sentence
  starts, tokens, word runs), built once and kept with the report, so
  repeated queries cost only the search itself.
"""
from __future__ import annotations

import re
from functools import cached_property
from typing import Iterable

from baogao.analysis.tables import tables
from baogao.analysis.words import is_word_token
from baogao.errors import UsageError
from baogao.report import Report


def as_reports(reports) -> list[Report]:
    """One Report or an iterable of Reports, as a list (strings are refused: load them first)."""
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


def report_name(report: Report) -> str:
    """How a report is named in tables: its corpus id, else its source."""
    return str(report.meta.get("id") or report.source)


def report_names(reports: list[Report]) -> list[str]:
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
    from tqdm.auto import tqdm  # only when a bar is asked for (in Jupyter it loads ipywidgets)

    return tqdm(items, desc=desc, total=len(items), leave=False)


class CorpusIndex:
    """Per-report arrays the corpus tools need, each built once on first use."""

    def __init__(self, report: Report):
        self.report = report

    @cached_property
    def paragraphs(self) -> list[tuple[int, int, int, str, int]]:
        """(index, line, start, text, line_start) of every paragraph."""
        starts = self.report._line_starts
        return [(p.index, p.line, p.start, p.text, starts[p.line - 1])
                for p in self.report.paragraphs]

    @cached_property
    def sentence_starts(self) -> list[int]:
        return tables(self.report).sentences["start"].tolist()

    @cached_property
    def tokens(self) -> dict[str, list]:
        tk = tables(self.report).tokens
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
        last = last_para = None  # the sentence of the previous token, the paragraph of ``current``
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


def corpus_index(report: Report) -> CorpusIndex:
    """The report's CorpusIndex, built once and kept with the report."""
    return report.memo("corpus_index", CorpusIndex)


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


def check_window(window, what: str = "window") -> int:
    """``window`` if it is an int >= 0, else a UsageError naming the argument ``what``."""
    if isinstance(window, bool) or not isinstance(window, int) or window < 0:
        raise UsageError(f"{what} 必须是不小于 0 的整数（现在是 {window!r}）。")
    return window
