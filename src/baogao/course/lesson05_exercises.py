"""Lesson 05's coding exercises (第 5 课作业 q1–q4):

- q1: the report's figures by qualifier of precision, from the quantity table (the report in use);
- q2 (hidden cases, ``extract_quantities`` disabled): a function that reads the figures written
  in Arabic digits, with multiplier, unit and qualifiers;
- q3: the internal arithmetic of raw lines 36 and 9 (a share, a least number of measures);
- q4: the internal arithmetic of raw line 18 (per community, per project), with the bounds the
  qualifiers set.

q3 and q4 are about the specimen (raw edition) whatever report the notebook studies.
"""

from __future__ import annotations

import math
import re

from baogao.analysis.quantities import extract_quantities
from baogao.course.lesson05_measures import (
    at_least_done,
    completion_share,
    per_community,
    per_project,
    qualifier_counts,
    quantities,
    unfinished,
)
from baogao.exercises import compare
from baogao.exercises.problems import FunctionProblem, ValueProblem


# -- q1: figures by qualifier --------------------------------------------------------------
def _q1_read(value) -> dict[str, int]:
    if not isinstance(value, dict) or "$" in value:
        raise compare.AnswerFormError("q1_answer 应当是一个字典：{限定词: 个数}，例如 {\"多\": 3}。")
    out: dict[str, int] = {}
    for key, n in value.items():
        if not isinstance(key, str):
            raise compare.AnswerFormError("q1_answer 的键是限定词，写成字符串，例如 \"多\"。")
        out[compare.squeeze(key)] = compare.as_int(n, what=f"“{key}”的个数")
    return out


def _q1_diagnose(value, expected, report):
    if "" in value or "无" in value or "—" in value:
        return "没有限定词的数据不要写进来：只数 qualifier 不是空字符串的。"
    if set(value) - set(expected):
        return "有的键不是这份报告里的限定词：键照 qualifier 一栏写，一个字也不改。"
    if set(expected) - set(value):
        return "还少了几种限定词：把 qualifier 一栏里出现的每一种都数上。"
    text = "".join(p.text for p in report.paragraphs)
    if any(value[k] == text.count(k) != expected[k] for k in value):
        return "你数的是这个字在全文里出现的次数：“多次”“许多”“多样化”里的“多”不是数据的限定词。只数数据表里的。"
    lines = quantities(report)
    per_line = {k: len(set(lines.loc[lines["qualifier"] == k, "line"])) for k in expected}
    if value == per_line:
        return "你数的是行数：同一行有两个带“多”的数据，要算两个。"
    return "个数不对：按 qualifier 一栏分组计数（value_counts）。"


def _q1_variants(report):
    q = quantities(report)
    text = "".join(p.text for p in report.paragraphs)
    counts = qualifier_counts(report)
    return {"chars": {k: text.count(k) for k in counts},
            "lines": {k: len(set(q.loc[q["qualifier"] == k, "line"])) for k in counts},
            "empty": {**counts, "": int((q["qualifier"] == "").sum())}}


Q1 = ValueProblem(
    name="q1", title="数一数带限定词的数据", variable="q1_answer", expected=qualifier_counts, read=_q1_read,
    diagnose=_q1_diagnose,
    hints=["baogao.analyze(report).quantities 是数据表，qualifier 一栏是限定词（没有限定词的是空字符串）。",
           "先去掉 qualifier 为空的行，再 value_counts()；转成字典时把个数换成 int。"],
    solution_text=("q = baogao.analyze(report).quantities\n"
                   "counts = q[q[\"qualifier\"] != \"\"][\"qualifier\"].value_counts()\n"
                   "q1_answer = {k: int(v) for k, v in counts.items()}"),
    right_answers=[lambda r: {f" {k} ": str(v) for k, v in qualifier_counts(r).items()},
                   lambda r: dict(reversed(list(qualifier_counts(r).items())))],
    wrong_answers=[lambda r: _q1_variants(r)["empty"],
                   lambda r: _q1_variants(r)["chars"] if _q1_variants(r)["chars"] != qualifier_counts(r) else {"多": -1},
                   lambda r: {**qualifier_counts(r), "约": 1} if "约" not in qualifier_counts(r) else {"大约": 1},
                   lambda r: {k: v for k, v in list(qualifier_counts(r).items())[1:]} or {"多": 0}],
)


