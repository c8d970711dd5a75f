"""Lesson 07's writing exercises, about texts written for the course (whatever the report):

- ``Q2``: the missing section 二、存在的问题 of a short report of a 团支部 (``SHORT``): the
  student's lines are put into the gap and the whole report is read again by the outline and
  the linter;
- ``Q3``: a 公文式 annual report of a 团支部 or 团委 to its superior, or (second option) a 请示;
  the draft is read by the outline and the linter as a text of its own.

Feedback is structural; the linter's findings are checks when they are errors and advice
otherwise. Traps are named: the specimen's damaged opening (raw line 4), 一是 as headings
(raw lines 5 and 10), a request inside a report.
"""

from __future__ import annotations

import re

from baogao.course.lesson01_reading import intro_sentence
from baogao.course.lesson07_models import MODEL, QINGSHI, SHORT, SHORT_GAP, SHORT_MODEL, short_report
from baogao.exercises.problems import WritingProblem
from baogao.lint import lint
from baogao.sources.load import load
from baogao.structure.elements import is_document_title

#: The wording of a request (请示事项), which a 报告 must not carry.
REQUEST = re.compile(r"妥否|当否|请批示|请批复|恳请|请(?:予|给予)?(?:批准|审批|审核|批复|解决|拨付)|特此请示")
#: The specimen's damaged transition (raw line 4, errata E013).
DAMAGED_OPENING = "重点关注以下几个方面"
#: Enumeration markers (一是, 第一，) used as headings: the specimen's raw lines 5, 10 and 24.
ENUMERATION_STYLES = ("cn-shi", "cn-di")
ARABIC_DATE = re.compile(r"^[0-9]{4}年[1-9][0-9]?月[1-9][0-9]?日$")
REQUEST_CLOSING = re.compile(r"(妥否|当否)，请(批示|批复|审批)。$|请予(批准|审批|批复)。$")
ASCII = re.compile(r"[,;:!?()]")


def _errors(report) -> list[str]:
    return [f"第 {f.line} 行：{f.message.rstrip('。')}" for f in lint(report) if f.severity == "error"]


def _advice(report, lines=None) -> list[str]:
    try:
        findings = lint(report)
    except Exception as exc:  # noqa: BLE001 - feedback must not break a student's check
        return [f"文风检查未能运行（{type(exc).__name__}），请教师留意"]
    return list(dict.fromkeys(f"第 {f.line} 行：{f.message.rstrip('。')}" for f in findings
                              if f.severity != "error" and (lines is None or f.line in lines)))


def _no_enumeration_headings(outline) -> tuple[bool, str]:
    bad = [h for h in outline.headings if h.style in ENUMERATION_STYLES]
    return (not bad, "标题用的是结构层次序数，没有把“一是”“第一，”当标题" if not bad else
            f"第 {bad[0].line} 行把“{bad[0].marker}”当作标题的编号：“一是”“第一，”是段内列举的写法，"
            "标题依次用“一、”“（一）”“1.”“（1）”（样本报告原样版第 5、10 行正是这样错的）")


# -- q2: the missing section of a short report --------------------------------------------------------
def q2_task(report=None) -> str:
    return ("下面这份团支部的报告缺了第二部分。写出这一部分：第一行是一级标题“二、存在的问题”，下面写一段（或两三段）正文，"
            "说清两三个具体的问题。问题要和第三部分的打算对得上，写的是已经存在的情况，不写成绩，不写打算，不提请求。"
            "放回报告以后，提纲要认出“问题与不足”这一部分，校对工具不能报错误。")


