"""The widgets' colours follow JupyterLab's theme: every colour is a theme variable
with a fallback, and every rule that gives text a background gives it a colour too.

The contrast itself is measured in a real JupyterLab, light and dark
(tests/browser/test_lesson_in_browser.py); these tests keep the markup honest
without a browser.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from baogao.widgets import (
    builder,
    charts,
    compare,
    concordance,
    highlight,
    html,
    lintview,
    quiz,
)
from baogao.widgets.charts import CORPUS_COLOUR, TARGET_COLOUR
from baogao.widgets.concordance import dispersion_svg
from baogao.widgets.html import ACCENTS, INK, PAPER, ink, tint
from baogao.widgets.quiz import Question, QuestionView

# JupyterLab installs its themes under the environment's share/ folder.
THEMES = Path(sys.prefix) / "share" / "jupyter" / "lab" / "themes" / "@jupyterlab"

STYLES = {
    "html.STYLE": html.STYLE,
    "highlight.HIGHLIGHT_STYLE": highlight.HIGHLIGHT_STYLE,
    "compare.COMPARE_STYLE": compare.COMPARE_STYLE,
    "concordance.KWIC_STYLE": concordance.KWIC_STYLE,
    "lintview.LINT_STYLE": lintview.LINT_STYLE,
    "builder.BUILDER_STYLE": builder.BUILDER_STYLE,
    "quiz.QUIZ_STYLE": quiz.QUIZ_STYLE,
}
#: Rules whose elements hold no text: a background needs no text colour there.
NO_TEXT = {".bg-bar", ".bg-bar-bg", ".hl-swatch"}
# var(--jp-name, fallback), the fallback possibly a function such as rgba(…).
THEME_VAR = re.compile(r"var\(--jp-[a-z0-9-]+, (?:[^()]|\([^()]*\))+\)")
HARD_COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}\b|\brgba?\(|\bhsla?\(|:\s*(?:white|black|red|green|blue|yellow|gray|grey)\b")


def rules(css: str) -> list[tuple[str, str]]:
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    return [(sel.strip().removeprefix("<style>").strip(), body)
            for sel, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css)]


def hard_colours(markup: str) -> list[str]:
    """Colours that are not JupyterLab theme variables (the variables' fallbacks aside)."""
    return HARD_COLOUR.findall(THEME_VAR.sub("VAR", markup))


@pytest.mark.parametrize("name", sorted(STYLES))
def test_every_colour_is_a_theme_variable_with_a_fallback(name):
    css = STYLES[name]
    assert "var(--jp-" in css
    assert hard_colours(css) == [], name
    assert not re.search(r"var\(--jp-[a-z0-9-]+\)", css), f"{name}: a theme variable without a fallback"


@pytest.mark.parametrize("name", sorted(STYLES))
def test_a_background_under_text_comes_with_a_text_colour(name):
    for selector, body in rules(STYLES[name]):
        if re.search(r"(^|[;\s])background(-color)?\s*:", body) and selector not in NO_TEXT:
            assert re.search(r"(^|[;\s])color\s*:", body), f"{name}: {selector} sets a background, no colour"


def test_the_checks_see_a_hard_coded_colour():
    assert hard_colours(".a {color: #a40000;} .b {background: var(--jp-layout-color0, #fff)}") == ["#a40000"]
    assert hard_colours("fill: rgba(0, 0, 0, 0.5)") == ["rgba("]
    assert rules("<style>\n.a {background: red;}\n</style>") == [(".a", "background: red;")]


def test_tints_and_inks_mix_an_accent_with_the_theme():
    assert tint("error", 30) == f"color-mix(in srgb, {ACCENTS['error']} 30%, {PAPER})"
    assert ink("success") == f"color-mix(in srgb, {ACCENTS['success']} 70%, {INK})"
    for accent in ACCENTS.values():
        assert THEME_VAR.fullmatch(accent), accent
    with pytest.raises(KeyError):
        tint("magenta")


@pytest.mark.skipif(not THEMES.is_dir(), reason="JupyterLab's theme files are not in this environment")
def test_the_variables_exist_in_both_themes():
    used = set()
    for markup in [*STYLES.values(), "".join(ACCENTS.values()), dispersion_svg({"甲": [0.5]})]:
        used |= set(re.findall(r"var\((--jp-[a-z0-9-]+)", markup))
    assert "--jp-layout-color0" in used and "--jp-collaborator-color2" in used
    for theme in ("theme-light-extension", "theme-dark-extension"):
        css = (THEMES / theme / "index.css").read_text(encoding="utf-8")
        defined = set(re.findall(r"(--jp-[a-z0-9-]+)\s*:", css))
        assert used <= defined, f"{theme} lacks {sorted(used - defined)}"


def test_svg_text_takes_the_theme_colour():
    svg = dispersion_svg({"甲": [0.0, 0.5], "乙": []})
    assert hard_colours(svg) == []
    assert 'style="color: var(--jp-content-font-color1' in svg
    assert svg.count('fill="currentColor"') == 4  # two labels, the two ends of the strip
    assert svg.count("<g ") == 2 and svg.count("<line ") == 2  # each row's ticks share one colour


def test_measure_svg_keeps_its_bar_colours_and_themes_its_text():
    table = charts.pd.DataFrame({"report": ["本报告", "甲"], "value": [2.0, 1.0], "is_target": [True, False]})
    svg = charts.measure_svg(table, "readability")
    assert svg.count(f'fill="{TARGET_COLOUR}"') == 1 and svg.count(f'fill="{CORPUS_COLOUR}"') == 1
    assert set(hard_colours(svg)) == {TARGET_COLOUR, CORPUS_COLOUR}  # bars only: no text on them
    assert 'style="color: var(--jp-content-font-color1' in svg and 'fill="currentColor"' in svg


def test_quiz_feedback_has_a_mark_and_a_themed_colour():
    question = Question.choice("几次？", ["1 次", "2 次"], "2 次", "说明。")
    view = QuestionView(question, 1)
    view.answer("1 次")
    assert "qz-no" in view.feedback.value and "× 不正确" in view.feedback.value
    view.answer("2 次")
    assert "qz-ok" in view.feedback.value and "✓ 正确！" in view.feedback.value
    assert "bg-quiz-question" in view.widget._dom_classes and "qz-feedback" in view.feedback._dom_classes
    assert ".bg-quiz-question .jupyter-button.mod-success" in quiz.QUIZ_STYLE
