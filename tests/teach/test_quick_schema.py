"""The grader's processes import nbformat without building rfc3987_syntax's
grammar (3 s of a 3.3 s import), and notebooks are still validated."""

import subprocess
import sys

import pytest

CODE = """
import sys
import baogao.teach.runner
import nbformat, nbformat.v4 as v4
print("rfc3987_syntax" in sys.modules and sys.modules["rfc3987_syntax"] is not None)
nb = v4.new_notebook(); nb.cells.append(v4.new_code_cell("x = 1"))
nbformat.validate(nb)
bad = v4.new_notebook(); bad.cells.append({"cell_type": "code", "source": 1})
try:
    nbformat.validate(bad)
except nbformat.ValidationError:
    print("invalid refused")
"""


def test_grading_processes_skip_the_iri_grammar_and_still_validate():
    out = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "invalid", "refused"], out


def test_a_process_that_already_uses_jsonschema_keeps_it():
    pytest.importorskip("jsonschema")
    code = "import jsonschema, sys; import baogao.teach.quick_schema; print(sys.modules.get('rfc3987_syntax', 0) is None)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_pytest_loads_it_before_the_nbval_plugin_imports_nbformat():
    """pyproject.toml's ``-p baogao.teach.quick_schema`` runs before the entry-point
    plugins (nbval imports nbformat when it loads, before any conftest.py): without it,
    every pytest process of the suite, each xdist worker included, built the grammar."""
    assert "rfc3987_syntax" in sys.modules, "jsonschema was never imported: nbval did not load?"
    assert sys.modules["rfc3987_syntax"] is None, (
        "rfc3987_syntax was imported: run pytest with the addopts of pyproject.toml")
