"""Every figure, line number and quotation lesson 04's prose (and its solution notebook's
explanations and its exercises' texts) state about the specimen, the corpus and the kit,
computed by the kit. Line numbers are the raw edition's unless a test says otherwise."""

from __future__ import annotations

import statistics


import baogao
from baogao.analysis.lengths import READABILITY_SOURCE, clause_table, readability, sentence_lengths
from baogao.analysis.parallelisms import parallelisms
from baogao.analysis.tables import body_sentences
from baogao.concordance.profile import measure_table
from baogao.course import lesson04_exercises as exercises
from baogao.course import lesson04_measures as measures
from baogao.course import lesson04_rhythm as lesson
from baogao.course import lesson04_series as series
from baogao.course import lesson04_writing as writing
from baogao.sources.errata import load_errata
from baogao.sources.shipped import corpus_table
from baogao.text.sentences import count_chars
from notebook_cells import cell_list
from notebook_cells import cell_text as cells

RAW = baogao.specimen()
CORRECTED = baogao.specimen(edition="corrected")
ERRATA = load_errata().set_index("id")
GWR = baogao.get("2021_state-council_gwr")


PROSE = cells("notebooks/04_rhythm.ipynb", "markdown")
CODE = cells("notebooks/04_rhythm.ipynb", "code")
SOLUTION_PROSE = cells("solutions/04_rhythm.ipynb", "markdown")


def says(*phrases, prose=PROSE):
    for phrase in phrases:
        assert phrase in prose, phrase


def raw_sentences():
    return body_sentences(RAW)


def first_sentence(report, line):
    s = body_sentences(report)
    return s[(s["line"] == line) & (s["position"] == 1)].iloc[0]


# -- the lesson's frame ------------------------------------------------------------------------
def test_title_link_predictions_widget_and_guards():
    assert PROSE.startswith("# 第 4 课　句式与节奏")
    says("(../exercises/04_rhythm.ipynb)", "先预测，再检查", "**原样版**的行号", "勘误后版本")
    says("原样版第 N 行是勘误后版本的第 N−2 行")
    assert PROSE.count("先预测") >= 6
    widget = next(c for c in cell_list("notebooks/04_rhythm.ipynb", "code") if "lesson.charts(report)" in c)
    assert widget.splitlines()[0] == "# NBVAL_IGNORE_OUTPUT"
    for guarded in ("lesson.trap_table()", "lesson.series_table()", "lesson.errata_table(*lesson.LINE6)"):
        assert f"{guarded} if lesson.is_specimen(report) else print(lesson.ONLY_SPECIMEN)" in CODE
    says("约 40 分钟", "练习本另需约 40 分钟")


def test_the_exercise_list_matches_the_assignment():
    assert list(exercises.assignment.problems) == ["q1", "q2", "q3", "q4", "q5", "q6"]
    says("共六道题")
    kinds = [type(p).__name__ for p in exercises.assignment]
    assert kinds == ["ValueProblem", "ValueProblem", "FunctionProblem", "ChoiceProblem", "ChoiceProblem",
                     "WritingProblem"]


# -- 一、sentences -----------------------------------------------------------------------------
def test_sentence_counts_and_lengths():
    lengths = sentence_lengths(RAW).tolist()
    assert len(lengths) == 176
    assert round(statistics.mean(lengths), 1) == 50.3 and statistics.median(lengths) == 46
    says("正文有 176 句，平均每句 50.3 字，中位数是 46 字")
    assert sum(n >= 100 for n in lengths) == 15 and round(100 * 15 / 176, 1) == 8.5
    says("100 字及以上的句子有 15 句，占 8.5%")
    s = raw_sentences().sort_values("chars", ascending=False)
    assert s["line"].tolist()[:2] == [4, 27] and s["chars"].tolist()[:2] == [173, 153]
    top = s.iloc[0]
    assert top["position"] == 1 and top["clauses"] == 11
    assert top["text"].startswith("一年来,共青团坚持以") and top["text"].endswith("得到了中央书记处的充分肯定。")
    says("最长的一句是第 4 行的第一句（“一年来,共青团坚持以……得到了中央书记处的充分肯定。”），173 字",
         "第二长的在第 27 行，153 字")
    assert lesson.longest_caption(RAW) == "最长的一句在第 4 行（这一段的第 1 句），173 字，11 个分句。"


