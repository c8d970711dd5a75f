"""A worker's spare kernel: launched ahead, taken by the next notebook, never shared, never left behind."""

import concurrent.futures as cf
import importlib
import multiprocessing
import os
import shutil
import time
from pathlib import Path

import pytest

from baogao.teach import launch
from baogao.teach.sandbox import detect

grade_module = importlib.import_module("baogao.teach.grade")  # the module, not baogao.teach.grade()

pytestmark = pytest.mark.slow


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is dead
        return Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0] != "Z"
    except (OSError, IndexError):
        return True


def _notebook(tmp_path: Path, name: str, *code: str) -> Path:
    import json

    cells = [{"cell_type": "code", "id": f"c{i}", "metadata": {}, "execution_count": None, "outputs": [],
              "source": source} for i, source in enumerate(code)]
    path = tmp_path / f"{name}.ipynb"
    path.write_text(json.dumps({"cells": cells, "metadata": {"baogao": {"assignment": "01_structure"}},
                                "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")
    return path


@pytest.fixture
def no_spare():
    launch.discard_spare()
    yield
    launch.discard_spare()


@pytest.mark.parametrize("sandbox", [False, True])
def test_the_next_notebook_is_graded_on_the_spare(tmp_path, no_spare, sandbox, monkeypatch):
    if sandbox and not detect().available:
        pytest.skip("bubblewrap is not available here")
    options = {"assignment": "01_structure", "sandbox": sandbox, "relpath": "a.ipynb", "timeout": 60,
               "work_prefix": "baogao-grade-5a5a5a5a-"}
    first = _notebook(tmp_path, "a", "q1_answer = '七'")
    rows = grade_module.grade_notebook(first, "a", {**options, "prestart": True})
    assert not [r for r in rows if r["exercise"] == "notebook"], rows
    spare = dict(launch._spare)
    assert spare and spare["kernel"].km.has_kernel
    root = spare["root"]
    assert root.name.startswith("baogao-grade-5a5a5a5a-")  # the run's own: removed with its folders

    seen = {}
    original = grade_module.FunctionRun

    def spy(sources, specs, workdir, **kw):
        seen["workdir"] = Path(workdir)
        return original(sources, specs, workdir, **kw)

    monkeypatch.setattr(grade_module, "FunctionRun", spy)
    rows = grade_module.grade_notebook(_notebook(tmp_path, "b", "q1_answer = 7"), "b",
                                       {**options, "relpath": "b.ipynb", "prestart": False})
    assert seen["workdir"] == root / "functions"  # graded in the spare's folder
    assert next(r for r in rows if r["exercise"] == "q1")["status"] == "correct"
    assert not launch._spare  # taken; none launched after the last notebook
    assert not root.exists()  # and its folder removed, as every notebook's


@pytest.mark.parametrize("sandbox", [False, True])
def test_a_spare_holds_nothing_of_the_notebook_graded_before(tmp_path, no_spare, sandbox, request):
    """The same, read from the answers the runner collects (not from the verdict)."""
    if sandbox and not detect().available:
        pytest.skip("bubblewrap is not available here")
    from baogao.teach.runner import run_for_grading

    specs = [{"problem": "q1", "kind": "value", "variable": "q1_answer"}]
    key = ("baogao-grade-5b5b5b5b-", sandbox, 2048, launch.limits.DEFAULT_TASKS)
    # (Unsandboxed the home folder is the teacher's own: nothing is written there.)
    home = "pathlib.Path(os.path.expanduser('~'), 'left.txt').write_text('x')\n" if sandbox else ""
    first = run_for_grading(["import os, pathlib\nLEFT = 1\npathlib.Path('left.txt').write_text('x')\n"
                             + home + "q1_answer = os.getpid()"], specs, tmp_path / "first" / "kernel",
                            sandbox=sandbox, memory_mb=2048, timeout=60,
                            on_ready=lambda: launch.prepare_spare(key))
    assert first.fatal is None and first.problems == []
    root, kernel = launch.take_spare(key)
    request.addfinalizer(lambda: shutil.rmtree(root, ignore_errors=True))  # grade_notebook's job, here ours
    second = run_for_grading(["import os, pathlib\n"
                              "q1_answer = {'globals': 'LEFT' in globals(), 'cwd': pathlib.Path('left.txt').exists(),\n"
                              "             'home': pathlib.Path(os.path.expanduser('~'), 'left.txt').exists(),\n"
                              "             'grading': os.environ.get('BAOGAO_GRADING'), 'pid': os.getpid()}"],
                             specs, root / "kernel", sandbox=sandbox, memory_mb=2048, timeout=60, kernel=kernel)
    assert second.fatal is None and second.problems == [], second
    answer = second.answers["q1"]
    assert answer["globals"] is False and answer["cwd"] is False
    assert answer["home"] is False or not sandbox
    assert answer["grading"] == "1"  # launched ahead, told it is being graded all the same
    if not sandbox:
        assert answer["pid"] != first.answers["q1"]


def test_a_spare_of_other_limits_is_not_taken_and_is_closed(no_spare):
    key = ("baogao-grade-5c5c5c5c-", False, 2048, launch.limits.DEFAULT_TASKS)
    launch.prepare_spare(key)
    root, pid = launch._spare["root"], launch._spare["kernel"].km.provisioner.pid
    assert launch.take_spare(("baogao-grade-5c5c5c5c-", False, 1024, launch.limits.DEFAULT_TASKS)) is None
    assert not launch._spare and not root.exists()
    for _ in range(100):
        if not _alive(pid):
            break
        time.sleep(0.05)
    assert not _alive(pid)


def _prepare_and_report(key):
    launch.prepare_spare(key)
    return launch._spare["kernel"].km.provisioner.pid, str(launch._spare["root"])


def test_a_worker_that_exits_closes_its_spare():
    # Pool workers end through os._exit, without atexit: the spare must still go.
    key = ("baogao-grade-5d5d5d5d-", False, 2048, launch.limits.DEFAULT_TASKS)
    with cf.ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        pid, root = pool.submit(_prepare_and_report, key).result(timeout=120)
        assert _alive(pid)
    for _ in range(100):
        if not _alive(pid):
            break
        time.sleep(0.05)
    assert not _alive(pid), "the spare kernel outlived its worker"
    assert not Path(root).exists()
