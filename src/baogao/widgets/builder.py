"""Outline builder: the student writes a draft; structure and lint feedback follow.

``feedback_html(text)`` is the logic (the draft's outline and a lint
summary). ``OutlineBuilder`` puts it under a Textarea and keeps the draft in
a file, so that a kernel restart loses nothing: the file is read at start
when it exists and rewritten (atomically) after every change.

Typing fires an event per keystroke; ``Debouncer`` waits until the student
pauses (``delay`` seconds without a change) and then runs the feedback and
the save once. It is testable without sleeping: the clock and the timer are
injectable, and ``flush()`` runs a pending call at once.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
import threading
import time
import warnings
from collections import Counter
from pathlib import Path
from typing import Callable

from baogao.errors import BaogaoError, TraditionalChineseWarning
from baogao.exercises.outcomes import MARKS
from baogao.export import export
from baogao.lint import FAMILIES, SEVERITY_LABELS, lint
from baogao.lint.format import location_text, message_text, quoted_text, summary_text
from baogao.report import Report
from baogao.structure.outline import ISSUE_NAMES
from baogao.structure.parts import PART_NAMES
from baogao.text.tokens import tokenizer
from baogao.widgets.html import MUTED, STYLE, TEXT, esc

DEFAULT_PATH = "draft.txt"
DELAY = 0.6  # seconds of quiet before feedback and save
MAX_LISTED = 12  # findings listed by name; the counts cover all

PLACEHOLDER = ("在这里写草稿，每段一行。例如：\n关于2024年工作情况的报告\n一、主要工作\n"
               "（一）加强思想引领。全年开展……\n二、存在的问题\n……")

BUILDER_STYLE = f"""
<style>
.bd-tree {{margin: 0.2em 0 0.6em 0; padding: 0; list-style: none;}}
.bd-tree li {{margin: 0;}}
.bd-line {{color: {TEXT}; color: {MUTED}; font-size: 12px;}}
.bd-finding {{font-size: 14px;}}
</style>
"""


# -- draft file ----------------------------------------------------------------------

def load_draft(path) -> str | None:
    """The saved draft, or None when there is no file yet."""
    p = Path(path)
    if not p.is_file():
        return None
    return p.read_text(encoding="utf-8")


def save_draft(path, text: str) -> Path:
    """Write the draft atomically: a temporary file in the same folder, then a rename.

    A crash or a restart in the middle leaves either the old or the new
    draft, never half of one.
    """
    p = Path(path)
    fd, tmp = tempfile.mkstemp(dir=p.parent, prefix=f".{p.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, p)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return p


# -- debounce --------------------------------------------------------------------------

def default_schedule(delay: float, fn: Callable[[], None]):
    """Run ``fn`` after ``delay`` seconds; return a handle with ``cancel()``.

    In a kernel the call goes onto the running asyncio loop (the kernel's own
    thread, where widget updates belong); elsewhere onto a daemon timer thread.
    """
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        timer = threading.Timer(delay, fn)
        timer.daemon = True
        timer.start()
        return timer
    return loop.call_later(delay, fn)


class Debouncer:
    """Call ``callback`` with the latest arguments once calls pause for ``delay`` seconds.

    ``schedule(delay, fn) -> handle`` arms a timer (``None``: never, then
    only ``flush()`` runs the call); ``clock()`` tells the time. One timer is
    armed per burst: when it fires early (more calls came meanwhile) it re-arms
    for the rest of the delay, so a burst costs one timer, not one per call.
    """

    def __init__(self, callback: Callable, delay: float = DELAY, *,
                 schedule: Callable | None = default_schedule, clock: Callable[[], float] = time.monotonic):
        self.callback = callback
        self.delay = delay
        self.schedule = schedule
        self.clock = clock
        self._lock = threading.Lock()
        self._args: tuple | None = None
        self._deadline = 0.0
        self._handle = None

    @property
    def pending(self) -> bool:
        return self._args is not None

    def __call__(self, *args) -> None:
        with self._lock:
            self._args = args
            self._deadline = self.clock() + self.delay
            if self._handle is None and self.schedule is not None:
                self._handle = self.schedule(self.delay, self._fire)

    def _fire(self) -> None:
        with self._lock:
            self._handle = None
            if self._args is None:
                return
            remaining = self._deadline - self.clock()
            if remaining > 0 and self.schedule is not None:
                self._handle = self.schedule(remaining, self._fire)
                return
        self.flush()

    def flush(self) -> bool:
        """Run the pending call now (cancelling its timer); False when nothing was pending."""
        with self._lock:
            args, self._args = self._args, None
            handle, self._handle = self._handle, None
        if handle is not None:
            handle.cancel()
        if args is None:
            return False
        self.callback(*args)
        return True


# -- feedback --------------------------------------------------------------------------

def draft_report(text: str, name: str = "草稿"):
    """The draft as a Report (always text, never read as a path)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", TraditionalChineseWarning)  # feedback says it instead
        return Report.from_text(text, source=name, encoding="utf-8")


