"""Small HTML helpers shared by the widgets: escaping, marking spans, styles."""

from __future__ import annotations

import html

STYLE = """
<style>
.bg-box {font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
         line-height: 1.8; font-size: 15px;}
.bg-box h4 {margin: 0.2em 0 0.4em 0;}
.bg-meta {color: #555; font-size: 13px; margin-bottom: 0.5em;}
.bg-para {margin: 0.25em 0; text-indent: 2em;}
.bg-lineno {color: #999; font-size: 12px; margin-right: 0.5em; text-indent: 0;}
.bg-lead {background: #fff3b0; border-bottom: 2px solid #e0b000;}
.bg-issue {color: #a40000;}
.bg-bar {display: inline-block; height: 10px; background: #4a7bd0; vertical-align: middle;}
.bg-bar-bg {display: inline-block; width: 200px; height: 10px; background: #e6ecf7; vertical-align: middle;}
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
