"""Load a Python file that is not an importable module (a maintainer's script, the root conftest.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path


def load_file(path: Path, name: str):
    """The module that ``path`` defines, executed once under ``name`` (not put in ``sys.modules``)."""
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
