"""Run one submitted notebook for grading, then collect its answers.

A fresh kernel (nbclient; ipykernel without its debugger, ``KERNEL_BOOT``,
started by ``launch``, maybe while the worker's last notebook ran) of the
grader's own Python environment, inside the sandbox (``sandbox``:
bubblewrap; ZMQ over ``ipc`` sockets in the work folder, since the sandbox has
no network; interrupts by message, since a signal to the sandbox's first
process does not reach the kernel), with memory and process limits for the
whole sandbox (``limits``) and a time budget for the whole notebook. Without
a sandbox (``--no-sandbox``, trusted notebooks only) the kernel runs as the
grader's child with per-process limits.

Outputs are counted, never stored: the verdict does not come from what the
notebook prints. A cell that runs past the budget or prints too much is
interrupted and the run goes on; a kernel that ignores the interrupt is
killed. After the student's cells, one injected cell loads
``baogao/exercises/collect.py`` from its file under a private module name and
writes the value answers as JSON into the work folder; the grader reads at
most ``MAX_ANSWER_BYTES`` of it. Function answers are not taken from this
kernel at all (``functions``). The kernel's environment says
``BAOGAO_GRADING=1``: the notebook's own ``ex.q1.check()`` calls, whose output
is never read, compute nothing there (``problems.grading``).
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import re
import secrets
import signal
import time
from dataclasses import dataclass, field
from pathlib import Path

import baogao.teach.quick_schema  # noqa: F401  (before nbformat: see the module)
import nbformat
from nbformat.corpus.words import generate_corpus_id as random_cell_id
from jupyter_client.utils import ensure_async
from nbclient import NotebookClient
from nbclient.exceptions import CellTimeoutError, DeadKernelError

from baogao.exercises import collect as _collect_module
from baogao.teach import limits
from baogao.teach.bounded import TooLarge, read_text
from baogao.teach.launch import _LOG, Kernel, launch

COLLECTOR_FILE = Path(_collect_module.__file__).resolve()
PROBE_TIMEOUT = 5  # seconds for a kernel to answer after an interrupt
TIMEOUT_ENAME = "BaogaoCellTimeout"
MAX_ANSWER_BYTES = 2_000_000  # answers.json beyond this is not parsed

class GradingClient(NotebookClient):
    """nbclient that keeps no outputs, counts them, and records errors and timeouts."""

    def __init__(self, nb, *, kernel: Kernel, max_output_bytes: int, **kw):
        super().__init__(nb, **kw)
        self.kernel = kernel  # launched already (``launch``): nbclient connects to it
        self.sandbox = kernel.km.sandbox
        self.max_output_bytes = max_output_bytes
        self.output_bytes: dict[int, int] = {}
        self.flooded: set[int] = set()
        self.replies: dict[int, dict] = {}
        self.on_cell_executed = self._record_reply

    def create_kernel_manager(self):
        self.km = self.kernel.km
        return self.km

    def _record_reply(self, cell, cell_index, execute_reply):
        if execute_reply is not None:
            self.replies[cell_index] = execute_reply.get("content", {})

    def output(self, outs, msg, display_id, cell_index):
        size = _size(msg.get("content", {}))
        total = self.output_bytes.get(cell_index, 0) + size
        self.output_bytes[cell_index] = total
        if total > self.max_output_bytes and cell_index not in self.flooded:
            self.flooded.add(cell_index)
            self._interrupt_now()
        return None  # nothing stored: memory stays flat whatever the notebook prints

    def _interrupt_now(self) -> None:
        # Synchronously where we can: a task scheduled on nbclient's loop might
        # only run during the next cell and interrupt that one instead. (An
        # idle ipykernel ignores SIGINT, so a late signal does no harm.)
        pid = getattr(getattr(self.km, "provisioner", None), "pid", None)
        if os.name == "posix" and pid and self.sandbox is None:
            try:
                os.kill(pid, signal.SIGINT)
                return
            except OSError:
                pass
        asyncio.get_running_loop().create_task(ensure_async(self.km.interrupt_kernel()))


def _size(content: dict) -> int:
    if "text" in content:
        return len(content["text"])
    data = content.get("data") or {}
    size = sum(len(v) if isinstance(v, str) else len(json.dumps(v)) for v in data.values())
    return size + len(content.get("evalue", "")) + sum(len(t) for t in content.get("traceback", []))


@dataclass
class RunResult:
    answers: dict | None = None
    #: Non-fatal problems: (kind, sentence).
    problems: list[tuple[str, str]] = field(default_factory=list)
    #: A problem that leaves nothing to grade: (kind, sentence).
    fatal: tuple[str, str] | None = None
    seconds: float = 0.0


def collector_source(specs: list[dict], out_path: Path) -> str:
    """The injected last cell: load the collector from its file, write the answers."""
    private = f"_baogao_collect_{secrets.token_hex(8)}"
    return (
        "def _baogao_grader_collect():\n"
        "    import importlib.util, json\n"
        f"    spec = importlib.util.spec_from_file_location({private!r}, {str(COLLECTOR_FILE)!r})\n"
        "    module = importlib.util.module_from_spec(spec)\n"
        "    spec.loader.exec_module(module)\n"
        f"    module.collect_to_file(globals(), json.loads({json.dumps(specs, ensure_ascii=False)!r}),\n"
        f"                           {str(out_path)!r})\n"
        "_baogao_grader_collect()\n"
    )


def _code_cell(source: str):
    """``nbformat.v4.new_code_cell(source)`` without its schema validation: a plain
    string source is valid by construction, and validating compiled the schema in
    every worker (0.2 s) and cost 30 ms per notebook."""
    return nbformat.NotebookNode(id=random_cell_id(), cell_type="code", metadata=nbformat.NotebookNode(),
                                 execution_count=None, source=source, outputs=[])


def _notebook(cells: list):
    """``nbformat.v4.new_notebook(cells=cells)`` without its validation (see ``_code_cell``)."""
    return nbformat.NotebookNode(nbformat=nbformat.v4.nbformat, nbformat_minor=nbformat.v4.nbformat_minor,
                                 metadata=nbformat.NotebookNode(), cells=list(cells))


def _describe(n: int, source: str) -> str:
    first = next((line.strip() for line in source.splitlines() if line.strip()), "")
    if len(first) > 30:
        first = first[:29] + "…"
    return f"第 {n} 个代码单元" + (f"（{first}）" if first else "")


def run_for_grading(code_sources: list[str], specs: list[dict], workdir: Path, *,
                    timeout: float = 120, memory_mb: int = 4096,
                    max_output_bytes: int = 5_000_000, collect_timeout: float | None = None,
                    sandbox: bool = True, tasks: int = limits.DEFAULT_TASKS,
                    kernel: Kernel | None = None, on_ready=None) -> RunResult:
    """Run the student's code cells in order in a fresh kernel, then collect the value answers.

    ``kernel``: one launched ahead on ``workdir`` with these limits (a worker's
    spare), else one is launched now. ``on_ready()`` is called once the kernel
    answers, before the first cell (the worker then launches its next spare)."""
    started = time.monotonic()
    result = RunResult()
    try:
        if kernel is None:
            kernel = launch(workdir, memory_mb=memory_mb, sandbox=sandbox, tasks=tasks)
    except (RuntimeError, TimeoutError, OSError) as exc:  # the kernel never started
        result.fatal = ("kernel_died", f"内核无法启动（{type(exc).__name__}）。")
        result.seconds = time.monotonic() - started
        return result
    try:
        _run(code_sources, [s for s in specs if s.get("kind") != "function"], kernel, result,
             timeout=timeout, memory_mb=memory_mb, max_output_bytes=max_output_bytes,
             collect_timeout=collect_timeout, started=started, on_ready=on_ready)
        _explain_death(result, kernel.group, memory_mb)  # before the group is closed
    finally:
        kernel.close()
    result.seconds = time.monotonic() - started
    return result


def _run(code_sources, specs, kernel, result, *, timeout, memory_mb, max_output_bytes,
         collect_timeout, started, on_ready) -> None:
    workdir = kernel.workdir
    answers_path = workdir / "answers.json"
    cells = [_code_cell(src) for src in code_sources]
    collector = _code_cell(collector_source(specs, answers_path))
    collector.metadata["baogao_role"] = "collector"
    if collect_timeout is None:
        collect_timeout = 30 + sum(len(s.get("cases", ())) * s.get("timeout", 2.0) for s in specs)
    nb = _notebook(cells + [collector])
    # The budget starts once the kernel is up (set in _run_cells).
    deadline = [started + timeout]

    def cell_timeout(cell):
        role = cell.metadata.get("baogao_role")
        if role == "probe":
            return PROBE_TIMEOUT
        if role == "collector":
            return int(math.ceil(collect_timeout))
        return max(1, int(math.ceil(deadline[0] - time.monotonic())))

    client = GradingClient(
        nb, kernel=kernel, max_output_bytes=max_output_bytes, kernel_name="python3",
        timeout_func=cell_timeout, interrupt_on_timeout=True,
        error_on_timeout={"ename": TIMEOUT_ENAME, "evalue": "", "traceback": []},
        allow_errors=True, record_timing=False, shutdown_kernel="immediate",
        startup_timeout=60, iopub_timeout=2, resources={"metadata": {"path": str(workdir)}},
        log=_LOG)
    try:
        with client.setup_kernel():
            if on_ready is not None:
                on_ready()
            deadline[0] = time.monotonic() + timeout
            _run_cells(client, nb, cells, code_sources, timeout, deadline[0], result)
            if result.fatal is None:
                _collect(client, nb, answers_path, result)
    except DeadKernelError:
        result.fatal = result.fatal or ("kernel_died", "内核意外退出，无法评分。")
    except (RuntimeError, TimeoutError) as exc:  # the kernel never answered
        result.fatal = result.fatal or ("kernel_died", f"内核无法启动（{type(exc).__name__}）。")


def _explain_death(result: RunResult, group, memory_mb: int) -> None:
    """A kernel killed by its group's limits: say which limit."""
    died = result.fatal is not None and result.fatal[0] == "kernel_died"
    if group.out_of_memory():
        if died:
            result.fatal = ("memory", f"笔记本（连同它启动的进程）用的内存超过了上限 {memory_mb} MB，"
                                      "内核被终止，无法评分。")
        else:
            result.problems.append(("memory", f"笔记本启动的进程用的内存超过了上限 {memory_mb} MB，被终止。"))
    elif group.too_many_tasks():
        if died:
            result.fatal = ("too_many_processes", "笔记本启动的进程或线程超过了上限，内核被终止，无法评分。")
        else:
            result.problems.append(("too_many_processes", "笔记本想启动的进程或线程超过了上限，没有启动。"))


