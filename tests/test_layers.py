"""The package in layers: each folder a layer, imports only downward, no cycle, small parts.

The order below is the one place the layers are named. A module may import its own
layer and the layers before it; layers on one row are peers and do not import each
other. An import inside a function counts, and so does one under TYPE_CHECKING: a
reader follows them all.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "kontoguide"

LAYERS: list[tuple[str, ...]] = [
    ("model",),
    ("files",),
    ("checklist",),
    ("rules",),
    ("store",),
    ("questionnaire", "documents", "overview"),
    ("terminal",),
    ("cli",),
]
RANK = {layer: rank for rank, row in enumerate(LAYERS) for layer in row}
# The package's own two files: the version, and `python -m kontoguide`.
TOP = {"kontoguide": -1, "kontoguide.__main__": len(LAYERS)}

TERMINAL_LIBRARIES = ("questionary", "prompt_toolkit", "rich")
MAX_CLASS, MAX_FUNCTION, MAX_MODULE = 300, 80, 600


@dataclass(frozen=True)
class Import:
    source: str
    target: str
    line: int


def _modules() -> dict[str, Path]:
    return {
        ".".join(f.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__"): f
        for f in sorted(SRC.rglob("*.py"))
    }


def _imports() -> list[Import]:
    """Every import of every module, our own and third-party, wherever it stands."""
    found: list[Import] = []
    for name, file in _modules().items():
        package = name if file.name == "__init__.py" else name.rpartition(".")[0]
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found += [Import(name, alias.name, node.lineno) for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")
                    base = ".".join([*parts[: len(parts) - node.level + 1], *filter(None, [base])])
                found.append(Import(name, base, node.lineno))
                found += [Import(name, f"{base}.{alias.name}", node.lineno) for alias in node.names]
    return found


def _ours() -> dict[str, set[str]]:
    modules = _modules()
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for found in _imports():
        if found.target in modules and found.target != found.source:
            graph[found.source].add(found.target)
    return graph


def _rank(module: str) -> int:
    if module in TOP:
        return TOP[module]
    return RANK[module.split(".")[1]]


def test_every_module_lives_in_a_layer_folder() -> None:
    strays = [name for name in _modules() if name not in TOP and name.split(".")[1] not in RANK]
    assert strays == []


def test_no_import_cycle_between_our_modules() -> None:
    graph = _ours()
    cycles: list[str] = []
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> None:
        state[node] = 1
        path.append(node)
        for target in sorted(graph[node]):
            if state.get(target) == 1:
                cycles.append(" -> ".join([*path[path.index(target) :], target]))
            elif target not in state:
                visit(target)
        path.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node)
    assert cycles == []


def test_imports_go_only_down_the_layers() -> None:
    wrong = []
    for source, targets in _ours().items():
        for target in sorted(targets):
            if target == "kontoguide":  # the version, from the package itself
                continue
            same = target.split(".")[:2] == source.split(".")[:2]
            if not same and _rank(target) >= _rank(source):
                wrong.append(f"{source} -> {target}")
    assert wrong == []


def test_the_terminal_libraries_are_imported_in_the_terminal_layer_only() -> None:
    outside = [
        f"{found.source}:{found.line} {found.target}"
        for found in _imports()
        if found.target.split(".")[0] in TERMINAL_LIBRARIES
        and found.source.split(".")[1:2] != ["terminal"]
    ]
    assert outside == []


def test_the_check_sees_an_upward_import_and_a_cycle(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The rules above fail when they should: a made-up package with both faults."""
    package = tmp_path / "kontoguide"
    for folder in ("model", "cli"):
        (package / folder).mkdir(parents=True)
        (package / folder / "__init__.py").write_text("", encoding="utf-8")
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "model" / "a.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from kontoguide.cli import b\n",
        encoding="utf-8",
    )
    (package / "cli" / "b.py").write_text(
        "def f() -> None:\n    from kontoguide.model import a\n", encoding="utf-8"
    )
    monkeypatch.setitem(globals(), "SRC", tmp_path)
    with pytest.raises(AssertionError):
        test_imports_go_only_down_the_layers()
    with pytest.raises(AssertionError):
        test_no_import_cycle_between_our_modules()


def _too_long() -> list[str]:
    found = []
    for name, file in _modules().items():
        text = file.read_text(encoding="utf-8")
        if text.count("\n") > MAX_MODULE:
            found.append(f"{name}: {text.count(chr(10))} lines")
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                limit = MAX_CLASS if isinstance(node, ast.ClassDef) else MAX_FUNCTION
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > limit:
                    found.append(f"{name}:{node.lineno} {node.name}: {length} lines")
    return found


def test_no_class_function_or_module_over_its_size() -> None:
    assert _too_long() == []
