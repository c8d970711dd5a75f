"""Rebuild src/baogao/data/tokens/tokens.json.gz: the tokens of every shipped text.

Runs what the lessons run on the shipped texts (the full analysis and the
linter on the specimen's two editions, the corpus and the examples) in this
process, with an empty disk cache, then writes every segmentation the kit
made (baogao.text.shipped_tokens). Run it after a change of the segmenter,
jieba or the lexicon, or of a shipped text; tests/text/test_shipped_tokens.py
fails while the file is stale.

Usage: python tools/ship_tokens.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    os.environ["BAOGAO_CACHE"] = tempfile.mkdtemp(prefix="baogao-ship-")  # nothing read from a cache
    sys.path.insert(0, str(ROOT / "src"))
    import baogao
    from baogao.lint import lint
    from baogao.sources.shipped import EXAMPLES, corpus_ids
    from baogao.text import shipped_tokens, tokens

    tokens._shipped.table.cache_clear()
    tokens._shipped.table = lambda version: {}  # build from scratch: do not read the old file
    reports = [baogao.specimen(), baogao.specimen(edition="corrected")]
    reports += [baogao.corpus(key) for key in corpus_ids()] + [baogao.example(name) for name in EXAMPLES]
    for report in reports:
        baogao.analyze(report)
        lint(report)
    entries = {key: tokens._pack(pairs) for key, pairs in tokens._memory.items()}
    shipped_tokens.write(shipped_tokens.PATH, tokens.segmentation_version(), entries)
    size = shipped_tokens.PATH.stat().st_size
    print(f"{len(entries)} texts of {len(reports)} reports, {size / 1e6:.2f} MB: {shipped_tokens.PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
