"""The package's data folder and the word lists of ``data/lexicon``, each parsed once.

``data_path(...)`` locates any shipped file. The word lists (described in
``data/lexicon/README.md``) are read here and nowhere else: ``read_entries``
gives a list's lines without comments (``#`` starts one, anywhere in a line)
and without blank lines, and the parsers below build on it. Every result is
cached and immutable (tuples, frozensets), so all callers share one copy:

- ``lexicon_entries()``: (word, frequency, tag) of the three jieba user
  dictionaries (``LEXICON_FILES``), which ``baogao.text.tokens`` loads;
- ``style_word_entries()``: (word, category, gloss) of ``style_words.txt``;
- ``stopwords()``: the stop words of ``stopwords.txt``.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

LEXICON_FILES = ("formulations.txt", "organisations.txt", "terms.txt")


def data_path(*parts: str):
    """A path inside the package's data folder (a Traversable)."""
    node = resources.files("baogao").joinpath("data")
    for part in parts:
        node = node.joinpath(part)
    return node


@lru_cache(maxsize=None)
def read_entries(name: str) -> tuple[str, ...]:
    """The entries of ``data/lexicon/<name>``, in file order: each line without its
    comment (from ``#`` to the end of the line) and surrounding whitespace, blank
    lines left out. The fields of a line (spaces or tabs) are the caller's to split."""
    text = data_path("lexicon", name).read_text(encoding="utf-8")
    lines = (raw.split("#", 1)[0].strip() for raw in text.splitlines())
    return tuple(line for line in lines if line)


@lru_cache(maxsize=1)
def lexicon_entries() -> tuple[tuple[str, int, str], ...]:
    """(word, frequency, tag) of the kit's jieba lexicon, in file order.

    Lines are ``word [freq [tag]]``; a missing frequency is 20000, a missing tag ``nz``.
    """
    out = []
    for name in LEXICON_FILES:
        for line in read_entries(name):
            parts = line.split()
            word = parts[0]
            freq = int(parts[1]) if len(parts) > 1 else 20000
            tag = parts[2] if len(parts) > 2 else "nz"
            out.append((word, freq, tag))
    return tuple(out)


@lru_cache(maxsize=1)
def style_word_entries() -> tuple[tuple[str, str, str], ...]:
    """(word, category, gloss) of the official-style words (``style_words.txt``,
    tab-separated; see ``STYLE_WORDS.md``), in file order."""
    rows = []
    for line in read_entries("style_words.txt"):
        word, category, gloss = line.split("\t")
        rows.append((word, category, gloss))
    return tuple(rows)


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The kit's Chinese stop words (``stopwords.txt``, one a line; see ``STOPWORDS.md``)."""
    return frozenset(read_entries("stopwords.txt"))
