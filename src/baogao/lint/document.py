"""Document-form rules for 公文 (GB/T 9704-2012; 党政机关公文处理工作条例).

They apply to the document genre only: a speech-style work report has no
主送机关, closing formula, signature or date, and must never be flagged for
lacking them. Which elements a document must have depends on its 文种
(``Outline.doc_type``): the 发文机关署名 and the 成文日期 are elements of a
公文 of the 条例's 15 types (GB/T 9704-2012 gives 命令（令） and 纪要 formats
of their own, so a 令 is not asked for a 署名, nor a 纪要 for either); a text
of another kind (总结, 计划 …) is no 公文 and is not asked for them. A
closing formula is customary wording, not an element of the standard: it is
expected of a 报告 and a 请示 only.
"""

from __future__ import annotations

import re

from baogao.lint.registry import rule
from baogao.structure.doctypes import is_statutory
from baogao.structure.lines import DATE
from baogao.text.markers import cn_to_int

REF = "GB/T 9704-2012 党政机关公文格式"
REG = "《党政机关公文处理工作条例》（中办发〔2012〕14号），公文种类"
CUSTOM = "公文写作惯例（结束语是正文末尾的习惯用语，不是 GB/T 9704-2012 规定的要素）"
TYPES = "决议|决定|命令|公报|公告|通告|意见|通知|通报|报告|请示|批复|议案|函|纪要"
_MIXED = re.compile(rf"({TYPES})({TYPES})$")
DOC = ("document",)

#: The customary closing of the types that have one.
CLOSINGS = {"report": "报告习惯上以“特此报告。”结尾", "request": "请示习惯上以“妥否，请批示。”等结尾"}
#: Types without a 发文机关署名 (命令（令）: the signer's office and name) or without either element (纪要).
_NO_SIGNATURE = ("order", "minutes")
_NO_DATE = ("minutes",)


@rule("mixed-document-type", family="document", severity="error", genres=DOC,
      title="标题混用文种", reference=REG,
      positive="关于增加经费的请示报告\n市委：\n现将有关情况报告如下。\n特此报告。",
      negative="关于增加经费的请示\n市委：\n现将有关事项请示如下。\n妥否，请批示。")
def mixed_document_type(ctx):
    """A title that names two document types (请示报告): a document is of one type."""
    title = ctx.outline.title
    if not title:
        return
    m = _MIXED.search(title)
    if m:
        p = [p for p in ctx.paragraphs("title")][-1]  # a title set on two lines ends on its last
        a = max(p.text.rfind(m.group()), 0)
        yield ctx.finding_at(p, a, a + len(m.group()),
                             f"标题中“{m.group()}”混用了两种文种；报告不得夹带请示事项，请示应单独行文。",
                             m.group(2) if m.group(2) == "请示" else m.group(1))


def _needs(outline, kind: str) -> bool:
    """Whether a document of this 文种 must show the element (None: a document whose title names no type)."""
    t = outline.doc_type
    if kind == "closing":
        return t is None or t in CLOSINGS
    if t is not None and not is_statutory(t):
        return False
    return t not in (_NO_SIGNATURE if kind == "signature" else _NO_DATE)


def _last(ctx):
    last = ctx.report.paragraphs[-1]
    return last, len(last.text) - 1, len(last.text)


_POSITIVE = "关于工作情况的报告\n市委：\n今年工作成效明显。"
_NEGATIVE = "关于工作情况的报告\n市委：\n今年工作成效明显。\n特此报告。\n某委员会\n2025年7月10日"


@rule("missing-closing", family="document", severity="warning", genres=DOC, title="缺少结束语",
      reference=CUSTOM, positive=_POSITIVE, negative=_NEGATIVE)
def missing_closing(ctx):
    """A 报告 or 请示 (or a document whose title names no type) without a closing formula."""
    outline = ctx.outline
    if not _needs(outline, "closing") or any(e.kind == "closing" for e in outline.elements):
        return
    usual = CLOSINGS.get(outline.doc_type, "报告习惯上以“特此报告。”、请示以“妥否，请批示。”结尾")
    yield ctx.finding_at(*_last(ctx), f"公文缺少结束语：{usual}。")


