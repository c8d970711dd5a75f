"""The grader's notebook runner, in pieces that need no kernel."""

from __future__ import annotations

import nbformat

from baogao.teach.runner import _code_cell, _notebook


def test_the_runners_cells_and_notebook_are_what_nbformat_builds_and_valid():
    # Built without nbformat's per-cell validation (a schema compiled in every worker):
    # the same cell as new_code_cell, and a notebook of them passes nbformat's validation.
    source = "q1_answer = 7\nprint('报告')"
    ours, theirs = _code_cell(source), nbformat.v4.new_code_cell(source)
    assert {k: v for k, v in ours.items() if k != "id"} == {k: v for k, v in theirs.items() if k != "id"}
    assert ours["id"] != _code_cell(source)["id"]  # each cell its own id
    nb = _notebook([_code_cell(source), _code_cell("")])
    assert {k: v for k, v in nb.items() if k != "cells"} == {
        k: v for k, v in nbformat.v4.new_notebook().items() if k != "cells"}
    nbformat.validate(nb)
    assert isinstance(ours.metadata, nbformat.NotebookNode)  # attribute access, as nbclient uses it
