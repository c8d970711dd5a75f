"""Edition compare: the raw specimen and its corrected edition side by side.

``compare_html(diff_rows, ...)`` lays the two editions out line by line
(``baogao.sources.edition.edition_diff(expand_systematic=True)`` gives the rows: every
occurrence of a systematic entry is its own row) and marks every change on
both sides; each mark's ``title`` gives the entry, its category and
certainty, the change and the errata's basis. ``EditionCompare`` adds
filters by category and certainty.

Lines: a raw line removed whole (the site's title, header and footer: status
``deleted`` with no corrected position) has no corrected counterpart; every
other raw line maps to the corrected line whose number is its own minus the
removed lines before it. The rows must therefore be the whole diff: the
filters are the ``categories`` and ``certainties`` arguments, which hide
marks, not lines.
"""

from __future__ import annotations

from baogao.lazy import pandas as pd
from baogao.sources.edition import corrected_text, edition_diff
from baogao.sources.errata import CATEGORY_LABELS
from baogao.sources.shipped import specimen
from baogao.widgets.html import BORDER, INK, MUTED, PANEL, STYLE, TEXT, esc, ink, tint

CERTAINTY_NAMES = {"certain": "确定", "probable": "很可能", "unknown": "不确定"}
STATUS_NAMES = {"corrected": "已改正", "deleted": "已删除", "unresolved": "原文不明，保留原样"}
SHOWN_STATUSES = ("corrected", "deleted", "unresolved")  # consumed/kept occurrences change nothing

COMPARE_STYLE = f"""
<style>
.cmp-table {{border-collapse: collapse; width: 100%; font-size: 14px;}}
.cmp-table td {{vertical-align: top; padding: 3px 6px; border-bottom: 1px solid {BORDER};}}
.cmp-table th {{text-align: left; background: {PANEL}; color: {INK}; padding: 3px 6px;}}
.cmp-no {{color: {TEXT}; color: {MUTED}; font-size: 12px; width: 2.5em; text-align: right;}}
.cmp-raw {{background: {tint("error", 30)}; color: {INK}; text-decoration: line-through {ink("error")};}}
.cmp-new {{background: {tint("success", 30)}; color: {INK};}}
.cmp-unknown {{background: {tint("yellow", 45)}; color: {INK}; border-bottom: 2px dotted {ink("warn")};}}
.cmp-gap {{color: {INK}; color: {ink("error")}; font-weight: bold;}}
.cmp-gap::after {{content: "^";}}
.cmp-removed {{color: {TEXT}; color: {MUTED}; font-style: italic;}}
.cmp [title] {{cursor: help;}}
</style>
"""


def _isna(x) -> bool:
    return x is None or bool(pd.isna(x))


def mark_title(row) -> str:
    """The tooltip of one change: entry, category, certainty, change, basis."""
    category = CATEGORY_LABELS.get(row.category, row.category)
    certainty = CERTAINTY_NAMES.get(row.certainty, row.certainty)
    if row.category == "missing_heading":  # the text is an anchor, not a defect
        change = f"“{row.raw_text}”之前缺了一个标题，标题原文不明"
    elif row.category == "cut_off":
        change = f"段落在“{row.raw_text}”之后中断，后文不明"
    elif row.status == "unresolved":
        change = f"“{row.raw_text}”：{STATUS_NAMES['unresolved']}"
    elif row.status == "deleted" or row.corrected_text == "":
        change = f"删除“{row.raw_text}”"
    else:
        change = f"“{row.raw_text}”改为“{row.corrected_text}”"
    return f"{row.id} {category}（把握：{certainty}）\n{change}\n依据：{row.basis}"


def _marked(text: str, spans: list[tuple[int, int, str, str]]) -> str:
    """Escape a line and mark (start, end, class, title) spans; an empty span
    (text removed here) becomes a caret mark. Overlapping spans: the first wins."""
    out, pos = [], 0
    for a, b, cls, title in sorted(spans, key=lambda s: (s[0], s[1])):
        if a < pos:
            continue
        out.append(esc(text[pos:a]))
        if a == b:
            out.append(f'<span class="cmp-gap" title="{esc(title)}"></span>')
        else:
            out.append(f'<span class="{cls}" title="{esc(title)}">{esc(text[a:b])}</span>')
        pos = b
    out.append(esc(text[pos:]))
    return "".join(out)


def edition_lines(diff_rows, raw: str, corrected: str) -> list[tuple[int, int | None]]:
    """(raw line, corrected line or None) for every raw line."""
    raw_lines = raw.split("\n")
    removed = {int(r.raw_line) for r in diff_rows.itertuples()
               if r.status == "deleted" and _isna(r.corrected_line)
               and r.raw_text.strip() == raw_lines[int(r.raw_line) - 1].strip()}
    n_corrected = len(corrected.split("\n"))
    out, gone = [], 0
    for number in range(1, len(raw_lines) + 1):
        if number in removed:
            gone += 1
            out.append((number, None))
        else:
            target = number - gone
            out.append((number, target if target <= n_corrected else None))
    return out


