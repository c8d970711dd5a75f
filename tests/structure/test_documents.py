"""Documents (公文): the elements of GB/T 9704 a text copy shows, the 文种, and the linter on them.

Element by element on the five shipped examples, then on constructed edge
cases (several organs in the 主送机关, attachment lists, 签发人 with and
without 发文字号, dates in Chinese numerals, regulations inside a 通知, a
document that lost its 落款).
"""

import json

import pytest

import baogao
from baogao.lint import lint
from baogao.lint.document import arabic_date
from baogao.sources.shipped import EXAMPLES
from baogao.structure.doctypes import DOC_TYPES, STATUTORY_TYPES, doc_type_of
from baogao.structure.elements import ELEMENT_KINDS, ELEMENT_NAMES
from baogao.structure.lines import doc_number, signer

#: The 文种 each example's title names.
EXAMPLE_TYPES = {"report_gongwen": "report", "request_qingshi": "request", "notice_tongzhi": "notice",
                 "report_numbered": "report", "summary_zongjie": "summary"}


def special(report):
    """(kind, line) of every element that is not body text."""
    return [(e.kind, e.line) for e in report.outline().elements if e.kind not in ("paragraph", "heading")]


def findings(report, *rules):
    return [(f.rule, f.severity, f.line) for f in lint(report, select=list(rules) or ["document"])]


def test_every_kind_has_a_chinese_name():
    assert set(ELEMENT_KINDS) == set(ELEMENT_NAMES)
    assert ELEMENT_NAMES["doc_number"] == "发文字号" and ELEMENT_NAMES["note"] == "附注"
    assert set(STATUTORY_TYPES) <= set(DOC_TYPES) and len(STATUTORY_TYPES) == 15


# -- the five examples ----------------------------------------------------------------------

def test_all_examples_are_shipped_and_typed():
    assert set(EXAMPLES) == set(EXAMPLE_TYPES)


@pytest.mark.parametrize("name", sorted(EXAMPLE_TYPES))
def test_each_example_is_a_document_of_the_type_its_title_names(name):
    o = baogao.example(name).outline()
    assert o.genre == "document"
    assert o.doc_type == EXAMPLE_TYPES[name]
    assert o.title.endswith(DOC_TYPES[o.doc_type][-2:])
    assert {"title", "signature", "date"} <= {e.kind for e in o.elements}
    assert [f for f in lint(baogao.example(name), select=["document"]) if f.severity == "error"] == []


def test_notice_element_by_element():
    r = baogao.example("notice_tongzhi")
    assert special(r) == [("issuer", 1), ("doc_number", 2), ("title", 4), ("addressee", 6),
                          ("attachment", 40), ("attachment", 41), ("signature", 43), ("date", 44),
                          ("note", 46)]
    o = r.outline()
    assert o.title == "共青团某市委员会关于开展2026年基层团干部公文写作专题培训的通知"
    assert o.doc_type == "notice" and o.doc_type_label == "通知" and o.statutory
    assert o.genre_label == "公文"
    # Neither the 发文字号 nor the attachment's second item is a heading.
    assert [h.line for h in o.headings] == [10, 14, 16, 18, 20, 22, 30, 32, 34]
    assert o.numbering_issues == []
    assert [(p.kind, p.line) for p in o.parts] == [("opening", 8)]
    assert "有发文机关标志" in o.genre_evidence and "有附注" in o.genre_evidence
    text = o.render()
    assert "文体：公文（有发文机关标志" in text and "文种：通知（《党政机关公文处理工作条例》规定的公文种类）" in text
    assert "附注：（此件公开发布）" in text


def test_report_with_document_number_and_signer_on_one_line():
    r = baogao.example("report_numbered")
    assert special(r) == [("issuer", 1), ("doc_number", 2), ("title", 4), ("addressee", 6),
                          ("closing", 30), ("attachment", 32), ("signature", 34), ("date", 35)]
    line2 = r.outline().elements[1].text
    assert doc_number(line2) == "团区委报〔2026〕12号" and signer(line2) == "李某某"
    o = r.outline()
    assert o.genre_evidence[:3] == ["有发文机关标志", "有发文字号", "有签发人"]
    assert "发文字号和签发人：团区委报〔2026〕12号" in o.render()
    assert o.genre_label == "公文式报告"


