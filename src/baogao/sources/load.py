"""``baogao.load``: one entry point for paths, strings and bytes."""

from __future__ import annotations

import os
from pathlib import Path

from baogao.errors import EmptyFileError, UsageError
from baogao.report import Report
from baogao.sources.files import DOCX_SUFFIXES, TEXT_SUFFIXES, UNSUPPORTED, decode_bytes, read_path

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
         max_bytes: int | None = None) -> Report:
    """Load a report from a path (.txt, .md, .docx), a string of text, or bytes.

    - ``encoding``: force a codec for text files; by default UTF-8 (with or
      without BOM), UTF-16 with BOM, GB18030/GBK and Big5 are recognised.
    - ``name``: how the report is named in messages (defaults to the path).
    - ``max_bytes``: refuse larger files (default ``files.DEFAULT_MAX_BYTES``, 20 MB).

    Bad input raises a ``BaogaoError`` subclass with one Chinese sentence.
    """
    if isinstance(source, Report):
        return source
    if isinstance(source, (bytes, bytearray, memoryview)):
        label = name or "上传的文件"
        decoded = decode_bytes(bytes(source), name=label, encoding=encoding, fmt="auto",
                               max_bytes=max_bytes)
        return _report(decoded, label)
    if isinstance(source, os.PathLike) or (isinstance(source, str) and _looks_like_path(source)):
        path = os.fspath(source)
        label = name or path
        data, fmt = read_path(path, encoding=encoding, max_bytes=max_bytes)
        decoded = decode_bytes(data, name=label, encoding=encoding, fmt=fmt, max_bytes=max_bytes)
        return _report(decoded, label)
    if isinstance(source, str):
        label = name or "<文本>"
        if not source.strip():
            raise EmptyFileError(f"“{label}”是空的：里面没有任何文字。", path=label)
        return Report.from_text(source, source=label, encoding="utf-8")
    raise UsageError(f"无法读取类型为 {type(source).__name__} 的对象：请传入文件路径、文本字符串或字节串。")


def _report(decoded, label: str) -> Report:
    if not decoded.text.strip():
        raise EmptyFileError(f"“{label}”里只有空白，没有文字。", path=label)
    return Report.from_text(decoded.text, source=label, encoding=decoded.encoding,
                            format=decoded.format, heading_levels=decoded.heading_levels,
                            styles=decoded.styles)
