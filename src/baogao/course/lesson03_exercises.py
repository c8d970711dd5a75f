"""Lesson 03's assignment (第 3 课作业): words and formulations.

- q1, q2 (coding): 新时期/新时代 and 一年来 with the concordance, from the report in use;
- q3 (coding): official verbs per 1,000 characters, the report against the 2021 State Council report;
- q4 (coding, hidden cases, ``style_hits`` disabled): the style words inside one jieba token;
- q5 (judgement, choice): what keywords against the corpus measure;
- q6 (judgement): twelve formulations of the specimen, exact or a near miss, and their standard form;
- q7 (writing): the 党史学习教育 sentence of raw line 43, with exact formulations and no stacked adverbials.

q5–q7 are about the specimen whatever report the notebook studies; q1–q3
follow it. Feedback helpers and the formulation items are in
``lesson03_feedback``.
"""

from __future__ import annotations

from baogao.analysis.vocabulary import body_char_count, official_vocabulary, style_hits
from baogao.analysis.words import Word
from baogao.concordance.kwic import kwic
from baogao.course.lesson03_feedback import (
    EXACT,
    FORMULATION_ITEMS,
    KEYWORD_OPTIONS,
    STUDY_MODEL,
    STUDY_OTHER,
    STUDY_SENTENCE,
    formulation_items,  # noqa: F401 - the notebook's table of the items
    q6_diagnose,
    q6_expected,
    q6_read,
    q6_same,
    q7_feedback,
)
from baogao.course.lesson03_measures import (
    era_lines,
    reference,
    review_formula,
    verb_rates,
)
from baogao.exercises import compare
from baogao.exercises.choice import ChoiceProblem
from baogao.exercises.problems import Assignment, FunctionProblem, ValueProblem, WritingProblem

assignment = Assignment("03_words", "第 3 课作业：检索时代称谓、数公文常用词、核对规范提法、改写一句话")
use = assignment.use


def _minus_one(lines):
    return [x - 1 for x in lines]


# -- q1: 新时期 and 新时代 ---------------------------------------------------------------------
def _pair_of_lists(value, what, keys):
    """{"a": [...], "b": [...]} or [[...], [...]] → (list, list)."""
    if isinstance(value, dict) and value.get("$") != "set":
        missing = [k for k in keys if k not in value]
        if missing:
            raise compare.AnswerFormError(f"{what} 应当有“{keys[0]}”和“{keys[1]}”两项，少了“{missing[0]}”。")
        return tuple(compare.as_int_list(value[k], what=f"{what}[\"{k}\"]") if value[k] != [] else []
                     for k in keys)
    if isinstance(value, list) and len(value) == 2:
        return tuple(compare.as_int_list(v, what=what) if v != [] else [] for v in value)
    raise compare.AnswerFormError(f"{what} 应当是一个字典：{{\"{keys[0]}\": [行号…], \"{keys[1]}\": [行号…]}}。")


Q1_KEYS = ("新时期", "新时代")


def _q1_expected(report):
    lines = era_lines(report)
    return tuple(lines[k] for k in Q1_KEYS)


def _all_xinshidai_lines(report):
    return sorted(set(kwic(report, "新时代")["line"].astype(int)))


def _q1_diagnose(value, expected, report):
    old, new = value
    if (old, new) == expected[::-1] and old != new:
        return "两项对调了：“新时期”一项放“新时期”的行号，“新时代”一项放“新时代”的。"
    if old == _minus_one(expected[0]) and old:
        return "行号小了一：kwic 的 line 一栏就是从 1 数起的行号，不要再用列表的下标。"
    if report.meta.get("id") == "specimen" and old == [x - 2 for x in expected[0]] and old:
        return "这是勘误后版本的行号：本题用原样版（REPORT 选的报告），行号照 kwic 的 line 一栏写。"
    if old != expected[0]:
        return "“新时期”的行号不对：用 kwic(report, \"新时期\") 检索，看 line 一栏。"
    if new == _all_xinshidai_lines(report) and new != expected[1]:
        return "“新时代”多算了：思想名称“……新时代中国特色社会主义思想”里的“新时代”不是时代称谓，不要算。"
    if len(set(new)) != len(new):
        return "“新时代”的行号有重复：同一行出现两次，只写一次行号。"
    return "“新时期”对了；“新时代”再看看：右侧语境以“中国特色社会主义思想”开头的，是思想名称的一部分。"


