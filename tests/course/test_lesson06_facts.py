"""Every figure, line number and quotation lesson 06's prose (and its solution notebook's
explanations) state about the specimen, its errata and the kit's linter, computed by the kit.
Line numbers are the raw edition's. Counts that depend on the errata are computed from them
(through ``baogao.sources.errata`` and ``baogao.lint.scoring``), never written here, except
where the prose states them: those tests are named ``test_errata_…``."""

from __future__ import annotations

import re
from collections import Counter

import baogao
from baogao.course import lesson06_proofreading as lesson
from baogao.course import lesson06_measures as measures
from baogao.lint import catalogue, lint
from baogao.sources.errata import CATCHABLE, UNKNOWN, load_errata
from baogao.widgets.compare import EditionCompare
from baogao.widgets.quiz import check_choice
from notebook_cells import cell_list

RAW = baogao.specimen()
FINDINGS = lint(RAW)
E = load_errata().set_index("id")


PROSE = "\n".join(cell_list("notebooks/06_proofreading.ipynb", "markdown"))
CODE = "\n".join(cell_list("notebooks/06_proofreading.ipynb", "code"))
SOLUTION = "\n".join(cell_list("solutions/06_proofreading.ipynb", "markdown"))


def says(*phrases, prose=PROSE):
    for phrase in phrases:
        assert phrase in prose, phrase


def quoted(line: int, text: str) -> None:
    assert text in RAW.line(line).text, (line, text)


def lines_of(rule: str) -> list[int]:
    return sorted({f.line for f in FINDINGS if f.rule == rule})


# -- the frame ---------------------------------------------------------------------------------
def test_title_link_predictions_widgets_and_durations():
    from baogao.course import lesson as manifest

    assert PROSE.startswith("# 第 6 课　校对")
    says("(../exercises/06_proofreading.ipynb)", "**原样版**", "学习目标", "小结", "共六道题")
    assert PROSE.count("先预测，再检查") >= 6
    assert len(lesson.assignment.problems) == 6
    parts = re.search(r"\*\*时长\*\*：约 45 分钟（([^）]+)）", PROSE).group(1)
    assert sum(int(n) for n in re.findall(r"(\d+) 分钟", parts)) == 45
    says("练习本另需约 45 分钟")
    assert manifest("06_proofreading").minutes == 90
    for widget in ("lesson.viewer(report)", "lesson.edition_compare()", "lesson.quiz()"):
        cell = next(c for c in cell_list("notebooks/06_proofreading.ipynb", "code") if widget in c)
        assert cell.splitlines()[0] == "# NBVAL_IGNORE_OUTPUT", widget


def test_the_two_editions():
    assert lesson.edition_lines() == {"原样版": 47, "勘误后版本": 44}
    says("47 行", "44 行", "原样版第 N 行是勘误后版本第 N−2 行")


# -- 一、a damaged copy --------------------------------------------------------------------------
def test_the_site_lines():
    table = lesson.site_lines()
    assert table["原样版行号"].tolist() == [1, 2, 47]
    quoted(1, "院团委新媒体中心个人工作总结")
    quoted(2, "本站经过数据分析整理出")
    quoted(2, "仅供参考!")
    quoted(47, "的请关注本站。")
    assert RAW.outline().elements[0].kind == "title" and RAW.outline().elements[0].paragraph == 1
    assert [f.line for f in FINDINGS if f.rule == "boilerplate"] == [2, 47]


def test_ascii_marks_and_what_the_linter_reports():
    assert measures.ascii_counts(RAW) == {",": 368, ";": 12, ":": 0, "?": 0, "!": 1, "(": 11, ")": 11}
    assert measures.ascii_lines(RAW, "!") == [2]
    assert RAW.text.count("，") == 0  # not one comma of the copy is full-width
    says("368 个半角逗号“,”、12 个半角分号“;”、11 对半角括号“()”，还有 1 个半角感叹号“!”（第 2 行）")
    reported = measures.half_width_findings(RAW)
    assert (reported[","], reported["("], reported[")"], reported["!"]) == (367, 8, 8, 0)
    says("逗号 367 个，括号各 8 个，感叹号一个也没有报告")
    hw = [f for f in FINDINGS if f.rule == "half-width-punctuation"]
    assert not {f.line for f in hw} & {2, 47} and Counter(f.line for f in hw)[1] == 2
    for line in (2, 47):
        assert any(m in RAW.line(line).text for m in "(),!")
    says("其中的两个括号照样报告")