def test_the_summary_is_a_written_text_not_a_statutory_document():
    r = baogao.example("summary_zongjie")
    o = r.outline()
    assert special(r) == [("title", 1), ("signature", 31), ("date", 32)]
    assert (o.genre, o.doc_type, o.statutory, o.genre_label) == ("document", "summary", False, "书面文稿")
    assert o.genre_evidence == ["有署名和成文日期"]
    assert "文种：总结（不是《党政机关公文处理工作条例》规定的公文种类）" in o.render()
    # No 主送机关 and no closing formula: a 工作总结 needs neither.
    assert findings(r) == []


def test_the_request_is_addressed_to_the_organ_it_reports_to():
    r = baogao.example("request_qingshi")
    assert r.outline().elements[1].text == "市委："
    assert r.outline().genre_label == "公文" and r.outline().doc_type == "request"


def test_outline_json_names_the_document_type():
    data = json.loads(json.dumps(baogao.example("notice_tongzhi").outline().to_dict(), ensure_ascii=False))
    assert data["doc_type"] == "notice" and data["doc_type_label"] == "通知"
    assert [e["kind"] for e in data["elements"]][:2] == ["issuer", "doc_number"]
    speech = baogao.corpus("2021_state-council_gwr").outline().to_dict()
    assert speech["doc_type"] is None and speech["doc_type_label"] is None


# -- 主送机关 -----------------------------------------------------------------------------

@pytest.mark.parametrize("addressee", [
    "市委：",
    "各区县团委，市直机关团工委，各高等学校团委，市属国有企业团委：",
    "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：",
    "区委、区政府：",
])
def test_addressee_of_one_or_several_organs(addressee):
    r = baogao.load(f"关于开展培训的通知\n{addressee}\n现将有关事项通知如下。\n共青团某市委员会\n2026年3月25日")
    assert special(r) == [("title", 1), ("addressee", 2), ("signature", 4), ("date", 5)]


def test_addressee_wrapped_over_two_lines():
    r = baogao.load("关于开展培训的通知\n各区县团委，市直机关团工委，\n各高等学校团委：\n现将有关事项通知如下。")
    assert special(r)[:3] == [("title", 1), ("addressee", 2), ("addressee", 3)]


@pytest.mark.parametrize("line", ["现将有关情况报告如下：", "根据市委要求，现将有关情况报告如下：", "来源:"])
def test_a_line_ending_in_a_colon_that_names_no_organ_is_no_addressee(line):
    r = baogao.load(f"关于工作情况的报告\n{line}\n今年工作成效明显。")
    assert ("addressee", 2) not in special(r)


def test_a_salutation_is_still_no_addressee():
    r = baogao.load("政府工作报告\n各位代表：\n现在，我代表区人民政府向大会报告工作。")
    assert special(r) == [("title", 1), ("salutation", 2)]
    assert r.outline().genre == "speech"


# -- 附件说明 ---------------------------------------------------------------------------------

BODY = "关于开展培训的通知\n市委：\n一、培训对象\n各单位团干部参加，共约120人。\n二、有关要求\n请按时报到，认真学习。\n"


def test_attachment_list_of_one_item():
    r = baogao.load(BODY + "附件：培训日程安排\n共青团某市委员会\n2026年3月25日")
    assert special(r)[-3:] == [("attachment", 7), ("signature", 8), ("date", 9)]


def test_attachment_list_of_several_items_is_never_headings():
    r = baogao.load(BODY + "附件：1.报名回执\n      2.培训日程安排\n      3.参训人员名单\n共青团某市委员会\n2026年3月25日")
    o = r.outline()
    assert special(r)[-5:] == [("attachment", 7), ("attachment", 8), ("attachment", 9), ("signature", 10),
                               ("date", 11)]
    assert [h.marker for h in o.headings] == ["一、", "二、"]
    assert o.numbering_issues == []


