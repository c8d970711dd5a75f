"""``baogao score FILE.json``: any proofreading tool's findings scored against the specimen's errata
(or, with ``--report`` and ``--errata``, against another report's).

The errata of the specimen and the scorer of ``baogao.lint.scoring`` as a
small public benchmark for 公文 proofreading: a tool lints the raw specimen
(``report_raw.txt``), writes its findings as JSON in the minimal schema of
``baogao.lint.claims`` (docs/cli.md), and this command prints recall and
precision per category (``--json``: the whole score as data).

Exit status: 0 scored; 1 scored, and recall below ``--fail-under``; 2 bad
input or usage (one Chinese sentence on stderr).
"""

from __future__ import annotations

import argparse
import json
import sys

from baogao.cli.common import (
    SUBPROGRAM_HELP,
    EXIT_FINDINGS,
    EXIT_OK,
    ChineseParser,
    display_width,
    guarded,
    parse,
)
from baogao.errors import DecodeError, UsageError
from baogao.lint.claims import parse_json, read_claims
from baogao.lint.scoring import MAX_SPAN_RATIO, MIN_ENTRY_WIDTH, score, targets
from baogao.sources.errata import errata_from_text
from baogao.sources.files import read_path
from baogao.sources.load import load
from baogao.sources.shipped import specimen

HELP = SUBPROGRAM_HELP["score"]
DESCRIPTION = ("评测：用样本报告（specimen，原样版）的勘误表给任何校对工具的结果打分。结果文件是 JSON 数组，"
               "每条结果给出位置（line 和 column，或 start）和长度（end_column、length、end 或 text），"
               "可以注明 family、rule 或 category（格式见 docs/cli.md）；baogao lint specimen --json 的输出"
               "就是这种格式。一条结果只有位置与勘误条目重叠、类别对得上、长度不超过条目的 "
               f"{MAX_SPAN_RATIO} 倍（条目按至少 {MIN_ENTRY_WIDTH} 个字算）时，才算找到了这处差错。"
               "同时给出 --report 和 --errata，就按另一份报告和它自己的勘误表（格式同样本报告的 errata.csv）打分。")


def share(value: str) -> float:
    """``--fail-under``: a share, 0.9 or 90%."""
    text = value.strip()
    try:
        x = float(text[:-1]) / 100 if text.endswith("%") else float(text)
    except ValueError:
        x = float("nan")
    if not 0 <= x <= 1:
        raise argparse.ArgumentTypeError(f"取值应为 0 到 1 之间的比例（如 0.9）或百分数（如 90%），不能是“{value}”。")
    return x


def build_parser() -> ChineseParser:
    parser = ChineseParser(prog="baogao score", description=DESCRIPTION,
                           epilog="退出码：0 已打分；1 已打分，但查全率低于 --fail-under；2 输入或用法有误。")
    parser.add_argument("file", metavar="结果文件", nargs="?",
                        help="校对结果的 JSON 文件（UTF-8）；“-”表示从标准输入读取")
    parser.add_argument("--json", action="store_true", help="输出 JSON（格式见 docs/cli.md）")
    parser.add_argument("--fail-under", metavar="比例", type=share, default=None,
                        help="查全率低于这个比例（如 0.9 或 90%%）时退出码为 1，便于在持续集成中把关")
    parser.add_argument("--report", metavar="报告", default=None,
                        help="另一份报告的文件（.txt、.md 或 .docx）；须与 --errata 一起给出")
    parser.add_argument("--errata", metavar="勘误表", default=None,
                        help="这份报告的勘误表（CSV，各列同样本报告的 errata.csv）；须与 --report 一起给出")
    return parser


def read_text(name: str) -> str:
    """The findings file (or standard input, ``-``) as text."""
    if name == "-":
        stream = getattr(sys.stdin, "buffer", sys.stdin)
        if stream is None:
            raise UsageError("没有可读取的标准输入：请给出结果文件的文件名。")
        data = stream.read()
        label = "标准输入"
    else:
        data, _ = read_path(name)
        label = f"文件“{name}”"
    return data if isinstance(data, str) else decoded(data, label, name, "JSON 结果文件")