def test_the_traces():
    assert lines_of("stray-space") == [4, 37] and Counter(f.line for f in FINDINGS if f.rule == "stray-space") == {4: 2, 37: 2}
    says("第 4 行和第 37 行各两处")
    assert measures.entry_lines("misplaced_punctuation") == [12]
    quoted(12, "覆盖率。已经达到90%以上")
    opened = [f for f in FINDINGS if f.rule == "unbalanced-marks"]
    assert [(f.line, f.text) for f in opened] == [(31, "《")]
    quoted(31, "出台《青联委员履职")
    assert "》" not in RAW.line(31).text[opened[0].column:]
    assert measures.entry_lines("cut_off") == [8, 13, 19, 25, 30, 36, 41, 46]
    says("第 8、13、19、25、30、36、41、46 行")
    assert RAW.line(25).text.endswith("通过pa")
    assert measures.entry_lines("name_error") == [4, 7, 37, 43, 44, 46]
    says("第 4、7、37、43、44、46 行")
    quoted(7, "习金平")
    for line in (4, 43, 44, 46):
        quoted(line, "习近平金平新时代")
    quoted(37, "新时代的习中国特色社会主义思想")
    quoted(23, "NPC")
    quoted(23, "CPPCC")
    quoted(27, "(CPC)")
    quoted(33, "晋级晋级")
    quoted(43, "以史为鉴、以史为鉴")
    assert lines_of("duplicated-words") == [33, 43] and lines_of("latin-residue") == [23, 25, 27]
    for line in (16, 45):
        quoted(line, "国家伟人")
    quoted(45, "请放心,党强,国有我")
    assert {E.loc["E037", "correction"], E.loc["E146", "correction"]} == {"国之大者"}
    assert E.loc["E147", "correction"] == "请党放心，强国有我"
    table = lesson.traces()
    assert len(table) == len(lesson.TRACES)


def test_five_categories_no_rule_can_catch():
    assert [c for c, ok in CATCHABLE.items() if not ok] == [
        "misplaced_punctuation", "word_choice", "garbled", "fact_error", "document_title_error"]
    says("规则找不到的有 5 类：标点错位、用词不当、语句不通、事实错误、文件名称错误")
    table = lesson.errata_table()
    assert table["条数"].sum() == len(E) and set(table["规则能否找到"]) == {"能", "不能"}


# -- 二、the four methods ------------------------------------------------------------------------
def test_the_four_methods_and_their_examples():
    assert lesson.methods_table()["校法"].tolist() == ["对校", "本校", "他校", "理校"]
    quoted(30, "“青年之家”")
    quoted(22, "依托青年之家、")
    assert (E.loc["E056", "line"], E.loc["E056", "text"]) == (22, "青年之家")
    unquoted = [f for f in FINDINGS if f.rule == "unquoted-programme-name" and f.line == 22]
    assert unquoted and "本文别处写作“青年之家”" in unquoted[0].message
    says("本文别处写作“青年之家”")
    quoted(11, "学党史、坚定信念、跟党走")
    assert (E.loc["E029", "line"], E.loc["E029", "correction"]) == (11, "强信念")
    assert any(f.rule == "formulation-near-miss" and f.line == 11 and "学党史、强信念、跟党走" in f.message for f in FINDINGS)
    quoted(21, "纳入“十五”规划和2035年远景目标纲要")
    assert (E.loc["E049", "line"], E.loc["E049", "correction"], E.loc["E049", "certainty"]) == (21, "十四五", "certain")
    for line in (15, 16):
        quoted(line, "“十四五”")


# -- 三、query slips ------------------------------------------------------------------------------
def test_errata_the_query_slip_entries():
    slip = lesson.query_slip()
    assert slip["把握"].tolist() == ["确定", "确定", "确定", "不确定"]
    assert slip["勘误表"].tolist()[-1] == "E048" and E.loc["E048", "correction"] == UNKNOWN
    quoted(20, "新时期青年工作")
    says("第 20 行的“新时期”，勘误表记为“不确定”", "其余三条都是“确定”")


# -- 四、the linter --------------------------------------------------------------------------------
def test_the_catalogue_and_the_findings():
    assert len(catalogue()) == 47 and len({r.family for r in catalogue()}) == 7
    assert lesson.catalogue_summary(RAW) == {"规则": 47, "本报告上报告了问题的规则": 27}
    says("工具有 47 条规则，分 7 类", "有 27 条规则报告了问题")
    severities = Counter(f.severity for f in FINDINGS)
    assert (len(FINDINGS), severities["error"], severities["warning"], severities["info"]) == (476, 434, 26, 16)
    assert sum(f.rule == "half-width-punctuation" for f in FINDINGS) == 395
    says("工具报告了 476 条：错误 434 条、警告 26 条、提示 16 条，其中 395 条是半角标点")
    assert lines_of("outdated-formulation") == [20, 24, 26, 37]
    says("第 20、24、26、37 行的“新时期”")
    v = lesson.viewer(RAW)
    assert ("中文里多余的空格（stray-space，4）", "stray-space") in v.rules.options
    says("“中文里多余的空格（stray-space，4）”")