def _run_cells(client, nb, cells, sources, timeout, deadline, result) -> None:
    errors: list[str] = []
    for index, cell in enumerate(cells):
        if not _run_cell(client, nb, cells, sources, index, timeout, deadline, result, errors):
            break
    if errors:
        more = f"等 {len(errors)} 个代码单元出错" if len(errors) > 3 else ""
        result.problems.append(("cell_error", "；".join(errors[:3]) + more + "。"))


def _run_cell(client, nb, cells, sources, index, timeout, deadline, result, errors) -> bool:
    """Run one cell and record what went wrong; False when the run must stop."""
    where = _describe(index + 1, sources[index])
    if time.monotonic() >= deadline:
        result.problems.append(("timeout", f"整本限时 {timeout:g} 秒已用完：从{where}起的 "
                                           f"{len(cells) - index} 个代码单元未运行。"))
        return False
    try:
        client.execute_cell(cells[index], index)
    except DeadKernelError:
        result.fatal = ("kernel_died", f"运行{where}时内核退出（崩溃、内存耗尽或调用了 exit），无法评分。")
        return False
    except CellTimeoutError:
        client.replies[index] = {"status": "error", "ename": TIMEOUT_ENAME}
    except Exception as exc:  # noqa: BLE001 - a kernel that sends garbage (its json patched)
        result.fatal = ("kernel_died", f"运行{where}后无法与内核通信（{type(exc).__name__}：内核发来的消息无法解读，"
                                       "多半是笔记本改动了内核自己用的函数），无法评分。")
        return False
    reply = client.replies.get(index, {})
    if index in client.flooded:
        limit = client.max_output_bytes / 1_000_000
        result.problems.append(("output_too_large", f"{where}输出过多（超过 {limit:g} MB），已中断。"))
    elif reply.get("ename") == TIMEOUT_ENAME:
        rest = len(cells) - index - 1
        tail = f"；其后的 {rest} 个代码单元未运行" if rest else ""
        result.problems.append(("timeout", f"{where}运行超时（整本限时 {timeout:g} 秒），已中断{tail}。"))
        if not _responsive(client, nb):
            result.fatal = ("timeout", f"{where}陷入死循环，中断无效，内核已终止，无法评分。")
        return False
    elif reply.get("status") == "error":
        errors.append(f"{where}出错：{reply.get('ename', '')}: {_clean_evalue(reply.get('evalue', ''))}")
    return True