def feedback_html(text: str) -> str:
    """The draft's outline (title, headings by level, parts, numbering issues)
    and a lint summary (counts by severity and family, the first findings)."""
    if not text.strip():
        return (f'{STYLE}<div class="bg-box bg-meta">在上面写草稿，每段一行：标题、主送机关、'
                '一级标题“一、……”、二级标题“（一）……”和正文。结构和校对意见会随着输入更新。</div>')
    report = draft_report(text)
    outline = report.outline()
    parts = [STYLE, BUILDER_STYLE, '<div class="bg-box">']
    parts.append(f'<h4>结构</h4><div class="bg-meta">{len(report.paragraphs)} 段，{report.chars} 字；'
                 f'文体：{esc(outline.genre_label)}；标题：{esc(outline.title) if outline.title else "（未识别出标题）"}</div>')
    if any(n.kind == "traditional" for n in report.notes):
        parts.append('<div class="bg-issue">这份草稿看起来是繁体字：本工具按简体中文检查。</div>')
    if outline.headings:
        items = "".join(f'<li>{"　" * (h.level - 1)}{esc(h.marker + h.title)} '
                        f'<span class="bd-line">第{h.line}行</span></li>' for h in outline.headings)
        parts.append(f'<ul class="bd-tree">{items}</ul>')
    else:
        parts.append('<div>还没有识别出标题：一级标题写成“一、……”，二级标题写成“（一）……”，各占一行或作段首一句。</div>')
    if outline.parts:
        names = "、".join(esc(PART_NAMES.get(p.kind, p.kind)) for p in outline.parts)
        parts.append(f'<div class="bg-meta">独立部分：{names}</div>')
    for i in outline.numbering_issues:
        parts.append(f'<div class="bg-issue">{MARKS["warning"]} 第{i.line}行 {esc(ISSUE_NAMES[i.kind])}：{esc(i.message)}</div>')

    findings = lint(report)
    parts.append(f'<h4>校对</h4><div class="bg-meta">{summary_text(findings)}</div>')
    if findings:
        by_family = Counter(f.family for f in findings)
        parts.append('<div class="bg-meta">' + "；".join(
            f"{esc(FAMILIES[k])} {n}" for k, n in by_family.most_common()) + "</div>")
        for f in findings[:MAX_LISTED]:
            parts.append(f'<div class="bd-finding"><span class="bd-line">{location_text(f)}</span> '
                         f'[{esc(SEVERITY_LABELS[f.severity])}] {esc(quoted_text(f, 20))}：'
                         f'{esc(message_text(f))}</div>')
        if len(findings) > MAX_LISTED:
            parts.append(f'<div class="bg-meta">……另有 {len(findings) - MAX_LISTED} 条，用校对查看器看全部。</div>')
    else:
        parts.append("<div>没有发现问题。</div>")
    parts.append("</div>")
    return "".join(parts)


