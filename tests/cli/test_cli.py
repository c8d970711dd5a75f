"""The command line: outputs, JSON schema, exit codes, and one sentence on bad input."""

import json
import os
import subprocess
import sys

import pytest

import baogao
from baogao.cli import main

HEADING_KEYS = {"level", "number", "marker", "style", "title", "line", "run_in"}


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_outline_text(capsys):
    code, out, err = run(capsys, "outline", "specimen")
    assert code == 0 and err == ""
    assert "第  24行   第五,主动作为" in out
    assert "文体：讲话式报告（" in out
    assert "缺号：标题编号从“三”跳到“五”，缺少“四”。" in out
    assert "〈自身建设〉" in out


def test_outline_json_schema(capsys):
    code, out, _ = run(capsys, "outline", "specimen", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"source", "encoding", "genre", "title", "elements", "headings",
                         "enumerations", "parts", "numbering_issues"}
    assert data["encoding"] == "utf-8" and data["genre"] == "speech"
    assert all(set(e) == {"kind", "line", "text"} for e in data["elements"])
    assert all(set(h) == HEADING_KEYS for h in data["headings"])
    assert all(set(e) == {"kind", "line", "markers"} for e in data["enumerations"])
    assert all(set(p) == {"kind", "line", "evidence"} for p in data["parts"])
    assert all(set(i) == {"kind", "line", "expected", "message"} for i in data["numbering_issues"])
    assert data["headings"][3] == {"level": 1, "number": 5, "marker": "第五,", "style": "cn-di",
                                   "title": "主动作为,积极拓展新时期共青团工作的空间和领域",
                                   "line": 24, "run_in": False}
    assert {"kind": "gap", "line": 24, "expected": "四"} in [
        {k: i[k] for k in ("kind", "line", "expected")} for i in data["numbering_issues"]]
    assert "“" in out  # JSON keeps Chinese readable, not \\u escapes


def test_outline_of_files_and_shipped_texts(capsys, tmp_path, fixtures):
    p = tmp_path / "草稿.txt"
    p.write_bytes("关于工作的报告\n市委：\n一、主要工作\n今年成效明显。\n特此报告。\n".encode("gbk"))
    code, out, _ = run(capsys, "outline", str(p), "--json")
    data = json.loads(out)
    assert code == 0 and data["encoding"] == "gb18030" and data["genre"] == "document"
    code, out, _ = run(capsys, "outline", str(fixtures / "auto_numbered.docx"), "--json")
    assert code == 0 and json.loads(out)["headings"][0]["marker"] == "一、"
    code, out, _ = run(capsys, "outline", "example:request_qingshi")
    assert code == 0 and "妥否，请批示。" in out and "文体：公文式报告（有主送机关" in out
    code, out, _ = run(capsys, "outline", "1978_state-council_gwr")
    assert code == 0 and "第六，" in out


@pytest.mark.parametrize("argv,needle", [
    (["outline", "nothere.txt"], "找不到文件"),
    (["outline", "."], "文件夹"),
    (["outline"], "缺少参数"),
    (["frobnicate", "x"], "没有这个命令"),
    (["outline", "specimen", "--bogus"], "无法识别的参数"),
    (["outline", "specimen", "--max-bytes", "many"], "整数"),
    (["outline", "example:nope"], "没有名为"),
    ([], "缺少参数"),
])
def test_bad_usage_and_input_exit_2_with_one_sentence(capsys, argv, needle):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert needle in err
    assert err.startswith("错误：") and err.count("\n") == 1
    assert "Traceback" not in err


def test_bad_files(capsys, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "pic.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04garbage")
    (tmp_path / "big.txt").write_bytes("字".encode() * 400)
    for name, needle, extra in [("empty.txt", "空的", []), ("pic.txt", "PNG", []),
                                ("broken.docx", "Word", []), ("big.txt", "上限", ["--max-bytes", "100"])]:
        code, out, err = run(capsys, "outline", str(tmp_path / name), *extra)
        assert code == 2 and needle in err and err.count("\n") == 1, (name, err)


