"""The README's lesson command, run as a reader runs it (also as root, as CI does):
JupyterLab comes up, serves notebooks/ and exercises/ from the checkout, and
`baogao` works in a JupyterLab terminal.

The command is the fenced block after ``<!-- lesson-command -->``. Its install
steps are the test command's without the test extra (CI has just run those);
the test runs the launch step, with a port and a token in the environment and
the browser turned off, then stops the server's whole process group.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent
START_TIMEOUT = 25.0  # seconds; JupyterLab is up in about 3 s on the CI machine


def fenced_block_after(marker: str) -> str:
    """The first fenced code block after the line ``<!-- marker -->`` (as .ci/run reads the test command)."""
    match = re.search(rf"^\s*<!--\s*{marker}\s*-->\s*\n\s*(```+|~~~+)[^\n]*\n(.*?)\n\s*\1\s*$", README,
                      re.MULTILINE | re.DOTALL)
    assert match, f"README.md has no fenced block after <!-- {marker} -->"
    return match.group(2).strip()


LESSON = fenced_block_after("lesson-command")
STEPS = [step.strip() for step in LESSON.split("&&")]


def test_the_lesson_command_installs_like_the_test_command_and_launches_with_the_config():
    test_steps = [step.strip() for step in fenced_block_after("test-command").split("&&")]
    assert len(STEPS) == 3 and "\n" not in LESSON
    assert STEPS[0] == test_steps[0]  # the same venv
    assert STEPS[1] == test_steps[1].replace(' -e ".[test]"', " -e .")  # the same pins, without the test extra
    assert STEPS[2] == ".venv/bin/jupyter lab --config=jupyter_server_config.py notebooks/00_start.ipynb"
    assert (ROOT / "jupyter_server_config.py").is_file() and (ROOT / "notebooks/00_start.ipynb").is_file()
    windows = [line for line in README.splitlines() if line.startswith("py -m venv") and "jupyter lab" in line]
    assert windows and windows[0].endswith(
        r".venv\Scripts\jupyter lab --config=jupyter_server_config.py notebooks\00_start.ipynb")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _launch_step() -> str:
    """The launch step; with the jupyter of the running tests when .venv is not the environment running them."""
    if (ROOT / ".venv").resolve() == Path(sys.prefix).resolve():
        return STEPS[2]
    return STEPS[2].replace(".venv/bin/", f"{BIN}/", 1)


def _get(url: str, timeout: float = 5.0):
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return json.loads(response.read() or b"null")


def _terminal_output(port: int, token: str, name: str, command: str, end: str) -> str:
    """Type ``command`` into terminal ``name`` and collect what it prints until ``end`` appears."""
    # tornado is jupyter_server's own web framework: present wherever JupyterLab is.
    from tornado.ioloop import IOLoop
    from tornado.websocket import websocket_connect

    async def talk() -> str:
        ws = await websocket_connect(f"ws://127.0.0.1:{port}/terminals/websocket/{name}?token={token}")
        await ws.write_message(json.dumps(["stdin", command + "\r"]))
        out, deadline = "", time.monotonic() + 15
        while end not in out and time.monotonic() < deadline:
            message = await ws.read_message()
            if message is None:
                break
            kind, *rest = json.loads(message)
            out += rest[0] if kind == "stdout" else ""
        ws.close()
        return out

    return IOLoop.current().run_sync(talk, timeout=20)


@pytest.mark.skipif(os.name == "nt", reason="the test runs the Linux/macOS command with bash")
@pytest.mark.skipif(not (BIN / "jupyter").exists(), reason="jupyter is not installed in this environment")
@pytest.mark.slow
def test_the_lesson_command_serves_the_checkout_and_puts_baogao_on_the_terminal_path(tmp_path):
    port, token = _free_port(), secrets.token_hex(16)
    env = {**os.environ, "JUPYTER_TOKEN": token, "JUPYTER_PORT": str(port), "PYTHONUNBUFFERED": "1"}
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTERLAB_WORKSPACES_DIR"):
        env[name] = str(tmp_path / name.lower())  # nothing of the developer's Jupyter in, nothing left behind
    log = tmp_path / "lab.log"
    with log.open("wb") as sink:
        command = _launch_step() + " --ServerApp.open_browser=False --ServerApp.port_retries=0"
        server = subprocess.Popen(["bash", "-c", command], cwd=ROOT, env=env, stdout=sink,
                                  stderr=subprocess.STDOUT, start_new_session=True)
    base, auth = f"http://127.0.0.1:{port}", f"token={token}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                _get(f"{base}/api/status?{auth}", timeout=2)
                break
            except (OSError, urllib.error.URLError):
                text = log.read_text(encoding="utf-8", errors="replace")
                assert server.poll() is None, f"JupyterLab exited with {server.returncode}:\n{text[-3000:]}"
                assert time.monotonic() < deadline, f"JupyterLab not up after {START_TIMEOUT} s:\n{text[-3000:]}"
                time.sleep(0.3)
        lesson = _get(f"{base}/api/contents/notebooks/00_start.ipynb?{auth}")
        assert lesson["type"] == "notebook" and lesson["content"]["cells"]
        exercise = _get(f"{base}/api/contents/exercises/00_start.ipynb?{auth}&content=0")
        assert exercise["type"] == "notebook" and exercise["path"] == "exercises/00_start.ipynb"

        request = urllib.request.Request(f"{base}/api/terminals?{auth}", data=b"{}", method="POST",
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            terminal = json.loads(response.read())["name"]
        out = _terminal_output(port, token, terminal, "command -v baogao; baogao --help; echo END-$((6*7))", "END-42")
        assert f"{BIN}/baogao" in out and "用法：baogao" in out, out
    finally:
        try:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)
        except ProcessLookupError:
            pass
