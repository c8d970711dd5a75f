"""Lesson 00 (开始之前): the environment check with ``WidgetProbe``; ``demo(report)``, the problem
the lesson checks to show ``check()`` and ``hint()``; the specimen's editions, errata and cut-offs
as tables; the assignment, about the specimen whatever report the notebook studies.
"""

from __future__ import annotations

import re
from types import SimpleNamespace

from baogao.doctor import (  # noqa: F401 - REINSTALL and Check are lesson 00's names too
    REINSTALL,
    Check,
    check_cache,
    check_fonts,
    check_kit,
    check_python,
    check_widgets,
)
from baogao.exercises import compare
from baogao.exercises.outcomes import CORRECT, INCORRECT, MARKS, Message
from baogao.exercises.problems import (
    Assignment,
    FunctionProblem,
    ValueProblem,
    WritingProblem,
)
from baogao.lazy import pandas as pd
from baogao.lint import lint
from baogao.sources.edition import corrected_text, edition_diff
from baogao.sources.errata import load_errata
from baogao.sources.load import load
from baogao.sources.shipped import specimen
from baogao.text.sentences import sentence_spans
from baogao.widgets.compare import CERTAINTY_NAMES, EditionCompare, edition_lines
from baogao.widgets.highlight import Highlighter
from baogao.course.reports import is_specimen

# -- the environment check (the checks live in baogao.doctor, shared with `baogao doctor`) ---
STATUS_LABELS = {"ok": f"{MARKS[CORRECT]} 通过", "info": f"{MARKS['note']} 说明", "warn": f"{MARKS['warning']} 注意",
                 "fail": f"{MARKS[INCORRECT]} 未通过"}


def environment_checks() -> list[Check]:
    return [check_python(), check_kit(), check_widgets(), check_fonts(), check_cache()]


def environment_table(checks=None):
    """The checks as a table with Chinese column names."""
    rows = [{"检查项": c.item, "结果": STATUS_LABELS[c.status], "情况": c.detail, "解决办法": c.fix or "无需处理"}
            for c in (environment_checks() if checks is None else checks)]
    return pd.DataFrame(rows, columns=["检查项", "结果", "情况", "解决办法"])


def environment_verdict(checks) -> str:
    bad, warn = (sum(c.status == s for c in checks) for s in ("fail", "warn"))
    if not bad + warn:
        return f"{len(checks)} 项检查全部通过。"
    return (f"{len(checks)} 项检查中 {bad} 项未通过、{warn} 项需要注意：按表中“解决办法”一栏处理后，"
            "重启内核，再从头运行本课。")


class WidgetProbe:
    """A button the kernel answers: ``probe.button.click()``, then read ``probe.status.value``."""

    def __init__(self):
        import ipywidgets as w  # heavy: loaded when the probe is built

        self.button = w.Button(description="点我试一试", button_style="primary")
        self.status = w.HTML("还没有点击。")
        self.button.on_click(self._clicked)
        self.widget = w.VBox([w.HTML("看到蓝色按钮，说明浏览器一端的控件已经装好；点一下，看内核是否回应："),
                              self.button, self.status], layout=w.Layout(border="1px solid var(--jp-border-color1, #bdbdbd)", padding="6px"))

    def _clicked(self, _button=None) -> None:
        self.status.value = f"{MARKS[CORRECT]} 内核收到了点击：控件工作正常。"

    def _repr_mimebundle_(self, **kwargs):
        return self.widget._repr_mimebundle_(**kwargs)


# -- how the kit works: a demonstration problem ------------------------------------------
def demo(report) -> SimpleNamespace:
    """``ex.q1``: how many paragraphs the report has, checked like every exercise."""
    practice = Assignment("00_start_demo", "第 0 课演示题")
    practice.add(ValueProblem(
        name="q1", title="这份报告有几段", variable="paragraph_count", expected=lambda r: len(r.paragraphs),
        read=lambda v: compare.as_int(v, what="paragraph_count"),
        diagnose=lambda v, e, r: ("你数的是行，不是段落：空行不算段落。" if v == len(r.lines) != e
                                  else "差了一段：是不是从 0 开始数了？" if v == e - 1 else None),
        hints=["report.paragraphs 是报告的段落列表。", "列表有几项，用 len() 数。"],
        solution_text="paragraph_count = len(report.paragraphs)", wrong_answers=[lambda r: len(r.paragraphs) - 1]))
    practice.use(report)
    return SimpleNamespace(**practice.problems)


