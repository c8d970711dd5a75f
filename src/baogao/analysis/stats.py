"""The summary of every measure of a report: ``text_stats`` and its labels.

``text_stats(report)`` gathers the lengths, readability, four-character
phrases, function words and official-style words of the body into one dict
of plain numbers (JSON-serialisable, to compare reports); ``STAT_LABELS``
names each key in Chinese for charts, the CLI and the lessons.
"""
from __future__ import annotations

import bisect
import statistics
from typing import TYPE_CHECKING

from baogao.analysis.lengths import clauses_per_sentence, paragraph_lengths, readability, sentence_lengths
from baogao.analysis.phrases import four_char_occurrences
from baogao.analysis.tables import BODY, ratio, rounded, tables
from baogao.analysis.vocabulary import body_char_count, style_hits
from baogao.analysis.words import body_words, function_tokens

if TYPE_CHECKING:  # pragma: no cover
    from baogao.report import Report


#: ``text_stats`` keys -> Chinese labels (charts, CLI, lessons), most telling first.
STAT_LABELS = {
    "mean_sentence_chars": "平均句长（字）",
    "median_sentence_chars": "句长中位数（字）",
    "max_sentence_chars": "最长句子（字）",
    "mean_paragraph_chars": "平均段长（字）",
    "mean_clauses_per_sentence": "每句平均分句数",
    "mean_words_per_sentence": "每句平均词数",
    "adverbs_conjunctions_per_sentence": "每句副词和连词数",
    "readability": "可读性指数",
    "four_char_share": "四字格中的词所占比例",
    "function_word_share": "虚词所占比例",
    "official_words_per_1000": "每千字公文常用词数",
    "lead_sentences": "主旨句数",
    "chars": "总字数",
    "body_chars": "正文字数",
    "paragraphs": "正文段落数",
    "sentences": "正文句子数",
    "words": "正文词数",
    "official_words": "公文常用词次数",
}


def text_stats(report: "Report") -> dict:
    """Summary measures of a report, as plain JSON-serialisable Python numbers.

    - chars: ``report.chars`` (all paragraphs); body_chars: characters of
      body sentences (the base of every per-1,000 rate);
    - paragraphs, sentences: body paragraphs and body sentences;
    - mean/median/max_sentence_chars, mean_paragraph_chars,
      mean_clauses_per_sentence: from ``sentence_lengths``,
      ``paragraph_lengths``, ``clauses_per_sentence``;
    - words: body tokens that are not punctuation, symbols or whitespace
      (jieba tag x out; numbers m and Latin strings eng in, see
      ``baogao.analysis.words``); mean_words_per_sentence;
    - adverbs_conjunctions_per_sentence and readability: ``readability()``;
    - lead_sentences: number of lead sentences (``tables(report).leads``);
    - four_char_share: share of body words that lie inside a four-character
      phrase of ``four_char_phrases`` (found in the body only);
    - function_word_share: function words (``function_words``) / words;
    - official_words, official_words_per_1000: occurrences of the style
      words (``official_vocabulary``) and their rate per 1,000 body characters.
    Floats are rounded to 3 decimals; with no body text they are 0.0.
    """
    lengths = sentence_lengths(report).tolist()
    paras = paragraph_lengths(report).tolist()
    clauses = clauses_per_sentence(report).tolist()
    words = body_words(report)
    read = readability(report)
    spans = sorted((o[2], o[3]) for o in four_char_occurrences(report, kinds=(BODY,)))
    starts = [a for a, _ in spans]
    inside = 0
    for w in words:
        k = bisect.bisect_right(starts, w.start) - 1
        if k >= 0 and spans[k][0] <= w.start < spans[k][1]:
            inside += 1
    body_chars = body_char_count(report)
    official = len(style_hits(words))
    n = len(lengths)
    return {
        "chars": int(report.chars),
        "body_chars": body_chars,
        "paragraphs": len(paras),
        "sentences": n,
        "mean_sentence_chars": ratio(sum(lengths), n),
        "median_sentence_chars": rounded(statistics.median(lengths)) if lengths else 0.0,
        "max_sentence_chars": int(max(lengths)) if lengths else 0,
        "mean_paragraph_chars": ratio(sum(paras), len(paras)),
        "mean_clauses_per_sentence": ratio(sum(clauses), n),
        "words": len(words),
        "mean_words_per_sentence": read["words_per_sentence"],
        "adverbs_conjunctions_per_sentence": read["adv_conj_per_sentence"],
        "readability": read["readability"],
        "lead_sentences": int(len(tables(report).leads)),
        "four_char_share": ratio(inside, len(words)),
        "function_word_share": ratio(len(function_tokens(words)), len(words)),
        "official_words": official,
        "official_words_per_1000": ratio(official * 1000, body_chars),
    }
