"""The package keeps the shape STYLE.md asks for: no module over 400 lines, no function over 60.

There are no exceptions: a module or function that grows over fails at once, by name, so it is split into modules of
one job or named steps while its author still knows it.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "generator" / "trustpages"
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def oversized(package: Path) -> dict[str, int]:
    """Every module over MAX_MODULE_LINES ("path") and function over MAX_FUNCTION_LINES ("path:qualified name"), with its length."""
    found: dict[str, int] = {}
    for path in sorted(package.rglob("*.py")):
        name = path.relative_to(package).as_posix()
        source = path.read_text(encoding="utf-8")
        lines = len(source.splitlines())
        if lines > MAX_MODULE_LINES:
            found[name] = lines
        for qualified, length in _function_lengths(ast.parse(source)):
            if length > MAX_FUNCTION_LINES:
                found[f"{name}:{qualified}"] = length
    return found


def _function_lengths(tree: ast.AST, scope: str = "") -> list[tuple[str, int]]:
    """(qualified name, lines from `def` to its last line) of every function, methods and nested ones included."""
    lengths = []
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            qualified = f"{scope}{node.name}"
            if not isinstance(node, ast.ClassDef):
                lengths.append((qualified, (node.end_lineno or node.lineno) - node.lineno + 1))
            lengths += _function_lengths(node, f"{qualified}.")
        else:
            lengths += _function_lengths(node, scope)
    return lengths


def test_no_module_or_function_is_over_the_limits() -> None:
    found = oversized(PACKAGE)
    assert found == {}, f"split these into modules of one job or named steps (limits: {MAX_MODULE_LINES} and {MAX_FUNCTION_LINES} lines)"


def test_a_long_function_and_a_long_module_are_found_by_name(tmp_path: Path) -> None:
    body = "\n".join(f"    x{n} = {n}" for n in range(MAX_FUNCTION_LINES))  # with its `def` line: one line over
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "long.py").write_text(f"class Page:\n    def render(self):\n    {body.replace(chr(10), chr(10) + '    ')}\n")
    (tmp_path / "short.py").write_text("def fits():\n" + "\n".join(f"    x{n} = {n}" for n in range(MAX_FUNCTION_LINES - 1)) + "\n")
    (tmp_path / "big.py").write_text("x = 1\n" * (MAX_MODULE_LINES + 1))
    (tmp_path / "edge.py").write_text("x = 1\n" * MAX_MODULE_LINES)
    assert oversized(tmp_path) == {"big.py": MAX_MODULE_LINES + 1, "sub/long.py:Page.render": MAX_FUNCTION_LINES + 1}


def test_the_plugin_is_a_thin_adapter() -> None:
    # What it does lives in trustpages.mkdocs and the pipeline; the plugin only translates MkDocs' events.
    assert len((PACKAGE / "plugin.py").read_text(encoding="utf-8").splitlines()) < 200
