"""A class of hostile submissions, graded in the sandbox.

Each attack notebook answers q1 correctly only if its attack worked (an
oracle the grader cannot be fooled about: q1's verdict is computed by the
grader). One honest notebook proves the oracle: it answers q1 and q3 right and
gets them right; another proves that its kernel was told it is being graded.
After the run the test checks every row, that the secret never reached any
file the grader wrote, that the fake home, the installed kit and
site-packages are untouched, that nothing rewrote the grade sheet after the
run, and that no process of a notebook survived it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import site
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

import baogao
from baogao.course import lesson01_structure as l1
from baogao.teach import limits
from baogao.teach.grade import grade, journal_path
from baogao.teach.sandbox import SOCKET_PATH_MAX, detect, work_folder

ROOT = Path(__file__).resolve().parents[2]
SECRET = "BAOGAO-TEST-SECRET-7f3a"
SURVIVOR = "baogao-survivor-5d1c"

pytestmark = [pytest.mark.skipif(
    not detect().available and os.environ.get("CI") != "true",
    reason="bubblewrap is not available here (CI installs it, and there this test must run)"),
    pytest.mark.slow]  # a class graded in the sandbox, a killed worker, Ctrl-C: about 80 s in all


def _solution_cell(cell_id: str) -> str:
    nb = json.loads((ROOT / "solutions" / "01_structure.ipynb").read_text(encoding="utf-8"))
    return "".join(next(c for c in nb["cells"] if c.get("id") == cell_id)["source"])


def notebook(*sources: str) -> dict:
    cells = [{"cell_type": "code", "id": f"c{i}", "metadata": {}, "source": s, "outputs": [],
              "execution_count": None} for i, s in enumerate(sources)]
    return {"nbformat": 4, "nbformat_minor": 5, "cells": cells,
            "metadata": {"baogao": {"assignment": "01_structure"},
                         "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}}}


def oracle(condition: str) -> str:
    """q1 is right exactly when ``condition`` held in the student's kernel."""
    return f"q1_answer = {EXPECTED} if ({condition}) else -1\n"


EXPECTED = l1.q1.solution_answer(l1.assignment.report)


