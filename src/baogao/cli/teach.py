"""``baogao teach …``: the instructor's commands.

- ``make-exercises [--solutions DIR] [--exercises DIR] [--check]``
- ``reset NOTEBOOK [--from PATH]``
- ``grade SUBMISSIONS_DIR --out grades.csv [--assignment NAME] [--report R]
  [--exercises DIR] [--timeout S] [--memory-mb N] [--max-output-mb N]
  [--workers N] [--html PATH] [--feedback DIR] [--no-sandbox] [--fresh] [--no-progress]``
- ``gradebook grades.csv --out lms.csv [--force]``: one row per student, for an LMS import
- ``review grades.csv --out review.csv [--force]``: the writing exercises to score
- ``merge-review grades.csv review.csv --out final.csv [--force]``: the teacher's scores merged
- ``feedback grades.csv --out DIR [--force]``: one HTML feedback page per student

Every command that reads a grade sheet reads the one ``grade`` wrote
(``baogao.teach.gradebook.read_grades``); none overwrites an existing
``--out`` without ``--force``, and none ever writes onto its own input.

Exit status: 0 ok; 1 ``make-exercises --check`` found notebooks out of date;
2 bad input or usage, with one Chinese sentence on stderr, never a
traceback (a bare ``baogao teach`` prints its commands and exits 2); 130
interrupted (a grading run resumes where it stopped).
"""

from __future__ import annotations

import argparse
import os
import sys

from baogao.cli.common import (
    COMMAND_METAVAR,
    ChineseParser,
    command_list,
    guarded,
    parse,
)
from baogao.errors import UsageError
from baogao.teach import gradebook
from baogao.teach.make_exercises import generate_exercises
from baogao.teach.reset import reset
from baogao.teach.statuses import NOT_GRADED, NOTEBOOK_ROW, SUBMITTED

EXIT_OK, EXIT_OUT_OF_DATE, EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED = 0, 1, 2, 3, 130

INTERRUPTED = "已中断。已批改的结果保存在日志里，再次运行同一命令即可接着批改。"
DESCRIPTION = "教师工具：生成练习本、重置练习本、批改全班作业、评阅写作题、导出成绩和反馈。"

COMMAND_HELP = {
    "make-exercises": "由 solutions/ 里的答案笔记本生成 exercises/ 里的练习本（改动过的练习本先备份）",
    "reset": "把练习本恢复为初始状态（原文件备份到 backups/）",
    "grade": "批改一个目录里全部学生的笔记本",
    "gradebook": "由成绩表生成教学平台（Moodle、Canvas、学习通等）可导入的成绩单：每位学生一行",
    "review": "由成绩表生成写作题评阅表：在表里填分数和评语",
    "merge-review": "把填好的评阅表并回成绩表，写出最终成绩表",
    "feedback": "由成绩表为每位学生生成一页 HTML 反馈（状态、得分、反馈、提示、教师评语）",
}


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseParser(prog="baogao teach", description=DESCRIPTION,
                           epilog="每个命令的用法：baogao teach 命令 --help。")
    sub = parser.add_subparsers(dest="command", title="命令", metavar=COMMAND_METAVAR,
                                parser_class=ChineseParser)
    sub.required = True

    def add(name: str) -> argparse.ArgumentParser:
        return sub.add_parser(name, help=COMMAND_HELP[name], description=COMMAND_HELP[name])

    p = add("make-exercises")
    p.add_argument("--solutions", metavar="目录", default="solutions", help="答案笔记本目录（默认 solutions）")
    p.add_argument("--exercises", metavar="目录", default="exercises", help="练习本目录（默认 exercises）")
    p.add_argument("--check", action="store_true", help="只检查练习本是否过时，不写文件（过时则退出码为 1）")

    p = add("reset")
    p.add_argument("notebook", metavar="练习本", help="要重置的练习本，如 exercises/01_structure.ipynb")
    p.add_argument("--from", dest="source", metavar="笔记本", default=None,
                   help="原始笔记本（答案笔记本或干净的练习本；默认取 solutions/ 里的同名答案笔记本）")

    p = add("grade")
    p.add_argument("submissions", metavar="提交目录", help="学生提交的目录：学生名.ipynb 或 学生名/*.ipynb")
    p.add_argument("--out", metavar="成绩表", required=True, help="成绩表 CSV 文件（每位学生每道题一行）")
    p.add_argument("--assignment", metavar="作业名", default=None,
                   help="作业名，如 01_structure（默认读笔记本的作业标记）")
    p.add_argument("--report", metavar="报告", default=None, help="判分所用的报告（默认为作业规定的报告）")
    p.add_argument("--exercises", metavar="目录", default="exercises",
                   help="生成的练习本所在目录，用来发现被删除、调换或修改的单元（默认 exercises）")
    p.add_argument("--timeout", metavar="秒", type=float, default=120, help="每本笔记本的运行时限（秒，默认 120）")
    p.add_argument("--memory-mb", metavar="MB", type=int, default=4096,
                   help="每个内核的内存上限（MB，默认 4096；0 为不限）")
    p.add_argument("--max-output-mb", metavar="MB", type=float, default=5, help="每个单元的输出上限（MB，默认 5）")
    p.add_argument("--workers", metavar="个数", type=int, default=None, help="并行进程数（默认等于 CPU 核数）")
    p.add_argument("--html", metavar="文件", default=None, help="另存一份 HTML 报告")
    p.add_argument("--feedback", metavar="目录", default=None, help="为每位学生在这个目录里写一页 HTML 反馈")
    p.add_argument("--no-sandbox", action="store_true",
                   help="不用沙箱运行学生代码（仅限可信的提交，例如教师自己的测试）")
    p.add_argument("--fresh", action="store_true", help="忽略上次的进度，全部重新批改")
    p.add_argument("--no-progress", action="store_true", help="不显示进度条")

    def sheet_command(name: str, out_help: str) -> argparse.ArgumentParser:
        p = add(name)
        p.add_argument("grades", metavar="成绩表", help="baogao teach grade 写出的成绩表（CSV）")
        if name == "merge-review":
            p.add_argument("review", metavar="评阅表", help="填好分数和评语的评阅表（CSV）")
        p.add_argument("--out", metavar="目录" if name == "feedback" else "文件", required=True, help=out_help)
        p.add_argument("--force", action="store_true",
                       help="覆盖已有的反馈页" if name == "feedback" else "--out 已存在时覆盖它")
        return p

    sheet_command("gradebook", "要写出的平台成绩单（CSV）")
    sheet_command("review", "要写出的评阅表（CSV）")
    sheet_command("merge-review", "要写出的最终成绩表（CSV）")
    sheet_command("feedback", "反馈页所在的目录（不存在则新建）")
    return parser


