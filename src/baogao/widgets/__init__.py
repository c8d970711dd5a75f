"""Interactive widgets (ipywidgets 8) for the lessons.

Each widget's logic is a plain function returning data or HTML (unit-tested
without a browser); the widget classes only wire controls to those
functions, and expose their controls as attributes so tests can drive them
headlessly (set ``.value``, read the resulting HTML).
"""

from baogao.widgets.builder import (
           Debouncer,
           OutlineBuilder,
           feedback_html,
           load_draft,
           save_draft,
)
from baogao.widgets.charts import (
           Charts,
           distribution_figure,
           measure_figure,
           measure_svg,
           word_lengths,
)
from baogao.widgets.compare import EditionCompare, compare_html
from baogao.widgets.concordance import Concordance, dispersion_svg, kwic_html
from baogao.widgets.highlight import (
           LAYERS,
           PRECEDENCE,
           Highlighter,
           highlight_html,
           layer_marks,
)
from baogao.widgets.lintview import LintViewer, filter_findings, findings_html
from baogao.widgets.outline import OutlineExplorer, section_choices, section_html
from baogao.widgets.quiz import Question, Quiz, check_choice

__all__ = ["OutlineExplorer", "section_choices", "section_html",
           "Highlighter", "highlight_html", "layer_marks", "LAYERS", "PRECEDENCE",
           "Concordance", "kwic_html", "dispersion_svg",
           "Charts", "measure_svg", "measure_figure", "distribution_figure", "word_lengths",
           "LintViewer", "findings_html", "filter_findings",
           "EditionCompare", "compare_html",
           "OutlineBuilder", "feedback_html", "Debouncer", "load_draft", "save_draft",
           "Quiz", "Question", "check_choice"]
