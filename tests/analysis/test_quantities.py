"""Quantities: the hand-written specimen fixture, every policy case, values, offsets, the corpus."""

import dataclasses
import json
import math
import re
import time
from pathlib import Path

import pytest

import baogao
from baogao.analysis.quantities import COLUMNS, Quantity, extract_quantities, quantity_table
from baogao.analysis.tables import sentence_table
from baogao.report import Report


def _one(text):
    found = extract_quantities(text)
    assert len(found) == 1, [q.raw for q in found]
    return found[0]


def _raws(text):
    return [q.raw for q in extract_quantities(text)]


# -- the specimen, read by hand ------------------------------------------------

@pytest.fixture(scope="module")
def specimen():
    return baogao.specimen()


@pytest.fixture(scope="module")
def specimen_table(specimen):
    return quantity_table(specimen)


ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def expected():
    path = ROOT / "tests" / "fixtures" / "specimen_quantities.json"
    return json.loads(path.read_text(encoding="utf-8"))


def test_specimen_fixture_reproduced_exactly(specimen_table, expected):
    got = [(int(r.line), r.raw, r.unit, r.qualifier) for r in specimen_table.itertuples()]
    want = [(e["line"], e["raw"], e["unit"], e["qualifier"]) for e in expected["quantities"]]
    assert got == want
    for row, e in zip(specimen_table.itertuples(), expected["quantities"]):
        assert row.value == pytest.approx(e["value"], rel=1e-12), e["raw"]


def test_specimen_counts(expected, specimen_table):
    assert len(expected["quantities"]) == 69
    assert len(specimen_table) == 69
    assert len(expected["not_quantities"]) == 129


def test_specimen_not_quantities_are_not_extracted(specimen, specimen_table, expected):
    spans = list(zip(specimen_table["start"], specimen_table["end"]))
    for e in expected["not_quantities"]:
        line = specimen.line(e["line"])
        occurrences = [m.start() for m in re.finditer(re.escape(e["raw"]), line.text)]
        assert occurrences, e  # the fixture itself must point at real text
        for o in occurrences:
            a, b = line.start + o, line.start + o + len(e["raw"])
            assert not any(s < b and a < t for s, t in spans), (e, specimen.text[a:b])


def test_specimen_not_quantities_reasons_are_documented(expected):
    reasons = {e["reason"] for e in expected["not_quantities"]}
    text = (ROOT / "docs" / "quantities.md").read_text(encoding="utf-8")
    for reason in reasons:
        assert f"`{reason}`" in text, reason


def test_specimen_quantity_values_have_plain_types():
    q = _one("共出动青年突击队25.3万人次，")
    assert isinstance(q.value, int) and q.value == 253000
    assert isinstance(_one("成功率为97.4%。").value, float)


# -- what IS a quantity: one minimal example per rule ----------------------------

