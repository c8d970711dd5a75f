"""Findings scored against the specimen's errata: recall and precision that mean what they say.

The errata (``data/specimen/errata.csv``) record every defect of the raw
specimen. A finding (a ``Claim``, from the kit's linter or any other tool)
**counts for** an entry only when all three hold:

1. **Place**: it starts on the entry's line and its columns overlap the
   entry's text.
2. **Kind**: the finding is of a kind that targets the entry's category —
   its rule's family is one of ``CATEGORY_FAMILIES[category]``, or the
   category it names shares a family with the entry's. A finding that says
   neither (a tool that reports places only) is judged by place and width
   alone, and the score says so.
3. **Width**: it is at most ``MAX_SPAN_RATIO`` times as long as the entry's
   text, counted as at least ``MIN_ENTRY_WIDTH`` characters: a clause-sized
   finding (up to 20 characters) may point at a two-character defect inside
   it, a sentence-sized one may not.

An overlap that fails 2 or 3 is **coincidental**: a 120-character
``long-sentence`` that happens to cover a misspelt name has not found it.

Recall is over the errata's catchable entries: the once-scoped ones (the
linter's target, ``data/specimen/ERRATA.md``) and, counted apart, each
occurrence of a systematic entry that the corrected edition replaces.
Precision is over the scored findings (not those of the family ``style``:
advice claims no defect): a finding is right when it counts for some entry, of any
category, once or systematic (an occurrence inside a deleted line
included: it is a real defect all the same).
"""

from __future__ import annotations

from dataclasses import dataclass

from baogao.lint.claims import Claim
from baogao.sources.edition import edition_diff
from baogao.sources.errata import CATCHABLE, CATEGORY_LABELS, load_errata

#: Which rule families target each errata category. The catchable categories have
#: the families whose rules are written for them; the others (no rule can catch them:
#: ERRATA.md) have the families whose findings would point at them if one did, so
#: that such a finding is credited in precision (never in recall).
CATEGORY_FAMILIES: dict[str, tuple[str, ...]] = {
    "seo_title": ("damage", "document"),  # the site's title line; the title of a 公文
    "boilerplate": ("damage",),
    "ascii_punctuation": ("punctuation",),
    "stray_space": ("damage",),  # a trace of copying (stray-space)
    "punctuation": ("punctuation", "headings"),  # heading-final-punctuation is a headings rule
    "number_style": ("numerals",),
    "numbering": ("headings",),
    "missing_heading": ("headings",),
    "cut_off": ("damage",),
    "name_error": ("formulations",),  # names and formulations share one dictionary
    "formulation_error": ("formulations",),
    "duplication": ("damage",),
    "latin_residue": ("damage",),
    "misplaced_punctuation": ("punctuation",),
    "word_choice": ("formulations",),
    "garbled": ("formulations",),
    "fact_error": ("formulations",),
    "document_title_error": ("formulations",),
}

#: The errata category each of the kit's rules is written for (None: no category of the
#: specimen's errata; style rules give advice, the document rules check what the
#: specimen lacks). Findings are attributed to a category by it for per-category
#: precision; a tool's own findings by the ``category`` they name.
RULE_CATEGORIES: dict[str, str | None] = {
    "half-width-punctuation": "ascii_punctuation",
    **dict.fromkeys(["dunhao-between-quoted", "dunhao-in-approximation", "single-dash", "unbalanced-marks",
                     "unquoted-programme-name", "wrong-ellipsis", "heading-final-punctuation"], "punctuation"),
    **dict.fromkeys(["arabic-with-chinese-unit", "fullwidth-digits", "mixed-anniversary-forms",
                     "mixed-percent-forms", "range-units", "two-digit-year"], "number_style"),
    **dict.fromkeys(["enumeration-marker-as-heading", "marker-punctuation", "numbering-gap",
                     "numbering-out-of-order", "numbering-repeat", "numbering-style-change"], "numbering"),
    "lost-heading": "missing_heading",
    **dict.fromkeys(["mixed-document-type", "title-final-punctuation"], "seo_title"),
    **dict.fromkeys(["date-format", "missing-closing", "missing-date", "missing-signature"], None),
    "boilerplate": "boilerplate",
    "split-paragraph": None,  # the specimen's errata have no split paragraph
    **dict.fromkeys(["cut-off-paragraph", "missing-final-punctuation"], "cut_off"),
    **dict.fromkeys(["duplicated-words", "doubled-character"], "duplication"),
    "latin-residue": "latin_residue",
    "stray-space": "stray_space",
    "name-near-miss": "name_error",
    **dict.fromkeys(["anchored-series-changed", "counterpart-formulation", "formulation-missing-verb",
                     "formulation-near-miss", "formulation-prefix-misused", "formulation-set-member",
                     "outdated-formulation", "quoted-formulation-reworded", "series-member-lost"],
                    "formulation_error"),
    **dict.fromkeys(["long-sentence", "no-lead-sentence"], None),
}

