"""Lesson 06's coding exercises (第 6 课作业 q1–q3):

- q1: the linter's recall on the specimen (raw), by errata category, with ``baogao.lint.scoring``;
- q2: the catchable entries no finding counts for (the "found by" column empty);
- q3 (hidden cases, the kit's rule and linter disabled): a rule that finds doubled words.

q1 and q2 are about the specimen whatever the report: the errata document the specimen only.
Their expected values are computed from the errata and the linter, never written down.
"""

from __future__ import annotations

import re

from baogao.course.lesson06_measures import errata, found_by, missed_entries, recall_by_category, specimen_score
from baogao.exercises import compare
from baogao.exercises.problems import FunctionProblem, ValueProblem
from baogao.lint.scoring import CATEGORY_LABELS

_BY_LABEL = {v: k for k, v in CATEGORY_LABELS.items()}


# -- q1: recall by category ---------------------------------------------------------------
def _pair(value, key):
    if isinstance(value, str) and "/" in value:
        value = value.split("/")
    if not isinstance(value, (list, tuple)) or len(value) != 2:
        raise compare.AnswerFormError(f"“{key}”的值应当是两个整数：[找到的条数, 条数]。")
    return tuple(compare.as_int(v, what=f"“{key}”的条数") for v in value)


def _q1_read(value) -> dict:
    if not isinstance(value, dict) or "$" in value:
        raise compare.AnswerFormError("q1_answer 应当是一个字典：{类别: [找到的条数, 条数]}，例如 {\"cut_off\": [1, 2]}。")
    out = {}
    for key, pair in value.items():
        if not isinstance(key, str):
            raise compare.AnswerFormError("q1_answer 的键是类别，写成字符串，例如 \"cut_off\" 或 \"段落残缺\"。")
        k = compare.squeeze(key)
        out[_BY_LABEL.get(k, k)] = _pair(pair, key)
    return out


def _q1_expected(report=None) -> dict:
    return {k: tuple(v) for k, v in recall_by_category().items()}


def _q1_diagnose(value, expected, report):
    unknown = [k for k in value if k not in CATEGORY_LABELS]
    if unknown:
        return f"“{unknown[0]}”不是勘误表的类别：键用 category 一栏的写法（cut_off）或它的中文名（段落残缺）。"
    extra = [k for k in value if k not in expected]
    if extra:
        return ("多了没有可查条目的类别：只写规则能找到（catchable）、而且 entries 大于 0 的类别；"
                "半角标点、多余空格是系统性错误，算在出现次数里，不算条目。")
    if set(expected) - set(value):
        return "还少了几个类别：catchable 为真、entries 大于 0 的类别都要写上。"
    if all(value[k] == expected[k][::-1] for k in expected):
        return "两个数的次序反了：先写找到的条数，再写条数。"
    totals = errata().groupby("category").size()
    if any(value[k][1] == totals.get(k) != expected[k][1] for k in value):
        return "条数不是勘误表里这一类的行数：只算 once（一次性）的条目，在 score 的 categories 里是 entries。"
    return "找到的条数不对：一条发现要在位置、种类、宽度上都对得上才算找到，直接读 score 给的 found。"