IS_CASES = [
    # text, raw, value, value_high, unit, qualifier, kind
    ("突击队25.3万人次，", "25.3万人次", 253000, None, "人次", "", "count"),
    ("依托全国330多万个基层团支部", "330多万个", 3300000, None, "个", "多", "count"),
    ("联系青年社团近16万个；", "近16万个", 160000, None, "个", "近", "count"),
    ("平均成功率为97.4%。", "97.4%", 97.4, None, "%", "", "percent"),
    ("近三分之一的受访者", "近三分之一", 1 / 3, None, "", "近", "fraction"),
    ("对4000多万团员进行", "4000多万", 40000000, None, "", "多", "count"),
    ("社会组织9800多个，", "9800多个", 9800, None, "个", "多", "count"),
    ("开展学习12项，", "12项", 12, None, "项", "", "count"),
    ("覆盖搬迁青少年92万余人。", "92万余人", 920000, None, "人", "余", "count"),
    ("已完成90%以上；", "90%以上", 90, None, "%", "以上", "percent"),
    ("参与率占一半以上。", "一半以上", 0.5, None, "", "以上", "fraction"),
    ("超过半数的企业", "超过半数", 0.5, None, "", "超过", "fraction"),
    ("动员百万志愿者参与", "百万", 1000000, None, "", "", "count"),
    ("有九个省份", "九个", 9, None, "个", "", "count"),
    ("三十多个国家", "三十多个", 30, None, "个", "多", "count"),
    ("共一百零八项", "一百零八项", 108, None, "项", "", "count"),
    ("需要两个月", "两个月", 2, None, "个月", "", "duration"),
    ("拟安排两个项目", "两个", 2, None, "个", "", "count"),
    ("增长百分之十一点八，", "百分之十一点八", 11.8, None, "%", "", "percent"),
    ("增长千分之五，", "千分之五", 5, None, "‰", "", "percent"),
    ("自然增长率降到6.45‰，", "6.45‰", 6.45, None, "‰", "", "percent"),
    ("同比提高1.2个百分点。", "1.2个百分点", 1.2, None, "个百分点", "", "points"),
    ("增长１１．１％。", "１１．１％", 11.1, None, "%", "", "percent"),
    ("增长1.7倍，", "1.7倍", 1.7, None, "倍", "", "multiple"),
    ("比前五年增长一倍多。", "一倍多", 1, None, "倍", "多", "multiple"),
    ("下降超过五成，", "超过五成", 0.5, None, "成", "超过", "fraction"),
    ("投入1.2万元，", "1.2万元", 12000, None, "元", "", "money"),
    ("达到１０９２０亿元，", "１０９２０亿元", 1092000000000, None, "元", "", "money"),
    ("储备达到8189亿美元。", "8189亿美元", 818900000000, None, "美元", "", "money"),
    ("新增4万多亿元。", "4万多亿元", 4000000000000, None, "元", "多", "money"),
    ("发行1000亿元人民币国债", "1000亿元人民币", 100000000000, None, "元", "", "money"),
    ("粮食产量1.4万亿斤，", "1.4万亿斤", 1400000000000, None, "斤", "", "measure"),
    ("钢产量二千八百万吨，", "二千八百万吨", 28000000, None, "吨", "", "measure"),
    ("新增三亿五千万元", "三亿五千万元", 350000000, None, "元", "", "money"),
    ("高速公路超过1.9万公里，", "超过1.9万公里", 19000, None, "公里", "超过", "measure"),
    ("治理面积26.6万平方公里，", "26.6万平方公里", 266000, None, "平方公里", "", "measure"),
    ("装机900万千瓦以上，", "900万千瓦以上", 9000000, None, "千瓦", "以上", "measure"),
    ("我国60岁以上人口", "60岁以上", 60, None, "岁", "以上", "measure"),
    ("共有1,000人参加", "1,000人", 1000, None, "人", "", "count"),
    ("共有12,345,678人", "12,345,678人", 12345678, None, "人", "", "count"),
    ("改革启动5年来，", "5年", 5, None, "年", "", "duration"),
    ("过去五年，", "五年", 5, None, "年", "", "duration"),
    ("中央直属机关三年实现全覆盖", "三年", 3, None, "年", "", "duration"),
    ("经过两年多的研究", "两年多", 2, None, "年", "多", "duration"),
    ("一年半以来", "一年半", 1.5, None, "年", "", "duration"),
    ("一年多来，党", "一年多", 1, None, "年", "多", "duration"),
    ("用一个月时间", "一个月", 1, None, "个月", "", "duration"),
    ("历时一个多月", "一个多月", 1, None, "个月", "多", "duration"),
    ("增长一倍。", "一倍", 1, None, "倍", "", "multiple"),
    ("实行每周五天半工作制", "五天半", 5.5, None, "天", "", "duration"),
    ("压缩到不超过120个工作日。", "不超过120个工作日", 120, None, "个工作日", "不超过", "duration"),
    ("实行了长达2600年的古老税制", "2600年", 2600, None, "年", "", "duration"),
    ("近五年来", "五年", 5, None, "年", "", "duration"),  # 近 means "recent" here
    ("约8000万纳税人", "约8000万", 80000000, None, "", "约", "count"),
    ("增长接近60%，", "接近60%", 60, None, "%", "接近", "percent"),
    ("不到70万亿元", "不到70万亿元", 70000000000000, None, "元", "不到", "money"),
    ("逾3000人参加", "逾3000人", 3000, None, "人", "逾", "count"),
    ("控制在1亿左右", "1亿左右", 100000000, None, "", "左右", "count"),
    ("4.6%以内", "4.6%以内", 4.6, None, "%", "以内", "percent"),
    ("3岁以下婴幼儿", "3岁以下", 3, None, "岁", "以下", "measure"),
    ("经三省九市验证", "三省", 3, None, "省", "", "count"),
    ("全团有四条突出经验", "四条", 4, None, "条", "", "count"),
    ("建设三类青年社会组织", "三类", 3, None, "类", "", "count"),
    ("在党员中举办9场对话", "9场", 9, None, "场", "", "count"),
    ("启动80余场次活动", "80余场次", 80, None, "场次", "余", "count"),
    ("分两期投放", "两期", 2, None, "期", "", "count"),
    ("完成100年的规划", "100年", 100, None, "年", "", "duration"),
    # ranges
    ("增长6.5%－7%，", "6.5%－7%", 6.5, 7, "%", "", "range"),
    ("增长6.5－7%，", "6.5－7%", 6.5, 7, "%", "", "range"),
    ("占15%～30%。", "15%～30%", 15, 30, "%", "", "range"),
    ("约9亿～16亿。", "约9亿～16亿", 900000000, 1600000000, "", "约", "range"),
    ("约9～16亿元。", "约9～16亿元", 900000000, 1600000000, "元", "约", "range"),
    ("用3至5年时间", "3至5年", 3, 5, "年", "", "range"),
    ("用三到五年时间", "三到五年", 3, 5, "年", "", "range"),
    ("增长6%-6.5%；", "6%-6.5%", 6, 6.5, "%", "", "range"),
    ("每年增长百分之四到五，", "百分之四到五", 4, 5, "%", "", "range"),
    ("增加两、三倍；", "两、三倍", 2, 3, "倍", "", "range"),
    ("来了三四个人", "三四个", 3, 4, "个", "", "range"),
    ("用两三年时间", "两三年", 2, 3, "年", "", "range"),
    ("用一至两年时间", "一至两年", 1, 2, "年", "", "range"),
    ("投资100万元至300万元不等", "100万元至300万元", 1000000, 3000000, "元", "", "range"),
    # Chinese decimals with a multiplier
    ("投资三点五万亿元，", "三点五万亿元", 3500000000000, None, "元", "", "money"),
    ("惠及一点五亿人。", "一点五亿人", 150000000, None, "人", "", "count"),
    ("产量十一点八万吨", "十一点八万吨", 118000, None, "吨", "", "measure"),
    ("增长零点五个百分点", "零点五个百分点", 0.5, None, "个百分点", "", "points"),
    # container units, normalised to 标准箱
    ("集装箱吞吐量2000万标准箱，", "2000万标准箱", 20000000, None, "标准箱", "", "measure"),
    ("吞吐量4387万标箱、增长11%", "4387万标箱", 43870000, None, "标准箱", "", "measure"),
    ("年吞吐能力1200万TEU。", "1200万TEU", 12000000, None, "标准箱", "", "measure"),
    ("年吞吐能力1200万 TEU。", "1200万 TEU", 12000000, None, "标准箱", "", "measure"),
    ("新增800TEU集装箱船", "800TEU", 800, None, "标准箱", "", "measure"),
    # 成 after an Arabic digit, and 一成
    ("占全国3成", "3成", 0.3, None, "成", "", "fraction"),
    ("下降超3成的情况下", "超3成", 0.3, None, "成", "超", "fraction"),
    ("占2.5成左右", "2.5成左右", 0.25, None, "成", "左右", "fraction"),
    ("比重不到一成。", "不到一成", 0.1, None, "成", "不到", "fraction"),
    # 英寸, 枚
    ("建成8英寸碳化硅晶圆线", "8英寸", 8, None, "英寸", "", "measure"),
    ("获得金牌12枚，", "12枚", 12, None, "枚", "", "count"),
    ("发射三枚卫星", "三枚", 3, None, "枚", "", "count"),
    # 级 as a magnitude
    ("处置漾濞6.4级地震", "6.4级", 6.4, None, "级", "", "measure"),
    ("里氏6.5级", "6.5级", 6.5, None, "级", "", "measure"),
    ("7级以上地震", "7级以上", 7, None, "级", "以上", "measure"),
    ("遭遇十二级台风", "十二级", 12, None, "级", "", "measure"),
    ("出现8级大风，", "8级", 8, None, "级", "", "measure"),
    ("沿海风力达10级", "10级", 10, None, "级", "", "measure"),
]


