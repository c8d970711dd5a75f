"""The structure parser on small texts whose outlines were worked out by hand."""

import pytest

import baogao

DOC = """共青团某区委员会关于2025年工作情况的报告

区委：

2025年，团区委围绕中心、服务大局，各项工作取得新进展。现将有关情况报告如下。

一、主要工作

（一）思想引领。全年开展主题团课120场，覆盖团员青年8000余人次。

（二）服务青年。新建青年之家5个。一是开展就业服务；二是开展婚恋交友服务；三是开展心理咨询服务。

二、存在的问题

一是基层组织活力不足；二是工作方式创新不够。

三、下一步打算

（一）深化思想引领。继续开展主题团课。

特此报告。

附件：1.2025年主要数据

共青团某区委员会
2025年12月5日
"""

SPEECH = """政府工作报告
——2025年1月10日在某区第一届人民代表大会第五次会议上
某区人民政府区长　　张某
各位代表：
现在，我代表区人民政府向大会报告工作，请予审议。
一、2024年工作回顾
过去一年，全区经济平稳运行，地区生产总值增长5.2%，各项工作取得新成效。
二、2025年重点工作
今年是“十四五”规划收官之年，做好政府工作意义重大。
"""


def kinds(report):
    return [(e.kind, e.line) for e in report.outline().elements if e.kind != "paragraph"]


def test_document_genre_elements():
    r = baogao.load(DOC)
    o = r.outline()
    assert o.genre == "document"
    assert o.title == "共青团某区委员会关于2025年工作情况的报告"
    assert kinds(r) == [("title", 1), ("addressee", 3), ("heading", 7), ("heading", 13),
                        ("heading", 17), ("closing", 21), ("attachment", 23), ("signature", 25),
                        ("date", 26)]
    assert [(h.level, h.marker, h.title, h.line, h.run_in) for h in o.headings] == [
        (1, "一、", "主要工作", 7, False),
        (2, "（一）", "思想引领", 9, True),
        (2, "（二）", "服务青年", 11, True),
        (1, "二、", "存在的问题", 13, False),
        (1, "三、", "下一步打算", 17, False),
        (2, "（一）", "深化思想引领", 19, True),
    ]
    assert [e.to_dict() for e in o.enumerations] == [
        {"kind": "inline", "line": 11, "markers": ["一是", "二是", "三是"]},
        {"kind": "inline", "line": 15, "markers": ["一是", "二是"]},
    ]
    assert o.numbering_issues == []
    assert [(p.kind, p.line) for p in o.parts] == [
        ("opening", 5), ("review", 7), ("problems", 13), ("outlook", 17), ("closing", 21)]


def test_speech_genre_elements():
    r = baogao.load(SPEECH)
    o = r.outline()
    assert o.genre == "speech"
    assert kinds(r) == [("title", 1), ("subtitle", 2), ("speaker", 3), ("salutation", 4),
                        ("heading", 6), ("heading", 8)]
    assert [(p.kind, p.line) for p in o.parts] == [("opening", 5), ("review", 6), ("outlook", 8)]
    assert "有题注" in o.genre_evidence


def test_boilerplate_anywhere():
    r = baogao.load("工作总结\n本站整理，仅供参考!\n今年我们做了很多工作，成效明显。\n更多精彩内容请关注本站。")
    assert kinds(r) == [("title", 1), ("boilerplate", 2), ("boilerplate", 4)]


def test_request_has_no_review():
    r = baogao.example("request_qingshi")
    assert r.genre == "document"
    assert [p.kind for p in r.outline().parts] == ["opening", "closing"]


@pytest.mark.parametrize("body,issues", [
    ("一、甲\n正文一段很长的内容。\n二、乙\n正文二段。\n四、丁\n正文四段。", [("gap", 5, "三")]),
    ("一、甲\n正文一段。\n二、乙\n正文二段。\n二、丙\n正文三段。", [("repeat", 5, "三")]),
    ("一、甲\n正文一段。\n三、丙\n正文二段。\n二、乙\n正文三段。", [("gap", 3, "二"), ("out_of_order", 5, "四")]),
    ("一、甲\n正文一段。\n二、乙\n正文二段。\n3.丙\n正文三段。", [("style_change", 5, "三、")]),
    ("（二）乙\n正文一段。\n（三）丙\n正文二段。", [("gap", 1, "一")]),
])
def test_numbering_issue_kinds(body, issues):
    o = baogao.load(body).outline()
    assert [(i.kind, i.line, i.expected) for i in o.numbering_issues] == issues
    for i in o.numbering_issues:
        assert i.message and "\n" not in i.message


def test_wrong_but_common_forms_are_not_style_changes():
    o = baogao.load("一、甲\n（一）子一\n正文。\n(二)子二\n正文。\n（三）子三\n正文。\n1、细目\n正文。\n2.细目\n正文。").outline()
    assert [(h.level, h.style) for h in o.headings] == [
        (1, "cn-dun"), (2, "cn-paren"), (2, "half-paren"), (2, "cn-paren"), (3, "arabic-dun"),
        (3, "arabic-dot")]
    assert o.numbering_issues == []


