"""The source a function answer needs, read from the notebook's cells (never
from its kernel).

The grader re-runs a coding answer in a fresh interpreter (``functions``),
so it needs the function's definition and whatever it uses at the top level
of the notebook: imports, helper functions and classes, constants. This
module finds them statically: every top-level ``import``, ``def``, ``class``
and assignment is a definition of the names it binds; from the answer's
name, the definitions its body mentions are taken, and theirs, transitively.
Nothing else of the notebook runs there: not the lesson's calls, not a
student's ``ex.q1.check()``, not code that patches the collector.

A function defined inside ``if``/``try`` blocks or made with ``exec`` is not
found; the grader then reports it as not written (the exercise notebooks
define answers at the top level of a cell).
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field

DEFINING = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Assign,
            ast.AnnAssign, ast.AugAssign)


@dataclass
class Statement:
    source: str
    binds: set[str]
    #: Names it reads when it runs (a def's default values and decorators).
    reads_now: set[str] = field(default_factory=set)
    #: Names its body reads later, when the function is called.
    reads_later: set[str] = field(default_factory=set)
    is_import: bool = False


def python_source(cell_source: str) -> str | None:
    """A cell as plain Python (IPython's ``%magic`` and ``!shell`` lines turned
    into calls), or None when it does not parse."""
    try:
        ast.parse(cell_source)
        return cell_source
    except SyntaxError:
        pass
    try:
        # heavy: IPython's transformer (already installed with ipykernel); only for cells with magics.
        from IPython.core.inputtransformer2 import TransformerManager

        text = TransformerManager().transform_cell(cell_source)
        ast.parse(text)
        return text
    except (SyntaxError, ValueError, ImportError):
        return None


def _targets(node) -> set[str]:
    names: set[str] = set()
    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
    for target in targets:
        for sub in ast.walk(target):
            if isinstance(sub, ast.Name):
                names.add(sub.id)
    return names


def _loads(nodes) -> set[str]:
    return {n.id for node in nodes for n in ast.walk(node) if isinstance(n, ast.Name)}


def _segment(text: str, node) -> str:
    """A top-level statement's source, decorators included (``get_source_segment``
    starts at ``def``)."""
    decorators = getattr(node, "decorator_list", None)
    if decorators:
        lines = text.splitlines()
        return "\n".join(lines[min(d.lineno for d in decorators) - 1:node.end_lineno])
    return ast.get_source_segment(text, node) or ast.unparse(node)


def statements(cell_sources: list[str]) -> list[Statement]:
    """The defining top-level statements of the cells, in order."""
    out = []
    for cell in cell_sources:
        text = python_source(cell)
        if text is None:
            continue
        for node in ast.parse(text).body:
            if not isinstance(node, DEFINING):
                continue
            source = _segment(text, node)
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                binds = {(a.asname or a.name).split(".")[0] for a in node.names if a.name != "*"}
                out.append(Statement(source, binds, is_import=True))
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                now = node.decorator_list + (node.bases + [k.value for k in node.keywords]
                                             if isinstance(node, ast.ClassDef) else
                                             node.args.defaults + [d for d in node.args.kw_defaults if d])
                out.append(Statement(source, {node.name}, reads_now=_loads(now), reads_later=_loads(node.body)))
            else:
                value = [node.value] if node.value is not None else []
                reads = _loads(value) | (_targets(node) if isinstance(node, ast.AugAssign) else set())
                # A lambda's body reads its names later, like a def's.
                out.append(Statement(source, _targets(node), reads_now=reads))
    return out


def needed_source(stmts: list[Statement], names: list[str]) -> list[str]:
    """The sources, in notebook order, of the statements (``statements(cells)``)
    that define ``names`` and what they use, as the kernel would have them at
    the end of the notebook."""
    chosen: set[int] = set()

    def last_before(name: str, limit: int) -> int | None:
        return next((i for i in range(limit - 1, -1, -1) if name in stmts[i].binds), None)

    todo = [(name, len(stmts)) for name in names]
    while todo:
        name, limit = todo.pop()
        index = last_before(name, limit)
        if index is None or index in chosen:
            continue
        chosen.add(index)
        stmt = stmts[index]
        todo += [(n, index) for n in stmt.reads_now]  # what it reads as it runs: defined before it
        todo += [(n, len(stmts)) for n in stmt.reads_later]  # what it reads when called: the final value
        if stmt.binds & stmt.reads_now:  # x = x + 1: the earlier x too
            todo += [(n, index) for n in stmt.binds & stmt.reads_now]
    return [stmts[i].source for i in sorted(chosen)]
