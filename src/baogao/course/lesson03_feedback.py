"""Lesson 03's judgement and writing material: the formulation items (q6), the keyword
options (q5), the study sentence of raw line 43 and the feedback on its rewrite (q7).

Each formulation item names the errata entries that give its standard form
(``baogao.sources.errata``); the one item the errata do not list (raw line 45,
the resolution's 根本大计) names its source instead. The tests check every item
against the raw text and the errata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from baogao.exercises import compare
from baogao.lazy import pandas as pd
from baogao.lint import lint
from baogao.sources.load import load
from baogao.text.lexicon import style_word_entries
from baogao.text.sentences import sentence_spans
from baogao.text.tokens import cut_pairs

#: The answer for a formulation that is written exactly.
EXACT = ("准确",)
EXACT_WORDS = frozenset({"准确", "一字不差", "正确", "规范", "无误", "准确无误", "对", "没错", "无需修改", "不用改"})
_NOISE = re.compile(r"[\s，,、。；;：:“”\"'‘’（）()！!？?·《》]")


def squash(text: str) -> str:
    """Widths folded, spaces and punctuation dropped: how formulations are compared here."""
    return _NOISE.sub("", compare.fold(text))


@dataclass(frozen=True)
class FormulationItem:
    number: int
    lines: tuple[int, ...]  # raw lines
    text: str  # as the raw edition writes it
    accepted: tuple[str, ...]  # standard forms (the first is the model answer), or EXACT
    errata: tuple[str, ...]  # the errata entries that give the standard form
    source: str  # where the standard form comes from, for the solution's table
    if_exact: str = ""  # feedback when the student calls a near miss exact
    wrong: dict = field(default_factory=dict)  # squashed wrong answer -> feedback


RESOLUTION = "《中共中央关于党的百年奋斗重大成就和历史经验的决议》（2021 年 11 月 11 日）"
CONTROL = "这一项本来就一字不差：不要把写对了的提法改掉。"

FORMULATION_ITEMS = [
    FormulationItem(1, (6,), "政治悟性", ("政治领悟力",), ("E018",), "勘误表 E018（确定）",
                    "“政治三力”是固定的一套，三项都写成“政治……力”：看同一句里的另外两项。",
                    {"政治洞察力": "“政治洞察力”本身也走了样（第 43 行）：它不是“政治三力”中的一项。"}),
    FormulationItem(2, (11,), "学党史、坚定信念、跟党走", ("学党史、强信念、跟党走", "强信念"), ("E029",),
                    "勘误表 E029（确定）",
                    "这是 2021 年那次学习教育的固定名称，三项字数相同：中间一项多了一个字。"),
    FormulationItem(3, (16, 45), "国家伟人", ("国之大者",), ("E037", "E146"), "勘误表 E037、E146（确定）",
                    "“围绕国家伟人”讲不通：这里说的是国家的大事，不是伟大的人物；它是一个四字提法译成外文再译回来的样子。",
                    {"国家大事": "意思对了，但规范提法是一个固定的四字说法，要一字不差地写出来，不能意译。",
                     "国家大局": "意思相近，但规范提法是一个固定的四字说法，要一字不差地写出来，不能意译。"}),
    FormulationItem(4, (23,), "全程人民民主", ("全过程人民民主",), ("E067",), "勘误表 E067（确定）",
                    "对照规范提法逐字核对：这里少了一个字。"),
    FormulationItem(5, (26,), "全方位交流、广泛交流", ("全方位交往、广泛交流", "全方位交往、广泛交流、深度交融"), ("E073",),
                    "勘误表 E073（很可能）",
                    "同一个“交流”连说了两次：这是一组三项的固定说法（第三项是“深度交融”），三项用的是三个不同的词。"),
    FormulationItem(6, (39,), "全面从严治团", EXACT, (), "本教材的规范提法表（proofing.txt）", "",
                    {"全面从严治党": "“全面从严治党”是党的；共青团讲自己的从严管理，写的正是原文这一提法。"}),
    FormulationItem(7, (43,), "政治洞察力", ("政治领悟力",), ("E131",), "勘误表 E131（确定）",
                    "“政治三力”的第二项不是“洞察力”：看同一句里的另外两项，再查勘误表第 43 行的条目。",
                    {"政治悟性": "“政治悟性”本身也走了样（第 6 行）：它不是“政治三力”中的一项。"}),
    FormulationItem(8, (43,), "一岗双责", EXACT, (), "本教材的规范提法表（proofing.txt）"),
    FormulationItem(9, (45,), "要做好接班人这个根本大计", ("抓好后继有人这个根本大计", "必须抓好后继有人这个根本大计"),
                    ("E168",), f"{RESOLUTION}：“必须抓好后继有人这个根本大计”（勘误表 E168，很可能）",
                    ("有引号、又说是决议“明确提出”的，更要逐字核对（勘误表第 45 行也收了这一处）："
                     "决议原文用的动词和名词都不是这两个。"),
                    {"做好后继有人这个根本大计": "名词改对了，动词还不是决议用的那个。",
                     "抓好接班人这个根本大计": "动词改对了，名词还不是决议用的那个。"}),
    FormulationItem(10, (45,), "志向、主心骨和信心", ("志气、骨气、底气", "做中国人的志气、骨气、底气",
                                                "增强做中国人的志气、骨气、底气"), ("E145",), "勘误表 E145（很可能）",
                    "“志向、主心骨和信心”是一组三项提法回译后的样子：原来的三项都以同一个字结尾。"),
    FormulationItem(11, (45,), "请放心,党强,国有我", ("请党放心，强国有我",), ("E147",), "勘误表 E147（确定）",
                    "这是青年在建党百年庆祝大会上的誓言，两句各四个字；这里的字序被打乱了，意思也变了。"),
    FormulationItem(12, (45,), "危机中有机", ("危中有机", "危中有机、危可转机"), ("E149",), "勘误表 E149（很可能）",
                    "紧跟在后面的“危机中可以转机”也是同一组说法：这组说法是两句，每句四个字。"),
]
ITEMS_BY_NUMBER = {item.number: item for item in FORMULATION_ITEMS}


def formulation_items():
    """The items as the exercise shows them (raw line numbers)."""
    return pd.DataFrame({"编号": [i.number for i in FORMULATION_ITEMS],
                         "原样版行号": ["、".join(map(str, i.lines)) for i in FORMULATION_ITEMS],
                         "原文的写法": [i.text for i in FORMULATION_ITEMS]})


def formulation_sources():
    """The items with their standard form and its source, for the solution notebook."""
    return pd.DataFrame({"编号": [i.number for i in FORMULATION_ITEMS],
                         "原样版行号": ["、".join(map(str, i.lines)) for i in FORMULATION_ITEMS],
                         "原文的写法": [i.text for i in FORMULATION_ITEMS],
                         "判断": ["一字不差" if i.accepted == EXACT else "走了样" for i in FORMULATION_ITEMS],
                         "规范写法": ["（不用改）" if i.accepted == EXACT else i.accepted[0] for i in FORMULATION_ITEMS],
                         "依据": [i.source for i in FORMULATION_ITEMS]})


def q6_expected() -> dict:
    """The model answer: each item's standard form, or 准确."""
    return {i.number: "准确" if i.accepted == EXACT else i.accepted[0] for i in FORMULATION_ITEMS}


