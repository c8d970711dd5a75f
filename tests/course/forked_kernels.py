"""Kernels forked from a process that has already imported the kit.

Every notebook run of ``test_notebook_runs_on_another_report`` used to start a
kernel that imported ipykernel, IPython, pandas, ipywidgets and baogao from
scratch, 66 times per suite. Here one server per test process imports them
once (``PRELOAD``) and forks a kernel for each run. The child is a new kernel
in every other respect: its own ipykernel application, shell, namespace,
sockets, working directory, environment and session. The server only imports
modules, so the kit's caches of what it computes (reports, the corpus, their
analyses) are empty in every kernel, and whatever a notebook computes it
computes itself (``test_forked_kernels.py`` checks both).

What it does not test is a cold import of the kit in a kernel: the browser
tests (every lesson, a real JupyterLab kernel), nbval and the grader's
sandboxed kernels still do that.

- ``ForkKernelManager`` is ``QuickKernelManager`` with ``ForkProvisioner``,
  which asks the fork server for the kernel instead of ``Popen``; a kernel
  spec that is not ``python -m ipykernel_launcher`` of this interpreter is
  launched as usual (``forkable``);
- the server (``python forked_kernels.py SOCKET``) exits when its parent
  closes its stdin, and kills its kernels then; each kernel asks Linux to
  kill it if the server dies first (``PR_SET_PDEATHSIG``).

Protocol, one Unix-socket connection per kernel: the client sends one JSON
line ``{"argv", "cwd", "env"}`` with its stdout and stderr descriptors
attached; the server answers ``{"pid": n}`` and, once the kernel has exited,
``{"status": s}`` (``os.waitpid``'s status), then closes the connection.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time

#: Modules the server imports before it forks: what every lesson kernel imports.
PRELOAD = ("ipykernel.kernelapp", "ipykernel.ipkernel", "IPython", "numpy", "pandas", "ipywidgets",
           "baogao", "baogao.course", "baogao.widgets", "baogao.lint")
LAUNCHER = ["-m", "ipykernel_launcher"]
START_TIMEOUT = 60.0  # seconds for the server to import PRELOAD and listen


# -- the client side (the test process) ---------------------------------------------------------

class ForkedKernel:
    """The ``subprocess.Popen`` surface jupyter_client's provisioner uses, for a forked kernel."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int, conn: socket.socket, buffered: bytes = b""):
        self.pid = pid
        self.returncode: int | None = None
        self._conn = conn
        self._buffer = buffered  # what the server sent after the pid line

    def _read_status(self, timeout: float | None) -> None:
        """Read the server's status line: ``timeout`` 0 does not wait, None waits as long as it takes."""
        self._conn.settimeout(timeout)
        try:
            while b"\n" not in self._buffer:
                chunk = self._conn.recv(4096)
                if not chunk:  # the server died: the kernel died with it (PR_SET_PDEATHSIG)
                    self._buffer += b'{"status": 9}\n'
                    break
                self._buffer += chunk
        except (BlockingIOError, TimeoutError):
            if timeout:
                raise subprocess.TimeoutExpired("forked kernel", timeout) from None
            return
        status = json.loads(self._buffer.split(b"\n", 1)[0])["status"]
        self.returncode = os.waitstatus_to_exitcode(status)
        self._conn.close()

    def poll(self) -> int | None:
        if self.returncode is None:
            self._read_status(0)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        if self.returncode is None:
            self._read_status(timeout)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.returncode is None:
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


class ForkServer:
    """This process's fork server, started on first use."""

    def __init__(self):
        self.directory = tempfile.mkdtemp(prefix="baogao-fork-")
        self.path = os.path.join(self.directory, "s")
        self.process = subprocess.Popen([sys.executable, __file__, self.path], stdin=subprocess.PIPE,
                                        start_new_session=True)
        deadline = time.monotonic() + START_TIMEOUT
        while not os.path.exists(self.path):
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"the kernel fork server did not start (exit code {self.process.poll()})")
            time.sleep(0.02)

    def spawn(self, argv: list[str], cwd: str, env: dict[str, str]) -> ForkedKernel:
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        conn.connect(self.path)
        request = json.dumps({"argv": argv, "cwd": cwd, "env": env}).encode() + b"\n"
        socket.send_fds(conn, [request], [sys.stdout.fileno(), sys.stderr.fileno()])
        reply = b""
        while b"\n" not in reply:
            chunk = conn.recv(4096)
            if not chunk:
                conn.close()
                raise RuntimeError("the kernel fork server closed the connection before forking")
            reply += chunk
        line, rest = reply.split(b"\n", 1)
        return ForkedKernel(json.loads(line)["pid"], conn, rest)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.stdin.close()  # the server kills its kernels and exits
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for remove, name in ((os.unlink, self.path), (os.rmdir, self.directory)):
            try:
                remove(name)
            except OSError:
                pass


_server: ForkServer | None = None


def fork_server() -> ForkServer:
    global _server
    if _server is None or _server.process.poll() is not None:
        _server = ForkServer()
    return _server


def stop_fork_server() -> None:
    global _server
    if _server is not None:
        _server.close()
        _server = None


def forkable(cmd: list[str]) -> bool:
    """Whether ``cmd`` starts an IPython kernel with this very interpreter (what the server can fork)."""
    return (len(cmd) > 3 and cmd[1:3] == LAUNCHER
            and os.path.abspath(cmd[0]) == os.path.abspath(sys.executable))


