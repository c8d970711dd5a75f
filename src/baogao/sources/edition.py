"""The specimen's corrected edition: the errata applied to the raw text.

``apply_errata(raw, errata)`` applies an errata table (``baogao.sources.errata``)
to a raw text; ``corrected_text()`` is the shipped specimen's corrected edition,
``edition_diff()`` maps every change between the raw text and it, and
``unresolved()`` lists the places whose correction is unknown.

Application rules, in short (in full in ``data/specimen/ERRATA.md``):

- A ``once`` entry must match its ``text`` exactly at (line, column) of the raw text,
  otherwise ``ErrataMismatchError`` names the entry. Once entries may not overlap.
- Correction ``unknown``: the text stays as it is (listed by ``unresolved()``).
- Correction ``""`` on a whole line (the site's title, header, footer): the line is
  removed, so the corrected edition has fewer lines; ``edition_diff()`` maps them.
- A ``systematic`` entry's ``count`` must equal the number of occurrences of its text
  in the raw text; every occurrence not inside a corrected once entry or a deleted line
  is replaced, except between two ASCII letters or digits (Latin context, e.g. ``1,000``).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

from baogao.lazy import pandas as pd
from baogao.sources.errata import UNKNOWN, ErrataError, load_errata
from baogao.text.lexicon import data_path

DIFF_COLUMNS = ["id", "raw_line", "raw_column", "raw_text", "corrected_line",
                "corrected_column", "corrected_text", "category", "certainty", "basis",
                "scope", "count", "status"]


class ErrataMismatchError(ErrataError):
    """An entry does not fit the raw text (text, count, overlap)."""


@dataclass(frozen=True)
class _Span:
    start: int            # raw offset of the entry's text
    end: int
    cut_start: int        # raw span actually replaced (a deleted line takes its newline)
    cut_end: int
    replacement: str | None   # None: unresolved, the text stays
    entry: str
    whole_line: bool = False


@dataclass(frozen=True)
class Edition:
    """The result of applying an errata table: the text and the map of every change."""

    text: str
    diff: object          # DataFrame, DIFF_COLUMNS (systematic entries summarised)
    occurrences: object   # DataFrame, one row per occurrence of each systematic entry


def _normalise(raw: str) -> str:
    return raw.replace("\r\n", "\n").replace("\r", "\n")


def _line_starts(text: str) -> list[int]:
    starts = [0]
    for i, ch in enumerate(text):
        if ch == "\n":
            starts.append(i + 1)
    return starts


def _position(starts: list[int], offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def _latin(text: str, start: int, end: int) -> bool:
    """Between two ASCII letters or digits (``1,000``, ``a;b``): not Chinese context."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return before.isascii() and before.isalnum() and after.isascii() and after.isalnum()


def _once_spans(raw: str, errata) -> list[_Span]:
    starts = _line_starts(raw)
    lines = raw.split("\n")
    spans = []
    for row in errata[errata["scope"] == "once"].itertuples(index=False):
        if row.line > len(lines):
            raise ErrataMismatchError(
                f"勘误 {row.id} 指向第 {row.line} 行，但原文只有 {len(lines)} 行。",
                entry_id=row.id)
        start = starts[row.line - 1] + row.column - 1
        end = start + len(row.text)
        line_text = lines[row.line - 1]
        actual = line_text[row.column - 1:row.column - 1 + len(row.text)]
        if actual != row.text:
            raise ErrataMismatchError(
                f"勘误 {row.id} 与原文不符：第 {row.line} 行第 {row.column} 列应为“{row.text}”，"
                f"实为“{actual}”。", entry_id=row.id)
        replacement = None if row.correction == UNKNOWN else row.correction
        whole = replacement == "" and row.text == line_text
        cut_start, cut_end = start, end
        if whole:
            if row.line < len(lines):
                cut_end = end + 1                 # the line and its newline
            elif row.line > 1:
                cut_start = start - 1             # last line: the newline before it
        spans.append(_Span(start, end, cut_start, cut_end, replacement, row.id, whole))
    spans.sort(key=lambda s: s.start)
    for a, b in zip(spans, spans[1:]):
        if b.start < a.end or (b.cut_start < a.cut_end and b.replacement is not None
                               and a.replacement is not None):
            raise ErrataMismatchError(f"勘误 {a.entry} 与 {b.entry} 在原文中重叠。",
                                      entry_id=f"{a.entry},{b.entry}")
    return spans