def q6_read(value) -> dict:
    if not isinstance(value, dict) or value.get("$") in ("set", "repr", "callable"):
        raise compare.AnswerFormError("q6_answer 应当是一个字典：{编号: 规范写法或“准确”, …}，例如 {1: \"……\", 2: \"准确\"}。")
    out = {}
    for key, answer in value.items():
        number = compare.as_int(key, what="q6_answer 的每个编号")
        if not isinstance(answer, str):
            raise compare.AnswerFormError(f"第 {number} 项的答案应当是一段文字：规范写法，或者“准确”。")
        out[number] = answer
    return out


def _item_right(item: FormulationItem, answer: str) -> bool:
    said = squash(answer)
    if item.accepted == EXACT:
        return said in EXACT_WORDS or said == squash(item.text)
    return said in {squash(a) for a in item.accepted}


def q6_same(value: dict, expected: dict) -> bool:
    return set(value) == set(expected) and all(_item_right(ITEMS_BY_NUMBER[k], v) for k, v in value.items())


def q6_diagnose(value: dict, expected: dict, report) -> str:
    extra = sorted(set(value) - set(expected))
    if extra:
        return f"没有第 {extra[0]} 项：编号是 1 到 {len(expected)}。"
    missing = sorted(set(expected) - set(value))
    wrong = [k for k in sorted(value) if not _item_right(ITEMS_BY_NUMBER[k], value[k])]
    head = f"{len(expected)} 项中有 {len(wrong) + len(missing)} 项还不对。" if wrong or missing else ""
    if missing:
        return head + f"少了第 {missing[0]} 项（“{ITEMS_BY_NUMBER[missing[0]].text}”）。"
    item = ITEMS_BY_NUMBER[wrong[0]]
    said = squash(value[item.number])
    where = f"第 {item.number} 项（原样版第 {'、'.join(map(str, item.lines))} 行“{item.text}”）："
    if item.accepted == EXACT:
        return head + where + item.wrong.get(said, CONTROL)
    if said in EXACT_WORDS or said == squash(item.text):
        return head + where + "它走了样。" + item.if_exact
    return head + where + item.wrong.get(said, "这不是规范写法：规范提法要一字不差，近义的说法和自己的改写都不算。"
                                                 + item.if_exact)