@pytest.mark.parametrize("text,raw,value,high,unit,qualifier,kind", IS_CASES,
                         ids=[c[1] for c in IS_CASES])
def test_is_a_quantity(text, raw, value, high, unit, qualifier, kind):
    found = [q for q in extract_quantities(text) if q.raw == raw]
    assert found, (text, _raws(text))
    q = found[0]
    assert q.value == pytest.approx(value, rel=1e-12)
    assert (q.value_high is None) if high is None else q.value_high == pytest.approx(high)
    assert (q.unit, q.qualifier, q.kind) == (unit, qualifier, kind)
    assert text[q.start:q.end] == raw


# -- what is NOT a quantity ------------------------------------------------------

NOT_CASES = [
    # text, the number-like span that must not be (part of) a quantity, reason
    ("2021年,以习近平同志为核心", "2021年", "date"),
    ("5月4日、6月1日、7月1日等", "5月4日", "date"),
    ("试点从去年5月开始", "去年5月", "date"),
    ("2022年是重要一年。", "2022年", "date"),
    ("2035年远景目标纲要", "2035年", "date"),
    ("《规划(2016—2025年)》", "2016—2025年", "date"),
    ("从2018年至2022年", "2018年至2022年", "date"),
    ("一九七八年到一九八五年", "一九七八年", "date"),
    ("二〇二一年", "二〇二一年", "date"),
    ("二○一二年", "二○一二年", "date"),  # a white circle for 〇
    ("二0二0年", "二0二0年", "date"),
    ("二００八年奥运会", "二００八年", "date"),
    ("二O一五年", "二O一五年", "date"),
    ("到一九八○年把", "一九八○年", "date"),
    ("〇八年以来", "〇八年", "date"),
    ("08年以来", "08年", "date"),
    ("从二〇一二年至二〇一六年", "二〇一二年至二〇一六年", "date"),
    ("二〇二六年一月十五日", "二〇二六年一月十五日", "date"),
    ("八十年代以来", "八十年代", "date"),
    ("80年代以来", "80年代", "date"),
    ("2021年度预算", "2021年度", "date"),
    ("立足“十四五”开局", "十四五", "plan"),
    ("纳入“十五”规划", "十五", "plan"),
    ("制定五年规划", "五年规划", "plan"),
    ("国企改革三年行动", "三年行动", "plan"),
    ("普及九年义务教育", "九年义务教育", "plan"),
    ("强化“四个意识”", "四个意识", "formulation"),
    ("做到两个维护", "两个维护", "formulation"),
    ("践行三严三实", "三严三实", "formulation"),
    ("“三个代表”重要思想", "三个代表", "formulation"),
    ("弘扬“一带一路”", "一带一路", "formulation"),
    ("中央八项规定精神", "八项规定", "formulation"),
    ("带头执行团中央“六项规定”", "六项规定", "formulation"),
    ("提案建议“三项制度”实施细则", "三项制度", "formulation"),
    ("推出“大气十条”", "十条", "formulation"),
    ("粉碎四人帮以后", "四人帮", "formulation"),
    ("也是百年党史带给共青团的最大启示", "百年", "formulation"),
    ("面对百年变局", "百年", "formulation"),
    ("党的一百年奋斗", "一百年", "formulation"),
    ("促进三次产业融合", "三次", "formulation"),
    ("习近平总书记在“七一”重要讲话中", "七一", "name"),
    ("全国“两会”期间", "两会", "name"),
    ("关爱暑期班、“四点半班”", "四点半", "name"),
    ("全国青联推出惠及港澳青年八条,聚焦", "八条", "name"),
    ("五四运动", "五四", "name"),
    ("我们党将召开第二十次全国代表大会", "二十次", "ordinal"),
    ("第一批20个县", "一批", "ordinal"),
    ("迈向第二个百年奋斗目标", "二个", "ordinal"),
    ("协调共青团第三轮对口支援", "三轮", "ordinal"),
    ("连续第7年提高", "7年", "ordinal"),
    ("党的十九大和历次全会精神", "十九", "ordinal"),
    ("十三届全国人大二次会议", "二次", "ordinal"),
    ("九届十四次全委会", "十四次", "ordinal"),
    ("污水处理厂二期等", "二期", "ordinal"),
    ("三期工程", "三期", "ordinal"),
    ("二轮土地承包", "二轮", "ordinal"),
    ("一是以加强政治建设为统领", "一是", "marker"),
    ("（三）加强建设", "三", "marker"),
    ("6.坚持不懈抓基层", "6.", "marker"),
    ("第五,主动作为", "第五", "marker"),
    ("依托青年之家、12355服务台等渠道", "12355", "code"),
    ("综合运用H5、小程序", "H5", "code"),
    ("加大5G网络建设", "5G", "code"),
    ("细颗粒物（PM2.5）浓度", "2.5", "code"),
    ("安理会５９８号决议", "５９８号", "code"),
    ("国发〔2021〕5号", "5号", "code"),
    ("在建党100周年重大庆祝活动中", "100周年", "anniversary"),
    ("以建党一百周年为契机", "一百周年", "anniversary"),
    ("迎来百年华诞", "百年", "anniversary"),
    ("一年来,共青团坚持", "一年", "period"),
    ("过去一年工作的推进", "一年", "period"),
    ("在新的一年里", "一年", "period"),
    ("提前一年建成", "一年", "period"),
    ("进行的一项调查显示", "一项", "article"),
    ("聘请一位有爱心的妈妈", "一位", "article"),
    ("对新一届全国青联全体委员", "一届", "article"),
    ("这一光荣职责", "这一", "article"),
    ("出台一系列政策", "一系列", "vague"),
    ("推出了一大批服务", "一大批", "vague"),
    ("重点关注以下几个方面", "几个", "vague"),
    ("至少还需要几十年时间", "十年", "vague"),
    ("看到数百万难民", "百万", "vague"),
    ("惠及上千万家庭", "千万", "vague"),
    ("以千万计", "千万", "vague"),
    ("千百万知识青年", "千百万", "vague"),
    ("二三十年时间", "二三十年", "vague"),
    ("成千上万的人", "千上万", "vague"),
    ("进一步优化青少年工作环境", "一步", "word"),
    ("一般由学校党组织负责人兼任", "一般", "word"),
    ("通过改革,一方面,制度化", "一方", "word"),
    ("这是团结一致的结果", "一致", "word"),
    ("促进两岸青年交流", "两岸", "word"),
    ("千万不要松懈", "千万", "word"),
    ("要抓好两头", "两头", "word"),
    ("实现两位数增长", "两位", "word"),
    ("又注重举一反三,综合集成", "一反三", "idiom"),
    ("千方百计扩大就业", "千方", "idiom"),
    ("走进千家万户", "千家", "idiom"),
    ("三番五次强调", "五次", "idiom"),
    ("战争总有一天要打起来", "一天", "idiom"),
    ("制度一成不变", "一成", "idiom"),
    ("新增3成员单位", "3成", "word"),
    ("建成三级医院", "三级", "grade"),
    ("苏南运河二级航道", "二级", "grade"),
    ("创建市县两级全覆盖", "两级", "grade"),
    ("国家一级图书馆", "一级", "grade"),
    ("千亿级产业链达到", "千亿级", "grade"),
    ("2个百亿级产业集群", "百亿级", "grade"),
    ("都有团和队组织清明节祭祀和祭扫,十", "十", "fragment"),
]