def _systematic_edits(raw: str, errata, spans: list[_Span]):
    """Edits for systematic entries, and one record per raw occurrence."""
    starts = _line_starts(raw)
    consumed = [(s.cut_start, s.cut_end) for s in spans if s.replacement is not None]
    edits, records = [], []
    for row in errata[errata["scope"] == "systematic"].itertuples(index=False):
        found, pos = [], raw.find(row.text)
        while pos >= 0:
            found.append(pos)
            pos = raw.find(row.text, pos + len(row.text))
        if len(found) != row.count:
            raise ErrataMismatchError(
                f"勘误 {row.id} 的 count 为 {row.count}，但原文中“{row.text}”出现 {len(found)} 次。",
                entry_id=row.id)
        if _position(starts, found[0]) != (row.line, row.column):
            line, col = _position(starts, found[0])
            raise ErrataMismatchError(
                f"勘误 {row.id} 应标在第一次出现的位置（第 {line} 行第 {col} 列），"
                f"而不是第 {row.line} 行第 {row.column} 列。", entry_id=row.id)
        for k, off in enumerate(found, 1):
            end = off + len(row.text)
            if any(a <= off and end <= b for a, b in consumed):
                status = "consumed"
            elif any(off < b and a < end for a, b in consumed):
                raise ErrataMismatchError(
                    f"勘误 {row.id} 的一处出现跨越了另一条勘误的边界。", entry_id=row.id)
            elif _latin(raw, off, end):
                status = "kept"
            else:
                status = "corrected"
                edits.append(_Span(off, end, off, end, row.correction, row.id))
            records.append((row.id, k, off, end, status))
    edits.sort(key=lambda s: s.start)
    for a, b in zip(edits, edits[1:]):
        if b.start < a.end:
            raise ErrataMismatchError(f"勘误 {a.entry} 与 {b.entry} 在原文中重叠。",
                                      entry_id=f"{a.entry},{b.entry}")
    return edits, records


def _build(raw: str, errata) -> Edition:
    raw = _normalise(raw)
    errata = load_errata(errata)
    spans = _once_spans(raw, errata)
    sys_edits, records = _systematic_edits(raw, errata, spans)
    edits = sorted([s for s in spans if s.replacement is not None] + sys_edits,
                   key=lambda s: s.cut_start)
    pieces, deltas, cursor = [], [], 0  # deltas: (cut_start, cut_end, length change so far)
    shift = 0
    for e in edits:
        pieces.append(raw[cursor:e.cut_start])
        pieces.append(e.replacement)
        cursor = e.cut_end
        shift += len(e.replacement) - (e.cut_end - e.cut_start)
        deltas.append((e.cut_start, e.cut_end, shift))
    pieces.append(raw[cursor:])
    text = "".join(pieces)
    cut_ends = [d[1] for d in deltas]

    def new_offset(off: int) -> int:
        """Corrected offset of a raw offset that no edit strictly contains."""
        i = bisect.bisect_right(cut_ends, off)
        return off + (deltas[i - 1][2] if i else 0)

    new_starts = _line_starts(text)
    by_id = {r.id: r for r in errata.itertuples(index=False)}
    raw_starts = _line_starts(raw)
    rows = []

    def row_for(entry, raw_off, raw_text, new_off, new_text, status, count):
        rl, rc = _position(raw_starts, raw_off)
        if new_off is None:
            nl = nc = pd.NA
        else:
            nl, nc = _position(new_starts, new_off)
        return {"id": entry.id, "raw_line": rl, "raw_column": rc, "raw_text": raw_text,
                "corrected_line": nl, "corrected_column": nc, "corrected_text": new_text,
                "category": entry.category, "certainty": entry.certainty,
                "basis": entry.basis, "scope": entry.scope, "count": count, "status": status}

    for s in spans:
        entry = by_id[s.entry]
        if s.replacement is None:
            a, b = new_offset(s.start), new_offset(s.end)
            rows.append(row_for(entry, s.start, entry.text, a, text[a:b], "unresolved", 1))
        elif s.whole_line:
            rows.append(row_for(entry, s.start, entry.text, None, "", "deleted", 1))
        else:
            a = new_offset(s.cut_start)
            status = "deleted" if s.replacement == "" else "corrected"
            rows.append(row_for(entry, s.start, entry.text, a, s.replacement, status, 1))
    occ_rows = []
    for eid, k, off, end, status in records:
        entry = by_id[eid]
        new_off = new_offset(off) if status in ("corrected", "kept") else None
        shown = entry.correction if status == "corrected" else \
            (entry.text if status == "kept" else "")
        r = row_for(entry, off, entry.text, new_off, shown, status, 1)
        r["occurrence"] = k
        occ_rows.append(r)
    for row in errata[errata["scope"] == "systematic"].itertuples(index=False):
        mine = [r for r in occ_rows if r["id"] == row.id]
        applied = [r for r in mine if r["status"] == "corrected"]
        first = applied[0] if applied else None
        rows.append({**mine[0], "corrected_line": first["corrected_line"] if first else pd.NA,
                     "corrected_column": first["corrected_column"] if first else pd.NA,
                     "corrected_text": row.correction, "count": row.count,
                     "status": "systematic"})
    diff = _frame(rows, DIFF_COLUMNS)
    occurrences = _frame(occ_rows, DIFF_COLUMNS + ["occurrence"])
    return Edition(text=text, diff=diff, occurrences=occurrences)


