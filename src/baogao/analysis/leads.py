"""Paragraphs by what they do: lead sentences by form, section intros, and the words of an
account of work that speak of what is still to be done.

- ``lead_pattern(sentence)``: the form of a lead sentence (主旨句, ``tables.lead_sentences``):
  ``circumstance`` 在……中…… (the field, then the role played in it), ``adverb_verb``
  状语＋动词＋宾语 (how and what was done), ``verb_object`` 动词＋宾语 (what was done),
  ``subject`` 主语＋谓语 (what became of a field of work: in a review, its result). ``lead_table(report)``: the leads with their form.
- ``section_intros(report)``: the intro paragraph (总述段) of each first-level section,
  also of a section whose heading was lost (the numbering check places it);
  ``intro_moves(text)`` splits an intro at its turn to the year's work (一年来 …).
- ``paragraph_roles(report)``: every body paragraph's role: opening, section intro,
  lead paragraph, a closing part of the report, other.
- ``forward_words(text)``: 要 (a requirement) and 将 (the future) outside quotations;
  an account of work done (工作回顾) states what was done and uses neither.

These are readings of the text's surface, as a teacher of report writing describes
it; the forms are found from the first words (the kit's list of official-style
adverbs and verbs, then jieba's tag of the first word), the turn from a time
phrase at the start of a sentence. A sentence that fits no rule is said to be of
the last form, ``subject``; a report without headings has no intros.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from baogao.analysis.tables import body_paragraphs, tables
from baogao.lazy import pandas as pd
from baogao.structure.parts import PART_NAMES
from baogao.text.lexicon import style_word_entries
from baogao.text.sentences import count_chars, sentence_spans
from baogao.text.tokens import cut_pairs

#: Form → its Chinese name, in the order lessons show them.
PATTERNS = {
    "adverb_verb": "状语＋动词＋宾语",
    "verb_object": "动词＋宾语",
    "circumstance": "在……中……",
    "subject": "主语＋谓语",
}
#: Form → what a lead of that form says, in Chinese.
PATTERN_MEANINGS = {
    "adverb_verb": "做了什么，怎样做的（努力、切实、不断……）",
    "verb_object": "做了什么",
    "circumstance": "在什么场合、领域里发挥了什么作用",
    "subject": "某项工作或某个组织怎样了：回顾里用来报告成效（不断提高、迈上新台阶）",
}

#: Adverbs that open a lead used adverbially besides the kit's official-style adverbs
#: (``style_words.txt``): 系统评价, 继续深化, 精心组织.
EXTRA_ADVERBS = ("系统", "继续", "精心", "集中", "普遍", "有效", "高质量")
_CIRCUMSTANCE = re.compile(r"^在[^，,；;：:]{1,24}?[中里上内](?=[^，,；;：:]{2,})")
_FINAL = "。！？!?；;…”’」』）)"


def _adverbs() -> tuple[str, ...]:
    words = [w for w, category, _ in style_word_entries() if category in ("adverb", "intensifier")]
    return tuple(sorted(set(words) | set(EXTRA_ADVERBS), key=len, reverse=True))


def _verbs() -> frozenset[str]:
    return frozenset(w for w, category, _ in style_word_entries() if category == "verb")


def lead_pattern(sentence: str) -> str:
    """The form of a lead sentence: a key of ``PATTERNS``.

    ``在乡村振兴的广阔天地里担当责任。`` is ``circumstance``; ``努力提高覆盖率。``
    ``adverb_verb``; ``推动务实的青年服务项目。`` ``verb_object``;
    ``少先队建设迈上新台阶。`` ``subject``. A prepositional phrase other than 在……中
    (用改革办法推动……, 以……为抓手……) is an adverbial too: ``adverb_verb``.
    """
    text = sentence.strip().rstrip(_FINAL).strip()
    if _CIRCUMSTANCE.match(text):
        return "circumstance"
    for adverb in _adverbs():
        rest = text[len(adverb):]
        if text.startswith(adverb) and count_chars(rest) >= 2 and not rest.startswith("的"):
            return "adverb_verb"  # 积极拓展…, not 积极的财政政策…
    pairs = [(w, t) for w, t in cut_pairs(text) if w.strip()]
    if pairs:
        word, tag = pairs[0]
        if tag == "p":
            return "adverb_verb"
        if word in _verbs() or (tag.startswith("v") and tag != "vn") or any(
                word.startswith(v) for v in _verbs()):
            return "verb_object"
        if len(pairs) > 2 and pairs[1][0] in ("和", "与") and pairs[2][1] == "v":
            return "verb_object"  # 稳定和扩大消费: two verbs, one object
    return "subject"


def lead_table(report) -> pd.DataFrame:
    """The report's lead sentences: line, text, chars, pattern (a key of ``PATTERNS``)."""
    leads = tables(report).leads
    frame = leads[["line", "text", "chars"]].copy()
    frame["pattern"] = [lead_pattern(t) for t in frame["text"]]
    return frame.reset_index(drop=True)


