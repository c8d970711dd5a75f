"""Element kinds: what each paragraph of a report is (版头, title, 主送机关, 落款, 版记 …).

Only the block at the top (版头, title, 题注, speaker, salutation, 主送机关)
and the block at the end (closing formula, 附件说明, 落款, 附注, 版记) hold
special elements; everything between is body (paragraphs and headings,
which ``headings.py`` finds). Content-farm boilerplate is recognised
anywhere. The element kinds of GB/T 9704-2012 that a plain-text copy can
show are modelled; what only print shows (印章, 页码, the red separator) is
not. The patterns that recognise one line live in
``baogao.structure.lines``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from baogao.paragraphs import Paragraph
from baogao.structure.lines import (
    ANNEX,
    ATTACHMENT,
    CLOSING,
    DATE,
    NOTE,
    SALUTATION,
    SALUTATION_ONLY,
    SEPARATOR,
    SUBTITLE,
    addressee_line,
    annex_title,
    attachment_item,
    doc_number,
    ends_with_doc_type,
    footer_kind,
    header_kind,
    is_boilerplate,
    is_document_title,
    is_signature,
    organ_line,
    organ_name,
    signer_only,
    speaker_line,
    title_line,
)
from baogao.text.markers import match_marker

ELEMENT_KINDS = ("copy_number", "secrecy", "urgency", "issuer", "doc_number", "signer",
                 "title", "subtitle", "speaker", "salutation", "addressee", "heading",
                 "paragraph", "closing", "attachment", "signature", "date", "note", "annex",
                 "cc", "imprint", "boilerplate")

ELEMENT_NAMES = {
    "copy_number": "份号", "secrecy": "密级和保密期限", "urgency": "紧急程度",
    "issuer": "发文机关标志", "doc_number": "发文字号", "signer": "签发人",
    "title": "标题", "subtitle": "题注", "speaker": "报告人", "salutation": "称呼",
    "addressee": "主送机关", "heading": "小标题", "paragraph": "正文段落",
    "closing": "结束语", "attachment": "附件说明", "signature": "署名", "date": "成文日期",
    "note": "附注", "annex": "附件", "cc": "抄送机关", "imprint": "印发机关和印发日期",
    "boilerplate": "网站附加文字",
}

#: GB/T 9704-2012's 版头 and 版记, as element kinds (the 主体 is everything between).
HEADER_KINDS = ("copy_number", "secrecy", "urgency", "issuer", "doc_number", "signer")
FOOTER_KINDS = ("cc", "imprint")

HEADER_LIMIT = 8  # paragraphs a 版头 may take at the top
TITLE_BLOCK = 8  # paragraphs after the 版头 in which title, 题注, speaker and 主送机关 are looked for
MAX_SIGNATURES = 3  # lines of 发文机关署名 above one date (joint documents)
CLOSING_REACH = 3  # last body paragraphs in which a closing formula is looked for

#: ``doc_number``, ``is_boilerplate`` and ``is_document_title`` are read from here too.
__all__ = ["ELEMENT_KINDS", "ELEMENT_NAMES", "FOOTER_KINDS", "HEADER_KINDS", "Element", "classify",
           "doc_number", "is_boilerplate", "is_document_title"]


@dataclass(frozen=True)
class Element:
    """What one paragraph (non-blank line) of a report is; the outline has one per paragraph.

    - ``kind``: a key of ``ELEMENT_NAMES``. 版头: ``copy_number`` 份号,
      ``secrecy`` 密级和保密期限, ``urgency`` 紧急程度, ``issuer`` 发文机关标志,
      ``doc_number`` 发文字号 (also when 签发人 stands on the same line),
      ``signer`` 签发人 (on a line of its own). 主体: ``title`` 标题,
      ``subtitle`` 题注, ``speaker`` 报告人, ``salutation`` 称呼,
      ``addressee`` 主送机关, ``heading`` 小标题 (standalone; a run-in
      heading's paragraph stays ``paragraph``), ``paragraph`` 正文段落,
      ``closing`` 结束语, ``attachment`` 附件说明 (each line of the list),
      ``signature`` 署名, ``date`` 成文日期, ``note`` 附注, ``annex`` 附件 (the
      label ``附件1`` and the title of an attached text after the 落款; the
      text itself is body). 版记: ``cc``
      抄送机关, ``imprint`` 印发机关和印发日期. And ``boilerplate``
      网站附加文字;
    - ``line``: 1-based line of the report's text (of a .docx: paragraph);
    - ``text``: the paragraph as written, without indentation and trailing
      spaces (zero-width characters kept);
    - ``paragraph``: 1-based index in ``Report.paragraphs``.
    """

    kind: str
    line: int
    text: str
    paragraph: int

    def to_dict(self) -> dict:
        return {"kind": self.kind, "line": self.line, "text": self.text}


def classify(paragraphs: list[Paragraph]) -> list[str]:
    """One kind per paragraph; headings are left as 'paragraph' here."""
    kinds = ["paragraph"] * len(paragraphs)
    texts = [p.clean.strip() for p in paragraphs]
    for i, text in enumerate(texts):
        if is_boilerplate(text):
            kinds[i] = "boilerplate"
        elif SALUTATION_ONLY.match(text):
            kinds[i] = "salutation"  # 各位代表！ standing alone in the body
    start = _header(texts, kinds)
    body_start = _title_block(texts, kinds, start)
    _closing_block(texts, kinds, body_start)
    return kinds


def _header(texts: list[str], kinds: list[str]) -> int:
    """Mark the 版头 (份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人); return where it ends."""
    order = [i for i in range(min(len(texts), HEADER_LIMIT)) if kinds[i] != "boilerplate"]
    pos = 0
    while pos < len(order) and header_kind(texts[order[pos]]):
        kinds[order[pos]] = header_kind(texts[order[pos]])
        pos += 1
    # 发文机关标志: organ lines (several for a joint document) followed by a
    # 发文字号 or 签发人 line, or ending in 文件, or repeated at the start of the title.
    end = pos
    while end < len(order) and end - pos < 4 and organ_line(texts[order[end]]) \
            and not ends_with_doc_type(texts[order[end]]):
        end += 1
    if end > pos:
        nxt = texts[order[end]] if end < len(order) else ""
        last = texts[order[end - 1]]
        if (doc_number(nxt) or signer_only(nxt) or last.endswith("文件")
                or (nxt.startswith(last) and len(nxt) > len(last) and is_document_title(nxt))):
            for i in order[pos:end]:
                kinds[i] = "issuer"
            pos = end
    while pos < len(order) and (doc_number(texts[order[pos]]) or signer_only(texts[order[pos]])):
        kinds[order[pos]] = "doc_number" if doc_number(texts[order[pos]]) else "signer"
        pos += 1
    if pos == 0:
        return 0
    return order[pos - 1] + 1


def _title_block(texts: list[str], kinds: list[str], start: int) -> int:
    """Mark title, 题注, speaker, salutation and addressee; return body start."""
    seen_title = False
    i = start
    while i < len(texts) and i < start + TITLE_BLOCK:
        text = texts[i]
        if kinds[i] == "boilerplate":
            i += 1
            continue
        if SALUTATION.match(text):
            kinds[i] = "salutation"
            return i + 1
        if SUBTITLE.match(text) and len(text) <= 80 and "。" not in text:
            kinds[i] = "subtitle"
        elif seen_title and (after := _addressee(texts, kinds, i)):
            return after
        elif not seen_title and title_line(text):
            kinds[i] = "title"
            seen_title = True
        elif seen_title and kinds[i - 1] == "title" and _continues_title(texts[i - 1], text):
            kinds[i] = "title"  # a title set on two lines: 发文机关 / 关于……的通知
        elif seen_title and speaker_line(text):
            kinds[i] = "speaker"
        else:
            return i
        i += 1
    return i


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


def _closing_block(texts: list[str], kinds: list[str], body_start: int) -> None:
    """Mark, from the end up: 版记, 附件, 附注, 成文日期, 署名, 附件说明, and the closing formula."""
    order = [i for i in range(body_start, len(texts)) if kinds[i] == "paragraph"]
    pos = len(order) - 1
    # 版记: 抄送机关 and 印发机关和印发日期 (and the rules between them) at the very end.
    while pos >= 0 and (footer_kind(texts[order[pos]]) or SEPARATOR.match(texts[order[pos]])):
        kinds[order[pos]] = footer_kind(texts[order[pos]]) or "paragraph"
        pos -= 1
    date_k, notes = _dated(texts, order, pos)
    if date_k is None:
        # The 落款 before an attached text (附件 / 附件1, or its title, then the text).
        date_k, notes, annex = _dated_before_annex(texts, order, pos)
        for k in annex:
            kinds[order[k]] = "annex"
    date_at = None
    if date_k is not None:
        date_at = order[date_k]
        kinds[date_at] = "date"
        pos = date_k - 1
    elif notes:
        pos = notes[0] - 1
    signatures = []
    while pos >= 0 and len(signatures) < MAX_SIGNATURES and is_signature(texts[order[pos]]) \
            and not ATTACHMENT.match(texts[order[pos]]):
        signatures.append(order[pos])
        pos -= 1
    # 附件说明: a line 附件：… and the items aligned under it.
    run = pos
    while run >= 0 and (ATTACHMENT.match(texts[order[run]]) or attachment_item(texts[order[run]])):
        run -= 1
    heads = [k for k in range(run + 1, pos + 1) if ATTACHMENT.match(texts[order[k]])]
    if heads:
        for k in range(heads[0], pos + 1):
            kinds[order[k]] = "attachment"
        pos = heads[0] - 1
    closing = [order[k] for k in range(max(pos - CLOSING_REACH + 1, 0), pos + 1)
               if len(texts[order[k]]) <= 40 and CLOSING.match(texts[order[k]])]
    for i in closing:
        kinds[i] = "closing"
    if date_at is None and not closing:
        # No date and no closing formula: a short last line is not taken for a signature.
        signatures, notes = [], []
    for i in signatures:
        kinds[i] = "signature"
    for k in notes:
        kinds[order[k]] = "note"


def _dated(texts: list[str], order: list[int], pos: int) -> tuple[int | None, list[int]]:
    """The 成文日期 at the end (position in ``order``) and the 附注 under it (or under a 署名)."""
    top = pos
    while top >= 0 and NOTE.match(texts[order[top]]):
        top -= 1
    notes = list(range(top + 1, pos + 1))
    if top < 0:
        return None, []
    if DATE.match(texts[order[top]]):
        return top, notes
    return None, notes if is_signature(texts[order[top]]) else []


def _dated_before_annex(texts: list[str], order: list[int], pos: int
                        ) -> tuple[int | None, list[int], list[int]]:
    """A 落款 followed by an attached text: the first date-only line right under an organ's name,
    with 附注 under it and then a 附件 label or the attachment's title. Returns the date's position,
    the notes' and the 附件 labels'."""
    for k in range(1, pos):
        if not (DATE.match(texts[order[k]]) and organ_name(texts[order[k - 1]])):
            continue
        after = k + 1
        while after <= pos and NOTE.match(texts[order[after]]):
            after += 1
        if after <= pos and (ANNEX.match(texts[order[after]]) or organ_line(texts[order[after]])):
            annex = []
            for j in range(after, pos + 1):
                if ANNEX.match(texts[order[j]]) or j == after:
                    annex.append(j)  # the label, or the attachment's title right under the 落款
                elif annex[-1] == j - 1 and ANNEX.match(texts[order[j - 1]]) and annex_title(texts[order[j]]):
                    annex.append(j)  # the title under a label
            return k, list(range(k + 1, after)), annex
    return None, [], []