def export_paths(path) -> dict[str, Path]:
    """Where the exports go: next to the draft, same name, .md and .docx."""
    p = Path(path)
    out = {}
    for fmt, suffix in (("markdown", ".md"), ("docx", ".docx")):
        target = p.with_suffix(suffix)
        if target == p:  # a draft kept in draft.md must not be overwritten by its export
            target = p.with_name(p.stem + ".export" + suffix)
        out[fmt] = target
    return out


class OutlineBuilder:
    """A Textarea for the draft, live feedback, autosave and export buttons.

    ``b.text.value = "…"`` types; the feedback and the save follow after
    ``delay`` seconds of quiet, or at once with ``b.flush()``. ``b.feedback``
    and ``b.status`` are HTML widgets; ``b.export_md.click()`` and
    ``b.export_docx.click()`` write the exports and ``b.status`` names the
    file. ``schedule``/``clock`` go to the ``Debouncer`` (tests pass
    ``schedule=None`` and call ``flush()``).
    """

    def __init__(self, path=DEFAULT_PATH, *, delay: float = DELAY, schedule=default_schedule,
                 clock=time.monotonic):
        import ipywidgets as w  # heavy: loaded when a widget is built, not on import

        tokenizer()  # build jieba's dictionary now, not on the first new word typed (~2 s)
        self.path = Path(path).resolve()  # a later change of directory must not move the draft
        saved = load_draft(self.path)
        self.text = w.Textarea(value=saved or "", placeholder=PLACEHOLDER, continuous_update=True,
                               layout=w.Layout(width="100%", height="16em"))
        self.feedback = w.HTML(value=feedback_html(self.text.value))
        if saved is None:
            self.status = w.HTML(value=f'<span class="bg-meta">草稿会自动保存到 {esc(str(self.path))}。</span>')
        else:
            self.status = w.HTML(value=f"已从 {esc(str(self.path))} 读入草稿（{len(saved)} 个字符）。")
        self.export_md = w.Button(description="导出 Markdown", icon="download")
        self.export_docx = w.Button(description="导出 Word（.docx）", icon="download")
        self.export_md.on_click(lambda _: self.export("markdown"))
        self.export_docx.on_click(lambda _: self.export("docx"))
        self.debouncer = Debouncer(self._commit, delay, schedule=schedule, clock=clock)
        self.text.observe(lambda change: self.debouncer(change["new"]), names="value")
        self.widget = w.VBox([self.text, w.HBox([self.export_md, self.export_docx]), self.status,
                              self.feedback])

    def flush(self) -> bool:
        """Run the pending feedback and save now (False when nothing was pending)."""
        return self.debouncer.flush()

    def _commit(self, text: str) -> None:
        # Save first: whatever happens to the feedback, the draft is on disk.
        try:
            save_draft(self.path, text)
            self.status.value = f"已自动保存（{len(text)} 个字符）：{esc(str(self.path))}"
        except OSError as e:
            self.status.value = f'<span class="bg-issue">无法保存草稿到 {esc(str(self.path))}：{esc(e.strerror or str(e))}。</span>'
        self.feedback.value = feedback_html(text)

    def export(self, fmt: str) -> Path | None:
        """Write the draft as Markdown or .docx next to the draft file; return the path."""
        self.flush()
        text = self.text.value
        if not text.strip():
            self.status.value = '<span class="bg-issue">草稿是空的，没有可以导出的内容。</span>'
            return None
        target = export_paths(self.path)[fmt]
        try:
            export(draft_report(text), target, force=True)  # its own derived file, rewritten each time
        except BaogaoError as e:
            self.status.value = f'<span class="bg-issue">{esc(e.message)}</span>'
            return None
        label = "Markdown" if fmt == "markdown" else "Word"
        self.status.value = f"已导出 {label} 文件：{esc(str(target))}"
        return target

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