# -- q2: read the figures written in Arabic digits (hidden cases) --------------------------
def read_figures(text, units):
    """text 里用阿拉伯数字写的数据，按出现的顺序：[[原文, 数值, 单位, 限定词], …]（规则见练习本）。"""
    multipliers = {"万亿": 10 ** 12, "亿": 10 ** 8, "万": 10 ** 4}
    ordered = sorted(units, key=len, reverse=True)
    out, i = [], 0
    while i < len(text):
        if not text[i].isdigit() or not text[i].isascii():
            i += 1
            continue
        start, qualifier = i, ""
        for prefix in ("超过", "近", "约"):
            if text[:i].endswith(prefix):
                start, qualifier = i - len(prefix), prefix
                break
        j = i
        while j < len(text) and text[j].isascii() and text[j].isdigit():
            j += 1
        if j + 1 < len(text) and text[j] == "." and text[j + 1].isascii() and text[j + 1].isdigit():
            j += 1
            while j < len(text) and text[j].isascii() and text[j].isdigit():
                j += 1
        value, factor = float(text[i:j]), 1
        if text[j:j + 1] in ("多", "余"):
            qualifier += text[j]
            j += 1
        for name, size in multipliers.items():
            if text.startswith(name, j):
                factor = size
                j += len(name)
                break
        if factor > 1 and text[j:j + 1] in ("多", "余"):
            qualifier += text[j]
            j += 1
        unit = next((u for u in ordered if u and text.startswith(u, j)), "")
        j += len(unit)
        if not unit and factor == 1:
            i = j
            continue
        for suffix in ("以上", "左右"):
            if text.startswith(suffix, j):
                qualifier += suffix
                j += len(suffix)
                break
        number = round(value * factor, 6)
        out.append([text[start:j], int(number) if number.is_integer() else number, unit, qualifier])
        i = j
    return out


_FIGURE = re.compile(r"(超过|近|约)?(\d+(?:\.\d+)?)([多余])?(万亿|亿|万)?([多余])?")
_SCALE = {"万亿": 10 ** 12, "亿": 10 ** 8, "万": 10 ** 4, None: 1}


def _by_regex(text, units, *, longest=True, rounding=True, prefixes=True, multiply=True):
    """Another valid implementation (one regular expression, the unit matched after it); its
    switches make the slips of q2's wrong answers."""
    found = []
    for m in _FIGURE.finditer(text):
        if not m.group(2).isascii():
            continue
        end = m.end()
        fits = [u for u in units if u and text.startswith(u, end)]
        unit = (max(fits, key=len) if longest else fits[0]) if fits else ""
        if not unit and not m.group(4):
            continue
        end += len(unit)
        tail = next((s for s in ("以上", "左右") if text.startswith(s, end)), "")
        end += len(tail)
        start = m.start() if prefixes else m.start(2)
        qualifier = "".join(g or "" for g in ((m.group(1) if prefixes else None), m.group(3), m.group(5))) + tail
        value = float(m.group(2)) * (_SCALE[m.group(4)] if multiply else 1)
        found.append([text[start:end], round(value, 6) if rounding else value, unit, qualifier])
    return found


def _read_by_regex(text, units):
    return _by_regex(text, units)


def _case(text, units):
    return ([text, units], read_figures(text, units))


