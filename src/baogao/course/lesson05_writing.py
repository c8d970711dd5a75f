"""Lesson 05's writing exercise (q7): raw line 14 or 17 of the specimen rewritten with the
source of its figures and consistent units.

Feedback is structural: which line the rewrite is of (the figures it keeps), a source named
(``据……统计``, ``……调查显示``), every figure of the original kept, no relative date
(去年、今年), full-width punctuation, and for line 17 突击队 no longer counted in 人次 and
people counted with one measure word; for line 14 the respondents named and 4000多万 with a
measure word. The linter's findings on the line are added as advice; a teacher has the last word.
"""

from __future__ import annotations

import difflib
import re

from baogao.analysis.quantities import extract_quantities
from baogao.exercises.compare import squeeze
from baogao.exercises.problems import WritingProblem
from baogao.exercises.writing import lint_messages, replace_line
from baogao.sources.shipped import specimen

REWRITE_LINES = (14, 17)
#: raw line → the figures a rewrite keeps (as the kit reads them in the line).
KEPT = {14: ("4000多万", "80%", "近三分之一"), 17: ("25.3万", "388.1万", "1400多", "2900多", "22.2万")}
SOURCE = re.compile(r"据[^。；;]{0,40}?(统计|调查|汇总|测算|数据)|(统计|调查)(显示|表明)")
RELATIVE_DATE = re.compile(r"去年|今年|明年|前年|上年|本年")
TEAM_IN_PERSON_TIMES = re.compile(r"突击队\d[\d.]*万?人次")
ASCII = re.compile(r"[,;:!?()]")


def ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, squeeze(a), squeeze(b)).ratio()


def kept_figures(text: str, line: int) -> list[str]:
    """The figures of ``KEPT[line]`` that ``text`` still has (units and measure words may change)."""
    return [f for f in KEPT[line] if f in text.replace("近1/3", "近三分之一")]


def rewrite_target(text: str) -> int:
    """The line of ``REWRITE_LINES`` a rewrite is of: the one whose figures it keeps most,
    then the one it resembles most."""
    raw = specimen()
    return max(REWRITE_LINES, key=lambda line: (len(kept_figures(text, line)), ratio(text, raw.line(line).text)))


def person_units(text: str) -> set[str]:
    """The measure words of the people counted in ``text`` (名, 人; 人次 is another count)."""
    return {q.unit for q in extract_quantities(text) if q.unit in ("名", "人")}


def task(report=None) -> str:
    return ("在样本报告（原样版）第 14 行和第 17 行中选一段改写（写整段）：交代数据的来源（“据……统计”“……调查显示”），"
            "时间写成绝对的日期，单位和量词前后一致、和它数的东西对得上；原段的数据一个不少，不添原文没有的数字。"
            "第 17 行：突击队论支，队员论人次，人数用同一个量词；第 14 行：分清调查的对象和受访者。用全角标点。")


def feedback(text, report=None):
    """(checks, notes) on a rewrite of raw line 14 or 17, read in the specimen."""
    raw = specimen()
    text = text.strip()
    line = rewrite_target(text)
    original = raw.line(line).text
    missing = [f for f in KEPT[line] if f not in kept_figures(text, line)]
    relative = sorted(set(RELATIVE_DATE.findall(text)))
    checks = [
        ("\n" not in text, f"写成一段（改写的是第 {line} 行）", "写成一段，不要分行"),
        (bool(SOURCE.search(text)), "交代了数据的来源", "没有交代数据的来源：写明“据……统计”或“……调查显示”"),
        (not missing, "保留了原段的全部数据", "原段的数据少了：" + "、".join(missing)),
        (not relative, "时间是绝对的日期", "还有相对的时间“" + "”“".join(relative) + "”：写成××××年××月"),
        (ratio(text, original) < 0.97, "确实改写了原文", "和原文几乎一样（标点不算）：请按要求改写"),
        (not ASCII.search(text), "用的是全角标点", "有半角标点（, ; : ! ? ( )）：正式的中文用全角标点"),
    ]
    if line == 17:
        units = person_units(text)
        checks += [
            (not TEAM_IN_PERSON_TIMES.search(text), "突击队没有论“人次”",
             "还写着“突击队……人次”：突击队论支，人次数的是出动的队员（写“突击队队员……人次”）"),
            (len(units) <= 1, "人数的量词前后一致", "人数有的论“名”、有的论“人”：用同一个量词"),
        ]
    else:
        checks += [
            ("受访" in text, "分清了调查的对象和受访者", "比例是受访者里的比例：写明“受访者”，不要和调查的对象混在一起"),
            ("4000多万" not in text or "4000多万名" in text, "“4000多万”后面有量词", "“4000多万团员”少了量词：写“4000多万名团员”"),
        ]
    notes = lint_messages(replace_line(raw, line, text), line)
    return [(ok, good if ok else bad) for ok, good, bad in checks], list(dict.fromkeys(notes))


