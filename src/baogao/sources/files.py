"""A report's file as text: reading the bytes, telling formats and encodings apart.

- ``read_path``: the bytes of a path and its format (text, Markdown or
  .docx), after refusing what is no report (missing, a folder, .doc/.pdf/…,
  too large);
- ``decode_bytes``: bytes into a ``Decoded`` text (a .docx through
  ``baogao.sources.docx``, with the heading evidence of its styles; Markdown
  is decoded like plain text and read by ``baogao.sources.markdown``);
- ``decode_text``: plain-text bytes into text: a forced codec, else a BOM,
  else UTF-8, else GB18030 or Big5 (binary files are recognised and refused).

Everything that can go wrong with a student's file is turned into a
``BaogaoError`` with one Chinese sentence here, so the rest of the package
only ever sees text.
"""
from __future__ import annotations

import codecs
import os
from dataclasses import dataclass, field
from pathlib import Path

from baogao.errors import (
    BinaryFileError,
    DecodeError,
    EmptyFileError,
    FileTooLargeError,
    MissingFileError,
    NotAFileError,
    UnsupportedFormatError,
)
from baogao.text.charsets import gb2312_share

#: Default size limit for one input file. The largest report of the corpus is
#: 93 KB; a 20 MB text is not a report but a mistake (or an attack on a
#: grading server).
DEFAULT_MAX_BYTES = 20 * 1024 * 1024


TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text", ""}


#: Text files read as Markdown (``baogao.sources.markdown``).
MARKDOWN_SUFFIXES = {".md", ".markdown"}


DOCX_SUFFIXES = {".docx"}


UNSUPPORTED = {
    ".doc": "旧版 Word 文档（.doc）",
    ".wps": "WPS 文档（.wps）",
    ".pdf": "PDF 文件",
    ".rtf": "RTF 文件",
    ".odt": "OpenDocument 文档（.odt）",
    ".pages": "Pages 文档",
}


# Magic numbers of common binary formats a student might pick by mistake.
_MAGIC = {
    b"\x89PNG": "PNG 图片",
    b"\xff\xd8\xff": "JPEG 图片",
    b"GIF8": "GIF 图片",
    b"%PDF": "PDF 文件",
    b"PK\x03\x04": "压缩文件（ZIP 或 Office 文档）",
    b"\xd0\xcf\x11\xe0": "旧版 Office 文档（.doc/.xls）",
    b"\x7fELF": "可执行文件",
    b"MZ": "可执行文件",
    b"\x1f\x8b": "GZIP 压缩文件",
}


@dataclass
class Decoded:
    """Text decoded from bytes, with what was learnt on the way."""

    text: str
    encoding: str
    #: For .docx input: per-line heading evidence (line -> level) and styles.
    heading_levels: dict[int, int] = field(default_factory=dict)
    styles: dict[int, str] = field(default_factory=dict)
    format: str = "text"  # text | markdown | docx


def _display(path: str | os.PathLike) -> str:
    return os.fspath(path)


def read_path(path: str | os.PathLike, *, encoding: str | None = None,
              max_bytes: int | None = None) -> tuple[bytes, str]:
    """Read a file's bytes with clear errors. Returns (bytes, format: text, markdown or docx)."""
    p = Path(path)
    name = _display(path)
    if not p.exists():
        raise MissingFileError(f"找不到文件“{name}”：请检查路径和文件名是否正确。", path=name)
    if p.is_dir():
        raise NotAFileError(f"“{name}”是一个文件夹，不是文件：请指定其中的一个报告文件。", path=name)
    if not p.is_file():
        raise NotAFileError(f"“{name}”不是普通文件，无法读取。", path=name)
    suffix = p.suffix.lower()
    if suffix in UNSUPPORTED:
        raise UnsupportedFormatError(
            f"“{name}”是{UNSUPPORTED[suffix]}，baogao 只能读取 .txt、.md 和 .docx：请另存为 .docx 或纯文本后再试。",
            path=name)
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    size = p.stat().st_size
    if size > limit:
        raise FileTooLargeError(
            f"文件“{name}”有 {size:,} 字节，超过了 {limit:,} 字节的上限：请确认选对了文件，或调高上限（max_bytes）。",
            path=name)
    try:
        data = p.read_bytes()
    except PermissionError:
        raise NotAFileError(f"没有读取“{name}”的权限。", path=name) from None
    except OSError as exc:
        raise NotAFileError(f"读取“{name}”时出错：{exc.strerror or exc}。", path=name) from None
    fmt = "docx" if suffix in DOCX_SUFFIXES else "markdown" if suffix in MARKDOWN_SUFFIXES else "text"
    return data, fmt


