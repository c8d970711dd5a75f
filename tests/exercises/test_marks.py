"""The marks of feedback and widgets have a glyph in the kit's CJK font, and none is an emoji.

The measurement behind ``baogao.exercises.outcomes.MARKS`` (fontTools cmaps of
Noto Sans CJK SC from Debian's fonts-noto-cjk, the font the kit requires, and of
the bundled subset ``baogao.plotting.font_path()``; Chromium's fallback with
``fc-match -s``):

=========  ===========  ======  ===================================================
mark       Noto CJK SC  subset  why
=========  ===========  ======  ===================================================
✅ ❌ ⏳    no           no      emoji: an empty box without a colour-emoji font
📝 💡      no           no      emoji, likewise
✔ ✘ ✎     no           no      dingbats: drawn only where DejaVu Sans is installed
⚠         yes          yes     has an emoji form (⚠️): left out
✓ × ○ → ▲ ※  yes        yes     chosen
=========  ===========  ======  ===================================================

Every character a student reads in a status label, a hint, a solution or a
widget's label is checked against the bundled font here; the browser test
checks that Chromium draws them (tests/browser).
"""

from __future__ import annotations

import ast
import unicodedata
from pathlib import Path

import pytest
from fontTools.ttLib import TTCollection, TTFont

from baogao import plotting
from baogao.analysis.stats import STAT_LABELS
from baogao.course import assignments
from baogao.exercises.outcomes import (
    CORRECT,
    ERROR,
    INCORRECT,
    LABELS,
    MARKS,
    NOT_ATTEMPTED,
    STATUSES,
    SUBMITTED,
    Outcome,
)
from baogao.lint import FAMILIES, SEVERITY_LABELS
from baogao.structure.outline import GENRE_LABELS, ISSUE_NAMES
from baogao.structure.parts import PART_NAMES
from baogao.text.markers import STYLE_NAMES

WIDGETS = Path(plotting.__file__).resolve().parent / "widgets"
SYSTEM_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")  # Debian's fonts-noto-cjk
REJECTED = "✅❌⏳📝💡✔✘✎"

#: Code points below U+3300 with the Unicode property Emoji=Yes (emoji-data.txt),
#: digits, # and * left out: characters a browser may draw as a colour emoji.
EMOJI_RANGES = [
    (0x00A9, 0x00A9), (0x00AE, 0x00AE), (0x203C, 0x203C), (0x2049, 0x2049), (0x2122, 0x2122),
    (0x2139, 0x2139), (0x2194, 0x2199), (0x21A9, 0x21AA), (0x231A, 0x231B), (0x2328, 0x2328),
    (0x23CF, 0x23CF), (0x23E9, 0x23F3), (0x23F8, 0x23FA), (0x24C2, 0x24C2), (0x25AA, 0x25AB),
    (0x25B6, 0x25B6), (0x25C0, 0x25C0), (0x25FB, 0x25FE), (0x2600, 0x2604), (0x260E, 0x260E),
    (0x2611, 0x2611), (0x2614, 0x2615), (0x2618, 0x2618), (0x261D, 0x261D), (0x2620, 0x2620),
    (0x2622, 0x2623), (0x2626, 0x2626), (0x262A, 0x262A), (0x262E, 0x262F), (0x2638, 0x263A),
    (0x2640, 0x2640), (0x2642, 0x2642), (0x2648, 0x2653), (0x265F, 0x2660), (0x2663, 0x2663),
    (0x2665, 0x2666), (0x2668, 0x2668), (0x267B, 0x267B), (0x267E, 0x267F), (0x2692, 0x2697),
    (0x2699, 0x2699), (0x269B, 0x269C), (0x26A0, 0x26A1), (0x26A7, 0x26A7), (0x26AA, 0x26AB),
    (0x26B0, 0x26B1), (0x26BD, 0x26BE), (0x26C4, 0x26C5), (0x26C8, 0x26C8), (0x26CE, 0x26CF),
    (0x26D1, 0x26D1), (0x26D3, 0x26D4), (0x26E9, 0x26EA), (0x26F0, 0x26F5), (0x26F7, 0x26FA),
    (0x26FD, 0x26FD), (0x2702, 0x2702), (0x2705, 0x2705), (0x2708, 0x270D), (0x270F, 0x270F),
    (0x2712, 0x2712), (0x2714, 0x2714), (0x2716, 0x2716), (0x271D, 0x271D), (0x2721, 0x2721),
    (0x2728, 0x2728), (0x2733, 0x2734), (0x2744, 0x2744), (0x2747, 0x2747), (0x274C, 0x274C),
    (0x274E, 0x274E), (0x2753, 0x2755), (0x2757, 0x2757), (0x2763, 0x2764), (0x2795, 0x2797),
    (0x27A1, 0x27A1), (0x27B0, 0x27B0), (0x27BF, 0x27BF), (0x2934, 0x2935), (0x2B05, 0x2B07),
    (0x2B1B, 0x2B1C), (0x2B50, 0x2B50), (0x2B55, 0x2B55), (0x3030, 0x3030), (0x303D, 0x303D),
    (0x3297, 0x3297), (0x3299, 0x3299),
]


