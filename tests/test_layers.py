"""Imports go one way, one stage at a time: the contracts in pyproject.toml's
[tool.importlinter] (ranks per stage, private modules kept inside their
package), checked with import-linter; and the few calls that inflate zip
entries stay in the one package layer."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "perfeval_xl"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", "--config", str(root / "pyproject.toml")],
        cwd=root, capture_output=True, text=True, env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
    )


def test_the_import_contracts_hold():
    out = _lint_imports(ROOT)
    assert out.returncode == 0, out.stdout[-4000:] + out.stderr[-2000:]


def test_an_import_against_the_layers_breaks_the_contract(tmp_path):
    """The check can fail: the model importing the CLI is reported."""
    shutil.copytree(PACKAGE, tmp_path / "perfeval_xl", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    model = tmp_path / "perfeval_xl" / "model.py"
    model.write_text(model.read_text(encoding="utf-8") + "\nimport perfeval_xl.cli  # noqa\n", encoding="utf-8")
    out = _lint_imports(tmp_path)
    assert out.returncode != 0 and "perfeval_xl.model is not allowed to import perfeval_xl.cli" in out.stdout


def _ranked() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
    layers = next(c for c in config["contracts"] if c["type"] == "layers")["layers"]
    return {name.strip().split(".")[1] for layer in layers for name in layer.replace("|", ":").split(":")}


def test_every_stage_has_a_rank():
    """A new module or folder directly under perfeval_xl/ must be placed in the layers."""
    stages = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir() if (p.suffix == ".py" or p.is_dir()) and p.name != "__pycache__"}
    stages -= {"__init__"}
    assert stages - _ranked() == set(), f"add to [tool.importlinter] layers: {sorted(stages - _ranked())}"


def _imports(path: Path) -> list[str]:
    """The perfeval_xl modules ``path`` imports (absolute imports)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found.extend(a.name for a in node.names)
    return [m for m in found if m.startswith("perfeval_xl")]


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_the_installed_package_never_imports_the_tests():
    """The test-data generator lives in tests/support, which ``pip install`` does not install."""
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            wrong += [f"{path.relative_to(PACKAGE)} imports {n}" for n in names if n.split(".")[0] in ("tests", "benchmarks")]
    assert not wrong, "\n".join(wrong)


def test_the_generator_reads_values_its_own_way():
    """tests/support/synth is the reader's oracle: it may use production's writer (writing is not
    reading), never production's parsers, or it would share their mistakes."""
    synth = ROOT / "tests" / "support" / "synth"
    assert (synth / "canon.py").is_file()
    wrong = [f"{path.name} imports {m}" for path in synth.rglob("*.py") for m in _imports(path)
             if _layer(m) in ("values", "read", "narrative", "rules", "scoring")]
    assert not wrong, "\n".join(wrong)


# Calls that inflate zip entries, and the only places allowed to make them.
INFLATING = {"ZipFile", "decompress", "decompressobj", "load_workbook", "Document", "unpack_archive"}
INFLATING_MODULES = {"bz2", "lzma", "gzip", "tarfile"}
ALLOWED_INFLATERS = {
    "ooxml/package.py": {"ZipFile", "decompressobj", "decompress"},  # the one package layer, which holds every part to [limits]
    "read/grid.py": {"load_workbook"},  # the openpyxl fallback, only after Package.check_all (read/workbook.py)
    "importer/docx_source.py": {"Document"},  # python-docx, only after Package.check_all (importer/report.py)
    "outputs/notices/document.py": {"Document"},  # python-docx's own blank template, never an input file
    # the summary reopens the 汇总.xlsx it has just written itself to put 指标明细's rows in; never an input file
    "outputs/summary/_indicators.py": {"ZipFile"},
}


def test_only_the_package_layer_inflates_zip_entries():
    """Every inflate is bounded by [limits] only if nothing else opens a zip on its own."""
    found = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE).as_posix()
        allowed = ALLOWED_INFLATERS.get(rel, set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = node.attr if isinstance(node, ast.Attribute) else node.id if isinstance(node, ast.Name) else None
            if name in INFLATING and name not in allowed:
                found.append(f"{rel}:{node.lineno} uses {name}")
            if isinstance(node, (ast.Import, ast.ImportFrom)):
                modules = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""]
                found += [f"{rel}:{node.lineno} imports {m}" for m in modules if m.split(".")[0] in INFLATING_MODULES]
    assert not found, "inflate zip entries through perfeval_xl.ooxml.package.Package:\n" + "\n".join(found)


def test_the_package_loads_its_api_only_when_asked():
    """``import perfeval_xl`` is what every worker process does: it must not
    bring in the API; ``perfeval_xl.check_folder`` does, still without pandas
    (a run builds its tables in a helper process); reading a table brings it."""
    import subprocess
    import sys

    probe = (
        "import sys, perfeval_xl; before = 'pandas' in sys.modules or 'perfeval_xl.api' in sys.modules; "
        "perfeval_xl.check_folder; print(before, 'perfeval_xl.api' in sys.modules, 'pandas' in sys.modules); "
        "perfeval_xl.Batch({'projects': [], 'findings': [], 'failed': []}).projects; print('pandas' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=PACKAGE.parent)
    assert out.stdout.split() == ["False", "True", "False", "True"]


def _readme_tree() -> set[str]:
    """The folders and modules the README's “代码结构” tree names under perfeval_xl/."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## 代码结构", 1)[1].split("\n## ", 1)[0]
    tree = section.split("```\nperfeval_xl/\n", 1)[1].split("```", 1)[0]
    named: set[str] = set()
    for line in tree.splitlines():
        if not line.startswith("  ") or line.startswith("   "):
            continue  # a continuation line, or outside the package (tests/support/…)
        head = line.strip().split("   ")[0].split("  ")[0]
        named |= {name.strip().removesuffix("/").removesuffix(".py") for name in head.split(",")}
    return named


def test_the_readme_tree_names_every_stage():
    stages = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir() if (p.suffix == ".py" or p.is_dir()) and p.name != "__pycache__"}
    stages -= {"__init__", "__main__"}
    assert _readme_tree() == stages
