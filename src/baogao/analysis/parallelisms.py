"""Parallel structures (排比) of the text (body and headings), and its enumerations.

``parallelisms(report)`` finds runs of three or more clauses, 顿号 items,
sentences or body paragraphs that open with the same word, and adds the
report's enumerations (一是…二是…) from its outline; the rules are in its
docstring. A unit's opening word is read from ``words.text_words``.
"""
from __future__ import annotations

import bisect
from collections import defaultdict
from typing import TYPE_CHECKING, NamedTuple

from baogao.analysis.tables import BODY, TEXT_KINDS, clauses_of, tables
from baogao.analysis.words import Word, text_words
from baogao.lazy import pandas as pd

if TYPE_CHECKING:  # pragma: no cover
    from baogao.report import Report


CLIP = 60  # characters of text shown for a parallelism


LEAD_IN = 8  # characters of a subject before the opening word of a parallel run


def _clip(text: str, n: int = CLIP) -> str:
    return text if len(text) <= n else text[:n - 1] + "…"


class _Unit(NamedTuple):
    start: int  # offset of the unit (clause, item, sentence) in report.text
    end: int
    first: Word | None  # its first word token


def _runs(units: list[_Unit], text: str, min_len: int = 3) -> list[tuple[str, int, int]]:
    """(opening, i, j) of maximal runs units[i..j] (min_len or more) whose text starts with one word.

    The word is the first token of unit i, or a shorter first token of unit
    i+1 that unit i also starts with (坚定信念… / 坚定… / 坚定…).
    """
    # One loop over the units' first words, without a call per comparison: it runs for
    # every clause, item and sentence of the text.
    firsts = [u.first for u in units]
    starts_with = text.startswith
    runs, i, n = [], 0, len(units)
    while i < n:
        best = (1, "", i)
        first = firsts[i]
        if first is not None:
            words = [first.word]
            after = firsts[i + 1] if i + 1 < n else None
            if after is not None and len(after.word) < len(words[0]):
                words.append(after.word)
            for w in words:
                if not starts_with(w, first.start):
                    continue
                j = i
                while j + 1 < n and firsts[j + 1] is not None and starts_with(w, firsts[j + 1].start):
                    j += 1
                if j - i + 1 > best[0]:
                    best = (j - i + 1, w, j)
        if best[0] >= min_len:
            runs.append((best[1], i, best[2]))
            i = best[2] + 1
        else:
            i += 1
    return runs


def _extended_runs(units: list[_Unit], toks: list[Word], starts: list[int],
                   text: str) -> list[tuple[str, int, int]]:
    """Runs of 3+ units; a run of 2 counts when the unit before it has the word after a subject.

    共青团以…为导向，以…为基础，以…为标志: the first clause opens with its
    subject, and 以 comes within its first 8 characters.
    """
    out, taken = [], -1
    for word, i, j in _runs(units, text, min_len=2):
        if i > 0 and i - 1 > taken and units[i - 1].first is not None:
            prev = units[i - 1]
            limit = min(prev.end, prev.first.start + LEAD_IN)
            after = toks[bisect.bisect_right(starts, prev.first.start):bisect.bisect_left(starts, limit)]
            if any(t.word == word for t in after):  # the tokens strictly between the two
                i -= 1
        if j - i + 1 >= 3:
            out.append((word, i, j))
        taken = j
    return out


def _first_word(toks: list[Word], starts: list[int], a: int, b: int) -> Word | None:
    k = bisect.bisect_left(starts, a)
    return toks[k] if k < len(toks) and toks[k].start < b else None


