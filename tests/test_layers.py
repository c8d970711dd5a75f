"""The house rules of the package, read from its source with ``ast`` (nothing
here imports ``baogao``, except the one test that checks, in a subprocess,
what importing it loads).

- every module belongs to a layer of ``LAYERS`` and imports (at any depth,
  under ``TYPE_CHECKING`` too) only modules of its own layer or lower ones;
- imports inside the package are absolute;
- no import cycle among module-level imports;
- function-level imports are of heavy modules only, each with its reason;
- ``import baogao``, ``baogao.lint`` and ``baogao.widgets`` stay light;
- no module is longer than ``MAX_LINES`` unless it is one concept that reads
  best in one file (``LONG_MODULES``, each with its reason).
"""

from __future__ import annotations

import ast
import io
import json
import os
import re
import subprocess
import sys
import tokenize
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

#: The layers, lowest first: a module may import only modules of its own layer
#: or of a layer listed before it. An entry names a module or a package (a
#: package takes in every module below it); the facade ``baogao`` (the package's
#: ``__init__.py``) names only itself. A new top-level module or package must be
#: placed here deliberately: a module of no layer fails ``test_every_module_has_a_layer``.
LAYERS: dict[str, tuple[str, ...]] = {
    "base": ("baogao.collector", "baogao.errors", "baogao.lazy"),
    "text": ("baogao.text",),
    "paragraphs": ("baogao.paragraphs",),
    "structure": ("baogao.structure",),
    "report": ("baogao.report",),
    "sources": ("baogao.sources",),
    "analysis": ("baogao.analysis",),
    "concordance": ("baogao.concordance",),
    "lint": ("baogao.lint",),
    "output": ("baogao.export", "baogao.plotting"),
    "doctor": ("baogao.doctor",),
    "exercises": ("baogao.exercises",),
    "widgets": ("baogao.widgets",),
    "course": ("baogao.course",),
    "teach": ("baogao.teach",),
    "cli": ("baogao.cli",),
    "facade": ("baogao", "baogao.__main__"),
}

#: Heavy third-party modules (top-level names) that may be imported inside a
#: function, so that importing the module around that function stays light.
HEAVY_THIRD_PARTY = ("jieba", "rjieba", "ipywidgets", "matplotlib", "nbclient", "docx", "lxml", "IPython", "tqdm",
                     "jupyter_client")

#: Our modules that may be imported inside a function: each imports a heavy
#: third-party module at its top (checked by ``test_heavy_modules_are_heavy``).
HEAVY_OWN_MODULES: dict[str, str] = {
    "baogao.plotting": "imports matplotlib",
    "baogao.teach.runner": "imports nbclient / nbformat to run notebooks",
    "baogao.teach.grade": "runs notebooks through baogao.teach.runner (nbclient)",
    "baogao.sources.docx": "imports lxml to read Word's XML",
}

#: Our modules that one command of the CLI alone needs: ``baogao.cli`` imports
#: them inside that command's function, so that the other commands (a
#: student's first ``baogao lint``) do not pay for them. Only ``baogao.cli``
#: may import them so (checked below). Module → the command.
COMMAND_ONLY_MODULES: dict[str, str] = {
    "baogao.cli.teach": "baogao teach (the grader, the exercise generator)",
    "baogao.cli.doctor": "baogao doctor",
    "baogao.cli.score": "baogao score",
    "baogao.doctor": "baogao cheatsheet --pdf (finds Chromium as doctor does)",
    "baogao.export.cheatsheet": "baogao cheatsheet",
}

MAX_LINES = 400
#: Modules allowed over ``MAX_LINES``: path below src/baogao → why it stays one file.
LONG_MODULES: dict[str, str] = {
    "sources/docx.py": "one concept: replaying Word's automatic numbering (numbering.xml, "
                       "styles, overrides, restarts) to render each paragraph's number; the "
                       "counters' state is shared by every part and splitting it scatters one algorithm",
    "analysis/quantities.py": "one concept: the quantity scanner of docs/quantities.md (prefix, "
                              "number, multiplier, unit, suffix, exclusions, ranges), one pass over the "
                              "text whose steps only make sense together",
    "export/docx.py": "one concept: the GB/T 9704 layout of a draft as a Word document (page, "
                      "fonts, heading levels, paragraph formats), read side by side with docs/export.md",
}

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
PACKAGE = SRC / "baogao"
FACADE = "baogao"


