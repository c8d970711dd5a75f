"""``baogao score``: the kit's own lint JSON and another tool's JSON scored against the
errata; bad input is exit 2 with one Chinese sentence, never a traceback."""

import io
import json
import re
import sys

import pytest

import baogao
from baogao.cli import main
from baogao.cli.common import display_width

ENGLISH = re.compile(r"\b(the following|required|invalid|argument|expected|unrecognized|ambiguous|"
                     r"missing|unterminated|not allowed|ignored|choose from|usage|error|Traceback)\b", re.I)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def kit_json(tmp_path_factory):
    """What ``baogao lint specimen --json`` writes."""
    path = tmp_path_factory.mktemp("score") / "结果.json"
    old = sys.stdout
    sys.stdout = buffer = io.StringIO()
    try:
        assert main(["lint", "specimen", "--json"]) == 1
    finally:
        sys.stdout = old
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


def test_the_kits_own_lint_json(capsys, kit_json):
    code, out, err = run(capsys, "score", str(kit_json))
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].startswith("样本报告勘误表评测：结果 ") and "文风提示（style），不计分" in lines[0]
    assert "勘误表中可以发现的 80 处差错，找到 62 处（78%）" in out
    assert "系统性差错共 390 处，找到 390 处（100%）" in out
    assert "461 条指向勘误表记录的差错（99.8%）" in out
    assert re.search(r"^多余空格\s+0/0\s+—\s+4/4\s+100%\s+4/4\s+100%$", out, re.M)
    assert re.search(r"^提法错误\s+26/41\s+63%", out, re.M)
    assert "未找到的条目（18 处）：E001、E012" in out
    assert "只按位置和长度计分" not in out  # every finding names its rule and family


def test_json_output(capsys, kit_json):
    code, out, _ = run(capsys, "score", str(kit_json), "--json")
    data = json.loads(out)
    assert code == 0
    assert set(data) == {"findings", "scored", "unscored", "classified", "recall", "systematic", "precision",
                         "categories", "rules", "entries", "coincidental", "parameters"}
    assert data["recall"]["found"] == 62 and data["recall"]["entries"] == 80
    assert data["scored"] == data["classified"] == 462 and data["findings"] == 462 + data["unscored"]
    assert data["parameters"] == {"max_span_ratio": 5, "min_entry_width": 4}
    row = next(c for c in data["categories"] if c["category"] == "name_error")
    assert {k: row[k] for k in ("entries", "found", "findings", "right")} == {
        "entries": 6, "found": 5, "findings": 1, "right": 1}
    assert set(row) == {"category", "label", "catchable", "entries", "found", "recall", "occurrences",
                        "occurrences_found", "occurrence_recall", "findings", "right", "precision"}
    assert {"id": "E021", "line": 7, "column": 9, "category": "name_error", "certainty": "certain",
            "text": "习金平", "found_by": ["name-near-miss"]} in data["entries"]
    e112 = next(m for m in data["coincidental"] if m["id"] == "E112")
    assert (e112["rule"], e112["family"], e112["width"], e112["reason"], e112["found_otherwise"]) == (
        "long-sentence", "style", 130, "kind", False)
    assert "“" in out  # Chinese stays readable


def test_another_tools_json(capsys, tmp_path):
    """Offsets and categories instead of lines and rules, inside an object."""
    report = baogao.specimen()
    name = report.line(7).start + 8  # 习金平
    npc = report.line(23).start + 34  # NPC
    other = {"tool": "某校对工具", "findings": [
        {"start": name, "end": name + 3, "category": "name_error", "message": "人名有误"},
        {"start": npc, "length": 3, "category": "latin_residue"},
        {"start": report.line(3).start, "length": 2, "category": "formulation_error"},  # nothing there
    ]}
    path = tmp_path / "other.json"
    path.write_text(json.dumps(other, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "score", str(path), "--json")
    data = json.loads(out)
    assert code == 0 and err == ""
    assert (data["recall"]["found"], data["precision"]["right"], data["precision"]["findings"]) == (2, 2, 3)
    cats = {c["category"]: c for c in data["categories"]}
    assert (cats["name_error"]["found"], cats["name_error"]["right"], cats["name_error"]["findings"]) == (1, 1, 1)
    assert (cats["formulation_error"]["right"], cats["formulation_error"]["findings"]) == (0, 1)
    assert data["rules"] == [{"rule": None, "findings": 3, "right": 2, "precision": 2 / 3}]
    code, out, _ = run(capsys, "score", str(path))
    assert "找到 2 处（2%）" in out and "2 条指向勘误表记录的差错（67%）" in out


def test_places_only_and_standard_input(capsys, monkeypatch):
    plain = [{"line": 7, "column": 9, "text": "习金平"}, {"line": 1, "column": 1, "length": 200}]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(json.dumps(plain).encode("utf-8"))))
    code, out, err = run(capsys, "score", "-")
    assert code == 0 and err == ""
    assert "这些结果都没有注明类别（family、rule 或 category）：只按位置和长度计分。" in out
    assert "找到 2 处" in out  # 习金平, and the whole title line (the SEO title, E001)


def test_fail_under_is_a_gate(capsys, kit_json):
    assert run(capsys, "score", str(kit_json), "--fail-under", "0.9")[0] == 1
    assert run(capsys, "score", str(kit_json), "--fail-under", "75%")[0] == 0
    code, out, err = run(capsys, "score", str(kit_json), "--fail-under", "1.5")
    assert code == 2 and out == "" and "0 到 1 之间的比例" in err


