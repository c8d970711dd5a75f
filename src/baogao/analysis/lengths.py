"""Lengths and readability: how long a report's sentences, paragraphs and clauses are.

Every measure here is over the body (``tables.BODY``). Sentence and
paragraph lengths count characters with ``sentences.count_chars``
(punctuation in, spaces and zero-width marks out); clause lengths count
字 (``clause_chars``: letters, Chinese characters and digits, punctuation
out), as a readability measure does.

- ``sentence_lengths``, ``paragraph_lengths``, ``clauses_per_sentence``:
  Series indexed by sentence or paragraph number;
- ``clause_table``: one row per clause of the body (its sentence, line, text, 字数);
- ``adverb_conjunction_share``: the second component of the readability, unrounded;
- ``readability``: the readability of 徐巍、姚振晔、陈冬华 (2021) as its
  abstract defines it (字数 per clause, the share of adverbs and
  conjunctions among a sentence's words, and the arithmetic mean of the
  two), with its inputs, its source and a Chinese note on what it was
  validated on (``READABILITY_SOURCE``, ``READABILITY_NOTE``).
"""
from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from baogao.analysis.tables import body_paragraphs, body_sentences, clauses_of, rounded, tables
from baogao.analysis.words import body_words
from baogao.lazy import pandas as pd
from baogao.text.sentences import count_chars

if TYPE_CHECKING:  # pragma: no cover
    from baogao.report import Report


# jieba's adverb family (PKU tag set): d, and the rare dg (副语素 甚) and df (不要).
# ad (副形词 积极, 努力, 认真) and vd (副动词) are adjective and verb subclasses: not counted.
ADVERB_TAGS = frozenset({"d", "dg", "df"})


# jieba 0.42.1 has one conjunction tag, c (no cc in its dictionary or HMM states).
CONJUNCTION_TAGS = frozenset({"c"})


READABILITY_SOURCE = "徐巍、姚振晔、陈冬华：《中文年报可读性：衡量与检验》，《会计研究》2021年第3期，第28—44页"


READABILITY_NOTE = (
    "可读性指数 = ½ ×（每个分句的平均字数 + 每句中副词和连词所占的比例），数值越高越难读。"
    "定义依据徐巍、姚振晔、陈冬华（2021，《会计研究》第3期）的摘要；比例按 0—1 的小数计，"
    "原文在求平均之前是否另作换算，本教材没有核实，所以两个分量都单独列出。"
    "该指标在上市公司年报上构建和检验，并非针对政府工作报告或公文：用于公文只宜在报告之间作相对比较，不宜套用其标准。"
)


_LETTERS_DIGITS = re.compile(r"[^\W_]+")


def clause_chars(text: str) -> int:
    """字数 of a clause: letters (Chinese characters included) and digits; punctuation,
    symbols (% ‰ ·), spaces and zero-width marks do not count (努力提高覆盖率。 is 7)."""
    # [^\W_] of a str pattern is exactly the categories L* and N* (tests/analysis/
    # test_readability.py checks every code point); a regex is ten times a loop in Python.
    return sum(map(len, _LETTERS_DIGITS.findall(text)))


def sentence_lengths(report: "Report") -> pd.Series:
    """Length of each body sentence in characters, indexed by sentence number.

    Counts every character of the sentence except spaces and zero-width
    marks, punctuation included (``count_chars``: 努力提高覆盖率。 is 8).
    Body sentences only (paragraph kind ``"paragraph"``); the sentence
    numbers index ``analyze(report).sentences`` (column ``sentence``), which
    also gives their lines and text.
    """
    s = body_sentences(report)
    return pd.Series(s["chars"].to_numpy(dtype="int64"), index=pd.Index(s["sentence"].to_numpy(dtype="int64"),
                     name="sentence"), name="chars")


def paragraph_lengths(report: "Report") -> pd.Series:
    """Length of each body paragraph in characters, indexed by paragraph number.

    Same count as ``sentence_lengths`` (punctuation in, spaces and zero-width
    marks out), over ``body_paragraphs(report)``; ``report.paragraphs`` maps
    a paragraph number to its line.
    """
    paras = body_paragraphs(report)
    return pd.Series([count_chars(p.text) for p in paras], index=pd.Index([p.index for p in paras],
                     name="paragraph", dtype="int64"), name="chars", dtype="int64")


def clauses_per_sentence(report: "Report") -> pd.Series:
    """Number of clauses of each body sentence, indexed by sentence number.

    A clause ends at ，；： (and ASCII , ; : in Chinese text) or at the
    sentence's end (``sentences.clause_spans``); 顿号 、 separates items,
    not clauses. Body sentences only.
    """
    s = body_sentences(report)
    return pd.Series(s["clauses"].to_numpy(dtype="int64"), index=pd.Index(s["sentence"].to_numpy(dtype="int64"),
                     name="sentence"), name="clauses")


