"""The title block: title, 题注, speaker, salutation, 主送机关 — and what stands among them
that is not the report (docs/structure.md, "The title block").

Two frames are read:

- **framed by a salutation** (a speech): when a salutation (``各位代表：``)
  stands near the top and every line above it is short, the lines from the
  版头 to the salutation are the title block. Each is the title, a 题注, the
  speaker or residue: the title is the title line nearest the report (the
  one above the last 题注, or above the salutation), a line that names the
  文种 (``…政府工作报告``) preferred; an earlier copy of it is a repeat;
  everything else (a page's headline, a photo caption, a 来源 line, the
  page's buttons) is residue, with its reason;
- **read line by line** otherwise (a document, a copy without salutation):
  title, 题注, speaker and 主送机关 in order, as GB/T 9704 sets them; the
  first line that is none of them starts the body. A repeat of the title
  (a database prints it twice) and a page's information line are residue.
"""

from __future__ import annotations

import re

from baogao.structure.doctypes import ends_with_doc_type
from baogao.structure.lines import (
    SALUTATION,
    SUBTITLE,
    addressee_line,
    speaker_line,
    speaker_pair,
    title_line,
)
from baogao.structure.residue import (
    TITLE_REPEAT,
    bracket_groups,
    breadcrumb,
    button_runs,
    furniture,
    label_line,
)
from baogao.text.markers import match_marker

__all__ = ["FRONT_LIMIT", "FRONT_LINE_MAX", "TITLE_BLOCK", "mark_title_block", "top_furniture"]

TITLE_BLOCK = 8  # lines after the 版头 in which a document's title, 题注 and 主送机关 are looked for
FRONT_LIMIT = 30  # lines from the top in which a speech's salutation closes its title block
FRONT_LINE_MAX = 80  # characters: a longer line is body text, so no salutation below it frames a title block
#: A caption's sentence about the report being delivered: 省长赵刚作政府工作报告, 张工作政府工作报告。
_NARRATES = re.compile(r"(?<!工)作.{0,8}报告[。！]?$")


def _despaced(text: str) -> str:
    return re.sub(r"[\u3000 ]", "", text)


def subtitle_line(text: str) -> bool:
    return bool(SUBTITLE.match(text)) and len(text) <= 80 and "。" not in text


def _named(text: str) -> bool:
    """A title line that names its 文种 (…政府工作报告, 政 府 工 作 报 告, …的公告)."""
    return ends_with_doc_type(_despaced(text))


def _mark(kinds: list[str], reasons: dict[int, str], i: int, reason: str) -> None:
    kinds[i] = "boilerplate"
    reasons[i] = reason


def top_furniture(texts: list[str], kinds: list[str], reasons: dict[int, str], stop) -> None:
    """The page's furniture above the title block: buttons, controls, breadcrumb, labels, time stamps,
    up to the first line that is none of them (or that ``stop`` says is a 版头 line)."""
    top = [i for i in range(min(len(texts), FRONT_LIMIT)) if kinds[i] in ("paragraph", "boilerplate")]
    known = frozenset(i for i in top if kinds[i] == "boilerplate")
    order = [i for i in top if i not in known]
    found = {**button_runs(texts, top, known=known), **bracket_groups(texts, order), **breadcrumb(texts, order)}
    for i in order:
        reason = found.get(i) or (None if stop(texts[i]) else furniture(texts[i]))
        if reason is None:
            break
        _mark(kinds, reasons, i, reason)


def mark_title_block(texts: list[str], kinds: list[str], reasons: dict[int, str], start: int) -> int:
    """Mark the title block from ``start`` (after the 版头); return where the body starts."""
    salutation = _framing_salutation(texts, kinds, start)
    if salutation is not None:
        _framed(texts, kinds, reasons, start, salutation)
        kinds[salutation] = "salutation"
        return salutation + 1
    return _line_by_line(texts, kinds, reasons, start)


def _framing_salutation(texts: list[str], kinds: list[str], start: int) -> int | None:
    for i in range(start, min(len(texts), start + FRONT_LIMIT)):
        if kinds[i] == "boilerplate":
            continue
        if SALUTATION.match(texts[i]):
            return i
        if len(texts[i]) > FRONT_LINE_MAX or kinds[i] != "paragraph":
            return None
    return None