q1 = assignment.add(ValueProblem(
    name="q1", title="检索“新时期”和“新时代”", variable="q1_answer", expected=_q1_expected,
    read=lambda v: _pair_of_lists(v, "q1_answer", Q1_KEYS),
    same=lambda a, b: sorted(a[0]) == list(b[0]) and sorted(set(a[1])) == list(b[1]) and len(set(a[1])) == len(a[1]),
    diagnose=_q1_diagnose,
    hints=["from baogao.concordance import kwic；kwic(report, \"新时期\") 给出每一处的行号（line）和左右语境（left、right）。",
           ("“新时代”要去掉思想名称里的那几处：它们的右侧语境（right）以“中国特色社会主义思想”开头。"
            "同一行出现两次，行号只写一次：sorted(set(...))。")],
    solution_text=('old = kwic(report, "新时期")\n'
                   'new = kwic(report, "新时代")\n'
                   'new = new[~new["right"].str.startswith("中国特色社会主义思想")]\n'
                   'q1_answer = {"新时期": sorted(set(old["line"])), "新时代": sorted(set(new["line"]))}'),
    right_answers=[lambda r: [list(_q1_expected(r)[0]), list(_q1_expected(r)[1])],
                   lambda r: {"新时代": set(_q1_expected(r)[1]), "新时期": [str(x) for x in _q1_expected(r)[0]]}],
    wrong_answers=[lambda r: {"新时期": _q1_expected(r)[0], "新时代": _all_xinshidai_lines(r)},
                   lambda r: {"新时期": _minus_one(_q1_expected(r)[0]) or [0], "新时代": _minus_one(_q1_expected(r)[1])},
                   lambda r: {"新时期": [x - 2 for x in _q1_expected(r)[0]] or [1], "新时代": _q1_expected(r)[1]},
                   lambda r: {"新时期": _q1_expected(r)[1] or [1], "新时代": _q1_expected(r)[0]}],
))


# -- q2: 一年来 --------------------------------------------------------------------------------
def _q2_read(value):
    if isinstance(value, dict) and value.get("$") != "set":
        if "次数" not in value or "段首" not in value:
            raise compare.AnswerFormError("q2_answer 应当有“次数”和“段首”两项。")
        count, lines = value["次数"], value["段首"]
    elif isinstance(value, list) and len(value) == 2:
        count, lines = value
    else:
        raise compare.AnswerFormError("q2_answer 应当是一个字典：{\"次数\": 整数, \"段首\": [行号…]}。")
    return compare.as_int(count, what="“次数”"), (compare.as_int_list(lines, what="“段首”") if lines != [] else [])


def _q2_expected(report):
    found = review_formula(report)
    return found["次数"], found["段首"]


def _all_lines(report):
    return sorted(set(kwic(report, "一年来")["line"].astype(int)))


def _q2_diagnose(value, expected, report):
    count, lines = value
    if count != expected[0]:
        if count == len(_all_lines(report)) != expected[0]:
            return "你数的是出现的行数：同一行出现两次要算两次。"
        return "“次数”不对：kwic 的结果有几行，就出现了几次。"
    if lines == _all_lines(report) and lines != list(expected[1]):
        return "“段首”只要段落开头就是“一年来”的那几行：它左侧的语境（left）是空的。"
    if lines == _minus_one(expected[1]) and lines:
        return "行号小了一：kwic 的 line 一栏就是行号。"
    return "“次数”对了；“段首”再看看：段首的“一年来”左边没有文字，left 一栏是空字符串。"


q2 = assignment.add(ValueProblem(
    name="q2", title="检索“一年来”", variable="q2_answer", expected=_q2_expected, read=_q2_read,
    same=lambda a, b: a[0] == b[0] and sorted(a[1]) == list(b[1]), diagnose=_q2_diagnose,
    hints=["k = kwic(report, \"一年来\")：len(k) 是出现的次数。",
           "段落开头的“一年来”左边没有文字：k[k[\"left\"] == \"\"] 就是这几处，再取 line 一栏。"],
    solution_text=('k = kwic(report, "一年来")\n'
                   'q2_answer = {"次数": len(k), "段首": sorted(set(k[k["left"] == ""]["line"]))}'),
    right_answers=[lambda r: [_q2_expected(r)[0], list(_q2_expected(r)[1])],
                   lambda r: {"段首": tuple(_q2_expected(r)[1]), "次数": str(_q2_expected(r)[0])}],
    wrong_answers=[lambda r: {"次数": _q2_expected(r)[0], "段首": _all_lines(r) if _all_lines(r) != list(
                       _q2_expected(r)[1]) else [0]},
                   lambda r: {"次数": _q2_expected(r)[0] + 1, "段首": _q2_expected(r)[1]},
                   lambda r: {"次数": _q2_expected(r)[0], "段首": _minus_one(_q2_expected(r)[1]) or [0]}],
))


