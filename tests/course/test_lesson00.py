"""Lesson 00 (开始之前): every fact its prose states about the specimen, recomputed;
the environment check and its fixes; the demonstration problem; and, for every
exercise, answers that are correct in another form or by another method."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import baogao
from baogao.course import LESSONS
from baogao.course import lesson00_start as ex
from baogao.exercises import CORRECT, INCORRECT, NOT_ATTEMPTED, SUBMITTED
from baogao.sources.edition import edition_diff, unresolved
from baogao.sources.errata import load_errata
from baogao.widgets import EditionCompare, Highlighter
from baogao.widgets.compare import edition_lines
from notebook_cells import cell_list as cells

ROOT = Path(__file__).resolve().parents[2]
RAW = baogao.specimen()
CORRECTED = baogao.specimen(edition="corrected")
ERRATA = load_errata()


LESSON_PROSE = "\n".join(cells("notebooks/00_start.ipynb", "markdown"))
LESSON_CODE = "\n".join(cells("notebooks/00_start.ipynb", "code"))
SOLUTION_PROSE = "\n".join(cells("solutions/00_start.ipynb", "markdown"))
SOLUTION_CODE = "\n".join(cells("solutions/00_start.ipynb", "code"))


def lines_of(category: str, *, certainty: str | None = None) -> list[int]:
    rows = ERRATA[ERRATA["category"] == category]
    if certainty is not None:
        rows = rows[rows["certainty"] == certainty]
    return sorted(int(x) for x in rows["line"])


def cn_list(numbers) -> str:
    """[3, 4, 35] -> "第 3、4、35 行", as the prose writes it."""
    return "第 " + "、".join(str(n) for n in numbers) + " 行"


# -- the lesson's place in the course ------------------------------------------------------
def test_lesson00_is_the_first_lesson_and_has_its_files():
    assert LESSONS[0].id == "00_start" and LESSONS[0].title == "开始之前"
    for path in (LESSONS[0].notebook, LESSONS[0].solution, LESSONS[0].exercise):
        assert (ROOT / path).is_file(), path
    assert "(../exercises/00_start.ipynb)" in LESSON_PROSE  # the link that opens the exercises


def test_lesson_uses_widgets_of_the_kit_and_guards_the_specimen_only_cells():
    assert isinstance(ex.reading_widget(RAW), EditionCompare)
    assert isinstance(ex.reading_widget(baogao.example("report_gongwen")), Highlighter)
    assert "lesson.cut_off_table() if lesson.is_specimen(report)" in LESSON_CODE
    assert "先预测" in LESSON_PROSE and "检查" in LESSON_PROSE


# -- what the prose says about the specimen ----------------------------------------------------
def test_the_two_editions_as_the_lesson_counts_them():
    assert (len(RAW.lines), len(CORRECTED.lines)) == (47, 44)
    assert len(RAW.paragraphs) == len(RAW.lines)  # one paragraph per line, no blank line
    table = ex.editions_table()
    assert list(table.columns) == ["版本", "载入方式", "行数", "字数（不计换行）", "说明"]
    assert table["行数"].tolist() == [47, 44] and table["字数（不计换行）"].tolist() == [RAW.chars, CORRECTED.chars]
    assert "原样版 47 行，勘误后版本 44 行" in LESSON_PROSE and "少了 3 行" in LESSON_PROSE


def test_site_lines_are_the_title_header_and_footer():
    assert ex.site_lines() == [1, 2, 47] == lines_of("seo_title") + lines_of("boilerplate")
    deleted_lines = sorted(int(r.raw_line) for r in edition_diff().itertuples()
                           if r.status == "deleted" and r.raw_text == RAW.line(int(r.raw_line)).text)
    assert deleted_lines == [1, 2, 47]  # removed whole: the corrected edition has 3 lines fewer
    assert "第 1、2、47 行是网站的文字" in LESSON_PROSE
    body = [line.text for line in RAW.lines[2:46]]
    for word in ("新媒体中心", "个人工作总结"):  # line 1's issuer and genre
        assert word in RAW.line(1).text and not any(word in text for text in body)
    assert "本站" in RAW.line(2).text and "本站" in RAW.line(47).text
    assert not any("本站" in text for text in body)


def test_line_24_is_corrected_22_and_every_body_line_moves_by_two():
    assert RAW.line(24).text.startswith("第五,主动作为") and CORRECTED.line(22).text.startswith("五、主动作为")
    mapping = dict(edition_lines(edition_diff(expand_systematic=True), RAW.text, CORRECTED.text))
    assert all(mapping[n] == n - 2 for n in range(3, 47))
    assert [mapping[n] for n in (1, 2, 47)] == [None, None, None]
    assert sum(n < 24 for n in ex.site_lines()) == 2
    assert "有 2 行在第 24 行之前" in LESSON_PROSE and "原样版第 3—46 行，每一行在勘误后版本里都是第 N−2 行" in LESSON_PROSE


def test_punctuation_the_lesson_counts():
    counts = {ch: RAW.text.count(ch) for ch in ",，;；()（）!！"}
    assert counts == {",": 368, "，": 0, ";": 12, "；": 0, "(": 11, ")": 11, "（": 0, "）": 0, "!": 1, "！": 0}
    assert "逗号、分号、括号和叹号用的全是半角符号，全文 368 个逗号没有一个是全角的“，”" in LESSON_PROSE
    # the one level-1 heading without final punctuation, which a student may take for a cut-off
    ends = {n: RAW.line(n).text[-1] for n in (5, 10, 15, 24, 28, 34, 39)}
    assert ends[5] == "”" and set(ends.values()) - {"”"} == {"。"}
    assert "第 5 行末尾也没有标点，但它是第一部分的标题" in LESSON_PROSE


def test_the_corrected_edition_has_no_title_line():
    assert CORRECTED.line(1).text.startswith("2021年，") and RAW.line(3).text.startswith("2021年,")
    assert "连标题也没有" in LESSON_PROSE


def test_errata_figures_the_lesson_quotes():
    assert len(ERRATA) == 168
    overview = ex.errata_overview()
    assert list(overview.columns) == ["处理方式", "条数", "含义"]
    assert dict(zip(overview["处理方式"], overview["条数"])) == {
        "已改正": 75, "已删除": 13, "原文不明，保留原样": 74, "全文统一替换": 6, "合计": 168}
    unknown = unresolved()
    assert len(unknown) == 74 == int((ERRATA["correction"] == "unknown").sum())
    assert (unknown["category"] == "cut_off").sum() == 8 and (unknown["category"] == "missing_heading").sum() == 1
    queries = ERRATA[ERRATA["certainty"] == "unknown"]
    assert len(queries) == 28 and set(queries["id"]) <= set(unknown["id"])  # every query is left as it is
    assert ERRATA["certainty"].value_counts().to_dict() == {"probable": 79, "certain": 61, "unknown": 28}
    assert "74 条里，有 8 处段落中断、1 处丢失的标题，也有 28 条存疑的条目" in LESSON_PROSE
    assert "确定 61 条、很可能 79 条、不确定（存疑）28 条" in LESSON_PROSE


def test_xinshiqi_is_a_query_where_the_lesson_says_so():
    rows = ERRATA[ERRATA["text"] == "新时期"]
    assert sorted(rows["line"]) == [20, 24, 26, 37]
    assert set(rows["certainty"]) == {"unknown"} and set(rows["correction"]) == {"unknown"}
    assert sum("新时代" in line.text for line in RAW.lines) > 5  # the report's own wording elsewhere
    assert "原样版第 20、24、26、37 行的“新时期”" in LESSON_PROSE


def test_the_addressee_is_named_only_in_the_third_person():
    bare = [line.number for line in RAW.lines if re.search("(?<!团)中央书记处", line.text)]
    assert bare == [3, 4, 35]
    assert "正文只以第三人称提到中央书记处（原样版第 3、4、35 行）" in LESSON_PROSE


def test_the_copy_shows_neither_document_elements_nor_speech_markers():
    body = [line.text for line in RAW.lines[2:46]]
    markers = r"特此报告|妥否|请批示|各位代表|同志们[：:]|^——|^主送|^[^，,。]{2,20}[：:]$|\d{4}年\d{1,2}月\d{1,2}日$"
    assert not [t for t in body if re.search(markers, t)]
    assert {e.kind for e in CORRECTED.outline().elements} <= {"heading", "paragraph"}


def test_the_damage_the_lesson_lists_is_in_the_errata():
    categories = set(ERRATA["category"])
    for category in ("seo_title", "boilerplate", "name_error", "formulation_error", "latin_residue", "duplication",
                     "garbled", "fact_error", "cut_off", "missing_heading", "numbering", "ascii_punctuation"):
        assert category in categories, category
    npc = ERRATA[(ERRATA["line"] == 23) & ERRATA["text"].isin(["NPC", "CPPCC"])]
    assert set(zip(npc["text"], npc["correction"])) == {("NPC", "人大"), ("CPPCC", "政协")}
    assert "NPC代表、CPPCC委员" in RAW.line(23).text
    assert "原样版第 23 行的“NPC代表、CPPCC委员”，应为“人大代表、政协委员”" in LESSON_PROSE
    assert "习金平" in RAW.line(7).text and "原样版第 7 行的“习金平”" in SOLUTION_PROSE


def test_reading_map():
    headings = [h for h in RAW.outline().headings if h.level == 1]
    assert [h.line for h in headings] == [5, 10, 15, 24, 28, 34, 39]
    markers = ["一是", "二是", "三、", "第五,", "6.", "七、", "八、"]
    assert [RAW.line(n).text[:len(m)] for n, m in zip([5, 10, 15, 24, 28, 34, 39], markers)] == markers
    assert "“一是”“二是”“三、”“第五,”“6.”“七、”“八、”" in LESSON_PROSE
    assert lines_of("missing_heading") == [20] and "第四部分从第 20 行开始，它的标题丢了" in LESSON_PROSE
    assert "各部分的标题在第 5、10、15、24、28、34、39 行" in LESSON_PROSE
    # eight parts: seven headings plus the lost one, numbered up to 八
    assert len(headings) + len(lines_of("missing_heading")) == 8 and "分八个部分" in LESSON_PROSE
    assert RAW.line(3).text.startswith("2021年") and RAW.line(4).text.startswith("一年来")
    assert "团中央书记处" in RAW.line(43).text and "自身建设" in RAW.line(43).text
    line44 = RAW.line(44).text
    assert line44.index("归功于") < line44.index("感谢") and "团中央同志" in line44
    assert "党中央的坚强领导" in line44 and "科学指导" in line44
    names = ERRATA[(ERRATA["line"] == 44) & (ERRATA["category"] == "name_error")]
    assert names["text"].tolist() == ["金平"] and "习近平金平新时代中国特色社会主义思想的科学指导" in line44
    assert "四条突出经验" in RAW.line(45).text
    assert all(f"第{n}," in RAW.line(45).text for n in "一二三四")
    assert RAW.line(46).text.startswith("2022年") and RAW.line(46).text[-1] not in "。！？"
    assert RAW.line(12).text.startswith("努力提高覆盖率。") and RAW.line(13).text.startswith("切实增强针对性。")
    assert "第 12 行“努力提高覆盖率。”、第 13 行“切实增强针对性。”" in LESSON_PROSE


def test_cut_offs():
    assert lines_of("cut_off") == [8, 13, 19, 25, 30, 36, 41, 46]
    assert lines_of("cut_off", certainty="probable") == [8, 19, 30]
    assert lines_of("cut_off", certainty="certain") == [13, 25, 36, 41, 46]
    assert RAW.line(13).text.endswith(",十") and RAW.line(25).text.endswith("通过pa")
    table = ex.cut_off_table()
    assert list(table.columns) == ["原样版行号", "勘误后行号", "断在哪里", "把握程度"]
    assert table["原样版行号"].tolist() == [8, 13, 19, 25, 30, 36, 41, 46]
    assert table["勘误后行号"].tolist() == [n - 2 for n in table["原样版行号"]]
    assert set(table["把握程度"]) == {"确定", "很可能"}
    assert "共 8 段。其中 5 段断在句子中间" in LESSON_PROSE and "3 段（第 8、19、30 行）" in LESSON_PROSE
    assert "8 段中途断掉，第四部分的标题丢失" in LESSON_PROSE


# -- the environment check -----------------------------------------------------------------------
def test_the_environment_passes_here():
    checks = ex.environment_checks()
    assert [c.item for c in checks] == ["Python 版本", "教材及其依赖", "控件", "图表中的中文", "分词缓存"]
    assert all(c.status == "ok" and not c.fix for c in checks), checks
    assert ex.environment_verdict(checks) == "5 项检查全部通过。"
    table = ex.environment_table(checks)
    assert list(table.columns) == ["检查项", "结果", "情况", "解决办法"] and set(table["结果"]) == {"✓ 通过"}


def test_every_failure_comes_with_a_fix_in_chinese(tmp_path):
    failures = [
        ex.check_python((3, 9, 18)),
        ex.check_kit(("jieba", "surely_not_a_module_baogao_needs")),
        ex.check_widgets(lambda name: None),
        ex.check_widgets(lambda name: {"ipywidgets": "7.8.5", "jupyterlab_widgets": "1.1.0"}.get(name)),
        ex.check_fonts(tmp_path / "missing.otf"),
    ]
    (tmp_path / "a-file").write_text("not a folder")
    failures.append(ex.check_cache(tmp_path / "a-file" / "cache"))  # a folder inside a file cannot exist
    for check in failures:
        assert check.status == "fail", check
        assert re.search("[\u4e00-\u9fff]", check.fix) and check.fix.endswith("。"), check
    assert "3.9.18" in failures[0].detail and "surely_not_a_module_baogao_needs" in failures[1].detail
    assert "7.8.5" in failures[3].detail and "missing.otf" in failures[4].detail
    assert "BAOGAO_CACHE" in failures[5].fix
    verdict = ex.environment_verdict(failures + [ex.check_python()])
    assert verdict.startswith("7 项检查中 6 项未通过、0 项需要注意")


def test_a_font_without_chinese_fails_and_a_missing_front_end_extension_warns():
    import matplotlib.font_manager as fm

    latin = ex.check_fonts(fm.findfont("DejaVu Sans"))
    assert latin.status == "fail" and "没有“" in latin.detail
    warn = ex.check_widgets(lambda name: {"ipywidgets": "8.1.0"}.get(name))
    assert warn.status == "warn" and "jupyterlab_widgets" in warn.fix


def test_widget_probe_answers_a_click():
    probe = ex.WidgetProbe()
    assert probe.status.value == "还没有点击。"
    probe.button.click()
    assert probe.status.value == "✓ 内核收到了点击：控件工作正常。"


# -- the demonstration problem ------------------------------------------------------------------
@pytest.mark.parametrize("name", ["specimen", "2021_state-council_gwr", "example:request_qingshi"])
def test_demo_follows_the_report(name):
    report = baogao.get(name)
    demo = ex.demo(report)
    assert demo.q1.check(...).status == NOT_ATTEMPTED
    assert demo.q1.check(len(report.paragraphs)).status == CORRECT
    assert "差了一段" in demo.q1.check(len(report.paragraphs) - 1).message
    if len(report.lines) != len(report.paragraphs):  # blank lines are not paragraphs
        assert "空行" in demo.q1.check(len(report.lines)).message
    assert repr(demo.q1.hint(2)).startswith("※ 提示 2/2")


# -- every exercise: another correct answer passes, the plausible wrong ones get their feedback ----
def test_q1_other_correct_forms_and_feedback():
    for answer in ((47, 2, 1), {1, 2, 47}, "1、2、47", ["1", "2", "47"], "第1行，第2行，第47行"):
        assert ex.q1.check(answer).status == CORRECT, answer
    assert "从 0 开始" in ex.q1.check([0, 1, 46]).message and "从 0 开始" in ex.q1.check([46, 0, 1]).message
    assert "像标题" in ex.q1.check([2, 47]).message  # line 1 taken for the report's title
    assert "报告正文" in ex.q1.check([1, 2, 3, 47]).message
    assert "重复" in ex.q1.check([1, 1, 2, 47]).message
    assert ex.q1.check([1, 2]).status == INCORRECT


def test_q2_other_correct_forms_and_method():
    texts = [r.text.split("\n") for r in (RAW, CORRECTED)]
    by_index = [next(i for i, text in enumerate(lines, 1) if text.startswith(ex.LEAD)) for lines in texts]
    for answer in ((12, 10), "12，10", by_index, [12.0, 10]):
        assert ex.q2.check(answer).status == CORRECT, answer
    assert ex.q2.solution_answer(RAW) == [12, 10]
    assert "从 0 开始" in ex.q2.check([11, 9]).message
    assert "顺序反了" in ex.q2.check([10, 12]).message
    assert "行号不一样" in ex.q2.check([12, 12]).message
    assert "两个行号" in ex.q2.check([12]).message


def test_q3_another_implementation_passes_and_the_cases_agree_with_the_widget():
    def by_walking(raw_line, removed):
        gone = set(removed)
        if raw_line in gone:
            return None
        number = 0
        for n in range(1, raw_line + 1):
            number += n not in gone
        return number

    assert ex.q3.check(by_walking).status == CORRECT
    rows = edition_diff(expand_systematic=True)
    mapping = dict(edition_lines(rows, RAW.text, CORRECTED.text))
    for (raw_line, removed), expected in ex.LINE_CASES:
        assert ex.corrected_line(raw_line, removed) == expected
        if removed == ex.SITE:
            assert mapping[raw_line] == expected
    assert ex.q3.check(lambda raw_line, removed: raw_line - 2).status == INCORRECT


@pytest.mark.parametrize("answer", ["C", "c", " C ", "（C）", "(c)", "C.", "选C", "答案是C", "Ｃ",
                                    ex.Q4_OPTIONS["C"][0]])
def test_q4_accepts_every_spelling_of_the_right_choice(answer):
    assert ex.q4.check(answer).status == CORRECT


def test_q4_explains_each_wrong_choice_and_refuses_other_forms():
    for key, (_, why) in ex.Q4_OPTIONS.items():
        if key != ex.Q4_ANSWER:
            assert ex.q4.check(key.lower()).message == why
    assert "只选一项" in ex.q4.check("AC").message
    assert "选项字母" in ex.q4.check(3).message and "选项字母" in ex.q4.check("F").message
    shown = repr(ex.q4_options())
    assert all(f"{key}. {text}" in shown for key, (text, _) in ex.Q4_OPTIONS.items())
    assert 'q4_answer = "C"' in SOLUTION_CODE and "ex.q4_options()" in SOLUTION_CODE


def test_q5_another_good_note_passes_and_each_trap_is_named():
    other = ("本文转自某内容农场网站，是共青团中央2021年工作报告的一份受损副本。"
             "文中有机器改写留下的错字和错误提法，多个段落被截断，一个部分的标题缺失。"
             "原网页地址、采集日期、报告原题，以及它是否是向中央书记处提交的报告，均不详。")
    outcome = ex.q5.check(other)
    assert outcome.status == SUBMITTED and outcome.checks and not outcome.issues, outcome.text()
    assert ex.q5.check(ex.SOURCE_NOTE).issues == [] and ex.SOURCE_NOTE.replace("\n", "") in SOLUTION_CODE.replace(
        '"\n             "', "")
    traps = {
        "这是共青团中央的第三方副本，转自网站，有截断。它是向中央书记处所作的报告。原标题无从得知。": "主送对象",
        "这是转自网站的副本，有截断。它原题为《团委新媒体工作情况》，是个人工作总结的标题。原文无从得知。": "标题",
        "这是转自网站的副本，有截断。勘误后版本就是报告的原文。受损处原文无从得知。": "不是原文",
        "这是转自网站的副本,有截断。受损处原文无从得知。其余不详。": "半角标点",
        "这是转自网站的副本，有截断。受损处原文无从得知。": "三句话",
        "这是转自网站的副本。\n有截断。受损处原文无从得知。": "不要分行",
    }
    for text, issue in traps.items():
        assert any(issue in i for i in ex.q5.check(text).issues), (text, ex.q5.check(text).issues)


def test_solution_notebook_answers_are_the_computed_ones():
    assert "q1_answer = [1, 2, 47]" in SOLUTION_CODE and ex.q1.solution_answer(RAW) == [1, 2, 47]
    assert "“一律减 2”只对样本报告、而且只对第 3—46 行成立" in SOLUTION_PROSE
    assert "不论参数格里的 `REPORT` 选了什么" in SOLUTION_PROSE


def test_the_exercise_notebook_keeps_the_questions_and_drops_the_answers():
    prose = "\n".join(cells("exercises/00_start.ipynb", "markdown"))
    code = "\n".join(cells("exercises/00_start.ipynb", "code"))
    assert prose.count("想一想：为什么？") == 5 and prose.count("（请在这里作答）") == 5
    for answer in ("[1, 2, 47]", "[0, 1, 46]", "C 说的每一点", "一律减 2", "r < raw_line"):
        assert answer not in prose + code, answer
    assert "BEGIN SOLUTION" not in prose + code

