"""The forked kernels of the notebook runs (``forked_kernels.py``) are fresh kernels."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time

import nbformat
import pytest
from nbclient import NotebookClient

import forked_kernels

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the fork server is Linux's")

#: What a kernel reports about itself, from its first cell on.
PROBE = """\
import json, os, sys
preloaded = "baogao" in sys.modules
from baogao.sources import shipped
from baogao.concordance import keywords
state = {"pid": os.getpid(), "cwd": os.getcwd(), "preloaded": preloaded,
         "probe_env": os.environ.get("BAOGAO_FORK_PROBE"), "left_over": "left_over" in globals(),
         "cached_reports": shipped._corpus_report.cache_info().currsize + shipped.specimen.cache_info().currsize,
         "argv0": sys.argv[0]}
print(json.dumps(state))
"""
#: Then it fills the kit's caches and leaves a name behind, for the next kernel not to see.
DIRTY = "shipped.corpus(); shipped.specimen(); keywords.keyness(shipped.specimen(), top=3); left_over = 1"


def run(cells: list[str], cwd) -> list[dict]:
    """Run the cells in a forked kernel; the JSON each cell printed."""
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    NotebookClient(nb, kernel_name="python3", kernel_manager_class=forked_kernels.ForkKernelManager,
                   resources={"metadata": {"path": str(cwd)}}, timeout=120).execute()
    return [json.loads(o["text"]) for c in nb.cells for o in c.outputs if o.get("name") == "stdout"]


@pytest.fixture
def server():
    yield forked_kernels.fork_server()
    forked_kernels.stop_fork_server()


def test_each_forked_kernel_is_a_fresh_kernel(server, tmp_path, monkeypatch):
    monkeypatch.setenv("BAOGAO_FORK_PROBE", "first")
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    [first] = run([PROBE, DIRTY], tmp_path / "a")
    monkeypatch.setenv("BAOGAO_FORK_PROBE", "second")
    [second] = run([PROBE], tmp_path / "b")
    assert first["preloaded"] and second["preloaded"], "the kernels were not forked from the server"
    assert len({first["pid"], second["pid"], server.process.pid, os.getpid()}) == 4
    assert (first["cwd"], second["cwd"]) == (str(tmp_path / "a"), str(tmp_path / "b"))
    assert (first["probe_env"], second["probe_env"]) == ("first", "second")
    assert second["left_over"] is False, "a name of the first kernel is in the second"
    assert second["cached_reports"] == 0, "the second kernel starts with reports the first one loaded"
    assert first["cached_reports"] == 0, "the server itself loaded reports"


def test_only_this_interpreters_ipykernel_is_forked():
    assert forked_kernels.forkable([sys.executable, "-m", "ipykernel_launcher", "-f", "k.json"])
    assert not forked_kernels.forkable(["/usr/bin/python3-other", "-m", "ipykernel_launcher", "-f", "k.json"])
    assert not forked_kernels.forkable([sys.executable, "-m", "other_kernel", "-f", "k.json"])


def gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] == "Z"
    except FileNotFoundError:
        return True


def wait_gone(pid: int, seconds: float = 10.0) -> bool:
    end = time.monotonic() + seconds
    while not gone(pid):
        if time.monotonic() > end:
            return False
        time.sleep(0.05)
    return True


def test_a_killed_kernel_is_reaped_and_the_server_takes_its_kernels_with_it(server, tmp_path):
    async def start():
        km = forked_kernels.ForkKernelManager(kernel_name="python3")
        await km.start_kernel(cwd=str(tmp_path))
        return km

    killed, kept = asyncio.run(start()), asyncio.run(start())
    first, pid = killed.provisioner.pid, kept.provisioner.pid
    assert first != pid
    process = killed.provisioner.process
    assert process.poll() is None
    with pytest.raises(subprocess.TimeoutExpired):
        process.wait(0.2)
    asyncio.run(killed.shutdown_kernel(now=True))  # SIGKILL; the manager waits until poll() says it is gone
    assert process.wait(10) == -signal.SIGKILL
    assert gone(first), "the server did not reap a killed kernel"
    assert not gone(pid)
    forked_kernels.stop_fork_server()
    assert wait_gone(pid), "the kernel outlived its server"
    assert server.process.poll() is not None
