"""Lint viewer: the linter's findings, filtered by family, severity and rule, each in context.

``filter_findings``, ``findings_html`` and ``rule_card_html`` hold the logic;
``LintViewer`` wires two multiple selections (families, severities) and a
choice of one rule to them. With a rule chosen, the viewer shows that rule's
entry of the catalogue (what it checks, its reference, the example on which
it fires and the one on which it stays silent) above its findings. The
findings are computed once, when the viewer is built.
"""

from __future__ import annotations

from collections import Counter

from baogao.lint import FAMILIES, RULES, SEVERITY_LABELS, catalogue, lint
from baogao.lint.format import location_text, message_text, summary_text
from baogao.widgets.html import (
    ACCENTS,
    INK,
    MUTED,
    PANEL,
    STRONG_BORDER,
    STYLE,
    TEXT,
    esc,
    ink,
    tint,
)

CONTEXT = 30  # characters shown each side of a finding
MAX_FINDINGS = 150  # shown at once; the counts always cover every finding

LINT_STYLE = f"""
<style>
.lv-item {{margin: 0.2em 0 0.7em 0; padding-left: 0.6em; border-left: 4px solid {STRONG_BORDER};}}
.lv-item.error {{border-left-color: {ACCENTS["error"]};}}
.lv-item.warning {{border-left-color: {ACCENTS["warn"]};}}
.lv-item.info {{border-left-color: {ACCENTS["brand"]};}}
.lv-head {{font-size: 13px; color: {TEXT}; color: {MUTED};}}
.lv-context {{background: {PANEL}; color: {INK}; padding: 0 0.3em;}}
.lv-mark {{background: {tint("error", 30)}; color: {INK};
           text-decoration: underline wavy {ink("error")}; text-decoration-skip-ink: none;}}
.lv-ref {{font-size: 12px; color: {TEXT}; color: {MUTED};}}
.lv-card {{background: {PANEL}; color: {INK}; padding: 0.3em 0.6em; margin-bottom: 0.6em;}}
.lv-card .lv-ref {{color: {INK};}}  /* the muted grey is too faint on the panel in the dark theme */
.lv-example {{font-family: monospace; white-space: pre-wrap;}}
</style>
"""


ALL_RULES = ""  # the rule choice that filters nothing


def filter_findings(findings, families=None, severities=None, rules=None) -> list:
    """The findings whose family, severity and rule are among those given (None: all)."""
    fam = None if families is None else set(families)
    sev = None if severities is None else set(severities)
    rul = None if rules is None else set(rules)
    return [f for f in findings if (fam is None or f.family in fam) and (sev is None or f.severity in sev)
            and (rul is None or f.rule in rul)]


def rule_choices(findings) -> list[tuple[str, str]]:
    """(label, rule id) for the rule choice: every rule with findings, in catalogue order,
    after the choice of all rules."""
    counts = Counter(f.rule for f in findings)
    return [(f"全部规则（{len(findings)}）", ALL_RULES)] + [
        (f"{r.title}（{r.id}，{counts[r.id]}）", r.id) for r in catalogue() if counts[r.id]]


def rule_card_html(rule_id: str) -> str:
    """A rule's entry of the catalogue: title, family, severity, reference, and its two
    examples (the text on which it fires, the one on which it stays silent)."""
    r = RULES.get(rule_id)
    if r is None:
        return f'<div class="lv-card">没有编号为“{esc(rule_id)}”的规则。</div>'
    return (f'<div class="lv-card"><b>{esc(r.title)}</b>（{esc(r.id)}）· {esc(FAMILIES[r.family])} · '
            f'{esc(SEVERITY_LABELS[r.severity])}'
            f'<div class="lv-ref">依据：{esc(r.reference)}</div>'
            f'<div>触发示例：<span class="lv-example">{esc(r.positive)}</span></div>'
            f'<div>不触发示例：<span class="lv-example">{esc(r.negative)}</span></div></div>')


