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
"""
from __future__ import annotations

import os
from pathlib import Path

from baogao.errors import UsageError
from baogao.export.docx import DOCX_SUFFIXES, to_docx
from baogao.export.markdown import MARKDOWN_SUFFIXES, to_markdown


def export(report, path: "str | os.PathLike") -> Path:
    """Write the draft to ``path`` in the format its suffix names; return the path.

    ``.md`` / ``.markdown``: :func:`to_markdown` (UTF-8); ``.docx``:
    :func:`to_docx`. Any other suffix, a missing folder or a file that
    cannot be written raises :class:`~baogao.errors.UsageError` (one
    Chinese sentence).
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
    try:
        if suffix in MARKDOWN_SUFFIXES:
            target.write_text(to_markdown(report), encoding="utf-8", newline="\n")
        else:
            to_docx(report, target)
    except OSError:
        raise UsageError(f"无法写入“{target}”：请检查是否有写入权限，或文件是否正被 Word 等程序打开。",
                         path=str(target)) from None
    return target
