"""The ``baogao`` command line.

Exit codes: 0 ok, 1 findings (lint), 2 bad input or usage — always with one
clear sentence on stderr, never a traceback (set BAOGAO_DEBUG=1 to see one
for an internal error, which exits 3).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
from importlib.metadata import PackageNotFoundError, version

from baogao.analysis.measures import analyze
from baogao.analysis.stats import STAT_LABELS
from baogao.cli.common import EXIT_FINDINGS, EXIT_OK, ChineseParser
from baogao.concordance.keywords import keyness
from baogao.concordance.kwic import kwic
from baogao.errors import UsageError
from baogao.export import export
from baogao.lint import FAMILIES, SEVERITY_LABELS, catalogue, lint
from baogao.lint.format import location_text, message_text, summary_text
from baogao.sources.load import load
from baogao.sources.shipped import get


def installed_version() -> str:
    """The version of the installed baogao package ("unknown" when run from a bare checkout)."""
    try:
        return version("baogao")
    except PackageNotFoundError:
        return "unknown"


def _add_input(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE",
                   help="报告文件（.txt、.md、.docx），或内置文本：specimen、语料编号（如 2021_state-council_gwr）、"
                        "example:report_gongwen")
    p.add_argument("--encoding", help="强制指定文本编码（默认自动识别 UTF-8、GBK/GB18030、Big5）")
    p.add_argument("--max-bytes", type=int, default=None, help="文件大小上限（字节）")
    p.add_argument("--json", action="store_true", help="输出 JSON（格式见 docs/cli.md）")


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseParser(prog="baogao", description="baogao（报告）：分析中文工作报告的结构、文风与差错。")
    parser.add_argument("--version", action="version", version=f"baogao {installed_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=ChineseParser)
    sub.required = True
    p = sub.add_parser("outline", help="提纲：标题层级、要素、功能部分、列举与编号问题")
    _add_input(p)
    sub.add_parser("teach", help="教师工具：生成练习本、重置练习本、批改作业（见 baogao teach --help）")
    p = sub.add_parser("stats", help="文风统计：字数、句长、段长、可读性、词汇")
    _add_input(p)
    p = sub.add_parser("numbers", help="数据：文中的数量、百分数、范围、分数及其数值")
    _add_input(p)
    p = sub.add_parser("kwic", help="索引行（KWIC）：查询词及其上下文")
    _add_input(p)
    p.add_argument("query", metavar="QUERY", help="要查找的词、短语或正则表达式")
    p.add_argument("--regex", action="store_true", help="把 QUERY 当作正则表达式")
    p.add_argument("--window", type=int, default=20, help="左右各显示多少个字（默认 20）")
    p.add_argument("--sort", choices=["left", "right"], default=None, help="按左侧或右侧上下文排序")
    p = sub.add_parser("keywords", help="主题词：与参考语料（17 篇政府工作报告）相比的关键词")
    _add_input(p)
    p.add_argument("--method", choices=["log-likelihood", "tfidf"], default="log-likelihood",
                   help="计算方法：对数似然比（默认）或 TF-IDF")
    p.add_argument("--top", type=int, default=30, help="显示前多少个（默认 30）")
    p = sub.add_parser("export", help="导出：Markdown，或按 GB/T 9704 排版的 Word 文件")
    _add_input(p)
    p.add_argument("out", metavar="OUT", help="输出文件（.md 或 .docx）")
    p = sub.add_parser("lint", help="校对：标点、数字、编号、公文格式、转载痕迹、提法与人名、文风")
    p.add_argument("file", metavar="FILE", nargs="?",
                   help="报告文件（.txt、.md、.docx）或内置文本（specimen、语料编号、example:…）")
    p.add_argument("--encoding", help="强制指定文本编码（默认自动识别）")
    p.add_argument("--max-bytes", type=int, default=None, help="文件大小上限（字节）")
    p.add_argument("--json", action="store_true", help="输出 JSON（格式见 docs/cli.md）")
    p.add_argument("--select", default="", help="只运行这些规则或类别（逗号分隔，如 punctuation,name-near-miss）")
    p.add_argument("--ignore", default="", help="不运行这些规则或类别（逗号分隔）")
    p.add_argument("--list-rules", action="store_true", help="列出所有规则")
    return parser


def open_report(args):
    """Resolve FILE: a path, or a text shipped with the kit."""
    if os.path.exists(args.file):
        return load(args.file, encoding=args.encoding, max_bytes=args.max_bytes)
    return get(args.file)


def _print_json(obj) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def cmd_outline(args) -> int:
    report = open_report(args)
    outline = report.outline()
    if args.json:
        _print_json(outline.to_dict())
    else:
        sys.stdout.write(outline.render() + "\n")
    return EXIT_OK


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.replace("，", ",").split(",") if v.strip()]


def cmd_lint(args) -> int:
    if args.list_rules:
        for r in catalogue():
            sys.stdout.write(f"{r.id:<32} {FAMILIES[r.family]:<8} {SEVERITY_LABELS[r.severity]}  {r.title}\n")
        return EXIT_OK
    if not args.file:
        raise UsageError("缺少参数：请指定要校对的文件，例如：baogao lint 报告.docx")
    report = open_report(args)
    findings = lint(report, select=_split(args.select) or None, ignore=_split(args.ignore) or None)
    if args.json:
        _print_json([f.to_dict() for f in findings])
    else:
        sys.stdout.write(render_findings(report, findings))
    return EXIT_FINDINGS if any(f.severity == "error" for f in findings) else EXIT_OK


def render_findings(report, findings) -> str:
    """Findings by line, each with its context and the offending text marked 【…】."""
    out = []
    for f in findings:
        line = report.line(f.line).text
        a, b = f.column - 1, f.end_column - 1
        left = line[max(0, a - 12):a]
        right = line[b:b + 12]
        out.append(f"{location_text(f)}  {SEVERITY_LABELS[f.severity]}  [{f.rule}] {message_text(f)}")
        marked = line[a:b] if b - a <= 40 else line[a:a + 18] + "……" + line[b - 18:b]
        out.append(f"    …{left}【{marked}】{right}…")
    out.append(summary_text(findings))
    return "\n".join(out) + "\n"


def _plain(value):
    """numpy and pandas scalars as plain JSON values (NaN as null, 12.0 as 12)."""
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer():
            return int(value)
    return value


def cmd_stats(args) -> int:
    report = open_report(args)
    stats = {k: _plain(v) for k, v in analyze(report).stats.items()}
    if args.json:
        _print_json(stats)
        return EXIT_OK
    out = [f"来源：{report.source}"]
    for key, value in stats.items():
        out.append(f"  {STAT_LABELS.get(key, key)}：{value}")
    out.append("  注：可读性指数出自对上市公司年报的研究，用于政府报告时仅供比较参考。")
    sys.stdout.write("\n".join(out) + "\n")
    return EXIT_OK


def cmd_numbers(args) -> int:
    report = open_report(args)
    q = analyze(report).quantities
    rows = [{"raw": r.raw, "value": _plain(r.value), "unit": r.unit, "qualifier": r.qualifier,
             "line": int(r.line), "column": int(r.column), "sentence": r.sentence_text}
            for r in q.itertuples()]
    if args.json:
        _print_json(rows)
        return EXIT_OK
    out = [f"第{r['line']}行第{r['column']}列  {r['raw']}  = {r['value']} {r['unit']}"
           + (f"（{r['qualifier']}）" if r["qualifier"] else "") for r in rows]
    out.append(f"共 {len(rows)} 个数量。")
    sys.stdout.write("\n".join(out) + "\n")
    return EXIT_OK


def cmd_kwic(args) -> int:
    report = open_report(args)
    frame = kwic(report, args.query, regex=args.regex, window=args.window, sort=args.sort)
    rows = [{"line": int(r.line), "column": int(r.column), "left": r.left, "match": r.match,
             "right": r.right} for r in frame.itertuples()]
    if args.json:
        _print_json(rows)
        return EXIT_OK
    width = max((len(r["left"]) for r in rows), default=0)
    out = [f"第{r['line']:>4}行  {r['left']:>{width}}【{r['match']}】{r['right']}" for r in rows]
    out.append(f"共 {len(rows)} 处。")
    sys.stdout.write("\n".join(out) + "\n")
    return EXIT_OK


def cmd_keywords(args) -> int:
    report = open_report(args)
    frame = keyness(report, method=args.method, top=args.top)
    rows = [{"word": r.word, "score": round(float(r.score), 3), "freq": int(r.freq),
             "ref_freq": int(r.ref_freq)} for r in frame.itertuples()]
    if args.json:
        _print_json(rows)
        return EXIT_OK
    name = "对数似然比" if args.method == "log-likelihood" else "TF-IDF"
    out = [f"主题词（{name}，参考语料：17 篇政府工作报告）"]
    out += [f"{i:>3}. {r['word']:<8} 得分 {r['score']:>9.2f}  本文 {r['freq']:>4} 次  参考语料 {r['ref_freq']:>6} 次"
            for i, r in enumerate(rows, 1)]
    sys.stdout.write("\n".join(out) + "\n")
    return EXIT_OK


def cmd_export(args) -> int:
    report = open_report(args)
    path = export(report, args.out)
    if args.json:
        _print_json({"source": report.source, "out": str(path)})
    else:
        sys.stdout.write(f"已导出：{path}\n")
    return EXIT_OK


COMMANDS = {"outline": cmd_outline, "lint": cmd_lint, "stats": cmd_stats, "numbers": cmd_numbers,
            "kwic": cmd_kwic, "keywords": cmd_keywords, "export": cmd_export}
