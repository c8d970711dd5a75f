"""The picture of the .docx's first page in lesson 07 is current, small, and shown by the lesson.

The picture is rendered with LibreOffice by tools/render_docx_page.py, which CI does not run; it
writes beside the picture a record of what it rendered (``lesson07_export.docx_record``). Here a
fresh export is recorded again: any change to the model draft or to the export fails this test
until the picture is rendered again.
"""

from __future__ import annotations

import json
import re
import struct
from pathlib import Path

from baogao.course import lesson07_drafting as lesson

ROOT = Path(__file__).resolve().parents[2]
PICTURE = ROOT / lesson.FIRST_PAGE
NOTEBOOK = ROOT / "notebooks/07_drafting.ipynb"


def test_the_picture_is_of_the_current_export():
    record = lesson.read_record(ROOT)
    fresh = lesson.docx_record()
    assert record["paragraphs"] == fresh["paragraphs"], "the model draft changed: run tools/render_docx_page.py"
    changed = sorted(n for n in set(record["parts"]) | set(fresh["parts"])
                     if record["parts"].get(n) != fresh["parts"].get(n))
    assert changed == [], f"the export changed ({changed}): run tools/render_docx_page.py"
    assert record["digest"] == fresh["digest"]


def test_the_picture_is_a_small_png_of_an_a4_page():
    data = PICTURE.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) < 150_000
    width, height = struct.unpack(">II", data[16:24])
    assert abs(height / width - 297 / 210) < 0.01, (width, height)
    dpi = json.loads((ROOT / lesson.FIRST_PAGE_RECORD).read_text(encoding="utf-8"))["dpi"]
    assert abs(width - 210 / 25.4 * dpi) <= 1


def test_the_lesson_shows_the_picture_and_names_its_stand_in_fonts():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    prose = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    links = re.findall(r"!\[[^\]]+\]\(([^)]+)\)", prose)
    assert links == ["../docs/images/lesson07_docx_page1.png"]
    target = (NOTEBOOK.parent / links[0]).resolve()
    assert target == PICTURE.resolve()
    target.relative_to(ROOT)  # inside the folder JupyterLab serves (jupyter_server_config.py: the checkout)
    for family in set(lesson.read_record(ROOT)["stand_in_fonts"].values()):
        assert family in prose, family
