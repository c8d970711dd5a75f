"""Every figure, line number and quotation lesson 05's prose (and its solution notebook's
explanations) state about the specimen, the corpus and the kit, computed by the kit.
Line numbers are the raw edition's unless a test says otherwise."""

from __future__ import annotations

import re

import baogao
from baogao.analysis.evidence import result_claims
from baogao.analysis.leads import paragraph_roles
from baogao.course import lesson05_evidence as lesson
from baogao.course import lesson05_measures as measures
from baogao.lint import lint
from baogao.sources.errata import load_errata
from baogao.widgets.highlight import layer_marks
from notebook_cells import cell_list
from notebook_cells import cell_text as cells

RAW = baogao.specimen()
CORRECTED = baogao.specimen(edition="corrected")
ERRATA = load_errata().set_index("id")
Q = measures.quantities(RAW)


PROSE = cells("notebooks/05_evidence.ipynb", "markdown")
CODE = cells("notebooks/05_evidence.ipynb", "code")
SOLUTION_PROSE = cells("solutions/05_evidence.ipynb", "markdown")


def says(*phrases, prose=PROSE):
    for phrase in phrases:
        assert phrase in prose, phrase


def raws(line: int) -> list[str]:
    return Q.loc[Q["line"] == line, "raw"].tolist()


def quoted(line: int, text: str, edition=RAW) -> None:
    assert text in edition.line(line).text, (line, text)


# -- the lesson's frame --------------------------------------------------------------------
def test_title_link_predictions_widget_and_guards():
    assert PROSE.startswith("# 第 5 课　数据与论据")
    says("(../exercises/05_evidence.ipynb)", "**原样版**", "先预测，再检查", "学习目标", "时长", "小结")
    assert PROSE.count("先预测，再检查") >= 6
    widget = next(c for c in cell_list("notebooks/05_evidence.ipynb", "code") if "lesson.highlighter(report)" in c)
    assert widget.splitlines()[0] == "# NBVAL_IGNORE_OUTPUT"
    for guarded in ("lesson.anniversary_forms()", "lesson.arithmetic_examples()"):
        assert f"{guarded} if lesson.is_specimen(report) else print(lesson.ONLY_SPECIMEN)" in CODE
    says("共七道题")
    assert len(lesson.assignment.problems) == 7


def test_the_durations_add_up_to_the_manifest():
    from baogao.course import lesson as manifest

    says("**时长**：约 40 分钟", "练习本另需约 40 分钟")
    parts = re.search(r"\*\*时长\*\*：约 40 分钟（([^）]+)）", PROSE).group(1)
    assert sum(int(n) for n in re.findall(r"(\d+) 分钟", parts)) == 40
    assert manifest("05_evidence").minutes == 80


# -- 一、figures carry the argument ----------------------------------------------------------
def test_line_17_lead_and_its_five_figures():
    lead = RAW.line(17).text.split("。")[0] + "。"
    assert lead == "在急难险重任务中发挥至关重要的作用。"
    assert raws(17) == ["25.3万人次", "388.1万人", "1400多支", "2900多名", "22.2万名"]
    says("原样版第 17 行的主旨句是“在急难险重任务中发挥至关重要的作用。”，后面的做法和事例里有 5 个数据：25.3万人次、388.1万人、1400多支、2900多名、22.2万名。")


def test_what_is_no_figure_in_section_one():
    for line, text in ((22, "12355"), (12, "5月4日")):
        quoted(line, text)
        assert not any(text in r for r in raws(line))
    says("12355 是热线号码，5月4日是日期")


def test_overview_counts():
    body = measures.paragraph_lines(RAW)
    with_figures = sorted({int(n) for n in Q["line"]} & set(body))
    assert (len(body), len(with_figures), len(Q)) == (37, 22, 69)
    assert measures.rate_per_1000(RAW) == 7.79
    assert (Q["qualifier"] != "").sum() == 23 and measures.qualified_share(RAW) == 33.3
    says("样本报告（原样版）正文 37 段，22 段带数据，一共 69 个数据，每千字 7.79 个。")
    says("样本报告（原样版）正文 37 段，22 段有数据，一共 69 个。")
    table = lesson.overview(RAW)
    assert list(table.columns) == ["报告", "正文字数", "数据（个）", "每千字", "正文段落", "有数据的段落", "带限定词的数据（%）"]


