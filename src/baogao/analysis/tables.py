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

from bisect import bisect_right
from functools import cached_property, partial
from itertools import accumulate
from typing import TYPE_CHECKING, NamedTuple

from baogao.collector import paused, paused_property
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


def clauses_of(report: "Report", start: int, text: str) -> list[tuple[int, int]]:
    """``clause_spans`` of the sentence ``text`` at offset ``start``, split once per report
    (the sentence table, the clause table and the parallelisms all read them)."""
    memo = tables(report).derive("clause_spans", dict)
    spans = memo.get(start)
    if spans is None:
        spans = memo[start] = clause_spans(text)
    return spans


SENTENCE_COLUMNS = ("sentence", "paragraph", "line", "column", "start", "end", "text",
                    "chars", "clauses", "kind", "position", "is_lead")


class SentenceRow(NamedTuple):
    """One row of the sentence table, as a tuple (``sentence_rows``)."""
    sentence: int
    paragraph: int
    line: int
    column: int
    start: int
    end: int
    text: str
    chars: int
    clauses: int
    kind: str
    position: int
    is_lead: bool


_new_row = partial(tuple.__new__, SentenceRow)  # without the Python frame of SentenceRow(...)


def sentence_rows(report: "Report") -> list[SentenceRow]:
    """The rows of ``sentence_table`` as tuples, without pandas (the linter reads these:
    a student's first ``baogao lint`` need not import pandas)."""
    kinds = {e.paragraph: e.kind for e in report.outline().elements}
    run_in = {h.paragraph for h in report.outline().headings if h.run_in}
    line_start = {ln.number: ln.start for ln in report.lines}
    rows = []
    for p in report.paragraphs:
        spans = sentence_spans(p.text)
        kind = kinds.get(p.index, "paragraph")
        half = count_chars(p.text) * LEAD_MAX_SHARE
        for pos, (a, b) in enumerate(spans, 1):
            text = p.text[a:b]
            chars = count_chars(text)
            clauses = len(clauses_of(report, p.start + a, text))
            is_lead = (kind == "paragraph" and pos == 1 and len(spans) >= 2 and clauses == 1
                       and chars <= LEAD_MAX_CHARS and chars <= half and p.index not in run_in)
            rows.append(_new_row((len(rows) + 1, p.index, p.line, p.start + a - line_start[p.line] + 1,
                                  p.start + a, p.start + b, text, chars, clauses, kind, pos, is_lead)))
    return rows


def sentence_table(report: "Report") -> pd.DataFrame:
    """One row per sentence of every paragraph (headings and title block included).

    Columns: sentence (1-based), paragraph, line, column (1-based, in
    characters), start, end (offsets into ``report.text``), text, chars
    (without spaces), clauses, kind (the paragraph's element kind), position
    (1-based within its paragraph), is_lead (a lead sentence: a body
    paragraph's first of two or more sentences, one clause, at most
    ``LEAD_MAX_CHARS`` characters and ``LEAD_MAX_SHARE`` of its paragraph,
    not a run-in heading).
    """
    return _sentence_frame(tables(report).sentence_rows)


def _sentence_frame(rows: list[SentenceRow]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(SENTENCE_COLUMNS))
    if not rows:  # the dtypes of a table with rows
        frame = frame.astype({c: "int64" for c in SENTENCE_COLUMNS if c not in ("text", "kind", "is_lead")}
                             | {"is_lead": "bool"})
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


TOKEN_COLUMNS = ("word", "pos", "start", "end", "line", "paragraph", "sentence", "kind")


def token_columns(report: "Report") -> dict[str, list]:
    """The columns of ``token_table`` as lists, without pandas (the linter reads these)."""
    kinds = {e.paragraph: e.kind for e in report.outline().elements}
    paragraphs = report.paragraphs
    batch = cut_batch([p.text for p in paragraphs])
    sentence_starts = [r.start for r in tables(report).sentence_rows]
    cols: dict[str, list] = {c: [] for c in TOKEN_COLUMNS}
    for p, pairs in zip(paragraphs, batch):
        if not pairs:
            continue
        words, tags = zip(*pairs)
        offsets = list(accumulate(map(len, words), initial=p.start))  # a running sum, in C
        n = len(words)
        cols["word"] += words
        cols["pos"] += tags
        cols["start"] += offsets[:-1]
        cols["end"] += offsets[1:]
        cols["line"] += [p.line] * n
        cols["paragraph"] += [p.index] * n
        cols["kind"] += [kinds.get(p.index, "paragraph")] * n
    cols["sentence"] = list(map(partial(bisect_right, sentence_starts), cols["start"]))
    return cols


def token_table(report: "Report") -> pd.DataFrame:
    """One row per token of every paragraph, POS-tagged.

    Columns: word, pos, start, end (offsets into ``report.text``), line,
    paragraph, sentence (1-based index into ``sentence_table``), kind.
    Each paragraph is segmented on its own (segmentation never crosses a
    paragraph break) and cached per text.
    """
    cols = tables(report).token_columns
    ints = ("start", "end", "line", "paragraph", "sentence")
    # Arrays of a known dtype: pandas infers the type of a list item by item.
    return pd.DataFrame({c: np.array(cols[c], dtype="int64") if c in ints
                         else np.array(cols[c], dtype=object) if c == "kind" else cols[c]
                         for c in TOKEN_COLUMNS})


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

    @paused_property
    def sentence_rows(self) -> list[SentenceRow]:
        return sentence_rows(self.report)

    @paused_property
    def token_columns(self) -> dict[str, list]:
        return token_columns(self.report)

    @paused_property
    def sentences(self) -> pd.DataFrame:
        return _sentence_frame(self.sentence_rows)

    @paused_property
    def tokens(self) -> pd.DataFrame:
        return token_table(self.report)

    @cached_property
    def leads(self) -> pd.DataFrame:
        return self.sentences[self.sentences["is_lead"]].reset_index(drop=True)

    def derive(self, key: str, build):
        """``build()``, computed on the first call for ``key``."""
        if key not in self.derived:
            with paused():
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