#: The model answer: raw line 17, with a source, 突击队 counted in 支, its members in 人次,
#: people in 名. The source is the report's own: its figures were counted by the 团 organisations.
MODEL = (
    "在急难险重任务中发挥突击队作用。各级共青团组织适应疫情防控常态化要求，主动备战，"
    "推动志愿者招募培训、青年突击队组建管理等工作常态化。据各级团组织统计，一年来，面对多地疫情蔓延，"
    "各地共青团组织奉命行动，共出动青年突击队队员25.3万人次，动员388.1万名青年团员参加志愿服务，"
    "成为各地疫情防控的可靠力量。面对河南、陕西、山西等地的洪灾，全团动员青年力量，筹集社会资源。"
    "仅河南共青团就组建了1400多支青年突击队，组织2900多名村团干部、22.2万名大学生投身救灾，"
    "展示了新时代青年的良好面貌。")
#: Another acceptable text: raw line 14, with the survey's date written out (a year that must be
#: checked with the author: the copy does not say when the report was given) and its respondents named.
OTHER = (
    "实践证明，党的百年奋斗历程，特别是党的十八大以来党和国家事业取得的历史性成就和变革，极大鼓舞和激励了当代青年。"
    "据共青团中央2021年底（年份待核）对全国4000多万名团员开展的一项调查，80%的受访者表示，通过党史学习教育，"
    "入党愿望更强烈，动机更纯粹；近三分之一的受访者在党史学习教育中向组织提交了入党申请书。")

Q7 = WritingProblem(
    name="q7", title="改写第 14 行或第 17 行：交代来源，统一单位", variable="q7_answer",
    task=task, feedback=feedback, model_answer=MODEL,
    rubric=["交代了数据的来源：谁统计、谁调查（“据……统计”“……调查显示”）；原文没有交代的，不编造具体的机构和数字，"
            "写出来的来源要向原作者核实",
            "时间写成绝对的日期；副本没有交代报告的年份，推断出的年份要注明待核",
            "量词和它数的东西对得上：突击队论支、队员论人次；人数用同一个量词；比例说清是谁里面的比例",
            "原段的数据一个不少，不添原文没有的数字，不改动限定词（多、余、近、以上）",
            "一段话，语句通顺，全角标点"],
    hints=["先定改哪一段：第 17 行的问题在量词（突击队、人次），第 14 行的问题在调查（什么时候、问了谁、比例是谁里面的）。",
           "来源可以写“据……统计”；时间写“××××年底”；第 17 行写“出动青年突击队队员……人次”，"
           "第 14 行写“……%的受访者”。"],
    right_answers=[OTHER],
    wrong_answers=[lambda r: specimen().line(17).text,
                   MODEL.replace("共出动青年突击队队员25.3万人次", "共出动青年突击队25.3万人次"),
                   MODEL.replace("据各级团组织统计，", ""),
                   MODEL.replace("388.1万名青年团员", "388.1万人青年团员"),
                   OTHER.replace("2021年底", "去年底"),
                   OTHER.replace("80%的受访者", "80%的团员").replace("近三分之一的受访者", "近三分之一的团员"),
                   OTHER.replace("，", ",")],
)
