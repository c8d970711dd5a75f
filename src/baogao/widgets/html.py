"""Small HTML helpers shared by the widgets: escaping, marking spans, styles, colours.

Colours come from JupyterLab's theme variables, so that every widget follows
the light and the dark theme; each variable carries the light theme's value
as fallback, for a front end without them (an exported HTML page, nbviewer).
Text is always given its colour together with its background:

- plain text is ``TEXT`` or ``MUTED`` on ``PAPER`` (``.bg-box`` sets both);
- a highlight is ``tint(accent)``, the accent's hue mixed into the theme's
  background (pale in the light theme, dark in the dark one), under ``INK``,
  the theme's strongest text colour (black or white);
- coloured text is ``ink(accent)``, the accent mixed towards ``INK``, which
  keeps a contrast of at least 4.5:1 on ``PAPER`` in both themes.

``color-mix()`` (every browser since 2023) makes the tints and inks; where it
is missing, the declaration is dropped and the text keeps ``TEXT`` or
``INK`` on ``PAPER``. tests/browser measures the contrast in both themes.
"""

from __future__ import annotations

import html

#: The theme's background and text colours (JupyterLab's light-theme values as fallbacks).
PAPER = "var(--jp-layout-color0, #fff)"
PANEL = "var(--jp-layout-color2, #eee)"  # table heads, quoted context
TEXT = "var(--jp-content-font-color1, rgba(0, 0, 0, 0.87))"
INK = "var(--jp-content-font-color0, #000)"  # the strongest: black in the light theme, white in the dark
BORDER = "var(--jp-border-color2, #e0e0e0)"
STRONG_BORDER = "var(--jp-border-color1, #bdbdbd)"

#: Accent hues, by meaning. JupyterLab has no yellow and no purple of its own:
#: the collaborator colours (pale in the light theme, deep in the dark) stand in.
ACCENTS = {
    "brand": "var(--jp-brand-color1, #1976d2)",
    "success": "var(--jp-success-color1, #388e3c)",
    "warn": "var(--jp-warn-color1, #f57c00)",
    "error": "var(--jp-error-color1, #d32f2f)",
    "info": "var(--jp-info-color1, #0097a7)",
    "yellow": "var(--jp-collaborator-color2, #dac83d)",
    "purple": "var(--jp-collaborator-color6, #e2b1ff)",
}


def tint(accent: str, share: int = 30) -> str:
    """A highlight background of ``accent``'s hue (a key of ``ACCENTS``); put ``INK`` text on it."""
    return f"color-mix(in srgb, {ACCENTS[accent]} {share}%, {PAPER})"


def ink(accent: str, share: int = 70) -> str:
    """Text of ``accent``'s hue that stays readable on ``PAPER`` in both themes."""
    return f"color-mix(in srgb, {ACCENTS[accent]} {share}%, {INK})"


#: Secondary text (line numbers, notes): the theme's text colour, lighter.
MUTED = f"color-mix(in srgb, {INK} 62%, {PAPER})"

STYLE = f"""
<style>
.bg-box {{font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
         line-height: 1.8; font-size: 15px; color: {TEXT}; background: {PAPER};}}
.bg-box h4 {{margin: 0.2em 0 0.4em 0; color: {INK};}}
.bg-meta {{color: {TEXT}; color: {MUTED}; font-size: 13px; margin-bottom: 0.5em;}}
.bg-para {{margin: 0.25em 0; text-indent: 2em;}}
.bg-lineno {{color: {TEXT}; color: {MUTED}; font-size: 12px; margin-right: 0.5em; text-indent: 0;}}
.bg-lead {{background: {tint("yellow", 45)}; color: {INK}; border-bottom: 2px solid {ink("warn")};}}
.bg-issue {{color: {TEXT}; color: {ink("error")};}}
.bg-bar {{display: inline-block; height: 10px; background: {ACCENTS["brand"]}; vertical-align: middle;}}
.bg-bar-bg {{display: inline-block; width: 200px; height: 10px; background: {PANEL}; vertical-align: middle;}}
</style>
"""


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def mark_spans(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """Escape ``text`` and wrap each (start, end, css_class, title) span in <span>.

    Spans are relative to ``text``; overlapping spans are skipped after the first.
    """
    out, pos = [], 0
    for start, end, cls, title in sorted(spans):
        if start < pos or start >= end:
            continue
        out.append(esc(text[pos:start]))
        out.append(f'<span class="{esc(cls)}" title="{esc(title)}">{esc(text[start:end])}</span>')
        pos = end
    out.append(esc(text[pos:]))
    return "".join(out)
