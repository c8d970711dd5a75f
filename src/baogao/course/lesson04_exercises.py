"""Lesson 04's assignment (第 4 课作业): sentence length, clauses, series, readability, a split.

- q1 (coding): the body sentences of the report in use by length band;
- q2 (coding): median sentence length, the report in use against three corpus reports;
- q3 (coding, hidden cases, the kit's clause splitting disabled): 字数 of each clause;
- q4 (judgement, choice): which of eight series of the specimen are broken;
- q5 (judgement, choice): what the readability index of the specimen says;
- q6 (writing): the first sentence of raw line 4 split into two or three.

q1–q2 follow the report of the parameters cell; q4–q6 are about the specimen
whatever it is; q3 is about no report. The writing checks are in
``lesson04_writing``, the series in ``lesson04_series``.
"""

from __future__ import annotations

import re
import statistics

from baogao.analysis.lengths import paragraph_lengths, sentence_lengths
from baogao.analysis.tables import tables
from baogao.course import lesson04_writing as writing
from baogao.course.lesson04_measures import (
    BAND_NAMES,
    BANDS,
    band_counts,
    compared_reports,
    length_bands,
    medians,
    sentence_clauses,
)
from baogao.course.lesson04_series import BROKEN_ANSWER, BROKEN_OPTIONS
from baogao.exercises import compare
from baogao.exercises.choice import ChoiceProblem
from baogao.exercises.problems import Assignment, FunctionProblem, ValueProblem, WritingProblem

assignment = Assignment("04_rhythm", "第 4 课作业：数句长、数分句、找出坏了的并列、读懂可读性、拆长句")
use = assignment.use


# -- q1: sentences by length band ----------------------------------------------------------------
def _q1_read(value):
    if isinstance(value, dict) and value.get("$") != "set":
        keys = {compare.squeeze(k): v for k, v in value.items()}
        names = [compare.squeeze(n) for n in BAND_NAMES]
        missing = [n for n, s in zip(BAND_NAMES, names) if s not in keys]
        if missing:
            raise compare.AnswerFormError(f"q1_answer 应当有五档，少了“{missing[0]}”。")
        value = [keys[s] for s in names]
    if not isinstance(value, list) or len(value) != len(BANDS):
        raise compare.AnswerFormError("q1_answer 应当是五个整数：[不到二十字的, 二十至三十九字的, 四十至五十九字的, "
                                      "六十至九十九字的, 一百字及以上的]，也可以写成以档名为键的字典。")
    return [compare.as_int(v, what="q1_answer 里的每一项") for v in value]


def _inclusive(lengths):  # a length on a band's edge put in the lower band
    return [sum(1 for n in lengths if (low == 0 or n > low) and (high is None or n <= high)) for low, high in BANDS]


def _all_sentences(report):  # title, headings and every other paragraph kind as well
    return band_counts(tables(report).sentences["chars"].tolist())


def _paragraph_bands(report):
    return band_counts(paragraph_lengths(report).tolist())


def _q1_diagnose(value, expected, report):
    lengths = sentence_lengths(report).tolist()
    if sum(value) != sum(expected):
        if value == _all_sentences(report):
            return "你把标题、小标题这些不是正文的句子也算进去了：只数正文的句子，用 sentence_lengths(report)。"
        if value == _paragraph_bands(report):
            return "你数的是段落的字数：这道题数句子，用 sentence_lengths(report)。"
        return "五档加起来应当等于正文句子的总数：len(sentence_lengths(report))。"
    if value == _inclusive(lengths):
        return "边界上的句子放错了档：每一档含下限、不含上限，正好二十字的句子属于第二档。"
    if value == expected[::-1]:
        return "顺序反了：从最短的一档写起。"
    return "总数对了，但有几句放错了档：每一档含下限、不含上限，字数用 sentence_lengths 给的（连标点算，空格不算）。"


def _unless_same(wrong, expected, fallback):
    return wrong if wrong != expected else fallback