# --------------------------------------------------------------------------- #
# Reading the source.


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


@cache
def module_paths() -> dict[str, Path]:
    """Module name → file, for every module of src/baogao."""
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def is_package(name: str) -> bool:
    return module_paths()[name].name == "__init__.py"


@dataclass(frozen=True)
class Import:
    module: str  # the importing module
    line: int
    end_line: int
    statement: str  # the import as written
    target: str  # the imported module (resolved; a third-party top-level name is kept as written)
    ours: bool  # target is a module of baogao
    level: int  # dots of a relative import (0: absolute)
    in_function: bool
    type_checking: bool


def _is_type_checking(test: ast.expr) -> bool:
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _resolve(module: str, node: ast.ImportFrom) -> str:
    """The absolute module name an ``ImportFrom`` reads from."""
    if not node.level:
        return node.module or ""
    package = module.split(".") if is_package(module) else module.split(".")[:-1]
    base = package[: len(package) - (node.level - 1)]
    return ".".join(base + ([node.module] if node.module else []))


def _targets(module: str, node: ast.Import | ast.ImportFrom) -> list[str]:
    known = module_paths()
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = _resolve(module, node)
    # ``from baogao.text import markers`` imports the module baogao.text.markers;
    # ``from baogao.text import match_marker`` (a name of text/__init__) imports baogao.text.
    return [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]


#: A line as the parser splits source (and ast.get_source_segment): ended by \r\n, \r or \n.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def _segment(lines: list[str], node: ast.AST) -> str:
    """``ast.get_source_segment(source, node)``, given the source's lines.

    get_source_segment splits the whole source at every call, which made
    collecting the package's imports take seconds; here it reads only the
    node's own lines, with the positions shifted to match."""
    snippet = "".join(lines[node.lineno - 1:node.end_lineno])
    shifted = ast.Pass(lineno=1, col_offset=node.col_offset, end_lineno=node.end_lineno - node.lineno + 1,
                       end_col_offset=node.end_col_offset)
    return ast.get_source_segment(snippet, shifted) or ""


class _Collector(ast.NodeVisitor):
    def __init__(self, module: str, source: str):
        self.module = module
        self.lines = _LINE.findall(source)
        self.found: list[Import] = []
        self.functions = 0
        self.type_checking = 0

    def _function(self, node):
        self.functions += 1
        self.generic_visit(node)
        self.functions -= 1

    visit_FunctionDef = visit_AsyncFunctionDef = visit_Lambda = _function

    def visit_If(self, node: ast.If):
        if _is_type_checking(node.test):
            self.type_checking += 1
            for child in node.body:
                self.visit(child)
            self.type_checking -= 1
            for child in node.orelse:
                self.visit(child)
        else:
            self.generic_visit(node)

    def _import(self, node: ast.Import | ast.ImportFrom):
        known = module_paths()
        for target in dict.fromkeys(_targets(self.module, node)):
            self.found.append(Import(
                module=self.module, line=node.lineno, end_line=node.end_lineno or node.lineno,
                statement=_segment(self.lines, node), target=target,
                ours=target in known, level=getattr(node, "level", 0) or 0,
                in_function=self.functions > 0, type_checking=self.type_checking > 0))

    visit_Import = visit_ImportFrom = _import


@cache
def source(name: str) -> str:
    return module_paths()[name].read_text(encoding="utf-8")


@cache
def imports(name: str) -> tuple[Import, ...]:
    collector = _Collector(name, source(name))
    collector.visit(ast.parse(source(name), filename=str(module_paths()[name])))
    return tuple(collector.found)


def all_imports() -> list[Import]:
    return [imp for name in module_paths() for imp in imports(name)]


@cache
def comment_lines(name: str) -> set[int]:
    """Line numbers that carry a comment."""
    tokens = tokenize.generate_tokens(io.StringIO(source(name)).readline)
    return {tok.start[0] for tok in tokens if tok.type == tokenize.COMMENT}