def cmd_make_exercises(args) -> int:
    written = generate_exercises(args.solutions, args.exercises, check=args.check)
    if args.check:
        if written:
            names = "、".join(w.path.name for w in written)
            sys.stderr.write(f"练习本已过时：{names}。请运行 baogao teach make-exercises。\n")
            return EXIT_OUT_OF_DATE
        sys.stdout.write("练习本都是最新的。\n")
        return EXIT_OK
    for w in written:
        if w.backup is not None:
            sys.stdout.write(f"已生成 {w.path}；原来的笔记本不是生成的原样（可能有学生的作答），"
                             f"已备份到 {w.backup}。\n")
        else:
            sys.stdout.write(f"已生成 {w.path}\n")
    if not written:
        sys.stdout.write("练习本都是最新的，没有改动。\n")
    return EXIT_OK


def cmd_reset(args) -> int:
    backup = reset(args.notebook, source=args.source)
    if backup is not None:
        sys.stdout.write(f"已重置 {args.notebook}；原来的笔记本备份在 {backup}。\n")
    else:
        sys.stdout.write(f"已生成 {args.notebook}。\n")
    return EXIT_OK


def cmd_grade(args) -> int:
    # heavy: baogao.teach.grade runs notebooks (nbclient, tqdm); loaded only to grade.
    from baogao.teach.grade import grade, summary_path

    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers 应当是正整数。")
    for option, path in (("--out", args.out), ("--html", args.html)):
        if path is not None and os.path.isdir(path):
            raise UsageError(f"{option} 应当是文件，而“{path}”是一个文件夹：请写上文件名，"
                             f"例如“{os.path.join(path, 'grades.csv' if option == '--out' else 'grades.html')}”。")
    folder = os.path.dirname(args.html) if args.html is not None else ""
    if folder and not os.path.isdir(folder):
        raise UsageError(f"--html 所在的文件夹“{folder}”不存在。")
    if args.feedback is not None and os.path.exists(args.feedback) and not os.path.isdir(args.feedback):
        raise UsageError(f"--feedback 应当是文件夹，而“{args.feedback}”是一个文件。")
    try:
        result = grade(args.submissions, args.out, assignment=args.assignment, report=args.report,
                       exercises_dir=args.exercises, timeout=args.timeout, memory_mb=args.memory_mb,
                       max_output_mb=args.max_output_mb, workers=args.workers, html_path=args.html,
                       progress=not args.no_progress, resume=not args.fresh,
                       sandbox=not args.no_sandbox, feedback_dir=args.feedback)
    except KeyboardInterrupt:
        # The finished notebooks are in the journal (each record fsynced) and the
        # workers are killed; exit now rather than wait at interpreter exit for the
        # process pool's threads, which can hang once its workers were killed.
        sys.stderr.write(INTERRUPTED + "\n")
        sys.stderr.flush()
        sys.stdout.flush()
        os._exit(EXIT_INTERRUPTED)
    students = result.frame["student"].nunique()
    sys.stdout.write(f"批改完成：{students} 位学生，本次批改 {result.graded} 本，沿用上次结果 {result.reused} 本，"
                     f"用时 {result.seconds:.1f} 秒。\n")
    sys.stdout.write(f"成绩表：{result.csv}\n各题汇总：{summary_path(result.csv)}\n")
    sys.stdout.write(f"{result.isolation}\n")
    if result.rejected:
        sys.stdout.write(f"日志里有 {result.rejected} 条记录校验失败（不是本程序写的），相应的笔记本已重新批改。\n")
    for skipped in result.skipped:
        sys.stdout.write(f"跳过 {skipped.relpath}：{skipped.reason}\n")
    if args.html:
        sys.stdout.write(f"HTML 报告：{args.html}\n")
    if args.feedback:
        sys.stdout.write(f"反馈页：{args.feedback}\n")
    if len(result.summary):
        sys.stdout.write(result.summary.to_string(index=False) + "\n")
    return EXIT_OK


