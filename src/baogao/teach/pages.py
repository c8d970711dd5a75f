"""The grade sheet as HTML: the class report for the teacher, one feedback page per student.

Both are self-contained pages (no script, no external file), in Chinese, every
text HTML-escaped, coloured through CSS variables with a light and a dark
palette (``prefers-color-scheme``). ``feedback_pages`` never replaces a file
of the folder it did not write itself: what it writes is recorded (its
SHA-256) in ``generated.json`` in that folder, as ``make-exercises`` does in
``exercises/backups/``; any other file in its way is refused unless ``force``.
"""

from __future__ import annotations

import hashlib
import html
import json
import math
import re
import unicodedata
from pathlib import Path

from baogao.course import get_assignment
from baogao.errors import UsageError
from baogao.teach.make_exercises import write_atomically
from baogao.teach.statuses import (
    ANSWER,
    CONFLICT,
    CORRECT,
    NOTEBOOK_ROW,
    REVIEWED,
    SUBMITTED,
    counted_score,
    split_comment,
    status_name,
)

MANIFEST = "generated.json"
MANIFEST_KIND = "baogao feedback pages"
#: How many versions of one page the manifest remembers.
MANIFEST_DEPTH = 20
#: File names Windows reserves whatever their extension.
WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
                    *(f"LPT{i}" for i in range(1, 10))}
MAX_NAME_BYTES = 180  # well below the 255 bytes of most file systems, ".html" included

STYLE = """
:root { color-scheme: light dark; --fg: #1f2328; --bg: #ffffff; --muted: #59636e; --line: #d0d7de;
  --head: #f6f8fa; --ok: #1a7f37; --bad: #cf222e; --wait: #9a6700; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --line: #3d444d; --head: #151b23;
    --ok: #3fb950; --bad: #f85149; --wait: #d29922; }
}
body { color: var(--fg); background: var(--bg); margin: 2em; line-height: 1.6;
  font-family: system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; }
table { border-collapse: collapse; margin-bottom: 2em; }
td, th { border: 1px solid var(--line); padding: 4px 8px; vertical-align: top; text-align: left; }
th { background: var(--head); }
pre { white-space: pre-wrap; background: var(--head); border: 1px solid var(--line); padding: .5em; }
section { border-top: 1px solid var(--line); padding-top: .5em; }
.muted { color: var(--muted); }
.ok { color: var(--ok); } .bad { color: var(--bad); } .wait { color: var(--wait); }
"""

HEADERS = {"student": "学生", "assignment": "作业", "exercise": "题目", "status": "状态",
           "score": "得分", "max_score": "满分", "feedback": "反馈", "notebook": "笔记本",
           "answer": "作答", "students": "人数", "correct": "正确", "incorrect": "不正确",
           "not_attempted": "尚未作答", "submitted": "待评阅", "reviewed": "已评阅",
           "conflict": "多本冲突", "other": "其他问题", "mean_score": "平均分"}


def _tone(status: str) -> str:
    """The colour class of a status (a fixed name, never taken from the data)."""
    if status in (CORRECT, REVIEWED):
        return "ok"
    if status in (SUBMITTED, CONFLICT, "not_attempted"):
        return "wait"
    return "bad"