# -- q3: official verbs per 1,000 characters -------------------------------------------------
def _rate(report, categories=("verb",), chars=None):
    vocab = official_vocabulary(report)
    n = int(vocab.loc[vocab["category"].isin(categories), "count"].sum())
    chars = body_char_count(report) if chars is None else chars
    return round(n * 1000 / chars, 2) if chars else 0.0


def _q3_read(value):
    if not isinstance(value, list) or len(value) != 2:
        raise compare.AnswerFormError("q3_answer 应当是两个数：[本报告的每千字动词数, 2021 年政府工作报告的每千字动词数]。")
    out = []
    for v in value:
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise compare.AnswerFormError("q3_answer 里的每一项都应当是一个数（例如 12.34）。")
        out.append(float(v))
    return out


def _close(a, b, tol: float = 0.05) -> bool:
    return len(a) == len(b) and all(abs(x - y) <= tol for x, y in zip(a, b))


def _q3_variants(report):
    pair = (report, reference())
    return {
        "all": [_rate(r, ("adverb", "intensifier", "verb")) for r in pair],
        "adverb": [_rate(r, ("adverb",)) for r in pair],
        "chars": [_rate(r, ("verb",), r.chars) for r in pair],
        "counts": [float(_rate(r, ("verb",), 1000)) for r in pair],
    }


def _q3_diagnose(value, expected, report):
    if _close(value, expected[::-1]) and not _close(value, expected):
        return "顺序反了：先写本报告（REPORT 选的报告），再写 2021 年的政府工作报告。"
    variants = _q3_variants(report)
    for key, why in (("all", "你把方式副词、程度修饰语也算进去了：这道题只数动作动词（category 为 \"verb\"）。"),
                     ("adverb", "你数的是方式副词（adverb）：这道题数动作动词（verb）。"),
                     ("counts", "这是次数，不是每千字的次数：还要除以正文字数、乘以 1000。"),
                     ("chars", "分母不对：每千字的“字”指正文句子的字数 body_char_count(report)，不是全文的 report.chars。")):
        if _close(value, variants[key]) and not _close(value, expected):
            return why
    return "再核对一遍：只数 category 为 \"verb\" 的词的 count 之和，除以 body_char_count(...)，再乘以 1000。"


q3 = assignment.add(ValueProblem(
    name="q3", title="每千字有多少个公文常用动词", variable="q3_answer", expected=lambda report: verb_rates(report),
    read=_q3_read, same=_close, diagnose=_q3_diagnose,
    hints=["official_vocabulary(r) 列出 r 的公文常用词，category 一栏是类别（\"verb\" 是动作动词），count 一栏是次数。",
           "每千字的次数 = 动词次数之和 × 1000 ÷ body_char_count(r)；对本报告和 baogao.get(\"2021_state-council_gwr\") 各算一次。",
           "保留两位小数就够了：round(…, 2)；两个数放进一个列表，本报告在前。"],
    solution_text=("def verbs_per_1000(r):\n"
                   "    v = official_vocabulary(r)\n"
                   "    return round(float(v[v[\"category\"] == \"verb\"][\"count\"].sum()) * 1000 / body_char_count(r), 2)\n\n"
                   "q3_answer = [verbs_per_1000(report), verbs_per_1000(baogao.get(\"2021_state-council_gwr\"))]"),
    right_answers=[lambda r: [float(sum(official_vocabulary(x).query("category == 'verb'")["per_1000"]))
                              for x in (r, reference())],
                   lambda r: [_rate(r, ("verb",)) + 0.004, _rate(reference(), ("verb",)) - 0.004]],
    wrong_answers=[lambda r: _q3_variants(r)["all"], lambda r: _q3_variants(r)["chars"],
                   lambda r: _q3_variants(r)["counts"], lambda r: verb_rates(r)[::-1] if len(set(verb_rates(r))) > 1
                   else _q3_variants(r)["adverb"], lambda r: _q3_variants(r)["adverb"]],
))


# -- q4: the style words inside one token (hidden cases) --------------------------------------
def style_parts(token, words):
    """token 里的公文常用词（words 里的词，每个至少两个字）：从左到右，每次取能匹配的最长的词；
    剩下的字每一段都至少两个字时，按出现的顺序返回找到的词，否则返回空列表。"""
    words = set(words)
    longest = max((len(w) for w in words), default=0)
    found, runs, run, i = [], [], 0, 0
    while i < len(token):
        hit = next((token[i:i + k] for k in range(min(longest, len(token) - i), 1, -1) if token[i:i + k] in words),
                   None)
        if hit:
            if run:
                runs.append(run)
                run = 0
            found.append(hit)
            i += len(hit)
        else:
            run += 1
            i += 1
    if run:
        runs.append(run)
    return found if found and all(n >= 2 for n in runs) else []


