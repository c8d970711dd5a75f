"""The text of a notebook's cells, for the tests that pin what a lesson's prose and code say."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def cell_list(path: str, kind: str) -> list[str]:
    """The source of every cell of ``kind`` (``"markdown"`` or ``"code"``) of the notebook at
    ``path`` (relative to the checkout), in order."""
    nb = json.loads((ROOT / path).read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == kind]


def cell_text(path: str, kind: str) -> str:
    """The cells of ``kind``, joined by newlines."""
    return "\n".join(cell_list(path, kind))
