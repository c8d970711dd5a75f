"""Highlighter: a report (or one section) with colour-coded layers and a legend.

Layers (``LAYERS``): headings, lead sentences, formulations, four-character
phrases, quantities, lint findings. ``layer_marks(report, layer)`` finds a
layer's marks (offsets into ``report.text``, each with a Chinese ``title``
that hovering shows); ``highlight_html(report, layers)`` renders them;
``Highlighter`` wires one toggle button per layer and a section selector to it.

Overlapping marks are resolved deterministically. The paragraph text is cut at
every mark boundary; each piece carries the classes of *all* the marks that
cover it, listed in ``PRECEDENCE`` order (quantities > formulations >
four_char > lint > leads > headings: word-level layers before the
sentence-level ones, so that a quantity inside a lead sentence or inside a
sentence the linter calls too long keeps its own colour). The piece's
background is that of the first layer (the CSS rules are declared in reverse
precedence, so the later, higher rule wins); lint findings also draw a red
wavy underline and headings are bold, which show whatever the background.
The ``title`` lists every covering mark's explanation in the same order, one
per line. Nothing is ever dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from baogao.analysis.measures import analyze
from baogao.analysis.phrases import (
    four_char_occurrences,
    numeric_occurrences,
    quoted_occurrences,
)
from baogao.lint import lint
from baogao.lint.format import labels_text, suggestion_text
from baogao.text.markers import STYLE_NAMES
from baogao.widgets.html import INK, MUTED, STRONG_BORDER, STYLE, TEXT, esc, ink, tint
from baogao.widgets.outline import section_choices

#: layer -> (label, background, what the legend says); the background is a theme
#: tint (``html.tint``): pale in JupyterLab's light theme, deep in the dark one.
LAYERS: dict[str, tuple[str, str, str]] = {
    "headings": ("标题", tint("brand", 25), "各级标题（段中标题只标出标题句）"),
    "leads": ("主旨句", tint("yellow", 45), "段落开头点明要点的短句"),
    "formulations": ("提法", tint("purple", 45), "数字式提法（四个意识）和引号标出的提法"),
    "four_char": ("四字格", tint("success", 30), "成语、固定短语、叠词和四字句"),
    "quantities": ("数据", tint("warn", 35), "带单位的数量、金额、百分比等"),
    "lint": ("问题", tint("error", 30), "校对规则发现的问题（波浪线）"),
}
#: Highest precedence first: its colour shows where marks overlap.
PRECEDENCE = ("quantities", "formulations", "four_char", "lint", "leads", "headings")

FOUR_CHAR_TYPES = {"idiom": "成语或四字词", "set_phrase": "固定短语", "reduplication": "叠词",
                   "four_char_clause": "四字句"}
QUANTITY_KINDS = {"count": "数量", "money": "金额", "percent": "百分比", "points": "百分点",
                  "fraction": "分数", "multiple": "倍数", "measure": "度量", "duration": "时长",
                  "range": "范围"}

HIGHLIGHT_STYLE = "<style>\n" + "\n".join(
    # Reverse precedence: with equal specificity the rule declared last wins.
    f".hl-{name} {{background: {LAYERS[name][1]}; color: {INK};}}" for name in reversed(PRECEDENCE)
) + f"""
.hl {{border-radius: 2px; cursor: help;}}
.hl-headings {{font-weight: bold;}}
.hl-lint {{text-decoration: underline wavy {ink("error")}; text-decoration-skip-ink: none;}}
.hl-legend {{margin: 0 0 0.6em 0; font-size: 13px;}}
.hl-key {{display: inline-block; margin-right: 0.9em; white-space: nowrap; color: {INK};}}
.hl-key.off {{color: {TEXT}; color: {MUTED};}}  /* greyed, still readable */
.hl-swatch {{display: inline-block; width: 1.2em; height: 0.9em; vertical-align: middle; margin-right: 0.2em;
            border: 1px solid {STRONG_BORDER};}}