def test_densest_paragraphs():
    counts = Q["line"].value_counts()
    assert counts.max() == 6 and counts.idxmax() == 18 and (counts == 6).sum() == 1
    assert sorted(int(n) for n, c in counts.items() if c == 5) == [12, 17, 30, 43]
    assert raws(18) == ["854个", "92万余人", "4.1万名", "4.5万余名", "300多个", "近6万名"]
    says("数据最多的是第 18 行（6 个：854个、92万余人、4.1万名、4.5万余名、300多个、近6万名），其次是第 12、17、30、43 行（各 5 个）。")


def test_paragraphs_without_figures():
    have = {int(n) for n in Q["line"]}
    without = [n for n in measures.paragraph_lines(RAW) if n not in have]
    assert without == [3, 4, 6, 7, 8, 11, 16, 20, 25, 26, 29, 37, 40, 44, 46]
    roles = {p.line: role for p, role, _ in paragraph_roles(RAW)}
    assert [n for n in without if roles[n] in ("intro", "intro_lost")] == [6, 11, 16, 20, 25, 29, 40]
    assert [n for n in without if roles[n] == "opening"] == [3, 4]
    assert [n for n in without if roles[n] == "closing"] == [44, 46]
    assert [n for n in without if roles[n] == "lead"] == [7, 8, 26, 37]
    says("没有数据的 15 段里，7 段是总述段（第 6、11、16、20、25、29、40 行），2 段是开头（第 3、4 行），"
         "2 段在结尾部分（第 44、46 行），还有第 7、8、26、37 行")


# -- 二、every figure ---------------------------------------------------------------------------
def test_the_highlighter_counts_every_figure():
    assert len(layer_marks(RAW, "quantities")) == 69
    says("“数据（69）”的括号里是数据的个数", "“三、立足“十四五”开局…（第15行）”")
    from baogao.widgets.outline import section_choices

    label = next(text for text, line in section_choices(RAW) if line == 15)
    assert label == "三、立足“十四五”开局,组织动…（第15行）"
    section = next(s for s in RAW.outline().sections() if s.line == 15)
    assert section.line <= 18 <= section.end_line


def test_chinese_numerals_and_units_named():
    for line, raw in ((9, "三年"), (30, "三类"), (41, "三省"), (41, "九市"), (45, "四条")):
        assert raw in raws(line), (line, raw)
    says("第 9 行的“三年”、第 30 行的“三类”、第 41 行的“三省”“九市”、第 45 行的“四条”")
    hundred = measures.figure(19, "百万")
    assert hundred["value"] == 1_000_000
    says("第 19 行的“百万志愿者”也算作一个数据（1000000）")
    bare = Q.loc[Q["unit"] == "", ["line", "raw"]].values.tolist()
    assert bare == [[12, "一半以上"], [14, "4000多万"], [14, "近三分之一"], [19, "百万"], [23, "11.1万"]]
    for line, text in ((14, "4000多万团员"), (19, "百万志愿者"), (23, "11.1万青年")):
        quoted(line, text)
    says("有 5 个数据没有单位或量词", "“4000多万团员”（第 14 行）、“百万志愿者”（第 19 行）、“11.1万青年”（第 23 行）只带“万”")
    table = lesson.figure_table(RAW)
    assert list(table.columns) == ["行号", "原文", "数值", "单位", "限定词", "类别"] and len(table) == 69
    assert table.loc[3].tolist() == [12, "330多万个", "3300000", "个", "多", "数量"]


