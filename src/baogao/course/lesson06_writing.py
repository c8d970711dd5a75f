"""Lesson 06's writing exercise (q6): three 校对意见 on the specimen (raw edition), each with
where it is, the text quoted, the problem, what to do and its basis.

Feedback is structural: three items, numbered in one style and in order (the outline of the
slip); each names a raw line of the body and quotes words that are on that line; each says what
to do (改为、删去、补、请作者核对) and gives a basis (依据); full-width punctuation outside the
quotations. An item about an errata entry says so (its id and certainty). Where a quotation is an errata entry whose original is unknown, a definite correction
is flagged: a query, not a correction, is the honest answer. The linter's findings on the slip
itself (outside the quotations) are added as advice; a teacher has the last word.
"""

from __future__ import annotations

import re

from baogao.course.lesson06_measures import CERTAINTY_LABELS, errata
from baogao.exercises.problems import WritingProblem
from baogao.lint import lint
from baogao.sources.load import load
from baogao.sources.shipped import specimen
from baogao.text.markers import match_marker

ITEMS = 3
LINE = re.compile(r"第\s*(\d+)\s*行")
QUOTE = re.compile(r"“([^“”]+)”")
ACTION = re.compile(r"改为|改成|应为|应作|删去|删除|去掉|补上|补出|增补|加上|请作者核|请核|核对|核实|存疑")
CORRECTION = re.compile(r"改为|改成|应为|应作|删去|删除|去掉|补上|补出|增补|加上")
QUERY = re.compile(r"核对|核实|存疑|请作者")
BASIS = re.compile(r"(依据|根据|理由)[:：]?\s*\S")
ASCII = re.compile(r"[,;:!?()]")


def items(text: str) -> list[str]:
    """The slip's items: its non-empty lines."""
    return [s.strip() for s in text.strip().split("\n") if s.strip()]


def _unquoted(item: str) -> str:
    return QUOTE.sub("", item)


def _quoted_on_line(item: str) -> tuple[int | None, list[str]]:
    """The raw line the item names and its quotations that are words of that line; none when
    its first quotation (the original, quoted) is not on that line."""
    raw = specimen()
    m = LINE.search(item)
    if not m or not 1 <= int(m.group(1)) <= len(raw.lines):
        return None, []
    line = int(m.group(1))
    text = raw.line(line).text
    quotes = QUOTE.findall(item[m.end():])
    found = [q for q in quotes if q in text or q.replace("，", ",") in text]
    return line, found if quotes and quotes[0] in found else []


def unknown_entries(line: int, quotes: list[str]) -> list[str]:
    """Errata entries on ``line`` whose original is unknown and whose text a quotation holds."""
    e = errata()
    rows = e[(e["line"] == line) & (e["certainty"] == "unknown")]
    return [r.id for r in rows.itertuples() if any(r.text in q.replace("，", ",") or q.replace("，", ",") in r.text
                                                   for q in quotes if len(q) >= 2)]


def _errata_notes(line: int, quotes: list[str]) -> list[str]:
    e = errata()
    out = []
    for r in e[e["line"] == line].itertuples():
        if any(len(q) >= 2 and (r.text in q.replace("，", ",") or q.replace("，", ",") in r.text) for q in quotes):
            out.append(f"第 {line} 行的这一处，勘误表也收了（{r.id}，把握：{CERTAINTY_LABELS[r.certainty]}）")
    return out


def _numbering(parts: list[str]) -> tuple[bool, str]:
    markers = [match_marker(p) for p in parts]
    if any(m is None for m in markers):
        return False, "每一条以编号开头（1. 2. 3.，或（一）（二）（三））"
    if len({m.style for m in markers}) > 1:
        return False, "三条的编号样式不一致：用同一种编号"
    if [m.number for m in markers] != list(range(1, len(markers) + 1)):
        return False, "编号要从 1 起、依次连续"
    return True, "三条编号一致、依次连续"


def task(report=None) -> str:
    return ("就样本报告（原样版）写三条校对意见，每条一行，编号 1. 2. 3.：写明第几行，用引号照录原文，"
            "说明问题，提出处理意见（改为……、删去……，没有把握的写“请作者核对”），再写依据"
            "（标准、本文别处的写法、文件原文或推理）。用全角标点（引文照录原样）。")