def where(imp: Import) -> str:
    return f"{module_paths()[imp.module].relative_to(ROOT)}:{imp.line}: {imp.statement!r}"


# --------------------------------------------------------------------------- #
# Layers.


def layer_of(name: str) -> str | None:
    """The layer of a module: the layer of the longest entry naming it or a package above it."""
    best: tuple[int, str] | None = None
    for layer, entries in LAYERS.items():
        for entry in entries:
            exact = name == entry
            below = entry != FACADE and name.startswith(entry + ".")
            if (exact or below) and (best is None or len(entry) > best[0]):
                best = (len(entry), layer)
    return best[1] if best else None


RANK = {layer: rank for rank, layer in enumerate(LAYERS)}


def test_layer_table_is_well_formed():
    entries = [entry for group in LAYERS.values() for entry in group]
    assert len(entries) == len(set(entries)), "an entry appears in two layers"
    missing = [entry for entry in entries if entry not in module_paths()]
    assert missing == [], f"LAYERS names modules that do not exist: {missing}"
    assert list(LAYERS)[-1] == "facade" and set(LAYERS["facade"]) == {FACADE, "baogao.__main__"}


def test_an_unlisted_module_has_no_layer():
    # What a new top-level module gets until it is placed in LAYERS: no layer.
    assert layer_of("baogao.newtool") is None
    assert layer_of("baogao.textual") is None  # a prefix of a name is not its package
    assert layer_of("baogao.text.markers") == "text"
    assert layer_of("baogao.text") == "text"
    assert layer_of(FACADE) == "facade"


def test_every_module_has_a_layer():
    unplaced = sorted(name for name in module_paths() if layer_of(name) is None)
    assert unplaced == [], (
        f"modules of no layer: {unplaced}. Place each in LAYERS (tests/test_layers.py): "
        "a module imports only its own layer and the layers before it.")


def test_import_statements_are_quoted_as_written():
    # _segment must agree with ast.get_source_segment: on awkward line ends and
    # non-ASCII columns, and on the three longest modules of the package.
    odd = ("x = '标题'; import os\r\nfrom a import (b,\r  c)\nif 1:\n\tfrom d import e  # 注\n"
           "import \\\n  f")
    longest = sorted(module_paths(), key=lambda name: -len(source(name)))[:3]
    for text in [odd, *(source(name) for name in longest)]:
        lines = _LINE.findall(text)
        assert "".join(lines) == text
        nodes = [n for n in ast.walk(ast.parse(text)) if isinstance(n, (ast.Import, ast.ImportFrom))]
        assert nodes
        for node in nodes:
            assert _segment(lines, node) == ast.get_source_segment(text, node)


def test_imports_inside_the_package_are_absolute():
    relative = [where(imp) for imp in all_imports() if imp.level]
    assert relative == [], "relative imports (write `from baogao.x.y import z`):\n" + "\n".join(relative)


def test_no_module_imports_a_higher_layer():
    upward = []
    for imp in all_imports():
        if not imp.ours:
            continue
        mine, theirs = layer_of(imp.module), layer_of(imp.target)
        if mine is None or theirs is None:
            continue  # reported by test_every_module_has_a_layer
        if RANK[theirs] > RANK[mine]:
            note = ""
            if imp.target == FACADE:
                note = (" — the facade baogao/__init__.py sits above every layer; import the "
                        "name from the module that defines it (a name defined in the facade "
                        "itself, such as __version__, must move to a low layer first)")
            scope = " [function-level]" if imp.in_function else " [TYPE_CHECKING]" if imp.type_checking else ""
            upward.append(f"{where(imp)}{scope}: layer {mine!r} imports {imp.target} of the higher "
                          f"layer {theirs!r}{note}")
    assert upward == [], "upward imports:\n" + "\n".join(upward)


# --------------------------------------------------------------------------- #
# Cycles.


def strongly_connected_components(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm (iterative): the components, each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph.get(child, ())))))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    components.append(sorted(component))
    return components