#: (arguments, expected): tokens jieba cuts in the specimen, with a few words of the kit's list each
#: (``style_word_entries``; a test checks them against the library), then made-up ones.
STYLE_CASES = [
    (["切实增强", ["切实", "增强", "加强"]], ["切实", "增强"]), (["进一步提高", ["进一步", "提高", "不断"]], ["进一步", "提高"]),
    (["深入开展", ["深入", "全面"]], ["深入"]), (["积极性", ["积极", "主动"]], []), (["可持续", ["持续", "不断"]], []),
    (["推进", ["推进", "推动"]], ["推进"]), (["努力做到", ["努力", "认真"]], ["努力"]), (["高质量", ["提高", "高度"]], []),
    (["不断深化改革", ["不断", "深化", "加强"]], ["不断", "深化"]), (["明显提高", ["明显", "提高"]], ["明显", "提高"]),
    (["进一步提高", ["进一", "进一步", "提高"]], ["进一步", "提高"]), (["甲乙丙丁", ["甲乙", "丙丁"]], ["甲乙", "丙丁"]),
    (["甲乙丙", ["甲乙"]], []), (["丙丁甲乙", ["甲乙"]], ["甲乙"]), (["甲乙丙丁戊", ["乙丙"]], []),
    (["甲乙甲乙", ["甲乙"]], ["甲乙", "甲乙"]), (["甲乙", []], []), (["", ["甲乙"]], []),
]


def _by_slicing(token, words):
    """Another valid implementation: the same scan, longest match first, other characters counted in runs."""
    pieces, other = [], ""
    i = 0
    ordered = sorted(set(words), key=len, reverse=True)
    while i < len(token):
        word = next((w for w in ordered if len(w) >= 2 and token.startswith(w, i)), "")
        if word:
            pieces.append(other)
            other = ""
            pieces.append(word)
            i += len(word)
        else:
            other += token[i]
            i += 1
    pieces.append(other)
    found = [p for p in pieces if p in set(words) and len(p) >= 2]
    rest = [p for p in pieces if p and p not in found]
    return found if found and all(len(p) >= 2 for p in rest) else []


def _substrings(token, words):  # every listed word that occurs anywhere in the token
    return [w for w in words if w in token]


def _no_rest_check(token, words):  # forgets that the other characters must make words of two
    words, out, i = set(words), [], 0
    while i < len(token):
        hit = next((token[i:i + k] for k in range(len(token) - i, 1, -1) if token[i:i + k] in words), None)
        out.append(hit) if hit else None
        i += len(hit) if hit else 1
    return out


def _shortest_first(token, words):  # takes the shortest match: 进一 before 进一步
    words, out, runs, run, i = set(words), [], [], 0, 0
    while i < len(token):
        hit = next((token[i:i + k] for k in range(2, len(token) - i + 1) if token[i:i + k] in words), None)
        if hit:
            runs, run = runs + ([run] if run else []), 0
            out.append(hit)
            i += len(hit)
        else:
            run, i = run + 1, i + 1
    runs += [run] if run else []
    return out if out and all(n >= 2 for n in runs) else []


def _delegating(token, words):  # calls the library function it should reimplement
    return [found for found, _ in style_hits([Word(token, "v", 0, len(token), 1, 1, 1, "paragraph")])]


q4 = assignment.add(FunctionProblem(
    name="q4", title="写一个函数，找出一个词里的公文常用词", variable="style_parts", cases=STYLE_CASES,
    disable=("baogao.analysis.vocabulary:style_hits", "baogao.analysis.vocabulary:official_vocabulary"),
    reference=style_parts,
    hints=["从左到右走一遍 token：在当前位置，从最长的可能长度往短里试（最短两个字），token[i:i + k] 在 words 里就记下它、跳过它；"
           "都不在就把这个字算作“其他字”，前进一个字。",
           "一边走一边记下每一段连续的“其他字”有几个字；走完以后，找到了词、而且每一段“其他字”都不少于两个字，才返回找到的词。",
           "“积极性”：找到“积极”，剩下的“性”只有一个字，所以返回 []；“深入开展”：找到“深入”，剩下的“开展”两个字，返回 [\"深入\"]。"],
    right_answers=[lambda r: _by_slicing],
    wrong_answers=[lambda r: _substrings, lambda r: _no_rest_check, lambda r: _shortest_first, lambda r: _delegating],
))


