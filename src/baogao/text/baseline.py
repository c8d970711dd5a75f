"""jieba's own segmentation, without the kit's lexicon: the baseline the kit's tokens are compared with.

The kit's tokens (``baogao.text.tokens``) are jieba.posseg's with the kit's
lexicon of standard formulations and organisation names added. What the
lexicon changes is seen only against the same segmenter without it:

- ``jieba_pairs(text)``: (word, tag) pairs of jieba.posseg (HMM on) with
  jieba's own dictionary and nothing added, so a student's
  ``jieba.posseg.lcut(text)`` in a fresh kernel gives the same. It is the
  kit's segmenter (``segmenter.build``) without the lexicon: rjieba's route
  with jieba.posseg's tagging where rjieba is installed, else a private
  ``jieba.Tokenizer`` whose dictionary cache is the kit's per-user one
  (``tokens.cache_dir``); either way the global ``jieba.dt`` is left alone and
  jieba logs nothing;
- ``dictionary_entries(prefix)``: jieba's own dictionary entries (word,
  frequency, tag) that start with a string, to show why jieba takes a
  string for a word, read from jieba's ``dict.txt`` as jieba reads it;
- ``segmentation_diff(text)``: the stretches of a text where the baseline and
  the kit's tokens differ, each with both segmentations (``Difference``).

With rjieba the baseline parses no dictionary; without it, building it reads
jieba's dictionary once per process (about a second). It is meant for a few
sentences, not for a corpus.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from baogao.text import segmenter
from baogao.text.jieba_loader import import_jieba
from baogao.text.tokens import cache_dir, cut_pairs


@lru_cache(maxsize=1)
def _baseline():
    """The kit's segmenter with nothing added to jieba's dictionary, built once."""
    return segmenter.build(cache_dir(), entries=())


def jieba_pairs(text: str) -> list[tuple[str, str]]:
    """(word, tag) pairs of jieba.posseg with jieba's own dictionary (no kit lexicon)."""
    return _baseline().cut(text)


def dictionary_entries(prefix: str) -> list[tuple[str, int, str]]:
    """(word, frequency, tag) of jieba's own dictionary words that start with ``prefix``,
    the word itself first, then by length and frequency (highest first).

    As jieba reads ``dict.txt`` (``gen_pfdict``, ``load_word_tag``): one
    ``word freq tag`` per line, a word's last line wins, frequency 0 is no word."""
    text = (Path(import_jieba().__file__).parent / "dict.txt").read_text(encoding="utf-8")
    lines = re.finditer(rf"^({re.escape(prefix)}\S*) (\d+) (\S+)$", text, re.MULTILINE)
    entries = {m.group(1): (int(m.group(2)), m.group(3)) for m in lines}
    found = [(w, f, t) for w, (f, t) in entries.items() if f > 0]
    return sorted(found, key=lambda e: (len(e[0]), -e[1], e[0]))


class Difference(NamedTuple):
    """A stretch ``text[start:end]`` that the two segmentations cut differently."""

    start: int
    end: int
    text: str
    jieba: tuple[tuple[str, str], ...]  # (word, tag) of the baseline, jieba's dictionary alone
    kit: tuple[tuple[str, str], ...]  # (word, tag) of the kit's tokens, with its lexicon


def _spans(pairs) -> list[tuple[int, int, str, str]]:
    out, pos = [], 0
    for word, tag in pairs:
        out.append((pos, pos + len(word), word, tag))
        pos += len(word)
    return out


def segmentation_diff(text: str, *, tags: bool = False) -> list[Difference]:
    """Where the kit's tokens and the baseline's differ, in text order.

    The text is cut at every offset where both segmentations put a word
    boundary; a piece between two such offsets is a difference when the two
    split it into different words (``tags=True``: or tag the same words
    differently). Each difference keeps both segmentations of its piece.
    """
    base, kit = _spans(jieba_pairs(text)), _spans(cut_pairs(text))
    common = sorted({e for _, e, _, _ in base} & {e for _, e, _, _ in kit})
    out: list[Difference] = []
    i = j = 0
    start = 0
    for end in common:
        a = []
        while i < len(base) and base[i][1] <= end:
            a.append(base[i][2:])
            i += 1
        b = []
        while j < len(kit) and kit[j][1] <= end:
            b.append(kit[j][2:])
            j += 1
        differ = a != b if tags else [w for w, _ in a] != [w for w, _ in b]
        if differ:
            out.append(Difference(start, end, text[start:end], tuple(a), tuple(b)))
        start = end
    return out