def module_level_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {name: set() for name in module_paths()}
    for imp in all_imports():
        if imp.ours and not imp.in_function and not imp.type_checking:
            graph[imp.module].add(imp.target)
    return graph


def test_strongly_connected_components():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e"}}
    assert sorted(strongly_connected_components(graph)) == [["a", "b", "c"], ["d"], ["e"]]


def test_no_import_cycle():
    graph = module_level_graph()
    cycles = [c for c in strongly_connected_components(graph) if len(c) > 1 or c[0] in graph[c[0]]]
    for component in cycles:
        print("import cycle:", " ↔ ".join(component))
    assert cycles == [], "module-level import cycles (strongly connected components):\n" + "\n".join(
        " ↔ ".join(c) for c in cycles)


# --------------------------------------------------------------------------- #
# Function-level imports.


def _command_only(imp: Import) -> bool:
    return imp.target in COMMAND_ONLY_MODULES and (imp.module == "baogao.cli" or imp.module.startswith("baogao.cli."))


def test_function_level_imports_of_ours_are_heavy_modules():
    light = [f"{where(imp)}: {imp.target} is not in HEAVY_OWN_MODULES"
             for imp in all_imports()
             if imp.in_function and imp.ours and imp.target not in HEAVY_OWN_MODULES and not _command_only(imp)]
    assert light == [], ("function-level imports of light modules of ours (import them at the "
                         "module's top):\n" + "\n".join(light))


def test_heavy_modules_are_heavy():
    missing = [name for name in HEAVY_OWN_MODULES if name not in module_paths()]
    assert missing == [], f"HEAVY_OWN_MODULES names modules that do not exist: {missing}"

    def heavy_at_top(name: str, seen: frozenset[str] = frozenset()) -> bool:
        for imp in imports(name):
            if imp.in_function or imp.type_checking:
                continue
            if not imp.ours and imp.target.split(".")[0] in HEAVY_THIRD_PARTY:
                return True
            if (imp.ours and imp.target in HEAVY_OWN_MODULES and imp.target not in seen | {name}
                    and heavy_at_top(imp.target, seen | {name})):
                return True
        return False

    light = [name for name in HEAVY_OWN_MODULES if not heavy_at_top(name)]
    assert light == [], (f"HEAVY_OWN_MODULES lists modules that import no heavy module "
                         f"({', '.join(HEAVY_THIRD_PARTY)}) at their top: {light}")


def explained(imp: Import) -> bool:
    """A comment on the import's line(s) or on the line before it; in a run of
    consecutive imports, one comment before the run explains them all."""
    comments = comment_lines(imp.module)
    starts = {line: other.line for other in imports(imp.module)
              for line in range(other.line, other.end_line + 1)}
    first = imp.line
    while first - 1 in starts and first - 1 not in comments:
        first = starts[first - 1]
    return bool(comments & set(range(first - 1, imp.end_line + 1)))


def test_function_level_imports_say_why():
    unexplained = list(dict.fromkeys(where(imp) for imp in all_imports()
                                     if imp.in_function and not explained(imp)))
    assert unexplained == [], (
        "function-level imports without a reason (a comment on the import's line or the line "
        "before it, or before the run of imports it belongs to):\n" + "\n".join(unexplained))


# --------------------------------------------------------------------------- #
# What importing loads (in a fresh interpreter).

_LOADED = """
import json, sys
import {imports}
print(json.dumps(sorted({{name.split(".")[0] for name in sys.modules}})))
"""


def loaded_by(imports: str) -> set[str]:
    done = subprocess.run([sys.executable, "-c", _LOADED.format(imports=imports)],
                          capture_output=True, text=True, timeout=120, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stdout.strip().splitlines()[-1]))


def test_importing_the_light_modules_loads_neither_pandas_nor_jieba():
    loaded = loaded_by("baogao, baogao.lint, baogao.widgets")
    assert "baogao" in loaded
    assert not loaded & {"pandas", "jieba"}, f"loaded: {sorted(loaded & {'pandas', 'jieba'})}"


