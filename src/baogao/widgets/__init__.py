"""Interactive widgets (ipywidgets 8) for the lessons.

Each widget's logic is a plain function returning data or HTML (unit-tested
without a browser); the widget classes only wire controls to those
functions, and expose their controls as attributes so tests can drive them
headlessly (set ``.value``, read the resulting HTML).
"""

from .outline import OutlineExplorer, section_choices, section_html

__all__ = ["OutlineExplorer", "section_choices", "section_html"]
