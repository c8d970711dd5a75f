"""Formulations put in the wrong frame, and formulations reworded.

The near-miss rules (``formulations.py``; the search is in ``_lexicon.py``)
find a standard formulation with a character or two wrong. The mistakes here
keep every character of the words they use and still break the formulation:

- a formulation that is the object of a fixed verb, written without it
  (以中华民族共同体意识为主线 for 以铸牢中华民族共同体意识为主线);
- a fixed series with a member lost (各族青年的交流交融 for 交往交流交融);
- another organisation's formulation (共青团全面从严治党 for 全面从严治团);
- a fixed prefix opening a free phrase (全面从严管理共青团);
- a fixed list after the words that introduce it, its items reworded
  (做中国人的志向、主心骨和信心 for 做中国人的志气、骨气、底气);
- a quoted formulation reworded beyond a near miss, as machine rewriting and
  back-translation do (“急难忧” for 急难愁盼, “危机中可以转机” for 危可转机).

All of it is read from the ``proofing.txt`` dictionary (format in its header;
read by ``_lexicon.dictionary()``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from baogao.lint._lexicon import (
    LIST_SEPARATORS,
    NUMERALS,
    REF,
    dictionary,
    known,
    misses,
)
from baogao.lint.registry import rule
from baogao.text.sentences import sentence_spans

# Where a phrase after a fixed prefix or anchor ends; a list runs over its 顿号.
_BREAKS = "，,。；;：:！？!?“”（）()"
_CLAUSE_END = re.compile(f"[、{_BREAKS}]")
_LIST_END = re.compile(f"[{_BREAKS}]")
_LIST_MARKS = re.compile(f"[{''.join(sorted(LIST_SEPARATORS))}]")


def _sentence(text: str, a: int) -> str:
    """The sentence of a paragraph's text (the kit's sentence model) around offset ``a``."""
    return next((text[s:e] for s, e in sentence_spans(text) if s <= a < e), text)


@rule("formulation-missing-verb", family="formulations", severity="error",
      title="固定提法漏了动词", reference=REF,
      positive="以中华民族共同体意识为主线，做好民族工作。",
      negative="以铸牢中华民族共同体意识为主线，做好民族工作。")
def formulation_missing_verb(ctx):
    """A formulation that is the object of a fixed verb (铸牢中华民族共同体意识),
    written after a coverb (以、把、将) without its verb: 以中华民族共同体意识为主线."""
    for text, verb, coverbs, note in dictionary()["governed"]:
        pattern = re.compile(f"({'|'.join(map(re.escape, coverbs))})[“‘]?{re.escape(text)}")
        for p, m in ctx.matches(pattern):
            coverb = m.group(1)
            yield ctx.finding_at(p, m.start(), m.end(),
                                 f"“{m.group()}”漏了动词“{verb}”，规范表述为“{coverb}{verb}{text}”：{note}。",
                                 coverb + verb + m.group()[len(coverb):])


def _partial_forms(whole: str) -> list[str]:
    """The series with one member lost: 交往交流交融 → 交流交融, 交往交融, 交往交流."""
    members = [whole[i:i + 2] for i in range(0, len(whole), 2)]
    return ["".join(members[:i] + members[i + 1:]) for i in range(len(members))]


@rule("series-member-lost", family="formulations", severity="warning",
      title="固定并列提法少了一项", reference=REF,
      positive="认真做好各族青年的交流交融工作。", negative="促进各民族交往交流交融。")
def series_member_lost(ctx):
    """A fixed series (交往交流交融) with a member lost, in a sentence about what the
    series belongs to (民族、各族)."""
    for whole, cues, note in dictionary()["series"]:
        partial = re.compile("|".join(map(re.escape, _partial_forms(whole))))
        for p, m in ctx.matches(partial):
            if any(w.start() <= m.start() < w.end() for w in re.finditer(re.escape(whole), p.text)):
                continue
            sentence = _sentence(p.text, m.start())
            if not any(c in sentence for c in cues):
                continue
            yield ctx.finding_at(p, m.start(), m.end(),
                                 f"“{m.group()}”少了一项，规范表述为“{whole}”：{note}。", whole)


@rule("counterpart-formulation", family="formulations", severity="warning",
      title="提法的主体不对", reference=REF,
      positive="不断推进共青团全面从严治党。", negative="共青团认真落实全面从严治党要求，扎实推进全面从严治团。")
def counterpart_formulation(ctx):
    """A formulation that belongs to another organisation than the one its sentence
    speaks of: 共青团全面从严治党 for 全面从严治团. Not when it names that
    organisation's requirement or duty (落实全面从严治党要求、主体责任)."""
    for form, right, agents, exceptions, note in dictionary()["counterparts"]:
        pattern = re.compile(re.escape(form) + "(?!" + "|".join(map(re.escape, exceptions)) + ")")
        for p, m in ctx.matches(pattern):
            sentence = _sentence(p.text, m.start())
            agent = next((a for a in agents if a in sentence.replace(form, "")), None)
            if agent is None:
                continue
            yield ctx.finding_at(p, m.start(), m.end(),
                                 f"本句讲的是“{agent}”，应作“{right}”：{note}。", right)


@rule("formulation-prefix-misused", family="formulations", severity="warning",
      title="固定提法的开头接了别的话", reference=REF,
      positive="全面从严管理共青团，不断提高组织力。", negative="全面从严治团，不断提高组织力。")
