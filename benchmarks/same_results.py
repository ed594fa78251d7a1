"""Does a speed-up change any result? Compare the outputs of two revisions.

    python benchmarks/same_results.py [--base REV] [-n 250] [--workdir DIR]

Runs ``perfeval run`` from a clean export of ``--base`` (default: main) and
from this working tree over the samples and over the N-file benchmark corpus
(generated as in ``speed.py``), and checks that the two ``results.json`` are
byte-identical and that every completed workbook, the summary and every
核查意见 letter hold the same parts with the same bytes (the zip around them
may differ; the summary's output folder and run times, and the docProps'
time of writing, are left out). Exits 1 and names the first
difference when they are not. Performance work must leave every result
exactly as it was.
"""

from __future__ import annotations

import argparse
import difflib
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from speed import corpus  # noqa: E402


def export(rev: str, into: Path) -> Path:
    """The tree of ``rev`` as plain files (a checkout without touching ours)."""
    archive = subprocess.run(["git", "archive", rev], cwd=ROOT, check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def results_of(tree: Path, inputs: Path, out: Path) -> bytes:
    subprocess.run(
        [sys.executable, "-m", "perfeval_xl", "run", str(inputs), "-o", str(out)],
        cwd=tree, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    return (out / "results.json").read_bytes()


def parts_of(workbook: Path) -> list[tuple[str, bytes]]:
    with zipfile.ZipFile(workbook) as zf:
        return [(info.filename, zf.read(info)) for info in zf.infolist()]


def copies_differing(before: Path, after: Path) -> list[str]:
    """The completed workbooks (relative paths) whose parts differ, or that
    exist in one output only."""
    names = {p.relative_to(before) for p in before.rglob("*_核查.xlsx")} | {p.relative_to(after) for p in after.rglob("*_核查.xlsx")}
    differing = []
    for name in sorted(names):
        a, b = before / name, after / name
        if not (a.exists() and b.exists()) or parts_of(a) != parts_of(b):
            differing.append(name.as_posix())
    return differing


def others_differing(before: Path, after: Path) -> list[str]:
    """The summary workbook and the 核查意见 letters whose parts differ (their
    docProps aside: the time they were written), or that exist in one output only."""
    def others(root: Path) -> set[Path]:
        return {p.relative_to(root) for p in [*root.glob("*.xlsx"), *root.rglob("*.docx")] if not p.name.endswith("_核查.xlsx")}

    def content(path: Path, root: Path) -> list[tuple[str, bytes]]:
        # The summary's 说明 sheet names its output folder and the run's times, and when the start
        # and finish fall in one second they share one string, shifting every later string's index:
        # so a sheet is compared with its shared strings put back in place, then those masked.
        def neutral(data: bytes) -> bytes:
            return re.sub(rb"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d", b"<time>", data.replace(str(root).encode(), b"<output>"))

        parts = {name: data for name, data in parts_of(path) if not name.startswith("docProps/")}
        strings = re.findall(rb"<si>(.*?)</si>", parts.pop("xl/sharedStrings.xml", b""), flags=re.S)

        def resolved(sheet: bytes) -> bytes:
            return re.sub(rb'(<c [^>]*t="s"[^>]*>)<v>(\d+)</v>', lambda m: m.group(1) + b"<is>" + strings[int(m.group(2))] + b"</is>", sheet)

        return [(name, neutral(resolved(data) if name.startswith("xl/worksheets/") else data)) for name, data in parts.items()]

    differing = []
    for name in sorted(others(before) | others(after)):
        a, b = before / name, after / name
        if not (a.exists() and b.exists()) or content(a, before) != content(b, after):
            differing.append(name.as_posix())
    return differing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", default="main")
    parser.add_argument("-n", type=int, default=250, help="size of the benchmark corpus to compare on (0: samples only)")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "perfeval-bench")
    args = parser.parse_args()
    inputs = [ROOT / "samples"] + ([corpus(args.workdir, args.n)] if args.n else [])
    same = True
    with tempfile.TemporaryDirectory() as tmp:
        base = export(args.base, Path(tmp) / "base")
        for i, folder in enumerate(inputs):
            before = results_of(base, folder, Path(tmp) / f"before{i}")
            after = results_of(ROOT, folder, Path(tmp) / f"after{i}")
            checks = (
                ("every completed workbook", copies_differing),
                ("the summary and every 核查意见", others_differing),
            )
            for what, differing_in in checks:
                differing = differing_in(Path(tmp) / f"before{i}", Path(tmp) / f"after{i}")
                same = same and not differing
                verdict = f"DIFFERENT  {folder}: {what}, first {differing[0]}" if differing else f"identical  {folder}: {what}, part by part"
                print(verdict)
            if before == after:
                print(f"identical  {folder}: results.json ({len(after)} bytes)")
                continue
            same = False
            diff = difflib.unified_diff(before.decode().splitlines(), after.decode().splitlines(), "before", "after", lineterm="", n=1)
            print(f"DIFFERENT  {folder}")
            print("\n".join(list(diff)[:20]))
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