@pytest.mark.parametrize("text,span,reason", NOT_CASES, ids=[f"{c[2]}:{c[1]}" for c in NOT_CASES])
def test_is_not_a_quantity(text, span, reason):
    a = text.index(span)
    b = a + len(span)
    overlapping = [q.raw for q in extract_quantities(text) if q.start < b and a < q.end]
    assert overlapping == [], (reason, overlapping)


def test_not_cases_next_to_real_quantities():
    # The excluded neighbour does not swallow the quantity beside it.
    assert _raws("第一批20个县(市、区)的经验") == ["20个"]
    assert _raws("试点从去年5月开始在全国31个省的621个县") == ["31个", "621个"]
    assert _raws("加大5G网络建设，5G基站达60万个") == ["60万个"]
    assert _raws("2016—2025年新增8个") == ["8个"]


# -- values ----------------------------------------------------------------------

@pytest.mark.parametrize("text,value", [
    ("九个", 9), ("十个", 10), ("十一个", 11), ("二十个", 20), ("一百零八个", 108),
    ("一千零五十个", 1050), ("两万个", 20000), ("三千万人", 30000000),
    ("三亿五千万元", 350000000), ("十万亿元", 10 ** 13), ("百万志愿者", 1000000),
    ("百分之十一点八", 11.8), ("百分之五十以上", 50), ("三分之一", 1 / 3), ("四分之三", 0.75),
    ("4分之1", 0.25), ("一半", 0.5), ("七成以上", 0.7),
    ("1.4万亿斤", 1.4e12), ("3千万人", 30000000), ("5百万人", 5000000), ("2千人", 2000),
    ("3千米", 3), ("1,000人", 1000), ("１９８７人", 1987), ("２．５％", 2.5),
    ("２２４３．６亿元", 224360000000), ("0.5个百分点", 0.5),
])
def test_values(text, value):
    assert _one(text).value == pytest.approx(value, rel=1e-12)


