"""Charts: word- and sentence-length distributions, and a report among the corpus.

Plain functions return data, SVG or matplotlib figures (``baogao.plotting``,
the bundled Chinese font): ``word_lengths``, ``distribution_bins``,
``distribution_figure`` and ``measure_figure`` (for notebooks),
``distribution_svg`` and ``measure_svg`` (for the widget). ``Charts`` shows
them in an ``ipywidgets.Output`` whose ``outputs`` it sets directly, which
works the same with or without a front end (tests read ``charts.svg``,
``charts.bins`` and ``charts.table``). The widget draws SVG, not matplotlib:
importing matplotlib and rendering a figure cost about a second when the
widget opens and ~0.15 s per redraw, SVG ~1 ms. The measures of the kit's own
texts are shipped (``analysis.shipped_stats``), so on the specimen or a corpus
report building the widget measures nothing afresh.

matplotlib (with ``baogao.plotting``) is imported inside the functions, and
pandas comes from ``baogao.lazy``, so ``import baogao.widgets`` stays light.
"""
from __future__ import annotations

import bisect
import statistics

from baogao.analysis.lengths import sentence_lengths
from baogao.analysis.stats import STAT_LABELS
from baogao.analysis.words import body_words
from baogao.concordance.profile import measure_table, report_stats
from baogao.lazy import pandas as pd
from baogao.sources.shipped import corpus as load_corpus
from baogao.widgets.html import TEXT, esc

# Bar colours (no text is drawn on them): mid tones that stand out on a light and
# on a dark background alike; matplotlib takes them too, which CSS variables it cannot.
TARGET_COLOUR = "#C44E52"  # the report being studied, among the corpus's blue bars
CORPUS_COLOUR = "#4C72B0"


VIEWS = {"words": "词长分布", "sentences": "句长分布", "measure": "在语料中的位置"}


def word_lengths(report):
    """Length in characters of every body word: the words ``text_stats`` counts
    (jieba tokens of body paragraphs, punctuation out, digit runs joined)."""
    return pd.Series([len(w.word) for w in body_words(report)], name="chars", dtype="int64")


#: view → (title, x label, y label) of a distribution.
DISTRIBUTIONS = {"words": ("词长分布", "词长（字）", "词数"), "sentences": ("句长分布", "句长（字）", "句子数")}


def distribution_bins(report, which: str = "sentences") -> list[tuple[int, int, int]]:
    """(low, high, count) of each bar, low ≤ length < high: one bar per word length
    (``"words"``), bins of 5 characters for body sentences (``"sentences"``)."""
    if which == "words":
        values = word_lengths(report).tolist()
        edges = list(range(1, max(values, default=1) + 2))
    elif which == "sentences":
        values = sentence_lengths(report).tolist()
        edges = list(range(0, max(values, default=5) + 6, 5))
    else:
        raise ValueError(f"没有“{which}”这种分布：可选 words（词长）或 sentences（句长）。")
    counts = [0] * (len(edges) - 1)
    for v in values:
        counts[min(bisect.bisect_right(edges, v) - 1, len(counts) - 1)] += 1
    return [(edges[i], edges[i + 1], n) for i, n in enumerate(counts)]


def distribution_figure(report, which: str = "sentences"):
    """Histogram of word lengths (``"words"``, one bar per length) or of body
    sentence lengths (``"sentences"``, bins of 5 characters), for a notebook."""
    from baogao.plotting import plot_length_distribution  # imports matplotlib: only when drawing

    title, xlabel, ylabel = DISTRIBUTIONS[which] if which in DISTRIBUTIONS else (None, None, None)
    bins = distribution_bins(report, which)
    values = word_lengths(report).tolist() if which == "words" else sentence_lengths(report).tolist()
    if which == "words":
        edges = [k - 0.5 for k in range(1, len(bins) + 2)]  # centred on whole lengths
        fig = plot_length_distribution(values, title=title, xlabel=xlabel, ylabel=ylabel, bins=edges)
        fig.axes[0].set_xticks(range(1, len(bins) + 1))
        return fig
    edges = [low for low, _, _ in bins] + [bins[-1][1]]
    return plot_length_distribution(values, title=title, xlabel=xlabel, ylabel=ylabel, bins=edges)


