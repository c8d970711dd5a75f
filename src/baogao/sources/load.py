"""``baogao.load``: one entry point for paths, strings and bytes."""

from __future__ import annotations

import os
from pathlib import Path

from baogao.errors import EmptyFileError, UsageError
from baogao.report import Report
from baogao.sources.files import DOCX_SUFFIXES, TEXT_SUFFIXES, UNSUPPORTED, decode_bytes, read_path
from baogao.sources.markdown import read_markdown

#: The values of ``load(..., format=...)`` for text input.
FORMATS = ("text", "markdown")

_PATH_SUFFIXES = (TEXT_SUFFIXES | DOCX_SUFFIXES | set(UNSUPPORTED)) - {""}


def _looks_like_path(s: str) -> bool:
    if "\n" in s or "\r" in s or len(s) > 1024:
        return False
    if Path(s).suffix.lower() in _PATH_SUFFIXES:
        return True
    try:
        return os.path.exists(s)
    except (OSError, ValueError):
        return False


def load(source, encoding: str | None = None, *, name: str | None = None,
         max_bytes: int | None = None, format: str | None = None) -> Report:
    """Load a report from a path (.txt, .md, .docx), a string of text, or bytes.

    - ``encoding``: force a codec for text files; by default UTF-8 (with or
      without BOM), UTF-16 with BOM, GB18030/GBK and Big5 are recognised.
    - ``name``: how the report is named in messages (defaults to the path).
    - ``max_bytes``: refuse larger files (default ``files.DEFAULT_MAX_BYTES``, 20 MB).
    - ``format``: ``"markdown"`` reads text as Markdown
      (``baogao.sources.markdown``), ``"text"`` as plain text; by default a
      ``.md`` or ``.markdown`` file is Markdown and everything else text (a
      .docx is always a Word file).

    Bad input raises a ``BaogaoError`` subclass with one Chinese sentence.
    """
    if format is not None and format not in FORMATS:
        raise UsageError(f"不认识格式“{format}”：format 只能是 \"text\"（纯文本）或 \"markdown\"。")
    if isinstance(source, Report):
        return source
    if isinstance(source, (bytes, bytearray, memoryview)):
        label = name or "上传的文件"
        decoded = decode_bytes(bytes(source), name=label, encoding=encoding, fmt=format or "auto",
                               max_bytes=max_bytes)
        return _report(decoded, label)
    if isinstance(source, os.PathLike) or (isinstance(source, str) and _looks_like_path(source)):
        path = os.fspath(source)
        label = name or path
        data, fmt = read_path(path, encoding=encoding, max_bytes=max_bytes)
        if format is not None and fmt == "docx":
            raise UsageError(f"“{label}”是 Word 文件，不能按 {format} 格式读取：请去掉 format 参数。")
        decoded = decode_bytes(data, name=label, encoding=encoding, fmt=format or fmt,
                               max_bytes=max_bytes)
        return _report(decoded, label)
    if isinstance(source, str):
        label = name or "<文本>"
        if not source.strip():
            raise EmptyFileError(f"“{label}”是空的：里面没有任何文字。", path=label)
        if format == "markdown":
            return read_markdown(source, source=label, encoding="utf-8")
        return Report.from_text(source, source=label, encoding="utf-8")
    raise UsageError(f"无法读取类型为 {type(source).__name__} 的对象：请传入文件路径、文本字符串或字节串。")


def _report(decoded, label: str) -> Report:
    if not decoded.text.strip():
        raise EmptyFileError(f"“{label}”里只有空白，没有文字。", path=label)
    if decoded.format == "markdown":
        return read_markdown(decoded.text, source=label, encoding=decoded.encoding)
    return Report.from_text(decoded.text, source=label, encoding=decoded.encoding,
                            format=decoded.format, heading_levels=decoded.heading_levels,
                            styles=decoded.styles)