def test_multiplier_and_unit_are_separated():
    q = _one("3千米")
    assert (q.value, q.unit) == (3, "千米")  # 千米 is a unit, not 千 × 米
    q = _one("新增5万千瓦")
    assert (q.value, q.unit) == (50000, "千瓦")
    q = _one("3亿人次")
    assert (q.value, q.unit) == (300000000, "人次")


def test_unit_normalisation():
    assert _one("增长５％").unit == "%"
    assert _one("提高2百分点").unit == "个百分点"
    assert _one("一个多月").unit == "个月" and _one("一个多月").qualifier == "多"


def test_ascii_comma_between_clauses_is_not_a_thousands_separator():
    assert _raws("已经达到90%以上,日常学习") == ["90%以上"]
    assert _raws("共35次,100个") == ["35次", "100个"]
    assert _raws("共12,34个") == ["34个"]  # a group of two digits is no thousands group


def test_chinese_decimal_equals_arabic_decimal():
    assert _one("三点五万亿元").value == _one("3.5万亿元").value == 3.5e12
    assert _one("二十三点五万人").value == _one("23.5万人").value == 235000


def test_years_with_circles_and_zeros_are_no_duration():
    # 二〇一二年 and its variants are dates; the text around them is still read.
    for year in ("二〇一二", "二○一二", "二◯一二", "二0一二", "二０一二", "二O一二", "二Ｏ一二"):
        assert _raws(f"{year}年完成12项") == ["12项"], year
    assert _raws("到二〇二〇年比二〇一〇年翻一番，用五年时间") == ["五年"]
    assert _raws("二〇二〇年3个月内") == ["3个月"]


