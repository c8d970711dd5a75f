"""Chinese text in matplotlib plots, and the kit's small plotting helpers.

Importing this module registers the bundled font "Baogao Sans SC" (a subset
of Noto Sans CJK SC, see ``data/fonts/README.md``) and makes matplotlib fall
back to it glyph by glyph: Latin, digits and symbols come from DejaVu Sans,
Chinese from the bundled font. Without it matplotlib draws Chinese as empty
boxes and warns "Glyph … missing from font(s)".

The helpers build figures with the object-oriented API (``Figure``, not
pyplot), so nothing accumulates in pyplot's figure list. They return the
``Figure``: in a notebook make the call the cell's last expression, or pass
the figure to ``display()``. A trailing ``;`` hides it, and ``plt.show()``
does not know figures that pyplot did not create.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path

import matplotlib
from matplotlib import font_manager
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from baogao.errors import UsageError

FONT_FAMILY = "Baogao Sans SC"
FONT_FILE = "BaogaoSansSC-Regular.otf"
# An explicit list gives per-glyph fallback (matplotlib ≥ 3.6): DejaVu Sans
# first keeps matplotlib's usual Latin look; the CJK font fills in the rest.
FONT_FALLBACK = ["DejaVu Sans", FONT_FAMILY]


def font_path() -> Path:
    """Filesystem path of the bundled font file."""
    return Path(str(resources.files("baogao").joinpath("data", "fonts", FONT_FILE)))


def use_chinese_font() -> None:
    """Register the bundled font and make it matplotlib's fallback for Chinese.

    Idempotent: the font is added to the font manager once; the rcParams are
    (re)set on every call, so calling it again repairs settings that a style
    sheet or ``rcdefaults()`` has reset.
    """
    path = str(font_path())
    if not any(entry.fname == path for entry in font_manager.fontManager.ttflist):
        font_manager.fontManager.addfont(path)
    matplotlib.rcParams["font.family"] = list(FONT_FALLBACK)
    # The minus sign U+2212 is missing from many CJK fonts; a hyphen is always there.
    matplotlib.rcParams["axes.unicode_minus"] = False


use_chinese_font()


def _figure(width: float, height: float) -> tuple[Figure, object]:
    fig = Figure(figsize=(width, height), layout="constrained")
    return fig, fig.subplots()


def plot_length_distribution(values: Iterable[float], *, title: str = "句子长度分布",
                             xlabel: str = "句长（字）", ylabel: str = "句子数",
                             bins="auto") -> Figure:
    """Histogram of lengths (sentence lengths in characters, by default labels)."""
    data = [float(v) for v in values]
    fig, ax = _figure(6.4, 3.6)
    if data:
        ax.hist(data, bins=bins, color="#4C72B0", edgecolor="white")
    else:
        ax.text(0.5, 0.5, "没有数据", ha="center", va="center", transform=ax.transAxes)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # counts: no 2.5 sentences
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    return fig


def _positions_by_label(data) -> dict[str, list[float]]:
    # Also takes concordance.dispersion()'s frame (columns report, positions).
    columns = getattr(data, "columns", None)
    if columns is not None and {"report", "positions"} <= set(columns):
        data = dict(zip(data["report"], data["positions"]))
    if not isinstance(data, Mapping):
        raise UsageError("分布图需要“标签 → 位置列表”的映射。")
    rows = {}
    for label, positions in data.items():
        values = [float(p) for p in positions]
        if any(not 0.0 <= p <= 1.0 for p in values):
            raise UsageError(f"“{label}”的位置必须在 0 到 1 之间（0 = 开头，1 = 结尾）。")
        rows[str(label)] = values
    return rows


def plot_dispersion(positions_by_label, *, title: str = "出现位置分布",
                    xlabel: str = "在全文中的相对位置（0 = 开头，1 = 结尾）") -> Figure:
    """A dispersion strip ("concordance plot"): one row per label, a tick per hit.

    *positions_by_label* maps a label (a report, a word) to relative positions
    in 0..1; rows are drawn top to bottom in the mapping's order, and each
    label shows its number of hits.
    """
    rows = _positions_by_label(positions_by_label)
    fig, ax = _figure(8.0, 0.4 * max(len(rows), 2) + 1.0)
    for i, positions in enumerate(rows.values()):
        if positions:
            ax.vlines(positions, i - 0.4, i + 0.4, linewidth=0.8, color="black")
    ax.set_yticks(range(len(rows)), [f"{label}（{len(p)}）" for label, p in rows.items()])
    ax.set_ylim(len(rows) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    return fig


def plot_bar(series, *, title: str = "", xlabel: str = "次数") -> Figure:
    """Horizontal bars, first item on top, value written at the end of each bar.

    *series*: a pandas Series, a mapping label → value, or (label, value) pairs.
    """
    items = series.items() if hasattr(series, "items") else series
    pairs = [(str(label), float(value)) for label, value in items]
    fig, ax = _figure(6.4, 0.35 * max(len(pairs), 2) + 1.2)
    labels = [label for label, _ in pairs]
    values = [value for _, value in pairs]
    bars = ax.barh(range(len(pairs)), values, color="#4C72B0")
    ax.set_yticks(range(len(pairs)), labels)
    ax.invert_yaxis()
    ax.bar_label(bars, fmt="%g", padding=2)
    ax.set_xlabel(xlabel)
    if title:
        ax.set_title(title)
    return fig
