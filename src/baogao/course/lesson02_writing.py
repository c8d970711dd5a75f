"""Lesson 02's writing exercises: automatic feedback, model answers and other acceptable texts.

- q6: raw line 17 or 22 of the specimen rewritten as lead sentence + development (the
  specimen whatever the report: the lines are its own);
- q7: a 号召 closing for the student's own report, not a restoration of raw line 46.

Feedback is structural (the kit's reading of a lead sentence, 要/将, figures kept,
punctuation) plus the linter's findings as advice; a teacher has the last word.
"""

from __future__ import annotations

import difflib
import re

from baogao.analysis.leads import forward_words
from baogao.exercises.compare import squeeze
from baogao.exercises.writing import lint_messages, replace_line
from baogao.lint import lint
from baogao.sources.load import load
from baogao.sources.shipped import corpus, specimen
from baogao.structure.numbering import LEAD_MAX_CHARS
from baogao.text.sentences import clause_spans, count_chars, sentence_spans

REWRITE_LINES = (17, 22)
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
_ASCII = re.compile(r"[,;:!?()]")


def ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, squeeze(a), squeeze(b)).ratio()


def numbers(text: str) -> list[str]:
    return _NUMBER.findall(text)


def rewrite_target(text: str) -> int:
    """The line of ``REWRITE_LINES`` a rewrite is of: the one whose figures it keeps
    most, then the one it resembles most."""
    raw = specimen()
    def score(line):
        original = raw.line(line).text
        kept = sum(n in numbers(text) for n in numbers(original))
        return kept, ratio(text, original)
    return max(REWRITE_LINES, key=score)


def lead_check(text: str) -> tuple[bool, str]:
    """Whether ``text`` opens with a lead sentence (as the kit reads one), and why not."""
    spans = [(a, b) for a, b in sentence_spans(text) if text[a:b].strip()]
    if len(spans) < 2:
        return False, "只有一句话：主旨句后面要有展开"
    first = text[spans[0][0]:spans[0][1]]
    chars = count_chars(first)
    if len(clause_spans(first)) > 1:
        return False, f"第一句“{first}”中间有逗号、分号或冒号：主旨句只有一个分句"
    if chars > LEAD_MAX_CHARS:
        return False, f"第一句有 {chars} 个字：主旨句简短，不超过 {LEAD_MAX_CHARS} 个字"
    if chars > count_chars(text) / 2:
        return False, "第一句占了全段一半以上：主旨句之后要有展开"
    return True, f"第一句“{first}”是主旨句：简短，只有一个分句，后面有展开"


def rewrite_task(report=None) -> str:
    return ("在样本报告（原样版）第 17 行和第 22 行中选一段，改写成“主旨句＋展开”的一段话：第一句是主旨句，"
            "简短（不超过 30 个字）、中间没有逗号，点明这一段的要点；后面按“做法 → 数据 → 成效 → 事例”展开。"
            "这是回顾一年的工作，写已经做过的事，不用“要”“将”；原段的数据都要保留；用全角标点。"
            "原文受损的措辞可以改正，不要添加原文没有的事实。")


def rewrite_feedback(text, report=None):
    """(checks, notes) on a rewrite of raw line 17 or 22, read in the specimen."""
    raw = specimen()
    text = text.strip()
    line = rewrite_target(text)
    original = raw.line(line).text
    lead_ok, lead_why = lead_check(text)
    spans = [(a, b) for a, b in sentence_spans(text) if text[a:b].strip()]
    forward = [w for _, _, w, _ in forward_words(text)]
    missing = [n for n in numbers(original) if n not in numbers(text)]
    checks = [
        ("\n" not in text, f"写成一段（改写的是第 {line} 行）", "写成一段，不要分行"),
        (lead_ok, lead_why, lead_why),
        (len(spans) >= 3, "主旨句后面有两句以上的展开", "主旨句后面展开得太少：至少再写两句（做法、数据、成效、事例）"),
        (not forward, "写的是已经做过的事，没有提出要求的“要”、说将来的“将”",
         f"有“{'”“'.join(dict.fromkeys(forward))}”：回顾写已经做过的事，不用提出要求的“要”和说将来的“将”"),
        (not missing, "保留了原段的全部数据", f"原段的数据少了：{'、'.join(missing)}"),
        (ratio(text, original) < 0.97, "确实改写了原文", "和原文几乎一样（标点不算）：请按要求改写"),
        (not _ASCII.search(text), "用的是全角标点", "有半角标点（, ; : ! ? ( )）：正式的中文用全角标点"),
    ]
    notes = lint_messages(replace_line(raw, line, text), line)
    return [(ok, good if ok else bad) for ok, good, bad in checks], list(dict.fromkeys(notes))