def test_attachment_after_the_closing_formula():
    r = baogao.load("关于工作情况的报告\n市委：\n今年工作成效明显。\n特此报告。\n附件：1.统计表\n2.名单\n某委员会\n2025年7月10日")
    assert special(r) == [("title", 1), ("addressee", 2), ("closing", 4), ("attachment", 5), ("attachment", 6),
                          ("signature", 7), ("date", 8)]


# -- 版头: 发文机关标志, 发文字号, 签发人, 份号, 密级, 紧急程度 --------------------------------------

TAIL = "\n市委：\n今年工作成效明显。\n特此报告。\n共青团某市委员会\n2026年1月15日"


@pytest.mark.parametrize("header,kinds", [
    ("共青团某市委员会\n团市委报〔2026〕3号　　　签发人：张某", ["issuer", "doc_number"]),
    ("共青团某市委员会\n团市委报〔2026〕3号\n签发人：张某", ["issuer", "doc_number", "signer"]),
    ("共青团某市委员会\n签发人：张某", ["issuer", "signer"]),
    ("团市委报〔2026〕3号", ["doc_number"]),
    ("共青团某市委员会文件\n团市委报〔2026〕3号", ["issuer", "doc_number"]),
    ("000012\n秘密★1年\n特急\n共青团某市委员会\n团市委报〔2026〕3号",
     ["copy_number", "secrecy", "urgency", "issuer", "doc_number"]),
])
def test_header_elements(header, kinds):
    r = baogao.load(header + "\n关于2025年工作情况的报告" + TAIL)
    got = special(r)
    assert [k for k, _ in got[:len(kinds) + 1]] == kinds + ["title"]
    assert r.outline().title == "关于2025年工作情况的报告"
    assert r.outline().headings == []
    assert ("有签发人" in r.outline().genre_evidence) == ("签发人" in header)


def test_issuer_repeated_at_the_start_of_the_title():
    r = baogao.load("共青团某市委员会\n共青团某市委员会关于2025年工作情况的报告" + TAIL)
    assert special(r)[:2] == [("issuer", 1), ("title", 2)]


def test_title_set_on_two_lines():
    r = baogao.load("共青团某市委员会\n关于2025年工作情况的报告" + TAIL)
    assert special(r)[:2] == [("title", 1), ("title", 2)]
    assert r.outline().title == "共青团某市委员会关于2025年工作情况的报告"


def test_a_long_document_title():
    title = "共青团某市委员会　某市教育局　某市人力资源和社会保障局关于联合开展2026年全市大中学生暑期社会实践和返家乡志愿服务活动的通知"
    assert 60 < len(title) <= 100
    r = baogao.load(title + "\n各区县团委、教育局：\n现将有关事项通知如下。\n共青团某市委员会\n2026年6月1日")
    assert special(r)[:2] == [("title", 1), ("addressee", 2)] and r.outline().doc_type == "notice"


@pytest.mark.parametrize("line", ["国发〔2026〕3号文件要求各地加强管理。", "2026年工作要点"])
def test_a_body_line_is_no_document_number(line):
    assert doc_number(line) is None


# -- 成文日期 ---------------------------------------------------------------------------------

@pytest.mark.parametrize("date,arabic", [
    ("2026年3月25日", "2026年3月25日"),
    ("二〇二六年三月二十五日", "2026年3月25日"),
    ("二○二六年三月二十五日", "2026年3月25日"),
    ("二0二六年三月二十五日", "2026年3月25日"),
    ("二零二六年十二月三十一日", "2026年12月31日"),
    ("二〇二六年一月十日", "2026年1月10日"),
])
def test_dates_in_arabic_or_chinese_numerals(date, arabic):
    r = baogao.load(f"关于工作情况的报告\n市委：\n今年工作成效明显。\n特此报告。\n某委员会\n{date}")
    assert special(r)[-2:] == [("signature", 5), ("date", 6)]
    assert arabic_date(date) == arabic
    found = lint(r, select=["date-format"])
    if date == arabic:
        assert found == []
    else:
        [f] = found
        assert f.severity == "warning" and f.suggestion == arabic
        assert "GB/T 9704-2012 规定成文日期用阿拉伯数字" in f.message and "GB/T 9704-1999" in f.message
    assert findings(r, "missing-date") == []


