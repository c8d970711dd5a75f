"""Chinese in plots: the bundled font covers every character the kit ships, and the helpers."""

from __future__ import annotations

import unicodedata
import warnings
from pathlib import Path

import matplotlib
import numpy as np
import pandas as pd
import pytest
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.ft2font import FT2Font
from matplotlib.patches import Rectangle

from baogao import plotting
from baogao.errors import UsageError
from baogao.text.charsets import gb2312_characters

PACKAGE = Path(plotting.__file__).resolve().parent
DATA = PACKAGE / "data"
GBT15834 = "，。、；：？！“”‘’（）《》〈〉【】「」『』—…·～〇\u3000①②③④⑤⑥⑦⑧⑨⑩℃‰×÷±≤≥→"
OUTSIDE_SUBSET = "\U00020000"  # 𠀀, CJK Extension B: in neither DejaVu Sans nor the subset


def drawable(chars) -> str:
    """Characters that have a glyph: no controls, invisible format characters or variation selectors."""
    return "".join(sorted(c for c in set(chars)
                          if unicodedata.category(c) not in ("Cc", "Cf", "Zl", "Zp")
                          and not 0xFE00 <= ord(c) <= 0xFE0F))


def shipped_characters() -> str:
    """Every character of the shipped texts and lexicons (package data)."""
    files = [p for ext in ("txt", "md", "csv", "json") for p in DATA.rglob(f"*.{ext}")
             if p.parent.name != "fonts"]
    return drawable("".join(p.read_text(encoding="utf-8") for p in files))


def module_text_characters() -> str:
    """Letters, digits, punctuation and spaces of the package's modules (labels, messages).

    Symbols (category S: emoji and check marks in exercise feedback, shown by
    the browser) are left out: no plotting font of the kit has them.
    """
    text = "".join(p.read_text(encoding="utf-8") for p in PACKAGE.rglob("*.py"))
    return drawable(c for c in text if unicodedata.category(c)[0] in "LNPZ")


def missing_glyph_warnings(text: str, *, per_line: int = 50, lines_per_text: int = 25,
                           family=None) -> list[str]:
    """Draw *text* on an Agg canvas, in several text objects; return matplotlib's glyph warnings."""
    fig = Figure(figsize=(12, 12))
    FigureCanvasAgg(fig)
    lines = [text[i:i + per_line] for i in range(0, len(text), per_line)]
    chunks = ["\n".join(lines[i:i + lines_per_text]) for i in range(0, len(lines), lines_per_text)]
    for n, chunk in enumerate(chunks):
        fig.text(0.01, 1 - (n + 1) / (len(chunks) + 1), chunk, fontsize=4, family=family)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.canvas.draw()
    return [str(w.message) for w in caught if "missing from font" in str(w.message)]


def render(text: str, family) -> np.ndarray:
    fig = Figure(figsize=(1, 1), dpi=100)
    FigureCanvasAgg(fig)
    fig.text(0.1, 0.3, text, fontsize=40, family=family)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fig.canvas.draw()
    return np.asarray(fig.canvas.buffer_rgba()).copy()


# -- the font --------------------------------------------------------------------------

def test_bundled_font_is_a_small_renamed_subset():
    path = plotting.font_path()
    assert path.is_file() and path.parent == DATA / "fonts"
    assert path.stat().st_size < 4_000_000
    font = FT2Font(str(path))
    assert (font.family_name, font.style_name) == (plotting.FONT_FAMILY, "Regular")
    assert font.postscript_name == "BaogaoSansSC-Regular"
    for companion in ("OFL.txt", "README.md"):
        assert (path.parent / companion).is_file()
    assert "SIL OPEN FONT LICENSE Version 1.1" in (path.parent / "OFL.txt").read_text("utf-8")


def test_import_registers_the_font_and_the_fallback_list():
    assert matplotlib.rcParams["font.family"] == ["DejaVu Sans", plotting.FONT_FAMILY]
    assert matplotlib.rcParams["axes.unicode_minus"] is False
    found = font_manager.findfont(FontProperties(family=[plotting.FONT_FAMILY]),
                                  fallback_to_default=False)
    assert Path(found) == plotting.font_path()


def test_use_chinese_font_is_idempotent_and_repairs_reset_settings():
    path = str(plotting.font_path())
    with matplotlib.rc_context():
        matplotlib.rcdefaults()
        assert matplotlib.rcParams["font.family"] == ["sans-serif"]
        plotting.use_chinese_font()
        plotting.use_chinese_font()
        assert matplotlib.rcParams["font.family"] == plotting.FONT_FALLBACK
        assert matplotlib.rcParams["axes.unicode_minus"] is False
    assert sum(entry.fname == path for entry in font_manager.fontManager.ttflist) == 1


def test_every_shipped_character_renders_without_missing_glyphs():
    chars = shipped_characters()
    assert len(chars) > 2000 and "报" in chars and "，" in chars
    warned = missing_glyph_warnings(chars)
    assert warned == [], (
        f"{len(warned)} characters have no glyph, e.g. {warned[:5]}: "
        "run tools/make_font_subset.py to rebuild the font")


