"""The lint viewer's rule choice and the rule's catalogue entry (general: any report)."""

from __future__ import annotations

import pytest

import baogao
from baogao.lint import RULES, lint
from baogao.widgets.lintview import ALL_RULES, LintViewer, filter_findings, rule_card_html, rule_choices

DRAFT = "关于工作的报告\n今年,我们开展活动120场,覆盖青年3.5万人次。\n习金平同志指出 要加强学习。"


def test_rule_choices_follow_the_findings_in_catalogue_order():
    findings = lint(baogao.load(DRAFT))
    choices = rule_choices(findings)
    assert choices[0] == (f"全部规则（{len(findings)}）", ALL_RULES)
    ids = [key for _label, key in choices[1:]]
    assert set(ids) == {f.rule for f in findings} and len(ids) == len(set(ids))
    label = next(text for text, key in choices if key == "half-width-punctuation")
    assert label == f"{RULES['half-width-punctuation'].title}（half-width-punctuation，2）"


def test_filter_by_rule():
    findings = lint(baogao.load(DRAFT))
    only = filter_findings(findings, rules=["half-width-punctuation"])
    assert len(only) == 2 and {f.rule for f in only} == {"half-width-punctuation"}
    assert filter_findings(findings, ["damage"], None, ["half-width-punctuation"]) == []


def test_rule_card_shows_the_catalogue_entry_escaped():
    rule = RULES["stray-space"]
    html = rule_card_html("stray-space")
    for part in (rule.title, "stray-space", "依据：", "触发示例：", "不触发示例："):
        assert part in html
    assert "没有编号为“<b>”的规则" not in rule_card_html("<b>") and "&lt;b&gt;" in rule_card_html("<b>")


def test_viewer_chooses_a_rule_and_shows_its_card():
    r = baogao.specimen()
    v = LintViewer(r)
    assert v.rules.value == ALL_RULES and len(v.shown) == len(lint(r)) and "class=\"lv-card\"" not in v.view.value
    v.rules.value = "stray-space"
    assert [f.line for f in v.shown] == [4, 4, 37, 37]
    assert "class=\"lv-card\"" in v.view.value and "触发示例：" in v.view.value and "共 4 条" in v.view.value
    v.families.value = ("punctuation",)
    assert v.shown == [] and "没有符合条件的问题" in v.view.value
    v.rules.value = ALL_RULES
    assert v.shown and {f.family for f in v.shown} == {"punctuation"}
    assert LintViewer(r, rule="duplicated-words").shown[0].line == 33
    with pytest.raises(ValueError):
        LintViewer(r, rule="no-such-rule")
