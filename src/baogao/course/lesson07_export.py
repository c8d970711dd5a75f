"""Lesson 07 (动手写报告): the draft exported, and the .docx opened again.

- ``export_files``: what the builder's two buttons wrote (names, formats), without the folder;
- ``docx_paragraphs`` / ``docx_table``: each paragraph of an exported .docx with its style and the
  style's typeface, size and alignment, read back with python-docx;
- ``docx_record``: what the picture of the first page was rendered from (the paragraphs and a
  digest of the document's parts); ``tools/render_docx_page.py`` writes it beside the picture
  (``FIRST_PAGE``) and a test recomputes it, so that a changed export fails a test until the
  picture is rendered again.
"""

from __future__ import annotations

import hashlib
import io
import json
import zipfile
from pathlib import Path

from baogao.course.lesson07_models import MODEL
from baogao.export import to_docx, to_markdown
from baogao.lazy import pandas as pd
from baogao.sources.load import load

#: The picture of the .docx's first page and its record, relative to the repository's root; the
#: lesson notebook shows the picture as ``../docs/images/…`` (relative to notebooks/).
FIRST_PAGE = "docs/images/lesson07_docx_page1.png"
FIRST_PAGE_RECORD = "docs/images/lesson07_docx_page1.json"
#: Parts of the .docx that do not change how it looks (properties, thumbnail).
_IGNORED_PARTS = ("docProps/",)
_SIZES = {22.0: "2号", 16.0: "3号", 14.0: "4号"}
_ALIGN = {"both": "两端对齐", "left": "左对齐", "center": "居中", "right": "右对齐"}


def export_files(b) -> "pd.DataFrame":
    """The files the builder ``b`` exported next to its draft: name and format (the folder is b.path's)."""
    rows = []
    for suffix, fmt in ((".md", "Markdown"), (".docx", "Word")):
        p = b.path.with_suffix(suffix)
        if p.is_file():
            rows.append({"文件": p.name, "格式": fmt, "和草稿在同一个文件夹": p.parent == b.path.parent})
    return pd.DataFrame(rows, columns=["文件", "格式", "和草稿在同一个文件夹"])


def docx_bytes(text: str = MODEL) -> bytes:
    """The .docx the kit exports from ``text`` (written into memory, no file)."""
    buffer = io.BytesIO()
    to_docx(load(text, name="草稿"), buffer)
    return buffer.getvalue()


def markdown(text: str = MODEL) -> str:
    """The Markdown the kit exports from ``text``."""
    return to_markdown(load(text, name="草稿"))


def _style_format(paragraph) -> dict:
    """Typeface (East Asian) and size of a paragraph's style, from the style's own XML; its
    alignment, the paragraph's own where it has one (an upward 发文字号 stands on the left)."""
    from docx.oxml.ns import qn  # python-docx is heavy: loaded when a .docx is read

    el = paragraph.style.element
    fonts, size = el.find(f"{qn('w:rPr')}/{qn('w:rFonts')}"), el.find(f"{qn('w:rPr')}/{qn('w:sz')}")
    own = paragraph._p.find(f"{qn('w:pPr')}/{qn('w:jc')}")
    jc = own if own is not None else el.find(f"{qn('w:pPr')}/{qn('w:jc')}")
    half_points = float(size.get(qn("w:val"))) if size is not None else 32.0
    return {"字体": fonts.get(qn("w:eastAsia")) if fonts is not None else "",
            "字号": _SIZES.get(half_points / 2, f"{half_points / 2:g} 磅"),
            "对齐": _ALIGN.get(jc.get(qn("w:val")), jc.get(qn("w:val"))) if jc is not None else ""}


def docx_paragraphs(source) -> list[dict]:
    """Each paragraph of a .docx (a path or its bytes): style name, its format, the text."""
    import docx  # python-docx is heavy: loaded when a .docx is read

    document = docx.Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))
    return [{"样式": p.style.name, **_style_format(p), "文字": p.text} for p in document.paragraphs]


def docx_table(source, width: int = 18):
    """``docx_paragraphs`` as a table, each text cut to ``width`` characters."""
    rows = [{**row, "文字": row["文字"] if len(row["文字"]) <= width else row["文字"][:width] + "…"}
            for row in docx_paragraphs(source)]
    return pd.DataFrame(rows, columns=["样式", "字体", "字号", "对齐", "文字"])


def docx_record(text: str = MODEL) -> dict:
    """What a picture of the export of ``text`` shows: the paragraphs with their styles, and a
    digest of every part of the .docx that bears on its look (its XML: text, styles, fonts, page)."""
    data = docx_bytes(text)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = {n: hashlib.sha256(z.read(n)).hexdigest() for n in sorted(z.namelist())
                 if not n.startswith(_IGNORED_PARTS)}
    paragraphs = [[row["样式"], row["文字"]] for row in docx_paragraphs(data)]
    digest = hashlib.sha256(json.dumps({"paragraphs": paragraphs, "parts": parts}, ensure_ascii=False,
                                       sort_keys=True).encode("utf-8")).hexdigest()
    return {"digest": digest, "paragraphs": paragraphs, "parts": parts}


def read_record(root: Path) -> dict:
    """The record written beside the picture (``FIRST_PAGE_RECORD`` under ``root``)."""
    return json.loads((Path(root) / FIRST_PAGE_RECORD).read_text(encoding="utf-8"))


__all__ = ["FIRST_PAGE", "FIRST_PAGE_RECORD", "export_files", "docx_bytes", "markdown", "docx_paragraphs",
           "docx_table", "docx_record", "read_record"]
