"""CSV files a spreadsheet opens correctly and cannot execute.

A spreadsheet reads a cell starting with ``=``, ``+``, ``-`` or ``@`` (or a
tab or a carriage return, also after spaces) as a formula: a student named
``=HYPERLINK(…)`` or an answer starting with ``=`` would run when the teacher
opens the grade sheet. ``safe_cell`` prefixes such a text with ``'``, OWASP's
advice against CSV injection; numbers stay numbers. A text that already
starts with ``'`` gets one more, so that ``restore_cell`` (used when the kit
reads its CSV back) returns exactly the original text.

``write_csv`` writes UTF-8 with a byte-order mark: without it, Excel reads a
CSV in the system's code page and shows the Chinese as mojibake.
``read_csv`` reads one back: UTF-8 with or without the mark, or GB18030 (what
Excel on a Chinese Windows saves a CSV in), every cell as text.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from baogao.errors import UsageError
from baogao.lazy import pandas as pd
from baogao.teach.make_exercises import write_atomically

#: What a spreadsheet takes for the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: Leading characters a spreadsheet skips before it looks for a formula.
LEADING_SPACE = " \u3000"
BOM = "\ufeff"
#: A CSV larger than this is not read (a grade sheet of a class is far smaller).
MAX_CSV_BYTES = 200_000_000


def _looks_like_formula(text: str) -> bool:
    return text.lstrip(LEADING_SPACE).startswith(FORMULA_STARTS)


def safe_cell(value):
    """``value`` as a cell no spreadsheet executes: a text that would start a formula
    (or that starts with ``'``) is prefixed with ``'``; anything else is returned as is."""
    if isinstance(value, str) and (value.startswith("'") or _looks_like_formula(value)):
        return "'" + value
    return value


def restore_cell(text: str) -> str:
    """The text ``safe_cell`` was given (a text it did not change is returned as is)."""
    if isinstance(text, str) and text.startswith("'"):
        rest = text[1:]
        if rest.startswith("'") or _looks_like_formula(rest):
            return rest
    return text


def _is_text_column(series) -> bool:
    return not (pd.api.types.is_numeric_dtype(series) or pd.api.types.is_bool_dtype(series))


def write_csv(frame, path) -> Path:
    """Write ``frame`` to ``path`` as CSV: UTF-8 with a byte-order mark (so that Excel
    opens the Chinese correctly), every text cell through ``safe_cell``, through a
    temporary file in the same folder renamed over ``path`` (a reader never sees half a file)."""
    path = Path(path)
    safe = frame.copy()
    for column in safe.columns:
        if _is_text_column(safe[column]):
            safe[column] = safe[column].astype(object).map(safe_cell)
    safe.columns = [safe_cell(str(c)) for c in safe.columns]
    write_atomically(path, BOM + safe.to_csv(index=False, lineterminator="\n"))
    return path


def _decode(data: bytes, path: Path, what: str) -> str:
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UsageError(f"{what}“{path}”既不是 UTF-8 也不是 GB18030 编码的文本，无法读取。")


def read_csv(path, *, what: str = "CSV 文件"):
    """The CSV at ``path`` as a DataFrame of texts (an empty cell is ""), each cell and
    header through ``restore_cell``. Any problem is a UsageError naming ``what``."""
    path = Path(path)
    if not path.exists():
        raise UsageError(f"找不到{what}“{path}”。")
    if not path.is_file():
        raise UsageError(f"{what}“{path}”不是文件。")
    try:
        if os.path.getsize(path) > MAX_CSV_BYTES:
            raise UsageError(f"{what}“{path}”太大（超过 {MAX_CSV_BYTES // 1_000_000} MB），不像是成绩表。")
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"无法读取{what}“{path}”：{exc.strerror or exc}。") from None
    text = _decode(data, path, what)
    if not text.strip():
        raise UsageError(f"{what}“{path}”是空的。")
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise UsageError(f"{what}“{path}”不是有效的 CSV（{exc}）。") from None
    header = [restore_cell(name.strip()) for name in rows[0]]
    body = [row for row in rows[1:] if any(cell.strip() for cell in row)]
    for number, row in enumerate(body, 2):
        if len(row) > len(header):
            raise UsageError(f"{what}“{path}”第 {number} 行的列数（{len(row)}）多于表头（{len(header)}）。")
    body = [[restore_cell(cell) for cell in row] + [""] * (len(header) - len(row)) for row in body]
    return pd.DataFrame(body, columns=header, dtype=object)