def decode_bytes(data: bytes, *, name: str = "文本", encoding: str | None = None,
                 fmt: str = "text", max_bytes: int | None = None) -> Decoded:
    """Decode a report's bytes (plain text, Markdown or .docx) into text.

    ``fmt``: ``text``, ``markdown``, ``docx``, or ``auto`` (a .docx when the
    bytes are a ZIP archive, else text).
    """
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    if len(data) > limit:
        raise FileTooLargeError(
            f"“{name}”有 {len(data):,} 字节，超过了 {limit:,} 字节的上限。", path=name)
    if not data:
        raise EmptyFileError(f"“{name}”是空的：里面没有任何文字。", path=name)
    if fmt == "docx" or (fmt == "auto" and data[:4] == b"PK\x03\x04"):
        from baogao.sources.docx import read_docx  # imports lxml: only when a .docx is read

        paragraphs = read_docx(data, name=name)
        text = "\n".join(p.text for p in paragraphs)
        if not text.strip():
            raise EmptyFileError(f"Word 文件“{name}”里没有任何文字。", path=name)
        return Decoded(
            text=text,
            encoding="docx",
            heading_levels={i: p.heading_level for i, p in enumerate(paragraphs, 1)
                            if p.heading_level is not None},
            styles={i: p.style for i, p in enumerate(paragraphs, 1)},
            format="docx",
        )
    text, enc = decode_text(data, name=name, encoding=encoding)
    return Decoded(text=text, encoding=enc, format="markdown" if fmt == "markdown" else "text")


def text_codec(encoding: str, *, name: str | None = None) -> str:
    """The Python codec that ``encoding`` names, if it decodes bytes into text.

    An unknown name, or a codec that is not of text (rot13, undefined),
    raises ``DecodeError`` with one Chinese sentence (the CLI checks
    ``--encoding`` with this before reading anything).
    """
    try:
        info = codecs.lookup(encoding)
    except LookupError:
        raise DecodeError(f"不认识编码“{encoding}”：请使用 utf-8、gbk、gb18030、big5 等编码名称。",
                          path=name) from None
    usable = getattr(info, "_is_text_encoding", True)
    if usable:
        try:
            b"abc".decode(info.name)
        except UnicodeDecodeError:
            pass
        except Exception:  # codecs such as "undefined" refuse every input
            usable = False
    if not usable:
        raise DecodeError(f"“{encoding}”不是文字编码，不能用来读取报告：请使用 utf-8、gbk、gb18030、big5 等编码名称。",
                          path=name)
    return info.name


def decode_text(data: bytes, *, name: str = "文本", encoding: str | None = None) -> tuple[str, str]:
    """Decode plain-text bytes; return (text, Python codec name)."""
    if encoding is not None:
        codec = text_codec(encoding, name=name)
        try:
            return data.decode(codec), _canonical(codec, data)
        except UnicodeDecodeError as exc:
            raise DecodeError(
                f"“{name}”不是 {encoding} 编码：第 {exc.start + 1} 个字节无法解码，请检查文件的编码。",
                path=name) from None

    # BOMs first: they are unambiguous.
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data, "utf-8-sig", name), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name), "utf-16"

    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise BinaryFileError(f"“{name}”是{what}，不是文本文件：请选择 .txt、.md 或 .docx 格式的报告。",
                                  path=name)
    if b"\x00" in data:
        raise BinaryFileError(f"“{name}”含有二进制数据，不是文本文件：请选择 .txt、.md 或 .docx 格式的报告。",
                              path=name)

    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass

    # Not UTF-8: a Chinese file is GBK/GB18030 (mainland) or Big5 (Taiwan,
    # Hong Kong). Both are double-byte and much GBK text is also valid Big5
    # and vice versa, so let charset-normalizer weigh the two.
    guess = _guess_cjk(data)
    if guess is not None:
        return data.decode(guess), guess
    raise DecodeError(
        f"无法识别“{name}”的文字编码：它不是 UTF-8、GBK/GB18030 或 Big5 文本。请用记事本或 WPS 另存为 UTF-8 后再试。",
        path=name)


def _strict(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"“{name}”声明为 {codec} 编码，但第 {exc.start + 1} 个字节无法解码。",
                          path=name) from None


def _canonical(codec: str, data: bytes) -> str:
    """Map codec aliases onto the names the kit documents."""
    mapping = {"gbk": "gb18030", "gb2312": "gb18030", "utf-8": "utf-8", "utf-16": "utf-16",
               "big5": "big5", "big5hkscs": "big5", "cp950": "big5"}
    name = mapping.get(codec, codec)
    if name == "utf-8" and data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    return name


def _guess_cjk(data: bytes) -> str | None:
    candidates = []
    for codec in ("gb18030", "big5"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        candidates.append((codec, text))
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0][0]
    from charset_normalizer import from_bytes  # ~30 ms: only for bytes both GB18030 and Big5

    best = from_bytes(data, cp_isolation=["gb18030", "big5"]).best()
    if best is not None:
        enc = best.encoding.replace("_", "-").lower()
        if enc in ("big5", "big5hkscs", "cp950"):
            return "big5"
        if enc in ("gb18030", "gbk", "gb2312"):
            return "gb18030"
    # Fall back on the reading with more characters inside GB2312 (simplified).
    return max(candidates, key=lambda c: gb2312_share(c[1]))[0]
