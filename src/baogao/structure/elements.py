"""Element kinds: what each paragraph of a report is (title, 题注, salutation, …).

Only the title block at the top and the closing block at the end hold
special elements; everything between is body (paragraphs and headings,
which ``headings.py`` finds). Content-farm boilerplate is recognised
anywhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from baogao.paragraphs import Paragraph
from baogao.text.markers import match_marker

ELEMENT_KINDS = ("title", "subtitle", "speaker", "salutation", "addressee", "heading",
                 "paragraph", "closing", "signature", "date", "attachment", "boilerplate")

ELEMENT_NAMES = {
    "title": "标题", "subtitle": "题注", "speaker": "报告人", "salutation": "称呼",
    "addressee": "主送机关", "heading": "小标题", "paragraph": "正文段落",
    "closing": "结束语", "signature": "署名", "date": "成文日期",
    "attachment": "附件说明", "boilerplate": "网站附加文字",
}

_BOILERPLATE = re.compile(
    r"本站|仅供参考|请关注|更多关于|免责声明|转载请注明|版权归|版权所有|"
    r"点击(查看|下载|阅读)|(上一篇|下一篇)[:：]|www\.|https?://|\.com\b|来源[:：]\s*\S+网")
_SUBTITLE = re.compile(r"^[—–\-]{1,2}\s*\S.*(会议|大会|上|讲话|报告|\d{4}年)|^[（(].*\d{4}年.*[)）]$")
_SALUTATION = re.compile(r"^(各位代表|各位委员|代表们|同志们|各位同志|各位领导|女士们|先生们|朋友们)"
                         r"[、，,]?[^。]{0,12}[：:！!]?$")
_SALUTATION_ONLY = re.compile(r"^(各位代表|各位委员|代表们|同志们|各位同志|各位领导)[：:！!，,]?$")
_OFFICE = re.compile(r"(总理|副总理|省长|市长|区长|县长|州长|旗长|镇长|乡长|主席|书记|主任|部长|厅长|局长|"
                     r"代区长|代市长|代省长|代县长|委员长|院长|团长|会长|理事长|秘书长)")
_CLOSING = re.compile(
    r"^(特此报告|特此请示|特此函告|特此函复|特此通知|特此批复|特此通报|"
    r"(以上|上述)?(报告|请示|意见)?[，,]?\s*(妥否|当否|是否妥当)[，,]?\s*(请|望)(批示|批复|审批|审定|指示)|"
    r"以上(报告|意见)[，,]?\s*请(审阅|审议|审定)|请(予)?(审批|批复|批准)|专此报告|谨此报告)[。！!]?$")
_DATE = re.compile(r"^([0-9０-９]{4}|[〇零一二三四五六七八九]{4})年[0-9０-９一二三四五六七八九十]{1,3}月"
                   r"[0-9０-９一二三四五六七八九十]{1,3}日$")
_ATTACHMENT = re.compile(r"^附件\s*[0-9０-９]*\s*[：:]|^附件[0-9０-９]+[.．、]")
_PUNCT = re.compile(r"[，。；：！？,.;:!?、“”‘’《》（）()「」—…]")
_SENTENCE_END = re.compile(r"[。！？!?；;]")
_DOC_TITLE = re.compile(r"关于.+的(报告|请示|函|意见|通知|通报|批复)$|(报告|请示)$")


@dataclass(frozen=True)
class Element:
    """What one paragraph (non-blank line) of a report is; the outline has one per paragraph.

    - ``kind``: a key of ``ELEMENT_NAMES``: ``title`` 标题, ``subtitle`` 题注,
      ``speaker`` 报告人, ``salutation`` 称呼, ``addressee`` 主送机关,
      ``heading`` 小标题 (standalone; a run-in heading's paragraph stays
      ``paragraph``), ``paragraph`` 正文段落, ``closing`` 结束语, ``signature``
      署名, ``date`` 成文日期, ``attachment`` 附件说明, ``boilerplate``
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


def is_boilerplate(text: str) -> bool:
    return bool(_BOILERPLATE.search(text))