def lead_lines(report) -> set[int]:
    return {int(x) for x in tables(report).leads["line"]}


def unled_paragraphs(report) -> list:
    """Body paragraphs that do not open with a lead sentence."""
    leads = lead_lines(report)
    return [p for p in body_paragraphs(report) if p.line not in leads]


# -- section intros ---------------------------------------------------------------
#: A time phrase opening a sentence: the intro turns from why to what was done.
TURN = re.compile(r"^(一年来|过去一年|过去的一年|今年以来|本年度|近年来|几年来|"
                  r"[一二三四五六七八九十两0-9]+年来|[12][0-9]{3}年以来)")
#: A sentence that states the overall result.
RESULT = re.compile(r"^(从总体上看|总的来看|总体上看|总体来看|总体而言|实践证明|事实证明)|"
                    r"取得了?[^。，,；;]{0,12}(成果|成效|进展|成绩|成就)")

MOVES = {"ground": "意义或背景", "requirement": "要求", "work": "做法", "result": "总体成效"}


@dataclass(frozen=True)
class Intro:
    """The intro paragraph of a section.

    ``line``: its line; ``heading_line``: the line of the heading it follows, None
    when the section's heading was lost (``lost`` is then the number the heading
    should carry, e.g. "四"); ``text``: the paragraph.
    """

    line: int
    heading_line: int | None
    text: str
    lost: str = ""


def section_intros(report, level: int = 1) -> list[Intro]:
    """The intro paragraph of each section of ``level``, in order: the first body
    paragraph right after the heading, when it does not open with a lead sentence and
    the section goes on with more paragraphs (a section of one paragraph has no
    intro); and the paragraph where the numbering check places a lost heading
    (``原标题缺失``)."""
    outline = report.outline()
    body = body_paragraphs(report)
    leads = lead_lines(report)
    heading_lines = sorted(h.line for h in outline.headings)
    found: dict[int, Intro] = {}
    for h in outline.headings:
        if h.level != level or h.run_in:
            continue
        nxt = next((x for x in heading_lines if x > h.line), None)
        end = next((x.line for x in outline.headings if x.line > h.line and x.level <= level), None)
        inside = [p for p in body if p.line > h.line and (end is None or p.line < end)]
        first = inside[0] if inside and (nxt is None or inside[0].line < nxt) else None
        if first is not None and first.line not in leads and len(inside) >= 2:
            found[first.line] = Intro(first.line, h.line, first.text)
    by_line = {p.line: p for p in body}
    for issue in outline.numbering_issues:
        if issue.kind == "gap" and issue.next_heading is not None and issue.line in by_line:
            p = by_line[issue.line]
            found[p.line] = Intro(p.line, None, p.text, lost=issue.expected)
    return [found[line] for line in sorted(found)]


