"""``baogao doctor [--json]``: is this machine ready for the course?

Runs every check of ``baogao.doctor`` and prints one line each, with the fix
under any check that is not ok. Exit status: 0 when nothing failed (warnings
and notes do not fail: the lessons still run), 1 when a check failed, 2 for
bad usage (one Chinese sentence on stderr).
"""

from __future__ import annotations

import json
import shutil
import sys

from baogao.cli.common import (
    SUBPROGRAM_HELP,
    EXIT_FINDINGS,
    EXIT_OK,
    ChineseParser,
    display_width,
    guarded,
    parse,
    wrap_cjk,
)
from baogao.doctor import STATUSES, as_json, run_checks

DESCRIPTION = "检查本机能否使用本套教材：Python、依赖及其版本、控件、Jupyter 内核、中文字体、缓存、批改沙箱和浏览器测试。"
HELP = SUBPROGRAM_HELP["doctor"]

#: How a status reads in a terminal (plain text: a Windows console may lack emoji).
STATUS_NAMES = {"ok": "通过", "info": "说明", "warn": "注意", "fail": "未通过"}


def build_parser() -> ChineseParser:
    parser = ChineseParser(prog="baogao doctor", description=DESCRIPTION,
                           epilog="退出码：0 没有未通过的检查（“注意”和“说明”不算未通过）；1 有检查未通过；2 用法有误。")
    parser.add_argument("--json", action="store_true", help="输出 JSON（格式见 docs/cli.md）")
    return parser


def verdict(checks) -> str:
    counts = {status: sum(c.status == status for c in checks) for status in STATUSES}
    line = (f"{len(checks)} 项检查：{counts['ok']} 项通过，{counts['warn']} 项需要注意，"
            f"{counts['info']} 项仅供参考，{counts['fail']} 项未通过。")
    if counts["fail"]:
        return line + "请按“解决办法”处理未通过的项，再运行一次 baogao doctor。"
    if counts["warn"]:
        return line + "课程可以运行；需要注意的项请按“解决办法”处理。"
    return line + "可以开始上课了。"


def render(checks, width: int = 80) -> str:
    """The report a person reads: one line per check, its fix indented below it."""
    indent = " " * 10
    lines = [f"baogao 环境检查：{sys.executable}", ""]
    for check in checks:
        head = f"[{STATUS_NAMES[check.status]}]"
        head += " " * (8 - display_width(head))
        text = wrap_cjk(f"{check.item}：{check.detail}", width - len(indent))
        lines += [f"{head}  {text[0]}"] + [indent + rest for rest in text[1:]]
        if check.fix and check.status != "ok":
            lines += [indent + rest for rest in wrap_cjk(f"解决办法：{check.fix}", width - len(indent))]
    return "\n".join(lines + ["", *wrap_cjk(verdict(checks), width)]) + "\n"


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]

    def run() -> int:
        args = parse(build_parser(), argv)
        if isinstance(args, int):  # --help
            return args
        checks = run_checks()
        if args.json:
            sys.stdout.write(json.dumps(as_json(checks), ensure_ascii=False, indent=2) + "\n")
        else:
            sys.stdout.write(render(checks, min(shutil.get_terminal_size((80, 24)).columns, 100)))
        return EXIT_FINDINGS if any(c.status == "fail" for c in checks) else EXIT_OK
    return guarded(run)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