def test_the_bands():
    assert measures.length_bands(RAW) == [35, 37, 45, 44, 15]
    says("五档依次是 35、37、45、44、15 句", "不到 20 字的短句有 35 句", prose=SOLUTION_PROSE)
    short = raw_sentences()[raw_sentences()["chars"] < 20]["text"].tolist()
    assert "努力提高覆盖率。" in short and "二是强化履职能力。" in short and "通过pa" in short
    says("主旨句（“努力提高覆盖率。”）、列举的小标题句（“二是强化履职能力。”）", prose=SOLUTION_PROSE)


def test_the_stray_full_stop_of_line_12():
    says("第 12 行多了一个句号：“……主题团课、团队课覆盖率。已经达到90%以上”")
    assert "主题团课、团队课覆盖率。已经达到90%以上" in RAW.line(12).text
    e = ERRATA.loc["E033"]
    assert (e["line"], e["text"], e["certainty"]) == (12, "覆盖率。", "certain")
    says("（勘误表 E033）")
    texts = raw_sentences()[raw_sentences()["line"] == 12]["text"].tolist()
    assert any(t.endswith("团队课覆盖率。") for t in texts) and any(t.startswith("已经达到90%以上") for t in texts)
    assert len(body_sentences(CORRECTED)) == 175
    says("勘误后版本去掉了第 12 行多出来的句号，正文是 175 句")


def test_the_eight_unfinished_paragraphs():
    last = raw_sentences().groupby("paragraph").tail(1)
    unfinished = sorted(int(r.line) for r in last.itertuples() if r.text.rstrip()[-1] not in "。！？”")
    assert unfinished == [8, 13, 19, 25, 30, 36, 41, 46] == list(lesson.CUT_OFF)
    says("有八段没有写完（第 8、13、19、25、30、36、41、46 行）")
    says("没写完的段落（第 8、13、19、25、30、36、41、46 行）")
    shortest = raw_sentences().sort_values("chars").iloc[0]
    assert (shortest["line"], shortest["text"], shortest["chars"]) == (25, "通过pa", 4)
    says("第 25 行的最后“一句”只有“通过pa”四个字，是正文里最短的“句子”")
    table = lesson.trap_table()
    assert table["原样版行号"].tolist() == [12, 12, 8, 13, 19, 25, 30, 36, 41, 46]


# -- 二、clauses -------------------------------------------------------------------------------
def test_the_commas_of_the_raw_edition():
    counts = measures.ascii_commas(RAW)
    assert counts == {",": 368, "，": 0, ";": 12, "；": 0, ":": 0, "：": 0}
    says("原样版有 368 个半角逗号“,”和 12 个半角分号“;”，全角的“，；：”一个也没有")


def test_clauses_with_and_without_the_ascii_marks():
    kit, full = measures.clause_counts(RAW), measures.clause_counts(RAW, ascii_marks=False)
    assert (kit["clauses"], kit["per_sentence"], kit["chars_per_clause"]) == (544, 3.091, 14.697)
    assert (full["clauses"], full["per_sentence"], full["chars_per_clause"]) == (176, 1.0, 45.426)
    assert (kit["readability"], full["readability"]) == (7.374, 22.739)
    assert kit["readability"] == readability(RAW)["readability"]
    says("176 句每句都只有 1 个分句，每个分句平均 45.4 字", "这样数出 544 个分句，每句平均 3.09 个，每个分句平均 14.7 字",
         "只认全角标点，它就从 7.374 变成了 22.739", "两个数字之间的半角逗号、冒号除外，例如 1,000、10:30")
    says("原样版的逗号全是半角的", "只认全角标点，指数是 22.739", prose=SOLUTION_PROSE)
    assert measures.full_width_clauses(first_sentence(RAW, 4)["text"]) == [first_sentence(RAW, 4)["text"]]
    assert exercises.q3.reference is exercises.clause_lengths
    assert exercises._full_width_only(first_sentence(RAW, 4)["text"]) == [158]
    says("会把第 4 行的第一句当作一个 150 多字的分句", "“10.5%”是 3 个字（1、0、5）", prose=SOLUTION_PROSE)
    assert exercises.clause_lengths("增长10.5%") == [5]