# -- the specimen ------------------------------------------------------------------------
def site_lines() -> list[int]:
    """Raw lines that are the content farm's, not the report's: its title, header and footer."""
    errata = load_errata()
    return sorted(int(x) for x in errata[errata["category"].isin(["seo_title", "boilerplate"])]["line"])


def editions_table():
    rows = [("原样版", 'baogao.specimen()（或 edition="raw"）', "raw", "采集到的副本，逐字保存，从不修改"),
            ("勘误后版本", 'baogao.specimen(edition="corrected")', "corrected",
             "把勘误表用到原样版上得到的读本；原文不明之处保留原样")]
    return pd.DataFrame([{"版本": name, "载入方式": how, "行数": len(specimen(ed).lines),
                          "字数（不计换行）": specimen(ed).chars, "说明": what} for name, how, ed, what in rows])


STATUS_ROWS = {
    "corrected": ("已改正", "原文有误，改法有把握：勘误后版本里已改正"),
    "deleted": ("已删除", "删去的文字：网站加的整行，以及多出的字、重复的词、外文残留等"),
    "unresolved": ("原文不明，保留原样", "有误或可能有误，但原文怎样写无从得知：保留原样，改法记为“未知”"),
    "systematic": ("全文统一替换", "半角标点和多余的空格：全文统一改为全角标点、删去空格"),
}


def errata_overview():
    """Errata entries by what the corrected edition does with them, with a total."""
    counts = edition_diff()["status"].value_counts()
    rows = [{"处理方式": name, "条数": int(counts.get(status, 0)), "含义": meaning}
            for status, (name, meaning) in STATUS_ROWS.items()]
    return pd.DataFrame(rows + [{"处理方式": "合计", "条数": int(counts.sum()), "含义": "勘误表的全部条目"}])


def cut_off_table():
    """The specimen's paragraphs that break off mid-sentence (errata category cut_off)."""
    rows = edition_diff().query("category == 'cut_off'")
    return pd.DataFrame({"原样版行号": rows["raw_line"].astype(int).tolist(),
                         "勘误后行号": rows["corrected_line"].astype(int).tolist(),
                         "断在哪里": ["……" + t for t in rows["raw_text"]],
                         "把握程度": [CERTAINTY_NAMES[c] for c in rows["certainty"]]})


def reading_widget(report):
    """The specimen's two editions side by side; any other report with its layers marked."""
    return EditionCompare(changed_only=False) if is_specimen(report) else Highlighter(report)


# -- the assignment ------------------------------------------------------------------------
assignment = Assignment("00_start", "第 0 课作业：认识样本报告的两个版本")
use = assignment.use


# q1: the site's lines (judgement) ------------------------------------------------------
def _q1_diagnose(value, expected, report):
    missing = [x for x in expected if x not in value]
    if len(set(value)) != len(value):
        return "有的行号重复了。"
    if sorted(value) == [x - 1 for x in expected]:
        return "看起来你是从 0 开始数行号的：本套教材的行号从一数起（全文第一行就是第一行）。"
    if any(v not in expected for v in value):
        return "你选的行里有报告正文：网站的文字说的是网站自己（“本站……”），或者是与正文无关的单位和文种。"
    if missing and missing[0] == 1:
        return "开头那行像标题的文字也是网站加的：它说的单位和文种，正文里从没出现过。"
    return "还少了网站的文字：留意“本站”这样的字眼，头尾都要看。" if missing else None


q1 = assignment.add(ValueProblem(
    name="q1", title="哪几行不是报告本身", variable="q1_answer", expected=lambda report: site_lines(),
    read=lambda value: compare.as_int_list(value, what="q1_answer"), same=compare.same_items,
    diagnose=_q1_diagnose,
    hints=["从头和尾读起：哪几行说的不是共青团的工作，而是网站自己？",
           "留意“本站”这样的字眼；再看全文第一行说的单位和文种，正文里出现过吗？"],
    solution_text=lambda report: f"q1_answer = {site_lines()}",
    right_answers=[lambda r: set(site_lines()), lambda r: "、".join(map(str, reversed(site_lines())))],
    wrong_answers=[lambda r: site_lines()[1:], lambda r: [x - 1 for x in site_lines()],
                   lambda r: site_lines()[:-1], lambda r: sorted(site_lines() + [3])],
))