@pytest.mark.parametrize("content,needle", [
    ("这不是 JSON", "不是有效的 JSON：第 1 行第 1 列附近有误"),
    ("", "是空的"),
    ("{\"line\": 7}", "最外层应是校对结果的数组"),
    ("[1, 2]", "第 1 条结果应是一个 JSON 对象"),
    ("[{\"text\": \"习金平\"}]", "第 1 条结果缺少位置"),
    ("[{\"line\": 7, \"column\": 9}]", "第 1 条结果缺少长度"),
    ("[{\"line\": 7, \"column\": 9, \"length\": 3}, {\"line\": 99, \"column\": 1, \"length\": 1}]",
     "第 2 条结果的位置不在样本报告里：没有第 99 行（样本报告共 47 行）"),
    ("[{\"line\": 7, \"column\": 9, \"length\": 3, \"category\": \"typo\"}]", "“category”是“typo”"),
    ("[{\"line\": \"7\", \"column\": 9, \"length\": 3}]", "“line”应是整数"),
])
def test_bad_input_is_one_chinese_sentence(capsys, tmp_path, content, needle):
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "score", str(path))
    assert code == 2 and out == ""
    assert needle in err, err
    assert err.startswith("错误：") and err.count("\n") == 1
    assert not ENGLISH.search(err), err


def test_bad_files_and_usage(capsys, tmp_path):
    gbk = tmp_path / "gbk.json"
    gbk.write_bytes('[{"text": "习金平"}]'.encode("gbk"))
    cases = [(["score", str(gbk)], "不是 UTF-8 编码的文本"),
             (["score", str(tmp_path / "nothere.json")], "找不到文件"),
             (["score", str(tmp_path)], "文件夹"),
             (["score"], "缺少参数"),
             (["score", "x.json", "--bogus"], "无法识别的参数")]
    for argv, needle in cases:
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == "", argv
        assert needle in err and err.startswith("错误：") and err.count("\n") == 1, (argv, err)
        assert not ENGLISH.search(err), err


def test_listed_with_chinese_help(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    code, out, err = run(capsys, "score", "--help")
    assert code == 0 and err == ""
    assert out.startswith("用法：baogao score") and "显示本帮助并退出" in out and "\n位置参数：\n" in out
    assert all(display_width(line) <= 80 for line in out.splitlines())
    code, out, err = run(capsys)
    assert code == 2 and any(line.split()[:1] == ["score"] and "评测" in line for line in err.splitlines())
    code, out, _ = run(capsys, "--help")
    assert code == 0 and "score" in out and "评测" in out


# --- another report, with its own errata -------------------------------------------------------

OWN_REPORT = "关于2025年工作情况的报告\n一、主要工作\n全年开展活动12项,参与团员团员300人。\n"
OWN_ERRATA = """id,line,column,text,category,correction,certainty,basis,catchable,scope,count
E001,3,7,12项,word_choice,12次,probable,活动按次数计。,no,once,1
E002,3,10,",",ascii_punctuation,，,certain,GB/T 15834-2011：中文文本用全角逗号。,yes,systematic,1
E003,3,13,团员团员,duplication,团员,certain,同一个词连写了两遍。,yes,once,1
"""


@pytest.fixture
def own(tmp_path, capsys):
    report, errata, findings = tmp_path / "我的报告.txt", tmp_path / "我的勘误表.csv", tmp_path / "结果.json"
    report.write_text(OWN_REPORT, encoding="utf-8")
    errata.write_text(OWN_ERRATA, encoding="utf-8")
    assert main(["lint", str(report), "--json"]) == 1
    findings.write_text(capsys.readouterr().out, encoding="utf-8")
    return report, errata, findings


def test_another_report_is_scored_against_its_own_errata(capsys, own):
    report, errata, findings = own
    code, out, err = run(capsys, "score", str(findings), "--report", str(report), "--errata", str(errata))
    assert code == 0 and err == ""
    assert out.startswith(f"勘误表“{errata}”评测：")
    assert "可以发现的 1 处差错，找到 1 处（100%）；系统性差错共 1 处，找到 1 处（100%）" in out
    code, out, _ = run(capsys, "score", str(findings), "--report", str(report), "--errata", str(errata), "--json")
    data = json.loads(out)
    assert [(e["id"], e["found_by"]) for e in data["entries"]] == [("E003", ["duplicated-words"])]
    # The same findings against the specimen's errata find nothing of it.
    code, out, _ = run(capsys, "score", str(findings), "--json")
    assert json.loads(out)["recall"]["found"] == 0


def test_another_reports_errata_must_come_with_it_and_match_it(capsys, own, tmp_path):
    report, errata, findings = own
    for extra in (["--report", str(report)], ["--errata", str(errata)]):
        code, out, err = run(capsys, "score", str(findings), *extra)
        assert code == 2 and out == "" and "--report 和 --errata 要一起给出" in err
    wrong = tmp_path / "错位.csv"
    wrong.write_text(OWN_ERRATA.replace("E003,3,13,", "E003,3,14,"), encoding="utf-8")
    code, out, err = run(capsys, "score", str(findings), "--report", str(report), "--errata", str(wrong))
    assert code == 2 and out == "" and "E003" in err and "与原文不符" in err and not ENGLISH.search(err)
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes(OWN_ERRATA.encode("gbk"))
    code, out, err = run(capsys, "score", str(findings), "--report", str(report), "--errata", str(gbk))
    assert code == 2 and "不是 UTF-8 编码的文本：勘误表应使用 UTF-8 编码" in err
    code, out, err = run(capsys, "score", str(findings), "--report", str(report), "--errata", str(tmp_path / "无.csv"))
    assert code == 2 and "找不到文件" in err and len(err.strip().splitlines()) == 1