# -- q5: what keywords measure -----------------------------------------------------------------
KEYWORD_OPTIONS = {
    "A": ("关键词说明了样本报告的文风：它比政府工作报告更爱用“青年”“共青团”这样的词。",
          "“青年”“共青团”说的是这份报告讲什么（话题），不是怎么写（文风）：团的报告当然比政府工作报告多讲青年。"),
    "B": ("关键词量的是一个词在这份报告里比在参照语料里多用了多少：“青年”“共青团”反映话题，“金平”“CPPCC”“NPC”“伟人”"
          "是副本受损留下的；要谈文风，得用勘误后版本，比较公文常用词这类不随话题变化的词，还要想到文种不同。", ""),
    "C": ("“金平”排进了关键词，说明金平是这份报告里的重要人物。",
          "“金平”是人名写错后留下的残余（“习近平金平新时代……”），勘误后版本里一次也没有；关键词只说明一个词多，不说明它重要。"),
    "D": ("改用勘误后版本，关键词就只剩文风上的差别了。",
          "勘误后版本只去掉了受损的词，“青年”“共青团”这些话题词仍然排在最前面：话题不同，关键词首先反映话题。"),
}


# -- q7: the study sentence of raw line 43 ------------------------------------------------------
STUDY_SENTENCE = ("认真落实党史学习教育的各项部署,集中系统地回顾党的百年历史,带头开展交流研讨、撰写理论文章、向青年宣讲,"
                  "努力做到以史为鉴、以史为鉴、增长信心、尊崇道德、践行历史。")
STUDY_GOALS = "学史明理、学史增信、学史崇德、学史力行"
STUDY_MODEL = ("认真落实党史学习教育各项部署，系统回顾党的百年历史，带头开展交流研讨、撰写理论文章、向青年宣讲，"
               f"做到{STUDY_GOALS}。")
STUDY_OTHER = ("认真落实党史学习教育的各项部署，集中回顾党的百年历史，带头交流研讨、撰写理论文章、向青年宣讲，"
               f"努力做到{STUDY_GOALS}。")
