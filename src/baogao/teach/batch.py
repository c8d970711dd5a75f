"""A class graded in worker processes: ``run_batch(tasks, work, broken, journal, workers, progress)``.

Always in worker processes, even for one notebook: a notebook that kills its
parent (possible without the sandbox) then kills a worker, not the grader.
``work(task)`` runs in a worker and returns the task's journal record; each
record is appended to the journal as it arrives. A worker that dies (killed
from outside, or by an unsandboxed notebook) costs the notebooks it was
grading one retry each, alone, and then the record ``broken(task, why)``
makes, never the batch. Ctrl-C stops at once and keeps what finished (it is
in the journal); the workers' sandboxes die with them (``--die-with-parent``).
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import sys

from tqdm import tqdm

from baogao.teach.journal import Journal

#: What a notebook whose worker died twice gets as feedback.
WORKER_DIED = "批改这本笔记本的进程意外退出（被终止或崩溃），无法评分。"


def run_batch(tasks: list[dict], work, broken, journal: Journal, workers: int | None, progress: bool) -> None:
    """Run ``work`` on every task in ``workers`` processes (default: one per core)."""
    if not tasks:
        return
    workers = pool_size(workers, len(tasks))
    bar = tqdm(total=len(tasks), desc="批改", unit="本", file=sys.stderr, disable=not progress,
               dynamic_ncols=True)
    try:
        _run_pool(tasks, work, broken, journal, workers, bar)
    finally:
        bar.close()


def pool_size(workers: int | None, tasks: int) -> int:
    """How many worker processes grade ``tasks`` notebooks (``workers`` None: one per core)."""
    return max(1, min(workers or os.cpu_count() or 1, tasks))


def _run_pool(tasks: list[dict], work, broken, journal: Journal, workers: int, bar) -> None:
    # "spawn": workers start clean, without the parent's threads or state.
    context = multiprocessing.get_context("spawn")
    pending, suspects = list(tasks), []
    while pending or suspects:
        batch, alone = (pending, False) if pending else (suspects[:1], True)
        if alone:
            suspects = suspects[1:]
        else:
            pending = []
        pool = cf.ProcessPoolExecutor(max_workers=1 if alone else workers, mp_context=context)
        futures = {pool.submit(work, task): task for task in batch}
        try:
            for future in cf.as_completed(futures):
                try:
                    record = future.result()
                except cf.process.BrokenProcessPool:
                    continue
                journal.append(record)
                bar.update(1)
        except BaseException:  # Ctrl-C: stop now, keep what finished (it is in the journal)
            kill_pool(pool)
            raise
        unfinished = [task for f, task in futures.items()
                      if f.cancelled() or not f.done() or f.exception() is not None]
        pool.shutdown(wait=True, cancel_futures=True)
        if alone:
            for task in unfinished:
                journal.append(broken(task, WORKER_DIED))
                bar.update(1)
        else:
            suspects += unfinished


def kill_pool(pool) -> None:
    """Stop a pool at once: its workers' sandboxes die with them (--die-with-parent)."""
    processes = list((getattr(pool, "_processes", None) or {}).values())
    for process in processes:
        try:
            process.kill()
        except (OSError, AttributeError):
            pass
    for process in processes:  # reaped before we return: nothing of the run outlives it
        process.join(timeout=5)
    pool.shutdown(wait=False, cancel_futures=True)