q1 = assignment.add(ValueProblem(
    name="q1", title="正文的句子有多长：按字数分档", variable="q1_answer", expected=length_bands, read=_q1_read,
    diagnose=_q1_diagnose,
    hints=["sentence_lengths(report) 给出正文每一句的字数（连标点算，空格不算），是一个 pandas 的 Series。",
           "五档是：不到 20 字、20—39 字、40—59 字、60—99 字、100 字及以上；每一档含下限、不含上限，"
           "例如 (lengths >= 20) & (lengths < 40)，再用 .sum() 数个数。",
           "pandas.cut(lengths, bins=[0, 20, 40, 60, 100, 10**6], right=False) 也能分档，"
           "再用 .value_counts(sort=False) 数每档有几句。"],
    solution_text=("lengths = sentence_lengths(report)\n"
                   "edges = [0, 20, 40, 60, 100, None]\n"
                   "q1_answer = [int(((lengths >= lo) & (lengths < hi)).sum()) if hi else int((lengths >= lo).sum())\n"
                   "             for lo, hi in zip(edges, edges[1:])]"),
    right_answers=[lambda r: dict(zip(BAND_NAMES, map(str, length_bands(r)))),
                   lambda r: {name.replace(" ", ""): n for name, n in reversed(list(zip(BAND_NAMES, length_bands(r))))}],
    wrong_answers=[lambda r: _unless_same(_inclusive(sentence_lengths(r).tolist()), length_bands(r), [0] * 5),
                   lambda r: _unless_same(_all_sentences(r), length_bands(r), [1] * 5),
                   lambda r: _unless_same(_paragraph_bands(r), length_bands(r), [2] * 5),
                   lambda r: length_bands(r)[:4]],
))


# -- q2: median sentence length, four reports ------------------------------------------------------
def _q2_read(value):
    if not isinstance(value, list) or len(value) != 4:
        raise compare.AnswerFormError("q2_answer 应当是四个数：[本报告, 1978 国务院, 2016 海拉尔区, 2021 国务院] 的句长中位数。")
    out = []
    for v in value:
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise compare.AnswerFormError("q2_answer 里的每一项都应当是一个数（例如 35.5）。")
        out.append(float(v))
    return out


def _close(a, b, tol: float = 0.01) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= tol for x, y in zip(a, b))


def _means(report):
    return [round(float(sentence_lengths(r).mean()), 1) if len(sentence_lengths(r)) else 0.0
            for r in compared_reports(report)]


def _all_medians(report):
    out = []
    for r in compared_reports(report):
        chars = tables(r).sentences["chars"].tolist()
        out.append(float(statistics.median(chars)) if chars else 0.0)
    return out


def _q2_diagnose(value, expected, report):
    if _close(value, expected[::-1]) and not _close(value, expected):
        return "顺序反了：先写本报告（REPORT 选的报告），再按 1978、2016 海拉尔区、2021 的次序写三篇参考报告。"
    if _close(value, _means(report), 0.06):
        return "这是平均数，不是中位数：用 .median()。几句特别长的句子会把平均数拉高，中位数不受它们影响。"
    if _close(value, _all_medians(report)):
        return "你把标题、小标题这些不是正文的句子也算进去了：只算正文，用 sentence_lengths(r)。"
    return "再核对一遍：对四篇报告各算一次 sentence_lengths(r).median()，本报告在前。"


q2 = assignment.add(ValueProblem(
    name="q2", title="句长的中位数：本报告与三篇参考报告", variable="q2_answer", expected=medians, read=_q2_read,
    same=_close, diagnose=_q2_diagnose,
    hints=["三篇参考报告用 baogao.get(\"1978_state-council_gwr\")、baogao.get(\"2016_hailar-district_gwr\")、"
           "baogao.get(\"2021_state-council_gwr\") 读进来。",
           "对每一篇算 sentence_lengths(r).median()：中位数是把句长从短到长排好以后正中间的那个数。"],
    solution_text=("names = [\"1978_state-council_gwr\", \"2016_hailar-district_gwr\", \"2021_state-council_gwr\"]\n"
                   "q2_answer = [float(sentence_lengths(r).median()) for r in [report] + [baogao.get(n) for n in names]]"),
    right_answers=[lambda r: [int(m) if float(m).is_integer() else m for m in medians(r)],
                   lambda r: [m + 0.004 for m in medians(r)]],
    wrong_answers=[lambda r: _means(r) if not _close(_means(r), medians(r)) else [0.0] * 4,
                   lambda r: medians(r)[::-1] if not _close(medians(r)[::-1], medians(r)) else [1.0] * 4,
                   lambda r: _all_medians(r) if not _close(_all_medians(r), medians(r)) else [2.0] * 4,
                   lambda r: medians(r)[:3]],
))


# -- q3: 字数 of each clause (hidden cases) --------------------------------------------------------
_BREAKS = "，；：,;:。！？!?"


