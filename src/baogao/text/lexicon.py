"""The texts shipped inside the package: specimen, reference corpus, examples.

Each text keeps its provenance next to it (``data/*/README.md``,
``data/corpus/MANIFEST.md``); ``corpus_table()`` carries the source of every
corpus report into the table.
"""
from __future__ import annotations

from importlib import resources


def data_path(*parts: str):
    """A path inside the package's data folder (a Traversable)."""
    node = resources.files("baogao").joinpath("data")
    for part in parts:
        node = node.joinpath(part)
    return node


LEXICON_FILES = ("formulations.txt", "organisations.txt", "terms.txt")


def lexicon_entries() -> list[tuple[str, int, str]]:
    """(word, frequency, tag) of the kit's lexicon, in file order."""
    out = []
    for name in LEXICON_FILES:
        for raw in data_path("lexicon", name).read_text(encoding="utf-8").splitlines():
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            parts = line.split()
            word = parts[0]
            freq = int(parts[1]) if len(parts) > 1 else 20000
            tag = parts[2] if len(parts) > 2 else "nz"
            out.append((word, freq, tag))
    return out