Q1 = ValueProblem(
    name="q1", title="给校对工具打分：各类的召回率", variable="q1_answer", expected=_q1_expected, read=_q1_read,
    diagnose=_q1_diagnose,
    hints=["lint(raw) 是工具在原样版上的全部发现；from_findings 把它们变成打分用的格式；score(…) 对照勘误表打分，"
           "结果的 \"categories\" 是一个列表，每一项是一个类别。",
           "只留 c[\"catchable\"] 为真、c[\"entries\"] 大于 0 的类别，写成 {c[\"category\"]: [c[\"found\"], c[\"entries\"]]}。"],
    solution_text=("result = score(from_findings(lint(baogao.specimen())))\n"
                   "q1_answer = {c[\"category\"]: [c[\"found\"], c[\"entries\"]]\n"
                   "             for c in result[\"categories\"] if c[\"catchable\"] and c[\"entries\"]}"),
    right_answers=[lambda r: {CATEGORY_LABELS[k]: f"{a}/{b}" for k, (a, b) in recall_by_category().items()},
                   lambda r: {k: tuple(v) for k, v in reversed(list(recall_by_category().items()))}],
    wrong_answers=[lambda r: {k: [b, a] for k, (a, b) in recall_by_category().items()},
                   lambda r: {**recall_by_category(), "ascii_punctuation": [384, 384]},
                   lambda r: dict(list(recall_by_category().items())[1:]),
                   lambda r: {k: [a, int(errata().groupby("category").size()[k]) + 1] for k, (a, b) in
                              recall_by_category().items()},
                   lambda r: {k: [b, b] for k, (a, b) in recall_by_category().items()}],
)


# -- q2: the entries nothing found ----------------------------------------------------------
def _q2_read(value) -> tuple[str, ...]:
    if isinstance(value, dict) and value.get("$") == "set":
        value = value.get("items", [])
    if isinstance(value, str):
        value = re.split(r"[\s,，、;；]+", value.strip())
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
        raise compare.AnswerFormError("q2_answer 应当是勘误编号的列表，例如 [\"E001\", \"E012\"]。")
    return tuple(sorted({compare.squeeze(v).upper() for v in value if v.strip()}))


def _q2_diagnose(value, expected, report):
    e = errata().set_index("id")
    unknown = [v for v in value if v not in e.index]
    if unknown:
        return f"“{unknown[0]}”不是勘误表的编号。"
    found = found_by()
    outside = [v for v in value if v not in found]
    if outside:
        return ("有的条目不在打分的范围里：规则找不到的类别（catchable 为 no）和系统性错误不算召回率的条目，"
                "只看 score 的 \"entries\"。")
    if any(found[v] for v in value):
        return "有的条目其实找到了：它的 found_by 不是空的。"
    return "还少了几条：\"entries\" 里 found_by 为空的条目都要列上，包括工具其实指出了、但位置对不上的。"


Q2 = ValueProblem(
    name="q2", title="哪些可查的条目没有找到", variable="q2_answer",
    expected=lambda report=None: tuple(sorted(missed_entries())), read=_q2_read, diagnose=_q2_diagnose,
    hints=["score(…)[\"entries\"] 列出每一条可查的（catchable、once）条目，\"found_by\" 是找到它的规则，没有找到的是空列表。",
           "q2_answer = [x[\"id\"] for x in result[\"entries\"] if not x[\"found_by\"]]"],
    solution_text="q2_answer = [x[\"id\"] for x in result[\"entries\"] if not x[\"found_by\"]]",
    right_answers=[lambda r: "、".join(reversed(missed_entries())), lambda r: [x.lower() for x in missed_entries()]],
    wrong_answers=[lambda r: missed_entries()[1:],
                   lambda r: missed_entries() + [next(i for i, by in found_by().items() if by)],
                   lambda r: missed_entries() + [next(x.id for x in errata().itertuples() if not x.catchable)],
                   lambda r: [i for i, by in found_by().items() if by]],
)


# -- q3: a rule that finds doubled words (hidden cases) ---------------------------------------
def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def doubled_words(text):
    """text 里重复的词语：[[开始, 结束, 词语], …]（规则见练习本）。"""
    out, i = [], 0
    while i < len(text):
        hit = None
        for size in range(6, 1, -1):
            word = text[i:i + size]
            if len(word) < size or not all(_han(c) for c in word) or len(set(word)) == 1 or word[0] == "一":
                continue
            if text.startswith(word, i + size):
                hit = [i, i + 2 * size, word]
                break
            end = i + 2 * size + 1
            if (text[i + size:i + size + 1] == "、" and text.startswith(word, i + size + 1)
                    and (end == len(text) or not _han(text[end]))):
                hit = [i, end, word]
                break
        if hit:
            out.append(hit)
            i = hit[1]
        else:
            i += 1
    return out