def finding_context(report, f, context: int = CONTEXT) -> str:
    """The finding's line (clipped to ``context`` characters each side) with the finding marked."""
    row = report.line(f.line)
    line = row.text
    # The finding's offsets, on its own line (a finding is shown on the line where it starts).
    a, b = f.start - row.start, min(f.end, row.end) - row.start
    left_from = max(0, a - context)
    right_to = min(len(line), b + context)
    left = ("…" if left_from > 0 else "") + line[left_from:a].lstrip()
    right = line[b:right_to] + ("…" if right_to < len(line) else "")
    marked = line[a:b] if line[a:b].strip() else "␣" * max(b - a, 1)  # make spaces visible
    return f'{esc(left)}<span class="lv-mark">{esc(marked)}</span>{esc(right)}'


def findings_html(report, findings, *, limit: int = MAX_FINDINGS, context: int = CONTEXT, rule: str | None = None) -> str:
    """Each finding: where, family, severity and rule; its line with the finding
    marked; the explanation, the suggestion and the reference. ``rule``: a rule id
    whose catalogue entry is shown first."""
    parts = [STYLE, LINT_STYLE, '<div class="bg-box">']
    if rule:
        parts.append(rule_card_html(rule))
    parts.append(f'<div class="bg-meta">{summary_text(findings)}</div>')
    if not findings:
        parts.append('<div>没有符合条件的问题。</div>')
    for f in findings[:limit]:
        rule = RULES.get(f.rule)
        title = rule.title if rule is not None else f.rule
        parts.append(
            f'<div class="lv-item {esc(f.severity)}">'
            f'<div class="lv-head">{location_text(f)} · {esc(FAMILIES[f.family])} · '
            f'{esc(SEVERITY_LABELS[f.severity])} · {esc(title)}（{esc(f.rule)}）</div>'
            f'<div class="lv-context">{finding_context(report, f, context)}</div>'
            f'<div>{esc(message_text(f))}</div>'
            f'<div class="lv-ref">依据：{esc(f.reference)}</div></div>')
    if len(findings) > limit:
        parts.append(f'<div class="bg-meta">另有 {len(findings) - limit} 条未显示（只显示前 {limit} 条）：'
                     '请缩小类别或严重程度的范围。</div>')
    parts.append("</div>")
    return "".join(parts)


class LintViewer:
    """Families, severities and a rule to choose from, beside the matching findings.

    ``v.families.value = ("damage",)``, ``v.severities.value = ("error",)`` and
    ``v.rules.value = "stray-space"`` filter (``v.rules.value = ""``: every rule);
    ``v.view.value`` holds the HTML, ``v.shown`` the findings shown. ``rule``
    chooses a rule when the viewer is built.
    """

    def __init__(self, report, findings=None, *, rule: str = ALL_RULES):
        import ipywidgets as w  # heavy: loaded when a widget is built, not on import

        self.report = report
        self.findings = lint(report) if findings is None else list(findings)
        fam_counts = Counter(f.family for f in self.findings)
        sev_counts = Counter(f.severity for f in self.findings)
        self.families = w.SelectMultiple(
            options=[(f"{label}（{fam_counts[key]}）", key) for key, label in FAMILIES.items()],
            value=tuple(FAMILIES), rows=len(FAMILIES), description="类别")
        self.severities = w.SelectMultiple(
            options=[(f"{label}（{sev_counts[key]}）", key) for key, label in SEVERITY_LABELS.items()],
            value=tuple(SEVERITY_LABELS), rows=len(SEVERITY_LABELS), description="严重程度")
        choices = rule_choices(self.findings)
        if rule not in [key for _, key in choices]:
            raise ValueError(f"这份报告上没有规则“{rule}”的结果。")
        self.rules = w.Dropdown(options=choices, value=rule, description="规则",
                                layout=w.Layout(width="auto"))
        self.view = w.HTML()
        for control in (self.families, self.severities, self.rules):
            control.observe(self._update, names="value")
        self._update()
        self.widget = w.VBox([w.HBox([self.families, self.severities]), self.rules, self.view])

    def _update(self, change=None) -> None:
        rule = self.rules.value
        self.shown = filter_findings(self.findings, self.families.value, self.severities.value,
                                     [rule] if rule else None)
        self.view.value = findings_html(self.report, self.shown, rule=rule or None)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