def is_emoji(ch: str) -> bool:
    cp = ord(ch)
    return (cp >= 0x1F000 or 0xFE00 <= cp <= 0xFE0F or cp == 0x200D
            or any(a <= cp <= b for a, b in EMOJI_RANGES))


@pytest.fixture(scope="module")
def bundled() -> set[int]:
    return set(TTFont(str(plotting.font_path())).getBestCmap())


def uncovered(text: str, cmap: set[int]) -> str:
    """The characters of ``text`` that have no glyph in ``cmap`` (controls and spaces aside)."""
    return "".join(sorted({c for c in text if unicodedata.category(c) not in ("Cc", "Zl", "Zp")
                           and c != " " and ord(c) not in cmap}))


def test_the_checker_sees_a_missing_glyph(bundled):
    # The measurement the marks were chosen by: none of the rejected marks is in the font.
    assert uncovered(REJECTED, bundled) == "".join(sorted(REJECTED))
    assert uncovered("✓正确", bundled) == ""


def test_marks_and_labels_are_in_the_bundled_font(bundled):
    assert set(STATUSES) <= set(MARKS) and set(LABELS) == set(STATUSES)
    assert uncovered("".join(MARKS.values()) + "".join(LABELS.values()), bundled) == ""
    for status in STATUSES:
        assert LABELS[status].startswith(MARKS[status] + " ")


def test_marks_are_not_emoji():
    for text in [*MARKS.values(), *LABELS.values()]:
        assert not [c for c in text if is_emoji(c)], text
    assert is_emoji("⚠") and is_emoji("✅") and is_emoji("\ufe0f") and not is_emoji("✓")


def test_the_marks_are_the_measured_ones():
    assert [MARKS[s] for s in (CORRECT, INCORRECT, NOT_ATTEMPTED, SUBMITTED, ERROR)] == ["✓", "×", "○", "→", "▲"]
    assert (MARKS["pass"], MARKS["fail"], MARKS["note"], MARKS["hint"]) == ("✓", "×", "※", "※")


@pytest.mark.skipif(not SYSTEM_CJK.is_file(), reason="fonts-noto-cjk is not installed (CI installs it)")
def test_marks_are_in_the_system_cjk_font():
    faces = [f for f in TTCollection(str(SYSTEM_CJK), lazy=True).fonts
             if f["name"].getDebugName(1) == "Noto Sans CJK SC"]
    assert faces, "no Noto Sans CJK SC face"
    cmap = set(faces[0].getBestCmap())
    assert uncovered("".join(MARKS.values()) + "".join(LABELS.values()), cmap) == ""
    assert uncovered(REJECTED, cmap) == "".join(sorted(REJECTED))


def test_feedback_of_every_kind_is_in_the_bundled_font(bundled):
    outcome = Outcome("q1", SUBMITTED, "自动检查只供参考。", checks=[(True, "编号连续"), (False, "缺少“四”")],
                      notes=["标题里有半角逗号"], rubric=["结构清楚"])
    texts = [outcome.text(), outcome.feedback] + [Outcome("q1", s, "说明").text() for s in STATUSES]
    assert uncovered("".join(texts), bundled) == ""
    assert f"  {MARKS['pass']} 编号连续" in outcome.text() and f"  {MARKS['fail']} 缺少“四”" in outcome.text()


@pytest.mark.parametrize("name", sorted(assignments()))
def test_hints_and_solutions_are_in_the_bundled_font(name, bundled):
    for problem in assignments()[name]:
        messages = [problem.hint(k) for k in range(len(problem.hints) + 2)] + [problem.solution()]
        for message in messages:
            assert repr(message).startswith(MARKS["hint"] + " "), repr(message)
            assert uncovered(repr(message), bundled) == "", (problem.name, repr(message)[:80])


def widget_strings() -> list[str]:
    """Every string literal of the widget modules (labels, legends, messages, CSS)."""
    out = []
    for path in sorted(WIDGETS.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                      and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
        out += [node.value for node in ast.walk(tree)
                if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]
    return out


def test_widget_labels_are_in_the_bundled_font(bundled):
    strings = widget_strings()
    assert "只显示有改动的行" in strings and "主旨句" in strings  # the walk reaches the labels
    shown_names = [FAMILIES, SEVERITY_LABELS, STAT_LABELS, GENRE_LABELS, ISSUE_NAMES, PART_NAMES, STYLE_NAMES]
    text = "".join(strings) + "".join(str(v) for names in shown_names for v in names.values())
    assert uncovered(text, bundled) == ""
    assert not [c for c in text if is_emoji(c)]