</style>
"""


@dataclass(frozen=True, order=True)
class Mark:
    start: int  # offset into report.text
    end: int
    layer: str
    title: str


def _heading_marks(report) -> list[Mark]:
    out = []
    for h in report.outline().headings:
        p = report.paragraph_at(h.line)
        if p is None:
            continue
        head = h.marker + h.title
        at = p.text.find(head)
        if at < 0:  # zero-width characters inside the heading: mark the paragraph
            a, b = 0, len(p.text)
        else:
            a, b = at, at + len(head)
            if b < len(p.text) and p.text[b] in "。！？；：，.!?;:,":
                b += 1  # the heading sentence's own closing mark
            if not h.run_in:
                b = len(p.text)
        kind = f"标题：第 {h.level} 级，{STYLE_NAMES.get(h.style, h.style)}编号" + ("，段中标题" if h.run_in else "")
        out.append(Mark(p.start + a, p.start + b, "headings", kind))
    return out


def _lead_marks(report) -> list[Mark]:
    leads = analyze(report).leads
    return [Mark(int(r.start), int(r.end), "leads", f"主旨句（{int(r.chars)} 字）：段落的第一句，只有一个分句，点明全段要点")
            for r in leads.itertuples()]


def _formulation_marks(report) -> list[Mark]:
    # The occurrence finders of analysis.phrases give exact offsets (its tables give lines only).
    out = []
    for text, kind, a, b, _line in numeric_occurrences(report):
        what = "数字式提法" if kind == "numbered" else "并列式数字提法"
        out.append(Mark(a, b, "formulations", f"{what}：{text}"))
    for inner, a, b, _line in quoted_occurrences(report):
        out.append(Mark(a, b, "formulations", f"引号标出的提法：“{inner}”"))
    return out


def _four_char_marks(report) -> list[Mark]:
    return [Mark(a, b, "four_char", f"四字格（{FOUR_CHAR_TYPES.get(kind, kind)}）：{phrase}")
            for phrase, kind, a, b, _line in four_char_occurrences(report)]


def _quantity_marks(report) -> list[Mark]:
    out = []
    for q in analyze(report).quantities.itertuples():
        value = f"{q.value:g}" if q.value == q.value else ""
        if q.value_high == q.value_high:  # not NaN: a range
            value += f"–{q.value_high:g}"
        detail = "，".join(x for x in (QUANTITY_KINDS.get(q.kind, q.kind),
                                       f"数值 {value}{q.unit}" if value else "",
                                       f"限定“{q.qualifier}”" if q.qualifier else "") if x)
        out.append(Mark(int(q.start), int(q.end), "quantities", f"数据：{q.raw}（{detail}）"))
    return out


def finding_title(f) -> str:
    """A finding explained in one tooltip: message, suggestion, family, severity, rule."""
    lines = [f.message]
    suggestion = suggestion_text(f)
    if suggestion is not None:
        lines.append(suggestion)
    lines.append(f"（{labels_text(f)}）")
    return "\n".join(lines)


def _lint_marks(report, findings=None) -> list[Mark]:
    """One mark per finding, over its span in ``report.text`` (``highlight_html``
    shows the part inside the paragraph where it starts)."""
    if findings is None:
        findings = lint(report)
    return [Mark(f.start, f.end, "lint", finding_title(f)) for f in findings]


_FINDERS = {"headings": _heading_marks, "leads": _lead_marks, "formulations": _formulation_marks,
            "four_char": _four_char_marks, "quantities": _quantity_marks, "lint": _lint_marks}


def layer_marks(report, layer: str) -> list[Mark]:
    """The marks of one layer, sorted by offset."""
    if layer not in _FINDERS:
        raise ValueError(f"没有名为“{layer}”的图层：可选 {'、'.join(LAYERS)}。")
    return sorted(_FINDERS[layer](report))


def layered_html(text: str, marks: list[tuple[int, int, str, str]]) -> str:
    """Escape ``text`` and mark (start, end, layer, title) spans relative to it.

    The text is cut at every boundary; each piece covered by marks becomes one
    ``<span class="hl hl-<layer>…" title="…">`` listing the covering layers and
    titles in ``PRECEDENCE`` order (see the module docstring).
    """
    spans = [(max(a, 0), min(b, len(text)), layer, title) for a, b, layer, title in marks]
    spans = [s for s in spans if s[0] < s[1]]
    if not spans:
        return esc(text)
    rank = {name: i for i, name in enumerate(PRECEDENCE)}
    cuts = sorted({0, len(text)} | {s[0] for s in spans} | {s[1] for s in spans})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        cover = sorted((rank[s[2]], s[0], s[1], s[3], s[2]) for s in spans if s[0] <= a and b <= s[1])
        piece = esc(text[a:b])
        if not cover:
            out.append(piece)
            continue
        layers = list(dict.fromkeys(c[4] for c in cover))
        titles = list(dict.fromkeys(c[3] for c in cover))
        classes = " ".join(["hl"] + [f"hl-{name}" for name in layers])
        out.append(f'<span class="{classes}" title="{esc(chr(10).join(titles))}">{piece}</span>')
    return "".join(out)


def legend_html(layers, counts: dict[str, int] | None = None) -> str:
    """The colour key: every layer, the active ones in colour with their counts."""
    active = set(layers)
    keys = []
    for name in LAYERS:
        label, colour, what = LAYERS[name]
        n = f"（{counts[name]}）" if counts and name in counts and name in active else ""
        keys.append(f'<span class="hl-key{"" if name in active else " off"}" title="{esc(what)}">'
                    f'<span class="hl-swatch" style="background:{colour}"></span>{esc(label)}{n}</span>')
    return f'<div class="hl-legend">{"".join(keys)}</div>'


def highlight_html(report, layers, *, line_range: tuple[int, int] | None = None,
                   marks: dict[str, list[Mark]] | None = None) -> str:
    """The report's paragraphs (those whose line is in ``line_range``, inclusive;
    all by default) with the marks of ``layers``, a legend on top.

    ``marks`` (layer -> marks) reuses marks found before (the widget caches
    them); missing layers are computed here.
    """
    wanted = {layers} if isinstance(layers, str) else set(layers)
    unknown = wanted - set(LAYERS)
    if unknown:
        raise ValueError(f"没有名为“{'、'.join(sorted(unknown))}”的图层：可选 {'、'.join(LAYERS)}。")
    layers = [name for name in PRECEDENCE if name in wanted]
    first, last = line_range or (1, len(report.lines))
    paras = [p for p in report.paragraphs if first <= p.line <= last]
    chosen: list[Mark] = []
    for name in layers:
        found = marks[name] if marks is not None and name in marks else layer_marks(report, name)
        chosen.extend(found)
    chosen.sort()
    # Bucket marks by paragraph; a mark outside a paragraph's text (an indent)
    # is moved onto its nearest character so that it stays visible.
    by_para: dict[int, list[tuple[int, int, str, str]]] = {p.index: [] for p in paras}
    counts = {name: 0 for name in layers}
    line_para = {p.line: p for p in paras}
    for m in chosen:
        line = report.line_of(m.start)
        p = line_para.get(line)
        if p is None:
            continue
        a, b = m.start - p.start, m.end - p.start
        if b <= 0:
            a, b = 0, 1
        elif a >= len(p.text):
            a, b = len(p.text) - 1, len(p.text)
        by_para[p.index].append((a, b, m.layer, m.title))
        counts[m.layer] += 1
    parts = [STYLE, HIGHLIGHT_STYLE, '<div class="bg-box">', legend_html(layers, counts)]
    if not paras:
        parts.append('<div class="bg-meta">这一范围内没有文字。</div>')
    for p in paras:
        parts.append(f'<p class="bg-para"><span class="bg-lineno">{p.line}</span>'
                     f'{layered_html(p.text, by_para[p.index])}</p>')
    parts.append('<div class="bg-meta">把鼠标停在标记上可以看到说明；几种标记重叠时，颜色按“数据 › 提法 › 四字格 › 问题 › '
                 '主旨句 › 标题”的顺序显示（问题另有红色波浪线），说明全部列出。</div></div>')
    return "".join(parts)


class Highlighter:
    """One toggle button per layer and a section selector above the marked text.

    ``h.toggles["lint"].value = False`` hides a layer; ``h.section.value`` is
    0 (the whole report) or a section's first line; ``h.view.value``
    holds the resulting HTML. Every layer's marks are found once, here.
    """

    def __init__(self, report, layers=("headings", "leads", "quantities")):
        import ipywidgets as w  # heavy: loaded when a widget is built, not on import

        self.report = report
        self.marks = {name: layer_marks(report, name) for name in LAYERS if name != "lint"}
        self.marks["lint"] = sorted(_lint_marks(report, lint(report)))
        self._ranges = {s.line: (s.line, s.end_line) for s in report.outline().sections()}
        self.toggles = {}
        for name in LAYERS:
            label, colour, what = LAYERS[name]
            t = w.ToggleButton(value=name in layers, description=f"{label}（{len(self.marks[name])}）",
                               tooltip=what, layout=w.Layout(width="auto"))
            t.observe(self._update, names="value")
            self.toggles[name] = t
        self.section = w.Dropdown(options=[("全文", 0)] + section_choices(report), value=0,
                                  description="范围", layout=w.Layout(width="60%"))
        self.section.observe(self._update, names="value")
        self.view = w.HTML()
        self._update()
        self.widget = w.VBox([w.HBox(list(self.toggles.values())), self.section, self.view])

    @property
    def layers(self) -> list[str]:
        return [name for name in PRECEDENCE if self.toggles[name].value]

    def _update(self, change=None) -> None:
        line = self.section.value
        rng = None if not line else self._ranges.get(line, (line, line))
        self.view.value = highlight_html(self.report, self.layers, line_range=rng, marks=self.marks)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
