"""Strings with no ``Report``: what every layer above reads text with.

- ``sentences``: sentence and clause spans (GB/T 15834 marks), character counts;
- ``markers``: heading and enumeration markers (一、（一）1.（1）一是 第一，…);
- ``tokens``: the kit's tokens, quiet and cached; ``segmenter`` (rjieba's routes with
  jieba.posseg's tagging, identical to jieba.posseg, or plain jieba) and ``jieba_loader``
  (each dictionary parsed once) beneath it;
- ``charsets``: GB2312 and how much of a text lies inside it;
- ``lexicon``: the shipped data folder and its word lists, each parsed once.
"""