def feedback(text, report=None):
    """(checks, notes) on three 校对意见, read against the raw specimen."""
    parts = items(text)
    checks = [(len(parts) == ITEMS, f"写了 {ITEMS} 条" if len(parts) == ITEMS
               else f"写了 {len(parts)} 条：要写 {ITEMS} 条，每条一行"), _numbering(parts)]
    problems: list[str] = []  # what an item lacks
    found: list[str] = []  # the errata entries the items are about
    for n, item in enumerate(parts[:ITEMS], 1):
        line, quotes = _quoted_on_line(item)
        if line is None:
            problems.append(f"第 {n} 条没有写明是原样版的第几行（“第 N 行”）")
            continue
        if not quotes:
            problems.append(f"第 {n} 条的引文不在原样版第 {line} 行：引文照原样版抄录（半角逗号也照录）")
        if not ACTION.search(_unquoted(item)):
            problems.append(f"第 {n} 条没有处理意见：写“建议改为……”“建议删去……”或“请作者核对”")
        if not BASIS.search(item):
            problems.append(f"第 {n} 条没有写依据：写“依据：……”")
        unknown = unknown_entries(line, quotes)
        if unknown and CORRECTION.search(_unquoted(item)) and not QUERY.search(_unquoted(item)):
            problems.append(f"第 {n} 条直接改了字，可勘误表把这一处记为原文不明（{unknown[0]}）："
                            "没有把握的地方提出疑问，请作者核对")
        found += _errata_notes(line, quotes)
    checks += [(False, m) for m in problems] or [(True, "每一条都有行号、引文、处理意见和依据")]
    outside = "".join(_unquoted(p) for p in parts)
    checks.append((not ASCII.search(outside), "引文以外用的是全角标点" if not ASCII.search(outside)
                   else "引文以外有半角标点（, ; : ! ? ( )）：校对意见本身用全角标点"))
    checks += [(True, m) for m in dict.fromkeys(found)]
    return checks, list(dict.fromkeys(_lint_notes(text)))


def _lint_notes(text: str) -> list[str]:
    """The linter's findings on the slip itself, outside its quotations, as advice."""
    try:
        report = load(text.strip() or " ", name="校对意见")
        findings = lint(report)
    except Exception as exc:  # noqa: BLE001 - feedback must not break a student's check
        return [f"校对工具未能运行（{type(exc).__name__}），请教师留意"]
    quoted = [(m.start(), m.end()) for m in QUOTE.finditer(report.text)]
    return [f.message.rstrip("。") for f in findings if f.family != "style" and f.family != "document"
            and not any(a <= f.start < b for a, b in quoted)]


MODEL = (
    "1. 第 7 行“领会习金平新时代中国特色社会主义思想”：领导人姓名有误，建议改为“习近平新时代中国特色社会主义思想”。"
    "依据：本文第 3 行等处均作“习近平”；规范提法以中央文件原文为准，一字不差。\n"
    "2. 第 21 行两处“十五”（纳入……规划和2035年远景目标纲要；与……规划中的13个国家专项规划相衔接）：与报告所述的年份不符，建议改为“十四五”。"
    "依据：推理，与 2035 年远景目标纲要一起制定的是“十四五”规划，第十个五年计划是 2001—2005 年的；本文第 15、16 行亦作“十四五”。\n"
    "3. 第 31 行“出台《青联委员履职”：前书名号没有对应的后书名号，建议在“实施细则”之后补上“》”。"
    "依据：GB/T 15834-2011《标点符号用法》，书名号成对使用。")
#: Another acceptable slip: a latin residue, a repetition, and a query where the original is unknown.
OTHER = (
    "（一）第 23 行“NPC代表、CPPCC委员”：中文文稿中夹用英文缩写，建议改为“人大代表、政协委员”。依据：写作惯例，中文公文写中文名称，不夹用外文缩写。\n"
    "（二）第 33 行“晋级晋级入团”：“晋级”重复，建议删去一个。依据：同一词语连写两遍，文意不通。另请作者核对“晋级入团”是否为“推优入团”之误。\n"
    "（三）第 20 行“新时期青年工作”：党的十九大以后一般称“新时代”，此处是否为原文写法，请作者核对。依据：党的十九大报告作出中国特色社会主义进入新时代的判断，本文多处作“新时代”；但“新时期”也可能是原文的写法。")

Q6 = WritingProblem(
    name="q6", title="写三条校对意见", variable="q6_answer", task=task, feedback=feedback, model_answer=MODEL,
    rubric=["三条，每条一行，编号一致；写明原样版第几行，引文照录原文（半角标点也照录），读者凭它能找到那一处",
            "说明问题时用规范的说法（人名错误、书名号不成对、外文缩写……），不写“这里不对”一类空话",
            "处理意见明确：有把握的写“建议改为……”“建议删去……”；没有把握的写“请作者核对”，不凭猜测改字",
            "依据具体：国家标准写名称和条目（GB/T 15834-2011《标点符号用法》，书名号），本校写本文哪一行，"
            "他校写文件的名称，推理写出推理的前提",
            "语气平和、措辞正式，全角标点，不替作者重写句子"],
    hints=["先从勘误后版本对照里挑三处你有把握的错误（第六节），一处是标点、一处是人名或提法、一处要靠推理，"
           "每条照这个次序写：第几行 → “原文” → 问题 → 处理意见 → 依据。",
           "例如：“1. 第 7 行“……”：……有误，建议改为“……”。依据：本文第 3 行等处均作……。”"
           "勘误表记为“不确定”的地方，处理意见写“请作者核对”。"],
    right_answers=[OTHER],
    wrong_answers=[lambda r: specimen().line(7).text,
                   "\n".join(MODEL.split("\n")[:2]),
                   MODEL.replace("依据：GB/T 15834-2011《标点符号用法》，书名号成对使用。", ""),
                   MODEL.replace("第 7 行", "第 8 行"),
                   MODEL.replace("：领导人姓名有误，", ",领导人姓名有误,"),
                   MODEL.replace("3. 第 31 行", "4. 第 31 行"),
                   OTHER.replace("此处是否为原文写法，请作者核对", "建议改为“新时代”")],
)
