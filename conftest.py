"""Repository-wide pytest hooks for notebooks (nbval), configured once.

- ``notebooks/`` (lessons) and ``solutions/`` are validated strictly
  (``--nbval``: stored outputs are compared);
- ``exercises/`` are validated leniently, exactly as ``--nbval-lax`` would
  (every cell runs and must not raise; outputs are compared only in cells
  marked ``# NBVAL_CHECK_OUTPUT``), in the same run. nbval has no per-folder
  option: its collector reads ``compare_outputs`` once when it collects the
  cells, so this wrapper sets it to False for exercise notebooks right after
  nbval creates their collector;
- the sanitize file is found from the repository root whatever the working
  directory;
- students' backups (``exercises/backups/``) are never collected;
- nbval and papermill import nbformat without rfc3987_syntax's 3 s grammar
  build (``baogao.teach.quick_schema``): pyproject.toml loads it first with
  ``-p``, because nbval imports nbformat when pytest loads its plugin, before
  any conftest.py; it is imported here too for a run with other options;
- under pytest-xdist (``-n auto --dist loadscope``, set in pyproject.toml),
  the tests of one file share a worker, so that a module's fixtures are built
  once and a notebook's cells run in order in one kernel; only the notebook
  runs listed in ``SPREAD`` (several seconds each, dozens in one file) go to
  whichever worker is free. The files with browser or slow tests start first,
  so that no long file is left to run alone at the end. ``-n 0`` runs
  everything in one process, as before;
- the kit's bytecode is written once, by the first process (``-n 0`` or xdist's
  controller), before the workers, kernels and commands of the run import it:
  where ``PYTHONDONTWRITEBYTECODE`` is set, each of them would otherwise compile
  the kit's modules from source (``baogao.teach.bytecode``).

The command-line options themselves live in ``[tool.pytest.ini_options]``
(pyproject.toml).
"""

from __future__ import annotations

import os
from pathlib import Path

import baogao.teach.quick_schema  # noqa: F401  (papermill's nbformat, where -p did not load it)
import pytest

from baogao.teach.bytecode import compile_package

ROOT = Path(__file__).resolve().parent
#: Folders (first path component below the root) validated like ``--nbval-lax``.
LAX_FOLDERS = ("exercises",)

collect_ignore_glob = ["exercises/backups/*"]


def pytest_configure(config):
    if not hasattr(config, "workerinput"):
        compile_package()
    sanitize = getattr(config.option, "nbval_sanitize_with", None)
    if sanitize and not Path(sanitize).is_absolute() and not Path(sanitize).exists():
        candidate = Path(config.rootpath) / sanitize
        if candidate.exists():
            config.option.nbval_sanitize_with = str(candidate)


def is_lax(path: Path) -> bool:
    try:
        parts = Path(path).resolve().relative_to(ROOT).parts
    except ValueError:
        return False
    return bool(parts) and parts[0] in LAX_FOLDERS


@pytest.hookimpl(wrapper=True)
def pytest_collect_file(file_path, parent):
    collectors = yield
    if file_path.suffix == ".ipynb" and is_lax(file_path):
        for collector in collectors or []:
            if hasattr(collector, "compare_outputs") and type(collector).__name__ == "IPyNbFile":
                collector.compare_outputs = False
    return collectors


#: Tests spread over the workers one by one instead of with their file.
SPREAD = frozenset({"test_notebook_runs_on_another_report", "test_solution_runs_on_another_report_with_papermill"})
#: More workers than this only duplicate the session fixtures (memory) for little gain.
MAX_WORKERS = 4


@pytest.hookimpl(tryfirst=True, optionalhook=True)  # optionalhook: a hook of xdist's, not pytest's
def pytest_xdist_auto_num_workers(config):
    """``-n auto``: the CPUs this process may use (psutil would count physical cores), at most MAX_WORKERS."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_WORKERS))


def work_unit(nodeid: str) -> str:
    """What goes to one worker together: the test's file, or the test alone if it is spread."""
    path, _, rest = nodeid.partition("::")
    return nodeid if rest.split("[")[0] in SPREAD else path


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """``--dist loadscope`` with the work units of ``work_unit`` (xdist's own
    ``loadgroup`` renames node ids, which pytest 9 no longer lets it do)."""
    if config.getvalue("dist") != "loadscope":
        return None
    from xdist.scheduler import LoadScopeScheduling  # only where xdist runs the tests

    class FileScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_unit(nodeid)

    return FileScheduling(config, log)


def _weight(item) -> int:
    if item.get_closest_marker("browser"):
        return 2
    return 1 if item.get_closest_marker("slow") else 0


def pytest_collection_modifyitems(config, items):
    """In xdist's workers: the order in which work units are handed out (with
    ``--no-loadscope-reorder``, the order of collection). Files with browser
    tests first, then files with slow tests, then the spread notebook runs,
    then the rest, so that no long unit is left to run alone at the end."""
    if not hasattr(config, "workerinput"):
        return
    weights = {}
    for item in items:
        unit = work_unit(item.nodeid)
        weights[unit] = max(weights.get(unit, 0), _weight(item) * (2 if unit != item.nodeid else 1))
    items.sort(key=lambda item: -weights[work_unit(item.nodeid)])  # stable: each file keeps its order
