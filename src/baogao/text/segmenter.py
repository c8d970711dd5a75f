"""jieba.posseg's segmentation with the kit's lexicon, computed exactly and fast.

The kit's tokens are by definition those of ``jieba.posseg.POSTokenizer``
(HMM on) over a private ``jieba.Tokenizer`` to which the kit's lexicon
(``lexicon_entries()``) is added with ``add_word(word, freq, tag)``. Two
implementations give them, word for word and tag for tag
(``tests/text/test_segmenter*.py`` prove it on every shipped and shared text
and on generated strings):

- ``Hybrid`` (when rjieba, jieba-rs in Rust, is installed in a verified
  version): rjieba builds each block's word lattice and best route; the runs of
  single characters that the route leaves and that are no dictionary word are
  tagged by jieba.posseg's own HMM code, memoised per run. That tagging is the
  costly part of jieba.posseg, and the same runs recur across a report.
- ``Plain``: jieba.posseg itself, with the same memo of the tagged runs.

Either way jieba's 349k-line ``dict.txt`` is parsed at most once per process:
jieba.posseg is imported without its parse (``jieba_loader``), the hybrid
parses no jieba dictionary at all (it checks dict.txt's hash and looks up the
lexicon's words), and the plain segmenter loads the prefix dictionary from
jieba's marshal cache and parses only the word tags (without that cache, one
pass builds both and writes the cache).

``BAOGAO_SEGMENTER=jieba`` in the environment forces the plain segmenter.
"""
from __future__ import annotations

import hashlib
import marshal
import os
import re
from pathlib import Path

from baogao.text.jieba_loader import (
    import_jieba,
    import_posseg,
    installed_version,
    rjieba_class,
)
from baogao.text.lexicon import lexicon_entries

#: Bumped whenever the tokens of some text could change; part of every cache key.
SEGMENTER_VERSION = "2"
#: The jieba whose posseg output the tokens are, and whose private tagging
#: function (``POSTokenizer.__cut_detail``) the memo wraps.
JIEBA_VERSION = "0.42.1"
#: rjieba versions proven identical (their embedded dictionary is jieba's
#: dict.txt, their route jieba's); any other falls back to the plain segmenter.
RJIEBA_VERSIONS = ("0.2.2",)
#: Unknown runs kept tagged; past this the memo starts over (a run is short).
MEMO_LIMIT = 200_000
#: A word no block can contain (a private-use character lies outside
#: jieba.posseg's blocks): it only carries the frequency that brings rjieba's
#: total up to jieba's (see ``Hybrid``).
BALLAST = "\ue000"
#: jieba 0.42.1's dict.txt, the dictionary rjieba embeds: its SHA-256, its
#: total (every line's frequency, as jieba counts it) and what a word's
#: repeated lines add to that total (``B超`` has two lines; rjieba counts a
#: word once). The hybrid is used only with this very file.
JIEBA_DICT = ("7197c3211ddd98962b036cdf40324d1ea2bfaa12bd028e68faa70111a88e12a8", 60101967, 3)


def version() -> str:
    """What the tokens depend on: this module's version, jieba's and the lexicon."""
    h = hashlib.sha256(f"{SEGMENTER_VERSION} jieba {installed_version('jieba')}\n".encode())
    for word, freq, tag in lexicon_entries():
        h.update(f"{word} {freq} {tag}\n".encode())
    return h.hexdigest()[:16]


class Memo:
    """jieba.posseg's tagging of unknown runs (``POSTokenizer.__cut_detail``), memoised per run.

    The function depends on the run alone (the HMM tables are constants), so
    a run seen once is never tagged again.
    """

    def __init__(self, posseg):
        bare = posseg.POSTokenizer.__new__(posseg.POSTokenizer)  # no dictionary: the HMM needs none
        bare.tokenizer = None
        self._detail = bare._POSTokenizer__cut_detail
        self.runs: dict[str, list[tuple[str, str]]] = {}

    def __call__(self, run: str) -> list[tuple[str, str]]:
        hit = self.runs.get(run)
        if hit is None:
            if len(self.runs) >= MEMO_LIMIT:
                self.runs.clear()
            hit = self.runs[run] = [(p.word, p.flag) for p in self._detail(run)]
        return hit

    def clear(self) -> None:
        self.runs.clear()


