"""What the corpus tools share: their reports, names, queries, progress bars and index.

- ``as_reports``: one Report or a list of them, as a list (anything else is
  refused with a Chinese sentence);
- ``report_name``, ``report_names``: how reports are named in the tools'
  tables (corpus id, else source; made unique);
- ``compile_query``, ``check_window``: a query (literal or a regular
  expression) as a pattern, and a context window, checked; a regular
  expression searches under a time limit (``REGEX_TIME_LIMIT``,
  ``regex_time_limit``, ``TimedPattern``);
- ``iter_progress``: a tqdm progress bar, only when asked for;
- ``corpus_index``: the per-report ``CorpusIndex`` (paragraphs, sentence
  starts, tokens, word runs), built once and kept with the report, so
  repeated queries cost only the search itself.
"""
from __future__ import annotations

import re
import signal
import threading
import time
from contextlib import contextmanager
from contextvars import ContextVar
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


#: Seconds a regular-expression query may spend searching, all its searches
#: together (``regex_time_limit`` changes it for a block of code).
REGEX_TIME_LIMIT = 5.0

_time_limit: ContextVar[float | None] = ContextVar("regex_time_limit", default=None)


@contextmanager
def regex_time_limit(seconds: float | None):
    """Within the block, regular-expression queries compiled by ``compile_query``
    may search for ``seconds`` in all (``None``: no limit)."""
    if seconds is not None and (isinstance(seconds, bool) or not isinstance(seconds, (int, float))
                                or not seconds > 0):
        raise UsageError(f"正则表达式的检索时限应为正数（秒），不能是 {seconds!r}。")
    token = _time_limit.set(float("inf") if seconds is None else float(seconds))
    try:
        yield
    finally:
        _time_limit.reset(token)


#: re's error messages (``re.error.msg``, by their start) in Chinese.
_RE_ERRORS = (
    ("missing ), unterminated comment", "注释“(?#”缺少右括号“)”"),
    ("missing ), unterminated subpattern", "左括号“(”缺少对应的右括号“)”"),
    ("unbalanced parenthesis", "右括号“)”没有对应的左括号“(”"),
    ("unterminated character set", "方括号“[”缺少对应的“]”"),
    ("nothing to repeat", "重复符号（* + ? 或 {…}）前面没有可以重复的内容"),
    ("multiple repeat", "重复符号连用了（如 ** 或 +*）"),
    ("bad escape (end of pattern)", "末尾的反斜杠“\\”后面缺少字符"),
    ("bad escape", "反斜杠“\\”后面的转义写法不认识"),
    ("bad character range", "方括号里的字符范围前后颠倒了（应写成 [a-z] 这样由小到大）"),
    ("min repeat greater than max repeat", "重复次数 {m,n} 里的 m 比 n 大"),
    ("look-behind requires fixed-width pattern", "后顾断言（?<=…）或（?<!…）里只能写固定长度的内容"),
    ("unknown extension", "“(?”后面的写法不认识（命名分组应写成 (?P<名字>…)）"),
    ("missing -, : or )", "“(?”后面的写法不完整"),
    ("bad character in group name", "分组名写得不对"),
    ("missing group name", "分组缺少名字"),
    ("unknown group name", "引用了不存在的分组名"),
    ("invalid group reference", "引用了不存在的分组编号"),
    ("cannot refer to an open group", "分组引用了还没结束的自身"),
)


def _re_error_text(msg: str) -> str:
    for start, text in _RE_ERRORS:
        if msg.startswith(start):
            return text
    return "写法不符合正则表达式的规则"


class _Timeout(Exception):
    """Raised by the alarm when a search runs out of time."""


def _on_alarm(signum, frame):
    raise _Timeout


def _can_time() -> bool:
    """Whether a search can be interrupted here: SIGALRM, in the main thread, no timer armed."""
    return (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
            and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0))


class TimedPattern:
    """A compiled regular expression whose searches together stop after ``seconds``.

    ``search`` and ``finditer`` (the methods the corpus tools use; other
    attributes are the compiled pattern's) run under an interval timer
    (SIGALRM): Python's regular-expression engine checks for signals while it
    backtracks, so a pattern such as ``(a+)+$`` on a long line is stopped and
    a UsageError says so in Chinese. ``finditer`` collects its matches before
    returning them, so the timer never fires outside the search. The timer
    exists on Linux and macOS, in the main thread (the CLI, a Jupyter
    kernel's cells and widget callbacks); on Windows, in other threads, or
    while another interval timer is armed, the search runs without a limit.
    """

    def __init__(self, compiled: "re.Pattern[str]", seconds: float):
        self._compiled = compiled
        self.seconds = seconds
        self.remaining = seconds

    def __getattr__(self, name):
        return getattr(self._compiled, name)

    def _run(self, work):
        if self.seconds == float("inf") or not _can_time():
            return work()
        if self.remaining <= 0:
            raise self._too_slow()
        started = time.monotonic()
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        previous = signal.SIG_DFL if previous is None else previous
        try:
            try:
                signal.setitimer(signal.ITIMER_REAL, self.remaining)
                try:
                    return work()
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
            finally:
                signal.signal(signal.SIGALRM, previous)
                self.remaining -= time.monotonic() - started
        except _Timeout:  # also when the alarm lands while the timer is being disarmed
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
            self.remaining = 0
            raise self._too_slow() from None

    def _too_slow(self) -> UsageError:
        return UsageError(f"正则表达式“{self._compiled.pattern}”检索太慢，{self.seconds:g} 秒内没有查完："
                          "它可能含有嵌套的重复（如 (a+)+），请改写得简单些，或不用正则表达式、按原文查找。")

    def search(self, text: str, *args):
        return self._run(lambda: self._compiled.search(text, *args))

    def finditer(self, text: str, *args):
        return iter(self._run(lambda: list(self._compiled.finditer(text, *args))))


def compile_query(query: str, regex: bool = False) -> "re.Pattern[str] | TimedPattern":
    """The query as a compiled pattern; a bad regular expression raises UsageError.

    A regular expression comes back as a :class:`TimedPattern`: its searches
    together may take ``REGEX_TIME_LIMIT`` seconds (or what an enclosing
    ``regex_time_limit`` says) before a UsageError says the pattern took
    too long. A literal query cannot backtrack and is a plain pattern.
    """
    if not isinstance(query, str) or not query:
        raise UsageError("检索词不能为空：请输入要查找的字、词或短语。")
    if not regex:
        return re.compile(re.escape(query))
    try:
        compiled = re.compile(query)
    except re.error as e:
        where = f"（第 {e.pos + 1} 个字符附近）" if e.pos is not None else ""
        raise UsageError(f"正则表达式“{query}”写得不对{where}：{_re_error_text(e.msg)}；"
                         "请检查括号和特殊字符，或不用正则表达式、按原文查找。") from None
    seconds = _time_limit.get()
    return TimedPattern(compiled, REGEX_TIME_LIMIT if seconds is None else seconds)


def check_window(window, what: str = "window") -> int:
    """``window`` if it is an int >= 0, else a UsageError naming the argument ``what``."""
    if isinstance(window, bool) or not isinstance(window, int) or window < 0:
        raise UsageError(f"{what} 必须是不小于 0 的整数（现在是 {window!r}）。")
    return window
