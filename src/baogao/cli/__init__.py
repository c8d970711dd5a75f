"""The ``baogao`` command line.

Exit codes: 0 ok, 1 findings (lint), 2 bad input or usage — always with one
clear sentence on stderr, never a traceback (set BAOGAO_DEBUG=1 to see one
for an internal error, which exits 3).
"""
from __future__ import annotations

import sys
import warnings

from baogao.cli.common import guarded, show_warning
from baogao.cli.reports import COMMANDS, build_parser
from baogao.cli.teach import main as teach_main


def main(argv: list[str] | None = None) -> int:
    warnings.showwarning = show_warning
    if argv is None:
        argv = sys.argv[1:]
    if argv and argv[0] == "teach":
        return teach_main(argv[1:])

    def run() -> int:
        args = build_parser().parse_args(argv)
        return COMMANDS[args.command](args)
    return guarded(run)
