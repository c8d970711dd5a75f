"""The specimen's errata file: its schema, loading and validation, and its summary.

``data/specimen/errata.csv`` documents every defect of the raw specimen, one
row per entry (``COLUMNS``); ``data/specimen/ERRATA.md`` states the schema,
the categories and the certainty scale. ``load_errata()`` reads it (or
validates a table of one's own) into a typed DataFrame and raises
``ErrataSchemaError``, naming the entry, for a table that breaks the schema:
rows in text order, ids unique and together E001…En without a gap (ids are
stable: an entry added later takes the next free id, wherever it stands in the
text), a known category whose ``catchable`` value
(``CATCHABLE``, decided per category) the entry repeats, a known certainty
and scope, certainty ``unknown`` only with correction ``unknown``, ``count``
1 for a once entry, a correction for every systematic entry, and a basis.
``summary()`` counts the entries per category and certainty.

Applying the errata to the raw text is ``baogao.sources.edition``.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from baogao.errors import BaogaoError
from baogao.lazy import pandas as pd
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

#: Category -> its Chinese name, as the lessons, the widgets and the linter's scores show it.
CATEGORY_LABELS: dict[str, str] = {
    "seo_title": "网站标题", "boilerplate": "网站附加文字", "ascii_punctuation": "半角标点",
    "stray_space": "多余空格", "punctuation": "标点误用", "number_style": "数字用法不一致",
    "numbering": "编号", "missing_heading": "缺失标题", "cut_off": "段落残缺",
    "name_error": "人名错误", "formulation_error": "提法错误", "duplication": "重复",
    "latin_residue": "外文残留", "misplaced_punctuation": "标点错位", "word_choice": "用词不当",
    "garbled": "语句不通", "fact_error": "事实错误", "document_title_error": "文件名称错误",
}

CERTAINTIES = ("certain", "probable", "unknown")
SCOPES = ("once", "systematic")
COLUMNS = ["id", "line", "column", "text", "category", "correction", "certainty", "basis",
           "catchable", "scope", "count"]


class ErrataError(BaogaoError):
    """A problem with an errata table; ``entry_id`` names the entry (or entries)."""

    def __init__(self, message: str, *, entry_id: str | None = None, path: str | None = None):
        super().__init__(message, path=path)
        self.entry_id = entry_id


class ErrataSchemaError(ErrataError):
    """The table breaks the schema (unknown category, bad certainty, wrong catchable …)."""


def errata_path():
    """The shipped errata file (a Traversable of the package's data)."""
    return data_path("specimen", "errata.csv")


def load_errata(source=None):
    """The errata as a DataFrame with typed columns, validated.

    ``source``: None (the shipped file), a path, or a DataFrame to validate.
    ``line``, ``column``, ``count`` are int64, ``catchable`` is bool, the rest str.
    """
    if isinstance(source, pd.DataFrame):
        return _validate(source.copy())
    path = Path(source) if source is not None else errata_path()
    return errata_from_text(path.read_text(encoding="utf-8"))


def errata_from_text(text: str):
    """An errata CSV's text as ``load_errata`` gives it: typed and validated."""
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    df = pd.DataFrame(rows, columns=list(rows[0].keys()) if rows else COLUMNS)
    return _validate(df)


def _fail(message: str, entry_id: str | None = None):
    raise ErrataSchemaError(message, entry_id=entry_id)


def _validate(df):
    if list(df.columns) != COLUMNS:
        _fail(f"勘误表的列应为 {', '.join(COLUMNS)}，实为 {', '.join(map(str, df.columns))}。")
    out = pd.DataFrame(index=range(len(df)))
    for col in ("id", "text", "category", "correction", "certainty", "basis", "scope"):
        # An empty CSV field read by pandas is NaN: it means "" (a deletion), never "nan".
        out[col] = [("" if v is None or (isinstance(v, float) and v != v) else str(v))
                    for v in df[col]]
    ids = out["id"].tolist()
    seen: set[str] = set()
    for i, eid in enumerate(ids, 1):
        if not re.fullmatch(r"E\d{3,}", eid):
            _fail(f"勘误编号应形如 E001，第 {i} 条却是“{eid}”。", eid)
        if eid in seen:
            _fail(f"勘误编号“{eid}”重复。", eid)
        seen.add(eid)
    expected = {f"E{n:03d}" for n in range(1, len(ids) + 1)}
    if seen != expected:
        gap = min(expected - seen, key=lambda x: int(x[1:]))
        odd = min(seen - expected, key=lambda x: int(x[1:]))
        _fail(f"勘误编号应是 E001 到 E{len(ids):03d}，不缺号：缺了 {gap}，却有 {odd}。", odd)
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
    for k, (a, b) in enumerate(zip(order, order[1:]), 1):
        if b < a:
            _fail(f"勘误表应按原文顺序（行、列）排列：{ids[k]} 排在 {ids[k - 1]} 之后，位置却在它前面。",
                  ids[k])
    return out[COLUMNS]


def summary():
    """Counts of entries per category and certainty, with each category's catchable value."""
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
