"""exercises.writing.lint_messages: the linter's messages on one line, one lint per report."""

import baogao
from baogao.exercises import writing


def test_lint_messages_lints_a_report_once_however_many_lines_are_asked(monkeypatch):
    calls = []
    real = writing.lint

    def counted(report):
        calls.append(report)
        return real(report)

    monkeypatch.setattr(writing, "lint", counted)
    report = baogao.Report.from_text("关于工作的报告\n\n一、主要工作,成效明显\n\n我们认真认真贯彻落实各项部署。\n")
    first = writing.lint_messages(report, 3)
    assert writing.lint_messages(report, 5)  # 认真认真: the duplicated word on line 5
    assert writing.lint_messages(report, 3) == first
    assert len(calls) == 1
    other = baogao.Report.from_text("关于工作的报告\n\n一、主要工作\n")
    writing.lint_messages(other, 3)
    assert len(calls) == 2  # another text is linted afresh


def test_lint_messages_says_so_in_chinese_when_the_linter_fails(monkeypatch):
    def broken(report):
        raise RuntimeError("boom")

    monkeypatch.setattr(writing, "lint", broken)
    report = baogao.Report.from_text("关于工作的报告\n")
    assert writing.lint_messages(report, 1) == ["文风检查未能运行（RuntimeError），请教师留意"]