# -- 三、qualifiers -------------------------------------------------------------------------------
def test_qualifier_examples_and_counts():
    for line, raw, qualifier in ((12, "330多万个", "多"), (18, "92万余人", "余"), (14, "近三分之一", "近"),
                                 (18, "近6万名", "近"), (30, "近16万个", "近"), (9, "90%以上", "以上"),
                                 (12, "90%以上", "以上")):
        assert measures.figure(line, raw)["qualifier"] == qualifier
    says("**多**：330多万个（第 12 行）", "**余**：92万余人（第 18 行）",
         "**近**：近三分之一（第 14 行）、近6万名（第 18 行）、近16万个（第 30 行）", "**以上**：90%以上（第 9 行、第 12 行）")
    assert measures.qualifier_counts(RAW) == {"多": 13, "以上": 5, "近": 3, "余": 2}
    says("23 个带限定词：“多” 13 个、“以上” 5 个、“近” 3 个、“余” 2 个")
    b = measures.figure_bounds(12, "330多万个")
    assert (b.low, b.high) == (3_300_000, 3_400_000)
    b = measures.figure_bounds(18, "92万余人")
    assert (b.low, b.high) == (920_000, 930_000)
    says("比 330 万多，又不到 340 万", "比 92 万多，不到 93 万")


def test_duo_outside_figures():
    body = set(measures.paragraph_lines(RAW))
    total = sum(RAW.line(n).text.count("多") for n in body)
    outside = measures.duo_outside(RAW)
    assert total == 22 and len(outside) == 9 and total - len(outside) == 13
    words = {"多次", "许多", "多地", "多轮", "多语种", "多样化"}
    for line, context in outside:
        assert any(w in RAW.line(line).text and (w in context or w[:2] in context) for w in words), context
    for w in words:
        assert sum(RAW.line(n).text.count(w) for n in body) >= 1, w
    says("“多”字在正文里一共出现 22 次，其中 9 次不是限定词：“多次”“许多”“多地”“多轮”“多语种”“多样化”")


# -- 四、units --------------------------------------------------------------------------------------
def test_unit_counts():
    counts = Q["unit"].value_counts()
    assert counts["个"] == 24 and counts["项"] == 8 and counts["%"] == 8 and counts["名"] == 7
    assert counts.index[0] == "个"
    says("用得最多的量词是“个”（24 个数据），其次是“项”和“%”（各 8 个）、“名”（7 个）")
    for line, raw in ((12, "330多万个"), (18, "854个"), (18, "300多个"), (21, "80个"), (31, "31个")):
        assert measures.figure(line, raw)["unit"] == "个"
    quoted(31, "31个省级青联")
    table = lesson.measure_words()
    assert table["量词"].tolist() == ["支", "名", "件", "场", "项", "次"]


def test_the_prediction_of_section_four_names_real_text():
    quoted(17, "1400多支青年突击队")
    quoted(17, "出动青年突击队25.3万人次")
    assert RAW.line(17).text.count("青年突击队") == 3  # and 青年突击队组建管理, which counts nothing
    assert [r for r in raws(17) if re.search("青年突击队" + re.escape(r) + "|" + re.escape(r) + "青年突击队",
                                              RAW.line(17).text)] == ["25.3万人次", "1400多支"]
    quoted(43, "开展学习12项")
    quoted(43, "书记处会议35次")
    quoted(32, "成功率")
    says("第 17 行有两个数说的是青年突击队，一个论“支”，一个后面跟着“人次”")


# -- 五、number forms ----------------------------------------------------------------------------------
def test_anniversary_forms_and_errata():
    quoted(3, "建党100周年")
    quoted(11, "建党一百周年")
    quoted(45, "建党一百周年")
    assert sum("建党一百周年" in RAW.line(n).text for n in range(1, 48)) == 2
    e = ERRATA.loc["E007"]
    assert (e["line"], e["category"], e["certainty"], e["correction"]) == (3, "number_style", "probable", "unknown")
    quoted(1, "建党100周年", CORRECTED)
    found = [f for f in lint(RAW) if f.family == "numerals"]
    assert [(f.line, f.rule) for f in found] == [(3, "mixed-anniversary-forms")]
    says("第 3 行写“建党100周年”，第 11 行和第 45 行写“建党一百周年”", "勘误表 E007 把它记为“很可能”的问题，改法写“未知”",
         "勘误后版本第 1 行仍然是“建党100周年”")


