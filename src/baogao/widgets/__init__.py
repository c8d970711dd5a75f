"""Interactive widgets (ipywidgets 8) for the lessons.

Each widget's logic is a plain function returning data or HTML (unit-tested
without a browser); the widget classes only wire controls to those
functions, and expose their controls as attributes so tests can drive them
headlessly (set ``.value``, read the resulting HTML).
"""

from .outline import OutlineExplorer, section_choices, section_html
from .highlight import LAYERS, PRECEDENCE, Highlighter, highlight_html, layer_marks
from .concordance import Concordance, dispersion_svg, kwic_html
from .charts import Charts, distribution_figure, measure_figure, measure_svg, measure_table, word_lengths
from .lintview import LintViewer, filter_findings, findings_html
from .compare import EditionCompare, compare_html
from .builder import Debouncer, OutlineBuilder, feedback_html, load_draft, save_draft
from .quiz import Question, Quiz, check_choice

__all__ = ["OutlineExplorer", "section_choices", "section_html",
           "Highlighter", "highlight_html", "layer_marks", "LAYERS", "PRECEDENCE",
           "Concordance", "kwic_html", "dispersion_svg",
           "Charts", "measure_svg", "measure_table", "measure_figure", "distribution_figure", "word_lengths",
           "LintViewer", "findings_html", "filter_findings",
           "EditionCompare", "compare_html",
           "OutlineBuilder", "feedback_html", "Debouncer", "load_draft", "save_draft",
           "Quiz", "Question", "check_choice"]