def intro_moves(text: str) -> list[tuple[str, str]]:
    """(move, sentence) for each sentence of an intro paragraph; move is a key of
    ``MOVES``. Sentences before the turn (一年来 …) give the ground, or a
    requirement (要…, 必须…); the turn and what follows it, the work; a sentence
    that states the overall result (从总体上看…, 取得了…成果) is ``result``
    wherever it stands. Without a turn, every sentence is ground or result."""
    sentences = [text[a:b] for a, b in sentence_spans(text)]
    turn = next((i for i, s in enumerate(sentences) if TURN.match(s.strip())), len(sentences))
    out = []
    for i, s in enumerate(sentences):
        if RESULT.search(s.strip()):
            move = "result"
        elif i >= turn:
            move = "work"
        elif re.match(r"^(要|必须|应当|务必)", s.strip()):
            move = "requirement"
        else:
            move = "ground"
        out.append((move, s))
    return out


def turn_of(text: str) -> str | None:
    """The time phrase an intro turns with (``一年来``), or None."""
    for a, b in sentence_spans(text):
        m = TURN.match(text[a:b].strip())
        if m:
            return m.group(0)
    return None


# -- every body paragraph's role -----------------------------------------------------
ROLES = {
    "opening": "开头段",
    "intro": "总述段",
    "intro_lost": "总述段（本部分标题缺失）",
    "lead": "主旨句段",
    "closing": "结尾部分",
    "other": "其他段落",
}


def paragraph_roles(report) -> list[tuple[object, str, str]]:
    """(paragraph, role, part) for every body paragraph: role is a key of ``ROLES``;
    part is the Chinese name of the closing part (自身建设, 致谢, 经验体会, 下一步打算 …)
    for a paragraph of a part that stands on its own after the last section, else "".

    The opening is what comes before the first first-level heading (a run-in one too:
    一、时间地点。… in a request).
    """
    outline = report.outline()
    level1 = [h.line for h in outline.headings if h.level == 1]
    first_heading = min(level1) if level1 else None
    intros = {i.line: i for i in section_intros(report)}
    leads = lead_lines(report)
    standalone = sorted((p.line, p.kind) for p in outline.parts if p.standalone)
    out = []
    for p in body_paragraphs(report):
        part = next((kind for line, kind in reversed(standalone) if line <= p.line), None)
        if first_heading is not None and p.line < first_heading:
            role = "opening"
        elif p.line in intros:
            role = "intro" if intros[p.line].heading_line is not None else "intro_lost"
        elif p.line in leads:
            role = "lead"
        elif part is not None:
            role = "closing"
        else:
            role = "other"
        out.append((p, role, PART_NAMES.get(part, "") if role == "closing" else ""))
    return out


# -- 要 and 将 --------------------------------------------------------------------------
FORWARD = {"requirement": "要（提出要求）", "future": "将（说将来）"}
_QUOTED = re.compile(r"“[^”]*”|「[^」]*」|\"[^\"]*\"")
#: Tags of what may follow the modal 要 (a verb, an adverb, an idiom, 把/以/在 …).
_AFTER_YAO = ("v", "d", "a", "b", "i", "l", "p", "z")


def forward_words(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, word, kind) of each 要 that states a requirement and each 将 that
    speaks of the future, outside quotation marks; kind is a key of ``FORWARD``.

    要 counts when it is a word of its own followed by a verb or an adverb (要主动备战,
    要完善), not inside 重要, 要求, 需要; 将 counts when a verb or an adverb follows it
    (将进一步, 将召开), not when it means 把 (将志愿者招募培训……常态化). 即将 and 将要 are
    always the future.
    """
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    pairs = cut_pairs(text)
    out, at = [], 0
    spans = []
    for word, tag in pairs:
        spans.append((at, at + len(word), word, tag))
        at += len(word)
    for i, (a, b, word, tag) in enumerate(spans):
        if any(qa <= a < qb for qa, qb in quoted):
            continue
        nxt = next((s for s in spans[i + 1:] if s[2].strip()), None)
        nxt_tag = nxt[3] if nxt else ""
        if word == "要" and nxt_tag.startswith(_AFTER_YAO) and nxt_tag != "vn":
            out.append((a, b, word, "requirement"))
        elif word in ("即将", "将要") or (word == "将" and nxt_tag.startswith(("v", "d")) and nxt_tag != "vn"):
            out.append((a, b, word, "future"))
    return out
