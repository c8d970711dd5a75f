"""Element kinds: what each paragraph of a report is (版头, title, 主送机关, 落款, 版记 …).

Only the block at the top (版头, title, 题注, speaker, salutation, 主送机关:
``baogao.structure.titleblock``) and the block at the end (closing formula,
附件说明, 落款, 附注, 版记; a copy's endnotes, ``baogao.structure.endnotes``)
hold special elements; everything between is body (paragraphs and
headings, which ``headings.py`` finds). Web residue (a page's buttons and
information lines, captions, citation codes, the page footer:
``baogao.structure.residue``) is ``boilerplate``, with its reason; a
paragraph the copy split over lines is found here too
(``baogao.structure.joins``). The element kinds of GB/T 9704-2012 that a
plain-text copy can show are modelled; what only print shows (印章, 页码,
the red separator) is not. The patterns that recognise one line live in
``baogao.structure.lines``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from baogao.paragraphs import Paragraph
from baogao.structure.endnotes import endnote_block
from baogao.structure.joins import find_splits
from baogao.structure.lines import (
    ANNEX,
    ATTACHMENT,
    CLOSING,
    DATE,
    NOTE,
    SALUTATION_ONLY,
    SEPARATOR,
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
)
from baogao.structure.residue import footer_signal, furniture, label_line, residue_shape
from baogao.structure.titleblock import mark_title_block, top_furniture
from baogao.text.markers import match_marker

ELEMENT_KINDS = ("copy_number", "secrecy", "urgency", "issuer", "doc_number", "signer",
                 "title", "subtitle", "speaker", "salutation", "addressee", "heading",
                 "paragraph", "closing", "attachment", "signature", "date", "note", "annex",
                 "cc", "imprint", "endnote", "boilerplate")

ELEMENT_NAMES = {
    "copy_number": "份号", "secrecy": "密级和保密期限", "urgency": "紧急程度",
    "issuer": "发文机关标志", "doc_number": "发文字号", "signer": "签发人",
    "title": "标题", "subtitle": "题注", "speaker": "报告人", "salutation": "称呼",
    "addressee": "主送机关", "heading": "小标题", "paragraph": "正文段落",
    "closing": "结束语", "attachment": "附件说明", "signature": "署名", "date": "成文日期",
    "note": "附注", "annex": "附件", "cc": "抄送机关", "imprint": "印发机关和印发日期",
    "endnote": "注释", "boilerplate": "网站附加文字",
}

#: GB/T 9704-2012's 版头 and 版记, as element kinds (the 主体 is everything between).
HEADER_KINDS = ("copy_number", "secrecy", "urgency", "issuer", "doc_number", "signer")
FOOTER_KINDS = ("cc", "imprint")

HEADER_LIMIT = 8  # paragraphs a 版头 may take at the top
MAX_SIGNATURES = 3  # lines of 发文机关署名 above one date (joint documents)
CLOSING_REACH = 3  # last body paragraphs in which a closing formula is looked for

#: ``doc_number``, ``is_boilerplate`` and ``is_document_title`` are read from here too.
__all__ = ["ELEMENT_KINDS", "ELEMENT_NAMES", "FOOTER_KINDS", "HEADER_KINDS", "Element", "Reading", "classify",
           "doc_number", "is_boilerplate", "is_document_title", "read_elements"]


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
      抄送机关, ``imprint`` 印发机关和印发日期. After the text: ``endnote``
      注释 (a glossary's label and entries). And ``boilerplate`` 网站附加文字:
      web residue, never part of the report (``reason`` says what it is);
    - ``line``: 1-based line of the report's text (of a .docx: paragraph);
    - ``text``: the paragraph as written, without indentation and trailing
      spaces (zero-width characters kept);
    - ``paragraph``: 1-based index in ``Report.paragraphs``;
    - ``reason``: for ``boilerplate``, what the line is, in Chinese (``页面按钮``,
      ``网页信息栏“来源”``, ``图片说明``, ``重复的标题``, ``网站的版权声明`` …);
      ``""`` for every other kind.
    """

    kind: str
    line: int
    text: str
    paragraph: int
    reason: str = ""

    def to_dict(self) -> dict:
        return {"kind": self.kind, "line": self.line, "text": self.text}


