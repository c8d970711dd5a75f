"""Concordance widget: query, window, sort, scope, hit count and a dispersion strip.

``kwic_html(frame)`` renders ``baogao.concordance.kwic``'s frame as an
aligned table; ``dispersion_svg(...)`` draws where the hits fall as an inline
SVG strip (pure markup: it updates as fast as the table and is the same text
on every run); ``Concordance`` wires the controls to both.
"""

from __future__ import annotations

from collections.abc import Mapping

from baogao.concordance.index import as_reports, report_names
from baogao.concordance.kwic import kwic
from baogao.errors import BaogaoError
from baogao.sources.shipped import corpus
from baogao.widgets.html import (
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

MAX_ROWS = 300  # rows shown; the hit count and the strip always cover every hit
TICK = ink("error")  # a hit in the dispersion strip
SORTS = {"none": None, "left": "left", "right": "right"}

KWIC_STYLE = f"""
<style>
.kw-table {{border-collapse: collapse; font-size: 14px;}}
.kw-table td {{padding: 1px 4px; white-space: nowrap;}}
.kw-left {{text-align: right; color: {TEXT};}}
.kw-match {{font-weight: bold; color: {INK}; background: {tint("yellow", 45)}; text-align: center;}}
.kw-where {{color: {TEXT}; color: {MUTED}; font-size: 12px;}}
</style>
"""


def kwic_html(frame, *, limit: int = MAX_ROWS, show_report: bool | None = None) -> str:
    """The concordance as an HTML table: where, left context, match, right context.

    ``show_report``: add the report's name to each row (default: when the
    frame holds more than one report). At most ``limit`` rows are shown; a
    note says how many more there are.
    """
    if frame.empty:
        return '<div class="bg-box bg-meta">没有找到。</div>'
    if show_report is None:
        show_report = frame["report"].nunique() > 1
    rows = []
    for r in frame.head(limit).itertuples(index=False):
        where = f"{esc(str(r.report))} " if show_report else ""
        rows.append(f'<tr><td class="kw-where">{where}{int(r.line)}:{int(r.column)}</td>'
                    f'<td class="kw-left">{esc(r.left)}</td><td class="kw-match">{esc(r.match)}</td>'
                    f'<td>{esc(r.right)}</td></tr>')
    more = len(frame) - limit
    note = f'<div class="bg-meta">另有 {more} 处未显示（只显示前 {limit} 处）。</div>' if more > 0 else ""
    return (f'{STYLE}{KWIC_STYLE}<div class="bg-box"><table class="kw-table">{"".join(rows)}</table>'
            f'{note}</div>')


def _rows(data) -> list[tuple[str, list[float]]]:
    columns = getattr(data, "columns", None)
    if columns is not None and {"report", "positions"} <= set(columns):
        return [(str(name), [float(x) for x in pos]) for name, pos in zip(data["report"], data["positions"])]
    if isinstance(data, Mapping):
        return [(str(name), [float(x) for x in pos]) for name, pos in data.items()]
    return [("", [float(x) for x in data])]


def dispersion_svg(frame_or_positions, *, width: int = 560, label_width: int = 190, row: int = 16) -> str:
    """A dispersion strip as inline SVG: one row per report, one tick per hit.

    Takes ``baogao.concordance.kwic.dispersion``'s frame (columns report,
    positions), a mapping label -> relative positions (0 = start, 1 = end),
    or one sequence of positions (one unlabelled row). Ticks are placed to a
    tenth of a pixel, so the same hits always give the same markup.
    """
    rows = _rows(frame_or_positions)
    for name, pos in rows:
        if any(not 0.0 <= p <= 1.0 for p in pos):
            raise ValueError(f"“{name}”的位置必须在 0 到 1 之间（0 = 开头，1 = 结尾）。")
    strip = width - label_width - 10
    height = row * len(rows) + 18
    # Theme colours go in style attributes (presentation attributes take no var());
    # text is currentColor, the theme's text colour set on the <svg>.
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'class="kw-dispersion" font-size="12" style="color: {TEXT}">']
    for i, (name, pos) in enumerate(rows):
        y = i * row
        out.append(f'<text x="{label_width - 6}" y="{y + row - 4}" text-anchor="end" fill="currentColor">'
                   f'{esc(name)}（{len(pos)}）</text>')
        out.append(f'<rect x="{label_width}" y="{y + 2}" width="{strip}" height="{row - 4}" '
                   f'style="fill: {PANEL}; stroke: {STRONG_BORDER}"/>')
        out.append(f'<g stroke="currentColor" style="stroke: {TICK}">')  # one colour for the row's ticks
        for p in pos:
            x = round(label_width + p * strip, 1)
            out.append(f'<line x1="{x}" y1="{y + 2}" x2="{x}" y2="{y + row - 2}"/>')
        out.append("</g>")
    y = len(rows) * row + 13
    ends = f'fill="currentColor" style="fill: {MUTED}"'  # the attribute where color-mix() is unknown
    out.append(f'<text x="{label_width}" y="{y}" {ends}>开头</text>'
               f'<text x="{label_width + strip}" y="{y}" {ends} text-anchor="end">结尾</text></svg>')
    return "".join(out)