#: The model answer: raw line 17 with its requirement 要 turned into what was done and
#: 突击队 counted in teams, its members in 人次.
REWRITE_MODEL = (
    "在急难险重任务中发挥突击队作用。各级共青团组织适应疫情防控常态化要求，主动备战，"
    "推动志愿者招募培训、青年突击队组建管理等工作常态化。一年来，面对多地疫情蔓延，各地共青团组织奉命行动，"
    "共出动青年突击队队员25.3万人次，动员388.1万名青年团员参加志愿服务，成为各地疫情防控的可靠力量。"
    "面对河南、陕西、山西等地的洪灾，全团动员青年力量，筹集社会资源。仅河南共青团就组建了1400多支青年突击队，"
    "组织2900多名村团干部、22.2万名大学生投身救灾，展示了新时代青年的良好面貌。")
#: Another acceptable text: raw line 22.
REWRITE_OTHER = (
    "推动青年服务项目落地见效。各级团组织围绕高校毕业生就业、“双减”政策落实、大城市住房等青年关心的热点难点，"
    "开展多轮大规模抽样调查，找准服务青年的重点。以“我为青年办实事”为主题，依托“青年之家”、12355服务台等渠道，"
    "推出了“爱心暑托班”“四点半班”等一批广受青少年和社会欢迎的服务项目。针对青年就业问题，组织各级团干部与家庭困难的"
    "非“双一流”高校毕业生结对子，帮助5.9万名大学毕业生实现就业。")


# -- q7: a 号召 closing ------------------------------------------------------------------
CALL = re.compile(r"让我们|我们要|我们一定要|(全体|广大)[^，。！]{0,8}要|同志们|同学们|青年朋友们")
UNITE = re.compile(r"团结|携手|齐心|同心|凝心|一道|一起")
GOAL = re.compile(r"为[^。！？]{2,60}?(而)?(不懈)?(奋斗|努力|拼搏|奋进|前进|贡献)|(奋力|努力|不懈)(谱写|开创|夺取|奋斗)")
CLOSING_MIN, CLOSING_MAX = 60, 250


def gwr_closing() -> str:
    return corpus("2021_state-council_gwr").line(201).text


def closing_task(report=None) -> str:
    return ("为你自己要写的一份报告（例如你所在团支部或团委的年度工作报告）写一段号召式的结尾，"
            f"{CLOSING_MIN}—{CLOSING_MAX} 字：号召谁、在谁的领导下团结起来、怎样做、为什么目标奋斗。"
            "这是你自己报告的结尾：不要续写或复原样本第 46 行，也不要照抄别的报告。")


def closing_feedback(text, report=None):
    """(checks, notes) on a 号召 closing."""
    text = text.strip()
    n = count_chars(text)
    line46 = specimen().line(46).text
    restores = ratio(text, line46) >= 0.5 or squeeze(text).startswith(squeeze(line46[:12])) or "三个代表" in text
    checks = [
        ("\n" not in text, "写成一段", "写成一段，不要分行"),
        (CLOSING_MIN <= n <= CLOSING_MAX, f"长短合适（{n} 字）",
         f"有 {n} 字：号召式的结尾一般写 {CLOSING_MIN}—{CLOSING_MAX} 字"),
        (bool(CALL.search(text)), "有号召的话（“让我们……”“我们要……”）", "没有号召的话：常用“让我们……”“我们要……”"),
        (bool(UNITE.search(text)), "号召大家团结一心", "没有号召大家团结一心（团结、携手、齐心……）"),
        (bool(GOAL.search(text)), "说出了为什么目标奋斗", "没有说为什么目标奋斗（“为……而奋斗”“为……贡献力量”）"),
        (text[-1:] in "！。", "以句末标点收尾", "结尾没有句末标点：号召式的结尾多以叹号收尾"),
        (not restores, "写的是你自己报告的结尾", "这像是续写或复原样本第 46 行：写你自己报告的结尾"),
        (ratio(text, gwr_closing()) < 0.7, "没有照抄别的报告", "和 2021 年《政府工作报告》的结尾几乎一样：写你自己的"),
        (not _ASCII.search(text), "用的是全角标点", "有半角标点（, ; : ! ? ( )）：正式的中文用全角标点"),
    ]
    try:
        notes = [f.message.rstrip("。") for f in lint(load(text, name="结尾")) if f.severity != "info"]
    except Exception as exc:  # noqa: BLE001 - feedback must not break a student's check
        notes = [f"文风检查未能运行（{type(exc).__name__}），请教师留意"]
    return [(ok, good if ok else bad) for ok, good, bad in checks], list(dict.fromkeys(notes))


CLOSING_MODEL = (
    "同志们，新的一年，任务更重，要求更高。让我们更加紧密地团结在以习近平同志为核心的党中央周围，"
    "在学院党委和校团委的领导下，坚定信心，埋头苦干，把团支部的每一项工作抓实抓细，"
    "带领全体团员青年为建设教育强国、实现中华民族伟大复兴的中国梦贡献青春力量！")
CLOSING_OTHER = (
    "全体团员青年要牢记嘱托、勇担使命，在校党委的坚强领导下，以更加饱满的热情、更加务实的作风，"
    "扎实做好团支部的各项工作，携手为把学校建设成为一流大学而努力奋斗！")
