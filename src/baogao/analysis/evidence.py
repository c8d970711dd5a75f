"""Result claims and their evidence: the sentences that say something improved or was
achieved, and whether a quantity stands in the same sentence.

A work report argues with figures: ``覆盖率……已经达到90%以上``. Many of its
sentences also state a result in words only: ``青少年的学习意识比以前有了很大提高。``
(a comparison with no figure and no baseline). ``result_claims(report)``
lists the body sentences that carry a cue of such a claim (``CUES``: a
comparison, a degree, an achieved state) with the quantities the same
sentence holds (``baogao.analysis.quantities``). A cue is a candidate, not a
verdict: some results need no figure (an event that took place), and a figure
in the next sentence may back the claim. A reader decides.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from baogao.analysis.quantities import quantity_table
from baogao.analysis.tables import tables
from baogao.lazy import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from baogao.report import Report

__all__ = ["CUES", "CUE_KINDS", "claim_cues", "result_claims"]

#: kind → cue patterns. ``comparison``: a change against an earlier state; ``degree``: how much,
#: in words; ``state``: a result reached (不断提高 only where it ends its clause: 活力不断提高,
#: not the measure 不断提高政治学习质量).
CUES: dict[str, list[str]] = {
    "comparison": [r"比以前", r"比过去", r"比上年", r"比去年", r"同比", r"环比", r"较上年", r"较以前"],
    "degree": [r"明显", r"显著", r"大幅", r"很大", r"极大", r"日益", r"更加", r"大大"],
    "state": [r"全覆盖", r"全面覆盖", r"迈上新台阶", r"符合预期", r"基本实现", r"基本完成",
              r"取得[^，,。；;]{0,8}?(?:进展|成效|成果|突破)", r"得到(?:加强|提高|提升|优化)",
              r"不断(?:提高|增强|优化|完善|扩大|提升)(?=[，,。；;！!]|$)"],
}
CUE_KINDS = {"comparison": "比较", "degree": "程度", "state": "结果"}
_CUE_RE = {kind: re.compile("|".join(patterns)) for kind, patterns in CUES.items()}
_TITLE = re.compile(r"《[^《》]*》")


def claim_cues(sentence: str) -> list[tuple[str, str]]:
    """(kind, the words as written) of every cue in ``sentence``, in text order; the
    titles of documents (《关于全面加强……的意见》) are not read."""
    masked = _TITLE.sub(lambda m: "\u3000" * len(m.group()), sentence)
    found = [(m.start(), kind, m.group()) for kind, rx in _CUE_RE.items() for m in rx.finditer(masked)]
    return [(kind, text) for _, kind, text in sorted(found)]


def result_claims(report: "Report") -> pd.DataFrame:
    """One row per body sentence with at least one cue.

    Columns: line, sentence (1-based index into the sentence table), text,
    cues (the cue words, in order), kinds (their kinds), quantities (the raw
    quantities of the same sentence, in order), evidenced (whether there is one).
    """
    sentences = tables(report).sentences
    body = sentences[sentences["kind"] == "paragraph"]
    q = quantity_table(report)
    by_sentence: dict[int, list[str]] = {}
    for s, raw in zip(q["sentence"], q["raw"]):
        by_sentence.setdefault(int(s), []).append(raw)
    rows = []
    for s in body.itertuples():
        cues = claim_cues(s.text)
        if not cues:
            continue
        raws = by_sentence.get(int(s.sentence), [])
        rows.append({"line": int(s.line), "sentence": int(s.sentence), "text": s.text,
                     "cues": [text for _, text in cues], "kinds": list(dict.fromkeys(k for k, _ in cues)),
                     "quantities": raws, "evidenced": bool(raws)})
    frame = pd.DataFrame(rows, columns=["line", "sentence", "text", "cues", "kinds", "quantities", "evidenced"])
    return frame.astype({"line": "int64", "sentence": "int64", "evidenced": "bool"})