def test_container_units_compare():
    a, b, c = (_one(t) for t in ("吞吐量17.3万标箱", "吞吐量17.3万标准箱", "吞吐量17.3万TEU"))
    assert a.unit == b.unit == c.unit == "标准箱" and a.value == b.value == c.value == 173000
    assert _raws("5G和800TEUs") == []  # Latin letters glued to a number stay a code


def test_grade_and_magnitude_of_ji():
    assert _raws("三级医院和6.4级地震") == ["6.4级"]
    assert _raws("一级响应，风力达8级") == ["8级"]
    assert _raws("L3级自动驾驶") == []


def test_table_has_both_bounds_of_a_range():
    report = Report.from_text("关于项目资金的报告\n一、资金安排\n每个项目投入100万元至300万元，共5个。\n")
    table = quantity_table(report)
    assert list(table["raw"]) == ["100万元至300万元", "5个"]
    assert list(table["kind"]) == ["range", "count"]
    assert table["value"].tolist() == [1000000, 5]
    assert table["value_high"].iloc[0] == 3000000 and math.isnan(table["value_high"].iloc[1])


def test_range_needs_compatible_units():
    assert _raws("3个月至1年") == ["3个月", "1年"]
    assert _raws("由7%降至5%") == ["7%", "5%"]  # 降至 is a verb, not a separator
    assert _raws("7%-5%") == ["7%", "5%"]  # the upper bound is smaller


