"""Lint viewer: the linter's findings, filtered by family and severity, each in context.

``filter_findings`` and ``findings_html`` hold the logic; ``LintViewer``
wires two multiple selections (families, severities) to them. The findings
are computed once, when the viewer is built.
"""

from __future__ import annotations

from collections import Counter

from baogao.lint import FAMILIES, RULES, lint
from baogao.widgets.highlight import SEVERITY_NAMES, finding_span
from baogao.widgets.html import STYLE, esc

CONTEXT = 30  # characters shown each side of a finding
MAX_FINDINGS = 150  # shown at once; the counts always cover every finding

LINT_STYLE = """
<style>
.lv-item {margin: 0.2em 0 0.7em 0; padding-left: 0.6em; border-left: 4px solid #ccc;}
.lv-item.error {border-left-color: #c00000;}
.lv-item.warning {border-left-color: #e0a000;}
.lv-item.info {border-left-color: #4a7bd0;}
.lv-head {font-size: 13px; color: #555;}
.lv-context {background: #f7f7f7; padding: 0 0.3em;}
.lv-mark {background: #ffc9c9; text-decoration: underline wavy #d00000; text-decoration-skip-ink: none;}
.lv-ref {font-size: 12px; color: #777;}
</style>
"""


def filter_findings(findings, families=None, severities=None) -> list:
    """The findings whose family and severity are among those given (None: all)."""
    fam = None if families is None else set(families)
    sev = None if severities is None else set(severities)
    return [f for f in findings if (fam is None or f.family in fam) and (sev is None or f.severity in sev)]


def finding_context(report, f, context: int = CONTEXT) -> str:
    """The finding's line (clipped to ``context`` characters each side) with the finding marked."""
    line = report.lines[f.line - 1].text
    a, b = finding_span(report, f)
    start = report.lines[f.line - 1].start
    a, b = a - start, max(b - start, a - start + 1)
    left_from = max(0, a - context)
    right_to = min(len(line), b + context)
    left = ("…" if left_from > 0 else "") + line[left_from:a].lstrip()
    right = line[b:right_to] + ("…" if right_to < len(line) else "")
    marked = line[a:b] if line[a:b].strip() else "␣" * max(b - a, 1)  # make spaces visible
    return f'{esc(left)}<span class="lv-mark">{esc(marked)}</span>{esc(right)}'


def summary_line(findings) -> str:
    counts = Counter(f.severity for f in findings)
    return (f"共 {len(findings)} 条：错误 {counts['error']}，警告 {counts['warning']}，"
            f"提示 {counts['info']}。")


def findings_html(report, findings, *, limit: int = MAX_FINDINGS, context: int = CONTEXT) -> str:
    """Each finding: where, family, severity and rule; its line with the finding
    marked; the explanation, the suggestion and the reference."""

    parts = [STYLE, LINT_STYLE, '<div class="bg-box">', f'<div class="bg-meta">{summary_line(findings)}</div>']
    if not findings:
        parts.append('<div>没有符合条件的问题。</div>')
    for f in findings[:limit]:
        rule = RULES.get(f.rule)
        title = rule.title if rule is not None else f.rule
        if f.suggestion:
            advice = f"建议改为：“{esc(f.suggestion)}”"
        elif f.suggestion == "":
            advice = "建议：删除"
        else:
            advice = ""
        parts.append(
            f'<div class="lv-item {esc(f.severity)}">'
            f'<div class="lv-head">第 {f.line} 行第 {f.column} 列 · {esc(FAMILIES.get(f.family, f.family))} · '
            f'{esc(SEVERITY_NAMES.get(f.severity, f.severity))} · {esc(title)}（{esc(f.rule)}）</div>'
            f'<div class="lv-context">{finding_context(report, f, context)}</div>'
            f'<div>{esc(f.message)}{"　" + advice if advice else ""}</div>'
            f'<div class="lv-ref">依据：{esc(f.reference)}</div></div>')
    if len(findings) > limit:
        parts.append(f'<div class="bg-meta">另有 {len(findings) - limit} 条未显示（只显示前 {limit} 条）：'
                     '请缩小类别或严重程度的范围。</div>')
    parts.append("</div>")
    return "".join(parts)


class LintViewer:
    """Families and severities to choose from, beside the matching findings.

    ``v.families.value = ("damage",)`` and ``v.severities.value = ("error",)``
    filter; ``v.view.value`` holds the HTML, ``v.shown`` the findings shown.
    """

    def __init__(self, report, findings=None):
        import ipywidgets as w


        self.report = report
        self.findings = lint(report) if findings is None else list(findings)
        fam_counts = Counter(f.family for f in self.findings)
        sev_counts = Counter(f.severity for f in self.findings)
        self.families = w.SelectMultiple(
            options=[(f"{label}（{fam_counts[key]}）", key) for key, label in FAMILIES.items()],
            value=tuple(FAMILIES), rows=len(FAMILIES), description="类别")
        self.severities = w.SelectMultiple(
            options=[(f"{label}（{sev_counts[key]}）", key) for key, label in SEVERITY_NAMES.items()],
            value=tuple(SEVERITY_NAMES), rows=3, description="严重程度")
        self.view = w.HTML()
        self.families.observe(self._update, names="value")
        self.severities.observe(self._update, names="value")
        self._update()
        self.widget = w.VBox([w.HBox([self.families, self.severities]), self.view])

    def _update(self, change=None) -> None:
        self.shown = filter_findings(self.findings, self.families.value, self.severities.value)
        self.view.value = findings_html(self.report, self.shown)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
