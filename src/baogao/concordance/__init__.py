"""Tools across reports, AntConc style.

- ``index``: reports, their names, progress bars, the per-report ``CorpusIndex``;
- ``kwic``: concordance lines and dispersion;
- ``collocates``: collocates (MI, log-Dice, t-score);
- ``ngrams``: clusters of words or characters;
- ``keywords``: word lists and keyness against a reference corpus;
- ``profile``: a report among the corpus (``stats_table``, ``measure_table``).
"""

from baogao.concordance.collocates import collocates
from baogao.concordance.keywords import keyness, word_list
from baogao.concordance.kwic import dispersion, format_kwic, kwic
from baogao.concordance.ngrams import clusters
from baogao.concordance.profile import measure_table, stats_table

__all__ = ["kwic", "format_kwic", "dispersion", "collocates", "clusters", "keyness", "word_list",
           "stats_table", "measure_table"]