def test_quantity_is_frozen():
    q = _one("12项")
    with pytest.raises(dataclasses.FrozenInstanceError):
        q.value = 13  # type: ignore[misc]
    assert {f.name for f in dataclasses.fields(Quantity)} == set(COLUMNS)


# -- offsets ---------------------------------------------------------------------

def test_pure_extraction_offsets_lines_sentences():
    text = "第一行没有数字。\n  共完成12项。其中有3项提前。\n\n覆盖80%。"
    qs = extract_quantities(text)
    assert [(q.raw, q.line, q.column, q.sentence) for q in qs] == [
        ("12项", 2, 6, 2), ("3项", 2, 13, 3), ("80%", 4, 3, 4)]
    for q in qs:
        assert text[q.start:q.end] == q.raw
        assert q.raw in q.sentence_text


def test_specimen_offsets_agree_with_report(specimen, specimen_table):
    sentences = sentence_table(specimen)
    for row in specimen_table.itertuples():
        assert specimen.text[row.start:row.end] == row.raw
        assert specimen.position(row.start) == (row.line, row.column)
        s = sentences.iloc[row.sentence - 1]
        assert s["text"] == row.sentence_text
        assert s["start"] <= row.start and row.end <= s["end"]


def test_table_columns_and_types(specimen_table):
    assert list(specimen_table.columns) == COLUMNS
    assert specimen_table["value"].dtype == "float64"
    assert specimen_table["value_high"].isna().all()  # the specimen has no range
    assert set(specimen_table["kind"]) == {"count", "percent", "fraction", "duration"}


def test_table_covers_body_and_headings_only():
    text = ("关于完成3项任务的报告\n市委：\n一、完成5项任务\n今年完成12项任务，覆盖80%以上。\n"
            "特此报告。\n更多关于3项工作的请关注本站。")
    report = Report.from_text(text)
    kinds = [e.kind for e in report.outline().elements]
    assert kinds == ["title", "addressee", "heading", "paragraph", "closing", "boilerplate"]
    table = quantity_table(report)
    assert list(table["raw"]) == ["5项", "12项", "80%以上"]
    assert list(table["line"]) == [3, 4, 4]
    assert list(table["sentence"]) == [3, 4, 4]


def test_empty_table_keeps_columns():
    table = quantity_table(Report.from_text("没有数字的报告\n这一段没有数据。\n"))
    assert list(table.columns) == COLUMNS and len(table) == 0


# -- the corpus --------------------------------------------------------------------

@pytest.mark.parametrize("report", baogao.corpus(), ids=lambda r: r.meta.get("id", r.source))
def test_corpus_report_extracts_with_offsets(report):
    start = time.perf_counter()
    quantities = extract_quantities(report.text)
    elapsed = time.perf_counter() - start
    assert elapsed < 1.0
    assert quantities  # every reference report states figures
    for q in quantities:
        assert report.text[q.start:q.end] == q.raw
        assert report.position(q.start) == (q.line, q.column)
        assert q.kind in {"count", "money", "percent", "points", "fraction", "multiple",
                          "measure", "duration", "range"}
        assert math.isfinite(q.value) and q.value >= 0
    table = quantity_table(report)
    for row in table.itertuples():
        assert report.text[row.start:row.end] == row.raw
        assert report.position(row.start) == (row.line, row.column)
