"""What one line can be on its own: the patterns of the element kinds (docs/structure.md).

Each function reads one stripped line; where a line stands (at the top, at
the end, after the title) is ``baogao.structure.elements``' business.
"""

from __future__ import annotations

import re

from baogao.structure.doctypes import ends_with_doc_type, is_document_title
from baogao.text.markers import match_marker

__all__ = ["ANNEX", "ATTACHMENT", "CLOSING", "DATE", "NOTE", "SALUTATION", "SALUTATION_ONLY",
           "SEPARATOR", "SUBTITLE", "addressee_line", "annex_title", "attachment_item", "doc_number",
           "ends_with_doc_type", "footer_kind", "header_kind", "is_boilerplate", "is_document_title",
           "is_signature", "organ_line", "organ_name", "signer", "signer_only", "speaker_line",
           "speaker_pair", "title_line"]

_BOILERPLATE = re.compile(
    r"本站|仅供参考|请关注|更多关于|免责声明|转载请注明|版权归|版权所有|"
    r"点击(查看|下载|阅读)|(上一篇|下一篇)[:：]|www\.|https?://|\.com\b|来源[:：]\s*\S+网")
#: 题注: a dash (——, —, the ―― of some sites) and a date or a meeting; a year in brackets; or, without
#: a dash, a date and the meeting (2026年1月14日在…会议上, perhaps followed by the speaker).
SUBTITLE = re.compile(r"^[—–―\-]{1,2}\s*\S.*(会议|大会|上|讲话|报告|\d{4}年)|^[（(].*\d{4}年.*[)）]$"
                      r"|^([0-9０-９]{4}|[〇○零一二三四五六七八九]{4})年[^，。,]{1,6}月[^，。,]{1,6}日\s*在[^，。,]{2,40}"
                      r"(会议|大会)上")
SALUTATION = re.compile(r"^(各位代表|各位委员|代表们|同志们|各位同志|各位领导|女士们|先生们|朋友们)"
                        r"[、，,]?[^。]{0,12}[：:！!]?$")
SALUTATION_ONLY = re.compile(r"^(各位代表|各位委员|代表们|同志们|各位同志|各位领导)[：:！!，,]?$")
_OFFICES = (r"(?:总理|副总理|省长|市长|区长|县长|州长|旗长|镇长|乡长|主席|书记|主任|部长|厅长|局长|"
            r"代区长|代市长|代省长|代县长|委员长|院长|团长|会长|理事长|秘书长)")
_OFFICE = re.compile(_OFFICES)
#: A person's name: two to four characters, perhaps spaced out (李　强, 王 正 谱).
_NAME = r"[\u4e00-\u9fff](?:[\u3000 ]*[\u4e00-\u9fff]){1,3}"
#: A speaker line: an organ (optional), an office and a name (国务院总理李克强, 省长　王予波).
_SPEAKER = re.compile(rf"^[^\s，。：:]{{0,24}}?{_OFFICES}[\u3000 ]*{_NAME}$")
_SPACED_NAME = re.compile(r"^[\u4e00-\u9fff](?:[\u3000 ]+[\u4e00-\u9fff]){1,3}$")
_OFFICE_ONLY = re.compile(rf"^[^\s，。：:]{{0,24}}?{_OFFICES}$")
_NAME_ONLY = re.compile(rf"^{_NAME}$")
CLOSING = re.compile(
    r"^(特此报告|特此请示|特此函告|特此函复|特此通知|特此批复|特此通报|"
    r"(以上|上述)?(报告|请示|意见)?[，,]?\s*(妥否|当否|是否妥当)[，,]?\s*(请|望)(批示|批复|审批|审定|指示)|"
    r"以上(报告|意见)[，,]?\s*请(审阅|审议|审定)|请(予)?(审批|批复|批准)|专此报告|谨此报告)[。！!]?$")

