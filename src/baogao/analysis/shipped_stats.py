"""The summary measures of the seventeen corpus reports, shipped with them (``data/corpus``).

A chart that places a report among the corpus needs ``text_stats`` of all seventeen
reports: about 3.5 s of analysis on every fresh kernel, for numbers that only change
when the texts, the segmenter or the measures change. The kit ships them in
``data/corpus/stats.json``, each with the SHA-256 of the text it was computed from
and the segmentation version (``text.tokens.segmentation_version``); a stored entry is
used only for a shipped corpus report whose text and version match, so an edited text
or another segmenter is measured afresh. ``tools/ship_corpus_stats.py`` rebuilds the
file, and a test fails while it differs from what ``text_stats`` computes now.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from baogao.text.tokens import segmentation_version

PATH = Path(__file__).resolve().parents[1] / "data" / "corpus" / "stats.json"
#: ``meta["provenance"]`` of the reports ``sources.shipped.corpus`` loads.
CORPUS_PROVENANCE = "data/corpus/MANIFEST.md"


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def _table(version: str) -> dict[str, dict]:
    try:
        data = json.loads(PATH.read_text(encoding="utf-8"))
    except (OSError, ValueError):  # not shipped or damaged: measure as usual
        return {}
    return data.get("reports", {}) if data.get("version") == version else {}


def lookup(report) -> dict | None:
    """The shipped ``text_stats`` of a corpus report, or None (measure it)."""
    if report.meta.get("provenance") != CORPUS_PROVENANCE:
        return None
    entry = _table(segmentation_version()).get(str(report.meta.get("id")))
    if entry is None or entry.get("sha256") != digest(report.text):
        return None
    return dict(entry["stats"])


def payload(reports, stats_of) -> str:
    """The file's text for these corpus reports, by id; each report's measures keep
    ``text_stats``'s order, which is the order of the columns of ``stats_frame``."""
    body = {str(r.meta["id"]): {"sha256": digest(r.text), "stats": stats_of(r)}
            for r in sorted(reports, key=lambda r: str(r.meta["id"]))}
    return json.dumps({"version": segmentation_version(), "reports": body},
                      ensure_ascii=False, indent=1) + "\n"
