"""The size rule of the code outside tests: no module over 300 lines and no function over
60 lines, unless its docstring has a line starting with "Longer than" that says why
(e.g. "Longer than 60 lines: one table of rules, split it and the order is lost.").

Reads every .py file under services/, contracts/, servicekit/, devstack/ and bench/ with
`ast`; runs nothing.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CHECKED = ("services", "contracts", "servicekit", "devstack", "bench")
MODULE_MAX_LINES = 300
FUNCTION_MAX_LINES = 60
MARKER = "Longer than"


def sources() -> Iterator[Path]:
    for folder in CHECKED:
        yield from sorted((REPO / folder).rglob("*.py"))


def explains_length(node: ast.Module | ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Its docstring has a line `Longer than ...` with a reason after it."""
    doc = ast.get_docstring(node) or ""
    return any(
        line.strip().startswith(MARKER) and len(line.strip()) > len(MARKER) + 10
        for line in doc.splitlines()
    )


def function_length(node: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """Lines from the first decorator (or `def`) to the last line of the body."""
    first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
    return (node.end_lineno or node.lineno) - first + 1


def violations(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text, filename=str(path))
    name = path.relative_to(REPO).as_posix()
    found: list[str] = []
    lines = len(text.splitlines())
    if lines > MODULE_MAX_LINES and not explains_length(tree):
        found.append(f"{name}: module of {lines} lines")
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = function_length(node)
            if length > FUNCTION_MAX_LINES and not explains_length(node):
                found.append(f"{name}:{node.lineno}: function {node.name} of {length} lines")
    return found


def test_modules_and_functions_stay_small_or_say_why() -> None:
    found = [v for path in sources() for v in violations(path)]
    assert not found, (
        f"over {MODULE_MAX_LINES} lines per module or {FUNCTION_MAX_LINES} per function, "
        f"without a docstring line `{MARKER} ...` saying why:\n" + "\n".join(found)
    )


def test_the_rule_sees_long_functions_and_their_reasons(tmp_path: Path) -> None:
    body = "\n".join(f"    x{i} = {i}" for i in range(FUNCTION_MAX_LINES))
    plain = ast.parse(f"def f():\n{body}\n").body[0]
    explained = ast.parse(
        f'def f():\n    """Longer than {FUNCTION_MAX_LINES} lines: a table kept whole."""\n'
        f"{body}\n"
    ).body[0]
    assert isinstance(plain, ast.FunctionDef) and isinstance(explained, ast.FunctionDef)
    assert function_length(plain) == FUNCTION_MAX_LINES + 1
    assert not explains_length(plain)
    assert explains_length(explained)
