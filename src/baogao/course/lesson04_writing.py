"""Lesson 04's writing exercise (q6): the first sentence of raw line 4 split into two or three.

The sentence is read in the corrected edition (corrected line 2), so that
the formulations a student keeps are the right ones; the raw edition's
damaged wording (习近平金平, 党的十八大, 组织、领导、服务能力和总揽全局的能力)
is reported if it comes back. The checks: two or three sentences, none of
them long, every formulation of the original kept word for word, the
content kept, full-width punctuation; the linter's findings are advice.
"""

from __future__ import annotations

import re

from baogao.exercises.compare import fold
from baogao.lint import lint
from baogao.sources.load import load
from baogao.sources.shipped import specimen
from baogao.text.sentences import count_chars, sentence_spans

#: Raw line 4 is corrected line 2.
RAW_LINE, CORRECTED_LINE = 4, 2
#: The sentence, as the corrected edition writes it (a test checks it against the kit).
ORIGINAL = ("一年来，共青团坚持以习近平新时代中国特色社会主义思想为指导，认真学习贯彻党的十九大和历次全会精神，"
            "深入贯彻习近平总书记关于青年工作的重要思想，按照团十八大和历次全会的工作部署，认真履行职责，深化改革创新，"
            "不断保持和增强政治性、先进性、群众性，增强组织力、引领力、服务力和大局贡献度，各项工作和建设取得重要进展，"
            "得到了中央书记处的充分肯定。")
#: The formulations to keep: name → the forms accepted (each a tuple of parts that must all occur).
FORMULATIONS = {
    "习近平新时代中国特色社会主义思想": (("习近平新时代中国特色社会主义思想",),),
    "党的十九大和历次全会精神": (("党的十九大和历次全会精神",), ("党的十九大和十九届历次全会精神",)),
    "习近平总书记关于青年工作的重要思想": (("习近平总书记关于青年工作的重要思想",),),
    "团十八大和历次全会的工作部署": (("团十八大和历次全会的工作部署",), ("团十八大和历次全会工作部署",)),
    "政治性、先进性、群众性": (("政治性、先进性、群众性",),),
    "组织力、引领力、服务力和大局贡献度": (("组织力、引领力、服务力和大局贡献度",),),
    "中央书记处的充分肯定": (("中央书记处", "充分肯定"),),
}
#: Content that is not a formulation but must stay: name → words that show it is there.
CONTENT = {"一年来": ("一年来",), "认真学习贯彻": ("学习贯彻",), "履行职责": ("履行职责",),
           "深化改革创新": ("改革创新",), "取得重要进展": ("重要进展",)}
#: The raw edition's damaged wording (errata E008, E010, E012).
DAMAGED = ("金平", "党的十八大和历次全会", "总揽全局", "组织、领导、服务能力")
MAX_CHARS = 100  # no new sentence this long or longer
MIN_CHARS = 15  # nor a fragment
_ASCII = re.compile(r"[,;:!?()]")

MODEL = ("一年来，共青团坚持以习近平新时代中国特色社会主义思想为指导，认真学习贯彻党的十九大和历次全会精神，"
         "深入贯彻习近平总书记关于青年工作的重要思想。全团按照团十八大和历次全会的工作部署，认真履行职责，深化改革创新，"
         "不断保持和增强政治性、先进性、群众性，增强组织力、引领力、服务力和大局贡献度。"
         "各项工作和建设取得重要进展，得到了中央书记处的充分肯定。")
#: Another acceptable text: two sentences, cut after 认真履行职责, with the full form
#: 党的十九大和十九届历次全会精神 (errata E009 leaves the shorter one as a query).
OTHER = ("一年来，共青团坚持以习近平新时代中国特色社会主义思想为指导，认真学习贯彻党的十九大和十九届历次全会精神，"
         "深入贯彻习近平总书记关于青年工作的重要思想，按照团十八大和历次全会的工作部署，认真履行职责。"
         "共青团深化改革创新，不断保持和增强政治性、先进性、群众性，增强组织力、引领力、服务力和大局贡献度，"
         "各项工作和建设取得重要进展，得到了中央书记处的充分肯定。")

TASK = (f"原样版第 {RAW_LINE} 行的第一句（勘误后版本第 {CORRECTED_LINE} 行的第一句）有 169 个字、11 个分句，"
        "主语“共青团”接连带了七个谓语，最后两个分句又换了主语。请按勘误后版本的写法，把它拆成两句或三句：每一句都有主语（可以是“共青团”“全团”，"
        "也可以是“各项工作”这样的新主语），每一句都不到 100 字；原句的提法一个也不能少，而且一字不差；"
        "不添新的内容，用全角标点。只改写这一句，不要带上后面的“重点关注以下几个方面。”"
        "（本题只针对样本报告，不论参数格里的 REPORT 选了哪份报告。）")