# q2: one paragraph in both editions (coding) ---------------------------------------------
LEAD = "努力提高覆盖率。"


def _q2_expected(report=None) -> list[int]:
    return [next(ln.number for ln in specimen(ed).lines if ln.text.startswith(LEAD)) for ed in ("raw", "corrected")]


def _q2_diagnose(value, expected, report):
    if len(value) != 2:
        return "q2_answer 应当是两个行号：[原样版的行号, 勘误后版本的行号]。"
    if value == [x - 1 for x in expected]:
        return "两个行号都小了一：列表的下标从 0 开始，行号从一开始，要用 line.number。"
    if value == expected[::-1]:
        return "顺序反了：先写原样版的行号，再写勘误后版本的。"
    if value[0] == value[1]:
        return "两个版本里的行号不一样：勘误后版本删去了网站加的几行，后面各行的行号都往前移。"
    return ("原样版的行号对了；勘误后版本再数一数：这一行之前删去了几行？" if value[0] == expected[0]
            else f"原样版的行号不对：在 raw.lines 里找以“{LEAD}”开头的那一行。")


q2 = assignment.add(ValueProblem(
    name="q2", title="同一段话在两个版本里的行号", variable="q2_answer", expected=_q2_expected,
    read=lambda value: compare.as_int_list(value, what="q2_answer"), diagnose=_q2_diagnose,
    hints=[('raw = baogao.specimen() 和 corrected = baogao.specimen(edition="corrected") 载入两个版本；'
            "每个版本的 .lines 是行的列表，每一行有 .number（行号）和 .text（文字）。"),
           f"在每个版本里找出 text 以“{LEAD}”开头的那一行，取它的 number；不要用列表的下标。"],
    solution_text=(f'q2_answer = [next(ln.number for ln in r.lines if ln.text.startswith("{LEAD}"))\n'
                   '             for r in (baogao.specimen(), baogao.specimen(edition="corrected"))]'),
    right_answers=[lambda r: tuple(_q2_expected()), lambda r: [str(x) for x in _q2_expected()]],
    wrong_answers=[lambda r: [x - 1 for x in _q2_expected()], lambda r: _q2_expected()[::-1],
                   lambda r: [_q2_expected()[0]] * 2, lambda r: [_q2_expected()[0], _q2_expected()[1] + 1]],
))


# q3: raw line → corrected line (coding, hidden cases) --------------------------------------
def corrected_line(raw_line, removed):
    """原样版第 raw_line 行在删去 removed 各行之后的行号；这一行本身被删去时返回 None。"""
    if raw_line in removed:
        return None
    return raw_line - sum(1 for r in removed if r < raw_line)


SITE = [1, 2, 47]
#: (arguments, expected): the specimen's three removed lines first, then other removals.
LINE_CASES = [([24, SITE], 22), ([3, SITE], 1), ([46, SITE], 44), ([12, SITE], 10), ([1, SITE], None),
              ([2, SITE], None), ([47, SITE], None), ([10, [2, 5]], 8), ([5, [2, 5]], None), ([4, [2, 5]], 3),
              ([7, [9]], 7), ([9, [9, 3]], None), ([10, [9, 3]], 8), ([1, []], 1), ([6, [1, 2, 3, 4, 5]], 1)]


def _corrected_line_by_walking(raw_line, removed):
    """Another valid implementation: walk the lines and count the ones kept."""
    kept = 0
    for number in range(1, raw_line + 1):
        if number not in removed:
            kept += 1
        elif number == raw_line:
            return None
    return kept