def test_enumeration_spanning_paragraphs_and_gap():
    text = ("一、工作\n今年重点做好三件事。一是扩大就业，新增岗位100个。\n二是稳定物价，全年涨幅控制在3%以内。\n"
            "三是改善民生，新建学校2所。\n二、打算\n我们将继续努力，二是加强监督。三是改进作风。四是提高效率。")
    o = baogao.load(text).outline()
    assert [e.to_dict() for e in o.enumerations] == [
        {"kind": "paragraphs", "line": 2, "markers": ["一是", "二是", "三是"]},
        {"kind": "inline", "line": 6, "markers": ["二是", "三是", "四是"]},
    ]
    assert [(i.kind, i.line, i.expected) for i in o.numbering_issues] == [("gap", 6, "一")]


def test_item_series_is_not_headings():
    # 1978-style measures: long numbered paragraphs are list items, not headings.
    items = "\n".join(f"（{n}）在普遍增产粮食的基础上抓好两头，一头是抓好商品粮基地，一头是抓好缺粮地区，八年内使它们提供的商品粮比现在增加两三倍。"
                      for n in "一二三")
    o = baogao.load("三、加快经济建设\n" + items).outline()
    assert [h.marker for h in o.headings] == ["三、"]
    assert [e.to_dict() for e in o.enumerations] == [
        {"kind": "paragraphs", "line": 2, "markers": ["（一）", "（二）", "（三）"]}]


def test_standalone_yishi_heads_sections_only_in_a_standalone_series():
    text = "一是加强政治建设\n鲜明的政治立场是根本。一年来成效明显。\n二是深化思想引导\n以建党一百周年为契机，开展学习。"
    assert [(h.level, h.marker) for h in baogao.load(text).outline().headings] == [(1, "一是"), (1, "二是")]
    text = "一是加强政治建设，鲜明的政治立场是根本，一年来成效明显。全年开展学习120次。\n二是深化引导。\n三是扩大覆盖面，全年新建支部20个。全年新增团员100人。"
    assert baogao.load(text).outline().headings == []


def test_unnumbered_headings_and_cut_off_paragraphs():
    text = ("各位代表！\n我代表国务院作报告。\n过去五年工作的基本总结\n五年来，我国经济持续发展，人民生活明显改善，各项事业取得新进展。\n"
            "一、坚持改革\n改革取得重大进展，成绩很大。\n关于外交工作\n我们坚持独立自主的和平外交政策，同各国友好往来。\n"
            "结束语\n各位代表，让我们团结奋斗！\n团中央建立了台账管理和监督制度,既保证事事有着落,又注重举一反三,综合集成,系统实施")
    o = baogao.load(text).outline()
    assert [(h.level, h.style, h.title) for h in o.headings] == [
        (1, "none", "过去五年工作的基本总结"), (2, "cn-dun", "坚持改革"), (1, "none", "关于外交工作"),
        (1, "none", "结束语")]
    assert o.numbering_issues == []


def test_docx_heading_styles_count(fixtures):
    r = baogao.load(fixtures / "auto_numbered.docx")
    o = r.outline()
    assert r.format == "docx" and r.encoding == "docx"
    assert o.genre == "document"
    top = [(h.marker, h.title) for h in o.headings if h.level == 1]
    assert top == [("一、", "主要工作"), ("二、", "存在的问题"), ("三、", "下一步工作打算")]
    assert [h.marker for h in o.headings if h.level == 2] == ["（一）", "（二）", "（一）", "（二）", "（一）", "附："[:0]]
    assert o.numbering_issues == []


def test_tree_sections_and_frame():
    o = baogao.load(DOC).outline()
    top = o.tree.children
    assert [s.kind for s in top] == ["part", "heading", "heading", "heading"]
    assert top[0].part == "opening" and top[0].line == 5
    first = top[1]
    assert [c.heading.marker for c in first.children] == ["（一）", "（二）"]
    assert first.text.startswith("一、主要工作\n（一）思想引领。")
    assert first.end_line == 12
    assert o.section_at(11).heading.marker == "（二）"
    frame = o.to_frame()
    assert list(frame.columns) == ["kind", "level", "number", "marker", "style", "title", "line",
                                   "end_line", "run_in", "part", "paragraphs", "chars"]
    assert frame["line"].tolist() == [5, 7, 9, 11, 13, 17, 19]
    assert frame.loc[frame["line"] == 13, "part"].item() == "problems"


def test_outline_is_cached():
    r = baogao.load(DOC)
    assert r.outline() is r.outline()


def test_a_copy_without_either_frame_is_of_unknown_genre():
    """The specimen lost its frame: no 公文 element, no 题注, 报告人 or 称呼."""
    o = baogao.specimen().outline()
    assert o.genre == "unknown" and o.genre_evidence == []
    assert "文体不明" in o.render() and "也没有讲话稿" in o.render()


def test_a_salutation_run_into_the_opening_makes_a_speech():
    o = baogao.load("各位代表，现在，我代表国务院，作政府工作报告，请予审议。\n一、去年工作回顾\n"
                    "一年来，各项工作取得新进展。\n二、今年工作安排\n今年要继续努力。\n").outline()
    assert o.genre == "speech" and o.genre_evidence == ["开头段以称呼起句（“各位代表”）"]
    bare = baogao.load("现在，我向大家报告工作。\n一、去年工作回顾\n一年来，各项工作取得新进展。\n").outline()
    assert bare.genre == "unknown"
