"""Python's cyclic garbage collector, held off while the kit builds many small objects.

An analysis builds hundreds of thousands of tuples (tokens, spans, rows) that
either stay (kept with the report) or die by reference counting: none of them
needs the cyclic collector. Yet every 700 allocations start a collection, and
the rarer full ones walk every object alive, the token caches included: on the
corpus they cost about a fifth of a warm analysis (``bench/analysis_speed.py``).
``paused()`` holds collections off while one build runs; the collector runs as
usual afterwards, and nested uses keep it off until the outermost one ends.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from functools import cached_property, wraps


@contextmanager
def paused():
    """No cyclic garbage collection inside the block (unless it was already off)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def while_paused(fn):
    """``fn`` run inside ``paused()``."""
    @wraps(fn)
    def run(*args, **kwargs):
        with paused():
            return fn(*args, **kwargs)
    return run


def paused_property(fn):
    """A ``cached_property`` computed inside ``paused()`` (the parts of an analysis, its tables)."""
    return cached_property(while_paused(fn))
