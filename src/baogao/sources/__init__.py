"""Where reports come from, each becoming one ``Report``.

- ``files``: bytes from a path, encodings, bad input as one Chinese sentence;
- ``docx``: the paragraphs of a Word file (automatic numbering rendered);
- ``markdown``, ``markdown_inline``: a Markdown draft read with markdown-it-py: which
  lines are prose, ``#`` levels as heading evidence, offsets into the original file;
- ``load``: ``baogao.load`` — paths, strings and bytes;
- ``shipped``: the texts shipped with the kit (specimen, corpus, examples) and
  ``get(name)``, the one resolver of a name or a path;
- ``errata``: the specimen's errata file (schema, loading, validation, summary);
- ``edition``: the errata applied: the corrected edition and its map of changes.
"""
