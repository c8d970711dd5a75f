"""The grader's notebook runner: the notebook it builds, and the kernel it starts."""

from __future__ import annotations

import shutil

import nbformat
import pytest

from baogao.teach.runner import _code_cell, _notebook, run_for_grading
from baogao.teach.sandbox import detect, work_folder


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


@pytest.mark.slow
@pytest.mark.parametrize("sandbox", [False, True])
def test_the_graders_kernel_is_ipykernel_without_its_debugger(tmp_path, sandbox):
    # KERNEL_BOOT: ipykernel_launcher's own steps, with debugpy kept out (a quarter of the
    # kernel's start). The student's code sees an IPython kernel, its folder and the usual path.
    if sandbox and not detect().available:
        pytest.skip("bubblewrap is not available here")
    probe = ("import sys, os\n"
             "q1_answer = {'debugpy': sys.modules.get('debugpy', 'absent') is None,\n"
             "             'kernel': type(get_ipython().kernel).__name__,\n"
             "             'debugger': getattr(get_ipython().kernel, 'debugger', None) is None,\n"
             "             'cwd': os.getcwd(), 'empty_path': sys.path.count(''), 'ran': 6 * 7}")
    workdir = work_folder() / "kernel"
    try:
        run = run_for_grading([probe], [{"problem": "q1", "kind": "value", "variable": "q1_answer"}],
                              workdir, sandbox=sandbox, timeout=60)
    finally:
        shutil.rmtree(workdir.parent, ignore_errors=True)
    assert run.fatal is None and not run.problems, (run.fatal, run.problems)
    assert run.answers["q1"] == {"debugpy": True, "kernel": "IPythonKernel", "debugger": True,
                                 "cwd": str(workdir), "empty_path": 1, "ran": 42}
