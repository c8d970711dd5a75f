"""Lesson 04's parallel series (并列、排比) of the specimen, raw edition.

- ``SERIES``: the six intact or named series the lesson reads (lines 6, 16, 8, 44,
  45, 32), each quoted exactly; ``series_table`` adds whether the kit's
  parallelism finder (``analysis.parallelisms``) finds it, and why not;
- ``BROKEN_OPTIONS``: the eight series of q4 (find the broken ones), each
  with the feedback a student who picks it wrongly reads (their quotations
  are checked against the specimen by the lesson's tests, not on import);
- ``errata_on``: what the specimen's errata say about a quoted passage.

Every quotation is checked against the raw specimen when a table is built
(and by tests/course/test_lesson04_facts.py).
"""

from __future__ import annotations

from typing import NamedTuple

from baogao.analysis.parallelisms import parallelisms
from baogao.lazy import pandas as pd
from baogao.sources.errata import load_errata
from baogao.sources.shipped import specimen
from baogao.widgets.compare import CERTAINTY_NAMES


class Series(NamedTuple):
    line: int  # raw edition
    frame: str  # the pattern, with …… for what varies
    quote: str  # exactly as the raw specimen writes it (ASCII commas included)
    kind: str  # how many members and of what kind
    missed: str  # why the kit's finder does not find it (shown only when it does not)


SERIES = (
    Series(6, "以……为导向，以……为基础，以……为标志",
           "以加强党的全面领导为导向,以现实理论为基础,以贯彻习近平总书记重要指示和党中央决策部署为标志",
           "三项排比", "三个分句都以“以”开头，工具应当找得到"),
    Series(16, "面对……，面对……", "面对世纪疫情、百年变局的严峻形势,面对“十四五”开局、开启新征程的艰巨任务",
           "两项并列（对举）", "只有两项：工具只找三项以上、开头相同的并列"),
    Series(8, "既……又……", "既保证事事有着落,又注重举一反三",
           "关联词搭配的两项并列", "两项由关联词“既……又……”连起来，开头的词不同"),
    Series(44, "归功于……，归功于……",
           "归功于以习近平同志为核心的党中央的坚强领导,归功于习近平金平新时代中国特色社会主义思想的科学指导",
           "两项并列（对举）", "只有两项：工具只找三项以上、开头相同的并列"),
    Series(45, "不畏……，不……，敢于……，善于……", "不畏风浪,不回避矛盾,敢于直面困难,善于化危机为机遇",
           "四项并列，两两成对", "四项开头的词各不相同（不畏、不、敢于、善于）"),
    Series(32, "严把……，严把……关、……关、……关、……关、……关",
           "严把团组织推荐和党组织把关程序,严把政治关、学术关、能力关、作风关、群众关",
           "两个“严把”，第二个带五个“……关”", "“严把”只有两次；五个“……关”共用的是结尾，不是开头"),
)


def _check(line: int, quote: str) -> None:
    if quote not in specimen().line(line).text:
        raise ValueError(f"raw line {line} does not contain {quote}")


def found_by_finder(line: int, quote: str, found=None) -> bool:
    """Whether a parallelism the kit finds on raw ``line`` overlaps ``quote``."""
    found = parallelisms(specimen()) if found is None else found
    head = quote[:8]
    for row in found[found["line"] == line].itertuples():
        text = row.text.rstrip("…")
        if head in text or text[:8] in quote:
            return True
    return False


def series_table():
    """The six series of ``SERIES``: line, frame, text, kind, and whether the kit's finder finds it."""
    found = parallelisms(specimen())
    rows = []
    for s in SERIES:
        _check(s.line, s.quote)
        hit = found_by_finder(s.line, s.quote, found)
        rows.append({"原样版行号": s.line, "格式": s.frame, "原文": s.quote, "类型": s.kind,
                     "工具找到了吗": "找到了" if hit else f"没有找到：{s.missed}"})
    return pd.DataFrame(rows, columns=["原样版行号", "格式", "原文", "类型", "工具找到了吗"])


KIND_NAMES = {"clauses": "分句", "items": "顿号隔开的词语", "sentences": "句子", "paragraphs": "段落（段首句）",
              "enumeration": "列举（一是……二是……）"}


def parallel_table(report):
    """The kit's parallelisms of a report, with Chinese columns and values."""
    p = parallelisms(report)
    return pd.DataFrame({"行号": p["line"], "并列的单位": p["kind"].map(KIND_NAMES), "开头的词": p["opening"],
                         "项数": p["length"], "原文（开头部分）": p["text"]})


def errata_on(line: int, quote: str) -> list[str]:
    """Ids of the errata entries (raw edition) whose text lies inside ``quote`` on ``line``."""
    e = load_errata()
    rows = e[(e["line"] == line) & e["text"].map(lambda t: bool(t) and t in quote)]
    return rows["id"].tolist()


def errata_table(line: int, quote: str):
    """The errata entries on a quoted passage: text, correction, certainty, basis."""
    _check(line, quote)
    e = load_errata().set_index("id").loc[errata_on(line, quote)]
    return pd.DataFrame({"编号": e.index.tolist(), "原文": e["text"].tolist(),
                         "改为": ["未知（原文措辞不明）" if c == "unknown" else (c or "删去") for c in e["correction"]],
                         "把握程度": [CERTAINTY_NAMES[c] for c in e["certainty"]], "依据": e["basis"].tolist()})


# -- q4: the broken series -------------------------------------------------------------------
#: letter → (raw line, quotation): the eight series of q4.
BROKEN_QUOTES = {
    "A": (6, SERIES[0].quote),
    "B": (8, SERIES[2].quote),
    "C": (16, SERIES[1].quote),
    "D": (38, "项目化、社会化生存、扁平化运作、干部来源多样化、组织方式多样化、动员网络领先化"),
    "E": (41, "“以政治建设为统领,以从严团组织建设为重点,从严团干部管理、从严团员管理、以制度建设为保障”"),
    "F": (43, "以史为鉴、以史为鉴、增长信心、尊崇道德、践行历史"),
    "G": (45, SERIES[4].quote),
    "H": (11, "爱党、爱国、爱社会主义"),
}
BROKEN_ANSWER = "ADEF"
#: Why each intact series is not broken (the feedback of a wrong pick).
_INTACT_WHY = {
    "B": "“既……又……”连起两项做法，两项都是“动词＋宾语”，搭配完整；这一段后面断了，那是另一回事。",
    "C": "两个“面对……的……”，一个讲形势，一个讲任务，格式相同、意思并列：只有两项的并列是对举，不是坏了的排比。",
    "G": "“不畏”“不回避”两项讲不怕，“敢于”“善于”两项讲能做，两两成对，每一项都是“动词＋宾语”，意思通顺。",
    "H": "三项都是“爱＋宾语”，由近及远（党、国、社会主义），是常见的排比。",
}


#: q4's options: letter → (text shown, feedback when it is picked wrongly).
BROKEN_OPTIONS = {key: (f"第 {line} 行：{quote}", _INTACT_WHY.get(key, ""))
                  for key, (line, quote) in BROKEN_QUOTES.items()}
