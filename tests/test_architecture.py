"""The house rules a newcomer relies on: no import cycles, small modules.

Every import counts, at a module's top or inside a function: a function-level import is
how uwe keeps a command's start-up cost down (a library, or a module only some commands
need, imported where it is used), never a way to hide a cycle: two modules that import each
other, at whatever level, cannot be read, tested or moved one without the other. Only the
imports under `if TYPE_CHECKING:` are left out: they name types for mypy and never run.
"""

from __future__ import annotations

import ast
from pathlib import Path

import uwe_cli

PACKAGE = Path(uwe_cli.__file__).parent
MAX_LINES = 400


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def imports(name: str, path: Path) -> set[str]:
    """The modules of the tool's that `name` imports, at any level (see the module docstring)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if _type_checking(node):
            for child in node.orelse:  # type: ignore[attr-defined]
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # (relative: from the package `level` steps up)
                up = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*up, base] if base else up)
            for alias in node.names:  # `from pkg import module` imports that module
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(ast.parse(path.read_text(encoding="utf-8")))
    return {module for module in found if module in MODULES and module != name}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that reach each other (Tarjan's strongly connected components)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in sorted(graph[module]):
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while True:
                other = stack.pop()
                group.append(other)
                if other == module:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_no_module_imports_itself_back() -> None:
    graph = {name: imports(name, path) for name, path in MODULES.items()}
    assert cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle_through_a_function_level_import() -> None:
    # (so that the test above cannot pass for want of seeing the imports)
    graph = {name: imports(name, path) for name, path in MODULES.items()}
    assert "uwe_cli.i18n.messages" in graph["uwe_cli.errors"]  # a top-level import
    assert "uwe_cli.i18n.formatting" in graph["uwe_cli.i18n.language"]  # one inside a method
    assert "uwe_cli.i18n.language" not in graph["uwe_cli.i18n.formatting"]  # under TYPE_CHECKING only
    assert cycles({**graph, "uwe_cli.i18n.formatting": {"uwe_cli.i18n.language"}}) == [
        ["uwe_cli.i18n.formatting", "uwe_cli.i18n.language"]
    ]


def test_no_module_is_over_400_lines() -> None:
    long = {
        name: n
        for name, path in MODULES.items()
        if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
