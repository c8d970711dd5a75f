"""Document-form rules for 公文 (GB/T 9704-2012; 党政机关公文处理工作条例).

They apply to the document genre only: a speech-style work report has no
主送机关, closing formula, signature or date, and must never be flagged for
lacking them.
"""

from __future__ import annotations

import re

from baogao.lint.registry import rule

REF = "GB/T 9704-2012 党政机关公文格式"
REG = "《党政机关公文处理工作条例》（中办发〔2012〕14号），公文种类"
TYPES = "决议|决定|命令|公报|公告|通告|意见|通知|通报|报告|请示|批复|议案|函|纪要"
_MIXED = re.compile(rf"({TYPES})({TYPES})$")
DOC = ("document",)


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
        p = next(p for p in ctx.paragraphs("title"))
        a = p.text.find(m.group())
        yield ctx.finding_at(p, a, a + len(m.group()),
                             f"标题中“{m.group()}”混用了两种文种；报告不得夹带请示事项，请示应单独行文。",
                             m.group(2) if m.group(2) == "请示" else m.group(1))


def _missing(kind: str, what: str):
    def check(ctx):
        if any(e.kind == kind for e in ctx.outline.elements):
            return
        last = ctx.report.paragraphs[-1]
        yield ctx.finding_at(last, len(last.text) - 1, len(last.text), f"公文缺少{what}。")
    return check


for _kind, _what, _sev, _title in [
    ("closing", "结束语（如“特此报告。”“妥否，请批示。”）", "warning", "缺少结束语"),
    ("signature", "发文机关署名", "error", "缺少发文机关署名"),
    ("date", "成文日期", "error", "缺少成文日期"),
]:
    _fn = _missing(_kind, _what)
    _fn.__doc__ = f"A document without its {_kind} element."
    rule(f"missing-{_kind}", family="document", severity=_sev, genres=DOC, title=_title, reference=REF,
         positive="关于工作情况的报告\n市委：\n今年工作成效明显。",
         negative="关于工作情况的报告\n市委：\n今年工作成效明显。\n特此报告。\n某委员会\n2025年7月10日")(_fn)


_BAD_DATE = re.compile(r"^(\d{4})年0\d月|月0\d日|^[〇零一二三四五六七八九]{4}年")


@rule("date-format", family="document", severity="warning", genres=DOC,
      title="成文日期写法不规范", reference=f"{REF}，成文日期（阿拉伯数字，年份写全，月、日不编虚位）",
      positive="关于工作情况的报告\n市委：\n今年工作成效明显。\n特此报告。\n某委员会\n2025年07月10日",
      negative="关于工作情况的报告\n市委：\n今年工作成效明显。\n特此报告。\n某委员会\n2025年7月10日")
def date_format(ctx):
    """成文日期 with zero padding or in Chinese numerals."""
    for p in ctx.paragraphs("date"):
        if _BAD_DATE.search(p.clean):
            yield ctx.finding_at(p, 0, len(p.text), f"成文日期“{p.text}”应使用阿拉伯数字，月、日不加“0”。")


@rule("title-final-punctuation", family="document", severity="warning", genres=DOC,
      title="标题末尾有标点", reference=f"{REF}，标题",
      positive="关于工作情况的报告。\n市委：\n今年工作成效明显。\n特此报告。",
      negative="关于工作情况的报告\n市委：\n今年工作成效明显。\n特此报告。")
def title_final_punctuation(ctx):
    """A document title takes no final punctuation."""
    for p in ctx.paragraphs("title"):
        if p.text[-1] in "。，；：！？.,;:!?":
            yield ctx.finding_at(p, len(p.text) - 1, len(p.text), "公文标题末尾不加标点。", "")
