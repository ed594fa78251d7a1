"""Imports go one way: model ← values ← read ← rules/scoring/narrative ← pipeline ← write ← cli."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "perfeval_xl"

RANKS = {
    "model": 0,
    "findings": 0,
    "scheme": 0,
    "tolerance": 0,
    "ooxml": 1,
    "values": 0.5,  # value parsers: below the reader, above the model
    "read": 1,
    "rules": 2,
    "scoring": 2,
    "narrative": 2,
    "pipeline": 3,
    "config": 3,
    "serialize": 4,
    "write": 4,
    "outputs": 4,  # the form layout and writer (template/), later everything a run writes
    "importer": 4,
    "cli": 5,
    "api": 5,  # check_folder / read_results: the command's equal, for Python
    "__main__": 5,
    "__init__": 0,
}


def _layer(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(node.module)
        elif isinstance(node, ast.Import):
            found.extend(a.name for a in node.names)
    return [m for m in found if m.startswith("perfeval_xl")]


def test_every_layer_is_known():
    layers = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir() if not p.name.startswith((".", "_")) or p.name in ("__init__.py", "__main__.py")}
    layers = {name for name in layers if name != "__pycache__"}
    assert layers <= set(RANKS), f"add new modules to RANKS: {sorted(layers - set(RANKS))}"


def test_imports_only_point_down():
    wrong = []
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        module = ".".join(rel.parts)
        own = RANKS[_layer(module)] if module != "perfeval_xl.__init__" else 0
        for imported in _imports(path):
            target = _layer(imported)
            if target in RANKS and RANKS[target] > own:
                wrong.append(f"{module} imports {imported}")
    assert not wrong, "imports against the layer order:\n" + "\n".join(wrong)


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
    synth = PACKAGE.parent / "tests" / "support" / "synth"
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
    "write/notices/document.py": {"Document"},  # python-docx's own blank template, never an input file
    # the summary reopens the 汇总.xlsx it has just written itself to put 指标明细's rows in; never an input file
    "write/_summary_indicators.py": {"ZipFile"},
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