def distribution_svg(report, which: str = "sentences", *, width: int = 560, height: int = 300) -> str:
    """``distribution_bins`` as SVG bars, drawn without matplotlib (the widget opens at
    once); each bar's tooltip gives its range and count; deterministic markup."""
    title, xlabel, ylabel = DISTRIBUTIONS[which] if which in DISTRIBUTIONS else ("", "", "")
    bins = distribution_bins(report, which)
    left, right, top_pad, bottom = 44, 12, 26, 40
    plot_w, plot_h = width - left - right, height - top_pad - bottom
    top = max((n for _, _, n in bins), default=0) or 1
    bar_w = plot_w / max(len(bins), 1)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" role="img" '
           f'aria-label="{esc(title)}" font-size="11" class="bg-distribution-chart" '
           f'style="color: {TEXT}" fill="currentColor">',
           f'<text x="{width // 2}" y="15" text-anchor="middle" font-size="13">{esc(title)}</text>',
           f'<line x1="{left}" y1="{top_pad + plot_h}" x2="{left + plot_w}" y2="{top_pad + plot_h}" '
           f'stroke="currentColor"/>',
           f'<text x="{left - 6}" y="{top_pad + 4}" text-anchor="end">{top}</text>',
           f'<text x="{left - 6}" y="{top_pad + plot_h}" text-anchor="end">0</text>',
           f'<text x="{left + plot_w // 2}" y="{height - 6}" text-anchor="middle">{esc(xlabel)}</text>',
           f'<text x="12" y="{top_pad + plot_h // 2}" text-anchor="middle" '
           f'transform="rotate(-90 12 {top_pad + plot_h // 2})">{esc(ylabel)}</text>']
    step = max(1, round(len(bins) / 10))  # about ten labels on the axis
    for i, (low, high, n) in enumerate(bins):
        x = left + i * bar_w
        h = round(plot_h * n / top, 1)
        what = f"{low} 字" if which == "words" else f"{low}—{high - 1} 字"
        out.append(f'<rect x="{x + 0.5:.1f}" y="{top_pad + plot_h - h:.1f}" width="{max(bar_w - 1, 0.5):.1f}" '
                   f'height="{h}" fill="{CORPUS_COLOUR}"><title>{what}：{n}</title></rect>')
        if i % step == 0:
            anchor_x = x + bar_w / 2 if which == "words" else x  # a length under its bar, a bin's start at its edge
            out.append(f'<text x="{anchor_x:.1f}" y="{top_pad + plot_h + 14}" text-anchor="middle">{low}</text>')
    out.append("</svg>")
    return "".join(out)


def measure_figure(table, measure: str):
    """Horizontal bars of ``measure_table``'s rows, the target report in red."""
    from baogao.plotting import plot_bar  # imports matplotlib: only when drawing

    fig = plot_bar(list(zip(table["report"], table["value"])), xlabel=STAT_LABELS.get(measure, measure),
                   title=f"{STAT_LABELS.get(measure, measure)}：本报告与 {len(table) - 1} 篇参考报告")
    for bar, target in zip(fig.axes[0].patches, table["is_target"]):
        bar.set_color(TARGET_COLOUR if target else CORPUS_COLOUR)
    return fig


def measure_caption(table, measure: str) -> str:
    """One sentence placing the report: its value, its rank, the corpus median."""
    target = table[table["is_target"]].iloc[0]
    rank = int(table.index[table["is_target"]][0]) + 1
    others = table.loc[~table["is_target"], "value"].tolist()
    median = statistics.median(others) if others else float("nan")
    return (f"本报告的{esc(STAT_LABELS.get(measure, measure))}为 <b>{target['value']:g}</b>，"
            f"在 {len(table)} 篇报告中从高到低排第 {rank} 位；参考报告的中位数为 {median:g}。")