def test_percent_signs_and_the_range_dash():
    assert RAW.text.count("%") == 8 and RAW.text.count("％") == 0
    assert lesson.form_counts(RAW) == {"%": 8, "％": 0, "—": 1}
    quoted(21, "2016—2025年")
    says("样本报告的 8 个百分号都是半角的“%”", "第 21 行的“2016—2025年”中间是一个一字线“—”")


# -- 六、claims -------------------------------------------------------------------------------------------
def test_line_12_quotation_and_its_sentences():
    tail = "据统计,5月4日、6月1日、7月1日等重要时间点的主题团课、团队课覆盖率。已经达到90%以上,日常学习中参与率占一半以上。青少年的学习意识比以前有了很大提高。"
    assert RAW.line(12).text.endswith(tail)
    says("> " + tail)
    assert ERRATA.loc["E033", "line"] == 12 and ERRATA.loc["E033", "text"] == "覆盖率。"
    says("勘误表 E033")
    claims = result_claims(RAW)
    last = claims[claims["text"] == "青少年的学习意识比以前有了很大提高。"]
    assert len(last) == 1 and not last.iloc[0]["evidenced"] and last.iloc[0]["line"] == 12


def test_no_baselines():
    for word in ("同比", "比去年", "比上年"):
        assert word not in RAW.text
    assert RAW.text.count("比以前") == 1 and "比以前" in RAW.line(12).text
    quoted(36, "359项")
    says("全文找不到“同比”“比去年”“比上年”，唯一的“比以前”就在这一句")


def test_claims_counts_and_examples():
    assert lesson.claims_summary(RAW) == {"说结果的句子": 26, "同一句里有数据": 7}
    says("样本报告（原样版）里这样的句子有 26 句，只有 7 句在同一句里就有数据")
    claims = result_claims(RAW)
    assert "目前试点进展符合预期。" in claims.loc[claims["line"] == 38, "text"].tolist()
    assert "团的基层组织活力不断提高。" in claims.loc[claims["line"] == 30, "text"].tolist()
    assert raws(30)[2:] == ["9800多个", "近16万个", "4.9万个"]
    nxt = [s for s in claims.loc[claims["line"] == 30, "text"] if "9800多个" in s]
    assert nxt and nxt[0].startswith("创新共青团基层组织模式")
    assert any(s.startswith("推进县域青年创业协会全覆盖") for s in claims.loc[claims["line"] == 18, "text"])
    says("第 38 行“目前试点进展符合预期”", "第 30 行的主旨句“团的基层组织活力不断提高。”后面一句就有 9800多个、近16万个、4.9万个",
         "第 18 行“推进县域青年创业协会全覆盖”")


# -- 七、arithmetic ---------------------------------------------------------------------------------------
def test_worked_arithmetic():
    quoted(12, "20多万个少先队大队、300多万个少先队中队")
    b = measures.squads_per_brigade()
    assert (b.low, b.high) == (10, 20)
    says("平均每个大队有 10 到 20 个中队", "300 万 ÷ 30 万 = 10", "400 万 ÷ 20 万 = 20")
    quoted(42, "244.1万个支部开展团员先进评比")
    quoted(12, "全国330多万个基层团支部")
    s = measures.branches_share()
    assert (round(s.low * 100, 1), round(s.high * 100, 1)) == (71.8, 74.0)
    says("开展评比的支部占 71.8% 到 74.0%")


# -- 八、no figures ---------------------------------------------------------------------------------------
def test_not_figures_are_not_read():
    table = lesson.not_figures()
    assert set(table["工具读作数据了吗"]) == {"没有"}
    for line in (15, 16, 35):
        assert "十四五" in RAW.line(line).text
    assert sum(RAW.line(n).text.count("十四五") for n in range(1, 48)) == 4  # twice in line 16
    quoted(9, "三年实现内部巡视全覆盖")
    assert "三年" in raws(9)
    says("“十四五”（第 15、16、35 行）", "第 9 行“三年实现内部巡视全覆盖”")


def test_relative_dates():
    quoted(14, "去年底")
    quoted(38, "去年5月")
    quoted(3, "2021年,")
    quoted(46, "2022年是")
    quoted(12, "去年底", CORRECTED)  # raw 14 = corrected 12: not corrected
    quoted(36, "去年5月", CORRECTED)
    says("第 14 行的“去年底”和第 38 行的“去年5月”", "报告回顾的是 2021 年的工作（第 3 行“2021年,”）", "第 46 行又说“2022年是……重要一年”",
         "勘误后版本不改这两处")