def test_internal_error_is_one_sentence(capsys, monkeypatch):
    import baogao.cli.reports as cli

    def boom(args):
        raise RuntimeError("kaputt")
    monkeypatch.setitem(cli.COMMANDS, "outline", boom)
    code, out, err = run(capsys, "outline", "specimen")
    assert code == 3 and "内部错误" in err and "Traceback" not in err


def test_python_dash_m_and_console_script(tmp_path):
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    res = subprocess.run([sys.executable, "-m", "baogao", "outline", "specimen", "--json"],
                         capture_output=True, env=env, cwd=tmp_path)
    assert res.returncode == 0 and json.loads(res.stdout.decode("utf-8"))["title"]
    res = subprocess.run([sys.executable, "-m", "baogao", "outline", "missing.docx"],
                         capture_output=True, env=env, cwd=tmp_path)
    err = res.stderr.decode("utf-8")
    assert res.returncode == 2 and "找不到文件“missing.docx”" in err and "Traceback" not in err
    res = subprocess.run([sys.executable, "-m", "baogao", "--version"], capture_output=True)
    assert res.returncode == 0 and res.stdout.decode("utf-8") == f"baogao {baogao.__version__}\n"


def test_stats_numbers_kwic_keywords_json(capsys):
    code, out, _ = run(capsys, "stats", "specimen", "--json")
    stats = json.loads(out)
    assert code == 0
    for key in ("chars", "paragraphs", "sentences", "mean_sentence_chars", "readability"):
        assert key in stats
    assert stats["chars"] == 9211 and stats["lead_sentences"] == 22

    code, out, _ = run(capsys, "numbers", "specimen", "--json")
    numbers = json.loads(out)
    assert code == 0 and len(numbers) == 69
    assert set(numbers[0]) == {"raw", "value", "unit", "qualifier", "line", "column", "sentence"}
    troops = next(n for n in numbers if n["raw"] == "25.3万人次")
    assert troops["value"] == 253000 and troops["unit"] == "人次" and troops["line"] == 17

    code, out, _ = run(capsys, "kwic", "specimen", "四个意识", "--json")
    hits = json.loads(out)
    assert code == 0 and [h["line"] for h in hits] == [5, 43, 45]
    assert hits[0]["match"] == "四个意识" and hits[0]["left"].endswith("“")
    code, out, _ = run(capsys, "kwic", "specimen", "团[委中]", "--regex", "--sort", "right")
    assert code == 0 and "【团委】" in out and "【团中】" in out

    code, out, _ = run(capsys, "keywords", "specimen", "--json", "--top", "10")
    words = [k["word"] for k in json.loads(out)]
    assert code == 0 and set(json.loads(out)[0]) == {"word", "score", "freq", "ref_freq"}
    assert "青年" in words[:3] and "发展" not in words


def test_bad_regex_is_one_sentence(capsys):
    code, out, err = run(capsys, "kwic", "specimen", "[", "--regex")
    assert code == 2 and "正则表达式" in err and err.count("\n") == 1


def test_export(capsys, tmp_path):
    out = tmp_path / "报告.docx"
    code, text, _ = run(capsys, "export", "example:report_gongwen", str(out))
    assert code == 0 and out.exists() and "已导出" in text
    import baogao
    assert [h.marker for h in baogao.load(out).outline().headings][:3] == ["一、", "（一）", "1."]
    code, _, err = run(capsys, "export", "specimen", str(tmp_path / "x.pdf"))
    assert code == 2 and "只能导出为" in err


def test_version_is_the_installed_package_s(monkeypatch):
    from importlib.metadata import PackageNotFoundError

    from baogao.cli import reports

    assert reports.installed_version() == baogao.__version__

    def missing(name):
        raise PackageNotFoundError(name)
    monkeypatch.setattr(reports, "version", missing)
    assert reports.installed_version() == "unknown"
