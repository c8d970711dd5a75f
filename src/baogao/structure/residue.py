"""Web residue: what a copy taken from a web page, a wiki or a legal database brings
along that is not the report (docs/structure.md, "Residue").

Residue is recognised from the shape of a line and where it stands, never
from the text of one page:

- anywhere: lines whose shape no report line has (a link, a database's
  citation code, a photo credit ``…记者 ×× 摄``, a page-jump note
  ``（下转第四版）``, a link to an attached file, the label of a list of
  related links, a page function such as 打印本页, a page's hexadecimal
  id, a content farm's own sentence);
- at the top, before the title block, and at the end, in the footer: the
  page's furniture (buttons and font-size controls of one or two words, a
  bracket group ``【字号： 加大 还原 减小 】`` split over lines, the
  breadcrumb's ``>``, labels such as ``来源：``, ``时间：``, ``分享:`` with
  their values, time stamps);
- the footer: from the first line at the end of the copy that only a page
  or a wiki puts there (a list of related links, a page function, an
  editor's credit, a licence notice) to the last line.

Each residue line is given a reason, in Chinese, that says what it is.
"""

from __future__ import annotations

import re

from baogao.structure.lines import DATE, SALUTATION, header_kind, organ_name
from baogao.text.markers import match_marker

__all__ = ["LICENCE", "TITLE_REPEAT", "bracket_groups", "breadcrumb", "button_runs", "footer_signal",
           "furniture", "label_line", "residue_shape"]

# Shapes that no line of a report has, wherever they stand.
_CONTENT_FARM = re.compile(r"本站|仅供参考|请关注|更多关于|免责声明|转载请注明|版权归|版权所有|"
                           r"点击(查看|下载|阅读)|(上一篇|下一篇)[:：]")
_LINK = re.compile(r"https?://|www\.|\.(com|cn|net|org|gov\.cn)(/|\b)")
_CITATION = re.compile(r"^【[^】]{1,12}】\s*[A-Za-z][A-Za-z0-9.\-]{4,}$|^[A-Z]{2,5}\.[0-9]+\.[0-9]+$")
_PHOTO = re.compile(r"(记者|摄影|通讯员|图片|新华社|图/)[^。！？]{0,24}\s?摄\s*$|[（(]\s*(图片|摄影)[^）)]{0,20}[）)]$")
_PAGE_JUMP = re.compile(r"^[（(]\s*(下转|上接|转第|接第|续第)[^）)]{1,12}[）)]$")
_FILE_LINK = re.compile(r"\.(xlsx?|docx?|pdf|wps|zip|rar|jpe?g|png|ofd)\s*(附件)?(预览|下载)?\s*$", re.IGNORECASE)
_RELATED = re.compile(r"^(相关|延伸|推荐|扩展|热点)(报道|链接|附件|文档|新闻|阅读|文章|稿件|专题|推荐)\s*[：:>》]*\s*$")
_PAGE_FUNCTION = re.compile(r"^[【\[]?\s*(打印本页|打印|关闭窗口|关闭|返回顶部|返回|扫一扫.{0,12}|分享到.{0,8}|"
                            r"收藏本页|字号|纠错|》》.{0,20}《《)\s*[】\]]?$")
_HEX_ID = re.compile(r"^(?=[0-9a-f]*[a-f])[0-9a-f]{16,}\s*[:：]?$")
#: An editor's or a source's credit, at the end: 编辑：何继红, （来源：青海日报）, 责任编辑：.
_CREDIT = re.compile(r"^[（(]?\s*(来源|稿源|编辑|责任编辑|责编|作者|记者|通讯员|校对|审核|审校|监制|"
                     r"文|图|摄影)\s*[：:][^。！？]{0,24}[）)]?$")
#: A licence notice (a wiki's footer): 本作品…, 公有领域, Public domain.
LICENCE = re.compile(r"^本作品|公有领域|Public domain|public domain|知识共享|许可协议|CC[- ]BY")

# Page furniture, recognised only at the top and in the footer.
_LABEL = re.compile(r"^([\u4e00-\u9fff]{1,6})\s*[：:]\s*(.{0,30})$")
_TIMESTAMP = re.compile(r"^([0-9]{4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?)(\s*[0-9]{1,2}[:：时][0-9]{2}"
                        r"([:：][0-9]{2}|分)?)?$")
_SEPARATOR = re.compile(r"^[>›»|｜/×·]{1,3}$")
_PUNCT = re.compile(r"[，。；：！？,.;:!?、“”‘’《》（）()「」【】\[\]…]")
_HANZI = re.compile(r"[\u4e00-\u9fff]")
BUTTON_MAX = 4  # characters of a page button or a control's word (下载, 加大, 大)

TITLE_REPEAT = "重复的标题"