def test_the_longest_sentence_clause_by_clause():
    text = first_sentence(RAW, 4)["text"]
    pieces = [t for t, _ in measures.sentence_clauses(text)]
    assert len(pieces) == 11 and pieces[0] == "一年来,"
    says("这一句有 11 个分句")
    predicates = ("共青团坚持以", "认真学习贯彻", "深入贯彻", "认真履行职责", "深化改革创新", "不断保持和增强", "增强")
    own = [p.strip() for p in pieces[1:9] if not p.startswith("按照")]  # the stray space of E011 stripped
    assert len(own) == len(predicates) == 7 and all(p.startswith(w) for p, w in zip(own, predicates))
    assert pieces[4].startswith("按照") and pieces[4].endswith("的工作部署,")
    assert pieces[9].startswith("各项工作和建设") and pieces[10].startswith("得到了")
    says("主语“共青团”接连带了七个谓语（坚持……为指导、认真学习贯彻、深入贯彻、认真履行职责、深化改革创新、不断保持和增强、增强）",
         "中间还夹着一个“按照……的工作部署”", "到第 10 个分句，主语换成了“各项工作和建设”")
    for eid, part in (("E008", "金平"), ("E010", "党的十八大"), ("E012", "组织、领导、服务能力和总揽全局的能力")):
        assert ERRATA.loc[eid, "line"] == 4 and ERRATA.loc[eid, "text"] == part and part in text
    says("“习近平金平”“党的十八大”“组织、领导、服务能力和总揽全局的能力”，勘误表 E008、E010、E012")


def test_the_longest_sentence_of_state_council_reports_since_2016():
    ids = ["2016_state-council_gwr", "2019_state-council_gwr", "2021_state-council_gwr", "2023_state-council_gwr",
           "2024_state-council_gwr", "2025_state-council_gwr"]
    assert [i for i in corpus_table()["id"] if i.startswith(("2016", "2019", "202")) and "state-council" in i] == ids
    for name in ids:
        top = measures.longest_sentence(baogao.get(name))
        assert top["text"].startswith("做好政府工作"), name
        assert top["chars"] >= 300, name
    says("2016 年以来六篇国务院《政府工作报告》的最长一句，都是以“做好政府工作”开头的总体要求",
         "国务院报告里讲总体要求的那一句，常常有 300 字以上")


# -- 三、the corpus ------------------------------------------------------------------------------
def test_the_corpus():
    table = corpus_table()
    assert len(table) == 17 and (table["year"].min(), table["year"].max()) == (1978, 2025)
    assert (table["issuer"] == "state-council").sum() == 14 and (table["issuer"] == "hailar-district").sum() == 3
    says("17 篇报告（1978—2025 年）：14 篇国务院的《政府工作报告》，3 篇呼伦贝尔市海拉尔区的政府工作报告")


def test_the_charts_widget_labels_the_lesson_names():
    from baogao.analysis.stats import STAT_LABELS
    from baogao.widgets.charts import VIEWS

    assert list(VIEWS.values()) == ["词长分布", "句长分布", "在语料中的位置"]
    for key, label in (("mean_sentence_chars", "平均句长（字）"), ("median_sentence_chars", "句长中位数（字）"),
                       ("max_sentence_chars", "最长句子（字）"), ("readability", "可读性指数")):
        assert STAT_LABELS[key] == label
        says(f"“{label}”")
    says("“词长分布”“句长分布”", "“在语料中的位置”", "“图表”", "“指标”")


def rank(measure: str) -> int:
    table = measure_table(RAW, None, measure)
    return int(table.index[table["is_target"]][0]) + 1


