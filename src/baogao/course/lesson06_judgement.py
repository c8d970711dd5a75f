"""Lesson 06's judgement exercises, about the specimen (raw edition) whatever the report:

- ``Q4``: which of eight defects a rule can catch; the right letters are those whose errata
  entry is of a catchable category (the errata's ``catchable`` column, read through the kit);
- ``Q5``: how to treat the two queries E048 (新时期, line 20) and E143 (line 44).

Each wrong option explains itself; a missing right option is named by the kind of defect.
"""

from __future__ import annotations

from baogao.course.lesson05_judgement import Remarks
from baogao.course.lesson06_measures import entry
from baogao.sources.shipped import specimen


def _at(eid: str, words: str | None = None) -> str:
    """The entry's text (or ``words`` around it), checked against its raw line."""
    e = entry(eid)
    words = words or e["text"]
    if words not in specimen().line(int(e["line"])).text or e["text"] not in words:
        raise ValueError(f"{eid}: raw line {e['line']} does not contain {words}")
    return words


# -- Q4: can a rule catch it? -----------------------------------------------------------------
#: letter → (errata entry, option text, why a rule cannot catch it: empty for a catchable one).
Q4_ITEMS = {
    "A": ("E021", f"第 7 行“{_at('E021', '领会习金平新时代')}”：领导人的名字写错了。", ""),
    "B": ("E033", f"第 12 行“{_at('E033', '团队课覆盖率。已经达到')}”：句号把一句话断在了中间。",
          "句号本身是合法的标点，它错在这里，是因为把主语和谓语隔开了：要读懂句子才看得出，"
          "按字面找的规则分不出一个句号该不该在这里。"),
    "C": ("E049", f"第 21 行“{_at('E049', '纳入“十五”规划')}”：应为“十四五”。",
          "“十五”是真实存在过的五年计划的名称，字面上没有错；错在和报告的年份对不上，"
          "要知道报告讲的是哪一年，还要知道 2035 年远景目标纲要和哪一个规划一起制定。"),
    "D": ("E071", f"第 25 行“{_at('E071', '通过pa')}”：中文句子里夹着两个外文字母。", ""),
    "E": ("E096", f"第 32 行“{_at('E096', '平均成功率')}”：改革措施说的是落实、完成，没有“成功率”可言。",
          "“成功率”本身是常用的词，用在改革措施上不合事理：要懂得这句话说的是什么事，词表和字形都帮不上忙。"),
    "F": ("E102", f"第 33 行“{_at('E102', '晋级晋级入团')}”：同一个词连写了两遍。", ""),
    "G": ("E156", f"第 46 行“{_at('E156', '习近平总书记“三个代表”重要思想')}”：张冠李戴。",
          "“三个代表”重要思想本身是写对了的提法，错在归属：要知道这一提法是谁提出的，"
          "还要知道这里该引的是第 4 行那样的“关于青年工作的重要思想”。"),
    "H": ("E067", f"第 23 行“{_at('E067', '全程人民民主')}”：提法少了一个字。", ""),
}
Q4_OPTIONS = {k: (text, why) for k, (_eid, text, why) in Q4_ITEMS.items()}


def q4_answer() -> str:
    """The letters whose entries are of a catchable category (the errata's catchable column)."""
    return "".join(k for k, (eid, _t, _w) in Q4_ITEMS.items() if bool(entry(eid)["catchable"]))


Q4_MISSING = {
    "A": "还有一处是人名：规则手里有一张人名和提法的词表，写错一个字的近似形能找出来。",
    "D": "还有一处是外文字母：中文句子里的拉丁字母，规则按字符就找得到。",
    "F": "还有一处是重复：同一个词连写两遍，规则按字面就找得到（练习本第 3 题就写这样一条规则）。",
    "H": "还有一处是提法：和规范提法只差一两个字的写法，规则用词表找得到。",
}

Q4 = Remarks(
    name="q4", title="哪些错误规则找得到", variable="q4_answer", options=Q4_OPTIONS, answer=q4_answer(),
    missing_why=Q4_MISSING,
    question="下面是样本报告（原样版）的八处错误，勘误表都收了。哪几处是按规则（字形、词表、成对的标点、重复）就能找到的？（可以多选）",
    hints=["问自己：看出这处错误，要不要懂得句子的意思、知道报告的年份或别的事实？要懂、要知道的，规则找不到。",
           "规则能做的是按字面比：和词表里的人名、提法比，看标点成不成对，看有没有外文字母、有没有连写两遍的词。"],
    right_answers=[lambda r: list(q4_answer().lower()), lambda r: "、".join(q4_answer())],
    wrong_answers=["ADFHB", "ADFHC", "ADF", "ADH", "AFH", "DFH", "ABCDEFGH"],
)


# -- Q5: two queries ---------------------------------------------------------------------------
Q5_OPTIONS = {
    "A": (f"第 20 行“{_at('E048', '新时期青年工作')}”：保留原文，写校对意见请作者核对。党的十九大以后一般说“新时代”，"
          "但“新时期”也可能是原文本来的写法，副本定不了。", ""),
    "B": ("第 20 行的“新时期”直接改为“新时代”：党的十九大以后只能说“新时代”。",
          "规范的时代称谓是“新时代”，可“新时期”不是放在哪里都错（说到某一历史时期、照录旧文件时就这样写），"
          "改写的人和原作者都可能写它。没有把握不改字，提出疑问。"),
    "C": (f"第 44 行“{_at('E143')}……的结果”：“这”指代不明（前面是一句致谢，不是一个结果），"
          "可能经过改写；保留原文，提请作者核对。", ""),
    "D": ("第 44 行的致谢不合工作报告的体例，应当删去这一句。",
          "副本不能说明报告是向谁作的、在什么场合作的，致谢合不合体例无从断定；何况删句子是作者的事，"
          "校对只提出疑问。"),
    "E": ("两处都照勘误后版本改：勘误表已经给出了改法。",
          "勘误表对这两处都没有给出改法（改正一栏是“未知”），勘误后版本照录原文：没有可以照抄的答案，这正是要提疑问的地方。"),
    "F": ("两处都不用管：校对工具没有报错，就说明没有问题。",
          "工具对第 20 行的“新时期”其实提了警告；第 44 行这类语句不通的毛病，没有一条规则找得到。工具不报，不等于没有问题。"),
}
Q5_MISSING = {
    "A": "再看第 20 行：“新时期”该不该改，副本能定吗？定不了的时候，校对怎么做？",
    "C": "再看第 44 行：“这是……的结果”的“这”指的是什么？指不出来的时候，校对怎么做？",
}

Q5 = Remarks(
    name="q5", title="两处存疑：改，还是问", variable="q5_answer", options=Q5_OPTIONS, answer="AC",
    missing_why=Q5_MISSING,
    question="勘误表对第 20 行的“新时期”（E048）和第 44 行的致谢一句（E143）都只记为“存疑”。下面哪几种处理是对的？（可以多选）",
    hints=["校对的本分是改正有把握的错误，没有把握的提出疑问，由作者定。先问：这两处，副本能定下原文是什么吗？",
           "再看勘误表的改正一栏和工具的报告：它们给了改法没有？没有报错是不是就没有问题？"],
    right_answers=[["a", "c"], "C、A"],
    wrong_answers=["A", "C", "AB", "ACD", "ACE", "ACF", "BD"],
)
