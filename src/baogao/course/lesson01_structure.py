"""Lesson 01 (报告的骨架): the names the lesson and its assignment use.

The lesson notebook (notebooks/01_structure.ipynb) calls the tables of
``lesson01_reading`` and the quiz of ``lesson01_quiz``; the assignment
(solutions/01_structure.ipynb, ``assignment`` and ``q1``…``q6``) lives in
``lesson01_assignment`` with the writing feedback of ``lesson01_writing``.
This module gathers them, so that a notebook imports one module:
``from baogao.course import lesson01_structure as ex``.
"""

from __future__ import annotations

from baogao.course.lesson01_assignment import (  # noqa: F401 - the assignment's names
    MARKER_CASES,
    Q4_OPTIONS,
    assignment,
    marker_style,
    q1,
    q2,
    q3,
    q4,
    q5,
    q6,
    section_sizes,
    use,
)
from baogao.course.lesson01_quiz import GENRE_OPTIONS, quiz_questions  # noqa: F401
from baogao.course.lesson01_reading import (  # noqa: F401 - the lesson's tables
    about,
    addressee_remark,
    comma_table,
    edges,
    enumerations_table,
    example_frames,
    frame_checklist,
    genre_sentence,
    headings_table,
    intro_table,
    is_specimen,
    leads_under,
    level1_sections,
    levels_table,
    numbering_table,
    only_specimen,
    parts_table,
    sentences_table,
    skeleton,
    skeleton_table,
    title_parts,
)
from baogao.course.lesson01_writing import Q6_MODEL, outline_of, q5_model  # noqa: F401
