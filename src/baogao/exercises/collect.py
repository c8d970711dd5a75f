"""Turn a student's answers into plain JSON: the one form every check grades.

``ex.q1.check(answer)`` in a notebook and ``baogao teach grade`` both pass
the answer through this module first, so the verdict in the notebook and the
grader's verdict are computed from the same data.

This module imports nothing but the standard library and no other baogao
module: the grader loads it from its file under a private module name in the
student's kernel (so a student who monkeypatches ``baogao.exercises`` changes
nothing here), collects the answers, and writes them to a JSON file. The
verdict is then computed in the grader's own process.

Special values are dicts with a ``"$"`` key: ``{"$": "ellipsis"}`` (a stub),
``{"$": "missing"}`` (no such variable), ``{"$": "function", "outputs": [...]}``
(a coding answer run on the hidden cases), ``{"$": "error", ...}``,
``{"$": "timeout"}``, ``{"$": "blocked"}`` (the case called a disabled
function), ``{"$": "set", "items": [...]}``, ``{"$": "repr", ...}``.
"""

from __future__ import annotations

import importlib
import json
import math
import os
import signal
import threading

MAX_ITEMS = 10_000
MAX_TEXT = 100_000
MAX_DEPTH = 20
#: Marker the disabled function raises with; also a name injected into the
#: disabled function's module while it is disabled (see ``disabled``).
BLOCK_MARK = "__baogao_blocked__"
_MISSING = object()


def plain(value, _depth: int = 0):
    """A JSON-compatible copy of ``value`` (see the module docstring)."""
    if value is Ellipsis:
        return {"$": "ellipsis"}
    if value is None or isinstance(value, (bool, str)):
        return value[:MAX_TEXT] if isinstance(value, str) else value
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else {"$": "repr", "type": "float", "repr": repr(value)}
    if _depth > MAX_DEPTH:
        return {"$": "repr", "type": type(value).__name__, "repr": "…"}
    if isinstance(value, dict):
        return {str(k): plain(v, _depth + 1) for k, v in list(value.items())[:MAX_ITEMS]}
    if isinstance(value, (list, tuple)):
        return [plain(v, _depth + 1) for v in list(value)[:MAX_ITEMS]]
    if isinstance(value, (set, frozenset)):
        items = [plain(v, _depth + 1) for v in list(value)[:MAX_ITEMS]]
        items.sort(key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
        return {"$": "set", "items": items}
    # numpy scalars and arrays, pandas Series: their Python equivalents.
    for attr in ("tolist", "item"):
        method = getattr(value, attr, None)
        if callable(method) and not isinstance(value, type):
            try:
                converted = method()
            except Exception:  # noqa: BLE001 - anything odd becomes a repr below
                continue
            if converted is not value:
                return plain(converted, _depth + 1)
    if callable(value):
        return {"$": "callable", "name": getattr(value, "__name__", type(value).__name__)}
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001
        text = f"<{type(value).__name__}>"
    return {"$": "repr", "type": type(value).__name__, "repr": text[:200]}


class _CaseTimeout(BaseException):
    """Raised in the student's function when a case runs too long (BaseException:
    a bare ``except Exception`` in the student's code does not swallow it)."""


class disabled:
    """Context manager: calling any of ``targets`` ("module:function") raises.

    The function object itself is changed (its ``__code__`` is swapped), so
    the block also holds for names bound before (``from baogao.text.markers import
    match_marker as mm``) and for library functions that call the target.
    ``called`` tells whether the student's code tried.
    """

    def __init__(self, targets):
        self.targets = list(targets or ())
        self.called = False
        self._saved = []

    def __enter__(self):
        for target in self.targets:
            module_name, _, attr = target.partition(":")
            module = importlib.import_module(module_name)
            func = getattr(module, attr)
            calls: list = []
            module.__dict__[BLOCK_MARK] = calls
            self._saved.append((module, func, func.__code__, calls))
            func.__code__ = _blocked.__code__
        return self

    def __exit__(self, *exc):
        for module, func, code, calls in reversed(self._saved):
            func.__code__ = code
            self.called = self.called or bool(calls)
            module.__dict__.pop(BLOCK_MARK, None)
        self._saved.clear()
        return False


def _blocked(*args, **kwargs):
    # Runs with the disabled function's globals: only builtins and BLOCK_MARK.
    __baogao_blocked__.append(1)  # noqa: F821 - injected by ``disabled``
    raise NotImplementedError("__baogao_blocked__: 这道题要求自己实现，不能调用被禁用的 baogao 函数。")


def _call_with_timeout(func, args, timeout):
    """``func(*args)``, interrupted after ``timeout`` seconds where signals allow."""
    use_alarm = (timeout and hasattr(signal, "setitimer")
                 and threading.current_thread() is threading.main_thread())
    if not use_alarm:
        return func(*args)

    def on_alarm(signum, frame):
        raise _CaseTimeout()

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return func(*args)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_cases(func, cases, disable=(), timeout: float = 2.0):
    """Run a student's function on each case (a list of arguments).

    Returns ``{"$": "function", "outputs": [...], "blocked": bool}`` with one
    plain output per case, or the plain form of ``func`` when it is a stub or
    not callable.
    """
    if func is _MISSING:
        return {"$": "missing"}
    if not callable(func):
        return plain(func)
    outputs, timeouts = [], 0
    guard = disabled(disable)
    with guard:
        for args in cases:
            if timeouts >= 2:  # do not spend the whole budget on an endless loop
                outputs.append({"$": "timeout"})
                continue
            before = _block_count(guard)
            try:
                result = plain(_call_with_timeout(func, list(args), timeout))
            except _CaseTimeout:
                timeouts += 1
                result = {"$": "timeout"}
            except Exception as exc:  # noqa: BLE001 - the student's error is the answer
                message = str(exc)
                if BLOCK_MARK in message:
                    result = {"$": "blocked"}
                else:
                    result = {"$": "error", "type": type(exc).__name__, "message": message[:200]}
            if _block_count(guard) > before:
                result = {"$": "blocked"}
            outputs.append(result)
    return {"$": "function", "outputs": outputs, "blocked": guard.called}


def _block_count(guard: disabled) -> int:
    return sum(len(calls) for *_, calls in guard._saved)


def collect(namespace, specs) -> dict:
    """Every answer named by ``specs`` (``Problem.collect_spec()``), as plain JSON."""
    out = {}
    for spec in specs:
        value = namespace.get(spec["variable"], _MISSING)
        try:
            if value is _MISSING:
                answer = {"$": "missing"}
            elif spec["kind"] == "function":
                answer = run_cases(value, spec["cases"], spec.get("disable", ()),
                                   spec.get("timeout", 2.0))
            else:
                answer = plain(value)
        except Exception as exc:  # noqa: BLE001 - one bad answer must not hide the others
            answer = {"$": "error", "type": type(exc).__name__, "message": str(exc)[:200]}
        out[spec["problem"]] = answer
    return out


def collect_to_file(namespace, specs, path) -> None:
    """``collect`` and write the result atomically to ``path`` (the grader reads it)."""
    data = json.dumps(collect(namespace, specs), ensure_ascii=False)
    tmp = f"{path}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(data)
    os.replace(tmp, path)
