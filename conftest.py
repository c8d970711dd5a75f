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
  build (``baogao.teach.quick_schema``).

The command-line options themselves live in ``[tool.pytest.ini_options]``
(pyproject.toml).
"""

from __future__ import annotations

from pathlib import Path

import baogao.teach.quick_schema  # noqa: F401  (before nbval imports nbformat)
import pytest

ROOT = Path(__file__).resolve().parent
#: Folders (first path component below the root) validated like ``--nbval-lax``.
LAX_FOLDERS = ("exercises",)

collect_ignore_glob = ["exercises/backups/*"]


def pytest_configure(config):
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