def _e(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return html.escape(str(value), quote=True)


def _page(title: str, body: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{_e(title)}</title>\n<style>{STYLE}</style></head><body>\n{body}\n</body></html>\n")


def _table(df) -> str:
    head = "".join(f"<th>{_e(HEADERS.get(c, c))}</th>" for c in df.columns)
    rows = []
    for record in df.to_dict("records"):
        cells = []
        for column, value in record.items():
            if column == "status":
                cells.append(f'<td class="{_tone(value)}">{_e(status_name(value))}</td>')
            else:
                cells.append(f"<td>{_e(value)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><thead><tr>{head}</tr></thead><tbody>\n" + "\n".join(rows) + "\n</tbody></table>"


def write_html(frame, summary, path) -> Path:
    """The class report: the summary per exercise, then every row, statuses in Chinese."""
    body = (f"<h1>批改结果</h1>\n<h2>各题汇总</h2>\n{_table(summary)}\n"
            f'<p class="muted">平均分计入每一位有结果的学生：笔记本损坏的按 0 分；'
            f"多本冲突的不计；还有待评阅的写作题时不计算。</p>\n"
            f"<h2>每位学生、每道题</h2>\n{_table(frame)}")
    path = Path(path)
    write_atomically(path, _page("批改结果", body))
    return path


# -- one page per student ---------------------------------------------------------------------------
def safe_file_name(student: str) -> str:
    """A file name for ``student``'s page (without ".html"): no path separator, no
    control or reserved character, no leading dot, not a Windows device name."""
    name = unicodedata.normalize("NFC", str(student))
    name = re.sub(r'[\x00-\x1f\x7f/\\:*?"<>|]', "_", name).strip()
    name = name.lstrip(".").strip().rstrip(". ")  # Windows drops trailing dots and spaces
    if not name:
        name = "student"
    if name.split(".")[0].upper() in WINDOWS_RESERVED:
        name = "_" + name
    while len(name.encode("utf-8")) > MAX_NAME_BYTES:
        name = name[:-1]
    return name


def page_names(students) -> dict[str, str]:
    """Student → page file name; names that would collide (also ignoring case) get -2, -3 …"""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for student in dict.fromkeys(students):
        base = safe_file_name(student)
        name, n = f"{base}.html", 1
        while name.casefold() in taken:
            n += 1
            name = f"{base}-{n}.html"
        taken.add(name.casefold())
        out[student] = name
    return out


def _hints_from_course(assignments) -> dict[str, dict]:
    found = {}
    for name in assignments:
        try:
            found[name] = get_assignment(name)
        except UsageError:  # an assignment this version of the course does not have
            continue
    return found


def _problem_info(problems, assignment: str, exercise: str) -> tuple[str, list[str]]:
    """(title, hints) of an exercise, from ``problems`` (assignment → iterable of problems)."""
    for problem in (problems or {}).get(assignment, ()):
        if getattr(problem, "name", None) == exercise:
            hints = [h for h in getattr(problem, "hints", ()) if isinstance(h, str)]
            return str(getattr(problem, "title", "") or ""), hints
    return "", []


def _label(exercise: str) -> str:
    return f"第 {exercise[1:]} 题" if re.fullmatch(r"q\d+", exercise) else exercise


def _score(row) -> str:
    score = counted_score(row["status"], row["score"])
    if score is None:
        return "待教师评阅" if row["status"] == SUBMITTED else "未评分"
    top = row["max_score"]
    return f"{score:g} / {top:g}" if not math.isnan(top) else f"{score:g}"


def _exercise_html(row, problems) -> str:
    title, hints = _problem_info(problems, row["assignment"], row["exercise"])
    auto, comment = split_comment(row["feedback"])
    heading = _label(row["exercise"]) + (f"：{title}" if title else "")
    parts = [f"<section><h3>{_e(heading)}</h3>",
             (f'<p>状态：<span class="{_tone(row["status"])}">{_e(status_name(row["status"]))}</span>'
              f"　得分：{_e(_score(row))}</p>")]
    if auto:
        parts.append(f"<p>反馈：{_e(auto)}</p>")
    if row.get(ANSWER):
        parts.append(f"<p>你的答案：</p><pre>{_e(row[ANSWER])}</pre>")
    if hints and row["status"] != CORRECT:
        parts.append("<p>提示：</p><ol>" + "".join(f"<li>{_e(h)}</li>" for h in hints) + "</ol>")
    if comment:
        parts.append(f"<p>教师评语：</p><pre>{_e(comment)}</pre>")
    return "\n".join(parts) + "</section>"


def student_page(student: str, rows, problems=None) -> str:
    """The feedback page of one student: per assignment, the notebook's problems, then each exercise."""
    body = [f"<h1>作业反馈：{_e(student)}</h1>"]
    for assignment in dict.fromkeys(r["assignment"] for r in rows):
        mine = [r for r in rows if r["assignment"] == assignment]
        exercises = [r for r in mine if r["exercise"] != NOTEBOOK_ROW]
        known = getattr((problems or {}).get(assignment), "title", "")
        body.append(f"<h2>{_e(assignment or '（未能确定的作业）')}{_e('：' + known if known else '')}</h2>")
        scored = [v for r in exercises if (v := counted_score(r["status"], r["score"])) is not None]
        if exercises:
            total = sum(scored)
            top = sum(0 if math.isnan(r["max_score"]) else r["max_score"] for r in exercises)
            waiting = "（还有题目待评阅或未评分，评定后计入）" if len(scored) < len(exercises) else ""
            body.append(f"<p>合计：{total:g} / {top:g}{_e(waiting)}</p>")
        for r in mine:
            if r["exercise"] == NOTEBOOK_ROW:
                body.append(f'<p class="bad">笔记本的问题（{_e(status_name(r["status"]))}）：'
                            f"{_e(r['feedback'])}</p>")
        body += [_exercise_html(r, problems) for r in exercises]
    return _page(f"作业反馈：{student}", "\n".join(body))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _read_manifest(folder: Path, force: bool) -> dict[str, list[str]]:
    path = folder / MANIFEST
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("kind") == MANIFEST_KIND and isinstance(data.get("files"), dict):
            return {k: [d for d in v if isinstance(d, str)] for k, v in data["files"].items()
                    if isinstance(v, list)}
    except (OSError, UnicodeDecodeError, ValueError):
        pass
    if force:
        return {}
    raise UsageError(f"“{path}”不是 baogao 写的记录文件；为了不覆盖它，没有写反馈页"
                     "（换一个目录，或加 --force 覆盖）。")


def feedback_pages(frame, folder, problems=None, *, force: bool = False) -> list[Path]:
    """Write ``<student>.html`` for every student of ``frame`` into ``folder``; return the paths.

    ``problems`` maps an assignment name to its problems (an ``Assignment``, or
    any iterable of objects with ``name``, ``hints`` and optionally ``title``);
    by default each assignment of the frame is looked up in the course. A file
    in the way that this function did not write (or that was changed since) is
    refused, before anything is written, unless ``force``."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"“{folder}”是一个文件，不是文件夹：反馈页要写进一个文件夹。")
    rows = frame.to_dict("records")
    if problems is None:
        problems = _hints_from_course(dict.fromkeys(r["assignment"] for r in rows if r["assignment"]))
    names = page_names(r["student"] for r in rows)
    manifest = _read_manifest(folder, force)
    pages = {names[s]: student_page(s, [r for r in rows if r["student"] == s], problems) for s in names}
    refused = []
    for name in pages:
        target = folder / name
        if target.is_symlink() or target.exists():
            try:
                ours = not target.is_symlink() and _digest(target.read_bytes()) in manifest.get(name, [])
            except OSError:
                ours = False
            if not ours:
                refused.append(name)
    if refused and not force:
        raise UsageError(f"“{folder}”里已有不是 baogao 写的（或写后改过的）文件：{'、'.join(refused[:5])}"
                         f"{' 等' if len(refused) > 5 else ''}；为了不覆盖它们，没有写反馈页（换一个目录，或加 --force 覆盖）。")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"无法创建文件夹“{folder}”：{exc.strerror or exc}。") from None
    # Recorded before writing: an interrupted run leaves no page it would not recognise.
    for name, text in pages.items():
        digest = _digest(text.encode("utf-8"))
        manifest[name] = [d for d in manifest.get(name, []) if d != digest][-(MANIFEST_DEPTH - 1):] + [digest]
    write_atomically(folder / MANIFEST, json.dumps({"kind": MANIFEST_KIND, "files": manifest},
                                                    ensure_ascii=False, indent=1, sort_keys=True) + "\n")
    for name, text in pages.items():
        write_atomically(folder / name, text)
    return [folder / name for name in pages]
