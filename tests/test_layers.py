"""The core's imports go one way: model → text helpers → analysis/outline → rules → engine → io/cli.

Every import inside ``linting`` counts (module level, inside functions, under ``TYPE_CHECKING``):
a module may import only from its own layer or below, so there is no cycle such as
engine ↔ rules ↔ config, and a new module must be given a layer here on purpose.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "linting"

#: The layer of each module (a package prefix like ``linting.rules`` covers its modules).
LAYERS: dict[str, int] = {
    # 0. the model and data with no dependency
    "linting.model": 0,
    "linting.numerals": 0,
    "linting.messages": 0,
    "linting.appdata": 0,
    "linting.rule_ids": 0,
    "linting.chars": 0,
    "linting.vocabulary": 0,
    # 1. text helpers
    "linting.markers": 1,
    "linting.lexicon": 1,
    # 2. per-paragraph analysis and the configuration it is read with
    "linting.analysis": 2,
    "linting.config": 2,
    # 3. the outline pass, then what document rules see
    "linting.outline": 3,
    "linting.view": 4,
    # 5. rules
    "linting.rules": 5,
    # 6. the engine
    "linting.engine": 6,
    # 7. files, reports, command line
    "linting.io": 7,
    "linting.ignores": 7,
    "linting.user_config": 7,
    "linting.report": 7,
    "linting.annotate": 7,
    "linting.annotate_cli": 7,
    "linting.cli": 7,
    "linting.__main__": 7,
    "linting": 7,  # the package's __init__
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _layer(module: str) -> int | None:
    name = module
    while name:
        if name in LAYERS:
            return LAYERS[name]
        name = name.rpartition(".")[0]
    return None


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module) of every ``linting`` import in ``path``."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "linting"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "linting":
                continue
            # ``from . import messages``: the names may be modules themselves
            for a in node.names:
                sub = f"{target}.{a.name}"
                known = (PACKAGE.parent / (sub.replace(".", "/") + ".py")).exists() or (
                    PACKAGE.parent / sub.replace(".", "/")
                ).is_dir()
                out.append((node.lineno, sub if known else target))
    return out


SOURCES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    assert SOURCES
    assert [str(p.relative_to(ROOT)) for p in SOURCES if _layer(_module_name(p)) is None] == []


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_go_downward(path: Path) -> None:
    here = _layer(_module_name(path))
    assert here is not None
    upward = [
        f"line {line}: {target} (layer {_layer(target)})"
        for line, target in _imports(path)
        if (_layer(target) or 0) > here
    ]
    assert upward == [], f"{_module_name(path)} (layer {here}) imports upward"


def test_the_check_resolves_relative_imports() -> None:
    """The parser resolves relative imports, so an upward one would be caught."""
    imports = dict((t, line) for line, t in _imports(PACKAGE / "rules" / "sections.py"))
    assert "linting.view" in imports and "linting.config" in imports
    assert _layer("linting.engine") > _layer("linting.rules.sections")  # type: ignore[operator]