def measure_svg(table, measure: str, *, width: int = 560) -> str:
    """``measure_table`` as horizontal SVG bars (the target report in red), fast enough
    to redraw on every choice; deterministic markup."""
    label_w, row_h, pad = 120, 22, 8
    bar_w = width - label_w - 60
    top = max(table["value"].max(), 0) or 1.0
    height = pad * 2 + row_h * len(table) + 20
    title = esc(f"{STAT_LABELS.get(measure, measure)}：本报告与 {len(table) - 1} 篇参考报告")
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'role="img" aria-label="{title}" font-size="12" class="bg-measure-chart" '
           f'style="color: {TEXT}" fill="currentColor">',  # text in the theme's colour
           f'<text x="{width // 2}" y="14" text-anchor="middle" font-size="13">{title}</text>']
    for i, row in enumerate(table.itertuples()):
        y = 20 + pad + i * row_h
        w = round(bar_w * max(row.value, 0) / top, 1)
        colour = TARGET_COLOUR if row.is_target else CORPUS_COLOUR
        out.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{esc(row.report)}</text>'
                   f'<rect x="{label_w}" y="{y + 3}" width="{w}" height="{row_h - 6}" fill="{colour}">'
                   f'<title>{esc(row.report)}：{row.value:g}</title></rect>'
                   f'<text x="{label_w + w + 4}" y="{y + 14}">{row.value:g}</text>')
    out.append("</svg>")
    return "".join(out)


class Charts:
    """A chart chooser (distribution or measure) above an Output with the chart.

    ``c.view.value = "measure"`` and ``c.measure.value = "readability"`` pick
    a chart; ``c.svg`` is the SVG shown (a distribution or the measure chart),
    ``c.bins`` a distribution's bars (``distribution_bins``), ``c.table`` the
    measure table, ``c.caption.value`` its sentence. The measures of the report
    and of the corpus are computed here, once; a distribution when first shown.
    """

    def __init__(self, report, corpus=None, *, view: str = "sentences",
                 measure: str = "mean_sentence_chars"):
        import ipywidgets as w  # heavy: loaded when a widget is built, not on import

        self.report = report
        self.corpus = load_corpus() if corpus is None else list(corpus)
        for r in [report, *self.corpus]:
            report_stats(r)
        self._drawn: dict = {}  # view → (bins, SVG), drawn when the view is first shown
        self.view = w.ToggleButtons(options=[(label, key) for key, label in VIEWS.items()], value=view,
                                    description="图表")
        self.measure = w.Dropdown(options=[(label, key) for key, label in STAT_LABELS.items()], value=measure,
                                  description="指标", disabled=view != "measure")
        self.caption = w.HTML()
        self.out = w.Output()
        self.svg = self.bins = self.table = None
        self.view.observe(self._update, names="value")
        self.measure.observe(self._update, names="value")
        self._update()
        self.widget = w.VBox([self.view, self.measure, self.caption, self.out])

    def _update(self, change=None) -> None:
        view, measure = self.view.value, self.measure.value
        self.measure.disabled = view != "measure"
        if view == "measure":
            self.table = measure_table(self.report, self.corpus, measure)
            self.caption.value = measure_caption(self.table, measure)
            self.bins, self.svg = None, measure_svg(self.table, measure)
            label = STAT_LABELS.get(measure, measure)
        else:
            self.table = None
            if view not in self._drawn:
                self._drawn[view] = (distribution_bins(self.report, view), distribution_svg(self.report, view))
            self.bins, self.svg = self._drawn[view]
            n = sum(count for _, _, count in self.bins)
            what = "词" if view == "words" else "句子"
            self.caption.value = f"本报告正文共 {n} 个{what}。"
            label = DISTRIBUTIONS[view][0]
        data = {"text/html": self.svg, "text/plain": f"<图：{label}>"}
        self.out.outputs = ({"output_type": "display_data", "data": data, "metadata": {}},)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
