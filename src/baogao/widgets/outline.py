"""Outline explorer: the heading tree and parts; a chosen section's text.

``section_choices(report)`` and ``section_html(report, line)`` hold the
logic; ``OutlineExplorer`` wires a selector to them.
"""

from __future__ import annotations

import statistics

from baogao.analysis.measures import analyze
from baogao.exercises.outcomes import MARKS
from baogao.structure.outline import ISSUE_NAMES, Section
from baogao.structure.parts import PART_NAMES
from baogao.text.markers import STYLE_NAMES
from baogao.widgets.html import STYLE, esc, mark_spans


def section_choices(report) -> list[tuple[str, int]]:
    """(label, first line) for every section, indented by level, in order."""
    out = []
    for s in report.outline().sections():
        indent = "\u3000" * (s.level - 1)
        label = s.label if s.kind == "heading" else f"〈{s.title}〉"
        if len(label) > 16:  # keep the line number visible in a narrow list
            label = label[:15] + "…"
        out.append((f"{indent}{label}（第{s.line}行）", s.line))
    return out


def _section_by_line(report, line: int) -> Section:
    for s in report.outline().sections():
        if s.line == line:
            return s
    raise ValueError(f"no section starts at line {line}")


def section_html(report, line: int) -> str:
    """The section starting at ``line``: its text with lead sentences marked,
    its length compared with its sibling sections, and its numbering issues."""
    outline = report.outline()
    s = _section_by_line(report, line)
    paras = s.all_paragraphs()
    chars = sum(len(p.clean) for p in paras)
    siblings = [x for x in outline.sections() if x.level == s.level]
    sizes = [sum(len(p.clean) for p in x.all_paragraphs()) for x in siblings]
    median = statistics.median(sizes) if sizes else chars
    widest = max(sizes + [1])

    leads = analyze(report).leads
    lead_at = {int(r.line): (int(r.start), int(r.end)) for r in leads.itertuples()}

    if s.kind == "heading":
        h = s.heading
        kind = f"第 {h.level} 级标题，{STYLE_NAMES.get(h.style, h.style)}" + ("，段中标题" if h.run_in else "")
    else:
        kind = f"独立部分：{PART_NAMES.get(s.part, s.title)}"
    end = max((p.line for p in paras), default=s.line)
    parts = [STYLE, '<div class="bg-box">', f"<h4>{esc(s.label)}</h4>",
             f'<div class="bg-meta">{esc(kind)}；第 {s.line}–{end} 行；{len(paras)} 段，{chars} 字'
             f'（同级部分的中位数为 {int(median)} 字）<br>'
             f'<span class="bg-bar-bg"><span class="bg-bar" style="width:{int(200 * chars / widest)}px">'
             f'</span></span></div>']
    issues = [i for i in outline.numbering_issues if s.line <= i.line <= end]
    own_lines = {p.line for p in paras}
    for i in issues:
        if i.line in own_lines:
            parts.append(f'<div class="bg-issue">{MARKS["warning"]} 第{i.line}行 {esc(ISSUE_NAMES[i.kind])}：{esc(i.message)}</div>')
    for p in paras:
        spans = []
        if p.line in lead_at:
            a, b = lead_at[p.line]
            spans.append((a - p.start, b - p.start, "bg-lead", "主旨句"))
        parts.append(f'<p class="bg-para"><span class="bg-lineno">{p.line}</span>{mark_spans(p.text, spans)}</p>')
    n_leads = sum(1 for p in paras if p.line in lead_at)
    parts.append(f'<div class="bg-meta">黄色标出的是主旨句（共 {n_leads} 句）。</div></div>')
    return "".join(parts)


class OutlineExplorer:
    """A selector of sections beside the chosen section's text.

    ``explorer.selector.value = line`` chooses a section (the first line of
    a heading or part); ``explorer.view.value`` holds the resulting HTML.
    """

    def __init__(self, report, *, line: int | None = None):
        import ipywidgets as w  # heavy: loaded when a widget is built, not on import

        self.report = report
        choices = section_choices(report)
        if not choices:
            raise ValueError("这篇报告没有可以浏览的部分。")
        self.selector = w.Select(options=choices, value=line or choices[0][1], rows=min(len(choices), 16),
                                 description="", layout=w.Layout(width="34%"))
        self.view = w.HTML(layout=w.Layout(width="64%"))
        self.selector.observe(self._update, names="value")
        self._update()
        self.widget = w.HBox([self.selector, self.view])
        self.widget.add_class("bg-outline-explorer")  # a stable handle for browser tests

    def _update(self, change=None) -> None:
        self.view.value = section_html(self.report, self.selector.value)

    def show_line(self, line: int) -> int:
        """Choose the section that holds ``line``; return the section's first line."""
        section = self.report.outline().section_at(line)
        starts = [value for _, value in self.selector.options]
        target = section.line if section is not None and section.line in starts else starts[0]
        self.selector.value = target
        return target

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
