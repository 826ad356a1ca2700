"""The package's shape: small modules with one job each.

A module that grows past the limit is a module doing two jobs; split it along its seams (as the
extractors' pattern, exclusion and list modules are split) rather than raise the limit.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "govmetrics"
MOST_LINES = 450
MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("module", MODULES, ids=lambda path: str(path.relative_to(PACKAGE)))
def test_no_module_is_over_the_line_limit(module: Path) -> None:
    lines = len(module.read_text("utf-8").splitlines())
    assert lines <= MOST_LINES, f"{module.name} has {lines} lines"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


NAMES = {_module_name(path): path for path in MODULES}


def _imported(module: str, path: Path) -> set[str]:
    """The govmetrics modules ``module`` imports when it runs, at any level: at the top, inside a
    function, or as ``from govmetrics import lexicon``; imports under ``if TYPE_CHECKING:`` are
    for the type checker and never run, so they are left out."""
    tree = ast.parse(path.read_text("utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and ast.unparse(node.test) in ("TYPE_CHECKING", "typing.TYPE_CHECKING"):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name in NAMES)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            submodules = {f"{base}.{alias.name}" for alias in node.names} & NAMES.keys()
            found.update(submodules)
            if len(submodules) < len(node.names) and base in NAMES:
                found.add(base)  # a name defined in the module itself (or the package's facade)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    found.discard(module)
    return found


def _circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def connect(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in sorted(graph[module]):
            if other not in index:
                connect(other)
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
                circles.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            connect(module)
    return circles


def test_no_module_imports_a_module_that_imports_it_back() -> None:
    """The modules form layers: records, then what reads and writes them, then the pipeline and
    its front ends. A circle (models → frames → batch → api → models) makes every module of it
    load with all the others, and means one of them is doing another layer's job."""
    graph = {module: _imported(module, path) for module, path in NAMES.items()}
    circles = _circles(graph)
    described = [" ↔ ".join(group) + ": " + "; ".join(f"{m} → {sorted(graph[m] & set(group))}" for m in group)
                 for group in circles]  # fmt: skip
    assert not circles, "\n".join(described)


def test_the_import_walk_sees_imports_inside_functions_and_not_type_checking_ones(tmp_path: Path) -> None:
    module = tmp_path / "govmetrics" / "example.py"
    module.parent.mkdir()
    module.write_text(
        "from typing import TYPE_CHECKING\n"
        "from govmetrics import lexicon\n"
        "if TYPE_CHECKING:\n    from govmetrics.extraction import Extraction\n"
        "def f():\n    from govmetrics.plugins import get_plugin_host\n",
        "utf-8",
    )
    assert _imported("govmetrics.example", module) == {"govmetrics.lexicon", "govmetrics.plugins"}
    assert _circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


#: The modules that read text: they get their lexicons as an argument, never from the plugin host.
READERS = [name for name in NAMES if name.startswith("govmetrics.extractors.")] + [
    "govmetrics.chinese",
    "govmetrics.lexicon",
    "govmetrics.names",
    "govmetrics.people",
]


@pytest.mark.parametrize("module", READERS)
def test_no_extractor_fetches_the_plugin_host(module: str) -> None:
    """An extractor reads the lexicons the host hands it (``govmetrics_extract(article, lexicons)``);
    one that fetched the process's host would read another host's words under ``using_host``."""
    assert "govmetrics.plugins" not in _imported(module, NAMES[module])