def test_the_specimen_among_the_corpus():
    assert (rank("mean_sentence_chars"), rank("median_sentence_chars"), rank("max_sentence_chars")) == (2, 1, 15)
    top = measure_table(RAW, None, "mean_sentence_chars").iloc[0]
    assert top["report"] == "2016 海拉尔区"
    says("平均句长在 18 篇里排第 2（只比 2016 年海拉尔区的报告短），句长中位数排第 1；最长的一句却只排第 15")
    says("平均句长第 2，中位数第 1")
    assert rank("readability") == 1
    says("在图表控件里选“可读性指数”，样本报告在 18 篇里排第 1")
    assert "在 18 篇报告里最高" in exercises.q5.question


def test_corpus_medians_by_year():
    med = {r.meta["id"][:4]: statistics.median(sentence_lengths(r).tolist())
           for r in baogao.corpus() if r.meta["issuer"] == "state-council"}
    assert (med["1978"], med["1988"]) == (40, 41.5)
    later = [m for year, m in med.items() if int(year) >= 2003]
    assert (min(later), max(later)) == (27, 32)
    says("1978 年和 1988 年的句长中位数是 40 字和 41.5 字，2003 年以后在 27—32 字之间")


def test_the_repeated_closing_of_1988():
    r = baogao.get("1988_state-council_gwr")
    assert r.line(321).text.endswith(r.line(323).text) and r.line(323).text != r.line(321).text
    s = body_sentences(r)
    assert len(s[s["line"] == 323]) == 2
    says("1988 年报告的最后一段，在来源里重复了后半段（第 323 行），重复的两句也被算了进去")


def test_the_compared_reports_and_their_medians():
    assert [measures.report_label(r) for r in measures.compared_reports(RAW)] == [
        "样本报告（原样版）", "1978 国务院", "2016 海拉尔区", "2021 国务院"]
    assert measures.medians(RAW) == [46.0, 40.0, 42.0, 28.0]
    says("四个中位数依次是 46、40、42、28 字", prose=SOLUTION_PROSE)
    top = measures.longest_sentence(GWR)
    assert top["chars"] == 327 and round(float(sentence_lengths(GWR).mean()), 1) == 34.4
    says("2021 年的报告最长一句有 327 字，平均句长 34.4 字，比中位数多 6 字多", prose=SOLUTION_PROSE)


# -- 四、series ----------------------------------------------------------------------------------
def test_the_six_series_are_quoted_exactly_and_the_finder_finds_one():
    assert [s.line for s in series.SERIES] == [6, 16, 8, 44, 45, 32]
    says("第 6、16、8、44、45、32 行各有一组")
    for s in series.SERIES:
        assert RAW.line(s.line).text.count(s.quote) == 1, s.line
    found = parallelisms(RAW)
    hits = [s.line for s in series.SERIES if series.found_by_finder(s.line, s.quote, found)]
    assert hits == [6]
    says("工具只找到了第 6 行的一组")
    table = series.series_table()
    assert table["工具找到了吗"].tolist()[0] == "找到了" and all(v.startswith("没有找到") for v in table["工具找到了吗"][1:])
    for quoted in ("面对……，面对……", "归功于……，归功于……", "既……又……", "政治关、学术关、能力关、作风关、群众关"):
        says(quoted)
    assert "政治关、学术关、能力关、作风关、群众关" in RAW.line(32).text


def test_the_rhythm_of_lines_45_and_32():
    members = "不畏风浪,不回避矛盾,敢于直面困难,善于化危机为机遇"
    assert members in RAW.line(45).text
    assert [len(m) for m in members.split(",")] == [4, 5, 6, 8]
    says("第 45 行的“不畏风浪,不回避矛盾,敢于直面困难,善于化危机为机遇”，四项一项比一项长（4、5、6、8 字）")
    passes = "政治关、学术关、能力关、作风关、群众关".split("、")
    assert len(passes) == 5 and {len(p) for p in passes} == {3}
    says("第 32 行的五个“……关”都是三个字")
    e = ERRATA.loc["E162"]
    assert (e["line"], e["text"], e["correction"], e["certainty"]) == (32, "学术关", "学业关", "probable")
    says("（其中的“学术关”，勘误表认为很可能应作“学业关”，E162）")


