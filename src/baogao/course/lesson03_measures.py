"""Lesson 03 (用词与提法): what its tables and its assignment both compute.

Everything here is a function of a report (or of the specimen, named so):
the era terms and 一年来 found by the concordance, the official-style words by
category and their rates, the corpus by year. ``lesson03_words`` shows them,
``lesson03_exercises`` checks answers against them, so the lesson's prose, its
tables and its checks agree by construction.
"""

from __future__ import annotations


from baogao.analysis.vocabulary import body_char_count, official_vocabulary
from baogao.concordance.kwic import dispersion, kwic
from baogao.lazy import pandas as pd
from baogao.sources.shipped import corpus, corpus_table, get
from baogao.course.reports import ISSUER_NAMES, is_specimen, report_label  # noqa: F401 - the lesson's names

#: The corpus report the lesson compares the report in use with.
REFERENCE_ID = "2021_state-council_gwr"
#: The era terms, and the name of the thought that contains the first of them.
ERA_TERMS = ("新时代", "新时期")
THOUGHT_TAIL = "中国特色社会主义思想"  # 新时代 followed by it is part of the name, not the era term
REVIEW_FORMULA = "一年来"
CATEGORY_NAMES = {"adverb": "方式副词", "intensifier": "程度修饰语", "verb": "动作动词"}


def reference():
    """The 2021 State Council report (政府工作报告), the lesson's point of comparison."""
    return get(REFERENCE_ID)


# -- the concordance: era terms and the review formula ------------------------------------
def era_hits(report):
    """Every occurrence of 新时代 and 新时期, with whether a 新时代 is part of the thought's name."""
    rows = []
    for term in ERA_TERMS:
        frame = kwic(report, term, window=12)
        for r in frame.itertuples(index=False):
            rows.append((term, int(r.line), r.left, r.match, r.right,
                         term == "新时代" and r.right.startswith(THOUGHT_TAIL), int(r.start)))
    rows.sort(key=lambda r: r[-1])
    frame = pd.DataFrame(rows, columns=["term", "line", "left", "match", "right", "in_name", "start"])
    return frame.astype({"line": "int64", "in_name": "bool", "start": "int64"})


def era_lines(report) -> dict[str, list[int]]:
    """The lines of 新时期, and of 新时代 used as the era term (not inside the thought's name)."""
    hits = era_hits(report)
    era = hits[~hits["in_name"]]
    return {term: sorted(set(era.loc[era["term"] == term, "line"].tolist())) for term in ("新时期", "新时代")}


def era_counts(report) -> dict[str, int]:
    """How often each term occurs: 新时期, 新时代 in all, 新时代 inside the thought's name."""
    hits = era_hits(report)
    return {"新时期": int((hits["term"] == "新时期").sum()), "新时代": int((hits["term"] == "新时代").sum()),
            "名称中的新时代": int(hits["in_name"].sum())}


def review_formula(report) -> dict:
    """一年来: how many times it occurs and the lines where it opens the paragraph."""
    frame = kwic(report, REVIEW_FORMULA, window=12)
    return {"次数": len(frame), "段首": sorted(set(frame.loc[frame["left"] == "", "line"].astype(int)))}


def review_formula_lines(report) -> list[int]:
    return sorted(set(kwic(report, REVIEW_FORMULA)["line"].astype(int)))


# -- official-style words -------------------------------------------------------------------
def category_counts(report) -> dict[str, int]:
    """Occurrences of the kit's style words by category (adverb, intensifier, verb)."""
    vocab = official_vocabulary(report)
    return {c: int(vocab.loc[vocab["category"] == c, "count"].sum()) for c in CATEGORY_NAMES}


def category_rate(report, category: str) -> float:
    """Occurrences of one category per 1,000 body characters, rounded to 2 decimals."""
    chars = body_char_count(report)
    return round(category_counts(report)[category] * 1000 / chars, 2) if chars else 0.0


def verb_rates(report) -> list[float]:
    """Official verbs per 1,000 body characters: [the report, the 2021 State Council report]."""
    return [category_rate(report, "verb"), category_rate(reference(), "verb")]


# -- the corpus by year --------------------------------------------------------------------
def corpus_years() -> list[int]:
    return [int(y) for y in corpus_table()["year"]]


def by_year(words=("新时期", "新时代")):
    """Each corpus report (in year order) and how often each word occurs in its text.

    Columns: year, label (2021 国务院), chars, then one column per word
    (occurrences as substrings, as the concordance finds them).
    """
    reports = corpus()
    table = corpus_table()
    frame = pd.DataFrame({"year": table["year"].astype(int).tolist(),
                          "label": [report_label(r) for r in reports],
                          "chars": table["characters"].astype(int).tolist()})
    for word in words:
        frame[word] = dispersion(reports, word)["hits"].astype(int).tolist()
    return frame