def classify(paragraphs: list[Paragraph]) -> list[str]:
    """One kind per paragraph; headings are left as 'paragraph' here."""
    kinds = ["paragraph"] * len(paragraphs)
    for i, p in enumerate(paragraphs):
        text = p.clean.strip()
        if is_boilerplate(text):
            kinds[i] = "boilerplate"
        elif _SALUTATION_ONLY.match(text):
            kinds[i] = "salutation"  # 各位代表！ standing alone in the body
    body_start = _title_block(paragraphs, kinds)
    _closing_block(paragraphs, kinds, body_start)
    return kinds


def _short_line(text: str, limit: int = 40) -> bool:
    """Short, one phrase: no sentence end and no comma (titles and names have none)."""
    return len(text) <= limit and not _SENTENCE_END.search(text) and not re.search(r"[，,]", text)


def _title_block(paragraphs: list[Paragraph], kinds: list[str]) -> int:
    """Mark title, 题注, speaker, salutation and addressee; return body start."""

    seen_title = False
    i = 0
    while i < len(paragraphs) and i < 8:
        text = paragraphs[i].clean.strip()
        if kinds[i] == "boilerplate":
            i += 1
            continue
        if _SALUTATION.match(text):
            kinds[i] = "salutation"
            return i + 1
        if _SUBTITLE.match(text) and len(text) <= 80 and "。" not in text:
            kinds[i] = "subtitle"
        elif (seen_title and len(text) <= 40 and re.search(r"[：:]$", text)
              and not re.search(r"[，。,；;]", text)):
            kinds[i] = "addressee"
            return i + 1
        elif not seen_title and (_short_line(text, 60) or _DOC_TITLE.search(text.rstrip("。."))) \
                and len(text) <= 60 and match_marker(text) is None and not _DATE.match(text):
            kinds[i] = "title"
            seen_title = True
        elif seen_title and len(text) <= 30 and not _PUNCT.search(text) and (
                _OFFICE.search(text) or re.search(r"[\u3000 ]{1,}", text)):
            kinds[i] = "speaker"
        else:
            return i
        i += 1
    return i


def _closing_block(paragraphs: list[Paragraph], kinds: list[str], body_start: int) -> None:
    """Mark closing formula, attachment note, signature and date near the end."""
    n = len(paragraphs)
    lo = max(body_start, n - 10)
    closing_at = None
    for i in range(lo, n):
        text = paragraphs[i].clean.strip()
        if kinds[i] != "paragraph":
            continue
        if len(text) <= 40 and _CLOSING.match(text):
            kinds[i] = "closing"
            closing_at = i
        elif _ATTACHMENT.match(text) and (closing_at is not None or i >= n - 5):
            kinds[i] = "attachment"
        elif i > lo and kinds[i - 1] == "attachment" and _attachment_item(text):
            kinds[i] = "attachment"  # the next item of a list 附件：1.…, aligned under the first
        elif _DATE.match(text) and i >= n - 4:
            kinds[i] = "date"
    # Signature: short organ names between the closing (or attachment) and the date.
    dates = [i for i in range(lo, n) if kinds[i] == "date"]
    for d in dates:
        j = d - 1
        while j >= body_start and kinds[j] == "paragraph" and _is_signature(paragraphs[j].clean.strip()):
            if closing_at is None and not _after_body(kinds, j):
                break
            kinds[j] = "signature"
            j -= 1
    if closing_at is not None and not dates:
        # No date, but a signature may still follow the closing.
        for j in range(closing_at + 1, n):
            if kinds[j] == "paragraph" and _is_signature(paragraphs[j].clean.strip()):
                kinds[j] = "signature"


def _attachment_item(text: str) -> bool:
    """A short numbered name (2.培训日程安排): an item of an attachment list."""
    marker = match_marker(text)
    return (marker is not None and marker.style in ("arabic-dot", "arabic-dun") and len(text) <= 60
            and not _SENTENCE_END.search(text))


def _is_signature(text: str) -> bool:
    return 2 <= len(text) <= 40 and not _PUNCT.search(text.replace("（", "").replace("）", ""))


def _after_body(kinds: list[str], j: int) -> bool:
    """A signature without a closing formula: accept it only right before a date at the end."""
    return all(k in ("date", "signature", "boilerplate", "attachment") for k in kinds[j + 1:])


def is_document_title(text: str | None) -> bool:
    return bool(text and _DOC_TITLE.search(text) and "关于" in text)