def test_line_6_is_the_worked_example():
    quote = "以加强党的全面领导为导向,以现实理论为基础,以贯彻习近平总书记重要指示和党中央决策部署为标志"
    assert quote in RAW.line(6).text
    says(f"看第 6 行：“{quote}”")
    e = ERRATA.loc["E017"]
    assert (e["line"], e["text"], e["category"], e["certainty"], e["correction"]) == (
        6, "以现实理论为基础", "garbled", "probable", "unknown")
    assert "理论武装" in e["basis"]
    says("勘误表把它记为文字错乱（把握程度“很可能”），说它可能是某个讲理论武装的短语被改写坏了；原文怎样写，无从得知")
    assert lesson.errata_table(*lesson.LINE6)["编号"].tolist() == ["E017"]


def test_the_broken_series_of_q4():
    for key, (line, quote) in series.BROKEN_QUOTES.items():
        assert RAW.line(line).text.count(quote) == 1, key
        assert series.BROKEN_OPTIONS[key][0] == f"第 {line} 行：{quote}"
    assert series.BROKEN_ANSWER == "ADEF"
    assert [series.BROKEN_QUOTES[k][0] for k in "ADEF"] == [6, 38, 41, 43]
    found = {eid for key, (line, quote) in series.BROKEN_QUOTES.items() for eid in series.errata_on(line, quote)}
    assert {"E017", "E115", "E116", "E138", "E139"} <= found
    # the framework of line 41: only a query in the errata (no correction), unlike the other three
    assert series.errata_on(41, series.BROKEN_QUOTES["E"][1]) == ["E164"]
    e = ERRATA.loc["E164"]
    assert (e["category"], e["correction"], e["certainty"]) == ("garbled", "unknown", "unknown")
    assert "结构不一" in e["basis"] and "存疑" in e["basis"]
    certainties = {key: {ERRATA.loc[eid, "certainty"] for eid in series.errata_on(*series.BROKEN_QUOTES[key])}
                   for key in "ADEF"}
    assert certainties == {"A": {"probable"}, "D": {"probable"}, "E": {"unknown"}, "F": {"certain", "probable"}}
    assert [series.BROKEN_QUOTES[k][0] for k in "ADF"] == [6, 38, 43]  # the hint: 6, 38, 43 certain or probable
    for key in "BCGH":  # the intact ones carry no errata entry on the quoted series
        assert series.errata_on(*series.BROKEN_QUOTES[key]) == [], key
    for eid, certainty in (("E017", "probable"), ("E115", "probable"), ("E116", "probable"), ("E138", "certain"),
                           ("E139", "probable")):
        assert ERRATA.loc[eid, "certainty"] == certainty, eid
    assert ERRATA.loc["E139", "correction"] == "学史明理、学史增信、学史崇德、学史力行"
    assert (ERRATA.loc["E023", "line"], ERRATA.loc["E023", "category"]) == (8, "cut_off")
    says("（勘误表 E017，很可能；原文不明）", "（E023）", "（E115、E116，很可能；原文不明）", "（E138，确定）", "（E139，很可能）",
         "勘误表把这一处记为存疑（E164），原文怎样写也无从得知",
         "只信勘误表里把握程度是“确定”“很可能”的条目，会漏掉 E：勘误表只把它记为存疑", prose=SOLUTION_PROSE)
    says("勘误表对它们的把握程度不一，有的只记为存疑，要自己读")


# -- 五、readability ----------------------------------------------------------------------------------
def test_the_source_of_the_readability():
    assert "徐巍、姚振晔、陈冬华" in READABILITY_SOURCE and "《中文年报可读性：衡量与检验》" in READABILITY_SOURCE
    assert "《会计研究》2021年第3期" in READABILITY_SOURCE
    says("徐巍、姚振晔、陈冬华的论文《中文年报可读性：衡量与检验》（《会计研究》2021 年第 3 期）", "**上市公司的年报**")
    print_cell = next(c for c in cell_list("notebooks/04_rhythm.ipynb", "code") if "READABILITY_NOTE" in c)
    assert print_cell == "print(lesson.READABILITY_NOTE)"


