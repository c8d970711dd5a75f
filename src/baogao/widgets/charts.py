"""Charts: word- and sentence-length distributions, and a report among the corpus.

Plain functions return data or matplotlib figures (``baogao.plotting``, the
bundled Chinese font): ``word_lengths``, ``distribution_figure``,
``measure_table``, ``measure_figure`` (for notebooks) and ``measure_svg``
(for the widget). ``Charts`` shows them in an ``ipywidgets.Output`` whose
``outputs`` it sets directly, which works the same with or without a front
end (tests read ``charts.figure``, ``charts.svg`` and ``charts.table``).
Rendering a matplotlib figure takes ~0.15 s, too slow for a callback: each
distribution is drawn once, when its view is first shown, and the measure chart,
which changes with every choice, is drawn as SVG (~1 ms). The measures of the
kit's own texts are shipped (``analysis.shipped_stats``), so on the specimen or a
corpus report building the widget measures nothing afresh.

matplotlib (with ``baogao.plotting``) is imported inside the functions, and
pandas comes from ``baogao.lazy``, so ``import baogao.widgets`` stays light.
"""
from __future__ import annotations

import base64
import io
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


def distribution_figure(report, which: str = "sentences"):
    """Histogram of word lengths (``"words"``, one bar per length) or of body
    sentence lengths (``"sentences"``, bins of 5 characters)."""
    from baogao.plotting import plot_length_distribution  # imports matplotlib: only when drawing

    if which == "words":
        values = word_lengths(report).tolist()
        top = max(values, default=1)
        bins = [k - 0.5 for k in range(1, top + 2)]  # centred on whole lengths
        fig = plot_length_distribution(values, title="词长分布", xlabel="词长（字）", ylabel="词数", bins=bins)
        fig.axes[0].set_xticks(range(1, top + 1))
        return fig
    if which == "sentences":
        values = sentence_lengths(report).tolist()
        top = max(values, default=5)
        bins = list(range(0, top + 6, 5))
        return plot_length_distribution(values, title="句长分布", xlabel="句长（字）", ylabel="句子数", bins=bins)
    raise ValueError(f"没有“{which}”这种分布：可选 words（词长）或 sentences（句长）。")


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


def figure_png(fig) -> str:
    """The figure as base64 PNG text (the form an Output's ``image/png`` takes)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # heavy: only when drawing

    buf = io.BytesIO()
    FigureCanvasAgg(fig).print_png(buf)
    return base64.b64encode(buf.getvalue()).decode("ascii")


class Charts:
    """A chart chooser (distribution or measure) above an Output with the chart.

    ``c.view.value = "measure"`` and ``c.measure.value = "readability"`` pick
    a chart; ``c.figure`` is the matplotlib Figure shown for a distribution,
    ``c.svg`` the SVG of the measure chart, ``c.table`` the measure table,
    ``c.caption.value`` its sentence. The measures of the report and of the
    corpus are computed here, once; a distribution figure when its view is first shown.
    """

    def __init__(self, report, corpus=None, *, view: str = "sentences",
                 measure: str = "mean_sentence_chars"):
        import ipywidgets as w  # heavy: loaded when a widget is built, not on import

        self.report = report
        self.corpus = load_corpus() if corpus is None else list(corpus)
        for r in [report, *self.corpus]:
            report_stats(r)
        self._png: dict = {}  # view → (figure, PNG), drawn when the view is first shown
        self.view = w.ToggleButtons(options=[(label, key) for key, label in VIEWS.items()], value=view,
                                    description="图表")
        self.measure = w.Dropdown(options=[(label, key) for key, label in STAT_LABELS.items()], value=measure,
                                  description="指标", disabled=view != "measure")
        self.caption = w.HTML()
        self.out = w.Output()
        self.figure = self.svg = self.table = None
        self.view.observe(self._update, names="value")
        self.measure.observe(self._update, names="value")
        self._update()
        self.widget = w.VBox([self.view, self.measure, self.caption, self.out])

    def _draw(self, which: str):
        fig = distribution_figure(self.report, which)
        return fig, figure_png(fig)

    def _update(self, change=None) -> None:
        view, measure = self.view.value, self.measure.value
        self.measure.disabled = view != "measure"
        if view == "measure":
            self.table = measure_table(self.report, self.corpus, measure)
            self.caption.value = measure_caption(self.table, measure)
            self.figure, self.svg = None, measure_svg(self.table, measure)
            data = {"text/html": self.svg, "text/plain": f"<图：{STAT_LABELS.get(measure, measure)}>"}
        else:
            self.table = self.svg = None
            n = len(word_lengths(self.report)) if view == "words" else int(report_stats(self.report)["sentences"])
            what = "词" if view == "words" else "句子"
            self.caption.value = f"本报告正文共 {n} 个{what}。"
            if view not in self._png:
                self._png[view] = self._draw(view)
            self.figure, png = self._png[view]
            data = {"image/png": png, "text/plain": f"<图：{self.figure.axes[0].get_title()}>"}
        self.out.outputs = ({"output_type": "display_data", "data": data, "metadata": {}},)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