BACK_TRANSLATIONS = ("以史为鉴", "增长信心", "尊崇道德", "践行历史")
STUDY_CONTENT = {"党史学习教育": ("党史学习教育",), "部署": ("部署",), "百年历史": ("百年历史", "百年党史", "百年奋斗历史"),
                 "交流研讨": ("交流研讨",), "理论文章": ("理论文章",), "宣讲": ("宣讲",)}
_ADVERBS = frozenset(w for w, c, _g in style_word_entries() if c in ("adverb", "intensifier"))


#: Adverbs of grammar (negation, scope, time) that go with any other: never a stack.
_GRAMMATICAL = frozenset("不 没 没有 也 都 还 就 才 又 再 已 已经 正在 将 更 最 均 共 仅 只 便 并 曾 一直 一起 共同".split())


def _adverbial(pairs, i) -> bool:
    word, tag = pairs[i]
    if word in _GRAMMATICAL:
        return False
    follows_de = i + 1 < len(pairs) and pairs[i + 1][0] == "地"
    return word in _ADVERBS or tag in ("d", "ad") or (len(word) >= 3 and word.endswith("地")) or follows_de


def stacked_adverbials(text: str) -> list[str]:
    """Runs of two or more adverbials in a row (努力深入, 认真深入地): a listed adverb or
    intensifier, a word jieba tags d or ad, or a word with 地 (系统地); grammatical adverbs
    (不, 也, 都 …) do not count."""
    pairs = cut_pairs(text)
    out, run = [], []
    for i, (word, _tag) in enumerate(pairs):
        if word == "地" and run:
            run[-1] += word  # the particle of the adverbial just seen
            continue
        if _adverbial(pairs, i):
            run.append(word)
            continue
        if len(run) >= 2:
            out.append("".join(run))
        run = []
    if len(run) >= 2:
        out.append("".join(run))
    return out


def q7_feedback(text: str, report):
    text = text.strip()
    folded = compare.fold(text)
    sentences = [text[a:b] for a, b in sentence_spans(text) if text[a:b].strip()]
    left = [w for w in BACK_TRANSLATIONS if w in folded]
    goals = [g for g in STUDY_GOALS.split("、") if g in folded]
    stacked = stacked_adverbials(text) + (["集中系统地"] if re.search(r"集中[、，,\s]*系统", folded) else [])
    lost = [name for name, forms in STUDY_CONTENT.items() if not any(f in folded for f in forms)]
    rules = [
        (len(sentences) == 1 and "\n" not in text, "写成了一句话", f"要求改写成一句话，你写了 {len(sentences)} 句"),
        (STUDY_GOALS in folded, "党史学习教育的目标写成了规范提法，四项次序不变、用顿号隔开",
         "党史学习教育的目标还不是规范提法：四项要一字不差，次序不变，用顿号隔开" if len(goals) < 4
         else "四项“学史……”都有了，但次序或标点与规范提法不同：次序不变，用顿号隔开"),
        (not left, "删去了重复的“以史为鉴”和回译的说法", "还留着原句走样的说法：" + "".join(f"“{w}”" for w in left)),
        (not stacked, "没有叠用状语", "状语叠用：" + "".join(f"“{s}”" for s in dict.fromkeys(stacked)) + "，留一个就够了"),
        (not lost, "保留了原句的内容", "漏了原句的内容：" + "".join(f"“{w}”" for w in lost)),
        (not re.search(r"[,;:!?()]", text), "用的是全角标点", "有半角标点（, ; ( ) 等）：正式的中文用全角标点"),
    ]
    try:
        notes = [f.message.rstrip("。") for f in lint(load(text, name="改写")) if f.severity != "info"]
    except Exception as exc:  # noqa: BLE001 - feedback must not break a student's check
        notes = [f"文风检查未能运行（{type(exc).__name__}），请教师留意"]
    return [(ok, good if ok else bad) for ok, good, bad in rules], list(dict.fromkeys(notes))