#: A finding counts only if it is at most this many times as long as the entry's text ...
MAX_SPAN_RATIO = 5
#: ... the entry's text counted as at least this many characters.
MIN_ENTRY_WIDTH = 4

#: The categories' names as a reader sees them.


@dataclass(frozen=True)
class Target:
    """An errata entry, or one occurrence of a systematic entry, as a place to find.

    ``in_recall``: a catchable once entry, or an occurrence of a catchable systematic
    entry that the corrected edition replaces (not one removed with a deleted line or
    inside a once entry).
    """

    id: str
    occurrence: int | None  # 1, 2 … for a systematic entry's occurrences
    category: str
    certainty: str
    line: int
    column: int
    text: str
    scope: str  # once | systematic
    in_recall: bool

    @property
    def width(self) -> int:
        return max(len(self.text), 1)

    @property
    def key(self) -> str:
        return self.id if self.occurrence is None else f"{self.id}#{self.occurrence}"


def targets(raw: str | None = None, errata=None) -> list[Target]:
    """Every once entry and every raw occurrence of a systematic entry, in text order:
    the specimen's, or (``raw`` and ``errata`` together) another report's."""
    if (raw is None) != (errata is None):
        raise ValueError("raw and errata go together")
    table = load_errata(errata)
    out = [Target(e.id, None, e.category, e.certainty, int(e.line), int(e.column), e.text, "once",
                  bool(e.catchable))
           for e in table.itertuples() if e.scope == "once"]
    rows = edition_diff(expand_systematic=True) if raw is None else \
        edition_diff(expand_systematic=True, raw=raw, errata=table)
    for r in rows[rows["scope"] == "systematic"].itertuples():
        out.append(Target(r.id, int(r.occurrence), r.category, r.certainty, int(r.raw_line), int(r.raw_column),
                          r.raw_text, "systematic", CATCHABLE[r.category] and r.status == "corrected"))
    return sorted(out, key=lambda t: (t.line, t.column, t.id))


def why_not(claim: Claim, target: Target) -> str | None:
    """Why an overlapping finding does not count for an entry: ``"kind"``, ``"width"``, or None."""
    if claim.family is not None:
        if claim.family not in CATEGORY_FAMILIES[target.category]:
            return "kind"
    elif claim.category is not None:
        if not set(CATEGORY_FAMILIES[claim.category]) & set(CATEGORY_FAMILIES[target.category]):
            return "kind"
    if claim.width > MAX_SPAN_RATIO * max(target.width, MIN_ENTRY_WIDTH):
        return "width"
    return None


def overlaps(claim: Claim, target: Target) -> bool:
    return (claim.line == target.line and claim.column < target.column + target.width
            and target.column < claim.column + claim.width)


@dataclass(frozen=True)
class Match:
    """A finding that overlaps an entry; ``reason`` None when it counts, else why not."""

    claim: Claim
    target: Target
    reason: str | None


def matches(claims: list[Claim], entries: list[Target]) -> list[Match]:
    """Every (finding, entry) pair that overlaps, with its verdict."""
    by_line: dict[int, list[Target]] = {}
    for t in entries:
        by_line.setdefault(t.line, []).append(t)
    return [Match(c, t, why_not(c, t)) for c in claims
            for t in by_line.get(c.line, []) if overlaps(c, t)]


