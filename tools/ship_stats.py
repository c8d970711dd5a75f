"""Rebuild src/baogao/data/stats.json: ``text_stats`` of every text the kit ships.

Computes the measures afresh (the shipped file is not read) for the corpus, the
specimen's two editions and the examples, and writes them with each text's SHA-256
and the segmentation version (baogao.analysis.shipped_stats). Run it after a change
of a shipped text, of the segmenter, jieba or the lexicon, or of the measures;
tests/analysis/test_shipped_stats.py fails while the file is stale.

Usage: python tools/ship_stats.py
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    sys.path.insert(0, str(ROOT / "src"))
    from baogao.analysis import shipped_stats
    from baogao.analysis.stats import text_stats

    reports = shipped_stats.shipped_reports()
    text = shipped_stats.payload(reports, text_stats)
    tmp = shipped_stats.PATH.with_suffix(".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, shipped_stats.PATH)
    print(f"{len(reports)} texts, {len(text.encode('utf-8')) / 1e3:.1f} kB: "
          f"{shipped_stats.PATH.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