def test_the_readability_figures():
    parts = {measures.report_label(r): measures.readability_parts(r) for r in measures.compared_reports(RAW)}
    spec, gwr = parts["样本报告（原样版）"], parts["2021 国务院"]
    assert (spec["readability"], spec["chars_per_clause"], spec["adv_conj_share"]) == (7.374, 14.697, 0.052)
    assert (gwr["readability"], gwr["chars_per_clause"], gwr["adv_conj_share"]) == (6.447, 12.839, 0.055)
    assert spec["adv_conj_share"] < gwr["adv_conj_share"]
    says("样本报告（原样版）的可读性指数是 7.374：每个分句平均 14.697 字，副词和连词的比例是 0.052",
         "2021 年《政府工作报告》是 6.447：每个分句平均 12.839 字，比例是 0.055", "（样本报告还略低）")
    says("样本报告（原样版）是 7.374（每个分句 14.697 字，比例 0.052），2021 年《政府工作报告》是 6.447（12.839 字，0.055）",
         prose=SOLUTION_PROSE)
    assert max(parts.values(), key=lambda p: p["readability"]) is spec


# -- the writing exercise -----------------------------------------------------------------------------
def test_the_sentence_to_split():
    assert writing.original() == writing.ORIGINAL
    assert count_chars(writing.ORIGINAL) == 169 and len(measures.sentence_clauses(writing.ORIGINAL)) == 11
    assert first_sentence(CORRECTED, 2)["text"] == writing.ORIGINAL  # raw 4 is corrected 2
    assert "有 169 个字、11 个分句" in writing.TASK and "原样版第 4 行的第一句（勘误后版本第 2 行的第一句）" in writing.TASK
    assert "主语“共青团”接连带了七个谓语，最后两个分句又换了主语" in writing.TASK
    says("原句 169 字（勘误后版本）", "前四个分句", "中间五个分句", "最后两个分句", prose=SOLUTION_PROSE)
    for name, forms in writing.FORMULATIONS.items():
        assert any(all(p in writing.ORIGINAL for p in parts) for parts in forms), name
    assert [count_chars(s) for s in writing.sentences_of(writing.MODEL)] == [71, 72, 28]
    says("每句七十字上下，最后一句最短", prose=SOLUTION_PROSE)
    assert ERRATA.loc["E009", "certainty"] == "unknown" and ERRATA.loc["E009", "line"] == 4
    says("（勘误表 E008、E010、E012）", "勘误表只作存疑（E009）", prose=SOLUTION_PROSE)


def test_the_clause_table_agrees_with_the_sentence_table():
    t = clause_table(RAW)
    assert len(t) == int(raw_sentences()["clauses"].sum()) == 544


def test_the_summary_and_the_remaining_quotations():
    says("样本报告最长的一句在第 4 行（173 字、11 个分句）", "才数得出 544 个分句")
    for r in baogao.corpus():
        if r.meta["issuer"] == "hailar-district":
            assert any("海拉尔区人民政府" in ln.text for ln in r.lines[:6]), r.meta["id"]
    says("海拉尔区的三篇是区人民政府的工作报告")
    assert "通过改革,一方面,制度化" in RAW.line(36).text
    says("（“通过改革,一方面,制度化”）", prose=SOLUTION_PROSE)
    assert ERRATA.loc["E023", "text"] == "系统实施" and RAW.line(8).text.endswith("系统实施")
    says("这一段在“系统实施”之后断了（E023）", prose=SOLUTION_PROSE)
    assert writing.sentences_of(writing.MODEL)[1].startswith("全团按照团十八大和历次全会的工作部署，认真履行职责")
    says("第二句补上主语“全团”", prose=SOLUTION_PROSE)


def test_the_body_leaves_out_the_site_lines_and_the_headings():
    lines = sorted(set(raw_sentences()["line"]))
    assert not {1, 2, 47} & set(lines)
    assert not {h.line for h in RAW.outline().headings if not h.run_in} & set(lines)
    says("标题、小标题、网站加的行不是正文，不算")


def test_the_charts_need_not_measure_the_corpus_or_the_specimen():
    """The lesson says the measures of the 17 reports and of the specimen ship with the kit."""
    from baogao.analysis import shipped_stats

    assert "17 篇参考报告和样本报告的各项指标随教材一起预先算好了" in PROSE
    assert shipped_stats.lookup(baogao.specimen()) is not None
    assert all(shipped_stats.lookup(r) is not None for r in baogao.corpus())
