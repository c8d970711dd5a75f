"""What the grader re-runs of a function answer: the definition and what it
uses at the top level of the notebook, nothing else (baogao.teach.extract)."""

from __future__ import annotations

from baogao.teach.extract import needed_source, python_source, statements


def needed(cells: list[str], *names: str) -> list[str]:
    return needed_source(statements(cells), list(names))


def test_the_function_and_what_it_uses_transitively():
    cells = ["import re\nimport json\nfrom baogao.course import lesson01_structure as ex",
             "CN = '[一二三]'\nPATTERN = re.compile(f'{CN}、')\nunused = 1",
             "def helper(line):\n    return PATTERN.match(line)\n\ndef f(line):\n    return bool(helper(line))",
             "ex.q3.check(f)\nprint(f('一、'))"]
    assert needed(cells, "f") == ["import re", "CN = '[一二三]'", "PATTERN = re.compile(f'{CN}、')",
                                  "def helper(line):\n    return PATTERN.match(line)",
                                  "def f(line):\n    return bool(helper(line))"]


def test_calls_and_checks_of_the_notebook_are_left_out():
    cells = ["import json\njson.dumps = lambda *a, **k: '{}'", "def f(x):\n    return x", "ex.q1.check()"]
    assert needed(cells, "f") == ["def f(x):\n    return x"]


def test_the_last_definition_wins_and_reads_what_came_before_it():
    cells = ["def f(x):\n    return 0", "N = 1", "N = N + 1", "def f(x):\n    return x + N", "N += 1"]
    assert needed(cells, "f") == ["N = 1", "N = N + 1", "def f(x):\n    return x + N", "N += 1"]


def test_defaults_and_decorators_are_read_when_the_def_runs():
    # The default is read once, when the def runs: the later LIMIT = 9 is not needed.
    cells = ["LIMIT = 3", "def deco(g):\n    return g", "@deco\ndef f(x, n=LIMIT):\n    return x * n", "LIMIT = 9"]
    assert needed(cells, "f") == ["LIMIT = 3", "def deco(g):\n    return g",
                                  "@deco\ndef f(x, n=LIMIT):\n    return x * n"]


def test_definitions_inside_blocks_are_not_found():
    assert needed(["if True:\n    def f(x):\n        return x"], "f") == []
    assert needed(["x = 1"], "f") == []


def test_cells_with_magics_and_broken_cells():
    assert python_source("%matplotlib inline\ndef f(x):\n    return x") is not None
    assert python_source("def f(:\n") is None
    assert needed(["%matplotlib inline\ndef f(x):\n    return x", "def (:"], "f") == ["def f(x):\n    return x"]
