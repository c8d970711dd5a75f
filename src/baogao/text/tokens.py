"""Segmentation for reports: jieba.posseg's tokens with the kit's lexicon, quiet and cached.

- The tokens are those of one private ``jieba.posseg.POSTokenizer`` (the
  global ``jieba.dt`` is left alone, so a student's own jieba code is
  unaffected) with the kit's lexicon of standard formulations and
  organisation names added; ``baogao.text.segmenter`` computes them, with
  rjieba's route when it is installed (same tokens, a fraction of the time).
- jieba logs nothing (notebooks stay clean) and keeps its dictionary cache in
  a per-user directory (a shared /tmp cache of another user is unreadable).
- POS-tagged tokens are cached per text, in memory and on disk, keyed by the
  text and by ``segmentation_version()`` (the segmenter's version, jieba's and
  the lexicon), so re-running a notebook or a lesson in a fresh kernel costs
  nothing, and a cache hit imports neither jieba nor rjieba.
- The tokens of the shipped texts (specimen, corpus, examples) ship with the
  kit (``shipped_tokens``): a first lesson on them waits for no segmentation.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from baogao.text import segmenter as _segmenter
from baogao.text import shipped_tokens as _shipped

_lock = threading.Lock()


@dataclass(frozen=True)
class Token:
    word: str
    pos: str  # jieba's tag: n, v, d, c, m, x (punctuation and symbols), eng, ...
    start: int  # offset in the text that was cut
    end: int


def cache_dir() -> Path:
    """A per-user cache directory (``BAOGAO_CACHE`` overrides it)."""
    env = os.environ.get("BAOGAO_CACHE")
    if env:
        base = Path(env)
    elif sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", tempfile.gettempdir())) / "baogao" / "cache"
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        base = Path(xdg) / "baogao" if xdg else Path.home() / ".cache" / "baogao"
    try:
        base.mkdir(parents=True, exist_ok=True)
        probe = base / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError:
        # A read-only home (some lab machines): fall back to a private temp dir.
        base = Path(tempfile.gettempdir()) / f"baogao-cache-{_user()}"
        base.mkdir(parents=True, exist_ok=True)
    return base


def _user() -> str:
    try:
        return str(os.getuid())
    except AttributeError:  # Windows
        return os.environ.get("USERNAME", "user")


@lru_cache(maxsize=1)
def segmentation_version() -> str:
    """The key material of every cached segmentation (segmenter, jieba and lexicon versions)."""
    return _segmenter.version()


@lru_cache(maxsize=1)
def tokenizer():
    """The kit's segmenter (``segmenter.Hybrid`` or ``segmenter.Plain``), built once, quietly.

    Its ``cut(text)`` gives the (word, tag) pairs; ``cut_pairs`` caches them.
    """
    return _segmenter.build(cache_dir())


_memory: dict[str, list[tuple[str, str]]] = {}


def _key(text: str) -> str:
    return hashlib.sha256((segmentation_version() + "\0" + text).encode("utf-8")).hexdigest()


def _disk_path(key: str) -> Path:
    return cache_dir() / "tokens" / key[:2] / f"{key}.pkl"


def _from_shipped(key: str, text: str) -> list[tuple[str, str]] | None:
    item = _shipped.table(segmentation_version()).get(key)
    if item is None:
        return None
    pairs = _unpack(item)
    if "".join(w for w, _ in pairs) != text:  # never trusted blindly
        return None
    _memory[key] = pairs
    return pairs


def cut_pairs(text: str, *, use_disk: bool = True) -> list[tuple[str, str]]:
    """(word, tag) pairs of a text; the words concatenate back to the text."""
    key = _key(text)
    hit = _memory.get(key)
    if hit is None:
        hit = _from_shipped(key, text)
    if hit is not None:
        return hit
    path = _disk_path(key) if use_disk else None  # cache_dir() probes the disk: not per paragraph
    if path is not None and path.exists():
        try:
            with path.open("rb") as f:
                pairs = pickle.load(f)
            if "".join(w for w, _ in pairs) == text:
                _memory[key] = pairs
                return pairs
        except Exception:  # a damaged cache file is rebuilt, never trusted
            pass
    with _lock:
        pairs = tokenizer().cut(text)
    _memory[key] = pairs
    if path is not None:
        _write(path, pairs)
    return pairs


def cut_batch(texts: list[str], *, use_disk: bool = True) -> list[list[tuple[str, str]]]:
    """``cut_pairs`` for many texts (a report's paragraphs), cached on disk as one file.

    One file per batch instead of one per paragraph: writing thousands of tiny
    files costs more than segmenting them.
    """
    missing = [t for t in texts if _key(t) not in _memory and _from_shipped(_key(t), t) is None]
    if missing:
        h = hashlib.sha256(segmentation_version().encode())
        for t in texts:
            h.update(t.encode("utf-8") + b"\0")
        path = _disk_path(h.hexdigest())
        batch = None
        if use_disk and path.exists():
            try:
                with path.open("rb") as f:
                    batch = [_unpack(item) for item in pickle.load(f)]
                if len(batch) != len(texts) or any("".join(w for w, _ in pairs) != t
                                                   for pairs, t in zip(batch, texts)):
                    batch = None
            except Exception:  # a damaged cache file is rebuilt, never trusted
                batch = None
        if batch is None:
            batch = [cut_pairs(t, use_disk=False) for t in texts]
            if use_disk:
                _write(path, [_pack(pairs) for pairs in batch])
        for t, pairs in zip(texts, batch):
            _memory[_key(t)] = pairs
    return [_memory[_key(t)] for t in texts]


_SEP = "\x1f"  # the unit separator: never in a report's text (it is a control character)


def _pack(pairs: list[tuple[str, str]]) -> tuple[str, str]:
    """Two strings instead of thousands of tuples: ten times faster to pickle and load."""
    return _SEP.join(w for w, _ in pairs), _SEP.join(t for _, t in pairs)


def _unpack(item: tuple[str, str]) -> list[tuple[str, str]]:
    words, tags = item
    return list(zip(words.split(_SEP), tags.split(_SEP)))


def _write(path: Path, obj) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(obj, f, protocol=4)
        os.replace(tmp, path)
    except OSError:
        pass


def tokenize(text: str) -> list[Token]:
    """POS-tagged tokens with offsets into ``text``."""
    out, pos = [], 0
    for word, tag in cut_pairs(text):
        out.append(Token(word, tag, pos, pos + len(word)))
        pos += len(word)
    return out


def clear_memory_cache() -> None:
    """Forget every segmentation kept in memory: the texts' tokens and the tagged runs."""
    _memory.clear()
    if tokenizer.cache_info().currsize and tokenizer().memo is not None:
        tokenizer().memo.clear()