# -- q5: what keywords measure (judgement, choice) -------------------------------------------
q5 = assignment.add(ChoiceProblem(
    name="q5", title="关键词量的是什么", variable="q5_answer", options=KEYWORD_OPTIONS, answer="B",
    question=("把样本报告的原样版与语料库的 17 篇报告比较，关键词的前两位是“青年”“共青团”，"
              "至少出现两次的关键词里还有“金平”“CPPCC”“NPC”“伟人”。下面哪一种说法对？"),
    hints=["关键词比的是什么？一个词在这份报告里比在参照语料里多用了多少，不问它为什么多。",
           "“金平”“CPPCC”是怎么进到这份副本里来的？勘误后版本里还有没有它们？“进一步”“加强”这类公文常用词呢？"],
    right_answers=["b", "（B）", KEYWORD_OPTIONS["B"][0]],
))


# -- q6: twelve formulations, exact or a near miss (judgement) ------------------------------
q6 = assignment.add(ValueProblem(
    name="q6", title="这些提法一字不差吗", variable="q6_answer", expected=lambda report: q6_expected(),
    read=q6_read, same=q6_same, diagnose=q6_diagnose,
    hints=["先对照原样版读每一处的上下文，再查勘误表（load_errata()，按行号找）；勘误表给了规范写法的，就用它给的。",
           ("引了出处的，还要核对出处：第 9 项引的是党的十九届六中全会决议，勘误表第 45 行的改法取自决议原话"
            "（把握程度“很可能”），去读决议的原文比一比；勘误表没有收的几项，也要对照规范提法逐字核对，"
            "一字不差的写“准确”。")],
    solution_text=lambda report: "q6_answer = {\n" + "\n".join(
        f"    {number}: \"{answer}\"," for number, answer in q6_expected().items()) + "\n}",
    right_answers=[lambda r: {str(item.number): item.accepted[-1] if item.accepted != EXACT else "一字不差"
                              for item in FORMULATION_ITEMS}],
    wrong_answers=[lambda r: {item.number: "准确" for item in FORMULATION_ITEMS},
                   lambda r: {**q6_expected(), 1: "政治洞察力"},
                   lambda r: {**q6_expected(), 6: "全面从严治党"},
                   lambda r: {**q6_expected(), 9: "准确"},
                   lambda r: {**q6_expected(), 3: "国家大事"},
                   lambda r: {k: v for k, v in q6_expected().items() if k != 12}],
))


# -- q7: rewrite the study sentence of raw line 43 (writing) ---------------------------------
q7 = assignment.add(WritingProblem(
    name="q7", title="改写原样版第 43 行讲党史学习的一句话", variable="q7_answer",
    task=("原样版第 43 行有这样一句：“" + STUDY_SENTENCE + "”请改写成一句规范的话：提法一字不差，不叠用状语，"
          "不增删实质内容，用全角标点。（本题只针对样本报告，不论参数格里的 REPORT 选了哪份报告。）"),
    feedback=q7_feedback, model_answer=STUDY_MODEL,
    rubric=["提法一字不差：党史学习教育的目标写成规范的“学史明理、学史增信、学史崇德、学史力行”，四项次序不变、用顿号隔开",
            "删去重复的“以史为鉴”和回译的“增长信心、尊崇道德、践行历史”，不另造提法",
            "状语不叠用：“集中系统地”这类两个状语连用的写法只留一个，或改用一个准确的词",
            "保留原句的内容（落实部署、回顾百年历史、交流研讨、撰写理论文章、向青年宣讲），不添新的事实",
            "一句话，全角标点，语句通顺"],
    hints=["先找出原句里走样的提法：2021 年党史学习教育的目标是四个“学史……”，勘误表第 43 行的条目给了规范写法。",
           "“集中系统地回顾”用了两个状语，留一个就够了；“以史为鉴”出现了两次，而且它和后面三项都不是规范写法。"],
    right_answers=[STUDY_OTHER],
    wrong_answers=[STUDY_SENTENCE,
                   STUDY_MODEL.replace("系统回顾", "集中系统地回顾"),
                   STUDY_MODEL.replace("学史力行", "践行历史"),
                   STUDY_MODEL.replace("学史明理、学史增信、学史崇德、学史力行", "以史为鉴、增长信心、尊崇道德、践行历史"),
                   STUDY_MODEL.replace("，带头", "。带头")],
))