_LINTED = """
import json, sys
from baogao.cli import main
try:
    main(["lint", "--json", sys.argv[1]])
except SystemExit:
    pass
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


def test_linting_a_draft_loads_neither_pandas_nor_numpy(tmp_path):
    # A student's first `baogao lint`: every rule reads the analysis's rows and columns,
    # not its DataFrames, so the draft is linted without importing pandas (a third of the wait).
    draft = tmp_path / "草稿.txt"
    draft.write_text("关于2026年工作的报告\n\n一、主要工作\n\n我们认真认真贯彻落实各项部署，取得了成效。"
                     + "全年举办讲座二十场，覆盖全部街道和社区，群众反映良好。" * 6 + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", _LINTED, str(draft)], capture_output=True, text=True,
                          timeout=120, cwd=ROOT, env={**os.environ, "BAOGAO_CACHE": str(tmp_path / "cache")},
                          check=False)
    assert done.returncode == 0, done.stderr
    out, _, modules = done.stdout.rpartition("\n[")
    assert '"duplicated-words"' in out  # the rules that read tokens ran, on segmented text
    loaded = set(json.loads("[" + modules))
    assert "jieba" in loaded  # segmented afresh: the draft ships with nothing
    assert not loaded & {"pandas", "numpy"}, f"loaded: {sorted(loaded & {'pandas', 'numpy'})}"


_ONE_ASSIGNMENT = """
import json, sys
from baogao.course import LESSONS, get_assignment
get_assignment(sys.argv[1])
print(json.dumps([item.id for item in LESSONS if item.module_name in sys.modules]))
"""


@pytest.mark.parametrize("name", ["01_structure", "06_proofreading"])
def test_one_assignment_imports_only_its_own_lesson(name):
    # A grader's worker asks for one assignment: importing every lesson cost each worker
    # 1.6 s of CPU (lesson 06 reads pandas and its errata), once per class and core.
    done = subprocess.run([sys.executable, "-c", _ONE_ASSIGNMENT, name], capture_output=True, text=True,
                          timeout=120, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == [name]


def test_importing_the_kit_loads_no_markdown_parser():
    # Only a Markdown draft needs markdown-it-py (40 ms of every command and kernel otherwise).
    assert "markdown_it" not in loaded_by("baogao, baogao.lint, baogao.exercises")


def test_importing_the_widgets_loads_no_ipywidgets():
    loaded = loaded_by("baogao.widgets")
    assert "ipywidgets" not in loaded


# --------------------------------------------------------------------------- #
# Module length.


def test_modules_are_short():
    lengths = {path.relative_to(PACKAGE).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
               for path in module_paths().values()}
    long = [f"src/baogao/{path}: {n} lines" for path, n in sorted(lengths.items())
            if n > MAX_LINES and path not in LONG_MODULES]
    assert long == [], (f"modules over {MAX_LINES} lines (split them by concept, or list one that is a "
                        "single concept in LONG_MODULES with its reason):\n" + "\n".join(long))
    stale = [f"src/baogao/{path}" for path in LONG_MODULES if lengths.get(path, 0) <= MAX_LINES]
    assert stale == [], f"LONG_MODULES lists modules that are gone or no longer over {MAX_LINES} lines: {stale}"


@pytest.mark.parametrize("path", sorted(LONG_MODULES))
def test_long_modules_have_a_reason(path):
    assert len(LONG_MODULES[path].split()) >= 5, f"say why {path} stays one file"


def test_command_only_modules_are_imported_by_their_command_only():
    missing = [name for name in COMMAND_ONLY_MODULES if name not in module_paths()]
    assert missing == [], f"COMMAND_ONLY_MODULES names modules that do not exist: {missing}"
    at_top = [where(imp) for imp in all_imports()
              if imp.target in COMMAND_ONLY_MODULES and not imp.in_function and not imp.type_checking
              and (imp.module == "baogao.cli" or imp.module in ("baogao.cli.reports",))]
    assert at_top == [], "the CLI imports a command's own module at its top:\n" + "\n".join(at_top)


def test_a_report_command_imports_no_other_commands_modules():
    # What `baogao lint` loads: none of the modules that only another command needs.
    import subprocess
    import sys

    code = ("import sys, baogao.cli; "
            f"print(sorted(m for m in {sorted(COMMAND_ONLY_MODULES)!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]", done.stdout
