"""Heavy third-party modules, bound at module level and imported on first use.

``import baogao``, ``baogao.lint`` and ``baogao.widgets`` must stay light (a
student's first ``baogao lint`` pays for what it uses, no more), yet every
layer may import the analysis modules at the top. Those modules therefore
take pandas and numpy from here: ``from baogao.lazy import pandas as pd``
binds a stand-in whose first attribute access imports the real module.
"""

from __future__ import annotations

import importlib


class LazyModule:
    """A module imported on first attribute access (then served from ``sys.modules``)."""

    def __init__(self, name: str):
        self._name = name

    def __getattr__(self, attr: str):
        return getattr(importlib.import_module(self._name), attr)

    def __repr__(self) -> str:
        return f"<lazy module {self._name!r}>"


pandas = LazyModule("pandas")
numpy = LazyModule("numpy")