_RAW_CASES = [
    ("以组织学习为基本途径,主要依托全国330多万个基层团支部、20多万个少先队大队", ["个"]),
    ("共出动青年突击队25.3万人次,动员青年团员388.1万人志愿服务", ["人", "人次"]),
    ("在全国854个社区开展助学、就业援助等服务项目,覆盖搬迁青少年92万余人", ["个", "人"]),
    ("在全国300多个项目中为近6万名农村留守儿童提供日常照顾", ["个", "名"]),
    ("制定的92项整改措施,已完成90%以上", ["项", "%"]),
    ("改革措施平均成功率为97.4%", ["%"]),
    ("为4.5万余名低收入家庭农村青少年提供学业资助", ["名"]),
    ("共青团中央对4000多万团员进行的一项调查显示,80%的受访者表示", ["名", "%"]),
    ("全年召开书记处会议35次、书记处专题会议20次、团中央常委会会议2次", ["次"]),
    ("2021年,以习近平同志为核心的党中央高度重视青年和共青团工作", ["个", "名"]),
    ("依托青年之家、12355服务台等渠道", ["个", "台"]),
    ("综合运用H5、小程序、短视频、动漫等手段", ["个"]),
]
#: Sentences of the specimen (raw edition) whose figures the kit reads the same way (a test checks
#: it), then made-up ones: prefixes, 左右, 亿 and 万亿, a decimal that floats get wrong, nothing.
FIGURE_CASES = [_case(t, u) for t, u in _RAW_CASES] + [_case(t, u) for t, u in [
    ("约1200名志愿者参加,其中超过300人是大学生", ["名", "人"]),
    ("累计培训5000人左右", ["人"]),
    ("投入资金4.1亿元,减税降费超过2.5万亿元", ["元"]),
    ("全县有38个乡镇、2.05万户", ["个", "户"]),
    ("", ["个"]),
    ("开展调研3次,形成报告3篇", ["篇"]),
]]


def _no_round(text, units):  # 4.1亿 → 409999999.99999994
    return _by_regex(text, units, rounding=False)


def _first_unit(text, units):  # takes the first unit of the list that fits: 人 before 人次
    return _by_regex(text, units, longest=False)


def _no_prefix(text, units):  # forgets 近, 约, 超过 before the number
    return _by_regex(text, units, prefixes=False)


def _no_multiplier(text, units):  # forgets to apply 万 and 亿
    return _by_regex(text, units, multiply=False)


def _delegating(text, units):  # calls the library function it should reimplement
    return [[q.raw, q.value, q.unit, q.qualifier] for q in extract_quantities(text)]


Q2 = FunctionProblem(
    name="q2", title="写一个函数，读出用阿拉伯数字写的数据", variable="read_figures", cases=FIGURE_CASES,
    disable=("baogao.analysis.quantities:extract_quantities", "baogao.analysis.quantities:quantity_table"),
    reference=read_figures,
    hints=["从左到右找半角数字：一串数字，可以带一个小数点和小数部分。找到以后，依次看它后面：“多”或“余”？"
           "“万亿”“亿”“万”？又一个“多”或“余”？units 里的单位（取最长的）？“以上”或“左右”？再看它前面是不是“超过”“近”“约”。",
           "没有单位、也没有“万”“亿”的数字不算数据（2021年、12355）。数值 = 数字 × 万或亿，再 round(…, 6)："
           "4.1 × 100000000 在电脑里是 409999999.99999994。",
           "限定词按在原文里的先后连起来：“近”＋“多”写成“近多”；原文从前面的限定词算起，到后面的限定词为止。"],
    right_answers=[lambda r: _read_by_regex],
    wrong_answers=[lambda r: _no_round, lambda r: _first_unit, lambda r: _no_prefix, lambda r: _no_multiplier,
                   lambda r: _delegating],
)


# -- q3: a share and a least number (raw lines 36 and 9) ----------------------------------
Q3_KEYS = ("完成比例", "至少完成")