def clause_lengths(sentence):
    """句子 sentence 每个分句的字数：在 ，；： 和半角的 , ; : 处断开（两个数字之间的半角逗号、冒号不断开），
    句末的 。！？（半角的 ! ? 也算）结束最后一个分句；字数只数汉字、字母和数字（str.isalnum()），
    标点、符号和空格不算；没有字的分句不要。"""
    out, count = [], 0
    for i, ch in enumerate(sentence):
        if ch in _BREAKS:
            between_digits = 0 < i < len(sentence) - 1 and sentence[i - 1].isdigit() and sentence[i + 1].isdigit()
            if ch in ",:" and between_digits:
                continue  # 1,000 and 10:30
            if count:
                out.append(count)
            count = 0
        elif ch.isalnum():
            count += 1
    if count:
        out.append(count)
    return out


#: (arguments, expected): sentences of the specimen (raw: ASCII commas), of the corpus, and made up.
CLAUSE_SENTENCES = [
    "努力提高覆盖率。",
    "团中央建立了台账管理和监督制度,既保证事事有着落,又注重举一反三,综合集成,系统实施",
    "据统计,5月4日、6月1日、7月1日等重要时间点的主题团课、团队课覆盖率。",
    "目前,共青团中央书记处在十九届中央第四轮巡视中制定的92项整改措施,已完成90%以上;中央直属机关三年实现内部巡视全覆盖;",
    "党的十九届六中全会决议明确提出“要做好接班人这个根本大计”,强调“要不断吸收各方面的先进分子特别是优秀青年入党”。",
    "综合运用H5、小程序、短视频、动漫等手段,推出系列青少年党史课程和网络文化产品。",
    "认真履行职责,深化改革创新, 不断保持和增强政治性、先进性、群众性。",
    "国内生产总值达到101.6万亿元，增长2.3%；城镇新增就业1186万人。",
    "全年进口1,000万吨,比上年增加10.5%。",
    "会议于10:30开始:请大家准时到会。",
    "一是3;二是4。",
    "请放心!强国有我!",
    "通过改革,一方面,制度化",
    "１２，３４５。",
    "（一）",
    "",
]
CLAUSE_CASES = [([s], clause_lengths(s)) for s in CLAUSE_SENTENCES]


def _by_regex(sentence):
    """Another valid implementation: protect the digit commas, split with a regular expression."""
    protected = re.sub(r"(?<=\d)[,:](?=\d)", "", sentence)
    pieces = re.split(r"[，；：,;:。！？!?]", protected)
    return [n for n in (sum(ch.isalnum() for ch in p) for p in pieces) if n]


def _full_width_only(sentence):  # misses the ASCII commas of the raw specimen
    return [n for n in (sum(ch.isalnum() for ch in p) for p in re.split(r"[，；：。！？]", sentence)) if n]


def _with_marks(sentence):  # counts punctuation and spaces too
    return [len(p) for p in re.split(r"[，；：,;:。！？!?]", sentence) if p]


def _splits_items(sentence):  # takes the 顿号 for a clause break
    return [n for n in (sum(ch.isalnum() for ch in p) for p in re.split(r"[，；：,;:。！？!?、]", sentence)) if n]


def _splits_numbers(sentence):  # breaks 1,000 and 10:30 too
    return [n for n in (sum(ch.isalnum() for ch in p) for p in re.split(r"[，；：,;:。！？!?]", sentence)) if n]


def _delegating(sentence):  # calls the library function it should reimplement
    return [n for _, n in sentence_clauses(sentence)]


q3 = assignment.add(FunctionProblem(
    name="q3", title="写一个函数，数出一句话里每个分句的字数", variable="clause_lengths", cases=CLAUSE_CASES,
    disable=("baogao.text.sentences:clause_spans", "baogao.analysis.lengths:clause_chars",
             "baogao.analysis.lengths:clause_table", "baogao.course.lesson04_measures:sentence_clauses"),
    reference=clause_lengths,
    hints=["逐字走一遍句子：碰到逗号、分号、冒号或句末标点，就把当前分句的字数记下来、从零重新数；"
           "碰到汉字、字母或数字（ch.isalnum() 为真）就加一；别的字符（引号、顿号、百分号、空格）不算。",
           "半角的 , ; : 也是分句的界限（样本报告的原样版一个全角逗号也没有）；但半角逗号或冒号前后都是数字时"
           "（1,000、10:30），它是数字的一部分，不断开。顿号“、”隔开的是词语，不是分句。",
           "走完以后，最后一个分句还没记下（句子可能没有句号）：字数不为零就补上；字数为零的分句不要。"],
    right_answers=[lambda r: _by_regex],
    wrong_answers=[lambda r: _full_width_only, lambda r: _with_marks, lambda r: _splits_items,
                   lambda r: _splits_numbers, lambda r: _delegating],
))