# 成文日期: the year in four digits, Arabic or Chinese (〇, and the look-alikes ○ 0 O, or 零).
_CN_DIGIT = "〇○0０OＯ零一二三四五六七八九"
_CN_DAY = "〇○0０OＯ零一二三四五六七八九十"
DATE = re.compile(rf"^([0-9０-９]{{4}}|[{_CN_DIGIT}]{{4}})年\s*([0-9０-９]{{1,2}}|[{_CN_DAY}]{{1,3}})月"
                  rf"\s*([0-9０-９]{{1,2}}|[{_CN_DAY}]{{1,3}})日$")
ATTACHMENT = re.compile(r"^附件\s*[0-9０-９]*\s*[：:]|^附件[0-9０-９]+[.．、]")
#: The label of an attached text after the 落款 (附件, 附件1, 附件2：).
ANNEX = re.compile(r"^附件\s*[0-9０-９]{0,2}\s*[：:]?$")
#: 附注: a line in parentheses, as GB/T 9704 sets it under the 成文日期 (（此件公开发布）).
NOTE = re.compile(r"^[（(][^（）()]{2,60}[）)]$")
_CC = re.compile(r"^抄送(机关)?\s*[：:]")
_IMPRINT = re.compile(r"^\S.{0,40}?\s*([0-9０-９]{4}|[〇○0０零一二三四五六七八九]{4})年[^年]{1,8}日\s*印发$")
#: A rule of the 版记 typed as characters (──── or ————).
SEPARATOR = re.compile(r"^[─━—\-_=＝~～·]{4,}$")

_PUNCT = re.compile(r"[，。；：！？,.;:!?、“”‘’《》（）()「」—…]")
_SENTENCE_END = re.compile(r"[。！？!?；;]")

# 版头.
_COPY_NUMBER = re.compile(r"^(份号[：:]?\s*)?[0-9０-９]{6}$")
_SECRECY = re.compile(r"^(绝密|机密|秘密)(\s*★\s*[^\s，。]{0,8})?$")
_URGENCY = re.compile(r"^(紧急程度[：:]\s*)?(特急|加急|特提|平急)$")
_YEAR_BRACKET = r"[〔\[［【（(]\s*[0-9０-９]{4}\s*[〕\]］】）)]"
#: 发文字号: 机关代字〔年份〕序号 (also the wrong brackets, 第 and leading zeros, for the linter).
_DOC_NUMBER = re.compile(rf"^([\u4e00-\u9fff]{{1,12}}{_YEAR_BRACKET}\s*第?\s*[0-9０-９]{{1,5}}\s*号)(.*)$")
_SIGNER = re.compile(r"签发人\s*[：:]\s*(\S.{0,30})$")

# Organ names: the word an organ's name ends with, or a list opening with 各 (各区县团委).
_ORGAN_END = re.compile(
    r"(委|委员会|政府|党组|党委|部|厅|局|办|院|会|室|处|科|所|校|司|队|站|馆|社|团|署|行|央|军|"
    r"区|县|市|省|州|盟|旗|镇|乡|村|街道|门|位|关|构|心|业|学|组|支|派|体|协|联|台|报|庭|中心)$")


def is_boilerplate(text: str) -> bool:
    return bool(_BOILERPLATE.search(text))


def _short_line(text: str, limit: int = 40) -> bool:
    """Short, one phrase: no sentence end and no comma (titles and names have none)."""
    return len(text) <= limit and not _SENTENCE_END.search(text) and not re.search(r"[，,]", text)


def title_line(text: str) -> bool:
    """A line that can be the (first line of the) title: at most 60 characters, or 100 for one
    phrase of the form …关于…的<文种> (a 通知 of two issuers on a long matter)."""
    looks = _short_line(text, 60) or is_document_title(text.rstrip("。.")) \
        or re.search(r"(报告|请示)$", text.rstrip("。."))
    limit = 100 if _short_line(text, 100) and is_document_title(text) else 60
    return bool(looks) and len(text) <= limit and match_marker(text) is None and not DATE.match(text)