def _cut_outside_blocks(posseg, blk: str, out: list) -> None:
    """What jieba.posseg does with the text between its blocks (spaces, punctuation)."""
    for x in posseg.re_skip_internal.split(blk):
        if posseg.re_skip_internal.match(x):
            out.append((x, "x"))
        else:
            for xx in x:
                if posseg.re_num.match(xx):
                    out.append((xx, "m"))
                elif posseg.re_eng.match(x):
                    out.append((xx, "eng"))
                else:
                    out.append((xx, "x"))


class Plain:
    """jieba.posseg over the kit's private jieba.Tokenizer, unknown runs memoised."""

    name = "jieba.posseg"

    def __init__(self, tmp_dir: Path, entries=None):
        entries = lexicon_entries() if entries is None else tuple(entries)
        jieba = import_jieba()
        posseg = import_posseg()
        # The memo wraps a private function of jieba 0.42.1: another jieba runs unmemoised.
        self.memo = memo = Memo(posseg) if jieba.__version__ == JIEBA_VERSION else None

        class MemoPOSTokenizer(posseg.POSTokenizer):
            def __init__(self, tokenizer):
                # Not POSTokenizer.__init__, which would parse dict.txt again.
                self.tokenizer = tokenizer

            if memo is not None:
                def _POSTokenizer__cut_detail(self, sentence):
                    return [posseg.pair(w, t) for w, t in memo(sentence)]

        tk = jieba.Tokenizer()
        tk.tmp_dir = str(tmp_dir)
        pos = MemoPOSTokenizer(tk)
        dict_txt = Path(jieba.__file__).parent / "dict.txt"
        cache = tmp_dir / "jieba.cache"
        try:  # jieba's cache of its prefix dictionary, read in one go (3× jieba's marshal.load)
            if cache.stat().st_mtime > dict_txt.stat().st_mtime:
                tk.FREQ, tk.total = marshal.loads(cache.read_bytes())
                tk.initialized = True
        except (OSError, ValueError, EOFError, TypeError):
            tk.initialized = False
        if tk.initialized:
            pos.load_word_tag(tk.get_dict_file())  # the one parse of dict.txt: its tags
        else:  # the one parse of dict.txt: prefix dictionary and tags together, then jieba's cache
            tk.FREQ, tk.total, pos.word_tag_tab = parse_dict(tk.get_dict_file())
            tk.initialized = True
            _write_atomic(cache, marshal.dumps((tk.FREQ, tk.total)))
        for word, freq, tag in entries:
            tk.add_word(word, freq, tag)
            # add_word only reaches the POS tokenizer's word-tag table through this map.
            pos.word_tag_tab[word] = tag
        self.pos = pos

    def cut(self, text: str) -> list[tuple[str, str]]:
        return [(p.word, p.flag) for p in self.pos.cut(text, HMM=True)]


def parse_dict(f) -> tuple[dict[str, int], int, dict[str, str]]:
    """jieba's ``Tokenizer.gen_pfdict`` and ``POSTokenizer.load_word_tag`` in one pass.

    The prefix dictionary (every word's frequency, each prefix at 0 unless a
    word), the total and the word-tag table, as jieba builds them from dict.txt.
    """
    freq: dict[str, int] = {}
    tags: dict[str, str] = {}
    total = 0
    with f:
        for raw in f:
            line = raw.strip().decode("utf-8")
            if not line:
                continue
            word, count, tag = line.split(" ")
            freq[word] = int(count)
            total += int(count)
            tags[word] = tag
            for end in range(1, len(word)):
                freq.setdefault(word[:end], 0)
    return freq, total, tags


