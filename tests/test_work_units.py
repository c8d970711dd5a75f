"""The root conftest.py's work units for pytest-xdist: a file's tests together, the spread ones alone."""

from __future__ import annotations

import re
from pathlib import Path

from file_module import load_file

ROOT = Path(__file__).resolve().parent.parent


def root_conftest():
    return load_file(ROOT / "conftest.py", "root_conftest")


def test_a_files_tests_share_a_unit_and_spread_tests_stand_alone():
    conftest = root_conftest()
    assert conftest.work_unit("tests/lint/test_lint.py::test_a[x]") == "tests/lint/test_lint.py"
    assert conftest.work_unit("tests/lint/test_lint.py::TestRules::test_b") == "tests/lint/test_lint.py"
    assert conftest.work_unit("notebooks/00_start.ipynb::Cell 3") == "notebooks/00_start.ipynb"
    run = "tests/course/test_lessons.py::test_notebook_runs_on_another_report[notebooks/00_start-x]"
    assert conftest.work_unit(run) == run


def test_every_spread_name_is_a_test_that_exists():
    # A renamed test would silently go back to its file's worker.
    conftest = root_conftest()
    defined = {name for path in (ROOT / "tests").rglob("test_*.py")
               for name in re.findall(r"^def (test_\w+)\(", path.read_text(encoding="utf-8"), re.M)}
    assert conftest.SPREAD <= defined, sorted(conftest.SPREAD - defined)