def _pair(value, keys, what):
    if isinstance(value, dict) and value.get("$") != "set":
        missing = [k for k in keys if k not in value]
        if missing:
            raise compare.AnswerFormError(f"{what} 应当有“{keys[0]}”和“{keys[1]}”两项，少了“{missing[0]}”。")
        items = [value[k] for k in keys]
    elif isinstance(value, list) and len(value) == 2:
        items = value
    else:
        raise compare.AnswerFormError(f"{what} 应当是一个字典：{{\"{keys[0]}\": 数, \"{keys[1]}\": 数}}。")
    out = []
    for k, v in zip(keys, items):
        if isinstance(v, str):
            v = v.strip().rstrip("%％项人名个").strip()
        try:
            out.append(float(v))
        except (TypeError, ValueError):
            raise compare.AnswerFormError(f"“{k}”应当是一个数。") from None
    return tuple(out)


def _q3_expected(report=None):
    return completion_share(), at_least_done()


def _q3_same(a, b):
    return abs(a[0] - b[0]) <= 0.051 and a[1] == b[1]


def _q3_diagnose(value, expected, report):
    share, least = value
    if abs(share - expected[0] / 100) < 0.001:
        return "“完成比例”写成百分数：乘以 100，保留一位小数。"
    if abs(share - (100 - expected[0])) < 0.051:
        return "这是没有完成的比例：题目问的是已经完成（或取得重要阶段性成果）的比例。"
    if abs(share - expected[0]) > 0.051:
        return "“完成比例”不对：第 36 行的两个数，哪个是总数，哪个是完成的？完成的 ÷ 总数 × 100。"
    if least == math.floor(least) and least < expected[1] and least == math.floor(92 * 0.9):
        return "措施是一项一项的：90% 是 82.8 项，“以上”就是至少 82.8 项，整数只能是下一个整数，不能往下取。"
    if abs(least - 92 * 0.9) < 0.01:
        return "措施论“项”，要写整数：不少于 82.8 项的整数是多少？"
    if least == 92:
        return "“90%以上”没有说全部完成：至少完成多少项，用 92 × 90% 算。"
    return "“至少完成”不对：92 项的 90% 是多少项？“以上”包括这个数本身，结果要取整数。"


Q3 = ValueProblem(
    name="q3", title="核对第 36 行和第 9 行的算术", variable="q3_answer", expected=_q3_expected,
    read=lambda v: _pair(v, Q3_KEYS, "q3_answer"), same=_q3_same, diagnose=_q3_diagnose,
    hints=["从样本报告的数据表里取数：q = baogao.analyze(baogao.specimen()).quantities，q[q[\"line\"] == 36] 是第 36 行的数据。",
           "“完成比例” = 完成的项数 ÷ 总项数 × 100，保留一位小数；“至少完成” = 92 × 90% 以后取不小于它的最小整数（math.ceil）。"],
    solution_text=("q = baogao.analyze(baogao.specimen()).quantities\n"
                   "line36 = dict(zip(q[q[\"line\"] == 36][\"raw\"], q[q[\"line\"] == 36][\"value\"]))\n"
                   "line9 = dict(zip(q[q[\"line\"] == 9][\"raw\"], q[q[\"line\"] == 9][\"value\"]))\n"
                   "q3_answer = {\"完成比例\": round(line36[\"359项\"] / line36[\"363项\"] * 100, 1),\n"
                   "             \"至少完成\": math.ceil(line9[\"92项\"] * line9[\"90%以上\"] / 100)}"),
    right_answers=[lambda r: [f"{_q3_expected()[0]}%", str(_q3_expected()[1])],
                   lambda r: {"至少完成": _q3_expected()[1], "完成比例": round(359 / 363 * 100, 2)}],
    wrong_answers=[lambda r: {"完成比例": round(_q3_expected()[0] / 100, 3), "至少完成": _q3_expected()[1]},
                   lambda r: {"完成比例": round(100 - _q3_expected()[0], 1), "至少完成": _q3_expected()[1]},
                   lambda r: {"完成比例": _q3_expected()[0], "至少完成": math.floor(92 * 0.9)},
                   lambda r: {"完成比例": _q3_expected()[0], "至少完成": round(92 * 0.9, 1)},
                   lambda r: {"完成比例": _q3_expected()[0], "至少完成": 92},
                   lambda r: {"完成比例": round(unfinished() / 363 * 100, 1) + 50, "至少完成": _q3_expected()[1]}],
)