def _missing(kind: str, what: str):
    def check(ctx):
        outline = ctx.outline
        if not _needs(outline, kind) or any(e.kind == kind for e in outline.elements):
            return
        yield ctx.finding_at(*_last(ctx), f"公文缺少{what}。")
    return check


for _kind, _what, _title in [("signature", "发文机关署名", "缺少发文机关署名"),
                             ("date", "成文日期", "缺少成文日期")]:
    _fn = _missing(_kind, _what)
    _fn.__doc__ = (f"A 公文 (of a statutory type, or of none named) without its {_kind} element; "
                   "a 总结 or 计划 is no 公文, and 命令（令） and 纪要 have formats of their own.")
    rule(f"missing-{_kind}", family="document", severity="error", genres=DOC, title=_title, reference=REF,
         positive=_POSITIVE, negative=_NEGATIVE)(_fn)


_HALF_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
_DIGIT = {c: "0" for c in "〇○0０OＯ零"} | {c: str(i) for i, c in enumerate("一二三四五六七八九", 1)}


def _number(text: str) -> int | None:
    """A month or day: Arabic (full-width too) or Chinese (十五, 二十一)."""
    if text.isdigit():
        return int(text)
    return cn_to_int("".join("〇" if c in "〇○0０OＯ零" else c for c in text))


def arabic_date(text: str) -> str | None:
    """The 成文日期 as GB/T 9704-2012 writes it (``2026年1月15日``), from any form the parser reads."""
    m = DATE.match(text.strip())
    if not m:
        return None
    year = m.group(1)
    year = year if year.isdigit() else "".join(_DIGIT.get(c, c) for c in year)
    month, day = _number(m.group(2)), _number(m.group(3))
    if not year.isdigit() or month is None or day is None:
        return None
    return f"{int(year)}年{month}月{day}日"


@rule("date-format", family="document", severity="warning", genres=DOC,
      title="成文日期写法不规范", reference=f"{REF}，成文日期（阿拉伯数字，年份写全，月、日不编虚位）",
      positive="关于工作情况的报告\n市委：\n今年工作成效明显。\n特此报告。\n某委员会\n2025年07月10日",
      negative="关于工作情况的报告\n市委：\n今年工作成效明显。\n特此报告。\n某委员会\n2025年7月10日")
def date_format(ctx):
    """成文日期 with zero padding (2025年07月10日), or in Chinese numerals (二〇二六年一月十五日: still a
    date, in the form of GB/T 9704-1999); the suggestion is the date in Arabic numerals."""
    for p in ctx.paragraphs("date"):
        text = p.clean.strip()
        m = DATE.match(text)
        fixed = arabic_date(text)
        if m is None or fixed is None or fixed == text.translate(_HALF_WIDTH):
            continue  # right, or right in full-width digits (not this rule's business)
        if not m.group(1).isdigit() or not m.group(2).isdigit() or not m.group(3).isdigit():
            message = (f"成文日期“{text}”用汉字数字书写，是 GB/T 9704-1999 时的旧写法；"
                       f"GB/T 9704-2012 规定成文日期用阿拉伯数字，应写作“{fixed}”。")
        else:
            message = f"成文日期“{text}”的月、日不编虚位（不加“0”），应写作“{fixed}”。"
        start = p.text.find(text[0])
        yield ctx.finding_at(p, start, start + len(text), message, fixed)


@rule("title-final-punctuation", family="document", severity="warning", genres=DOC,
      title="标题末尾有标点", reference=f"{REF}，标题",
      positive="关于工作情况的报告。\n市委：\n今年工作成效明显。\n特此报告。",
      negative="关于工作情况的报告\n市委：\n今年工作成效明显。\n特此报告。")
def title_final_punctuation(ctx):
    """A document title takes no final punctuation."""
    for p in ctx.paragraphs("title"):
        if p.text[-1] in "。，；：！？.,;:!?":
            yield ctx.finding_at(p, len(p.text) - 1, len(p.text), "公文标题末尾不加标点。", "")