# -- 五、recall ---------------------------------------------------------------------------------------
def test_errata_what_the_linter_missed():
    missed = measures.missed_entries()
    for eid in ("E094", "E001", "E037", "E146"):
        assert eid in missed, eid
    assert any(f.rule == "unbalanced-marks" and f.line == E.loc["E094", "line"] for f in FINDINGS)
    per_category = Counter(E.loc[i, "category"] for i in missed)
    assert per_category.most_common(1)[0][0] == "formulation_error"
    says("**E094 其实没有漏**", "**E001 是真漏了**", "**漏得最多的是提法**")


def test_errata_names_found_and_by_which_rule():
    by = measures.found_by()
    names = [i for i in E.index if E.loc[i, "category"] == "name_error"]
    assert names == ["E008", "E021", "E112", "E134", "E142", "E154"]
    assert measures.recall_by_category()["name_error"] == [5, 6]
    assert by["E021"] == ["name-near-miss"] and by["E112"] == []
    assert all(by[i] == ["formulation-near-miss"] for i in ("E008", "E134", "E142", "E154"))
    assert [int(E.loc[i, "line"]) for i in ("E008", "E134", "E142", "E154")] == [4, 43, 44, 46]
    says("人名错误 6 条，找到 5 条", "第 4、43、44、46 行的“金平”是提法规则（formulation-near-miss）找到的")


def test_errata_facts_no_rule_can_catch():
    table = lesson.uncatchable_table()
    for eid, line, text, correction in (("E010", 4, "党的十八大", "团十八大"), ("E049", 21, "十五", "十四五"),
                                        ("E050", 21, "十五", "十四五"), ("E156", 46, "“三个代表”", "关于青年工作的")):
        assert (E.loc[eid, "category"], E.loc[eid, "line"], E.loc[eid, "text"], E.loc[eid, "correction"]) == (
            "fact_error", line, text, correction), eid
        assert eid in table["勘误表"].tolist()
    assert E.loc["E010", "certainty"] == "probable"
    quoted(46, "习近平总书记“三个代表”重要思想")
    quoted(4, "关于青年工作的重要思想")
    says("第 4 行，勘误表认为很可能是“团十八大”")


# -- 六、the edition compare ---------------------------------------------------------------------------
def test_errata_the_compare_shows_six_names():
    c = EditionCompare()
    c.categories.value = ("name_error",)
    assert "标出 6 处改动" in c.view.value
    says("只选“人名错误”，标出 6 处，在第 4、7、37、43、44、46 行")


# -- 七、the quiz agrees with the linter -----------------------------------------------------------------
def test_every_click_answer_is_exactly_a_linter_finding_and_nothing_else_is():
    for (line, sentence, wrong, _why), q in zip(lesson.CLICKS, lesson.click_questions()):
        row = RAW.line(line)
        at = row.start + row.text.index(sentence)
        a, b = at + q.answer[0], at + q.answer[1]
        inside = [f for f in FINDINGS if f.severity in ("error", "warning") and f.start < at + len(sentence)
                  and f.end > at]
        assert [(f.start, f.end) for f in inside] == [(a, b)], (line, [(f.rule, f.text) for f in inside])
        assert check_choice(q, q.answer)[0]
        others = [i for i in range(len(sentence)) if not q.answer[0] <= i < q.answer[1] and sentence[i].strip()]
        assert all(not check_choice(q, i)[0] for i in others)
        errata_here = [x for x in measures.errata().itertuples() if x.line == line
                       and at - row.start < x.column - 1 + len(x.text) and x.column - 1 < at - row.start + len(sentence)]
        assert all(x.category == "ascii_punctuation" or x.text in wrong or wrong in x.text for x in errata_here), line
    says("第 2、3 题的逗号")
    assert [wrong for _l, _s, wrong, _w in lesson.CLICKS][1:3] == [",", ","]


def test_the_solution_explanations():
    says("E001 是第 1 行的网站标题", "E094 要细看", prose=SOLUTION)
    for eid in ("E001", "E094"):
        assert eid in measures.missed_entries()
    quoted(31, "出台《青联委员履职")
    says("勘误表把 B 记为标点错位，C、G 记为事实错误，E 记为用词不当", prose=SOLUTION)
    for eid, cat in (("E033", "misplaced_punctuation"), ("E049", "fact_error"), ("E156", "fact_error"),
                     ("E096", "word_choice")):
        assert E.loc[eid, "category"] == cat
    assert E.loc["E048", "correction"] == E.loc["E143", "correction"] == UNKNOWN


def test_the_lessons_errata_are_read_once_and_each_caller_gets_its_own_copy():
    # Read once (the module's options used to read and validate the CSV eighteen times on import);
    # a caller that edits its table changes nobody else's.
    first = measures.errata()
    first.loc[0, "text"] = "改过"
    assert measures.errata().equals(load_errata())
    assert measures.errata() is not measures.errata()
