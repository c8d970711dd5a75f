"""The tokens of the texts the kit ships, shipped with them (``data/tokens``).

A lesson's first widget on the specimen or the corpus would otherwise wait
for jieba: its import, its dictionary and the segmentation of 330,000
characters of corpus. The kit ships those tokens, computed by the kit's own
segmenter, in one compressed file keyed like the disk cache
(``tokens._key``: the text and ``segmentation_version()``). A change of the
segmenter, jieba or the lexicon changes every key, so stale tokens are never
used (they are simply not found); ``tools/ship_tokens.py`` rebuilds the file
and a test fails while it is stale.

The file: gzip-compressed JSON ``{"version": …, "tokens": {key: [words,
tags]}}``, words and tags each joined by U+001F (``tokens._pack``).
"""

from __future__ import annotations

import gzip
import json
from functools import lru_cache
from pathlib import Path

PATH = Path(__file__).resolve().parents[1] / "data" / "tokens" / "tokens.json.gz"


@lru_cache(maxsize=1)
def table(version: str) -> dict[str, list[str]]:
    """key → [words, tags] of the shipped file, when it was built for ``version``."""
    try:
        with gzip.open(PATH, "rt", encoding="utf-8") as f:
            data = json.load(f)
    except (OSError, ValueError):  # not shipped (a trimmed install) or damaged: segment as usual
        return {}
    return data.get("tokens", {}) if data.get("version") == version else {}


def write(path: Path, version: str, entries: dict[str, tuple[str, str]]) -> None:
    """Write the file (sorted keys, fixed mtime: the same tokens give the same bytes)."""
    payload = json.dumps({"version": version, "tokens": {k: list(v) for k, v in sorted(entries.items())}},
                         ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as f:
        f.write(payload)
    tmp.replace(path)
