"""The kit's bytecode is written before many processes import it."""

import importlib
import importlib.util
import os
from pathlib import Path

from baogao.teach import bytecode


def _package(tmp_path):
    root = tmp_path / "pkg"
    (root / "sub").mkdir(parents=True)
    (root / "__init__.py").write_text("X = 1\n", encoding="utf-8")
    (root / "sub" / "mod.py").write_text("Y = 2\n", encoding="utf-8")
    return root


def _cached(source):
    return importlib.util.cache_from_source(str(source))


def test_the_package_root_is_the_imported_kit():
    import baogao

    assert bytecode.package_root() == Path(baogao.__file__).resolve().parent


def test_every_module_gets_current_bytecode(tmp_path):
    root = _package(tmp_path)
    assert bytecode.compile_package(root) is True
    for source in (root / "__init__.py", root / "sub" / "mod.py"):
        assert os.path.isfile(_cached(source)), source
    # A module edited afterwards is compiled again, not left with stale bytecode.
    before = Path(_cached(root / "sub" / "mod.py")).read_bytes()
    (root / "sub" / "mod.py").write_text("Y = 3  # changed\n", encoding="utf-8")
    os.utime(root / "sub" / "mod.py", (1, 1))
    assert bytecode.compile_package(root) is True
    assert Path(_cached(root / "sub" / "mod.py")).read_bytes() != before


def test_a_folder_that_cannot_be_created_is_not_an_error(tmp_path, monkeypatch):
    # A read-only install (as root, chmod would not stop the write): py_compile's mkdir fails.
    root = _package(tmp_path)

    def refuse(*args, **kwargs):
        raise PermissionError("read-only file system")

    monkeypatch.setattr(os, "makedirs", refuse)
    assert bytecode.compile_package(root) is False


def test_grading_compiles_the_kit_before_it_starts_kernels(tmp_path, monkeypatch):
    """grade() writes the kit's bytecode before it hands out notebooks, not after."""
    grading = importlib.import_module("baogao.teach.grade")

    order = []
    monkeypatch.setattr(grading, "compile_package", lambda: order.append("compile"))
    monkeypatch.setattr(grading, "run_batch", lambda *args, **kwargs: order.append("batch"))
    subs = tmp_path / "subs"
    subs.mkdir()
    (subs / "ann.ipynb").write_text('{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}',
                                    encoding="utf-8")
    grading.grade(subs, tmp_path / "grades.csv", assignment="01_structure", sandbox=False,
                  progress=False, exercises_dir=None)
    assert order == ["compile", "batch"]