q3 = assignment.add(FunctionProblem(
    name="q3", title="写一个函数，把原样版的行号换算成勘误后版本的行号", variable="corrected_line",
    cases=LINE_CASES, disable=("baogao.widgets.compare:edition_lines",), reference=corrected_line,
    hints=["先想清楚两件事：被删去的行在勘误后版本里没有位置（返回 None）；其余的行，前面每删去一行，行号就往前移一位。",
           "removed 里只有比 raw_line 小的行号才影响结果；removed 不一定按顺序排列，也可能是空列表。",
           "前面删去了几行，可以这样数：sum(1 for r in removed if r < raw_line)。"],
    right_answers=[lambda r: _corrected_line_by_walking],
    wrong_answers=[lambda r: (lambda raw_line, removed: raw_line - 2),  # the specimen's offset, everywhere
                   lambda r: (lambda raw_line, removed: raw_line - sum(x < raw_line for x in removed)),  # no None
                   lambda r: (lambda raw_line, removed: None if raw_line in removed else raw_line - len(removed)),
                   lambda r: lambda raw_line, removed: dict(edition_lines(  # delegates to the function it reimplements
                       edition_diff(expand_systematic=True), specimen().text, corrected_text())).get(raw_line)],
))

# q4: what a source note may say (judgement, multiple choice) --------------------------------
Q4_OPTIONS = {
    "A": ("这是共青团中央向中共中央书记处所作的 2021 年工作报告。", "副本上看不出主送对象：正文只以第三人称提到中央书记处。"),
    "B": ("这份报告原题为《团委新媒体工作情况（院团委新媒体中心个人工作总结）》。",
          "那是网站换上的标题：它说的单位和文种正文里从没出现过，原标题无从得知。"),
    "C": ("这是从内容农场网站转来的第三方副本，经过机器改写，多处段落被截断；原报告的标题和受损处的原文无从得知。", ""),
    "D": ("原报告没有“存在的问题”一节。", "没有这一节的只是这份副本；原报告有没有，无从得知。"),
    "E": ("勘误后版本恢复了报告的原文。", "勘误后版本是我们的校读：原文不明之处保留原样，并没有恢复原文。"),
}
Q4_ANSWER = "C"


def q4_options() -> Message:
    return Message("\n".join(["下面哪一句可以照样写进样本报告的来源说明？把选项的字母赋给 q4_answer："]
                             + [f"  {key}. {text}" for key, (text, _) in Q4_OPTIONS.items()]))


def _q4_read(value) -> str:
    """A letter (``"C"``, ``"c"``, ``"（C）"``, ``"选C"``) or the option's text → its letter."""
    if isinstance(value, str):
        text = compare.squeeze(value)
        letter = next((k for k, (option, _) in Q4_OPTIONS.items() if text == compare.squeeze(option)), None)
        letter = letter or re.sub(r"^(选项?|答案是?[:：]?)|[()（）.。、:：\"'“”]", "", text).upper()
        if letter in Q4_OPTIONS:
            return letter
        if len(letter) > 1 and set(letter) <= set(Q4_OPTIONS):
            raise compare.AnswerFormError("只选一项：q4_answer 写一个字母。")
    raise compare.AnswerFormError("q4_answer 应当是一个选项字母，例如 \"A\"。")


q4 = assignment.add(ValueProblem(
    name="q4", title="哪一句可以写进来源说明", variable="q4_answer", expected=lambda report: Q4_ANSWER,
    read=_q4_read, diagnose=lambda value, expected, report: Q4_OPTIONS[value][1] or None,
    hints=["每个选项都问一句：副本上找得到根据吗？副本能证明的才能写。",
           "正文怎样提到中央书记处？第一行说的单位正文里有吗？勘误后版本在原文不明处做了什么？"],
    solution_text=f'q4_answer = "{Q4_ANSWER}"', right_answers=[Q4_ANSWER.lower(), f"（{Q4_ANSWER}）", Q4_OPTIONS[Q4_ANSWER][0]],
    wrong_answers=[k for k in Q4_OPTIONS if k != Q4_ANSWER],
))

# q5: a three-sentence source note (writing) ------------------------------------------------
COPY_WORDS = ("副本", "转载", "转自", "网站", "内容农场", "第三方", "采集")
DAMAGE_WORDS = ("截断", "断掉", "中断", "残缺", "改写", "错字", "错误", "缺失", "丢失", "受损", "损坏")
UNKNOWN_WORDS = ("未知", "不详", "无从", "不可知", "无法确知", "不得而知", "无法得知", "无法知道", "不清楚", "看不出")
HEDGES = UNKNOWN_WORDS + ("不能确定", "无法确定", "是否", "或许", "可能")
ADDRESSEE = re.compile(r"(向|给|报送|呈报|提交|呈送)(中共)?中央书记处")
ORIGINAL = re.compile(r"勘误后?的?(版本?|文本)?(就是|即为|即|是|等于|恢复了?)(报告的?)?原文")