def speaker_line(text: str) -> bool:
    """A short line in the title block naming an office and a person (国务院总理　李克强,
    河北省人民政府省长 王正谱), or a name spaced out on its own (王　正　谱); not a sentence
    about them (省长赵刚作政府工作报告: what follows the office is no name)."""
    return len(text) <= 30 and not _PUNCT.search(text) and bool(
        _SPEAKER.match(text) or _SPACED_NAME.match(text))


def speaker_pair(office: str, name: str) -> bool:
    """A speaker set on two lines: an office (省长, 河北省人民政府省长), then the name."""
    return (len(office) <= 30 and not _PUNCT.search(office) and bool(_OFFICE_ONLY.match(office))
            and bool(_NAME_ONLY.match(name)))


def header_kind(text: str) -> str | None:
    """份号, 密级和保密期限 or 紧急程度, the lines above the 发文机关标志."""
    if _COPY_NUMBER.match(text):
        return "copy_number"
    if _SECRECY.match(text):
        return "secrecy"
    if _URGENCY.match(text):
        return "urgency"
    return None


def doc_number(text: str) -> str | None:
    """The 发文字号 a line opens with (团市委发〔2026〕7号), when nothing but a 签发人 follows it."""
    m = _DOC_NUMBER.match(text)
    if not m:
        return None
    rest = m.group(2).strip()
    if rest and not _SIGNER.fullmatch(rest):
        return None
    return m.group(1)


def signer(text: str) -> str | None:
    """The name(s) after 签发人： on a 发文字号 or 签发人 line."""
    m = _SIGNER.search(text)
    return m.group(1).strip() if m else None


def signer_only(text: str) -> bool:
    """A line that is only 签发人：name(s)."""
    return bool(_SIGNER.match(text)) and len(text) <= 40


def organ_line(text: str) -> bool:
    """A short line that can be an organ's name or a 发文机关标志 (no punctuation at all)."""
    return 2 <= len(text) <= 40 and not _PUNCT.search(text) and not DATE.match(text) \
        and match_marker(text) is None and bool(re.search(r"[\u4e00-\u9fff]", text)) \
        and doc_number(text) is None and header_kind(text) is None and not signer_only(text)


def organ_name(name: str) -> bool:
    """A name that ends in an organ word (委, 政府, 办公室 …) or opens a list with 各."""
    name = name.strip()
    if not name or len(name) > 30 or _PUNCT.search(name):
        return False
    return bool(_ORGAN_END.search(name)) or (name.startswith("各") and not name.startswith("各位"))


def addressee_line(text: str, *, last: bool) -> bool:
    """A line of the 主送机关: organ names separated by ，or 、, the last line ending in ：.

    ``last=False`` asks for a line of a list wrapped onto the next line (ending in ，or 、).
    """
    if len(text) > 200 or _SENTENCE_END.search(text):
        return False
    if last:
        if not re.search(r"[：:]$", text):
            return False
    elif not re.search(r"[，,、]$", text):
        return False
    names = re.split(r"[，,、]", text[:-1])
    return all(organ_name(n) for n in names)


def annex_title(text: str) -> bool:
    """The title of an attached text: a short line without sentence punctuation, not a chapter (第一章)."""
    return title_line(text) and not re.match(r"第[一二三四五六七八九十百零〇0-9０-９]+[编章节条]", text)


def attachment_item(text: str) -> bool:
    """A short numbered name (2.培训日程安排): an item of an attachment list."""
    marker = match_marker(text)
    return (marker is not None and marker.style in ("arabic-dot", "arabic-dun") and len(text) <= 60
            and not _SENTENCE_END.search(text))


def is_signature(text: str) -> bool:
    return 2 <= len(text) <= 40 and not _PUNCT.search(text.replace("（", "").replace("）", ""))


def footer_kind(text: str) -> str | None:
    """抄送机关 or 印发机关和印发日期, the lines of the 版记."""
    if _CC.match(text):
        return "cc"
    if _IMPRINT.search(text) and len(text) <= 60 and not _SENTENCE_END.search(text):
        return "imprint"
    return None