# -- q4: the broken series (judgement) -------------------------------------------------------------
def _q4_diagnose(value, expected, report):
    said = q4._choice_diagnose(value, expected, report)
    missing = set(expected) - set(value)
    if not (set(value) - set(expected)) and missing:
        if "E" in missing:
            return said + "有一组勘误表只记为存疑：存疑不等于没有毛病，逐项比一比每组的格式是不是一致。"
        return said + "对照勘误表（load_errata()，按行号找）再读一遍每一项。"
    return said


q4 = assignment.add(ChoiceProblem(
    name="q4", title="找出被破坏了的并列", variable="q4_answer", options=BROKEN_OPTIONS, answer=BROKEN_ANSWER,
    question=("下面八组并列都出自样本报告的原样版。哪几组被破坏了：某一项意思不通、重复，"
              "或者和别的项不成并列（格式、构词不一致）？"),
    hints=["一组并列，每一项的格式要一致（都是“以……为……”，都是“……化”），意思要同一类，不能重复。",
           ("先查勘误表：第 6、38、43 行的几组都有条目，把握程度是“确定”或“很可能”（load_errata()，看 line 一栏）；"
            "再自己读其余几组：勘误表记为存疑的，不等于没有毛病。")],
    right_answers=[["a", "d", "e", "f"], "A、D、E、F"],
    wrong_answers=["ADF", "ADEFC", "ADEFG", "A", "BCGH"],
))
q4._choice_diagnose = q4.diagnose
q4.diagnose = _q4_diagnose


# -- q5: what the readability index says (judgement) -----------------------------------------------
READABILITY_OPTIONS = {
    "A": ("样本报告比 2021 年的《政府工作报告》难读：这是一个经过检验的结论。",
          "这个指数是在上市公司年报上构建和检验的，没有在政府工作报告或公文上检验过；两篇也不是同一种文件。"),
    "B": ("这个指数几乎就是“每个分句平均字数”的一半：样本报告的指数高，主要是因为它的分句长；它在上市公司年报上检验过，"
          "用在公文上只能在报告之间作相对比较，而且原样版的分句要把半角逗号当作逗号才数得对。", ""),
    "C": ("样本报告的指数高，是因为它用的副词和连词比政府工作报告多。",
          "看两个分量：两篇的副词和连词比例差不多，样本报告还略低；拉开差距的是每个分句的平均字数。"),
    "D": ("可读性指数越低，公文写得越好：改写时应当把它降到最低。",
          "指数只量分句的长短和副词、连词的多少，不量内容、提法和条理；分句一味切短，读起来也会零碎。"),
}

q5 = assignment.add(ChoiceProblem(
    name="q5", title="可读性指数说明了什么", variable="q5_answer", options=READABILITY_OPTIONS, answer="B",
    question=("按本教材的计算，样本报告（原样版）的可读性指数比 2021 年的《政府工作报告》高，"
              "在 18 篇报告里最高。下面哪一种说法对？"),
    hints=["先看这个指数是怎么算的：两个分量各是多大的数？哪一个决定了结果？",
           "再看它是在什么文本上构建和检验的；样本报告的原样版用的是哪一种逗号？"],
    right_answers=["b", "（B）", READABILITY_OPTIONS["B"][0]],
))


# -- q6: split the first sentence of raw line 4 (writing) ------------------------------------------
q6 = assignment.add(WritingProblem(
    name="q6", title="把原样版第 4 行的第一句拆成两三句", variable="q6_answer", task=writing.TASK,
    feedback=writing.split_feedback, model_answer=writing.MODEL, rubric=writing.RUBRIC,
    hints=["先把这句话按逗号拆成分句，给每个分句标上它说的是哪件事：指导思想、学习贯彻、履行职责、自身建设、成效和肯定。",
           "在两件事之间断句；新的一句没有主语时补一个（“全团”“共青团”），提法照勘误后版本一字不差地抄。"],
    right_answers=[writing.OTHER],
    wrong_answers=writing.WRONG,
))