# -- commands on a grade sheet -----------------------------------------------------------------
def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist yet
        return os.path.realpath(a) == os.path.realpath(b)


def _output_file(out: str, inputs: list[str], force: bool) -> None:
    """Refuse an --out that is a folder, in a missing folder, one of the inputs, or (without --force) a file."""
    if os.path.isdir(out):
        raise UsageError(f"--out 应当是文件，而“{out}”是一个文件夹：请写上文件名。")
    folder = os.path.dirname(out)
    if folder and not os.path.isdir(folder):
        raise UsageError(f"--out 所在的文件夹“{folder}”不存在。")
    for path in inputs:
        if _same_file(out, path):
            raise UsageError(f"--out 不能是输入文件“{path}”本身：请另写一个文件名，原来的表保持不变。")
    if os.path.lexists(out) and not force:
        raise UsageError(f"“{out}”已经存在；为了不覆盖它，没有写文件（换一个文件名，或加 --force 覆盖）。")


def _read_sheet(path: str):
    # Conflicts are resolved again: a sheet with two notebooks of one student never reaches a file.
    return gradebook.resolve_conflicts(gradebook.read_grades(path)).frame


def cmd_gradebook(args) -> int:
    _output_file(args.out, [args.grades], args.force)
    table = gradebook.lms_table(_read_sheet(args.grades))
    gradebook.write_csv(table, args.out)
    exercises = len(table.columns) - 3
    sys.stdout.write(f"已写出平台成绩单：{args.out}（{len(table)} 位学生，{exercises} 道题）。\n")
    waiting = int(table["total"].isna().sum())
    if waiting:
        sys.stdout.write(f"其中 {waiting} 位学生有待评阅或冲突的题：这些格子和他们的合计（total）留空。\n")
    return EXIT_OK


def cmd_review(args) -> int:
    _output_file(args.out, [args.grades], args.force)
    sheet = gradebook.review_sheet(_read_sheet(args.grades))
    if sheet.empty:
        sys.stdout.write("成绩表里没有待评阅的写作题，没有写文件。\n")
        return EXIT_OK
    gradebook.write_csv(sheet, args.out)
    sys.stdout.write(f"已写出评阅表：{args.out}（{len(sheet)} 道待评阅的写作题）。在 teacher_score 一栏填分数、"
                     f"teacher_comment 一栏填评语，然后运行 baogao teach merge-review {args.grades} "
                     f"{args.out} --out 最终成绩.csv。\n")
    return EXIT_OK


def cmd_merge_review(args) -> int:
    _output_file(args.out, [args.grades, args.review], args.force)
    table = _read_sheet(args.grades)
    review = gradebook.read_review(args.review)
    merged = gradebook.merge_review(table, review)
    gradebook.write_csv(merged, args.out)
    done = int((review["teacher_score"].astype(str).str.strip() != "").sum())
    waiting = int((merged["status"] == SUBMITTED).sum())
    sys.stdout.write(f"已写出最终成绩表：{args.out}（本次评阅 {done} 道，仍待评阅 {waiting} 道）。\n")
    return EXIT_OK


def cmd_feedback(args) -> int:
    if os.path.exists(args.out) and not os.path.isdir(args.out):
        raise UsageError(f"--out 应当是文件夹，而“{args.out}”是一个文件。")
    table = _read_sheet(args.grades)
    written = gradebook.feedback_pages(table, args.out, force=args.force)
    sys.stdout.write(f"已在 {args.out} 写出 {len(written)} 位学生的反馈页。\n")
    pending = table[(table["exercise"] != NOTEBOOK_ROW) & table["status"].isin(NOT_GRADED)]
    if len(pending):
        sys.stdout.write(f"其中 {pending['student'].nunique()} 位学生还有待评阅或未评分的题；"
                         "评阅后（merge-review）可以再生成一次。\n")
    return EXIT_OK


COMMANDS = {"make-exercises": cmd_make_exercises, "reset": cmd_reset, "grade": cmd_grade,
            "gradebook": cmd_gradebook, "review": cmd_review, "merge-review": cmd_merge_review,
            "feedback": cmd_feedback}


def main(argv: list[str] | None = None) -> int:
    if argv is None:
        argv = sys.argv[1:]

    def run() -> int:
        if not argv:
            sys.stderr.write(command_list("baogao teach", DESCRIPTION, COMMAND_HELP))
            return EXIT_BAD_INPUT
        args = parse(build_parser(), argv)
        if isinstance(args, int):  # --help
            return args
        return COMMANDS[args.command](args)
    return guarded(run, interrupted=INTERRUPTED)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