def test_every_letter_and_punctuation_of_the_modules_renders_without_missing_glyphs():
    chars = module_text_characters()
    assert "报" in chars and "（" in chars and "✅" not in chars
    warned = missing_glyph_warnings(chars)
    assert warned == [], (
        f"{len(warned)} characters have no glyph, e.g. {warned[:5]}: "
        "run tools/make_font_subset.py to rebuild the font")


def test_gb2312_and_standard_punctuation_render_without_missing_glyphs():
    ascii_and_fullwidth = "".join(map(chr, [*range(0x20, 0x7F), *range(0xFF01, 0xFF5F)]))
    chars = drawable(gb2312_characters() + GBT15834 + ascii_and_fullwidth)
    assert len(chars) > 7500
    assert missing_glyph_warnings(chars) == []


def test_a_character_outside_the_subset_is_reported_missing():
    # Proves the two tests above can fail: the same helper sees a real gap.
    warned = missing_glyph_warnings("报告" + OUTSIDE_SUBSET)
    assert len(warned) == 1 and "CJK UNIFIED IDEOGRAPH-20000" in warned[0]
    # And without the bundled font, Chinese itself is missing.
    assert missing_glyph_warnings("报告", family=["DejaVu Sans"])


def test_chinese_glyphs_are_drawn_from_the_bundled_font():
    with_fallback = render("中，", plotting.FONT_FALLBACK)
    bundled_only = render("中，", [plotting.FONT_FAMILY])
    dejavu_only = render("中，", ["DejaVu Sans"])
    assert (with_fallback[..., :3] < 128).any()  # something was drawn
    assert np.array_equal(with_fallback, bundled_only)
    assert not np.array_equal(with_fallback, dejavu_only)  # DejaVu draws boxes instead


# -- helpers ---------------------------------------------------------------------------

def drawn_without_missing_glyphs(fig: Figure) -> bool:
    FigureCanvasAgg(fig)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.canvas.draw()
    return not [w for w in caught if "missing from font" in str(w.message)]


def test_length_distribution_is_a_histogram_with_chinese_labels():
    fig = plotting.plot_length_distribution([1, 2, 2, 3, 10], bins=3)
    assert isinstance(fig, Figure)
    (ax,) = fig.axes
    bars = [p for p in ax.patches if isinstance(p, Rectangle)]
    assert len(bars) == 3
    assert sum(b.get_height() for b in bars) == 5
    assert (ax.get_title(), ax.get_xlabel(), ax.get_ylabel()) == ("句子长度分布", "句长（字）", "句子数")
    assert drawn_without_missing_glyphs(fig)


def test_length_distribution_of_nothing_says_so():
    fig = plotting.plot_length_distribution([], title="段落长度")
    (ax,) = fig.axes
    assert not ax.patches
    assert [t.get_text() for t in ax.texts] == ["没有数据"]
    assert ax.get_title() == "段落长度"


def test_dispersion_draws_one_row_per_label_and_one_tick_per_hit():
    fig = plotting.plot_dispersion({"2021年": [0.1, 0.5], "2022年": [], "2023年": [0.0, 0.9, 1.0]})
    (ax,) = fig.axes
    strips = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert [len(c.get_segments()) for c in strips] == [2, 3]
    xs = sorted(seg[0][0] for c in strips for seg in c.get_segments())
    assert xs == [0.0, 0.1, 0.5, 0.9, 1.0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["2021年（2）", "2022年（0）", "2023年（3）"]
    assert ax.get_ylim() == (2.5, -0.5)  # first label on top
    assert ax.get_xlabel().startswith("在全文中的相对位置")
    assert drawn_without_missing_glyphs(fig)


def test_dispersion_takes_the_concordance_frame_and_rejects_bad_positions():
    frame = pd.DataFrame({"report": ["甲", "乙"], "positions": [[0.25], [0.5, 0.75]]})
    (ax,) = plotting.plot_dispersion(frame).axes
    assert sum(len(c.get_segments()) for c in ax.collections) == 3
    with pytest.raises(UsageError, match="0 到 1"):
        plotting.plot_dispersion({"甲": [1.5]})
    with pytest.raises(UsageError):
        plotting.plot_dispersion([0.1, 0.2])


def test_bar_draws_one_horizontal_bar_per_item_first_on_top():
    fig = plotting.plot_bar(pd.Series({"高质量发展": 5, "改革开放": 3, "人民群众": 1}), title="高频词")
    (ax,) = fig.axes
    bars = [p for p in ax.patches if isinstance(p, Rectangle)]
    assert [b.get_width() for b in bars] == [5, 3, 1]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["高质量发展", "改革开放", "人民群众"]
    assert ax.yaxis_inverted()
    assert [t.get_text() for t in ax.texts] == ["5", "3", "1"]
    assert (ax.get_title(), ax.get_xlabel()) == ("高频词", "次数")
    assert drawn_without_missing_glyphs(fig)
    assert len(plotting.plot_bar([("一", 2), ("二", 4)]).axes[0].patches) == 2


def test_helpers_leave_pyplot_alone():
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    plotting.plot_bar({"一": 1})
    plotting.plot_dispersion({"一": [0.5]})
    plotting.plot_length_distribution([1, 2])
    assert plt.get_fignums() == before
