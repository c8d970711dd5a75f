"""baogao (报告): a Jupyter teaching kit on writing Chinese work reports.

Start with ``baogao.specimen()`` or ``baogao.load(path)``; every tool reads
the resulting ``Report``.
"""

from .errors import BaogaoError
from .loading import load
from .data import corpus, corpus_table, example, get, specimen
from .report import Report


def analyze(report):
    """Every measure of a report, computed once and cached (see ``baogao.analysis``)."""
    from .analysis import analyze as _analyze  # pandas and jieba load on first use only

    return _analyze(load(report))

__all__ = ["BaogaoError", "Report", "load", "specimen", "corpus", "corpus_table", "example", "get", "analyze"]
__version__ = "0.1.0"