# -- 九、corpus ---------------------------------------------------------------------------------------------
def test_corpus_figures():
    table = lesson.corpus_table(RAW)
    rows = {r: (n, q) for r, n, q in zip(table["报告"], table["每千字"], table["带限定词（%）"])}
    assert rows["样本报告（原样版）"] == (7.79, 33.3)
    assert rows["2021 国务院"] == (3.87, 35.8)
    corpus = table.iloc[1:]
    assert len(corpus) == 17
    top = corpus.loc[corpus["每千字"].idxmax()]
    assert (top["报告"], top["每千字"]) == ("2016 海拉尔区", 15.53)
    recent = corpus[(corpus["年份"].astype(int) >= 2009) & corpus["报告"].str.endswith("国务院")]
    assert len(recent) == 8
    assert all(set(u.split("、")[:2]) == {"%", "元"} for u in recent["最常用的单位"])
    assert table.iloc[0]["最常用的单位"].split("、")[0] == "个"
    says("样本报告（原样版）每千字 7.79 个数据，2021 年《政府工作报告》每千字 3.87 个",
         "带限定词的数据，样本报告占 33.3%，2021 年《政府工作报告》占 35.8%",
         "17 篇里每千字数据最多的是 2016 年海拉尔区的报告（15.53 个）",
         "2009 年以后的 8 篇国务院报告，用得最多的两个单位都是“%”和“元”", "样本报告用得最多的是“个”")
    years = sorted(int(y) for y in corpus["年份"])
    assert (years[0], years[-1]) == (1978, 2025)
    assert sum(corpus["报告"].str.endswith("国务院")) == 14 and sum(corpus["报告"].str.endswith("海拉尔区")) == 3


# -- the solution's explanations ------------------------------------------------------------------------
def test_solution_facts():
    s = SOLUTION_PROSE
    assert measures.completion_share() == 98.9 and measures.unfinished() == 4 and measures.at_least_done() == 83
    says("359 ÷ 363 × 100 ≈ 98.9，还有 4 项", "92 × 90% = 82.8", "至少 83 项", prose=s)
    c, p = measures.per_community(), measures.per_project()
    assert (round(c.low, 1), round(c.high, 1), p.high, p.low) == (1077.3, 1089.0, 200, None)
    says("920000 ÷ 854 ≈ 1077.3", "930000 ÷ 854 ≈ 1089.0", "至少 1077 人", "60000 ÷ 300 = 200", prose=s)
    for eid, line in (("E096", 32), ("E114", 38)):
        assert ERRATA.loc[eid, "line"] == line and ERRATA.loc[eid, "certainty"] == "probable"
    quoted(33, "26个省份")
    says("勘误表 E096，很可能", "勘误表 E114，很可能", "第 33 行就写作“26个省份”", prose=s)
    for eid, (wrong, right) in (("E165", ("12项", "12次")), ("E166", ("26项", "26次"))):
        e = ERRATA.loc[eid]
        assert (e["line"], e["text"], e["correction"], e["certainty"]) == (43, wrong, right, "probable"), eid
        assert f"开展学习{wrong}" in RAW.line(43).text, eid
    assert "也可能原文按专题计" in ERRATA.loc["E165", "basis"]
    says("勘误表 E165、E166 也认为这两处很可能写错了，改为“12次”“26次”（把握程度“很可能”：也可能原文按专题计）", prose=s)
    assert measures.qualifier_counts(RAW) == {"多": 13, "以上": 5, "近": 3, "余": 2}
    says("“多” 13 个、“以上” 5 个、“近” 3 个、“余” 2 个", "“多”字在正文里出现 22 次，其中 9 次", "第 12 行有三个“多”", prose=s)
    assert [r for r in raws(12) if "多" in r] == ["330多万个", "20多万个", "300多万个"]
    assert 4.1 * 100000000 == 409999999.99999994
    says("4.1 × 100000000 在电脑里不是整数 410000000", prose=s)
