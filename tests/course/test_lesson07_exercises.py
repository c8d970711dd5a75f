"""Lesson 07's builders never touch the student's draft, and its exercises check what they say."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import baogao
from baogao.course import lesson07_drafting as ex
from baogao.exercises import CORRECT, INCORRECT, SUBMITTED

ROOT = Path(__file__).resolve().parents[2]


def test_the_demo_builder_writes_only_into_a_new_temporary_folder(tmp_path):
    (tmp_path / ex.DRAFT_FILE).write_text("我的草稿", encoding="utf-8")
    demo = ex.demo_builder(schedule=None)
    assert demo.path.parent != tmp_path.resolve() and demo.path.parent.name.startswith("baogao-lesson07-")
    assert demo.path.read_text(encoding="utf-8") == ex.MODEL
    demo.export_md.click()
    demo.export_docx.click()
    assert sorted(ex.export_files(demo)["文件"]) == ["范文.docx", "范文.md"]
    assert (tmp_path / ex.DRAFT_FILE).read_text(encoding="utf-8") == "我的草稿"
    assert sorted(p.name for p in tmp_path.iterdir()) == [ex.DRAFT_FILE]


def test_the_demo_builders_folder_goes_when_the_kernel_stops(tmp_path):
    # Every run of lesson 07 makes one; a kernel that stops takes it away.
    code = ("from baogao.course import lesson07_drafting as ex\n"
            "print(ex.demo_builder(schedule=None).path.parent)")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**os.environ, "TMPDIR": str(tmp_path)})
    assert run.returncode == 0, run.stderr
    folder = Path(run.stdout.strip())
    assert folder.parent == tmp_path and folder.name.startswith("baogao-lesson07-")
    assert not folder.exists()


def test_the_students_builder_reads_an_existing_draft_and_writes_nothing_until_they_type(tmp_path):
    b = ex.builder(schedule=None)  # conftest runs each test in tmp_path, as JupyterLab runs in the notebook's folder
    assert b.path == (tmp_path / ex.DRAFT_FILE).resolve() and not b.path.exists()
    assert list(tmp_path.iterdir()) == []
    b.path.write_text("一、主要工作\n正文。", encoding="utf-8")
    again = ex.builder(schedule=None)
    assert again.text.value == "一、主要工作\n正文。" and "已从" in again.status.value
    assert b.path.read_text(encoding="utf-8") == "一、主要工作\n正文。"  # read, not overwritten


def test_the_notebooks_never_set_the_students_builder():
    """The lesson and the solution build the student's builder but never type into it or export it."""
    for path in ("notebooks/07_drafting.ipynb", "solutions/07_drafting.ipynb"):
        code = "\n".join("".join(c["source"]) for c in json.loads((ROOT / path).read_text(encoding="utf-8"))["cells"]
                         if c["cell_type"] == "code")
        for name in ("mine", "b"):
            for use in (f"{name}.text.value =", f"{name}.export", f"{name}.flush"):
                assert use not in code, (path, use)


def test_q2_checks_the_section_in_the_report():
    outcome = ex.q2.check(ex.SHORT_MODEL)
    assert outcome.status == SUBMITTED and not outcome.issues
    assert "一级标题" in ex.q2.check(ex.SHORT_MODEL.split("\n", 1)[1]).issues[0]
    assert any("请示" in i for i in ex.q2.check(ex.SHORT_MODEL + "恳请学院团委拨付活动经费。").issues)


def test_q3_names_the_traps():
    damaged = ex.q3.check(ex.MODEL.replace("现将有关情况报告如下。", "重点关注以下几个方面。"))
    assert any("第 4 行" in i for i in damaged.issues)
    asks = ex.q3.check(ex.MODEL.replace("配齐工作力量。", "配齐工作力量。恳请团市委拨付专项经费5万元。"))
    assert any("夹带请示事项" in i for i in asks.issues)
    assert not ex.q3.check(ex.QINGSHI).issues


def test_q4_exports_the_draft_itself():
    assert ex.q4.check({"草稿": ex.MODEL, "样式": ex.export_styles(ex.MODEL)}).status == CORRECT
    kinds = [e.kind for e in baogao.load(ex.MODEL, name="x").outline().elements]
    outcome = ex.q4.check({"草稿": ex.MODEL, "样式": kinds})
    assert outcome.status == INCORRECT and "style.name" in outcome.message
    errors = ex.q4.check({"草稿": ex.MODEL.replace("，", ","), "样式": ex.export_styles(ex.MODEL)})
    assert errors.status == INCORRECT and "错误" in errors.message
