"""The grader's kernel client: ready once both channels answer, never waiting for silence."""

import asyncio
import json
import os
from pathlib import Path
from queue import Empty

import pytest

from baogao.teach import kernel_client
from baogao.teach.kernel_client import QuickClient
from baogao.teach.launch import LimitedKernelManager
from baogao.teach.runner import run_for_grading


class _Channel:
    """A channel that hands out queued messages, then ``make()``'s, then nothing."""

    def __init__(self, make=None):
        self.queue, self.make, self.read = [], make, 0

    async def get_msg(self, timeout=None):
        await asyncio.sleep(0)
        self.read += 1
        if self.queue:
            return self.queue.pop(0)
        if self.make is not None:
            return self.make()
        raise Empty


def _msg(msg_type, parent, **content):
    return {"msg_type": msg_type, "parent_header": {"msg_id": parent}, "content": content}


class _FakeKernel(QuickClient):
    """A client whose kernel is simulated: its channels are ``_Channel``s."""

    shell_channel = None
    iopub_channel = None

    def __init__(self, *, iopub_chatter=True, lose_first_iopub=False, alive=True):
        super().__init__()
        self.sent = []
        self.alive = alive
        self.lose_first_iopub = lose_first_iopub
        self.handled = None
        # A kernel whose IOPub is never silent (another request's output keeps
        # coming): jupyter_client's wait, which drains IOPub until 0.2 s of
        # silence, never returns on it.
        self.shell_channel = _Channel()
        self.iopub_channel = _Channel(
            (lambda: _msg("stream", "someone-else", name="stdout", text="…")) if iopub_chatter else None)

    def kernel_info(self):
        msg_id = f"info-{len(self.sent)}"
        self.sent.append(msg_id)
        if self.alive:
            self.shell_channel.queue.append(_msg("kernel_info_reply", msg_id, status="ok"))
            if not (self.lose_first_iopub and len(self.sent) == 1):  # IOPub not yet subscribed
                self.iopub_channel.queue += [_msg("status", msg_id, execution_state="busy"),
                                             _msg("status", msg_id, execution_state="idle")]
        return msg_id

    async def _async_is_alive(self):
        return self.alive

    def _handle_kernel_info_reply(self, msg):
        self.handled = msg


def _ready(client, timeout=5):
    return asyncio.run(asyncio.wait_for(client.wait_for_ready(timeout=timeout), 10))


def test_ready_once_the_requests_idle_status_arrives_however_busy_iopub_is():
    client = _FakeKernel()
    _ready(client)
    assert client.sent == ["info-0"]
    assert client.handled["parent_header"]["msg_id"] == "info-0"
    assert client.iopub_channel.read == 2  # busy, idle: nothing drained after


def test_jupyter_clients_own_wait_never_returns_on_that_kernel():
    # Why QuickClient exists: the stock wait drains IOPub until it is silent.
    from jupyter_client.client import KernelClient

    client = _FakeKernel()
    with pytest.raises(asyncio.TimeoutError):
        asyncio.run(asyncio.wait_for(KernelClient._async_wait_for_ready(client, timeout=5), 1))


def test_asks_again_when_iopub_missed_the_first_answer():
    client = _FakeKernel(iopub_chatter=False, lose_first_iopub=True)
    _ready(client)
    assert client.sent == ["info-0", "info-1"]
    assert client.handled["parent_header"]["msg_id"] == "info-1"


def test_a_dead_kernel_is_an_error_not_a_wait():
    client = _FakeKernel(iopub_chatter=False, alive=False)
    with pytest.raises(RuntimeError, match="died"):
        _ready(client)


def test_a_silent_kernel_times_out(monkeypatch):
    monkeypatch.setattr(kernel_client, "SHELL_WAIT", 0.05)

    class Silent(_FakeKernel):
        def kernel_info(self):
            self.sent.append("x")
            return "x"

    client = Silent(iopub_chatter=False)
    with pytest.raises(RuntimeError, match="respond"):
        _ready(client, timeout=0.2)
    assert len(client.sent) >= 2


def test_the_grader_uses_it_and_its_kernels_listen_on_private_sockets(tmp_path):
    km = LimitedKernelManager(kernel_name="python3", workdir=tmp_path)
    assert km.client_factory is QuickClient
    if os.name == "posix":  # no TCP port, with or without the sandbox
        assert km.transport == "ipc"
        assert Path(km.connection_file).parent == tmp_path
        assert Path(km.ip).parent == tmp_path


@pytest.mark.slow
def test_an_unsandboxed_run_works_over_ipc(tmp_path, monkeypatch):
    seen = {}
    original = LimitedKernelManager.format_kernel_cmd

    def spy(self, extra_arguments=None):
        seen.update(json.loads(Path(self.connection_file).read_text()))
        return original(self, extra_arguments)

    monkeypatch.setattr(LimitedKernelManager, "format_kernel_cmd", spy)
    specs = [{"problem": "q1", "kind": "value", "variable": "q1_answer"}]
    run = run_for_grading(["q1_answer = 6 * 7", "print('ok')"], specs, tmp_path / "kernel", sandbox=False,
                          timeout=60)
    assert run.fatal is None and run.problems == []
    assert run.answers["q1"] == 42
    if os.name == "posix":
        assert seen["transport"] == "ipc"
        assert seen["ip"].startswith(str(tmp_path))
