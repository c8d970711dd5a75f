"""Importing this module keeps jsonschema from building rfc3987_syntax's parser.

``import nbformat`` (and so nbclient) imports jsonschema, whose format checker
imports the optional ``rfc3987_syntax`` when it is installed (JupyterLab's
event schemas pull it in); that module builds a Lark grammar at import: about
3 s of a 3.3 s ``import nbformat``, paid by every grading and make-exercises
process. Notebook validation uses no IRI format, so the kit's processes mark
the module as absent, which jsonschema handles as an optional dependency that
is not installed. Nothing changes once jsonschema is loaded (a process that
already uses it keeps what it has).
"""

import sys

if "jsonschema" not in sys.modules:
    sys.modules.setdefault("rfc3987_syntax", None)  # ImportError for jsonschema._format: the IRI checks are skipped