def parallelisms(report: "Report") -> pd.DataFrame:
    """Parallel structures (排比) of the text (body and headings).

    A unit opens with a word when its text, after punctuation and
    quotation marks, starts with that word: the first jieba token of the
    first unit (or a shorter first token of the second, so that 爱国 after
    爱党 still opens with 爱). Kinds:
    - ``clauses``: 3 or more consecutive clauses of one paragraph (within a
      sentence or across its sentences) opening with the same word. The
      clause before the run joins it when the word appears in its first 8
      characters after a subject (共青团以…为导向，以…为基础，以…为标志);
    - ``items``: 3 or more consecutive 顿号 items of one clause (爱党、爱国、爱社会主义);
    - ``sentences``: 3 or more consecutive sentences of one paragraph (a
      clause run made of whole sentences is reported as sentences, and a
      sentence run inside a clause run is not repeated);
    - ``paragraphs``: 3 or more consecutive body paragraphs whose first
      sentences open with the same word (在急难险重任务中… / 在乡村振兴… / 在经济社会…);
    - ``enumeration``: 一是…二是…, 第一，…第二，… from
      ``report.outline().enumerations``; opening is the first marker.
    Columns: kind, line, opening, length, text (from the first unit, clipped
    to 60 characters; for paragraphs the first sentences joined by " / ").
    Sorted by position.
    """
    sents = tables(report).sentences
    sents = sents[sents["kind"].isin(TEXT_KINDS)]
    # One sorted list for the whole text: a unit's first word is the first token at or after
    # its start and before its end, so no paragraph needs a list of its own.
    toks = [w for w in text_words(report) if w.kind in TEXT_KINDS]
    starts = [t.start for t in toks]
    text = report.text
    found = []  # (start, kind, line, opening, length, text)
    para_first: list[tuple[int, int, _Unit, str]] = []  # (paragraph, line, first sentence, kind)
    # Plain lists per paragraph: a pandas groupby costs more than the work itself here.
    groups: dict[int, list[tuple[int, int, str, int, str]]] = defaultdict(list)
    for row in zip(sents["paragraph"].tolist(), sents["start"].tolist(), sents["end"].tolist(),
                   sents["text"].tolist(), sents["line"].tolist(), sents["kind"].tolist()):
        groups[row[0]].append(row[1:])
    for para in sorted(groups):
        group = groups[para]
        clauses, items_by_clause, sentence_units, sentence_starts = [], [], [], set()
        for s_start, s_end, s_text, _line, _kind in group:
            sentence_units.append(_Unit(s_start, s_end, _first_word(toks, starts, s_start, s_end)))
            sentence_starts.add(s_start)
            for a, b in clauses_of(report, s_start, s_text):
                a, b = s_start + a, s_start + b
                clauses.append(_Unit(a, b, _first_word(toks, starts, a, b)))
                if "、" in text[a:b]:
                    items, i = [], a
                    for piece in text[a:b].split("、"):
                        items.append(_Unit(i, i + len(piece), _first_word(toks, starts, i, i + len(piece))))
                        i += len(piece) + 1
                    items_by_clause.append(items)
        line = int(group[0][3])
        para_first.append((para, line, sentence_units[0], group[0][4]))
        covered = []
        for word, i, j in _extended_runs(clauses, toks, starts, text):
            run = clauses[i:j + 1]
            covered.append(range(i, j + 1))
            kind = "sentences" if all(c.start in sentence_starts for c in run) else "clauses"
            found.append((run[0].start, kind, line, word, len(run), _clip(text[run[0].start:run[-1].end])))
        clause_run_starts = [{clauses[k].start for k in c} for c in covered]
        for items in items_by_clause:
            for word, i, j in _extended_runs(items, toks, starts, text):
                found.append((items[i].start, "items", line, word, j - i + 1,
                              _clip(text[items[i].start:items[j].end])))
        for word, i, j in _runs(sentence_units, text):
            if any({u.start for u in sentence_units[i:j + 1]} <= c for c in clause_run_starts):
                continue
            found.append((sentence_units[i].start, "sentences", line, word, j - i + 1,
                          _clip(text[sentence_units[i].start:sentence_units[j].end])))
    # paragraphs: consecutive body paragraphs; a heading or any other paragraph breaks the series
    series: list[list[tuple[int, int, _Unit]]] = []
    last = None
    for para, line, unit, kind in para_first:
        if kind != BODY:
            last = None
            continue
        if last is None or para != last + 1:
            series.append([])
        series[-1].append((para, line, unit))
        last = para
    for chain in series:
        units = [u for _, _, u in chain]
        for word, i, j in _runs(units, text):
            joined = " / ".join(text[u.start:u.end] for u in units[i:j + 1])
            found.append((units[i].start, "paragraphs", chain[i][1], word, j - i + 1, _clip(joined)))
    for e in report.outline().enumerations:
        p = report.paragraph_at(e.line)
        if p is None:
            continue
        clean = p.clean
        at = max(clean.find(e.markers[0]), 0)
        opening = e.markers[0].rstrip("，,、：: ")
        found.append((p.start + at, "enumeration", e.line, opening, len(e.markers), _clip(clean[at:])))
    found.sort(key=lambda f: f[0])
    return pd.DataFrame([f[1:] for f in found], columns=["kind", "line", "opening", "length", "text"]).astype(
        {"line": "int64", "length": "int64"})