@dataclass
class Reading:
    """What ``read_elements`` finds: one kind per paragraph, the reason of each residue line
    (by 0-based position), and the split paragraphs (0-based positions, the reason of each join)."""

    kinds: list[str]
    reasons: dict[int, str] = field(default_factory=dict)
    splits: list[tuple[list[int], tuple[str, ...]]] = field(default_factory=list)


def classify(paragraphs: list[Paragraph]) -> list[str]:
    """One kind per paragraph; headings are left as 'paragraph' here."""
    return read_elements(paragraphs).kinds


def read_elements(paragraphs: list[Paragraph]) -> Reading:
    """Element kinds, residue with its reasons, and split paragraphs (docs/structure.md)."""
    kinds = ["paragraph"] * len(paragraphs)
    reasons: dict[int, str] = {}
    texts = [p.clean.strip() for p in paragraphs]
    for i, text in enumerate(texts):
        reason = residue_shape(text) or ("转载网站添加的文字" if is_boilerplate(text) else None)
        if reason:
            kinds[i], reasons[i] = "boilerplate", reason
        elif SALUTATION_ONLY.match(text):
            kinds[i] = "salutation"  # 各位代表！ standing alone in the body
    top_furniture(texts, kinds, reasons, _header_line)
    start = _header(texts, kinds)
    body_start = mark_title_block(texts, kinds, reasons, start)
    splits = find_splits(paragraphs, kinds, body_start)
    _footer(texts, kinds, reasons, body_start, splits)
    order = [i for i in range(body_start, len(texts)) if kinds[i] == "paragraph"]
    for i in endnote_block(texts, order):
        kinds[i] = "endnote"
    _closing_block(texts, kinds, body_start)
    splits = [(g, r) for g, r in splits if all(kinds[i] in ("paragraph", "endnote") for i in g)]
    return Reading(kinds, reasons, splits)


def _header_line(text: str) -> bool:
    return bool(header_kind(text) or doc_number(text) or signer_only(text))


def _footer(texts: list[str], kinds: list[str], reasons: dict[int, str], body_start: int,
            splits: list[tuple[list[int], tuple[str, ...]]]) -> None:
    """The page's footer: from the first line after the last heading marker, in the second half of
    the body, that only a page or a wiki puts at the end (``footer_signal``), to the last line."""
    joined = {g[0]: "".join(texts[i] for i in g) for g, _ in splits}
    order = [i for i in range(body_start, len(texts)) if kinds[i] in ("paragraph", "boilerplate")]
    markers = [i for i in order if (m := match_marker(texts[i])) is not None and m.style in ("cn-dun", "cn-paren")]
    half = body_start + (len(texts) - body_start) // 2
    begin = max(markers[-1] + 1 if markers else body_start, half)
    start = next((i for i in order if i >= begin and footer_signal(joined.get(i, texts[i]))), None)
    if start is None:
        return
    group_of = {i: g[0] for g, _ in splits for i in g}
    for i in range(start, len(texts)):
        if kinds[i] == "boilerplate":
            continue
        kinds[i] = "boilerplate"
        own = texts[i]
        group = joined.get(group_of.get(i, -1), own)  # the pieces of a split notice share its reason
        label = label_line(texts[i - 1]) if i > start else None
        reasons[i] = (footer_signal(group) or residue_shape(own) or furniture(own, footer=True)
                      or (f"网页信息栏“{label[0]}”的内容" if label and not label[1] else "网页末尾的附加文字"))


def _header(texts: list[str], kinds: list[str]) -> int:
    """Mark the 版头 (份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人); return where it ends."""
    order = [i for i in range(len(texts)) if kinds[i] != "boilerplate"][:HEADER_LIMIT]
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
