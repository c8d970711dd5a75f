"""Lesson 04 (句式与节奏): what its tables and its assignment both compute.

Everything here is a function of a report (or of the specimen and the
corpus, named so): sentence lengths and their bands, the longest sentence
and its clauses, clause counts with and without the ASCII commas, the
readability's two components. ``lesson04_rhythm`` shows them with Chinese
columns, ``lesson04_exercises`` checks answers against them, so the prose,
the tables and the checks agree by construction.
"""

from __future__ import annotations

import re
import statistics

from baogao.analysis.lengths import (
    adverb_conjunction_share,
    clause_chars,
    clause_table,
    readability,
    sentence_lengths,
)
from baogao.analysis.tables import body_sentences
from baogao.course.reports import is_specimen, report_label  # noqa: F401 - the lesson's names too
from baogao.sources.shipped import get
from baogao.text.sentences import clause_spans

#: The corpus reports the lesson and q2 set beside the report in use: an early State
#: Council report, a district government's, the 2021 State Council report.
COMPARED = ("1978_state-council_gwr", "2016_hailar-district_gwr", "2021_state-council_gwr")
REFERENCE_ID = "2021_state-council_gwr"

#: Sentence-length bands (characters, ``count_chars``): [low, high), the last open.
BANDS = ((0, 20), (20, 40), (40, 60), (60, 100), (100, None))
BAND_NAMES = ("不到 20 字", "20—39 字", "40—59 字", "60—99 字", "100 字及以上")
LONG = 100  # a sentence of 100 characters or more is "long" in the lesson's tables

#: Clause breaks when only the full-width marks count (what a naive count does).
_FULL_WIDTH = re.compile(r"[，；：]")


def compared_reports(report) -> list:
    """The report in use, then the three corpus reports of ``COMPARED``."""
    return [report] + [get(name) for name in COMPARED]


def band_counts(lengths) -> list[int]:
    """How many of ``lengths`` fall in each band of ``BANDS``."""
    return [sum(1 for n in lengths if n >= low and (high is None or n < high)) for low, high in BANDS]


def length_bands(report) -> list[int]:
    """The report's body sentences by length band (``BANDS``)."""
    return band_counts(sentence_lengths(report).tolist())


def median_length(report) -> float:
    """Median length of the body sentences (characters), 0.0 without any."""
    lengths = sentence_lengths(report).tolist()
    return float(statistics.median(lengths)) if lengths else 0.0


def medians(report) -> list[float]:
    """Median sentence length of the report in use and of the three compared reports."""
    return [median_length(r) for r in compared_reports(report)]


def long_share(report) -> float:
    """Share of body sentences of ``LONG`` characters or more, in per cent (1 decimal)."""
    lengths = sentence_lengths(report).tolist()
    return round(100 * sum(n >= LONG for n in lengths) / len(lengths), 1) if lengths else 0.0


def length_summary(report) -> dict:
    """Sentences, mean, median and longest length of the body, and the longest one's line."""
    s = body_sentences(report)
    if s.empty:
        return {"sentences": 0, "mean": 0.0, "median": 0.0, "longest": 0, "line": None, "long_share": 0.0}
    top = s.sort_values("chars", ascending=False, kind="stable").iloc[0]
    return {"sentences": len(s), "mean": round(float(s["chars"].mean()), 1), "median": median_length(report),
            "longest": int(top["chars"]), "line": int(top["line"]), "long_share": long_share(report)}


def longest_sentences(report, top: int = 5):
    """The ``top`` longest body sentences (rows of the sentence table), longest first."""
    s = body_sentences(report)
    return s.sort_values("chars", ascending=False, kind="stable").head(top)


def longest_sentence(report):
    """The longest body sentence (a row of the sentence table), or None."""
    rows = longest_sentences(report, 1)
    return None if rows.empty else rows.iloc[0]


def sentence_clauses(text: str) -> list[tuple[str, int]]:
    """The clauses of one sentence as the kit splits them, each with its 字数 (no empty ones)."""
    return [(text[a:b], clause_chars(text[a:b])) for a, b in clause_spans(text) if clause_chars(text[a:b])]


def full_width_clauses(text: str) -> list[str]:
    """The clauses of one sentence when only the full-width ，；： break clauses."""
    return [part for part in _FULL_WIDTH.split(text) if clause_chars(part)]


def clause_counts(report, *, ascii_marks: bool = True) -> dict:
    """Clauses of the body and 字 per clause: as the kit counts them (ASCII , ; : in
    Chinese text break clauses too), or with the full-width marks only.

    Keys: sentences, clauses, per_sentence, chars_per_clause (rounded to 3 decimals),
    readability (½ × (chars_per_clause + ``lengths.adverb_conjunction_share``, which
    the choice of marks does not change); with the ASCII marks it is ``lengths.readability``'s).
    """
    s = body_sentences(report)
    if ascii_marks:
        table = clause_table(report)
        clauses, chars = len(table), int(table["chars"].sum())
    else:
        pieces = [p for text in s["text"].tolist() for p in full_width_clauses(text)]
        clauses, chars = len(pieces), sum(clause_chars(p) for p in pieces)
    cpc = chars / clauses if clauses else 0.0
    return {"sentences": len(s), "clauses": clauses, "per_sentence": round(clauses / len(s), 3) if len(s) else 0.0,
            "chars_per_clause": round(cpc, 3), "readability": round((cpc + adverb_conjunction_share(report)) / 2, 3)}


def readability_parts(report) -> dict:
    """The readability and its two components (``lengths.readability``)."""
    read = readability(report)
    return {k: read[k] for k in ("sentences", "clauses", "chars_per_clause", "adv_conj_share", "readability")}


def ascii_commas(report) -> dict:
    """How many ASCII and full-width commas, semicolons and colons the report's text has."""
    text = report.text
    return {mark: text.count(mark) for mark in ",，;；:："}
