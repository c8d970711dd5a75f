"""The grader's kernels: launched in their sandbox, under limits, maybe ahead of time.

``launch(workdir, …)`` starts an ipykernel (``LimitedKernelManager``) in a
new sandbox on ``workdir`` and returns at once, while it boots: the
``Kernel`` that ``runner`` then connects to, runs the notebook on and
closes.

A worker grading several notebooks keeps one **spare**: once a notebook's
kernel is ready, the kernel for the worker's next notebook is launched in a
folder, sandbox and control group of its own, and boots while this one runs
(``prepare_spare``); the next notebook ``take_spare``s it. Nothing of a
student reaches a kernel before it is taken: a spare has run no code but
ipykernel's, with the same environment and limits as one launched on demand.
A spare nobody takes is closed when the worker exits, and its folder is among
the run's own (same prefix), which the grader removes at the end.
"""

from __future__ import annotations

import logging
import multiprocessing.util
import os
import shutil
import sys
from dataclasses import dataclass
from pathlib import Path

from jupyter_client.kernelspec import KernelSpec
from jupyter_core.utils import run_sync
from traitlets import Any, Integer

from baogao.exercises.problems import GRADING_ENV
from baogao.teach import limits
from baogao.teach.kernel_client import QuickKernelManager
from baogao.teach.sandbox import Sandbox, work_folder

_LOG = logging.getLogger("baogao.teach.nbclient")
_LOG.addHandler(logging.NullHandler())
_LOG.propagate = False

#: The kernel: ``python -m ipykernel_launcher`` without ipykernel's debugger,
#: which nobody attaches to a graded notebook and whose import (debugpy) was a
#: quarter of the kernel's start. ipykernel runs without it when debugpy cannot
#: be imported, as where it is not installed.
KERNEL_BOOT = (
    "import sys\n"
    "if sys.path[0] == '':\n"
    "    del sys.path[0]  # as ipykernel_launcher: the kernel puts it back\n"
    "sys.modules['debugpy'] = None\n"
    "from ipykernel import kernelapp\n"
    "kernelapp.launch_new_instance()\n"
)

class LimitedKernelManager(QuickKernelManager):
    """An ipykernel of the grader's own interpreter, in the sandbox, under limits
    (its start and its kill without sleeps: ``kernel_client``)."""

    memory_mb = Integer(0, help="memory limit in MiB (0: no limit)").tag(config=True)
    tasks = Integer(limits.DEFAULT_TASKS, help="processes and threads of the sandbox").tag(config=True)
    sandbox = Any(None, help="a sandbox.Sandbox, or None to run the kernel unsandboxed")
    group = Any(None, help="the limits.Group of the sandbox")
    workdir = Any(None, help="the notebook's private work folder: its sockets and connection file")

    def __init__(self, **kw):
        super().__init__(**kw)
        if self.sandbox is not None:
            # The sandbox's first process (bwrap) does not pass SIGINT on.
            self._kernel_spec = KernelSpec(argv=[], display_name="Python 3 (sandbox)", language="python",
                                           interrupt_mode="message")
            self.workdir = self.sandbox.workdir
        if self.workdir is not None and os.name == "posix":
            # Sockets in the private folder, also without a sandbox: no TCP port
            # that another user could reach, and none that two workers could
            # both pick between choosing it and the kernel binding it.
            self.transport = "ipc"
            self.ip = str(Path(self.workdir) / "kernel")
            self.connection_file = str(Path(self.workdir) / "kernel.json")

    def format_kernel_cmd(self, extra_arguments=None):
        cmd = [sys.executable, "-c", KERNEL_BOOT, "-f",
               os.path.realpath(self.connection_file), *(extra_arguments or [])]
        if self.sandbox is not None:
            cmd = self.sandbox.wrap(cmd)
        return (self.group or limits.Group("rlimit")).command(cmd, self.memory_mb, self.tasks)


@dataclass
class Kernel:
    """A launched kernel (maybe still booting) and what it runs in."""

    workdir: Path  # the kernel's folder: its sockets, its cwd, answers.json
    km: LimitedKernelManager
    group: object  # limits.Group
    log: object  # the kernel's stdout and stderr, kernel.log in workdir

    def close(self) -> None:
        """Kill the kernel if it runs, and everything left in its group."""
        try:
            if self.km.has_kernel:
                run_sync(self.km.shutdown_kernel)(now=True)
            run_sync(self.km.cleanup_resources)()
        except Exception:  # noqa: BLE001 - closing must not fail; the group kills what is left
            pass
        finally:
            self.log.close()
            self.group.close()


def launch(workdir: Path, *, memory_mb: int, sandbox: bool, tasks: int = limits.DEFAULT_TASKS) -> Kernel:
    """Start a kernel on ``workdir`` (told it is being graded) and return while it boots.

    Raises what jupyter_client raises when the kernel cannot be started."""
    workdir = Path(workdir)
    workdir.mkdir(parents=True, exist_ok=True)
    box = Sandbox(workdir) if sandbox else None
    if box is not None:
        box.prepare()
    group = limits.create(memory_mb, tasks)
    km = LimitedKernelManager(kernel_name="python3", memory_mb=memory_mb, tasks=tasks, sandbox=box,
                              group=group, workdir=workdir, log=_LOG)
    log = open(workdir / "kernel.log", "wb")
    kernel = Kernel(workdir, km, group, log)
    try:
        # Told it is being graded (``problems.grading``): the notebook's own checks do not run.
        # (In the sandbox the environment is the sandbox's own, which says so too.)
        run_sync(km.start_kernel)(stdout=log, stderr=log, env={**os.environ, GRADING_ENV: "1"},
                                  cwd=str(workdir))
    except BaseException:
        kernel.close()
        raise
    return kernel


# -- the worker's spare ---------------------------------------------------------------
_spare: dict = {}  # "key": how it was launched, "root": its work folder, "kernel": the Kernel
_finalizer: list = []  # the worker's one Finalize that closes a spare left at exit


def _pop_spare() -> dict | None:
    spare = dict(_spare) or None
    _spare.clear()
    return spare


def take_spare(key: tuple) -> tuple[Path, Kernel] | None:
    """The spare launched with ``key`` (work prefix, sandbox, memory, tasks): (work folder, kernel)."""
    spare = _pop_spare()
    if spare is None:
        return None
    if spare["key"] != key or not run_sync(spare["kernel"].km.is_alive)():
        _close(spare)
        return None
    return spare["root"], spare["kernel"]


def prepare_spare(key: tuple) -> None:
    """Launch the kernel for this worker's next notebook (replacing any spare)."""
    discard_spare()
    prefix, sandbox, memory_mb, tasks = key
    root = work_folder(prefix)
    try:
        kernel = launch(root / "kernel", memory_mb=memory_mb, sandbox=sandbox, tasks=tasks)
    except Exception:  # noqa: BLE001 - no spare: the next notebook launches its own, and reports
        shutil.rmtree(root, ignore_errors=True)
        return
    if not _finalizer:
        # Pool workers leave through os._exit: atexit does not run, this does.
        _finalizer.append(multiprocessing.util.Finalize(None, discard_spare, exitpriority=10))
    _spare.update(key=key, root=root, kernel=kernel)


def discard_spare() -> None:
    spare = _pop_spare()
    if spare is not None:
        _close(spare)


def _close(spare: dict) -> None:
    spare["kernel"].close()
    shutil.rmtree(spare["root"], ignore_errors=True)
