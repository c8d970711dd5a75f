"""A kernel client and manager that do not sleep while a kernel starts or stops.

jupyter_client's ``wait_for_ready`` ends by reading IOPub until it has been
silent for 0.2 s, and its kill waits for the process in 0.1 s sleeps: about
0.3 s per notebook in which nothing runs, a sixth of a graded notebook's
time. ``QuickClient`` is ready as soon as the kernel has answered a
``kernel_info_request`` on the shell channel *and* published that request's
``idle`` status on IOPub: both channels proven connected, which is what the
silence was waiting to be sure of. Messages of that request still queued are
of no concern to nbclient, which reads only replies to its own requests.
``QuickKernelManager`` uses that client and polls a killed kernel every
10 ms; the grader's kernels and the test suite's notebook runs use it.
"""

from __future__ import annotations

import asyncio
import time
from queue import Empty

from jupyter_client.asynchronous import AsyncKernelClient
from jupyter_client.manager import AsyncKernelManager
from traitlets import Type

SHELL_WAIT = 1.0  # seconds for a kernel_info_reply before asking again
IOPUB_WAIT = 0.2  # seconds for the request's own idle status (IOPub not yet subscribed: ask again)
KILL_POLL = 0.01  # seconds between checks that a killed kernel is gone


class QuickClient(AsyncKernelClient):
    """``AsyncKernelClient`` whose ``wait_for_ready`` returns once both channels answer."""

    async def _async_wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            msg_id = self.kernel_info()
            reply = await self._reply_to(msg_id)
            if reply is not None and await self._idle_after(msg_id):
                self._handle_kernel_info_reply(reply)
                return
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if deadline is not None and time.monotonic() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout:g} seconds")

    wait_for_ready = _async_wait_for_ready

    async def _reply_to(self, msg_id: str):
        """The kernel_info_reply to ``msg_id``, or None after ``SHELL_WAIT`` without it."""
        return await _first(self.shell_channel, SHELL_WAIT, lambda m: (
            m["msg_type"] == "kernel_info_reply" and m["parent_header"].get("msg_id") == msg_id))

    async def _idle_after(self, msg_id: str) -> bool:
        """Whether IOPub carries the ``idle`` status of request ``msg_id`` within ``IOPUB_WAIT``."""
        return await _first(self.iopub_channel, IOPUB_WAIT, lambda m: (
            m["msg_type"] == "status" and m["parent_header"].get("msg_id") == msg_id
            and m["content"].get("execution_state") == "idle")) is not None


async def _first(channel, wait: float, wanted):
    """The first message on ``channel`` within ``wait`` seconds for which ``wanted(msg)``, or None."""
    end = time.monotonic() + wait
    while (left := end - time.monotonic()) > 0:
        try:
            msg = await channel.get_msg(timeout=left)
        except Empty:
            return None
        if wanted(msg):
            return msg
    return None


class QuickKernelManager(AsyncKernelManager):
    """``AsyncKernelManager`` with ``QuickClient``, waiting for a killed kernel in short polls."""

    client_factory = Type(QuickClient, klass=QuickClient)

    async def _async_wait(self, pollinterval: float = KILL_POLL) -> None:
        while await self._async_is_alive():
            await asyncio.sleep(min(pollinterval, KILL_POLL))
