"""The declared runtime dependencies are exactly what the package imports:
nothing imported that a fresh install would lack, nothing installed for nothing."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _imported_top_levels() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "perfeval_xl").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {name for name in found if name not in sys.stdlib_module_names and name != "perfeval_xl"}


def _normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {_normalised(re.split(r"[<>=!~\[; ]", spec, maxsplit=1)[0]) for spec in project["dependencies"]}


def test_declared_dependencies_are_what_the_package_imports():
    distributions = packages_distributions()
    imported = {}
    for module in _imported_top_levels():
        names = distributions.get(module)
        assert names, f"{module} is imported by perfeval_xl but installed by no distribution"
        imported[_normalised(names[0])] = module
    declared = _declared()
    assert set(imported) - declared == set(), f"imported but not declared: {sorted(set(imported) - declared)}"
    assert declared - set(imported) == set(), f"declared but never imported: {sorted(declared - set(imported))}"
