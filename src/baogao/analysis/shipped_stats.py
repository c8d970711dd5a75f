"""The summary measures of the texts the kit ships, shipped with them (``data/stats.json``).

A chart that places a report among the corpus needs ``text_stats`` of the report and of
all seventeen corpus reports: seconds of analysis on every fresh kernel, for numbers
that only change when the texts, the segmenter or the measures change. The kit ships
them for its own texts (the corpus, the specimen's two editions, the examples) in
``data/stats.json``, each with the SHA-256 of the text it was computed from and the
segmentation version (``text.tokens.segmentation_version``); a stored entry is used
only for a shipped text loaded as the kit loads it (``meta["provenance"]``) whose text
and version match, so an edited text or another segmenter is measured afresh.
``tools/ship_stats.py`` rebuilds the file, and a test fails while it differs from what
``text_stats`` computes now.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path

from baogao.sources.shipped import EXAMPLES, corpus, example, specimen
from baogao.text.tokens import segmentation_version

PATH = Path(__file__).resolve().parents[1] / "data" / "stats.json"
#: ``meta["provenance"]`` of the reports ``sources.shipped`` loads.
PROVENANCES = frozenset({"data/corpus/MANIFEST.md", "data/specimen/README.md", "data/examples/README.md"})


def shipped_reports() -> list:
    """Every text the kit ships, as the kit loads it."""
    return [*corpus(), specimen(), specimen(edition="corrected"), *(example(name) for name in EXAMPLES)]


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
    """The shipped ``text_stats`` of a shipped text, or None (measure it)."""
    if report.meta.get("provenance") not in PROVENANCES:
        return None
    entry = _table(segmentation_version()).get(report.source)
    if entry is None or entry.get("sha256") != digest(report.text):
        return None
    return dict(entry["stats"])


def payload(reports, stats_of) -> str:
    """The file's text for these reports, by source; each report's measures keep
    ``text_stats``'s order, which is the order of the columns of ``stats_frame``."""
    body = {r.source: {"sha256": digest(r.text), "stats": stats_of(r)}
            for r in sorted(reports, key=lambda r: r.source)}
    return json.dumps({"version": segmentation_version(), "reports": body},
                      ensure_ascii=False, indent=1) + "\n"
