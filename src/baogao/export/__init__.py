"""Export a student's draft as Markdown or as a Word document laid out by GB/T 9704.

Public interface: :func:`to_markdown`, :func:`to_docx` and :func:`export`
(which picks the format from the file suffix). Both formats keep the text of
every paragraph exactly as the draft has it (markers included, no Word
automatic numbering), so that the exported file is the same draft in another
dress: ``baogao.load(exported_docx).outline()`` equals the draft's outline.
Content-farm boilerplate (element kind ``boilerplate``) is not part of a
student's draft and is dropped by both exports. The draft's own indentation
(full-width spaces) is dropped too: Markdown has no use for it and the .docx
indents by paragraph format. See ``docs/export.md`` for the layout numbers.

:func:`export` never loses a file: it refuses to write over the draft it
reads (also through another path, a hard link or a symbolic link), replaces
an existing file only when asked (``force=True``), never writes through a
symbolic link, and writes a temporary file in the target folder that is
renamed over the target only once it is complete.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from baogao.errors import UsageError
from baogao.export.docx import DOCX_SUFFIXES, to_docx
from baogao.export.markdown import MARKDOWN_SUFFIXES, to_markdown
from baogao.report import Report


def _input_path(report) -> str | None:
    """The file the draft was read from, when it names one that exists."""
    if isinstance(report, Report):
        candidate = report.source
    elif isinstance(report, (str, os.PathLike)):
        candidate = os.fspath(report)
    else:
        return None
    if not isinstance(candidate, str) or "\n" in candidate or len(candidate) > 4096:
        return None
    try:
        return candidate if os.path.isfile(candidate) else None
    except (OSError, ValueError):
        return None


def _same_file(a: str, b: Path) -> bool:
    try:
        if os.path.samefile(a, b):
            return True
    except (OSError, ValueError):
        pass
    return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


def _check_target(report, target: Path, force: bool) -> None:
    """Refuse a target that would lose a file (one Chinese sentence)."""
    source = _input_path(report)
    if source is not None and _same_file(source, target):
        raise UsageError(f"不能导出到“{target}”：它就是正在读取的草稿“{source}”，覆盖它会丢失原文；"
                         "请换一个输出文件名。", path=str(target))
    if target.is_symlink():
        pointed = os.readlink(target)
        raise UsageError(f"不能导出到“{target}”：它是指向“{pointed}”的符号链接，导出不会顺着链接改写别的文件；"
                         "请换一个输出文件名，或先删除这个链接。", path=str(target))
    if not target.exists():
        return
    if target.is_dir():
        raise UsageError(f"无法导出到“{target}”：这是一个文件夹，请给出文件名，例如“{target / '草稿.docx'}”。",
                         path=str(target))
    if not stat.S_ISREG(target.stat().st_mode):
        raise UsageError(f"无法导出到“{target}”：它不是普通文件。", path=str(target))
    if not force:
        raise UsageError(f"“{target}”已经存在：要用导出的内容替换它，请加上 --force"
                         "（在 Python 里是 export(…, force=True)）。", path=str(target))


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _write_atomically(target: Path, write, force: bool) -> None:
    """Write ``target`` through a temporary file in its folder, renamed when complete.

    ``write(file)`` writes the content into a binary file object. If it
    fails, the temporary file is removed and ``target`` is as it was.
    Without ``force`` the rename never replaces a file that appeared in the
    meantime (a hard link, which fails when the target exists).
    """
    fd, tmp_name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
            f.flush()
            os.fsync(f.fileno())
        if target.exists():
            os.chmod(tmp, stat.S_IMODE(target.stat().st_mode))
        else:
            os.chmod(tmp, 0o666 & ~_umask())
        if force:
            os.replace(tmp, target)
        else:
            try:
                os.link(tmp, target)
            except FileExistsError:
                raise UsageError(f"“{target}”已经存在：要用导出的内容替换它，请加上 --force"
                                 "（在 Python 里是 export(…, force=True)）。", path=str(target)) from None
            except OSError:  # a file system without hard links
                if target.exists():
                    raise UsageError(f"“{target}”已经存在：要用导出的内容替换它，请加上 --force"
                                     "（在 Python 里是 export(…, force=True)）。", path=str(target)) from None
                os.replace(tmp, target)
    finally:
        try:
            tmp.unlink()
        except FileNotFoundError:
            pass


def export(report, path: "str | os.PathLike", *, force: bool = False) -> Path:
    """Write the draft to ``path`` in the format its suffix names; return the path.

    ``.md`` / ``.markdown``: :func:`to_markdown` (UTF-8); ``.docx``:
    :func:`to_docx`. Raises :class:`~baogao.errors.UsageError` (one Chinese
    sentence) for any other suffix, a missing folder, a folder or a symbolic
    link at ``path``, the draft's own file at ``path`` (the same file by any
    name), an existing file unless ``force`` is true, and a file that
    cannot be written. The content goes to a temporary file in the target
    folder first and is renamed over ``path`` only when complete: a write
    that fails partway leaves the old file as it was.
    """
    target = Path(os.fspath(path))
    suffix = target.suffix.lower()
    if suffix not in MARKDOWN_SUFFIXES + DOCX_SUFFIXES:
        shown = f"“{suffix}”格式" if suffix else "没有扩展名的文件"
        raise UsageError(f"无法导出为{shown}：报告只能导出为 .md（Markdown）或 .docx（Word）文件。",
                         path=str(target))
    folder = target.parent
    if not folder.is_dir():
        raise UsageError(f"无法导出到“{target}”：文件夹“{folder}”不存在。", path=str(target))
    _check_target(report, target, force)
    if suffix in MARKDOWN_SUFFIXES:
        data = to_markdown(report).encode("utf-8")

        def write(f) -> None:
            f.write(data)
    else:
        def write(f) -> None:
            to_docx(report, f)
    try:
        _write_atomically(target, write, force)
    except OSError:
        raise UsageError(f"无法写入“{target}”：请检查是否有写入权限、磁盘空间是否足够，"
                         "或文件是否正被 Word 等程序打开。", path=str(target)) from None
    return target