def _write_atomic(path: Path, data: bytes) -> None:
    try:
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        pass  # no cache: the next process parses again


class Hybrid:
    """rjieba's lattice and route, jieba.posseg's tags: the same tokens as ``Plain``.

    For each block of jieba.posseg (``re_han_internal``), rjieba's
    ``tag(block, hmm=False)`` gives the best route with each word's
    dictionary tag; this class replays jieba.posseg's ``__cut_DAG`` over it:
    route words of two characters or more keep their tag (the kit's lexicon
    tag for a lexicon word), single characters are buffered, and a buffered
    run is one tagged character, characters tagged one by one (when the run
    is itself a dictionary word), or jieba.posseg's HMM tagging (memoised).
    rjieba joins a run of single ASCII letters and digits into one token;
    jieba's dictionary and the lexicon hold no multi-character word of ASCII
    letters and digits only, so such a token is always a run, split again.

    The route is jieba's only if both sides compute the same floating-point
    sums: the same dictionary (rjieba embeds jieba's dict.txt), the same
    ``log(freq) - log(total) + route`` and ties to the longer word, and the
    same total. jieba's total counts dict.txt's repeated lines twice, and its
    ``add_word`` adds a word's frequency to the total even when the word was
    already in the dictionary; rjieba counts a word once and replaces its
    frequency. The difference is carried by ``BALLAST``, a word no block
    contains, and checked (``total_agrees``) before the hybrid is used.
    """

    name = "rjieba+jieba.posseg"

    def __init__(self, entries=None):
        jieba_rs = rjieba_class()
        posseg = import_posseg()
        self._posseg = posseg
        self.memo = Memo(posseg)
        entries = lexicon_entries() if entries is None else tuple(entries)
        if any(w.isascii() and w.isalnum() and len(w) > 1 for w, _f, _t in entries):
            raise ValueError("an ASCII lexicon word would be taken for a run of letters")
        total, ballast, old = dict_facts(tuple(w for w, _f, _t in entries))
        rj = jieba_rs()
        for word, freq, tag in entries:
            total += freq
            ballast += old.get(word, 0)  # what jieba's total keeps and rjieba's replaces
            old[word] = freq
            rj.add_word(word, freq, tag)
        if ballast:
            rj.add_word(BALLAST, ballast, "x")
        if not total_agrees(rj, total):
            raise ValueError("rjieba's dictionary total is not jieba's")
        self.total = total
        self.rjieba = rj
        self._tag = rj.tag
        self._has = rj.has_word
        self._lexicon_tags = {w: t for w, _f, t in entries}
        self._single: dict[str, str] = {}

    def single_tag(self, ch: str) -> str:
        """jieba.posseg's ``word_tag_tab.get(ch, 'x')`` for one character."""
        tag = self._single.get(ch)
        if tag is None:
            tag = self._lexicon_tags.get(ch)
            if tag is None:
                tag = self._tag(ch, False)[0][1] if self._has(ch) else "x"
            self._single[ch] = tag
        return tag

    def _flush(self, buf: str, out: list) -> None:
        if len(buf) == 1:
            out.append((buf, self.single_tag(buf)))
        elif self._has(buf):  # jieba: tokenizer.FREQ.get(buf), true for dictionary words only
            out.extend((ch, self.single_tag(ch)) for ch in buf)
        else:
            out.extend(self.memo(buf))

    def _cut_block(self, blk: str, out: list) -> None:
        buf = ""
        lexicon_tags = self._lexicon_tags
        for word, tag in self._tag(blk, False):
            if len(word) == 1 or (word.isascii() and word.isalnum()):
                buf += word
            else:
                if buf:
                    self._flush(buf, out)
                    buf = ""
                out.append((word, lexicon_tags.get(word, tag)))
        if buf:
            self._flush(buf, out)

    def cut(self, text: str) -> list[tuple[str, str]]:
        """jieba.posseg's ``__cut_internal(text, HMM=True)``, block by block."""
        out: list[tuple[str, str]] = []
        re_han = self._posseg.re_han_internal
        for blk in re_han.split(text):
            if re_han.match(blk):
                self._cut_block(blk, out)
            elif blk:
                _cut_outside_blocks(self._posseg, blk, out)
        return out