def formulation_prefix_misused(ctx):
    """A prefix that opens only fixed formulations (全面从严治党、全面从严治团)
    followed by a free phrase: 全面从严管理共青团."""
    for prefix, members, note in dictionary()["families"]:
        for p, m in ctx.matches(re.compile(re.escape(prefix))):
            rest = p.text[m.end():]
            if any(rest.startswith(x) for x in members):
                continue
            clause = _CLAUSE_END.search(rest)
            phrase = rest[:clause.start() if clause else len(rest)][:10]
            if not phrase:
                continue
            # The member whose object the phrase names: 管理共青团 → 治团.
            fits = [x for x in sorted(members, key=len) if x[-1] in phrase]
            yield ctx.finding_at(p, m.start(), m.end() + len(phrase),
                                 f"“{prefix}{phrase}”不是规范提法：{note}。",
                                 prefix + fits[0] if fits else None)


@rule("anchored-series-changed", family="formulations", severity="warning",
      title="固定提法的并列项被改写", reference=REF,
      positive="要求广大青年坚定做中国人的志向、主心骨和信心。",
      negative="要求广大青年增强做中国人的志气、骨气、底气。")
def anchored_series_changed(ctx):
    """A fixed list after the words that always introduce it, with its items
    reworded: 做中国人的志向、主心骨和信心 for 做中国人的志气、骨气、底气."""
    for anchor, items, note in dictionary()["anchored"]:
        for p, m in ctx.matches(re.compile(re.escape(anchor))):
            rest = p.text[m.end():]
            clause = _LIST_END.search(rest)
            phrase = rest[:clause.start() if clause else len(rest)]
            found = [x for x in _LIST_MARKS.split(phrase) if x]
            if len(found) < 2 or _LIST_MARKS.sub("、", phrase).startswith(items):
                continue  # not a list, or the list itself (志气、骨气和底气 too) with more words after it
            yield ctx.finding_at(p, m.end(), m.end() + len(phrase),
                                 f"“{anchor}{phrase}”改写了固定提法，规范表述为“{anchor}{items}”：{note}。", items)


_QUOTED = re.compile(r"“([^“”]{2,24})”")
_NOT_CONTENT = NUMERALS | set("个项大条")


def _lcs(a: str, b: str) -> int:
    """Length of the longest common subsequence."""
    prev = [0] * (len(b) + 1)
    for ca in a:
        cur = [0]
        for j, cb in enumerate(b, 1):
            cur.append(prev[j - 1] + 1 if ca == cb else max(prev[j], cur[j - 1]))
        prev = cur
    return prev[-1]


def _shared_end(a: str, b: str) -> str:
    """The longer of the common prefix and the common suffix of a and b."""
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    k = 0
    while k < min(len(a), len(b)) and a[-1 - k] == b[-1 - k]:
        k += 1
    return a[:n] if n >= k else a[len(a) - k:]


@lru_cache(maxsize=4096)
def reworded(quoted: str) -> str | None:
    """The standard formulation a quoted phrase rewords, or None.

    The phrase must open or close with two of the formulation's own content
    characters (numerals and 个 do not count: “四个全面” is not “四个意识”
    reworded), keep at least half of its characters in order, and be neither
    half nor twice its length. If it keeps nothing but that shared end it must
    be the shorter (“急难忧”); a longer phrase that shares only an end is a
    phrase of its own (“爱国者治港”). Known entries, phrases that contain a
    formulation or are part of one, and numbered formulations with other
    numerals are not rewordings.
    """
    right, _ = known()
    if not re.fullmatch(r"[\u4e00-\u9fff、，,]+", quoted):
        return None
    if quoted in right or re.sub("[，,]", "、", quoted) in right:
        return None  # the entry itself; a wrong comma in it is the punctuation rules' business
    best = None
    for entry in dictionary()["formulations"]:
        if len(entry) < 4 or entry in quoted or quoted in entry:
            continue
        if not len(entry) / 2 <= len(quoted) <= 2 * len(entry):
            continue
        numerals = set(quoted) & NUMERALS, set(entry) & NUMERALS
        if all(numerals) and numerals[0] != numerals[1]:
            continue  # another numbered formulation: 团中央“六项规定” is not 中央八项规定
        shared = _shared_end(quoted, entry)
        if len([c for c in shared if c not in _NOT_CONTENT]) < 2:
            continue
        common = _lcs(quoted, entry)
        if common * 2 < len(entry):
            continue
        if common == len(shared) and len(quoted) >= len(entry):
            # Nothing kept but the shared end, and nothing dropped: a phrase of its
            # own (“爱国者治港”, “共同防御条约”), unless it is the shorter (“急难忧”).
            continue
        score = (common / len(entry), -abs(len(quoted) - len(entry)))
        if best is None or score > best[0]:
            best = (score, entry)
    return best[1] if best else None


@rule("quoted-formulation-reworded", family="formulations", severity="warning",
      title="引用的提法被改写", reference=REF,
      positive="针对青年发展中的“急难忧”出台了具体政策。", negative="针对青年发展中的“急难愁盼”出台了具体政策。")
def quoted_formulation_reworded(ctx):
    """A phrase in quotation marks that rewords a standard formulation beyond a near
    miss, as machine rewriting and back-translation do: “急难忧” for 急难愁盼,
    “危机中可以转机” for 危可转机. A quotation is meant to be exact."""
    near = {(p.index, a) for p, a, _, _, _ in misses(ctx, dictionary()["formulations"])}
    for p, m in ctx.matches(_QUOTED):
        entry = reworded(m.group(1))
        if entry is None or any(i == p.index and m.start(1) <= a < m.end(1) for i, a in near):
            continue
        yield ctx.finding_at(p, m.start(1), m.end(1),
                             f"引号中的“{m.group(1)}”与规范提法“{entry}”相近而不同，疑为改写：引用的提法须一字不差。",
                             entry)
