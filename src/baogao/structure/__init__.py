"""The structure parser of docs/structure.md: what ``Report.outline()`` returns.

- ``lines``: what one line can be on its own (发文字号, 成文日期, 主送机关, 附注 …);
- ``doctypes``: the 文种 a title names (the 条例's 15 types, 总结, 讲话 …);
- ``titleblock``: the title block: title, 题注, speaker, salutation, 主送机关, and the residue among them;
- ``residue``: web residue (a page's buttons, information lines, captions, citation codes, footer);
- ``joins``: paragraphs a copy split over lines, joined for analysis and reported once;
- ``endnotes``: the glossary a published report appends after its text (注释);
- ``elements``: each paragraph's element kind (版头, title, 主送机关, heading, 落款, 版记 …);
- ``genre``: document, speech or unknown, and the evidence; the 文种 of a document;
- ``headings``: heading candidates and series, number sequences;
- ``levels``: heading levels from the document's marker series;
- ``numbering``: the style each level keeps, style changes, lost headings (原标题缺失);
- ``enumerations``: 一是…二是… and 第一，…第二，… inside paragraphs;
- ``parts``: the functional parts (opening, review, tasks, closing …);
- ``tree``: the sections of the outline (``Section``);
- ``outline``: ``Outline`` and ``build_outline``, which joins them.
"""