def dict_facts(words: tuple[str, ...]) -> tuple[int, int, dict[str, int]]:
    """``(total, repeated, freqs)`` of jieba's dict.txt (see ``JIEBA_DICT``) and the
    frequency it gives each of ``words`` that it holds (a word's last line, as in jieba).

    A dict.txt other than jieba 0.42.1's is a ``ValueError``: rjieba's embedded
    dictionary is that file, and no other.
    """
    data = (Path(import_jieba().__file__).parent / "dict.txt").read_bytes()
    sha, total, repeated = JIEBA_DICT
    if hashlib.sha256(data).hexdigest() != sha:
        raise ValueError("jieba's dict.txt is not jieba 0.42.1's")
    # One pass over the lines that start with a first character of some word
    # (a lookahead keeps the others cheap), the words as a trie of alternatives.
    by_first: dict[str, list[str]] = {}
    for w in sorted(set(words), key=len, reverse=True):
        by_first.setdefault(w[0], []).append(re.escape(w[1:]))
    if not by_first:
        return total, repeated, {}
    trie = "|".join(re.escape(c) + "(?:" + "|".join(rest) + ")" for c, rest in by_first.items())
    firsts = "".join(re.escape(c) for c in by_first)
    pattern = re.compile(f"\n(?=[{firsts}])({trie}) (\\d+) ")
    freqs = {m.group(1): int(m.group(2)) for m in pattern.finditer("\n" + data.decode("utf-8"))}
    return total, repeated, freqs


def total_agrees(rj, total: int, probe: tuple[str, str] = ("\u3400", "\u3401")) -> bool:
    """Whether rjieba's dictionary total is ``total`` (to within 1), seen through its route.

    With X (freq 2), XY (freq 1) and Y (freq b) added, the route takes XY
    whole iff log(1) - L >= log(2) - L + log(b) - L, L = log(total + 3 + b),
    i.e. iff b <= total + 3: whole at b = total + 2, split at b = total + 4.
    X and Y (CJK extension A) lie outside every block jieba.posseg hands
    to rjieba; they are set back to frequency 0, which restores the total.
    """
    x, y = probe
    rj.add_word(x, 2, "x")
    rj.add_word(x + y, 1, "x")
    rj.add_word(y, total + 2, "x")
    whole = rj.cut(x + y, False) == [x + y]
    rj.add_word(y, total + 4, "x")
    split = rj.cut(x + y, False) == [x, y]
    for word in (x, x + y, y):
        rj.add_word(word, 0, "x")
    return whole and split


def hybrid_available() -> bool:
    """rjieba is installed in a verified version, next to the jieba the kit follows."""
    return (installed_version("rjieba") in RJIEBA_VERSIONS
            and installed_version("jieba") == JIEBA_VERSION)


def build(tmp_dir: Path, entries=None):
    """The segmenter to use: the hybrid when it can be, else plain jieba (same tokens).

    ``entries`` are the (word, freq, tag) added to jieba's dictionary: the
    kit's lexicon by default; ``()`` gives jieba.posseg with jieba's own
    dictionary alone (``baseline``)."""
    if os.environ.get("BAOGAO_SEGMENTER", "").strip().lower() != "jieba" and hybrid_available():
        try:
            return Hybrid(entries)
        except (ImportError, ValueError):
            pass  # no usable rjieba, another dict.txt, an ASCII lexicon word: plain jieba is exact too
    return Plain(tmp_dir, entries)