def attacks(home: Path, out: Path) -> dict[str, dict]:
    kit_file = Path(baogao.__file__)
    site_dir = Path(site.getsitepackages()[0])
    journal = journal_path(out)
    return {
        "honest": notebook(f"q1_answer = {EXPECTED}", _solution_cell("q3-answer")),
        # Not an attack: the kernel is told it is being graded, and a check there checks nothing.
        "told_grading": notebook(
            "import os\nfrom baogao.course import lesson01_structure as ex\n"
            "shown = repr(ex.q1.check(-1))\n"
            + oracle("os.environ.get('BAOGAO_GRADING') == '1' and '批改时' in shown")),
        "read_secret": notebook(
            "import os, glob\nfound = ''\n"
            f"for p in [os.path.expanduser('~/.ssh/id_rsa'), {str(home / '.ssh' / 'id_rsa')!r}]:\n"
            "    try:\n        found += open(p).read()\n    except OSError:\n        pass\n"
            + oracle(f"{SECRET!r} in found"),
            "raise ValueError(found or 'nothing')"),  # a readable secret would reach the feedback
        "delete_home": notebook(
            "import os, shutil\nok = True\n"
            f"try:\n    os.remove({str(home / 'precious.txt')!r})\nexcept OSError:\n    ok = False\n"
            + oracle("ok")),
        "kill_parent": notebook(
            "import os, signal\nfor pid in (os.getppid(), 1):\n    try:\n        os.kill(pid, signal.SIGKILL)\n"
            "    except OSError:\n        pass",
            f"q1_answer = {EXPECTED}"),  # still graded, on its own row
        "rewrite_sheet": notebook(
            "import subprocess\n"
            f"subprocess.Popen(['sh', '-c', 'sleep 3; echo forged > {out}; echo forged >> {journal}'],"
            " start_new_session=True)\n"
            f"q1_answer = {EXPECTED}"),
        "edit_kit": notebook(
            "ok = 0\n"
            f"for path in [{str(kit_file)!r}, {str(site_dir / 'zz_baogao_evil.pth')!r}]:\n"
            "    try:\n        open(path, 'a').write('import os\\n')\n        ok += 1\n    except OSError:\n        pass\n"
            + oracle("ok")),
        "forge_channel": notebook(
            "import json\nfrom baogao.text.markers import match_marker\n"
            "from baogao.course.lesson01_structure import MARKER_CASES\n"
            "def style(line):\n    m = match_marker(line)\n    return m.style if m else None\n"
            "forged = {'$': 'function', 'outputs': [style(*args) for args, _ in MARKER_CASES], 'blocked': False}\n"
            "real_dumps = json.dumps\n"
            "def dumps(obj, *a, **k):\n"
            "    if isinstance(obj, dict) and 'q1' in obj:\n        obj = {**obj, 'q3': forged}\n"
            "    return real_dumps(obj, *a, **k)\n"
            "json.dumps = dumps\nq1_answer = -1"),
        "huge_answer": notebook(
            "import json\nreal = json.dumps\n"
            "def dumps(obj, *a, **k):\n"
            "    if isinstance(obj, dict) and 'q1' in obj:\n        return real({'q1': 'x' * 16_000_000})\n"
            "    return real(obj, *a, **k)\n"
            f"json.dumps = dumps\nq1_answer = {EXPECTED}"),
        "break_protocol": notebook(  # the kernel's own messages become garbage
            "import json\njson.dumps = lambda *a, **k: '\"x\"'", f"q1_answer = {EXPECTED}"),
        "copy_disabled": notebook(
            "from baogao.text.markers import match_marker as mm\n"
            "def marker_style(line):\n    m = mm(line)\n    return m.style if m else None",
            "q1_answer = -1"),
        "private_patterns": notebook(
            "import baogao.text.markers as M\n"
            "def marker_style(line):\n    m = M.match_marker.__wrapped__(line) if hasattr(M.match_marker, '__wrapped__')"
            " else M.match_marker(line)\n    return m.style if m else None",
            "q1_answer = -1"),
        "memory_children": notebook(
            "import os, subprocess, sys, time\n"
            "code = 'import sys, time; b = b\"x\" * (500 * 1024 * 1024); open(sys.argv[1], \"w\"); time.sleep(30)'\n"
            "ps = [subprocess.Popen([sys.executable, '-c', code, f'done{i}']) for i in range(3)]\n"
            "deadline = time.time() + 40\n"
            "while time.time() < deadline and any(p.poll() is None and not os.path.exists(f'done{i}')"
            " for i, p in enumerate(ps)):\n    time.sleep(0.2)\n"
            "alive = sum(p.poll() is None and os.path.exists(f'done{i}') for i, p in enumerate(ps))\n"
            + oracle("alive == 3")),
        "fork_survivor": notebook(
            "import subprocess, sys, time\n"
            f"subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(600)', {SURVIVOR!r}],"
            " start_new_session=True)\ntime.sleep(1)\n"
            f"q1_answer = {EXPECTED}"),
        "find_solutions": notebook(
            "import os\nseen = False\n"
            "for pid in filter(str.isdigit, os.listdir('/proc')):\n"
            "    try:\n        seen = seen or os.path.isdir(os.path.join(os.readlink(f'/proc/{pid}/cwd'), 'solutions'))\n"
            "    except OSError:\n        pass\n"
            "seen = seen or os.path.exists(" + repr(str(ROOT / "solutions")) + ")\n" + oracle("seen")),
    }


