"""The specimen's errata and its corrected edition.

``data/specimen/errata.csv`` documents every defect of the raw specimen (one row per
entry; the rules are in ``data/specimen/ERRATA.md``). This module validates it, applies
it to the raw text and maps every change between the raw text and the corrected edition.

Application rules, in short:

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
import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from baogao.errors import BaogaoError
from baogao.text.lexicon import data_path

UNKNOWN = "unknown"

# Category -> catchable by a rule-based linter (decided per category, before any entry;
# the reasons are in ERRATA.md).
CATCHABLE: dict[str, bool] = {
    "seo_title": True,
    "boilerplate": True,
    "ascii_punctuation": True,
    "stray_space": True,
    "punctuation": True,
    "number_style": True,
    "numbering": True,
    "missing_heading": True,
    "cut_off": True,
    "name_error": True,
    "formulation_error": True,
    "duplication": True,
    "latin_residue": True,
    "misplaced_punctuation": False,
    "word_choice": False,
    "garbled": False,
    "fact_error": False,
    "document_title_error": False,
}

CERTAINTIES = ("certain", "probable", "unknown")
SCOPES = ("once", "systematic")
COLUMNS = ["id", "line", "column", "text", "category", "correction", "certainty", "basis",
           "catchable", "scope", "count"]
DIFF_COLUMNS = ["id", "raw_line", "raw_column", "raw_text", "corrected_line",
                "corrected_column", "corrected_text", "category", "certainty", "basis",
                "scope", "count", "status"]


class ErrataError(BaogaoError):
    """A problem with an errata table; ``entry_id`` names the entry (or entries)."""

    def __init__(self, message: str, *, entry_id: str | None = None, path: str | None = None):
        super().__init__(message, path=path)
        self.entry_id = entry_id


class ErrataSchemaError(ErrataError):
    """The table breaks the schema (unknown category, bad certainty, wrong catchable …)."""


class ErrataMismatchError(ErrataError):
    """An entry does not fit the raw text (text, count, overlap)."""


def errata_path():
    """The shipped errata file (a Traversable of the package's data)."""
    return data_path("specimen", "errata.csv")


# ---------------------------------------------------------------------------- loading


def load_errata(source=None):
    """The errata as a DataFrame with typed columns, validated.

    ``source``: None (the shipped file), a path, or a DataFrame to validate.
    ``line``, ``column``, ``count`` are int64, ``catchable`` is bool, the rest str.
    """
    import pandas as pd

    if isinstance(source, pd.DataFrame):
        df = source.copy()
    else:
        path = Path(source) if source is not None else errata_path()
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        df = pd.DataFrame(rows, columns=list(rows[0].keys()) if rows else COLUMNS)
    return _validate(df)


def _fail(message: str, entry_id: str | None = None):
    raise ErrataSchemaError(message, entry_id=entry_id)


def _validate(df):
    import pandas as pd

    if list(df.columns) != COLUMNS:
        _fail(f"勘误表的列应为 {', '.join(COLUMNS)}，实为 {', '.join(map(str, df.columns))}。")
    out = pd.DataFrame(index=range(len(df)))
    for col in ("id", "text", "category", "correction", "certainty", "basis", "scope"):
        # An empty CSV field read by pandas is NaN: it means "" (a deletion), never "nan".
        out[col] = [("" if v is None or (isinstance(v, float) and v != v) else str(v))
                    for v in df[col]]
    ids = out["id"].tolist()
    for i, eid in enumerate(ids, 1):
        if eid != f"E{i:03d}":
            _fail(f"勘误编号应依次为 E001、E002……，第 {i} 条却是“{eid}”。", eid)
    for col in ("line", "column", "count"):
        values = []
        for eid, v in zip(ids, df[col]):
            try:
                n = int(str(v))
            except ValueError:
                _fail(f"勘误 {eid} 的 {col} 不是整数：“{v}”。", eid)
            if n < 1:
                _fail(f"勘误 {eid} 的 {col} 必须大于 0。", eid)
            values.append(n)
        out[col] = pd.Series(values, dtype="int64")
    catch = []
    for eid, v in zip(ids, df["catchable"]):
        v = str(v).strip().lower() if not isinstance(v, bool) else ("yes" if v else "no")
        if v not in ("yes", "no"):
            _fail(f"勘误 {eid} 的 catchable 只能是 yes 或 no，实为“{v}”。", eid)
        catch.append(v == "yes")
    out["catchable"] = pd.Series(catch, dtype="bool")
    for row in out.itertuples(index=False):
        eid = row.id
        if row.category not in CATCHABLE:
            _fail(f"勘误 {eid} 的类别“{row.category}”不在类别表中。", eid)
        if row.certainty not in CERTAINTIES:
            _fail(f"勘误 {eid} 的确定程度“{row.certainty}”无效：只能是 "
                  f"{'、'.join(CERTAINTIES)}。", eid)
        if row.scope not in SCOPES:
            _fail(f"勘误 {eid} 的范围“{row.scope}”无效：只能是 once 或 systematic。", eid)
        if row.catchable != CATCHABLE[row.category]:
            _fail(f"勘误 {eid} 的 catchable 与其类别“{row.category}”的规定不一致。", eid)
        if not row.text or "\n" in row.text or "\r" in row.text:
            _fail(f"勘误 {eid} 的原文为空或跨行。", eid)
        if "\n" in row.correction or "\r" in row.correction:
            _fail(f"勘误 {eid} 的改正跨行。", eid)
        if row.certainty == UNKNOWN and row.correction != UNKNOWN:
            _fail(f"勘误 {eid} 的确定程度为 unknown，改正也必须是 unknown：不凭猜测改字。", eid)
        if row.scope == "once" and row.count != 1:
            _fail(f"勘误 {eid} 只出现一次，count 必须是 1。", eid)
        if row.scope == "systematic" and row.correction == UNKNOWN:
            _fail(f"勘误 {eid} 是系统性错误，必须给出改正。", eid)
        if row.correction == row.text:
            _fail(f"勘误 {eid} 的改正与原文相同。", eid)
        if not row.basis.strip():
            _fail(f"勘误 {eid} 缺少依据。", eid)
    order = list(zip(out["line"], out["column"]))
    if order != sorted(order):
        _fail("勘误应按原文顺序（行、列）编号。")
    return out[COLUMNS]


# ---------------------------------------------------------------------------- applying


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
    import pandas as pd

    raw = _normalise(raw)
    errata = _validate(errata)
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
    import pandas as pd

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


def edition_diff(expand_systematic: bool = False):
    """One row per change between the raw specimen and its corrected edition.

    Columns: ``DIFF_COLUMNS``. Once entries give one row each (``status`` corrected,
    deleted or unresolved; a deleted line has no corrected position). A systematic entry
    gives one summary row (``status`` systematic, ``count`` = raw occurrences, corrected
    position of the first replaced occurrence) or, with ``expand_systematic=True``, one
    row per raw occurrence (``status`` corrected, consumed — removed with a deleted line
    or replaced by a once entry — or kept in Latin context) with an ``occurrence`` number.
    """
    import pandas as pd

    ed = _edition()
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


def summary():
    """Counts of entries per category and certainty, with each category's catchable value."""
    import pandas as pd

    df = load_errata()
    table = pd.crosstab(df["category"], df["certainty"]).reindex(
        index=list(CATCHABLE), columns=list(CERTAINTIES), fill_value=0)
    table = table[table.sum(axis=1) > 0]
    table.insert(0, "catchable", ["yes" if CATCHABLE[c] else "no" for c in table.index])
    table["entries"] = table[list(CERTAINTIES)].sum(axis=1)
    table["occurrences"] = df.groupby("category")["count"].sum().reindex(table.index)
    table.index.name = "category"
    table.columns.name = None
    return table