def _framed(texts: list[str], kinds: list[str], reasons: dict[int, str], start: int, end: int) -> None:
    """Title, 题注 and speaker between the 版头 and the salutation; everything else is residue."""
    every = [i for i in range(start, end) if kinds[i] in ("paragraph", "boilerplate")]
    known = frozenset(i for i in every if kinds[i] == "boilerplate")
    region = [i for i in every if i not in known]
    found = {**button_runs(texts, every, known=known), **bracket_groups(texts, region),
             **breadcrumb(texts, region)}
    for i in region:
        if i not in found and (reason := furniture(texts[i])):
            found[i] = reason
    # The value of a label that stands alone (来源： / 四川日报).
    for pos, i in enumerate(region[:-1]):
        label, nxt = label_line(texts[i]), region[pos + 1]
        if label and not label[1] and nxt not in found and len(texts[nxt]) <= 30 \
                and not re.search(r"[。！？]", texts[nxt]) and not subtitle_line(texts[nxt]) \
                and not speaker_line(texts[nxt]) and not _named(texts[nxt]):
            found[nxt] = f"网页信息栏“{label[0]}”的内容"
    for i, reason in found.items():
        _mark(kinds, reasons, i, reason)
    rest = [i for i in region if i not in found]
    subtitles = [i for i in rest if subtitle_line(texts[i])]
    anchor = subtitles[-1] if subtitles else end
    candidates = [i for i in rest if i < anchor and title_line(texts[i]) and not speaker_line(texts[i])
                  and not subtitle_line(texts[i]) and not _NARRATES.search(texts[i])]
    named = [i for i in candidates if _named(texts[i])]
    title = (named or candidates or [None])[-1]
    titles = []
    if title is not None:
        titles = [title]
        before = title - 1
        if before in rest and _continues_speech_title(texts[before], texts[title]):
            titles.insert(0, before)
        for i in titles:
            kinds[i] = "title"
    seen = {_despaced(texts[i]) for i in titles}
    after = titles[-1] if titles else start - 1
    pos = 0
    left = [i for i in rest if kinds[i] == "paragraph"]
    while pos < len(left):
        i = left[pos]
        nxt = left[pos + 1] if pos + 1 < len(left) else None
        if i > after and subtitle_line(texts[i]):
            kinds[i] = "subtitle"
        elif i > after and speaker_line(texts[i]):
            kinds[i] = "speaker"
        elif i > after and nxt == i + 1 and speaker_pair(texts[i], texts[nxt]):
            kinds[i] = kinds[nxt] = "speaker"
            pos += 1
        else:
            _mark(kinds, reasons, i, _leftover_reason(texts, i, seen, subtitles, after))
        pos += 1


def _continues_speech_title(first: str, text: str) -> bool:
    """A speech's title set on two lines: 2026年河北省 / 政府工作报告."""
    return (_named(text) and not _named(first) and title_line(first) and len(first) + len(text) <= 40
            and bool(re.search(r"(省|市|区|县|州|盟|旗|自治区|政府|委员会|[0-9０-９]{4}年)$", first)))


def _leftover_reason(texts: list[str], i: int, titles: set[str], subtitles: list[int], after: int) -> str:
    text = _despaced(texts[i])
    if text in titles:
        return TITLE_REPEAT
    if any(text == _despaced(texts[s]) for s in subtitles if s != i) or (subtitle_line(texts[i]) and i < after):
        return "重复的题注"
    if i > 0 and text == _despaced(texts[i - 1]):
        return "重复的一行"
    if _named(texts[i]) and i < after:
        return "网页上的标题"
    if "。" in text or _NARRATES.search(text) or len(text) > 30:
        return "图片说明或新闻导语"
    return "标题区中不属于报告的文字"


def _line_by_line(texts: list[str], kinds: list[str], reasons: dict[int, str], start: int) -> int:
    """Title, 题注, speaker, salutation and 主送机关 in order; return where the body starts."""
    seen_title = False
    i, read = start, 0
    while i < len(texts) and read < TITLE_BLOCK:
        text = texts[i]
        if kinds[i] == "boilerplate":
            i += 1
            continue
        read += 1
        if SALUTATION.match(text):
            kinds[i] = "salutation"
            return i + 1
        if subtitle_line(text):
            kinds[i] = "subtitle"
        elif seen_title and (after := _addressee(texts, kinds, i)):
            return after
        elif not seen_title and title_line(text):
            kinds[i] = "title"
            seen_title = True
        elif seen_title and _despaced(text) == _despaced(texts[_last(kinds, i, "title")]):
            # The title printed twice (a database's headline, then the document's own): the one
            # next to the text is the title, the first a repeat.
            first = _last(kinds, i, "title")
            _mark(kinds, reasons, first, TITLE_REPEAT)
            kinds[i] = "title"
        elif seen_title and kinds[i - 1] == "title" and _continues_title(texts[i - 1], text):
            kinds[i] = "title"  # a title set on two lines: 发文机关 / 关于……的通知
        elif seen_title and speaker_line(text):
            kinds[i] = "speaker"
        elif seen_title and _NARRATES.search(text) and len(text) <= 40:
            _mark(kinds, reasons, i, "图片说明或新闻导语")  # 省长某某作政府工作报告
        elif (reason := furniture(text)) and (not seen_title or label_line(text) is None):
            _mark(kinds, reasons, i, reason)  # above the title any furniture; below it no label line
        else:
            return i
        i += 1
    return i


def _last(kinds: list[str], i: int, kind: str) -> int:
    return next(k for k in range(i - 1, -1, -1) if kinds[k] == kind)


def _continues_title(first: str, text: str) -> bool:
    """The second line of a title broken before 关于 or inside it (…关于开展 / ……的通知)."""
    if len(text) > 60 or match_marker(text) is not None or re.search(r"[。！？；：:!?;，,]", text):
        return False
    return (ends_with_doc_type(text) and not ends_with_doc_type(first)
            and (text.startswith("关于") or "关于" in first))


def _addressee(texts: list[str], kinds: list[str], i: int) -> int | None:
    """主送机关 at i (one line ending in ：, or a list of organs wrapped over lines ending in ，/、):
    mark it and return the index after it."""
    j = i
    while j < len(texts) and j - i < 4 and addressee_line(texts[j], last=False):
        j += 1
    if j < len(texts) and addressee_line(texts[j], last=True):
        for k in range(i, j + 1):
            kinds[k] = "addressee"
        return j + 1
    return None