def q2_feedback(text, report=None):
    lines = [x.strip() for x in text.strip().split("\n") if x.strip()]
    if not lines:
        return [(False, "还没有写内容")], []
    whole = load(short_report("\n\n".join(lines)), name="团支部的报告")
    outline = whole.outline()
    start = SHORT[:SHORT.index(SHORT_GAP)].count("\n") + 1  # the line of the gap
    mine = set(range(start, start + 2 * len(lines)))
    heads = [h for h in outline.headings if h.line in mine]
    first = heads[0] if heads and heads[0].line == start else None
    ok = first is not None and first.level == 1 and first.marker == "二、"
    checks = [(ok, "第一行是一级标题“二、……”" if ok else "第一行应当是一级标题，编号写“二、”，单独一行")]
    issues = outline.numbering_issues
    checks.append((not issues, "放回报告以后，各级编号连续" if not issues else
                   "放回报告以后编号有问题：" + issues[0].message.rstrip("。")))
    parts = {p.kind for p in outline.parts}
    checks.append(("problems" in parts, "提纲认出了“问题与不足”这一部分" if "problems" in parts else
                   "提纲没有认出“问题与不足”：标题写“存在的问题”（或“存在的不足”“主要问题”）"))
    body = "".join(lines[1:])
    checks.append((len(body) >= 30, "写了正文" if len(body) >= 30 else "标题下面还要写正文：说清两三个具体的问题"))
    checks.append(_no_enumeration_headings(outline))
    plans = re.findall(r"下一步|力争|打算|计划|将要|将进一步|拟于", body)
    checks.append((not plans, "写的是问题，没有写打算" if not plans else
                   f"出现了“{plans[0]}”：打算写在第三部分，这一部分只写已经存在的问题"))
    asks = REQUEST.search(text)
    checks.append((not asks, "没有夹带请示事项" if not asks else
                   f"出现了“{asks.group()}”：报告不得夹带请示事项，要请求批准应当另写请示"))
    answered = bool(re.search("团日|活动", body)) and bool(re.search("学业|互助|学习小组|不及格", body))
    checks.append((answered, "问题和第三部分的打算对得上（团日活动、学业互助）" if answered else
                   "第三部分的两条打算讲团日活动和学业互助：问题要和打算对得上，两样都要说到"))
    errors = [e for e in _errors(whole) if int(e.split(" ")[1]) in mine]
    checks.append((not errors, "校对工具没有报错误" if not errors else "校对工具报了错误：" + errors[0]))
    return checks, _advice(whole, mine)


#: Another acceptable section: two run-in level-2 headings instead of 一是…二是.
Q2_OTHER = ("二、存在的问题\n"
            "（一）团日活动吸引力不强。4次活动都是集中学习，团员发言讨论的机会少，有的团员参加了但没有投入。\n"
            "（二）学业互助覆盖面不广。互助只在6个学习小组内开展，小组以外的同学得不到帮助，期末仍有2名同学课程不及格。")

Q2 = WritingProblem(
    name="q2", title="补写团支部报告的“存在的问题”", variable="q2_answer",
    task=q2_task, feedback=q2_feedback, model_answer=SHORT_MODEL,
    rubric=["一级标题“二、存在的问题”独占一行，编号接得上“一、”和“三、”",
            "问题具体：说得出在哪里、到什么程度（可以用报告里已有的数字），不写空话",
            "问题和第三部分的打算一一对得上：团日活动的形式，学业互助的范围",
            "写已经存在的情况：不写成绩，不写打算，不夹带请求",
            "段内列举用“一是……；二是……”，或用“（一）”作段首标题；不用“一是”作标题"],
    hints=["先读第三部分：两条打算（丰富团日活动形式、扩大学业互助范围）各自要解决什么问题？问题就从这里来。",
           "写成两行：第一行“二、存在的问题”；第二行“一是……；二是……。”，每个问题用第一部分已有的事实说具体"
           "（4次团日活动、学习小组、2名同学）。"],
    right_answers=[Q2_OTHER],
    wrong_answers=[SHORT_MODEL.split("\n", 1)[1],
                   SHORT_MODEL.replace("二、存在的问题", "四、存在的问题"),
                   "二、存在的问题\n一是团日活动形式比较单一\n二是学业互助只在学习小组内开展",
                   SHORT_MODEL + "下一步，支部将丰富活动形式。",
                   SHORT_MODEL + "恳请学院团委拨付活动经费。",
                   SHORT_MODEL.replace("，", ","),
                   "二、存在的问题\n一是团日活动形式比较单一，团员参与讨论的机会少；二是部分团员理论学习不够深入。"],
)