def residue_shape(text: str) -> str | None:
    """The reason a line is residue wherever it stands, or None."""
    if _CITATION.match(text) or (text.startswith("【") and "引证码" in text[:12]):
        return "数据库的引证码"
    if _LINK.search(text):
        return "网页链接"
    if _FILE_LINK.search(text) and len(text) <= 60:
        return "附件文件的链接"
    if _PHOTO.search(text) and len(text) <= 120:
        return "图片说明"
    if _PAGE_JUMP.match(text):
        return "报纸的转版提示"
    if _RELATED.match(text):
        return "相关链接栏"
    if _PAGE_FUNCTION.match(text) and len(text) <= 24:
        return "页面按钮"
    if _HEX_ID.match(text):
        return "网页代码"
    if _CONTENT_FARM.search(text):
        return "转载网站添加的文字"
    return None


def label_line(text: str) -> tuple[str, str] | None:
    """(label, value) of a page's information line: a short label, a colon, a short value or none
    (来源：河北日报, 时间：2026-02-02, 分享:, 您的位置:)."""
    m = _LABEL.match(text)
    if not m or SALUTATION.match(text) or organ_name(m.group(1)):
        return None  # 女士们先生们：, 市委： (a form of address, a 主送机关)
    value = m.group(2).strip()
    if re.search(r"[。！？；]", value):
        return None
    return m.group(1), value


def furniture(text: str, *, footer: bool = False) -> str | None:
    """The reason a line at the top or (``footer``) in the footer is page furniture, or None.

    A button's word on its own (下载, 加大) is furniture only in a run of
    them (``button_runs``); this function reads one line. In the footer a
    line without a Chinese character (Public domain, false, a lone ↑) is
    furniture too.
    """
    if _SEPARATOR.match(text):
        return "网页导航符号"
    if _TIMESTAMP.match(text) and not DATE.match(text):
        return "网页上的发布时间"
    label = label_line(text)
    if label is not None:
        return f"网页信息栏“{label[0]}”"
    if text in ("【", "】", "[", "]") or re.fullmatch(r"[【\[][^】\]]{0,6}[：:]?", text):
        return "页面按钮"
    if footer and not _HANZI.search(text):
        return "外文或代码" if re.search(r"[A-Za-z0-9]", text) else "单独成行的符号"
    return None


def footer_signal(text: str) -> str | None:
    """The reason a line starts the footer: what only a page or a wiki puts at the end."""
    if _RELATED.match(text):
        return "相关链接栏"
    if _PAGE_FUNCTION.match(text) and len(text) <= 24:
        return "页面按钮"
    if _CREDIT.match(text) and len(text) <= 30:
        return "编辑或来源署名"
    if LICENCE.search(text):
        return "网站的版权声明"
    return None


def _button(text: str) -> bool:
    return (len(text) <= BUTTON_MAX and not _PUNCT.search(text) and not DATE.match(text)
            and header_kind(text) is None and match_marker(text) is None)


def button_runs(texts: list[str], order: list[int], minimum: int = 3,
                known: frozenset[int] = frozenset()) -> dict[int, str]:
    """Runs of at least ``minimum`` button words on lines of their own (下载 打印 全屏 收藏);
    lines in ``known`` (already read as residue: 打印) count as members of a run."""
    out: dict[int, str] = {}
    run: list[int] = []
    for i in [*order, None]:
        if i is not None and (i in known or _button(texts[i])):
            run.append(i)
            continue
        if len(run) >= minimum:
            out.update((k, "页面按钮") for k in run if k not in known)
        run = []
    return out


def bracket_groups(texts: list[str], order: list[int]) -> dict[int, str]:
    """A control split over lines: a line opening a bracket it does not close (【字号：, 【字体：, 【),
    the short words under it and the line that closes it (】), within a few lines."""
    out: dict[int, str] = {}
    for pos, i in enumerate(order):
        text = texts[i]
        if not (text.startswith(("【", "[")) and "】" not in text and "]" not in text and len(text) <= 8):
            continue
        for end in range(pos + 1, min(pos + 8, len(order))):
            closing = texts[order[end]]
            if closing in ("】", "]"):
                if all(_button(texts[order[k]]) for k in range(pos + 1, end)):
                    out.update((order[k], "页面按钮") for k in range(pos, end + 1))
                break
            if not _button(closing):
                break
    return out


def breadcrumb(texts: list[str], order: list[int]) -> dict[int, str]:
    """A breadcrumb: short items with a separator line (>) between them, and a label before them
    (您的位置:) when there is one."""
    out: dict[int, str] = {}
    seps = [pos for pos, i in enumerate(order) if _SEPARATOR.match(texts[i])]
    for pos in seps:
        for k in (pos - 1, pos, pos + 1):
            if 0 <= k < len(order) and len(texts[order[k]]) <= 12 and not re.search(r"[。！？]", texts[order[k]]):
                out[order[k]] = "网页导航"
    return out