def _frame(rows, columns):
    df = pd.DataFrame(rows, columns=columns)
    df = df.sort_values(["raw_line", "raw_column", "id"], kind="stable").reset_index(drop=True)
    for col in ("raw_line", "raw_column", "count"):
        df[col] = df[col].astype("int64")
    for col in ("corrected_line", "corrected_column"):
        df[col] = df[col].astype("Int64")
    return df


def apply_errata(raw: str, errata=None) -> str:
    """The corrected text: ``errata`` (a DataFrame, default the shipped table) applied to ``raw``.

    Raises ``ErrataMismatchError`` (naming the entry) when an entry does not match the raw
    text, when two entries overlap, or when a systematic count is wrong.
    """
    return _build(raw, load_errata() if errata is None else errata).text


# ---------------------------------------------------------------------------- the specimen


def _raw_specimen() -> str:
    return data_path("specimen", "report_raw.txt").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _edition() -> Edition:
    return _build(_raw_specimen(), load_errata())


def corrected_text() -> str:
    """The specimen's corrected edition (cached). Unresolved places keep their raw words."""
    return _edition().text


def edition_diff(expand_systematic: bool = False, *, raw: str | None = None, errata=None):
    """One row per change between the raw specimen and its corrected edition.

    Columns: ``DIFF_COLUMNS``. Once entries give one row each (``status`` corrected,
    deleted or unresolved; a deleted line has no corrected position). A systematic entry
    gives one summary row (``status`` systematic, ``count`` = raw occurrences, corrected
    position of the first replaced occurrence) or, with ``expand_systematic=True``, one
    row per raw occurrence (``status`` corrected, consumed — removed with a deleted line
    or replaced by a once entry — or kept in Latin context) with an ``occurrence`` number.

    ``raw`` and ``errata`` (a path or a DataFrame), given together, diff another report
    against its own errata instead of the specimen.
    """
    if (raw is None) != (errata is None):
        raise ValueError("raw and errata go together")
    ed = _edition() if raw is None else _build(raw, errata)
    if not expand_systematic:
        return ed.diff.copy()
    once = ed.diff[ed.diff["scope"] == "once"].assign(occurrence=pd.NA)
    both = pd.concat([once, ed.occurrences], ignore_index=True)
    both["occurrence"] = both["occurrence"].astype("Int64")
    return both.sort_values(["raw_line", "raw_column", "id"], kind="stable") \
        .reset_index(drop=True)


def unresolved():
    """The entries whose correction is ``unknown``: the edition keeps these words as they are.

    Columns: id, line, column (raw), corrected_line, corrected_column, text, category,
    certainty, basis.
    """
    diff = _edition().diff
    rows = diff[diff["status"] == "unresolved"]
    out = rows.rename(columns={"raw_line": "line", "raw_column": "column", "raw_text": "text"})
    return out[["id", "line", "column", "corrected_line", "corrected_column", "text",
                "category", "certainty", "basis"]].reset_index(drop=True)