# -- q3: a report (or a 请示) of one's own ---------------------------------------------------------------
def q3_task(report=None) -> str:
    return ("写一份公文式报告：一个团支部或团委向它的上级团组织报告一年（或一个学期）的工作。依次写标题（发文机关＋关于……＋的报告）、"
            "主送机关、开头（以“现将……报告如下。”结尾）、“一、主要工作及成效”（下面至少有“（一）”“（二）”两条）、"
            "“二、存在的问题”、“三、下一步工作打算”、结束语“特此报告。”、发文机关署名和成文日期。"
            "也可以改写一份请示（第二种选择）：一件事，一个主送机关，结尾写“妥否，请批示。”。"
            "在提纲生成器里写，改到校对工具不报错误为止。")


def _is_request(outline) -> bool:
    return outline.doc_type == "request"


def q3_feedback(text, report=None):
    draft = load(text.strip(), name="草稿")
    outline = draft.outline()
    kinds = [e.kind for e in outline.elements]
    paragraphs = {p.index: p.text.strip() for p in draft.paragraphs}
    request = _is_request(outline)
    title = outline.title or ""
    want = "请示" if request else "报告"
    ok = is_document_title(title) and title.endswith(want) and not title.startswith("关于") \
        and not re.search("请示报告|报告请示", title)
    checks = [(ok, f"标题有发文机关、事由和文种（{want}）" if ok else
               "标题应当是“发文机关＋关于……＋的报告”（或“的请示”），只有一个文种，不写“请示报告”")]
    addressees = [paragraphs[e.paragraph] for e in outline.elements if e.kind == "addressee"]
    checks.append((bool(addressees), "有主送机关" if addressees else "缺少主送机关：标题下面一行写上级组织，后面加全角冒号"))
    if request and addressees:
        one = not re.search("[、，]", addressees[0])
        checks.append((one, "只有一个主送机关" if one else "请示一般只写一个主送机关：别的机关需要知道，用抄送"))
    intro = intro_sentence(draft)
    damaged = DAMAGED_OPENING in draft.text
    ok = intro.startswith("现将") and intro.endswith(("如下。", "如下：")) and not damaged
    checks.append((ok, "开头以“现将……如下”引出正文" if ok else
                   "开头的最后一句写“现将有关情况报告如下。”（请示写“现将有关事项请示如下：”）"
                   + ("；不要照抄样本报告原样版第 4 行受损的“重点关注以下几个方面。”" if damaged else "")))
    checks.append(_no_enumeration_headings(outline))
    issues = outline.numbering_issues
    checks.append((not issues, "各级编号连续、样式一致" if not issues else "编号问题：" + issues[0].message.rstrip("。")))
    closing = next((paragraphs[e.paragraph] for e in outline.elements if e.kind == "closing"), "")
    if request:
        ok = bool(REQUEST_CLOSING.search(closing))
        checks.append((ok, f"结束语是“{closing}”" if ok else "请示的结束语写“妥否，请批示。”之类"))
    else:
        level1 = [h for h in outline.headings if h.level == 1]
        names = [h.marker + h.title for h in level1]
        ok = (len(level1) == 3 and names[0].startswith("一、主要工作") and names[1].startswith("二、存在的")
              and names[2].startswith("三、下一步"))
        checks.append((ok, "一级标题依次是主要工作及成效、存在的问题、下一步工作打算" if ok else
                       "一级标题应当依次是“一、主要工作及成效”“二、存在的问题”“三、下一步工作打算”"
                       f"（现在是：{'、'.join(names) or '没有'}）"))
        under = [h for h in outline.headings if h.level == 2 and level1 and h.line < (level1[1].line if len(level1) > 1
                                                                                     else 10 ** 6)]
        checks.append((len(under) >= 2, "“一、主要工作及成效”下面有“（一）”“（二）”" if len(under) >= 2 else
                       "“一、主要工作及成效”下面至少分“（一）”“（二）”两条"))
        checks.append((closing == "特此报告。", "结束语是“特此报告。”" if closing == "特此报告。" else
                       "报告的结束语写“特此报告。”" + (f"，不写“{closing}”" if closing else "")))
        asks = REQUEST.search(draft.text)
        checks.append((not asks, "没有夹带请示事项" if not asks else
                       f"报告里出现了“{asks.group()}”：报告不得夹带请示事项，要请求批准应当另写请示"))
    dates = [paragraphs[e.paragraph] for e in outline.elements if e.kind == "date"]
    ok = "signature" in kinds and bool(dates)
    checks.append((ok, "有发文机关署名和成文日期" if ok else "末尾要有发文机关署名和成文日期，各占一行"))
    if dates:
        ok = bool(ARABIC_DATE.match(dates[0]))
        checks.append((ok, "成文日期用阿拉伯数字写全年、月、日" if ok else
                       f"成文日期“{dates[0]}”：GB/T 9704-2012 规定用阿拉伯数字，年份写全，月、日不编虚位（如 2026年1月20日）"))
    errors = _errors(draft)
    checks.append((not errors, "校对工具没有报错误" if not errors else f"校对工具报了 {len(errors)} 条错误，例如{errors[0]}"))
    return checks, _advice(draft)


