"""Mutation testing of the code that makes the numbers and the guarantees: does a small planted bug fail a test?

Each mutant is one small change to one module, made on its syntax tree: a comparison flipped
(`<` for `<=`, `in` for `not in`, ...), `and` for `or`, a `not` dropped or an `if` negated, a
number one higher or a flag inverted, `+` for `-`, `*` for `/`, and a call to an escaping function
(`escape`, `xml_safe`) removed. The module's covering tests (TARGETS) run against each mutant, in a
copy of the package, with a timeout; a mutant no test fails is a missing test or dead code. A line
may say `# pragma: no mutate` (with why: an equivalent change, such as a bound that only caching sees).

Slow (minutes per module; the append-only checks' tests take tens of seconds a run), so it is not
part of `make test`: `make mutation` runs it before a release. Usage:

    python bench/mutation.py [--only metrics.py,targets.py] [--jobs 2] [--list]
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCE = REPO / "generator"
NO_MUTATE = "pragma: no mutate"
ESCAPES = frozenset({"escape", "xml_safe"})


@dataclass(frozen=True)
class Target:
    """A module (relative to generator/), the tests that cover it, and optionally just some of its functions."""

    module: str
    tests: tuple[str, ...]
    functions: tuple[str, ...] = ()  # qualified names (Class.method); empty: every function


TARGETS = (
    Target("trustpages/metrics.py", ("tests/test_metrics.py",)),
    Target("trustpages/targets.py", ("tests/test_targets.py",)),
    Target(
        "trustpages/checks/published.py",
        ("tests/checks/test_published.py", "tests/checks/test_append_only.py", "tests/checks/test_examples.py"),
    ),
    Target("trustpages/checks/examples.py", ("tests/checks/test_examples.py",)),
    Target(
        "trustpages/prose/__init__.py",
        ("tests/hostile/test_outputs.py", "tests/render/test_site_templates.py"),
        ("html", "_bounded_html", "_html", "xml_safe", "inline", "_inline"),
    ),
    Target("trustpages/prose/bounded.py", ("tests/hostile/test_outputs.py",)),
    Target(
        "trustpages/render/environment.py",
        ("tests/hostile/test_outputs.py", "tests/render/test_site_templates.py"),
        ("Clock.moment", "Clock.window", "wrappable"),
    ),
    Target("trustpages/buildcache/themed.py", ("tests/test_buildcache.py",), ("ThemedPageStore.get",)),
    Target("trustpages/asof.py", ("tests/test_asof.py",)),
    Target("trustpages/timeliness.py", ("tests/test_timeliness.py",)),
    Target("trustpages/outfolder.py", ("tests/test_outfolder.py",)),
    Target("trustpages/opendata/keeper.py", ("tests/opendata/test_keeper.py",)),
    Target("trustpages/opendata/links.py", ("tests/opendata/test_links.py",)),
    Target("trustpages/opendata/securitytxt.py", ("tests/opendata/test_securitytxt.py",)),
)


@dataclass(frozen=True)
class Mutant:
    target: Target
    index: int  # the n-th place a mutation can be made in the module, in the order the tree is walked
    line: int
    function: str
    change: str

    def where(self) -> str:
        return f"generator/{self.target.module}:{self.line}: {self.change} (in {self.function})"


_FLIPS: dict[type[ast.cmpop], type[ast.cmpop]] = {
    ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq, ast.NotEq: ast.Eq,
    ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is,
}  # fmt: skip
_ARITHMETIC: dict[type[ast.operator], type[ast.operator]] = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult}
_SYMBOL = {
    ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=", ast.In: "in", ast.NotIn: "not in",
    ast.Is: "is", ast.IsNot: "is not", ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.And: "and", ast.Or: "or",
}  # fmt: skip


class _Mutator(ast.NodeTransformer):
    """Walks a module, listing every place a mutation can be made (`found`); changes the `target`-th one."""

    def __init__(self, lines: list[str], target: int | None = None) -> None:
        self.lines, self.target = lines, target
        self.found: list[tuple[int, str, str]] = []  # (line, function, change)
        self.scope: list[str] = []

    def _place(self, node: ast.AST, change: str, mutated: Callable[[], ast.AST]) -> ast.AST:
        line = getattr(node, "lineno", 0)
        if NO_MUTATE in self.lines[line - 1] or not self.scope:
            return node  # marked equivalent, or module level (constants, imports): run once at import
        index = len(self.found)
        self.found.append((line, ".".join(self.scope), change))
        return ast.copy_location(mutated(), node) if index == self.target else node

    def _scoped(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> ast.AST:
        self.scope.append(node.name)
        node.body = [self.visit(child) for child in node.body]  # not decorators or annotations: no behaviour there
        self.scope.pop()
        return node

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = _scoped

    def visit_Compare(self, node: ast.Compare) -> ast.AST:
        self.generic_visit(node)
        result: ast.AST = node
        for position, op in enumerate(node.ops):
            flipped = _FLIPS.get(type(op))
            if flipped is not None:

                def make(position: int = position, flipped: type[ast.cmpop] = flipped) -> ast.AST:
                    ops = list(node.ops)
                    ops[position] = flipped()
                    return ast.Compare(node.left, ops, node.comparators)

                mutated = self._place(node, f"{_SYMBOL[type(op)]} → {_SYMBOL[flipped]}", make)
                result = mutated if mutated is not node else result
        return result

    def visit_BoolOp(self, node: ast.BoolOp) -> ast.AST:
        self.generic_visit(node)
        other = ast.Or() if isinstance(node.op, ast.And) else ast.And()
        return self._place(node, f"{_SYMBOL[type(node.op)]} → {_SYMBOL[type(other)]}", lambda: ast.BoolOp(other, node.values))

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.op, ast.Not):
            return self._place(node, "`not` dropped", lambda: node.operand)
        return node

    def visit_If(self, node: ast.If) -> ast.AST:
        self.generic_visit(node)
        node.test = self._negated(node.test)
        return node

    def visit_IfExp(self, node: ast.IfExp) -> ast.AST:
        self.generic_visit(node)
        node.test = self._negated(node.test)
        return node

    def _negated(self, test: ast.expr) -> ast.expr:
        negated = self._place(test, "condition negated", lambda: ast.UnaryOp(ast.Not(), test))
        assert isinstance(negated, ast.expr)
        return negated

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        other = _ARITHMETIC.get(type(node.op))
        if other is None or _is_text(node.left) or _is_text(node.right):  # "a" + "b", "%s" % x: not arithmetic
            return node
        return self._place(node, f"{_SYMBOL[type(node.op)]} → {_SYMBOL[other]}", lambda: ast.BinOp(node.left, other(), node.right))

    def visit_Constant(self, node: ast.Constant) -> ast.AST:
        if isinstance(node.value, bool):
            return self._place(node, f"{node.value} → {not node.value}", lambda: ast.Constant(not node.value))
        if isinstance(node.value, int):
            return self._place(node, f"{node.value} → {node.value + 1}", lambda: ast.Constant(node.value + 1))
        return node

    def visit_JoinedStr(self, node: ast.JoinedStr) -> ast.AST:
        return node  # f-strings: their format specs are text, their values are shown, not computed on

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        name = node.func.id if isinstance(node.func, ast.Name) else node.func.attr if isinstance(node.func, ast.Attribute) else ""
        if name in ESCAPES and len(node.args) == 1 and not node.keywords:
            return self._place(node, f"call to {name}() removed", lambda: node.args[0])
        return node


def _is_text(node: ast.expr) -> bool:
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))


def mutants(target: Target) -> list[Mutant]:
    text = (SOURCE / target.module).read_text(encoding="utf-8")
    walker = _Mutator(text.splitlines())
    walker.visit(ast.parse(text))
    found = [Mutant(target, index, line, function, change) for index, (line, function, change) in enumerate(walker.found)]
    if target.functions:
        found = [m for m in found if any(m.function == f or m.function.startswith(f + ".") for f in target.functions)]
    return found


def mutated_source(target: Target, index: int | None) -> str:
    text = (SOURCE / target.module).read_text(encoding="utf-8")
    tree = _Mutator(text.splitlines(), index).visit(ast.parse(text))
    return ast.unparse(ast.fix_missing_locations(tree))


@dataclass(frozen=True)
class Outcome:
    mutant: Mutant
    killed: bool
    timed_out: bool
    seconds: float


class Workspace:
    """A copy of generator/ (and a link to templates/) per worker, where one module at a time is swapped for a mutant."""

    def __init__(self, root: Path) -> None:
        self.root = root
        shutil.copytree(SOURCE, root / "generator", ignore=shutil.ignore_patterns("__pycache__"))
        (root / "templates").symlink_to(REPO / "templates")  # built-in templates are found beside the package

    def run(self, target: Target, source: str, timeout: float) -> tuple[bool, bool]:
        """(tests passed, timed out) with `source` as the target module."""
        module = self.root / "generator" / target.module
        module.write_text(source, encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(self.root / "generator"), "PYTHONDONTWRITEBYTECODE": "1", "NO_MKDOCS_2_WARNING": "1"}
        command = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", "--no-header", *target.tests]
        try:
            done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return False, True
        finally:
            shutil.copyfile(SOURCE / target.module, module)
        return done.returncode == 0, False


def run_target(target: Target, workspaces: list[Workspace], report: Callable[[Outcome], None]) -> list[Outcome]:
    started = time.perf_counter()
    passed, _ = workspaces[0].run(target, mutated_source(target, None), timeout=1800)
    if not passed:
        raise SystemExit(f"the tests of {target.module} fail without any mutant: fix them first ({' '.join(target.tests)})")
    timeout = max(60.0, 3 * (time.perf_counter() - started))
    found = mutants(target)
    free = list(workspaces)

    def one(mutant: Mutant) -> Outcome:
        workspace = free.pop()
        try:
            began = time.perf_counter()
            passed, timed_out = workspace.run(target, mutated_source(target, mutant.index), timeout)
            outcome = Outcome(mutant, not passed, timed_out, time.perf_counter() - began)
        finally:
            free.append(workspace)
        report(outcome)
        return outcome

    with ThreadPoolExecutor(max_workers=len(workspaces)) as pool:
        return list(pool.map(one, found))


def _chosen(only: str | None) -> Iterator[Target]:
    names = [name.strip() for name in only.split(",")] if only else []
    for target in TARGETS:
        if not names or any(target.module.endswith(name) for name in names):
            yield target


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", help="comma-separated module names, e.g. metrics.py,published.py (default: every target)")
    parser.add_argument("--jobs", type=int, default=1, help="mutants tested at once (default: 1; the tests are single-threaded)")
    parser.add_argument("--list", action="store_true", help="list the mutants and stop")
    args = parser.parse_args()
    targets = list(_chosen(args.only))
    if not targets:
        print(f"mutation: no target matches {args.only!r}", file=sys.stderr)
        return 2
    if args.list:
        for target in targets:
            for mutant in mutants(target):
                print(mutant.where())
        return 0
    rows: list[str] = []
    survivors: list[Mutant] = []
    with tempfile.TemporaryDirectory(prefix="trustpages-mutation-") as folder:
        workspaces = [Workspace(Path(folder) / f"w{n}") for n in range(max(1, args.jobs))]
        for target in targets:

            def report(outcome: Outcome) -> None:
                mark = "killed" if outcome.killed else "SURVIVED"
                print(f"{mark:8} {outcome.seconds:5.1f}s {outcome.mutant.where()}", flush=True)

            outcomes = run_target(target, workspaces, report)
            killed = sum(outcome.killed for outcome in outcomes)
            timeouts = sum(outcome.timed_out for outcome in outcomes)
            survivors += [outcome.mutant for outcome in outcomes if not outcome.killed]
            score = f"{100 * killed / len(outcomes):.0f}%" if outcomes else "—"
            scope = f" ({', '.join(target.functions)})" if target.functions else ""
            rows.append(f"| `{target.module}`{scope} | {len(outcomes)} | {killed} | {timeouts} | {score} |")
    print("\n| module | mutants | killed | of which timed out | score |\n| --- | ---: | ---: | ---: | ---: |")
    print("\n".join(rows))
    if survivors:
        print("\nSurvivors (each a missing test, or dead code):")
        print("\n".join(mutant.where() for mutant in survivors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