def _q5_feedback(text, report):
    text = text.strip()
    sentences = [text[a:b] for a, b in sentence_spans(text) if text[a:b].strip()]
    asserted = any(ADDRESSEE.search(s) and not any(h in s for h in HEDGES) for s in sentences)
    titled = any(("新媒体" in s or "个人工作总结" in s) and re.search("标题|题为|原题", s)
                 and not re.search("网站|内容农场|无关|换上|加上", s) for s in sentences)
    rules = [(len(sentences) == 3, "正好三句话", f"要求写三句话，你写了 {len(sentences)} 句"),
             ("\n" not in text, "写成一段", "来源说明写成一段，不要分行"),
             (any(w in text for w in COPY_WORDS), "说明了这份文本是什么、从哪里来", "没有说明这份文本是什么：它是从网站转来的副本"),
             (any(w in text for w in DAMAGE_WORDS), "说明了受损的情况", "没有说明受损的情况（改写、截断、缺失……）"),
             (any(w in text for w in UNKNOWN_WORDS), "说明了哪些情况无从得知", "没有说明哪些情况无从得知"),
             (not asserted, "没有断言报告的主送对象", "断言了报告是写给中央书记处的：副本上看不出主送对象"),
             (not titled, "没有把网站换上的标题当作报告的标题", "把网站换上的第 1 行当成了报告的标题"),
             (not ORIGINAL.search(text), "没有把勘误后版本说成原文", "勘误后版本是我们的校读，不是原文"),
             (not re.search(r"[,;:!?()]", text), "用的是全角标点", "有半角标点（, ; ( ) 等）：正式的中文用全角标点")]
    try:
        notes = [f.message.rstrip("。") for f in lint(load(text, name="来源说明")) if f.severity != "info"]
    except Exception as exc:  # noqa: BLE001 - feedback must not break a student's check
        notes = [f"文风检查未能运行（{type(exc).__name__}），请教师留意"]
    return [(ok, good if ok else bad) for ok, good, bad in rules], list(dict.fromkeys(notes))


SOURCE_NOTE = ("这份文本是共青团中央2021年度工作报告的第三方副本，转自一个内容农场网站，网站在首尾加上了自己的标题和附加文字。"
               "副本经过机器改写，留下了错误的人名和提法，有八段话在句中断掉，第四部分的标题也已丢失。"
               "报告原来的标题、主送对象和使用场合，以及受损之处的原文，都无从得知。")

q5 = assignment.add(WritingProblem(
    name="q5", title="为样本报告写三句话的来源说明", variable="q5_answer",
    task=("为样本报告写一段来源说明，正好三句话，用正式的书面语：第一句说这份文本是什么、从哪里来；"
          "第二句说它哪里受损；第三句说哪些情况无从得知。"),
    feedback=_q5_feedback, model_answer=SOURCE_NOTE,
    rubric=["三句话各说一件事：是什么（副本、来历）、哪里受损、什么无从得知",
            "只写副本能证明的：不断言主送对象、场合、原标题，不把网站的标题当作报告的标题，不把勘误后版本说成原文",
            "受损的说法具体、准确（机器改写、截断的段落、丢失的标题），不夸大，也不猜测原文",
            "书面语，全角标点，用词规范"],
    hints=["三句话各管一件事：第一句说它是什么、从哪里来；第二句说哪里受损；第三句说什么无从得知。",
           ("第二句可以举出受损的种类（机器改写留下的错误、截断的段落、丢失的标题）；第三句想一想："
            "原标题、主送对象、受损处的原文，副本上看得出来吗？")],
    right_answers=[("本文是共青团中央2021年度工作报告的一份第三方副本，采集自一个内容农场网站，首尾各有网站添加的文字。"
                    "正文经过机器改写，人名、提法多有错误，八个段落中途截断，第四部分的标题缺失。"
                    "原报告的标题、主送对象、使用场合和受损处的原文，均无从得知。")],
    wrong_answers=["这是共青团中央向中央书记处所作的2021年工作报告。",
                   "这份报告原题为《团委新媒体工作情况(院团委新媒体中心个人工作总结)》。文中有一些错字。勘误后版本就是报告的原文。"],
))
