"""Every figure, line number and quotation lesson 03's prose (and its solution notebook's
explanations) state about the specimen, the corpus and the kit, computed by the kit.
Line numbers are the raw edition's unless a test says otherwise."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import baogao
from baogao.analysis.phrases import four_char_phrases
from baogao.analysis.vocabulary import _style_parts, style_hits
from baogao.analysis.words import body_words
from baogao.concordance.keywords import candidate_counts, keyness
from baogao.concordance.kwic import kwic
from baogao.course import lesson03_measures as measures
from baogao.course import lesson03_words as lesson
from baogao.lint import lint
from baogao.sources.errata import load_errata
from baogao.text import baseline
from baogao.text.lexicon import style_word_entries
from baogao.text.tokens import cut_pairs
from notebook_cells import cell_list
from notebook_cells import cell_text as cells

ROOT = Path(__file__).resolve().parents[2]
RAW = baogao.specimen()
CORRECTED = baogao.specimen(edition="corrected")
ERRATA = load_errata().set_index("id")


PROSE = cells("notebooks/03_words.ipynb", "markdown")
CODE = cells("notebooks/03_words.ipynb", "code")
SOLUTION_PROSE = cells("solutions/03_words.ipynb", "markdown")


def says(*phrases, prose=PROSE):
    for phrase in phrases:
        assert phrase in prose, phrase


def errata(eid: str):
    return ERRATA.loc[eid]


def kit_words(text: str) -> list[str]:
    return [w for w, _ in cut_pairs(text)]


def bare_words(text: str) -> list[str]:
    return [w for w, _ in baseline.jieba_pairs(text)]


# -- the lesson's frame ------------------------------------------------------------------------
def test_title_link_predictions_widget_and_guards():
    assert PROSE.startswith("# 第 3 课　用词与提法")
    says("(../exercises/03_words.ipynb)", "先预测，再检查", "原样版**的行号", "勘误后版本")
    assert PROSE.count("先预测") >= 6
    widget = next(c for c in cell_list("notebooks/03_words.ipynb", "code") if "lesson.concordance(report)" in c)
    assert widget.splitlines()[0] == "# NBVAL_IGNORE_OUTPUT"
    for guarded in ("lesson.xinshiqi_errata()", "lesson.linter_checks()", "lesson.damage_keywords()"):
        assert f"{guarded} if lesson.is_specimen(report) else print(lesson.ONLY_SPECIMEN)" in CODE


# -- 一、segmentation --------------------------------------------------------------------------
def test_jieba_dictionary_size_and_the_kit_lexicon():
    import jieba  # its dictionary file, as shipped

    lines = (Path(jieba.__file__).parent / "dict.txt").read_text(encoding="utf-8").count("\n")
    assert round(lines, -4) == 350_000
    says("约 35 万个词条")
    table = lesson.lexicon_table()
    assert table["条数"].tolist() == [46, 21, 15, 82]
    assert list(table.columns) == ["词表", "文件", "条数", "例子"]


def test_the_four_pieces_segmented_twice():
    thought = "习近平新时代中国特色社会主义思想"
    assert "归功于" + thought + "的科学指导" in CORRECTED.line(42).text
    assert "归功于习近平金平新时代中国特色社会主义思想的科学指导" in RAW.line(44).text
    assert CORRECTED.line(42).text[:20] == RAW.line(44).text.replace(",", "，")[:20]  # raw 44 is corrected 42
    inner = bare_words(thought)
    assert len(inner) == 7 and kit_words(thought) == [thought]
    says("思想的名称被切成 7 个词；加上词表，它是一个词")
    damaged = "习近平金平新时代中国特色社会主义思想"
    assert "金平" in bare_words(damaged) and "金平" in kit_words(damaged) and thought not in kit_words(damaged)
    three = "不断提高政治判断力、政治洞察力和政治执行力"
    assert three in RAW.line(43).text
    assert {"政治判断力", "政治执行力"} <= set(kit_words(three)) and "政治洞察力" not in kit_words(three)
    assert kit_words(three)[3:6] == ["、", "政治", "洞察力"]
    assert "共青团始终围绕“国家伟人”" in RAW.line(16).text
    assert bare_words("国家伟人") == kit_words("国家伟人") == ["国家", "伟人"]
    table = lesson.segmentation_table()
    assert list(table.columns) == ["出处", "原文", "jieba 自带词典", "加上本教材的词表", "词数"]
    assert table["出处"].tolist() == ["勘误后版本第 42 行", "原样版第 44 行", "原样版第 43 行", "原样版第 16 行"]
    says("勘误后版本第 42 行的写法", "第三行（原样版第 43 行）", "第四行（原样版第 16 行）", "原样版第 44 行")


def test_jinping_is_a_word_of_jiebas_dictionary():
    entries = baseline.dictionary_entries("金平")
    assert entries[0] == ("金平", 520, "nr")
    assert ("金平区", 3, "ns") in entries and ("金平苗族瑶族傣族自治县", 5, "ns") in entries
    says("词频 520，词性标为 nr", "“金平区”“金平苗族瑶族傣族自治县”这样的地名")
    assert lesson.dictionary_table()["词性"].iloc[0] == "nr（人名）"
    assert "习金平" in RAW.line(7).text and kit_words("习金平") == ["习", "金平"]
    assert cut_pairs("习近平金平")[:2] == [("习近平", "nrfg"), ("金平", "nr")]  # two person names
    says("第 7 行的“习金平”被切成“习 / 金平”", "第 44 行的“习近平金平”被切成两个人名")


# -- 二、official verbs and adverbs ------------------------------------------------------------
def test_the_style_word_list():
    cats = [c for _, c, _ in style_word_entries()]
    assert (len(cats), cats.count("adverb"), cats.count("intensifier"), cats.count("verb")) == (64, 24, 9, 31)
    says("jieba 的词典收不全政治提法")
    says("64 个这样的词收成一张表（方式副词 24 个、程度修饰语 9 个、动作动词 31 个）")
    says("动作动词 31 个", prose=SOLUTION_PROSE)


def test_style_words_inside_longer_tokens():
    assert lesson.compound_hits(RAW) == (64, 328)
    says("表中的词一共出现 328 次，其中 64 次藏在这样的长词里")
    assert _style_parts("深入开展") == ("深入",) and _style_parts("积极性") == ()
    tags = {(w.word, w.pos) for _, w in style_hits(body_words(RAW))}
    for word, tag in (("切实增强", "l"), ("认真落实", "z"), ("明显提高", "nr"), ("努力提高", "nrt")):
        assert (word, tag) in tags, word
    says("jieba 把“明显提高”标成人名（nr），把“努力提高”标成音译人名（nrt），把“认真落实”标成状态词（z）")


def test_adverbs_per_thousand_against_the_2021_report():
    table = lesson.adverb_comparison(RAW)
    assert table["报告"].tolist() == ["样本报告（原样版）", "2021 国务院"]
    assert table["方式副词（每千字）"].tolist() == [15.35, 10.68]
    assert table["程度修饰语（每千字）"].tolist() == [1.58, 1.85]
    says("每千字有 15.35 个方式副词，2021 年《政府工作报告》只有 10.68 个", "（1.58 个和 1.85 个）")
    says("15.35 个对 10.68 个", prose=SOLUTION_PROSE)
    gwr = baogao.get("2021_state-council_gwr")
    assert gwr.line(3).text.endswith("在第十三届全国人民代表大会第四次会议上") and gwr.line(5).text.startswith("国务院总理")
    says("国务院总理在全国人民代表大会上作的《政府工作报告》")


def test_stacked_adverbials_the_lesson_quotes():
    assert "努力深入学习领会" in RAW.line(7).text and "集中系统地回顾" in RAW.line(43).text
    says("第 7 行的“努力深入学习领会”、第 43 行的“集中系统地回顾”")
    assert "系统地" not in {w for w, _, _ in style_word_entries()}  # 表外的词
    says("表外的词（例如“系统地”）不算")


def test_verb_rates_the_solution_states():
    assert measures.verb_rates(RAW) == [20.09, 32.51]
    says("每千字约有 20.09 个动作动词，2021 年《政府工作报告》约有 32.51 个", prose=SOLUTION_PROSE)


# -- 三、four-character phrases ----------------------------------------------------------------
def test_four_character_phrases():
    assert "乘势而上,久久为功" in RAW.line(35).text and "急难险重" in RAW.line(17).text
    assert "以壮士断腕的勇气和刀刃向内的决心" in RAW.line(45).text
    says("第 35 行的“乘势而上，久久为功”、第 17 行的“急难险重”、第 45 行的“以壮士断腕的勇气和刀刃向内的决心”")
    found = {(r.phrase, r.type) for r in four_char_phrases(RAW).itertuples()}
    assert {("乘势而上", "idiom"), ("急难险重", "idiom"), ("久久为功", "four_char_clause"),
            ("上下协调", "four_char_clause"), ("不断加强", "idiom"), ("认真贯彻", "idiom"),
            ("扎扎实实", "reduplication")} <= found
    assert "扎扎实实" in RAW.line(11).text
    says("如第 9 行的“上下协调”", "“扎扎实实”这样的叠字也算")
    assert not {p for p, _ in found} & {"壮士断腕", "刀刃向内"}
    assert cut_pairs("壮士断腕") == [("壮士断腕", "n")] and kit_words("刀刃向内") == ["刀刃", "向", "内"]
    assert {"不断加强", "认真贯彻"} <= set(kit_words(RAW.line(9).text)) and "上下协调" in RAW.line(9).text
    says("没有找到“壮士断腕”（jieba 标为 n）和“刀刃向内”（被切成了三个词）", "第 9 行的“不断加强”“认真贯彻”也被标成了 i")
    assert lesson.four_char_examples()["工具找到了吗"].str.startswith("找到了").tolist() == [True, True, False, False, True]


# -- 四、formulations ---------------------------------------------------------------------------
def test_the_political_abilities_and_quotation_marks():
    assert "政治判断力、政治悟性和政治执行力" in RAW.line(6).text
    assert "政治判断力、政治洞察力和政治执行力" in RAW.line(43).text
    assert (errata("E018").correction, errata("E018").certainty) == ("政治领悟力", "certain")
    assert (errata("E131").correction, errata("E131").certainty) == ("政治领悟力", "certain")
    says("原样版第 6 行写成“政治判断力、政治悟性和政治执行力”，第 43 行写成“政治判断力、政治洞察力和政治执行力”（勘误表 E018、E131，把握程度都是“确定”）")
    assert "“全程人民民主”" in RAW.line(23).text and errata("E067").correction == "全过程人民民主"
    assert "“政治悟性" not in RAW.line(6).text
    says("第 23 行的“全程人民民主”加了引号，规范提法却是“全过程人民民主”", "第 6 行的“政治悟性”没有加引号")


def test_what_the_linter_does_not_see():
    assert "“国家伟人”" in RAW.line(16).text and "“请放心,党强,国有我”" in RAW.line(45).text
    assert (errata("E037").correction, errata("E147").correction) == ("国之大者", "请党放心，强国有我")
    assert not lesson.found_by_linter(RAW, 16, "国家伟人") and not lesson.found_by_linter(RAW, 45, "请放心,党强,国有我")
    assert lesson.linter_checks()["工具发现了吗"].tolist() == ["没有发现", "没有发现"]
    says("第 16 行的“国家伟人”（规范提法是“国之大者”）", "第 45 行的“请放心,党强,国有我”（规范的说法是“请党放心，强国有我”）",
         "（勘误表 E037）", "（E147）")
    assert lesson.found_by_linter(RAW, 43, "政治洞察力")  # a near miss it does see


def test_the_linters_query_at_lines_4_and_46():
    found = [f for f in lint(RAW) if f.text == "十九大和历次全会精神"]
    assert {(f.line, f.suggestion, f.severity) for f in found} == {
        (4, "十九大和十九届历次全会精神", "warning"), (46, "十九大和十九届历次全会精神", "warning")}
    assert all("疑为" in f.message and "也可能是原文的写法" in f.message for f in found)
    for eid, line in (("E009", 4), ("E155", 46)):
        row = errata(eid)
        assert (row.line, row.text, row.correction, row.certainty) == (line, "十九大和历次全会精神", "unknown", "unknown")
        assert "党的十九大和十九届历次全会精神" in row.basis
    says("第 4 行和第 46 行的“十九大和历次全会精神”，工具提示后一项疑为省去了“十九届”，建议写作“十九大和十九届历次全会精神”",
         "2021 年的标准简称是“党的十九大和十九届历次全会精神”")
    table = lesson.formulation_findings(RAW)
    assert table.loc[table["原文"] == "十九大和历次全会精神", "勘误表"].tolist() == ["存疑：原文不明，不改"] * 2
    assert "新时期" not in table["原文"].tolist()  # left to section 五


# -- 五、era terms -----------------------------------------------------------------------------
def test_xinshiqi_and_xinshidai_in_the_specimen():
    assert measures.era_counts(RAW) == {"新时期": 4, "新时代": 15, "名称中的新时代": 5}
    hits = measures.era_hits(RAW)
    assert hits.loc[hits["term"] == "新时期", "line"].tolist() == [20, 24, 26, 37]
    assert sorted(set(hits.loc[hits["in_name"], "line"])) == [4, 7, 43, 44, 46]
    assert int((~hits["in_name"] & (hits["term"] == "新时代")).sum()) == 10
    says("“新时期”出现 4 次（第 20、24、26、37 行）", "“新时代”出现 15 次，其中 5 次在思想的名称里（第 4、7、43、44、46 行",
         "另外 10 次是时代称谓")
    assert "新时代的习中国特色社会主义思想" in RAW.line(37).text
    assert errata("E112").text == "新时代的习中国特色社会主义思想"
    says("第 37 行的“新时代的习中国特色社会主义思想”算在这 10 次里", "（勘误表 E112）")
    # the errata's own count agrees
    assert "中的 5 次外，本文另用了 10 次" in errata("E048").basis


def test_xinshiqi_is_a_query_and_the_linter_only_hints():
    rows = load_errata().query("text == '新时期'")
    assert rows["line"].tolist() == [20, 24, 26, 37]
    assert set(rows["certainty"]) == {"unknown"} and set(rows["correction"]) == {"unknown"}
    assert lesson.xinshiqi_errata()["把握程度"].tolist() == ["不确定"] * 4
    outdated = [(f.line, f.suggestion) for f in lint(RAW) if f.rule == "outdated-formulation"]
    assert outdated == [(20, "新时代"), (24, "新时代"), (26, "新时代"), (37, "新时代")]
    outdated = [f for f in lint(RAW) if f.rule == "outdated-formulation"]
    assert len(outdated) == 4 and all("疑为过时的提法" in f.message and "请核对" in f.message
                                      and f.suggestion == "新时代" for f in outdated)
    says("四处都是**存疑**，不改", "校对工具把这四处标为“疑为过时的提法”，请你核对是否应为“新时代”：它也只是提出疑问")
    assert "错误" not in PROSE[PROSE.index("## 五、"):PROSE.index("## 六、")]


def test_the_corpus_by_year():
    table = baogao.corpus_table()
    assert len(table) == 17 and (table["year"].min(), table["year"].max()) == (1978, 2025)
    assert table["issuer"].value_counts().to_dict() == {"state-council": 14, "hailar-district": 3}
    assert measures.corpus_years() == [1978, 1988, 1995, 2000, 2003, 2006, 2009, 2012, 2016, 2016, 2018, 2019,
                                       2019, 2021, 2023, 2024, 2025]
    says("语料库有 17 篇报告，年份从 1978 年到 2025 年：14 篇是国务院的《政府工作报告》，3 篇是呼伦贝尔市海拉尔区的政府工作报告")
    frame = measures.by_year()
    old = frame[frame["新时期"] > 0]
    assert list(zip(old["year"], old["label"])) == [(1978, "1978 国务院"), (1995, "1995 国务院"), (2003, "2003 国务院"),
                                                    (2006, "2006 国务院"), (2016, "2016 国务院")]
    assert (frame.loc[frame["year"] <= 2016, "新时代"] == 0).all() and (frame.loc[frame["year"] >= 2018, "新时代"] > 0).all()
    assert (frame.loc[frame["year"] >= 2018, "新时期"] == 0).all()
    says("“新时期”出现在 1978、1995、2003、2006 年和 2016 年（国务院）的报告里，2018 年以后一次也没有",
         "2016 年和更早的报告里一次也没有，2018 年以后的每一篇都有")
    assert list(lesson.by_year_table().columns) == ["年份", "报告", "字数", "“新时期”（次）", "“新时代”（次）"]


def test_hailar_is_a_district_of_hulunbuir():
    manifest = (ROOT / "src/baogao/data/corpus/MANIFEST.md").read_text(encoding="utf-8")
    assert "government work reports of 海拉尔区, 呼伦贝尔市" in manifest


# -- 六、organisation names ---------------------------------------------------------------------
def test_organisation_names():
    table = lesson.organisation_errata()
    assert table["原样版行号"].tolist() == [31, 33, 43, 43]
    assert table["原文"].tolist() == ["共青团", "青工校委会", "秘书处", "秘书处"]
    assert table["勘误"].tolist() == ["青联", "少工委", "书记处", "书记处"]
    assert table["校对工具能否发现"].tolist() == ["不能"] * 4
    line43 = RAW.line(43).text
    for phrase in ("秘书处理论学习中心组", "秘书处会议", "书记处工作规则", "书记处会议"):
        assert phrase in line43
    says("第 43 行两次写“秘书处”（“秘书处理论学习中心组”“秘书处会议”），同一段里又写“书记处工作规则”“书记处会议”")
    assert "英文中书记处与秘书处是同一个词" in errata("E135").basis
    assert "青工校委会" in RAW.line(33).text and "少工委" in errata("E100").correction
    says("第 33 行的“青工校委会”", "简称“少工委”")
    assert RAW.line(31).text.startswith("共青团的政治功能日益突出。") and "青联、学生会、少先队" in RAW.line(29).text
    says("第 31 行的主旨句是“共青团的政治功能日益突出”", "第 29 行列出的青联、学生会、少先队之一")
    assert not [f for f in lint(RAW) if (f.line == 31 and f.text.startswith("共青团"))
                or (f.line == 33 and "青工校委会" in f.text) or (f.line == 43 and "秘书处" in f.text)]
    says("勘误表记下了样本报告里三个写错的组织名称（“秘书处”写了两次，共四条）")


# -- 七、keywords ------------------------------------------------------------------------------
def test_keywords_of_the_corrected_edition_are_topic_words():
    k = keyness(CORRECTED, top=None)
    assert k["word"].tolist()[:2] == ["青年", "共青团"] and k["freq"].tolist()[:2] == [79, 60]
    assert len(k) == 220
    styles = {w for w, _, _ in style_word_entries()}
    first = next(i for i, w in enumerate(k["word"], 1) if w in styles)
    assert (first, k["word"].iloc[first - 1]) == (76, "引领")
    says("前两位是“青年”“共青团”（分别出现 79 次和 60 次）", "在勘误后版本的 220 个关键词里，最早排在第 76 位（“引领”）")
    says("最早排在第 76 位", prose=SOLUTION_PROSE)
    assert lesson.keyword_table(RAW)["词"].tolist()[:2] == ["青年", "共青团"]


def test_damage_words_are_keywords_of_the_raw_edition_only():
    raw, corrected = lesson.keyword_ranks("raw"), lesson.keyword_ranks("corrected")
    for word in ("金平", "CPPCC", "NPC", "伟人", "秘书处", "媒体"):
        assert word in raw and word not in corrected and candidate_counts(CORRECTED)[word] == 0, word
    assert raw["青年"][0] == corrected["青年"][0] == 1 and raw["共青团"][0] == corrected["共青团"][0] == 2
    says("“金平”“CPPCC”“NPC”“伟人”“秘书处”都成了关键词", "“媒体”来自网站加上的第 1、2、47 行")
    media = kwic(RAW, "媒体")
    assert sorted(set(media["line"])) == [1, 2, 13, 47] and kwic(RAW, "新媒体矩阵")["line"].tolist() == [13]
    assert raw["媒体"][1] == 8 and len(media[media["line"].isin([1, 2, 47])]) == 8  # 新媒体矩阵 is one token
    assert kwic(RAW, "国家伟人")["line"].tolist() == [16, 45]
    # q5's question: the raw edition's first two keywords, and four damage words found at least twice
    top = keyness(RAW, top=2)["word"].tolist()
    assert top == ["青年", "共青团"] and all(raw[w][1] >= 2 for w in ("金平", "CPPCC", "NPC", "伟人"))
    assert "至少出现两次的关键词里还有“金平”“CPPCC”“NPC”“伟人”" in lesson.q5.question


# -- the solution notebook's explanations --------------------------------------------------------
def test_q1_and_q2_explanations():
    assert measures.era_lines(RAW) == {"新时期": [20, 24, 26, 37], "新时代": [3, 15, 17, 18, 35, 37, 41, 45]}
    hits = measures.era_hits(RAW)
    era = hits[(hits["term"] == "新时代") & ~hits["in_name"]]
    assert era["line"].value_counts().loc[[3, 41]].tolist() == [2, 2]
    says("第 20、24、26、37 行", "第 3、15、17、18、35、37、41、45 行（10 次，第 3 行和第 41 行各两次）", prose=SOLUTION_PROSE)
    assert measures.review_formula(RAW) == {"次数": 11, "段首": [4, 43, 45]}
    k = kwic(RAW, "一年来", window=30)
    middle = k[k["left"] != ""]
    assert middle["line"].tolist() == [6, 11, 16, 17, 20, 29, 35, 40] and middle["left"].str.endswith("。").all()
    heads = [h.line for h in RAW.outline().headings if h.level == 1]
    firsts = sorted([n + 1 for n in heads] + [20])  # the first paragraph of each part; 四 lost its heading at 20
    assert firsts == [6, 11, 16, 20, 25, 29, 35, 40] and "一年来" not in RAW.line(25).text
    assert "要主动备战" in RAW.line(17).text[:k[k["line"] == 17]["column"].iloc[0]]
    says("“一年来”出现 11 次。以它开头的只有第 4、43、45 行", "第 6、11、16、20、29、35、40 行是八个部分中七个部分的第一段",
         "第五部分的第一段是第 25 行", prose=SOLUTION_PROSE)
    assert "四条突出经验" in RAW.line(45).text and "团中央书记处" in RAW.line(43).text


def test_q7_explanation():
    assert (errata("E138").text, errata("E138").category) == ("以史为鉴、", "duplication")
    assert errata("E139").correction == "学史明理、学史增信、学史崇德、学史力行"
    assert "增长信心 = 增信，尊崇道德 = 崇德，践行历史 = 力行" in errata("E139").basis
    assert lesson.STUDY_SENTENCE in RAW.line(43).text
    says("（勘误表 E138）", "（E139：增长信心即增信，尊崇道德即崇德，践行历史即力行）", prose=SOLUTION_PROSE)


@pytest.mark.parametrize("item", lesson.formulation_items()["编号"].tolist())
def test_each_formulation_item_against_the_text_and_the_errata(item):
    from baogao.course.lesson03_feedback import EXACT, ITEMS_BY_NUMBER

    it = ITEMS_BY_NUMBER[item]
    for line in it.lines:
        assert it.text in RAW.line(line).text, (it.text, line)
    for eid in it.errata:
        row = errata(eid)
        assert row.line in it.lines and (row.text in it.text or it.text in row.text), eid
        assert row.correction in it.accepted or any(row.correction in a for a in it.accepted), eid
        certainty = {"certain": "确定", "probable": "很可能"}[row.certainty]
        assert f"（{certainty}）" in it.source or it.source.endswith(f"（勘误表 {eid}，{certainty}）"), eid
    table_row = f"| {item} | {'、'.join(map(str, it.lines))} | {it.text} |"
    assert table_row in SOLUTION_PROSE
    if it.accepted == EXACT:
        proofing = (ROOT / "src/baogao/data/lexicon/proofing.txt").read_text(encoding="utf-8")
        assert f"formulation\t{it.text}\n" in proofing and not it.errata
        assert not any(e.line in it.lines and it.text in e.text for e in load_errata().itertuples())
    else:  # every near miss has its errata entry
        assert it.errata, item


def test_item_nine_the_resolution_and_its_errata_entry():
    from baogao.course.lesson03_feedback import ITEMS_BY_NUMBER, RESOLUTION

    it, row = ITEMS_BY_NUMBER[9], errata("E168")
    assert (row.line, row.text, row.category, row.certainty) == (45, it.text, "formulation_error", "probable")
    assert row.correction == it.accepted[0] == "抓好后继有人这个根本大计"
    assert "必须抓好后继有人这个根本大计" in row.basis and "十九届六中全会决议" in row.basis
    assert "无法确定" in row.basis and "必须" in row.basis  # why only probable
    assert it.source == f"{RESOLUTION}：“必须抓好后继有人这个根本大计”（勘误表 E168，很可能）"
    says(f"| 9 | 45 | {it.text} | {row.correction} | 《中共中央关于党的百年奋斗重大成就和历史经验的决议》："
         "“必须抓好后继有人这个根本大计”（勘误表 E168，很可能） |",
         "第 9 项既有引号，又说是决议“明确提出”的，却和决议原文不同：勘误表 E168 的改法取自决议原话，把握程度是“很可能”，"
         "因为副本引号里原来还有没有“必须”等字看不出来", prose=SOLUTION_PROSE)
    probable = [i.number for i in ITEMS_BY_NUMBER.values()
                if i.errata and all(errata(e).certainty == "probable" for e in i.errata)]
    assert probable == [5, 9, 10, 12]
    says("把握程度是“很可能”的几项（5、9、10、12）", prose=SOLUTION_PROSE)
    assert not any(i.errata and any(errata(e).certainty == "unknown" for e in i.errata) for i in ITEMS_BY_NUMBER.values())
    says("这 12 项里没有存疑的", prose=SOLUTION_PROSE)


def test_item_two_is_the_whole_name_and_item_five_the_series():
    assert "“学党史、坚定信念、跟党走”" in RAW.line(11).text
    assert "全方位交流、广泛交流、深度交融" in RAW.line(26).text
    assert "“要做好接班人这个根本大计”" in RAW.line(45).text and "党的十九届六中全会决议明确提出" in RAW.line(45).text
    assert re.search("强调“要不断吸收", RAW.line(45).text)