RUBRIC = [
    "拆成两句或三句，每一句有自己的主语（或明确承接上一句的主语），读来不缺成分",
    "原句的七个提法一个不少、一字不差：习近平新时代中国特色社会主义思想，党的十九大和历次全会精神，"
    "习近平总书记关于青年工作的重要思想，团十八大和历次全会的工作部署，政治性、先进性、群众性，"
    "组织力、引领力、服务力和大局贡献度，中央书记处的充分肯定",
    "在意思的节点上断句：指导思想和学习贯彻，履行职责和自身建设，成效和肯定；不把一个“按照……”或“以……为……”拆散",
    "句子长短相宜，不再有上百字的长句，也没有残缺的短句",
    "不添原句没有的内容，全角标点，没有多余的空格",
]


def original() -> str:
    """The sentence in the corrected edition, read with the kit (equals ``ORIGINAL``)."""
    text = specimen("corrected").line(CORRECTED_LINE).text
    a, b = sentence_spans(text)[0]
    return text[a:b]


def _has(folded: str, forms) -> bool:
    return any(all(part in folded for part in parts) for parts in forms)


def sentences_of(text: str) -> list[str]:
    return [text[a:b].strip() for a, b in sentence_spans(text) if text[a:b].strip()]


def split_feedback(text: str, report=None):
    """(checks, notes) on a split of the sentence; the report in use is not read."""
    text = text.strip()
    folded = fold(text)
    parts = sentences_of(text)
    lengths = [count_chars(s) for s in parts]
    lost = [name for name, forms in FORMULATIONS.items() if not _has(folded, forms)]
    missing = [name for name, words in CONTENT.items() if not any(w in folded for w in words)]
    damaged = [w for w in DAMAGED if w in folded]
    long = [n for n in lengths if n >= MAX_CHARS]
    short = [n for n in lengths if n < MIN_CHARS]
    rules = [
        ("\n" not in text, "写成了一段", "写成一段，不要分行"),
        ("以下几个方面" not in folded, "只改写了第一句", "只改写第一句：不要带上后面的“重点关注以下几个方面。”"),
        (2 <= len(parts) <= 3, f"拆成了 {len(parts)} 句",
         "还是一句话：要拆成两句或三句" if len(parts) < 2 else f"拆成了 {len(parts)} 句：拆成两句或三句就够了"),
        (not long, f"每一句都不到 {MAX_CHARS} 字（{'、'.join(map(str, lengths))} 字）",
         f"还有 {len(long)} 句在 {MAX_CHARS} 字以上：再找一个意思的节点断开"),
        (not short, "没有残缺的短句", f"有一句只有 {short[0] if short else 0} 字：看看它是不是缺了主语或谓语"),
        (not lost, "原句的提法一个不少、一字不差", "提法少了或走了样：" + "".join(f"“{n}”" for n in lost)),
        (not missing, "保留了原句的内容", "漏了原句的内容：" + "".join(f"“{n}”" for n in missing)),
        (not damaged, "没有用原样版受损的写法",
         "用了原样版受损的写法：" + "".join(f"“{w}”" for w in damaged) + "（按勘误后版本写）"),
        (not _ASCII.search(text), "用的是全角标点", "有半角标点（, ; : ! ? ( )）：正式的中文用全角标点"),
        (" " not in text and "\u3000" not in text, "没有多余的空格", "句子里有空格：中文里不加空格"),
        (text[-1:] == "。", "以句号结尾", "结尾没有句号"),
    ]
    try:
        notes = [f.message.rstrip("。") for f in lint(load(text, name="拆句")) if f.severity != "info"]
    except Exception as exc:  # noqa: BLE001 - feedback must not break a student's check
        notes = [f"文风检查未能运行（{type(exc).__name__}），请教师留意"]
    return [(ok, good if ok else bad) for ok, good, bad in rules], list(dict.fromkeys(notes))


#: Plausible wrong texts: the original unsplit; a formulation dropped; ASCII commas;
#: the raw edition's damage back; six pieces, one a fragment; a formulation back-translated;
#: the transition sentence taken along.
WRONG = [
    ORIGINAL,
    MODEL.replace("，增强组织力、引领力、服务力和大局贡献度", ""),
    MODEL.replace("，", ","),
    MODEL.replace("习近平新时代", "习近平金平新时代").replace("团十八大", "党的十八大"),
    MODEL.replace("，认真履行职责，", "。认真履行职责。").replace("，不断保持", "。不断保持"),
    MODEL.replace("增强组织力、引领力、服务力和大局贡献度", "增强组织、领导、服务能力和总揽全局的能力"),
    ORIGINAL + "重点关注以下几个方面。",
]