def hit_positions(frame, reports) -> dict[str, list[float]]:
    """Relative positions (start / text length) of a kwic frame's hits, per report.

    Every report gets a row, also those without a hit, in the given order.
    """
    rs = as_reports(reports)
    names = report_names(rs)
    length = {name: max(len(r.text), 1) for name, r in zip(names, rs)}
    out: dict[str, list[float]] = {name: [] for name in names}
    for name, start in zip(frame["report"], frame["start"]):
        out[name].append(int(start) / length[name])
    for pos in out.values():
        pos.sort()
    return out


def _short_name(name: str) -> str:
    # 2021_state-council_gwr -> 2021 国务院; specimen stays as it is.
    year, _, rest = name.partition("_")
    issuer = {"state-council": "国务院", "hailar-district": "海拉尔区"}
    if year.isdigit() and rest:
        return f"{year} {issuer.get(rest.split('_')[0], rest)}"
    return name


class Concordance:
    """Query box, window slider, sort and scope above a KWIC table and a strip.

    Drive it headlessly: ``c.query.value = "青年"``, ``c.scope.value =
    "corpus"``, ``c.sort.value = "left"``; read ``c.count.value``,
    ``c.table.value`` and ``c.strip.value``.
    """

    def __init__(self, report, corpus=None, *, query: str = "", window: int = 12):
        import ipywidgets as w  # heavy: loaded when a widget is built, not on import

        self.report = report
        self._corpus = corpus
        self.query = w.Text(value=query, placeholder="字、词、短语或正则表达式，回车检索", description="检索",
                            continuous_update=False)
        self.regex = w.Checkbox(value=False, description="正则表达式", indent=False)
        self.whole_words = w.Checkbox(value=False, description="整词匹配", indent=False)
        self.window = w.IntSlider(value=window, min=2, max=40, description="语境字数", continuous_update=False)
        self.sort = w.ToggleButtons(options=[("原文顺序", "none"), ("按左侧排序", "left"), ("按右侧排序", "right")],
                                    value="none", description="排序")
        self.scope = w.ToggleButtons(options=[("本报告", "report"), ("参考语料（17 篇）", "corpus")],
                                     value="report", description="范围")
        self.frame = None  # the last kwic frame
        self.count = w.HTML()
        self.strip = w.HTML()
        self.table = w.HTML()
        for control in (self.query, self.regex, self.whole_words, self.window, self.sort, self.scope):
            control.observe(self._update, names="value")
        self._update()
        self.widget = w.VBox([w.HBox([self.query, self.regex, self.whole_words]), self.window,
                              self.sort, self.scope, self.count, self.strip, self.table])

    @property
    def corpus(self) -> list:
        if self._corpus is None:
            self._corpus = corpus()
        return self._corpus

    def reports(self) -> list:
        return [self.report] if self.scope.value == "report" else list(self.corpus)

    def _update(self, change=None) -> None:
        q = self.query.value.strip()
        if not q:
            self.count.value = '<span class="bg-meta">请输入要检索的字、词或短语。</span>'
            self.strip.value = self.table.value = ""
            return
        reports = self.reports()
        try:
            frame = kwic(reports, q, regex=self.regex.value, window=self.window.value,
                         sort=SORTS[self.sort.value], whole_words=self.whole_words.value)
        except BaogaoError as e:
            self.count.value = f'<span class="bg-issue">{esc(e.message)}</span>'
            self.strip.value = self.table.value = ""
            return
        self.frame = frame
        where = "本报告" if self.scope.value == "report" else f" {len(reports)} 篇参考报告"
        in_reports = frame["report"].nunique()
        extra = f"，分布在 {in_reports} 篇报告中" if self.scope.value == "corpus" and len(frame) else ""
        self.count.value = f"<b>“{esc(q)}”在{where}中共出现 {len(frame)} 次{extra}。</b>"
        positions = hit_positions(frame, reports)
        if self.scope.value == "corpus":
            positions = {_short_name(name): pos for name, pos in positions.items()}
        self.strip.value = dispersion_svg(positions)
        self.table.value = kwic_html(frame)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