Q3 = WritingProblem(
    name="q3", title="写一份公文式报告（或一份请示）", variable="q3_answer",
    task=q3_task, feedback=q3_feedback, model_answer=MODEL,
    rubric=["文种选得对：汇报工作用报告，请求批准用请示；报告不夹带请示事项，请示一文一事",
            "要素齐全、位置对：标题（发文机关＋事由＋文种）、主送机关、正文、结束语、署名、成文日期（阿拉伯数字）",
            "结构清楚：开头交代依据和总体情况，以“现将……报告如下。”过渡；三个部分依次是成绩、问题、打算",
            "标题用“一、”“（一）”；（一）（二）是主旨句，下面用事实和数字说话，数字带单位和量词，时间写绝对的日期",
            "问题和打算对得上；没有照抄样本报告受损的句子（如原样版第 4 行的“重点关注以下几个方面。”）",
            "校对工具不报错误；语句通顺，全角标点"],
    hints=["先在提纲生成器里只写标题、主送机关和三个一级标题，看提纲认出的文体是不是“公文式报告”，再往里填正文。",
           "每条“（一）”先写一句主旨句（“思想引领扎实开展。”），再写做法和数字；“存在的问题”用“一是……；二是……”列举；"
           "末尾三行：“特此报告。”、署名、成文日期。对照课上的范文和 example:report_numbered。"],
    right_answers=[QINGSHI],
    wrong_answers=[MODEL.replace("现将有关情况报告如下。", "重点关注以下几个方面。"),
                   MODEL.replace("一、主要工作及成效", "一是主要工作及成效").replace("二、存在的问题", "二是存在的问题")
                   .replace("三、下一步工作打算", "三是下一步工作打算"),
                   MODEL.replace("配齐工作力量。", "配齐工作力量。恳请团市委拨付专项经费5万元。"),
                   MODEL.replace("特此报告。", "妥否，请批示。"),
                   MODEL.replace("2026年1月20日", "二〇二六年一月二十日"),
                   MODEL.replace("团市委：\n\n", ""),
                   MODEL.replace("工作情况的报告", "工作情况的请示报告"),
                   MODEL.replace("，", ",")],
)