def _ratio(a: int, b: int) -> float | None:
    return a / b if b else None


def score(claims: list[Claim], entries: list[Target] | None = None) -> dict:
    """Recall and precision of findings against the errata, overall, per category and per rule.

    Plain data (the CLI prints it as JSON): ``recall`` over the catchable once entries,
    ``systematic`` over the occurrences of systematic entries, ``precision`` over the
    scored findings, and ``categories``, ``rules``, ``entries`` (each once entry with the
    rules that found it) and ``coincidental`` (overlaps that do not count, on catchable
    once entries).
    """
    entries = targets() if entries is None else entries
    found = matches(claims, entries)
    counted = [m for m in found if m.reason is None and m.claim.scored]
    found_keys = {m.target.key for m in counted}
    right = {m.claim.index for m in counted}
    scored = [c for c in claims if c.scored]

    def attributed(c: Claim) -> str | None:
        return c.category or RULE_CATEGORIES.get(c.rule)

    categories = []
    for cat in CATEGORY_FAMILIES:
        once = [t for t in entries if t.category == cat and t.scope == "once" and t.in_recall]
        occ = [t for t in entries if t.category == cat and t.scope == "systematic" and t.in_recall]
        mine = [c for c in scored if attributed(c) == cat]
        row = {"category": cat, "label": CATEGORY_LABELS[cat], "catchable": CATCHABLE[cat],
               "entries": len(once), "found": sum(t.key in found_keys for t in once),
               "occurrences": len(occ), "occurrences_found": sum(t.key in found_keys for t in occ),
               "findings": len(mine), "right": sum(c.index in right for c in mine)}
        row["recall"] = _ratio(row["found"], row["entries"])
        row["occurrence_recall"] = _ratio(row["occurrences_found"], row["occurrences"])
        row["precision"] = _ratio(row["right"], row["findings"])
        categories.append(row)
    rules = []
    for rule in sorted({c.rule or "" for c in scored}):
        mine = [c for c in scored if (c.rule or "") == rule]
        hit = sum(c.index in right for c in mine)
        rules.append({"rule": rule or None, "findings": len(mine), "right": hit,
                      "precision": _ratio(hit, len(mine))})
    once = [t for t in entries if t.scope == "once" and t.in_recall]
    occ = [t for t in entries if t.scope == "systematic" and t.in_recall]
    by_entry = {t.key: sorted({m.claim.rule or "" for m in counted if m.target.key == t.key}) for t in once}
    n_found = sum(t.key in found_keys for t in once)
    n_occ = sum(t.key in found_keys for t in occ)
    return {
        "findings": len(claims), "scored": len(scored), "unscored": len(claims) - len(scored),
        "classified": sum(c.classified for c in scored),
        "recall": {"entries": len(once), "found": n_found, "recall": _ratio(n_found, len(once))},
        "systematic": {"occurrences": len(occ), "found": n_occ, "recall": _ratio(n_occ, len(occ))},
        "precision": {"findings": len(scored), "right": len(right), "precision": _ratio(len(right), len(scored))},
        "categories": categories,
        "rules": rules,
        "entries": [{"id": t.id, "line": t.line, "column": t.column, "category": t.category,
                     "certainty": t.certainty, "text": t.text, "found_by": by_entry[t.key]} for t in once],
        "coincidental": [{"id": m.target.id, "line": m.target.line, "column": m.target.column,
                          "category": m.target.category, "text": m.target.text, "rule": m.claim.rule,
                          "family": m.claim.family, "width": m.claim.width, "reason": m.reason,
                          "found_otherwise": m.target.key in found_keys}
                         for m in found if m.reason is not None and m.target.scope == "once" and m.target.in_recall],
        "parameters": {"max_span_ratio": MAX_SPAN_RATIO, "min_entry_width": MIN_ENTRY_WIDTH},
    }
