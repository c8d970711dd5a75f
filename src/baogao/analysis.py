"""``baogao.analyze(report)``: every measure of a report, computed once.

The parts are pandas DataFrames built lazily on first use and cached on the
``Analysis``, which is itself cached on the report. The functions that build
them stay importable on their own (for exercises): ``sentence_table``,
``token_table``, ``lead_sentences`` here, and those of ``quantities``,
``style`` and the corpus tools.
"""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

import pandas as pd

from .sentences import clause_spans, count_chars, sentence_spans
from .tokens import cut_batch

if TYPE_CHECKING:  # pragma: no cover
    from .report import Report

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
    import numpy as np

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


class Analysis:
    """Every measure of one report; each part is computed on first use."""

    def __init__(self, report: "Report"):
        self.report = report

    @cached_property
    def sentences(self) -> pd.DataFrame:
        return sentence_table(self.report)

    @cached_property
    def tokens(self) -> pd.DataFrame:
        return token_table(self.report, self.sentences)

    @cached_property
    def leads(self) -> pd.DataFrame:
        return self.sentences[self.sentences["is_lead"]].reset_index(drop=True)

    @cached_property
    def paragraphs(self) -> pd.DataFrame:
        """One row per paragraph: paragraph, line, kind, chars, sentences, text."""
        kinds = {e.paragraph: e.kind for e in self.report.outline().elements}
        counts = self.sentences.groupby("paragraph")["sentence"].count()
        rows = [{"paragraph": p.index, "line": p.line, "kind": kinds.get(p.index, "paragraph"),
                 "chars": count_chars(p.text), "sentences": int(counts.get(p.index, 0)), "text": p.text}
                for p in self.report.paragraphs]
        return pd.DataFrame(rows, columns=["paragraph", "line", "kind", "chars", "sentences", "text"])

    @cached_property
    def quantities(self) -> pd.DataFrame:
        from .quantities import quantity_table

        return quantity_table(self.report)

    @cached_property
    def formulations(self) -> pd.DataFrame:
        """Numbered formulations (四个意识) and quoted formulations (“我为青年办实事”), one table."""
        from .style import numeric_formulations, quoted_formulations

        a = numeric_formulations(self.report).assign(source="numeric")
        b = quoted_formulations(self.report).assign(source="quoted")
        return pd.concat([a, b], ignore_index=True)

    @cached_property
    def four_char(self) -> pd.DataFrame:
        from .style import four_char_phrases

        return four_char_phrases(self.report)

    @cached_property
    def parallelisms(self) -> pd.DataFrame:
        from .style import parallelisms

        return parallelisms(self.report)

    @cached_property
    def stats(self) -> dict:
        """Summary measures (JSON-serialisable): lengths, readability, vocabulary shares."""
        from .style import text_stats

        return text_stats(self.report)

    @cached_property
    def stats_frame(self) -> pd.DataFrame:
        """``stats`` as a one-row DataFrame (index: the report), to stack with others."""
        return pd.DataFrame([self.stats], index=pd.Index([self.report.source], name="report"))

    @cached_property
    def readability(self) -> dict:
        from .style import readability

        return readability(self.report)

    def compute_all(self) -> "Analysis":
        """Compute every part now (for benchmarks and batch use)."""
        for name in ("sentences", "tokens", "leads", "paragraphs", "quantities", "formulations",
                     "four_char", "parallelisms", "stats", "stats_frame", "readability"):
            getattr(self, name)
        return self

    def __repr__(self) -> str:
        return f"<Analysis of {self.report.source!r}>"


def analyze(report: "Report") -> Analysis:
    """The report's Analysis, created once and cached on the report."""
    cached = report.__dict__.get("_analysis")
    if cached is None:
        cached = Analysis(report)
        report.__dict__["_analysis"] = cached
    return cached