def decoded(data: bytes, label: str, name: str, what: str = "勘误表") -> str:
    """UTF-8 text (a BOM allowed), or one sentence saying the file is not UTF-8."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DecodeError(f"{label}不是 UTF-8 编码的文本：{what}应使用 UTF-8 编码。", path=name) from None


def _pct(x) -> str:
    if x is None:
        return "—"
    whole = f"{x:.0%}"
    return f"{x:.1%}" if whole in ("0%", "100%") and 0 < x < 1 else whole


def _pad(text: str, width: int) -> str:
    return text + " " * max(width - display_width(text), 0)


def render(s: dict, subject: str = "样本报告勘误表") -> str:
    """The score as a person reads it: totals, then one line per category."""
    r, sysr, p = s["recall"], s["systematic"], s["precision"]
    head = f"{subject}评测：结果 {s['findings']} 条"
    head += f"，其中 {s['unscored']} 条是文风提示（style），不计分。" if s["unscored"] else "。"
    lines = [head,
             f"查全率：勘误表中可以发现的 {r['entries']} 处差错，找到 {r['found']} 处（{_pct(r['recall'])}）；"
             f"系统性差错共 {sysr['occurrences']} 处，找到 {sysr['found']} 处（{_pct(sysr['recall'])}）。",
             f"查准率：计分的 {p['findings']} 条结果中，{p['right']} 条指向勘误表记录的差错（{_pct(p['precision'])}）。"]
    plain = p["findings"] - s["classified"]
    if plain and plain == p["findings"]:
        lines.append("这些结果都没有注明类别（family、rule 或 category）：只按位置和长度计分。")
    elif plain:
        lines.append(f"其中 {plain} 条结果没有注明类别（family、rule 或 category）：只按位置和长度计分。")
    unattributed = p["findings"] - sum(c["findings"] for c in s["categories"])
    if unattributed:
        lines.append(f"有 {unattributed} 条结果说不出属于勘误表的哪一类，只计入总的查准率。")
    rows = [("类别", "条目：找到/共有", "查全率", "系统性：找到/共有", "查全率", "结果：正确/共有", "查准率")]
    for c in s["categories"]:
        if c["entries"] or c["occurrences"] or c["findings"]:
            rows.append((c["label"], f"{c['found']}/{c['entries']}", _pct(c["recall"]),
                         f"{c['occurrences_found']}/{c['occurrences']}", _pct(c["occurrence_recall"]),
                         f"{c['right']}/{c['findings']}", _pct(c["precision"])))
    widths = [max(display_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines.append("")
    lines += ["  ".join(_pad(cell, w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    missed = [e["id"] for e in s["entries"] if not e["found_by"]]
    if missed:
        lines += ["", f"未找到的条目（{len(missed)} 处）：{'、'.join(missed)}（详见 --json 的 entries）。"]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]

    def run() -> int:
        args = parse(build_parser(), argv)
        if isinstance(args, int):  # --help
            return args
        if args.file is None:
            raise UsageError("缺少参数：请指定校对结果的 JSON 文件，例如：baogao lint specimen --json > 结果.json，"
                             "再运行 baogao score 结果.json。")
        if (args.report is None) != (args.errata is None):
            raise UsageError("--report 和 --errata 要一起给出：一份报告和它自己的勘误表。")
        name = "标准输入" if args.file == "-" else f"文件“{args.file}”"
        if args.report is None:
            report, entries, subject = specimen(), None, "样本报告勘误表"
        else:
            report = load(args.report)
            errata = errata_from_text(decoded(read_path(args.errata)[0], f"勘误表“{args.errata}”", args.errata))
            entries, subject = targets(report.text, errata), f"勘误表“{args.errata}”"
        claims = read_claims(parse_json(read_text(args.file), name), report)
        result = score(claims, entries)
        if args.json:
            sys.stdout.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        else:
            sys.stdout.write(render(result, subject))
        below = args.fail_under is not None and (result["recall"]["recall"] or 0) < args.fail_under
        return EXIT_FINDINGS if below else EXIT_OK
    return guarded(run)