def _by_regex(text, *, listed=True, boundary=True, yi=True, single=False, one_based=False):
    """Another valid implementation (a regular expression per length); its switches make the
    slips of q3's wrong answers."""
    out, i = [], 0
    sizes = range(6, 0 if single else 1, -1)
    while i < len(text):
        hit = None
        for size in sizes:
            word = text[i:i + size]
            if len(word) < size or not re.fullmatch(r"[\u4e00-\u9fff]+", word):
                continue
            if (size > 1 and len(set(word)) == 1) or (yi and word.startswith("一")):
                continue
            m = re.compile(re.escape(word) + r"(、)?" + re.escape(word)).match(text, i)
            if m and (not m.group(1) or listed) and (not m.group(1) or not boundary or m.end() == len(text)
                                                     or not re.match(r"[\u4e00-\u9fff]", text[m.end()])):
                hit = [i + one_based, m.end() + one_based, word]
                break
        if hit:
            out.append(hit)
            i = hit[1] - one_based
        else:
            i += 1
    return out


def _regex(text):
    return _by_regex(text)


def _no_list(text):  # forgets the repetition inside a list (以史为鉴、以史为鉴)
    return _by_regex(text, listed=False)


def _no_boundary(text):  # 社会保障、保障性住房 taken for a repetition
    return _by_regex(text, boundary=False)


def _no_yi(text):  # 一代一代 taken for a repetition
    return _by_regex(text, yi=False)


def _single(text):  # single characters too: 扎扎实实, 人人
    return _by_regex(text, single=True)


def _one_based(text):  # positions counted from 1
    return _by_regex(text, one_based=True)


_RAW_CASES = [  # sentences of the specimen (raw edition); a test checks that they are its text
    "全面实施晋级晋级入团。",
    "向青年宣讲,努力做到以史为鉴、以史为鉴、增长信心、尊崇道德、践行历史。",
    "全团扎扎实实开展了“学党史、坚定信念、跟党走”的学习教育。",
    "围绕高校毕业生就业、“双减”政策落实、大城市住房等青年热点、难点、痛点,开展多轮大规模抽样调查",
]
_MADE_UP = [
    "扎扎实实开展工作，一代一代传下去；对付社会帝国主义、帝国主义可能的进攻；社会保障、保障性住房。",
    "会议强调，要坚持坚持以人民为中心的发展思想，加强组织建设、加强组织建设。",
    "各项工作各项工作都要落实，人人参与，天天锻炼，一步一步推进。",
    "青年之家、青年之家建设稳步推进，学习、学习",
    "",
    "12355热线12355热线全天开放，哈哈哈哈。",
]
#: Hidden cases: specimen sentences (two with a repetition), then made-up ones.
DOUBLED_CASES = [([t], doubled_words(t)) for t in _RAW_CASES + _MADE_UP]

Q3 = FunctionProblem(
    name="q3", title="写一条规则：找出重复的词语", variable="doubled_words", cases=DOUBLED_CASES,
    disable=("baogao.lint:lint", "baogao.lint.damage:duplicated_words"), reference=doubled_words,
    hints=["从左往右，在每个位置 i 试词语的长度 6、5、4、3、2（先长后短）：word = text[i:i + n]，要全是汉字"
           "（\"\\u4e00\" <= 字 <= \"\\u9fff\"），不全是同一个字，不以“一”开头。",
           "直接重复：text.startswith(word, i + n)；列举里重复：text[i + n] 是“、”，接着又是 word，"
           "而且再往后一个字不是汉字（或者到了末尾）。找到一处，记下 [i, 结束, word]，从结束处接着找。"],
    right_answers=[lambda r: _regex],
    wrong_answers=[lambda r: _no_list, lambda r: _no_boundary, lambda r: _no_yi, lambda r: _single,
                   lambda r: _one_based],
)

__all__ = ["Q1", "Q2", "Q3", "DOUBLED_CASES", "doubled_words", "specimen_score"]