def _kernel_classes():
    from jupyter_client.provisioning import LocalProvisioner

    from baogao.teach.kernel_client import QuickKernelManager

    class ForkProvisioner(LocalProvisioner):
        """``LocalProvisioner`` whose kernel process is forked by the fork server."""

        async def launch_kernel(self, cmd: list[str], **kwargs):
            if not forkable(cmd):
                return await super().launch_kernel(cmd, **kwargs)
            cwd = str(kwargs.get("cwd") or os.getcwd())
            env = dict(kwargs.get("env") or os.environ)
            self.process = fork_server().spawn(cmd, cwd, env)
            self.pid = self.pgid = self.process.pid  # the kernel leads its own session (os.setsid)
            self.cwd = cwd
            return self.connection_info

    class ForkKernelManager(QuickKernelManager):
        """``QuickKernelManager`` whose kernels come from the fork server."""

        async def _async_pre_start_kernel(self, **kw):
            if self.provisioner is None:
                import uuid

                self.kernel_id = self.kernel_id or kw.pop("kernel_id", str(uuid.uuid4()))
                self.provisioner = ForkProvisioner(kernel_id=self.kernel_id, kernel_spec=self.kernel_spec,
                                                   parent=self)
            return await super()._async_pre_start_kernel(**kw)

    return ForkProvisioner, ForkKernelManager


def __getattr__(name: str):
    if name in ("ForkProvisioner", "ForkKernelManager"):  # jupyter_client is imported only when used
        provisioner, manager = _kernel_classes()
        globals().update(ForkProvisioner=provisioner, ForkKernelManager=manager)
        return globals()[name]
    raise AttributeError(name)


# -- the server ---------------------------------------------------------------------------------

def _die_with_parent() -> None:
    """Ask Linux to kill this process when its parent (the server) dies."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def _child(request: dict, fds: list[int], parent: int) -> None:
    """In the forked child: become the kernel of ``request``."""
    os.setsid()
    _die_with_parent()
    if os.getppid() != parent:  # the server died before prctl
        os._exit(1)
    for signum in (signal.SIGCHLD, signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, signal.SIG_DFL)
    signal.set_wakeup_fd(-1)
    null = os.open(os.devnull, os.O_RDONLY)
    os.dup2(null, 0)
    os.dup2(fds[0], 1)
    os.dup2(fds[1], 2)
    for fd in (null, *fds):
        os.close(fd)
    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    # ipykernel reads JPY_PARENT_PID when it is imported, which was in the server: say it again.
    sys.argv = ["ipykernel_launcher", *request["argv"][3:], f"--IPKernelApp.parent_handle={parent}"]
    code = 0
    try:
        from ipykernel import kernelapp

        kernelapp.launch_new_instance()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 0
    except BaseException:
        import traceback

        traceback.print_exc()
        code = 1
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


def serve(path: str) -> None:
    import importlib
    import selectors

    for name in PRELOAD:
        importlib.import_module(name)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path + ".tmp")
    listener.listen(64)
    os.rename(path + ".tmp", path)  # the client waits for the name: it exists only once we listen
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    kernels: dict[int, socket.socket] = {}
    sel = selectors.DefaultSelector()
    sel.register(listener, selectors.EVENT_READ, "accept")
    sel.register(wake_r, selectors.EVENT_READ, "child")
    sel.register(sys.stdin, selectors.EVENT_READ, "parent")
    try:
        while True:
            for key, _ in sel.select():
                if key.data == "parent":
                    if not os.read(sys.stdin.fileno(), 4096):
                        return
                elif key.data == "child":
                    os.read(wake_r, 4096)
                elif key.data == "accept":
                    conn, _ = listener.accept()
                    data, fds = b"", []
                    while not data.endswith(b"\n"):
                        chunk, got, _flags, _addr = socket.recv_fds(conn, 1 << 20, 2)
                        if not chunk:
                            break
                        data, fds = data + chunk, fds + list(got)
                    if not data.endswith(b"\n") or len(fds) != 2:
                        conn.close()
                        for fd in fds:
                            os.close(fd)
                        continue
                    request = json.loads(data)
                    parent = os.getpid()
                    pid = os.fork()
                    if pid == 0:
                        sel.close()
                        listener.close()
                        conn.close()
                        for other in kernels.values():
                            other.close()
                        os.close(wake_r)
                        os.close(wake_w)
                        _child(request, fds, parent)
                    for fd in fds:
                        os.close(fd)
                    conn.sendall(json.dumps({"pid": pid}).encode() + b"\n")
                    kernels[pid] = conn
            while kernels:  # reap every kernel that has exited
                try:
                    pid, status = os.waitpid(-1, os.WNOHANG)
                except ChildProcessError:
                    break
                if pid == 0:
                    break
                conn = kernels.pop(pid, None)
                if conn is not None:
                    try:
                        conn.sendall(json.dumps({"status": status}).encode() + b"\n")
                    except OSError:
                        pass
                    conn.close()
    finally:
        for pid in kernels:
            try:
                os.killpg(pid, signal.SIGKILL)
            except OSError:
                pass
        for pid in kernels:
            try:
                os.waitpid(pid, 0)
            except ChildProcessError:
                pass


if __name__ == "__main__":
    sys.path.pop(0)  # this file's folder: the kernels must not import test modules by accident
    serve(sys.argv[1])