def _clean_evalue(evalue) -> str:
    # "(ipykernel_12/345.py, line 1)" changes with every run: keep the line only.
    text = re.sub(r"\s*\([^()]*\.py, line (\d+)\)", r"（第 \1 行）", str(evalue))
    return text if len(text) <= 80 else text[:79] + "…"


def _responsive(client, nb) -> bool:
    """After an interrupt: does the kernel run a trivial cell again?"""
    probe = _code_cell("pass")
    probe.metadata["baogao_role"] = "probe"
    nb.cells.append(probe)
    index = len(nb.cells) - 1
    try:
        client.execute_cell(probe, index)
    except (DeadKernelError, CellTimeoutError):
        return False
    return client.replies.get(index, {}).get("ename") != TIMEOUT_ENAME


def _collect(client, nb, answers_path: Path, result: RunResult) -> None:
    index = next(i for i, c in enumerate(nb.cells) if c.metadata.get("baogao_role") == "collector")
    try:
        client.execute_cell(nb.cells[index], index)
    except DeadKernelError:
        result.fatal = ("kernel_died", "收集答案时内核退出，无法评分。")
        return
    except CellTimeoutError:
        pass
    except Exception as exc:  # noqa: BLE001 - see _run_cell
        result.fatal = ("kernel_died", f"收集答案时无法与内核通信（{type(exc).__name__}），无法评分。")
        return
    try:
        result.answers = json.loads(read_text(answers_path, MAX_ANSWER_BYTES))
    except TooLarge:
        result.fatal = ("no_answers", f"笔记本交出的答案超过 {MAX_ANSWER_BYTES // 1_000_000} MB，不予读取。")
    except (OSError, ValueError):
        reply = client.replies.get(index, {})
        why = reply.get("ename") or "没有结果"
        result.fatal = ("no_answers", f"无法从笔记本中取得答案（{why}）。")