def test_zero_padded_date_is_a_date_with_its_own_message():
    r = baogao.load("关于工作情况的报告\n市委：\n今年工作成效明显。\n特此报告。\n某委员会\n2025年07月10日")
    [f] = lint(r, select=["date-format"])
    assert "不编虚位" in f.message and f.suggestion == "2025年7月10日"


def test_a_date_inside_the_body_is_no_date():
    r = baogao.load("关于工作情况的报告\n市委：\n2026年3月25日\n今年工作成效明显，各项任务全面完成。\n特此报告。")
    assert ("date", 3) not in special(r)


# -- 附注 and 版记 -------------------------------------------------------------------------------

def test_note_and_the_record_at_the_end():
    r = baogao.load("关于开展培训的通知\n市委：\n现将有关事项通知如下。\n共青团某市委员会\n2026年3月25日\n"
                    "（此件公开发布）\n————————————\n抄送：团省委，市委办公室。\n"
                    "共青团某市委员会办公室　　　　2026年3月25日印发")
    assert special(r)[-5:] == [("signature", 4), ("date", 5), ("note", 6), ("cc", 8), ("imprint", 9)]
    evidence = r.outline().genre_evidence
    assert {"有附注", "有抄送机关", "有印发机关和印发日期"} <= set(evidence)


def test_a_closing_parenthesis_without_a_signature_is_no_note():
    r = baogao.load("一、工作\n今年我们做了很多工作，取得了明显成效。\n（全文完）")
    assert special(r) == []


# -- regulations inside a 通知 --------------------------------------------------------------------

def test_a_notice_with_articles_in_its_body():
    r = baogao.load("共青团某市委员会关于加强团费管理的通知\n各区县团委：\n为规范团费管理，现通知如下。\n"
                    "第一条　团费按月收缴，专款专用。\n第二条　各级团组织每季度公布一次收支情况。\n"
                    "第三条　本通知自印发之日起施行。\n共青团某市委员会\n2026年5月8日")
    o = r.outline()
    assert special(r) == [("title", 1), ("addressee", 2), ("signature", 7), ("date", 8)]
    assert o.headings == [] and o.enumerations == [] and o.numbering_issues == []
    assert findings(r) == []


PRINTED = """共青团某市委员会
团市委发〔2026〕9号

共青团某市委员会关于印发《某市共青团基层组织工作办法》的通知

各区县团委，市直机关团工委：

现将《某市共青团基层组织工作办法》印发给你们，请结合实际认真贯彻执行。

共青团某市委员会
2026年4月1日

（此件公开发布）

附件

某市共青团基层组织工作办法

第一章　总则

第一条　为了加强基层团组织建设，根据《中国共产主义青年团章程》，制定本办法。

第二条　本办法适用于本市各级基层团组织。

第二章　组织设置

第三条　基层团组织按照单位、区域设置。

第四条　团员人数较多的，可以设立团总支。
"""


def test_a_notice_that_issues_regulations_after_its_signature():
    r = baogao.load(PRINTED)
    o = r.outline()
    assert special(r) == [("issuer", 1), ("doc_number", 2), ("title", 4), ("addressee", 6), ("signature", 10),
                          ("date", 11), ("note", 13), ("annex", 15), ("annex", 17)]
    # 第一章 heads a chapter (a heading without a marker of the kit's styles); 第一条 is body text.
    assert [(h.line, h.style, h.title) for h in o.headings] == [(19, "none", "第一章　总则"),
                                                               (25, "none", "第二章　组织设置")]
    assert o.enumerations == [] and o.numbering_issues == []
    assert findings(r) == []


def test_an_attached_text_numbers_its_headings_afresh():
    text = ("关于印发工作方案的通知\n各区县团委：\n现将工作方案印发给你们。\n一、总体要求\n认真贯彻执行，确保取得实效。\n"
            "二、工作安排\n请各单位结合实际抓好落实。\n共青团某市委员会\n2026年4月1日\n附件\n某市青年志愿服务工作方案\n"
            "一、工作目标\n到年底注册志愿者达到10万人以上。\n二、主要措施\n完善激励机制，扩大服务覆盖面。")
    o = baogao.load(text).outline()
    assert [(h.marker, h.level) for h in o.headings] == [("一、", 1), ("二、", 1), ("一、", 1), ("二、", 1)]
    assert o.numbering_issues == []


