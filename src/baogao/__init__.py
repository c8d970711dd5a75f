"""baogao (报告): a Jupyter teaching kit on writing Chinese work reports.

Start with ``baogao.specimen()`` or ``baogao.load(path)``; every tool reads
the resulting ``Report``.
"""

from baogao.analysis.measures import Analysis
from baogao.analysis.measures import analyze as _analyze
from baogao.errors import BaogaoError
from baogao.report import Report
from baogao.sources.load import load
from baogao.sources.shipped import corpus, corpus_table, example, get, specimen


def analyze(report) -> Analysis:
    """Every measure of a report (a path, a text or a ``Report``), computed once
    and kept with it (see ``baogao.analysis``)."""
    return _analyze(load(report))


__all__ = ["BaogaoError", "Report", "load", "specimen", "corpus", "corpus_table", "example", "get", "analyze"]
__version__ = "0.1.0"
