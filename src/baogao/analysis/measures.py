"""``baogao.analyze(report)``: every measure of a report, computed once.

The facade of ``baogao.analysis``: it imports the leaves (tables, words,
lengths, vocabulary, phrases, parallelisms, quantities, stats) and none of
them imports it. Each part is a pandas DataFrame (``stats`` and
``readability`` are dicts) built on first use and kept on the ``Analysis``,
which is itself kept with the report.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from baogao.analysis.lengths import readability
from baogao.analysis.parallelisms import parallelisms
from baogao.analysis.phrases import four_char_phrases, numeric_formulations, quoted_formulations
from baogao.analysis.quantities import quantity_table
from baogao.analysis import shipped_stats
from baogao.analysis.stats import text_stats
from baogao.analysis.tables import tables
from baogao.collector import paused_property, while_paused
from baogao.lazy import pandas as pd
from baogao.text.sentences import count_chars

if TYPE_CHECKING:  # pragma: no cover
    from baogao.report import Report


class Analysis:
    """Every measure of one report; each part is computed on first use.

    ``sentences``, ``tokens`` and ``leads`` are the shared tables of
    ``baogao.analysis.tables``; ``paragraphs``, ``quantities``,
    ``formulations``, ``four_char``, ``parallelisms`` are tables of their
    own; ``stats`` (and ``stats_frame``) and ``readability`` summarise.
    """

    def __init__(self, report: "Report"):
        self.report = report

    @property
    def sentences(self) -> pd.DataFrame:
        """One row per sentence (``tables.sentence_table``)."""
        return tables(self.report).sentences

    @property
    def tokens(self) -> pd.DataFrame:
        """One row per token, POS-tagged (``tables.token_table``)."""
        return tables(self.report).tokens

    @property
    def sentence_rows(self) -> list:
        """The rows of ``sentences`` as tuples, without pandas (``tables.sentence_rows``)."""
        return tables(self.report).sentence_rows

    @property
    def token_columns(self) -> dict[str, list]:
        """The columns of ``tokens`` as lists, without pandas (``tables.token_columns``)."""
        return tables(self.report).token_columns

    @property
    def leads(self) -> pd.DataFrame:
        """The lead sentences (主旨句): rows of ``sentences`` with ``is_lead``."""
        return tables(self.report).leads

    @paused_property
    def paragraphs(self) -> pd.DataFrame:
        """One row per paragraph: paragraph, line, kind, chars, sentences, text."""
        kinds = {e.paragraph: e.kind for e in self.report.outline().elements}
        counts = self.sentences.groupby("paragraph")["sentence"].count()
        rows = [{"paragraph": p.index, "line": p.line, "kind": kinds.get(p.index, "paragraph"),
                 "chars": count_chars(p.text), "sentences": int(counts.get(p.index, 0)), "text": p.text}
                for p in self.report.paragraphs]
        return pd.DataFrame(rows, columns=["paragraph", "line", "kind", "chars", "sentences", "text"])

    @paused_property
    def quantities(self) -> pd.DataFrame:
        """Every quantity with its value (``analysis.quantities``)."""
        return quantity_table(self.report)

    @paused_property
    def formulations(self) -> pd.DataFrame:
        """Numbered formulations (四个意识) and quoted formulations (“我为青年办实事”), one table."""
        a = numeric_formulations(self.report).assign(source="numeric")
        b = quoted_formulations(self.report).assign(source="quoted")
        return pd.concat([a, b], ignore_index=True)

    @paused_property
    def four_char(self) -> pd.DataFrame:
        """Four-character phrases (四字格) of the text."""
        return four_char_phrases(self.report)

    @paused_property
    def parallelisms(self) -> pd.DataFrame:
        """Parallel structures (排比) and enumerations of the text."""
        return parallelisms(self.report)

    @paused_property
    def stats(self) -> dict:
        """Summary measures (JSON-serialisable): lengths, readability, vocabulary shares.

        A shipped text's come from ``data/stats.json`` (``shipped_stats``).
        """
        shipped = shipped_stats.lookup(self.report)
        return shipped if shipped is not None else text_stats(self.report)

    @paused_property
    def stats_frame(self) -> pd.DataFrame:
        """``stats`` as a one-row DataFrame (index: the report), to stack with others."""
        return pd.DataFrame([self.stats], index=pd.Index([self.report.source], name="report"))

    @paused_property
    def readability(self) -> dict:
        """The readability of 徐巍、姚振晔、陈冬华 (2021) with its inputs (``lengths.readability``)."""
        return readability(self.report)

    @while_paused
    def compute_all(self) -> "Analysis":
        """Compute every part now (for benchmarks and batch use)."""
        for name in ("sentences", "tokens", "leads", "paragraphs", "quantities", "formulations",
                     "four_char", "parallelisms", "stats", "stats_frame", "readability"):
            getattr(self, name)
        return self

    def __repr__(self) -> str:
        return f"<Analysis of {self.report.source!r}>"


def analyze(report: "Report") -> Analysis:
    """The report's Analysis, created once and kept with the report."""
    return report.memo("analysis", Analysis)
