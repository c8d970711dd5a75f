"""Numeral rules (GB/T 15835-2011 出版物上数字用法)."""

from __future__ import annotations

import re

from baogao.lint.registry import rule
from baogao.text.markers import cn_to_int

REF = "GB/T 15835-2011 出版物上数字用法"
_FULLWIDTH = re.compile(r"[０-９][０-９．，,.]*")


@rule("fullwidth-digits", family="numerals", severity="warning",
      title="全角数字", reference=f"{REF}，阿拉伯数字的使用（用半角阿拉伯数字）",
      positive="国民生产总值达到１０９２０亿元。", negative="国民生产总值达到10920亿元。")
def fullwidth_digits(ctx):
    """Full-width digits (１９８７) where half-width Arabic numerals belong."""
    table = str.maketrans("０１２３４５６７８９．", "0123456789.")
    for p, m in ctx.matches(_FULLWIDTH):
        raw = m.group().rstrip("，,")
        yield ctx.finding_at(p, m.start(), m.start() + len(raw),
                             f"“{raw}”是全角数字，应使用半角阿拉伯数字。", raw.translate(table))


_CN_PERCENT = re.compile(r"百分之[零一二三四五六七八九十百点几两]+")
_AR_PERCENT = re.compile(r"\d(?:\.\d+)?\s*[%％]")


@rule("mixed-percent-forms", family="numerals", severity="warning",
      title="百分数的写法前后不一", reference=f"{REF}，同类数字形式一致",
      positive="增长百分之十一点八，物价上涨21.7%。", negative="增长11.8%，物价上涨21.7%。")
def mixed_percent_forms(ctx):
    """Both 百分之十一点八 and 11.8% in one text: one category of number takes one form."""
    chinese, arabic = [], 0
    for p in ctx.paragraphs():
        chinese.extend((p, m) for m in _CN_PERCENT.finditer(p.text))
        arabic += len(_AR_PERCENT.findall(p.text))
    if chinese and arabic:
        for p, m in chinese:
            yield ctx.finding_at(p, m.start(), m.end(),
                                 f"文中百分数多用阿拉伯数字（{arabic} 处），这里写作“{m.group()}”，前后不一致。")


_RANGE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*([～~—\-－至到])\s*(\d+(?:\.\d+)?)\s*(万亿|万|亿|%|％|‰)")


@rule("range-units", family="numerals", severity="error",
      title="数值范围缺少前一个单位", reference=f"{REF}，数值范围（两端的“万”“亿”“%”都要写）",
      positive="预计投资9～16亿元，增长15～30%。", negative="预计投资9亿～16亿元，增长15%～30%，2016—2025年。")
def range_units(ctx):
    """9～16亿 for 9亿～16亿, 15～30% for 15%～30%."""
    for p, m in ctx.matches(_RANGE):
        a, sep, b, unit = m.groups()
        yield ctx.finding_at(p, m.start(), m.end(),
                             f"数值范围“{m.group()}”的前一个数也要带上“{unit}”。", f"{a}{unit}{sep}{b}{unit}")


_TWO_DIGIT_YEAR = re.compile(r"(?<![\d.０-９])[’'‘]?(\d{2})年(?=\d{1,2}月)|[’'‘](\d{2})(?![\d%])")


@rule("two-digit-year", family="numerals", severity="error",
      title="年份只写了两位", reference=f"{REF}，年份不能简写",
      positive="会议于21年3月召开。", negative="会议于2021年3月召开，35年来成绩显著。")
def two_digit_year(ctx):
    """A year written with two digits (21年3月, ’98)."""
    for p, m in ctx.matches(_TWO_DIGIT_YEAR):
        yy = m.group(1) or m.group(2)
        yield ctx.finding_at(p, m.start(), m.end(), f"年份“{m.group()}”只写了两位，应写全（如“20{yy}年”或“19{yy}年”）。")


#: 千 before one of these is the prefix of a unit (千伏 kV, 千瓦 kW, 千克 kg, 千米 km …), not a numeral.
_KILO_UNITS = "伏瓦克米帕赫焦卡"
_ARABIC_WITH_CN_UNIT = re.compile(rf"(?<![\d.])\d+(?:千(?![分万亿{_KILO_UNITS}])|百(?![分万亿]))|(?<![\d.])\d+百零\d+")


@rule("arabic-with-chinese-unit", family="numerals", severity="error",
      title="阿拉伯数字与“千”“百”混用", reference=f"{REF}，数字形式（不写“4千”“1百零8”）",
      positive="新增岗位4千个。",
      negative="新增岗位4000个，投资30亿元，增长5个百分点，建成500千伏线路，排放0.13千克。")
def arabic_with_chinese_unit(ctx):
    """4千 or 1百零8: only 万 and 亿 may follow Arabic numerals. 千 as the prefix of a
    unit (500千伏, 402万千瓦, 0.13千克, 10千米) is no numeral, and neither is a digit
    after a decimal point."""
    for p, m in ctx.matches(_ARABIC_WITH_CN_UNIT):
        yield ctx.finding_at(p, m.start(), m.end(), f"“{m.group()}”混用了阿拉伯数字和“千”“百”，应全部写作阿拉伯数字。")


_ANNIVERSARY = re.compile(r"([\u4e00-\u9fff]{1,4}?)([0-9]+|[一二三四五六七八九十百零〇两]+)(周年)")


@rule("mixed-anniversary-forms", family="numerals", severity="warning",
      title="同一纪念年数写法不一", reference=f"{REF}，同类数字形式一致（庄重场合多用汉字数字）",
      positive="在建党100周年之际……以建党一百周年为契机。", negative="在建党一百周年之际……以建党一百周年为契机。")
def mixed_anniversary_forms(ctx):
    """One anniversary written both ways (建党100周年 and 建党一百周年): keep one form."""
    seen: dict[tuple[str, int], list] = {}
    for p, m in ctx.matches(_ANNIVERSARY):
        prefix, num = m.group(1)[-2:], m.group(2)
        value = int(num) if num.isdigit() else cn_to_int(num)
        if value is None:
            continue
        seen.setdefault((prefix, value), []).append((p, m, num.isdigit()))
    for hits in seen.values():
        forms = {arabic for _, _, arabic in hits}
        if len(forms) < 2:
            continue
        chinese = sum(1 for *_, arabic in hits if not arabic)
        minority_arabic = chinese >= len(hits) - chinese
        for p, m, arabic in hits:
            if arabic == minority_arabic:
                yield ctx.finding_at(p, m.start(2), m.end(2),
                                     f"同一纪念年数在文中有两种写法，这里的“{m.group(2)}周年”与别处不一致。")