def clause_table(report: "Report") -> pd.DataFrame:
    """One row per clause of the body's sentences.

    Columns: sentence (its number in ``analyze(report).sentences``), line,
    clause (1-based within its sentence), text (with its break mark), chars
    (``clause_chars``: 字数, punctuation out). Clauses as
    ``clauses_per_sentence`` counts them: ASCII , ; : in Chinese text break
    clauses too (the raw specimen has no full-width comma), a comma between
    digits (1,000) does not. A clause with no 字 (a stray mark) is not a row.
    Built once per report (``tables(report).derive``); each call returns a copy.
    """
    def build() -> pd.DataFrame:
        rows = []
        s = body_sentences(report)
        for number, line, start, text in zip(s["sentence"].tolist(), s["line"].tolist(), s["start"].tolist(),
                                             s["text"].tolist()):
            k = 0
            for a, b in clauses_of(report, start, text):
                n = clause_chars(text[a:b])
                if n:
                    k += 1
                    rows.append((int(number), int(line), k, text[a:b], n))
        return pd.DataFrame(rows, columns=["sentence", "line", "clause", "text", "chars"]).astype(
            {"sentence": "int64", "line": "int64", "clause": "int64", "chars": "int64"})
    return tables(report).derive("clause_table", build).copy()


def adverb_conjunction_share(report: "Report") -> float:
    """The share of adverbs and conjunctions among a body sentence's words, averaged over
    the body sentences that have a word (unrounded; 0.0 without any). Tags as in ``readability``."""
    words = body_words(report)
    counted = ADVERB_TAGS | CONJUNCTION_TAGS
    per_sentence = Counter(w.sentence for w in words)  # sentences in order of first word
    hits = Counter(w.sentence for w in words if w.pos in counted)
    shares = [hits[s] / n for s, n in per_sentence.items()]
    return sum(shares) / len(shares) if shares else 0.0


def readability(report: "Report") -> dict:
    """The readability of 徐巍、姚振晔、陈冬华 (2021), with its inputs.

    The paper's abstract names three measures, built and validated on listed
    companies' annual reports: 每个分句的平均字数, 每句话中的副词和连词比例
    and 两者的算术平均. Here, over body sentences:

    - chars_per_clause: 字数 of all clauses / clauses (``clause_table``:
      letters and digits, punctuation out; ASCII , ; : in Chinese text break
      clauses as their full-width forms do);
    - adv_conj_share: for each sentence with a word, (adverbs +
      conjunctions) / words, averaged over those sentences; a fraction
      between 0 and 1;
    - readability = ½ × (chars_per_clause + adv_conj_share). Higher = harder.

    Not verified here (the paper's full text was not at hand): whether it
    counts 字 with digits and Latin letters as this does, whether it scales
    the share (e.g. to a percentage) before taking the mean, and whether it
    averages the share per sentence or pools it. With the share a fraction,
    the mean is about half the characters per clause: ``note`` says so in
    Chinese, and a lesson shows both components.

    Words as in ``text_stats``; adverbs are tokens tagged d, dg or df
    (jieba's adverb family: 不断, 进一步, 更加, 不要), conjunctions tokens
    tagged c (和, 并, 同时; jieba 0.42.1 has no cc). Not counted: ad (副形词
    积极, 努力, 认真, 切实), an adjective subclass in jieba's PKU tag set, and
    vd. jieba's own tags are used as they are, odd ones included (及时 and
    可以 are c, 反对 is d; 着力 and 大力 are n).

    Keys: sentences, clauses, clause_chars, words, adverbs, conjunctions,
    chars_per_clause, adv_conj_share, readability (the measure);
    words_per_sentence and adv_conj_per_sentence (counts per sentence, which
    ``text_stats`` reports on their own; an earlier version of the kit took
    their mean for the readability, which the paper does not); source, note.
    With no body sentence every ratio is 0.0.
    """
    words = body_words(report)
    sentences = int(len(body_sentences(report)))
    clauses = clause_table(report)
    adverbs = sum(1 for w in words if w.pos in ADVERB_TAGS)
    conjunctions = sum(1 for w in words if w.pos in CONJUNCTION_TAGS)
    cpc = clauses["chars"].sum() / len(clauses) if len(clauses) else 0.0
    share = adverb_conjunction_share(report)
    return {
        "sentences": sentences, "clauses": int(len(clauses)), "clause_chars": int(clauses["chars"].sum()),
        "words": len(words), "adverbs": adverbs, "conjunctions": conjunctions,
        "chars_per_clause": rounded(cpc), "adv_conj_share": rounded(share), "readability": rounded((cpc + share) / 2),
        "words_per_sentence": rounded(len(words) / sentences) if sentences else 0.0,
        "adv_conj_per_sentence": rounded((adverbs + conjunctions) / sentences) if sentences else 0.0,
        "source": READABILITY_SOURCE, "note": READABILITY_NOTE,
    }
