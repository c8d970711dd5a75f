"""The structure parser of docs/structure.md: what ``Report.outline()`` returns.

- ``elements``: each paragraph's element kind (title, 主送机关, heading, 落款 …);
- ``headings``: heading candidates, series and levels, number sequences;
- ``numbering``: the style each level keeps, style changes, lost headings (原标题缺失);
- ``enumerations``: 一是…二是… and 第一，…第二，… inside paragraphs;
- ``parts``: the functional parts (opening, review, tasks, closing …);
- ``outline``: ``Outline`` and ``build_outline``, which joins them.
"""
