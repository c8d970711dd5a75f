"""One report's measures (textacy's text_stats, for work reports).

One concept per module; ``measures`` is the facade:

- ``tables``: sentence and token tables, lead sentences, body paragraphs,
  the per-report store every measure reads;
- ``words``: what a word is (one definition for every count), word and
  function-word frequencies;
- ``lengths``: sentence, paragraph and clause lengths, readability;
- ``vocabulary``: the official-style words;
- ``phrases``: four-character phrases, numbered and quoted formulations;
- ``parallelisms``: parallel structures and enumerations;
- ``quantities``: numbers with their values;
- ``stats``: the summary of all of them (``text_stats``, ``STAT_LABELS``);
- ``measures``: ``Analysis`` and ``analyze(report)``.
"""

from baogao.analysis.measures import Analysis, analyze

__all__ = ["Analysis", "analyze"]