# -- 落款 missing: reported on a document, never on a speech or a 总结 -----------------------------

NOTICE = "关于开展培训的通知\n各区县团委，市直机关团工委：\n现将有关事项通知如下。\n一、培训对象\n各单位团干部参加。"


def test_a_document_missing_its_signature_and_date_is_reported():
    r = baogao.load(NOTICE)
    assert r.outline().genre == "document" and r.outline().doc_type == "notice"
    assert sorted(findings(r)) == [("missing-date", "error", 5), ("missing-signature", "error", 5)]


def test_a_document_missing_only_its_signature():
    r = baogao.load(NOTICE + "\n2026年3月25日")
    assert special(r)[-1] == ("date", 6)
    assert findings(r) == [("missing-signature", "error", 6)]


def test_the_closing_formula_is_expected_of_a_report_and_a_request_only():
    report = baogao.load("关于工作情况的报告\n市委：\n今年工作成效明显。\n某委员会\n2025年7月10日")
    [(rule, severity, _)] = findings(report)
    assert (rule, severity) == ("missing-closing", "warning")
    assert "特此报告。" in lint(report, select=["missing-closing"])[0].message
    assert findings(baogao.load(NOTICE + "\n共青团某市委员会\n2026年3月25日")) == []


def test_texts_that_are_not_statutory_documents_are_not_asked_for_a_signature():
    summary = baogao.load("某大学团委2025年工作总结\n一、主要工作\n全年开展活动120场，覆盖学生3万人次。")
    assert summary.outline().doc_type == "summary"
    assert findings(summary) == []
    speech = baogao.load("在全市共青团工作会议上的讲话\n同志们：\n今天我们召开全市共青团工作会议。")
    assert (speech.outline().genre, speech.outline().doc_type) == ("speech", "remarks")
    assert speech.outline().genre_label == "讲话稿"
    assert findings(speech) == []


def test_minutes_and_orders_have_formats_of_their_own():
    minutes = baogao.load("关于青年工作的会议纪要\n市委：\n会议研究了青年工作。")
    assert {r for r, _, _ in findings(minutes)} == set()
    order = baogao.load("关于授予荣誉称号的命令\n市委：\n经研究，决定授予荣誉称号。\n2026年3月1日")
    assert {r for r, _, _ in findings(order)} == set()


# -- 文种 from the title ------------------------------------------------------------------------

@pytest.mark.parametrize("title,key", [
    ("共青团某市委员会关于开展培训的通知", "notice"),
    ("关于商请支持青年志愿服务的函", "letter"),
    ("某区2025年度团干部述职报告", "debriefing"),
    ("关于全市青年就业情况的调研报告", "survey"),
    ("某大学团委2026年工作要点", "key_points"),
    ("某市共青团工作办法（试行）的通知", "notice"),
    ("关于表彰先进集体的决定（草案）", "decision"),
    ("某市青年发展规划", "plan"),
    ("团委新媒体工作情况(院团委新媒体中心个人工作总结)", None),
    ("政府工作报告", "report"),
])
def test_doc_type_of_a_title(title, key):
    assert doc_type_of(title) == key


def test_a_speech_style_report_has_no_statutory_type():
    """政府工作报告 names 报告, but it is read at a meeting: not the 公文 报告."""
    o = baogao.corpus("2021_state-council_gwr").outline()
    assert o.genre == "speech" and o.doc_type is None and o.genre_label == "讲话式报告"
    assert baogao.specimen().outline().doc_type is None


def test_a_notice_names_no_part_of_a_work_report():
    r = baogao.load("关于开展培训的通知\n市委：\n为提高写作能力，现将有关事项通知如下。\n一、培训内容\n"
                    "（一）工作总结的写法。结合实例讲授。\n（二）存在的问题和不足。逐篇点评。\n"
                    "共青团某市委员会\n2026年3月25日")
    assert [(p.kind, p.line) for p in r.outline().parts] == [("opening", 3)]
