"""A paragraph that ends in a lead-in colon or a list item's semicolon is complete
(GB/T 15834-2011); a lead-in with nothing after it is not."""

import baogao
from baogao.lint import lint


def rules(text):
    return [(f.line, f.rule) for f in lint(baogao.load(text)) if f.rule == "missing-final-punctuation"]


def test_a_lead_in_and_list_items_are_complete():
    text = ("今年我们重点做了三件事。\n现将有关事项请示如下：\n一是扩大规模；\n二是提高质量；\n"
            "三是加强管理。\n")
    assert rules(text) == []


def test_a_colon_at_the_very_end_leads_into_nothing():
    assert rules("今年我们重点做了三件事。\n下一步工作安排如下：\n") == [(2, "missing-final-punctuation")]


def test_the_request_example_has_no_finding_on_its_lead_in():
    assert rules(baogao.example("request_qingshi").text) == []


def test_a_paragraph_that_just_stops_is_still_found():
    text = "今年我们重点做了三件事。\n团中央建立了台账管理和监督制度,既保证事事有着落,又注重举一反三\n下一段。\n"
    assert rules(text) == [(2, "missing-final-punctuation")]
