"""The tables every measure reads: one row per sentence, one row per token.

``tables(report)`` builds them once per report (kept with it by
``Report.memo``); the functions that build them stay importable on their own
(for exercises). Two scopes, named here once for every measure:

- **body** (``BODY``): body paragraphs (element kind ``"paragraph"`` in the
  outline; run-in headings belong to it). Lengths, counts per sentence,
  shares and rates use the body only, so that title blocks, headings,
  salutations and boilerplate never distort them.
- **text** (``TEXT_KINDS``): body paragraphs and headings. The finders that
  point at lines (four-character phrases, formulations, parallelisms) search
  it, because headings carry formulations and parallel structures.
"""
from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from baogao.lazy import numpy as np
from baogao.lazy import pandas as pd
from baogao.text.sentences import clause_spans, count_chars, sentence_spans
from baogao.text.tokens import cut_batch

if TYPE_CHECKING:  # pragma: no cover
    from baogao.report import Report


LEAD_MAX_CHARS = 30  # a lead sentence is short ...
LEAD_MAX_SHARE = 1 / 2  # ... relative to its paragraph (cut-off paragraphs are short)


def body_paragraphs(report: "Report") -> list:
    """Paragraphs of the body text: not title block, headings, closing or boilerplate."""
    kinds = {e.paragraph: e.kind for e in report.outline().elements}
    return [p for p in report.paragraphs if kinds.get(p.index) == "paragraph"]


def sentence_table(report: "Report") -> pd.DataFrame:
    """One row per sentence of every paragraph (headings and title block included).

    Columns: sentence (1-based), paragraph, line, column (1-based, in
    characters), start, end (offsets into ``report.text``), text, chars
    (without spaces), clauses, kind (the paragraph's element kind), position
    (1-based within its paragraph), is_lead.
    """
    kinds = {e.paragraph: e.kind for e in report.outline().elements}
    run_in = {h.paragraph for h in report.outline().headings if h.run_in}
    line_start = {ln.number: ln.start for ln in report.lines}
    rows = []
    for p in report.paragraphs:
        spans = sentence_spans(p.text)
        for pos, (a, b) in enumerate(spans, 1):
            text = p.text[a:b]
            rows.append({
                "paragraph": p.index, "line": p.line,
                "column": p.start + a - line_start[p.line] + 1,
                "start": p.start + a, "end": p.start + b, "text": text,
                "chars": count_chars(text), "clauses": len(clause_spans(text)),
                "kind": kinds.get(p.index, "paragraph"), "position": pos, "is_lead": False,
            })
    frame = pd.DataFrame(rows, columns=["paragraph", "line", "column", "start", "end", "text",
                                        "chars", "clauses", "kind", "position", "is_lead"])
    frame.insert(0, "sentence", range(1, len(frame) + 1))
    para_chars = {p.index: count_chars(p.text) for p in report.paragraphs}
    counts = frame.groupby("paragraph")["sentence"].transform("count")
    frame["is_lead"] = (
        (frame["kind"] == "paragraph") & (frame["position"] == 1) & (counts >= 2)
        & (frame["clauses"] == 1) & (frame["chars"] <= LEAD_MAX_CHARS)
        & (frame["chars"] <= frame["paragraph"].map(para_chars) * LEAD_MAX_SHARE)
        & ~frame["paragraph"].isin(run_in)
    )
    return frame


def lead_sentences(report: "Report") -> pd.DataFrame:
    """The lead sentences (主旨句): first sentences that state a body paragraph's point.

    A lead sentence opens a body paragraph that goes on with more sentences;
    it is one clause, at most 30 characters and at most half of its
    paragraph (in the specimen from 7 to about 20 characters, e.g.
    努力提高覆盖率。).
    """
    frame = sentence_table(report)
    return frame[frame["is_lead"]].reset_index(drop=True)


def token_table(report: "Report", sentences: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row per token of every paragraph, POS-tagged.

    Columns: word, pos, start, end (offsets into ``report.text``), line,
    paragraph, sentence (1-based index into ``sentence_table``), kind.
    Each paragraph is segmented on its own (segmentation never crosses a
    paragraph break) and cached per text.
    """
    if sentences is None:
        sentences = sentence_table(report)
    kinds = {e.paragraph: e.kind for e in report.outline().elements}
    paragraphs = report.paragraphs
    batch = cut_batch([p.text for p in paragraphs])
    counts = np.fromiter((len(pairs) for pairs in batch), dtype="int64", count=len(batch))
    words = [w for pairs in batch for w, _ in pairs]
    tags = [t for pairs in batch for _, t in pairs]
    lengths = np.fromiter((len(w) for w in words), dtype="int64", count=len(words))
    # Offsets without a Python loop: a running sum of word lengths, restarted at
    # each paragraph's first character.
    run = np.cumsum(lengths) - lengths
    first = np.cumsum(counts) - counts
    base = np.asarray([p.start for p in paragraphs], dtype="int64") - (
        run[np.minimum(first, max(len(run) - 1, 0))] if len(run) else 0)
    begin = run + np.repeat(base, counts)
    return pd.DataFrame({
        "word": words, "pos": tags, "start": begin, "end": begin + lengths,
        "line": np.repeat([p.line for p in paragraphs], counts),
        "paragraph": np.repeat([p.index for p in paragraphs], counts),
        "sentence": np.searchsorted(sentences["start"].to_numpy(), begin, side="right"),
        "kind": np.repeat(np.array([kinds.get(p.index, "paragraph") for p in paragraphs], dtype=object), counts),
    })


BODY = "paragraph"
TEXT_KINDS = ("paragraph", "heading")


class Tables:
    """The sentence and token tables of one report, each built on first use.

    ``derived`` keeps what the measures compute from these tables and share
    (the word tokens of ``analysis.words``, the four-character phrases), by
    name, so that it is computed once per report too.
    """

    def __init__(self, report: "Report"):
        self.report = report
        self.derived: dict = {}

    @cached_property
    def sentences(self) -> pd.DataFrame:
        return sentence_table(self.report)

    @cached_property
    def tokens(self) -> pd.DataFrame:
        return token_table(self.report, self.sentences)

    @cached_property
    def leads(self) -> pd.DataFrame:
        return self.sentences[self.sentences["is_lead"]].reset_index(drop=True)

    def derive(self, key: str, build):
        """``build()``, computed on the first call for ``key``."""
        if key not in self.derived:
            self.derived[key] = build()
        return self.derived[key]


def tables(report: "Report") -> Tables:
    """The report's ``Tables``, built once and kept with the report."""
    return report.memo("analysis.tables", Tables)


def body_sentences(report: "Report") -> pd.DataFrame:
    """The rows of the sentence table that belong to body paragraphs."""
    s = tables(report).sentences
    return s[s["kind"] == BODY]


def text_paragraphs(report: "Report") -> list:
    """Body paragraphs and headings (the text scope)."""
    kinds = {e.paragraph: e.kind for e in report.outline().elements}
    return [p for p in report.paragraphs if kinds.get(p.index) in TEXT_KINDS]


def rounded(x: float) -> float:
    """A measure as reported: a float rounded to 3 decimals."""
    return round(float(x), 3)


def ratio(a: float, b: float) -> float:
    """a / b rounded to 3 decimals; 0.0 when there is nothing to divide by."""
    return rounded(a / b) if b else 0.0