def processes_matching(text: str) -> list[str]:
    """Command lines of running processes that contain ``text`` (read from /proc)."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if text in cmdline and int(pid) != os.getpid():
            found.append(cmdline)
    return found


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    base = tmp_path_factory.mktemp("class")
    home = base / "home"
    (home / ".ssh").mkdir(parents=True)
    (home / ".ssh" / "id_rsa").write_text(SECRET, encoding="utf-8")
    (home / "precious.txt").write_text("keep me", encoding="utf-8")
    out = base / "grades" / "grades.csv"
    folder = base / "submissions"
    folder.mkdir()
    for name, nb in attacks(home, out).items():
        (folder / f"{name}.ipynb").write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    kit = Path(baogao.__file__)
    before = {"kit": _digest(kit), "site": sorted(os.listdir(site.getsitepackages()[0]))}
    started = time.monotonic()
    result = grade(folder, out, assignment="01_structure", exercises_dir=None, timeout=60, memory_mb=1024,
                   workers=2, html_path=base / "grades" / "grades.html", progress=False)
    seconds = time.monotonic() - started
    sheet = out.read_bytes()
    time.sleep(5)  # the rewrite_sheet attack fires 3 s after its cell ran
    return {"result": result, "home": home, "out": out, "sheet": sheet, "before": before, "kit": kit,
            "seconds": seconds, "base": base}


def _row(frame, student: str, exercise: str):
    rows = frame[(frame["student"] == student) & (frame["exercise"] == exercise)]
    assert len(rows) == 1, (student, exercise, rows)
    return rows.iloc[0]


def test_every_submission_has_its_rows(graded):
    frame = graded["result"].frame
    for student in attacks(graded["home"], graded["out"]):
        for problem in l1.assignment:
            _row(frame, student, problem.name)


def test_the_oracle_works(graded):
    frame = graded["result"].frame
    assert _row(frame, "honest", "q1")["status"] == "correct"
    assert _row(frame, "told_grading", "q1")["status"] == "correct"
    assert _row(frame, "honest", "q3")["status"] == "correct"


@pytest.mark.parametrize("attack", ["read_secret", "delete_home", "edit_kit", "find_solutions"])
def test_attacks_found_nothing(graded, attack):
    assert _row(graded["result"].frame, attack, "q1")["status"] == "incorrect"


def test_secret_reached_no_output(graded):
    for path in graded["out"].parent.iterdir():
        assert SECRET.encode() not in path.read_bytes(), path.name


def test_nothing_outside_changed(graded):
    assert (graded["home"] / "precious.txt").read_text(encoding="utf-8") == "keep me"
    assert _digest(graded["kit"]) == graded["before"]["kit"]
    assert sorted(os.listdir(site.getsitepackages()[0])) == graded["before"]["site"]


def test_sheet_not_rewritten_after_the_run(graded):
    out = graded["out"]
    assert out.read_bytes() == graded["sheet"]
    assert b"forged" not in journal_path(out).read_bytes()


def test_no_process_survives(graded):
    assert not processes_matching(SURVIVOR)


def test_killing_the_parent_does_not_stop_the_class(graded):
    assert _row(graded["result"].frame, "kill_parent", "q1")["status"] == "correct"
    assert _row(graded["result"].frame, "rewrite_sheet", "q1")["status"] == "correct"


def test_forged_answers_do_not_count(graded):
    frame = graded["result"].frame
    assert _row(frame, "forge_channel", "q3")["status"] == "not_attempted"  # no function was written
    huge = _row(frame, "huge_answer", "q1")
    assert huge["status"] == "no_answers" and "超过" in huge["feedback"]
    broken = _row(frame, "break_protocol", "q1")
    assert broken["status"] == "kernel_died" and "通信" in broken["feedback"]


@pytest.mark.parametrize("attack", ["copy_disabled", "private_patterns"])
def test_delegation_fails(graded, attack):
    row = _row(graded["result"].frame, attack, "q3")
    assert row["status"] == "incorrect" and "baogao" in row["feedback"]


def test_memory_is_limited_for_the_whole_sandbox(graded):
    frame = graded["result"].frame
    if limits.best() == "rlimit":
        pytest.skip("no control group on this machine: only per-process limits (stated in the report)")
    # Three children of 500 MB each cannot all live under a 1024 MB limit.
    notes = frame[(frame["student"] == "memory_children") & (frame["exercise"] == "notebook")]
    assert _row(frame, "memory_children", "q1")["status"] == "incorrect", notes.to_dict("records")
    assert "内存" in " ".join(notes["feedback"])


def test_isolation_is_reported(graded):
    assert "沙箱：bubblewrap" in graded["result"].isolation


def test_no_sandbox_refuses_without_bubblewrap(monkeypatch, tmp_path):
    from baogao.errors import UsageError
    from baogao.teach import grade as grade_module
    from baogao.teach.sandbox import SandboxInfo

    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "a.ipynb").write_text(json.dumps(notebook("q1_answer = 1")), encoding="utf-8")
    monkeypatch.setattr(grade_module, "detect_sandbox", lambda: SandboxInfo(False, "", "没有找到 bubblewrap。"))
    with pytest.raises(UsageError, match="--no-sandbox"):
        grade(folder, tmp_path / "g.csv", assignment="01_structure", progress=False)


def test_second_grader_on_the_same_output_refuses(tmp_path):
    from baogao.errors import UsageError
    from baogao.teach.journal import Journal

    out = tmp_path / "g.csv"
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "a.ipynb").write_text(json.dumps(notebook("q1_answer = 1")), encoding="utf-8")
    with Journal(journal_path(out)).lock(), pytest.raises(UsageError, match="另一个批改进程"):
        grade(folder, out, assignment="01_structure", progress=False)


def test_forged_journal_records_are_graded_again(tmp_path):
    from baogao.teach.journal import Journal

    journal = Journal(tmp_path / "j.jsonl")
    journal.append({"notebook": "a.ipynb", "sha256": "1", "fingerprint": "f", "rows": [], "seconds": 0})
    with journal.path.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"notebook": "b.ipynb", "sha256": "1", "fingerprint": "f", "rows": [],
                             "seconds": 0, "mac": "0" * 64}) + "\n")
    assert list(Journal(journal.path).records()) == ["a.ipynb"]
    fresh = Journal(journal.path)
    fresh.records()
    assert fresh.rejected == 1


def test_sandbox_hides_the_kit_from_the_function_runner(tmp_path):
    from baogao.teach.sandbox import Sandbox

    box = Sandbox(tmp_path, hide_kit=True)
    box.prepare()
    done = subprocess.run(box.wrap([sys.executable, "-I", "-c", "import baogao"]), capture_output=True,
                          text=True, check=False)
    assert done.returncode != 0 and "No module named 'baogao'" in done.stderr


def _class(folder: Path, notebooks: dict[str, dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, nb in notebooks.items():
        (folder / f"{name}.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    return folder


@pytest.mark.parametrize("workers", [1, 2])
def test_a_notebook_that_kills_its_worker_costs_only_its_own_row(tmp_path, workers):
    # Unsandboxed, a kernel is its worker's child and can kill it: the batch still finishes.
    folder = _class(tmp_path / "s", {
        "killer": notebook("import os, signal\nos.kill(os.getppid(), signal.SIGKILL)"),
        "good1": notebook(f"q1_answer = {EXPECTED}"), "good2": notebook(f"q1_answer = {EXPECTED}")})
    result = grade(folder, tmp_path / "g.csv", assignment="01_structure", exercises_dir=None, workers=workers,
                   progress=False, sandbox=False, timeout=60)
    frame = result.frame
    assert _row(frame, "good1", "q1")["status"] == "correct"
    assert _row(frame, "good2", "q1")["status"] == "correct"
    assert _row(frame, "killer", "notebook")["status"] in ("grader_error", "kernel_died")


def test_an_unsandboxed_kernel_is_told_it_is_being_graded_too(tmp_path):
    told = notebook("import os\nfrom baogao.course import lesson01_structure as ex\nshown = repr(ex.q1.check(-1))\n"
                    + oracle("os.environ.get('BAOGAO_GRADING') == '1' and '批改时' in shown"))
    result = grade(_class(tmp_path / "s", {"told": told}), tmp_path / "g.csv", assignment="01_structure",
                   exercises_dir=None, workers=1, progress=False, sandbox=False, timeout=60)
    assert _row(result.frame, "told", "q1")["status"] == "correct"
    assert "BAOGAO_GRADING" not in os.environ  # the grader's own process is not in grading mode


def test_ctrl_c_stops_quickly_and_keeps_what_finished(tmp_path, request):
    folder = _class(tmp_path / "s", {
        "a_fast": notebook(f"q1_answer = {EXPECTED}"),
        **{f"b_slow{i}": notebook(f"import pathlib, time\npathlib.Path('started').touch()\ntime.sleep(120)\n"
                                  f"q1_answer = {EXPECTED}") for i in range(2)}})
    out = tmp_path / "g.csv"
    command = [sys.executable, "-m", "baogao", "teach", "grade", str(folder), "--out", str(out),
               "--assignment", "01_structure", "--exercises", str(tmp_path / "none"), "--workers", "1",
               "--no-progress", "--timeout", "300"]
    # The run's work folders go here, so that its processes can be told apart;
    # short, so that they stay in it (a deep TMPDIR moves them to /tmp: see the next test).
    scratch = Path(tempfile.mkdtemp(prefix="baogao-ctrl-c-", dir="/tmp"))
    request.addfinalizer(lambda: shutil.rmtree(scratch, ignore_errors=True))
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "TMPDIR": str(scratch)})
    journal = journal_path(out)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (journal.exists() and journal.read_text(encoding="utf-8").strip()):
        time.sleep(0.5)
    assert journal.exists(), "the fast notebook was never graded"
    # The first slow notebook is running once it has marked its work folder.
    while not (marked := list(scratch.glob("baogao-grade-*/**/started"))) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert marked, "the slow notebook never started"
    import signal

    started = time.monotonic()
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert time.monotonic() - started < 15, "Ctrl-C took too long"
    from baogao.teach.journal import Journal

    assert proc.returncode == 130 and "已中断" in err and "Traceback" not in err, (
        proc.returncode, err, list(Journal(journal).records()), out.read_text(encoding="utf-8") if out.exists() else None)

    assert list(Journal(journal).records()) == ["a_fast.ipynb"]
    # Every kernel and sandbox of the run names its work folder, under scratch.
    gone = time.monotonic() + 5
    while processes_matching(str(scratch)) and time.monotonic() < gone:
        time.sleep(0.1)
    assert not processes_matching(str(scratch))
    # The killed worker could not remove its notebook's work folder: the grader did.
    assert not list(scratch.glob("baogao-grade-*")), "the interrupted run left its work folders behind"


def test_a_deep_temporary_folder_leaves_room_for_the_kernels_sockets(tmp_path, monkeypatch):
    # The kernel's sockets are <work folder>/kernel/kernel-<n>; a socket path has at most
    # 103 bytes on macOS, 107 on Linux. Under a deep TMPDIR every kernel failed to start.
    deep = tmp_path / ("d" * 50) / ("e" * 50)
    deep.mkdir(parents=True)
    monkeypatch.setenv("TMPDIR", str(deep))
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    folder = work_folder()
    try:
        assert folder.parent == Path("/tmp")
        assert len(os.fsencode(folder / "kernel" / "kernel-99999")) <= SOCKET_PATH_MAX
    finally:
        folder.rmdir()
    short = Path(tempfile.mkdtemp(prefix="t", dir="/tmp"))
    try:
        monkeypatch.setenv("TMPDIR", str(short))
        monkeypatch.setattr(tempfile, "tempdir", None)
        folder = work_folder()
        assert folder.parent == short  # TMPDIR is used whenever it leaves room
        folder.rmdir()
        # End to end, in the sandbox (ipc sockets) under the deep TMPDIR: graded, not failed.
        monkeypatch.setenv("TMPDIR", str(deep))
        monkeypatch.setattr(tempfile, "tempdir", None)
        folder = _class(tmp_path / "s", {"ok": notebook(f"q1_answer = {EXPECTED}")})
        result = grade(folder, tmp_path / "g.csv", assignment="01_structure", exercises_dir=None, workers=1,
                       progress=False, timeout=60)
        assert _row(result.frame, "ok", "q1")["status"] == "correct", result.frame.to_dict("records")
    finally:
        shutil.rmtree(short, ignore_errors=True)
