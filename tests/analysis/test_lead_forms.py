"""baogao.analysis.leads: the forms of lead sentences, section intros and their turn,
every body paragraph's role, and the 要/将 an account of work done does not use."""

from __future__ import annotations

import pytest

import baogao
from baogao.analysis import leads as L


@pytest.mark.parametrize("sentence,form", [
    ("努力提高覆盖率。", "adverb_verb"),
    ("切实增强针对性。", "adverb_verb"),
    ("系统评价共青团改革的成效。", "adverb_verb"),  # 系统 used as an adverb
    ("进一步转变政府职能。", "adverb_verb"),
    ("用改革办法推动降低企业生产经营成本。", "adverb_verb"),  # a prepositional adverbial
    ("推动务实的青年服务项目。", "verb_object"),
    ("巩固和扩大新时期青年爱国统一战线。", "verb_object"),
    ("提出了新时代全面从严治团的总体框架。", "verb_object"),
    ("加强骨干培训。", "verb_object"),
    ("稳定和扩大消费。", "verb_object"),
    ("在急难险重任务中发挥至关重要的作用。", "circumstance"),
    ("在乡村振兴的广阔天地里担当责任。", "circumstance"),
    ("在经济社会发展过程中积极作为。", "circumstance"),
    ("团的基层组织活力不断提高。", "subject"),
    ("少先队建设迈上新台阶。", "subject"),
    ("积极的财政政策要提质增效、更可持续。", "subject"),  # 积极 + 的 is an attribute
])
def test_lead_pattern(sentence, form):
    assert L.lead_pattern(sentence) == form
    assert L.lead_pattern(sentence.rstrip("。")) == form  # the final mark does not matter


def test_every_form_has_a_chinese_name_and_meaning():
    assert set(L.PATTERNS) == set(L.PATTERN_MEANINGS) == {"adverb_verb", "verb_object", "circumstance", "subject"}
    assert all("\u4e00" <= name[0] <= "\u9fff" for name in L.PATTERNS.values())


def test_lead_table_of_the_specimen():
    table = L.lead_table(baogao.specimen())
    assert list(table.columns) == ["line", "text", "chars", "pattern"]
    assert len(table) == 22
    groups = table.groupby("pattern")["line"].apply(list).to_dict()
    assert groups == {"adverb_verb": [7, 8, 9, 12, 13, 21, 27, 36, 37, 38, 42],
                      "verb_object": [22, 23, 26, 41], "circumstance": [17, 18, 19],
                      "subject": [30, 31, 32, 33]}


def test_a_report_without_leads_has_an_empty_table():
    report = baogao.load("一、总体要求\n正文只有一句，很长很长很长很长很长很长很长很长。\n", name="无主旨句")
    assert L.lead_table(report).empty
    assert [p.line for p in L.unled_paragraphs(report)] == [2]


def test_section_intros_and_the_lost_heading():
    intros = L.section_intros(baogao.specimen())
    assert [(i.line, i.heading_line, i.lost) for i in intros] == [
        (6, 5, ""), (11, 10, ""), (16, 15, ""), (20, None, "四"), (25, 24, ""), (29, 28, ""),
        (35, 34, ""), (40, 39, "")]
    assert [L.turn_of(i.text) for i in intros] == ["一年来"] * 4 + [None] + ["一年来"] * 3


def test_a_section_of_one_paragraph_or_opening_with_a_lead_has_no_intro():
    text = ("一、主要工作\n扩大注册规模。上半年新增注册青年志愿者1.2万人，全市累计达到8.6万人。\n"
            "加强骨干培训。举办骨干培训班6期，培训项目负责人420名。\n"
            "二、存在的问题\n一是区域发展不平衡，部分区县增长缓慢；二是项目化水平不高，品牌项目数量偏少。\n")
    report = baogao.load(text, name="两节")
    assert L.section_intros(report) == []
    assert L.section_intros(baogao.example("report_gongwen")) == []


def test_intro_moves():
    moves = L.intro_moves("鲜明的政治立场是立身之本。一年来,全团加强政治建设。从总体上看,政治能力明显提高。")
    assert [m for m, _ in moves] == ["ground", "work", "result"]
    moves = L.intro_moves("共青团改革取得了重要的阶段性成果。要乘势而上,久久为功。一年来,团中央评估了改革方案。")
    assert [m for m, _ in moves] == ["result", "requirement", "work"]
    assert [m for m, _ in L.intro_moves("共青团必须时刻意识到担子重。通过pa")] == ["ground", "ground"]
    assert set(L.MOVES) == {"ground", "requirement", "work", "result"}
    assert L.turn_of("2025年以来，全区加强了组织建设。") == "2025年以来"
    assert L.turn_of("过去一年，我国发展面临多重困难。") == "过去一年"
    assert L.turn_of("我们一年来加强了组织建设。") is None  # a turn opens its sentence


def test_paragraph_roles():
    roles = {p.line: (role, part) for p, role, part in L.paragraph_roles(baogao.specimen())}
    assert [n for n, (role, _) in roles.items() if role == "opening"] == [3, 4]
    assert [n for n, (role, _) in roles.items() if role == "intro"] == [6, 11, 16, 25, 29, 35, 40]
    assert [n for n, (role, _) in roles.items() if role == "intro_lost"] == [20]
    assert [n for n, (role, _) in roles.items() if role == "other"] == [14]
    assert {n: part for n, (role, part) in roles.items() if role == "closing"} == {
        43: "自身建设", 44: "致谢", 45: "经验体会", 46: "下一步打算"}
    assert sum(role == "lead" for role, _ in roles.values()) == 22
    assert set(L.ROLES) == {"opening", "intro", "intro_lost", "lead", "closing", "other"}


def test_a_request_opens_before_its_first_run_in_heading():
    roles = [(p.line, role) for p, role, _ in L.paragraph_roles(baogao.example("request_qingshi"))]
    assert roles[0] == (5, "opening") and {role for _, role in roles[1:]} == {"other"}


@pytest.mark.parametrize("text,found", [
    ("各级共青团组织要主动备战,将志愿者招募培训等工作常态化。", [("要", "requirement")]),
    ("学生会的工作将进一步聚焦于服务学生主业。", [("将", "future")]),
    ("共青团也将迎来百年华诞的历史性时刻。", [("将", "future")]),
    ("本届政府任期即将结束。", [("即将", "future")]),
    ("推动将青年发展纳入规划。", []),  # 将 = 把
    ("28个省份将少先队工作纳入中小学党建督导考核。", []),
    ("这是重要的政治任务，也是党的要求，需要全团努力。", []),
    ("用实际行动表明了“党旗指的就是共青团旗要做的”。", []),  # inside a quotation
])
def test_forward_words(text, found):
    got = L.forward_words(text)
    assert [(w, k) for _, _, w, k in got] == found
    for a, b, w, _ in got:
        assert text[a:b] == w


def test_forward_words_of_the_specimen():
    report = baogao.specimen()
    hits = {ln.number: [w for _, _, w, _ in L.forward_words(ln.text)] for ln in report.lines}
    assert {n: w for n, w in hits.items() if w and n <= 42} == {17: ["要"], 32: ["将"], 35: ["要"], 42: ["要"]}
    assert hits[46] == ["将", "将", "将"] and hits[45] == ["要", "要"]  # the outlook and the lessons