# -- q4: per community, per project (raw line 18) -----------------------------------------
Q4_KEYS = ("每个社区至少", "每个项目不到")


def _q4_expected(report=None):
    return per_community().low, per_project().high


def _q4_check(a, b):
    low, high = b
    first = math.floor(low) <= a[0] <= low + 1e-9 or abs(a[0] - round(low, 1)) < 1e-9
    return first and abs(a[1] - high) < 1e-9


def _q4_diagnose(value, expected, report):
    low, high = expected
    community, project = value
    if abs(community - per_community().high) < 1 or abs(community - math.ceil(per_community().high)) < 1:
        return "“每个社区至少”算成了上限：92万余人不到 93 万人，用 93 万算出来的是“不到”多少；“至少”要用 92 万。"
    if community == math.ceil(low):
        return "“每个社区至少”往上取整了：平均数只比算出来的数大一点，不一定到下一个整数；往下取整，或者保留小数。"
    if not (math.floor(low) <= community <= low + 1e-9 or abs(community - round(low, 1)) < 1e-9):
        return "“每个社区至少”不对：92万余人 ÷ 854 个社区；“余”说的是比 92 万多，所以用 92 万算出来的是下限。"
    if abs(project - 60000 / 400) < 1e-6:
        return ("“每个项目不到”用了 400 个项目：要说“不到”多少，用最多的儿童（不到 6 万）和最少的项目"
                "（300 多个，比 300 多）。")
    if abs(project - round(high) + 1) < 1e-6:
        return "平均数不一定是整数：“不到”后面写算出来的那个数本身，不要减一。"
    return "“每个项目不到”不对：“近6万”不到 6 万，“300多个”比 300 多，两样都让平均数小于 6 万 ÷ 300。"


Q4 = ValueProblem(
    name="q4", title="核对第 18 行的算术：平均每个社区、每个项目", variable="q4_answer", expected=_q4_expected,
    read=lambda v: _pair(v, Q4_KEYS, "q4_answer"), same=_q4_check, diagnose=_q4_diagnose,
    hints=["第 18 行：854 个社区覆盖“92万余人”，300 多个项目照顾“近6万名”留守儿童。限定词决定了用哪个数算：“余”“多”比写出的数多，“近”比写出的数少。",
           "“每个社区至少” = 92 万 ÷ 854（往下取整，或保留一位小数）；“每个项目不到” = 6 万 ÷ 300：儿童不到 6 万，项目多于 300，"
           "平均数一定比它小。"],
    solution_text=("q4_answer = {\"每个社区至少\": math.floor(920000 / 854),  # 1077.28… ：比它多\n"
                   "             \"每个项目不到\": 60000 / 300}  # 近6万 ÷ 300多：比它少"),
    right_answers=[lambda r: [round(_q4_expected()[0], 1), f"{_q4_expected()[1]:.0f}"],
                   lambda r: {"每个项目不到": int(_q4_expected()[1]), "每个社区至少": round(_q4_expected()[0], 2)}],
    wrong_answers=[lambda r: {"每个社区至少": math.ceil(per_community().high), "每个项目不到": _q4_expected()[1]},
                   lambda r: {"每个社区至少": math.ceil(_q4_expected()[0]), "每个项目不到": _q4_expected()[1]},
                   lambda r: {"每个社区至少": math.floor(_q4_expected()[0]), "每个项目不到": 60000 / 400},
                   lambda r: {"每个社区至少": math.floor(_q4_expected()[0]), "每个项目不到": _q4_expected()[1] - 1},
                   lambda r: {"每个社区至少": 92 * 854, "每个项目不到": _q4_expected()[1]}],
)
