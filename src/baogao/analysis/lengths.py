"""Lengths and readability: how long a report's sentences, paragraphs and clauses are.

Every measure here is over the body (``tables.BODY``). Lengths count
characters with ``sentences.count_chars`` (punctuation in, spaces and
zero-width marks out).

- ``sentence_lengths``, ``paragraph_lengths``, ``clauses_per_sentence``:
  Series indexed by sentence or paragraph number;
- ``readability``: the readability of 徐巍、姚振晔、陈冬华 (2021) (half the sum
  of words per sentence and adverbs and conjunctions per sentence) with its
  inputs, its source and a Chinese note on what it was validated on
  (``READABILITY_SOURCE``, ``READABILITY_NOTE``).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from baogao.analysis.tables import body_paragraphs, body_sentences, rounded
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


READABILITY_SOURCE = "徐巍、姚振晔、陈冬华（2021），《会计研究》2021年第3期"


READABILITY_NOTE = (
    "可读性 = ½ ×（每句词数 + 每句副词和连词数），数值越高越难读。"
    "该指标由徐巍、姚振晔、陈冬华（2021，《会计研究》第3期）在上市公司年报上构建和验证，"
    "并非针对政府工作报告或公文：用于公文只宜在报告之间作相对比较，不宜套用其标准。"
)


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


def readability(report: "Report") -> dict:
    """The readability of 徐巍、姚振晔、陈冬华 (2021), with its inputs.

    readability = ½ × (words per sentence + adverbs and conjunctions per
    sentence), over body sentences. Words as in ``text_stats``; adverbs are
    tokens tagged d, dg or df (jieba's adverb family: 不断, 进一步, 更加, 不要),
    conjunctions tokens tagged c (和, 并, 同时; jieba 0.42.1 has no cc). Not
    counted: ad (副形词 积极, 努力, 认真, 切实), an adjective subclass in
    jieba's PKU tag set, and vd. jieba's own tags are used as they are, odd
    ones included (及时 and 可以 are c, 反对 is d; 着力 and 大力 are n).
    Higher = harder. The measure was built and validated on listed
    companies' annual reports, which ``note`` says in Chinese.

    Keys: sentences, words, adverbs, conjunctions, words_per_sentence,
    adv_conj_per_sentence, readability, source, note. With no body sentence
    every ratio is 0.0.
    """
    words = body_words(report)
    sentences = int(len(body_sentences(report)))
    adverbs = sum(1 for w in words if w.pos in ADVERB_TAGS)
    conjunctions = sum(1 for w in words if w.pos in CONJUNCTION_TAGS)
    wps = len(words) / sentences if sentences else 0.0
    acps = (adverbs + conjunctions) / sentences if sentences else 0.0
    return {
        "sentences": sentences, "words": len(words), "adverbs": adverbs, "conjunctions": conjunctions,
        "words_per_sentence": rounded(wps), "adv_conj_per_sentence": rounded(acps),
        "readability": rounded((wps + acps) / 2), "source": READABILITY_SOURCE, "note": READABILITY_NOTE,
    }