def compare_html(diff_rows, raw: str | None = None, corrected: str | None = None, *,
                 categories=None, certainties=None, changed_only: bool = False) -> str:
    """Raw and corrected text side by side, one row per raw line, changes marked.

    ``diff_rows``: ``edition_diff(expand_systematic=True)`` (or the summary
    form, which marks each systematic entry at its first occurrence only).
    ``raw``/``corrected``: the two texts (default: the specimen's).
    ``categories``/``certainties``: mark only these (None: all).
    ``changed_only``: leave out the lines without a shown mark.
    """
    if raw is None:
        raw = specimen().text
    if corrected is None:
        corrected = corrected_text()
    raw_lines, new_lines = raw.split("\n"), corrected.split("\n")
    cats = None if categories is None else set(categories)
    certs = None if certainties is None else set(certainties)
    left: dict[int, list] = {}
    right: dict[int, list] = {}
    shown = 0
    for r in diff_rows.itertuples():
        if r.status not in SHOWN_STATUSES:
            continue
        if (cats is not None and r.category not in cats) or (certs is not None and r.certainty not in certs):
            continue
        shown += 1
        title = mark_title(r)
        a = int(r.raw_column) - 1
        raw_cls = "cmp-unknown" if r.status == "unresolved" else "cmp-raw"
        left.setdefault(int(r.raw_line), []).append((a, a + len(r.raw_text), raw_cls, title))
        if not _isna(r.corrected_line):
            c = int(r.corrected_column) - 1
            new_cls = "cmp-unknown" if r.status == "unresolved" else "cmp-new"
            right.setdefault(int(r.corrected_line), []).append((c, c + len(r.corrected_text), new_cls, title))
    rows = []
    for raw_no, new_no in edition_lines(diff_rows, raw, corrected):
        if changed_only and raw_no not in left and (new_no is None or new_no not in right):
            continue
        left_html = _marked(raw_lines[raw_no - 1], left.get(raw_no, []))
        if new_no is None:
            right_html, new_label = '<span class="cmp-removed">（整行删除）</span>', ""
        else:
            right_html, new_label = _marked(new_lines[new_no - 1], right.get(new_no, [])), str(new_no)
        rows.append(f'<tr><td class="cmp-no">{raw_no}</td><td>{left_html}</td>'
                    f'<td class="cmp-no">{new_label}</td><td>{right_html}</td></tr>')
    head = (f'<div class="bg-meta">标出 {shown} 处改动。红色删除线：原文有误；绿色：勘误后的文字；'
            '黄色虚线：原文不明，保留原样；^：此处删去了文字。把鼠标停在标记上可以看到依据和把握程度。</div>')
    return (f'{STYLE}{COMPARE_STYLE}<div class="bg-box cmp">{head}<table class="cmp-table">'
            f'<tr><th></th><th>原样（raw）</th><th></th><th>勘误后（corrected）</th></tr>'
            f'{"".join(rows)}</table></div>')


class EditionCompare:
    """Category and certainty filters above the two editions side by side.

    ``c.categories.value = ("name_error",)``, ``c.certainties.value =
    ("certain",)``, ``c.changed_only.value = True``; read ``c.view.value``.
    The diff and both texts are read once, here.
    """

    def __init__(self, *, changed_only: bool = True):
        import ipywidgets as w  # heavy: loaded when a widget is built, not on import

        self.diff = edition_diff(expand_systematic=True)
        self.raw = specimen().text
        self.corrected = corrected_text()
        live = self.diff[self.diff["status"].isin(SHOWN_STATUSES)]
        cat_counts = live["category"].value_counts()
        cert_counts = live["certainty"].value_counts()
        cats = [c for c in CATEGORY_LABELS if c in cat_counts.index]
        self.categories = w.SelectMultiple(
            options=[(f"{CATEGORY_LABELS[c]}（{int(cat_counts[c])}）", c) for c in cats], value=tuple(cats),
            rows=8, description="类别")
        self.certainties = w.SelectMultiple(
            options=[(f"{CERTAINTY_NAMES[c]}（{int(cert_counts.get(c, 0))}）", c) for c in CERTAINTY_NAMES],
            value=tuple(CERTAINTY_NAMES), rows=3, description="把握程度")
        self.changed_only = w.Checkbox(value=changed_only, description="只显示有改动的行", indent=False)
        self.view = w.HTML()
        for control in (self.categories, self.certainties, self.changed_only):
            control.observe(self._update, names="value")
        self._update()
        self.widget = w.VBox([w.HBox([self.categories, self.certainties, self.changed_only]), self.view])

    def _update(self, change=None) -> None:
        self.view.value = compare_html(self.diff, self.raw, self.corrected,
                                       categories=self.categories.value, certainties=self.certainties.value,
                                       changed_only=self.changed_only.value)

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)
