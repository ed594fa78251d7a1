"""How fast is ``perfeval run`` against merely opening the files?

    python benchmarks/speed.py [-n 250 1000 2500 10000] [--repeat K] [--workdir DIR] [--skip-openpyxl-above N]

For each N it generates N realistic workbooks (random sectors and layouts from
``tests.support.synth``, about one in five with an injected fault), then times,
side by side:

  (a) the floor: every sheet of every file read with python-calamine, nothing else;
  (b) what a hand-written script pays: ``openpyxl.load_workbook`` on every file;
  (c) ``perfeval run`` end to end in a fresh process (reading, checking, scoring,
      every completed workbook, results.json and the summary), into an empty
      output folder.

It prints c/a, c/b, throughput, the scaling t(N)/t(N/4) of (c) when N/4 was
also measured, the CPU seconds of (c) (its workers included) and the peak
memory (max RSS of its largest process). With ``--repeat K`` (a) and (c) are
timed K times and the fastest is kept; every (c) time is printed too.
Generated workbooks are kept under --workdir and reused on the next run.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.support.synth import write_project  # noqa: E402
from tests.support.synth.variants import random_layout, random_spec  # noqa: E402


def corpus(root: Path, n: int) -> Path:
    """N workbooks under root/N (generated once on every core, reused)."""
    folder = root / f"n{n}"
    done = folder / ".complete"
    if done.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    with ProcessPoolExecutor() as pool:  # 10,000 workbooks take half an hour on one core
        list(pool.map(_generate, [(folder, i) for i in range(n)], chunksize=50))
    done.touch()
    return folder


def _generate(task: tuple[Path, int]) -> None:
    """Workbook i (the same every time: seeded by i); an interrupted run resumes."""
    folder, i = task
    target = folder / f"{i // 500:03d}" / f"project_{i:05d}.xlsx"
    if target.exists():
        return
    rng = random.Random(i)
    spec = random_spec(rng)
    if i % 5 == 4 and spec.indicators:  # a fault: one self-score raised to full marks
        ind = spec.indicators[rng.randrange(len(spec.indicators))]
        ind.score = ind.weight
    target.parent.mkdir(exist_ok=True)
    partial = target.with_suffix(".tmp")
    write_project(spec, random_layout(rng), partial)
    partial.replace(target)


def files_of(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.xlsx"))


def time_calamine(paths: list[Path]) -> float:
    from python_calamine import CalamineWorkbook

    started = time.perf_counter()
    for p in paths:
        wb = CalamineWorkbook.from_path(str(p))
        for name in wb.sheet_names:
            wb.get_sheet_by_name(name).to_python()
    return time.perf_counter() - started


def time_openpyxl(paths: list[Path]) -> float:
    import openpyxl

    started = time.perf_counter()
    for p in paths:
        openpyxl.load_workbook(p).close()
    return time.perf_counter() - started


def time_perfeval(folder: Path, out: Path) -> tuple[float, float, float]:
    """Seconds, CPU seconds (the run and its worker processes) and peak RSS
    (MB, the largest process) of ``perfeval run`` in a child process, writing
    into an empty output folder: every repeat measures a first run (a re-run
    that replaces the previous copies also pays the file system's flush on replace)."""
    shutil.rmtree(out, ignore_errors=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "perfeval_xl", "run", str(folder), "-o", str(out)],
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=Path(__file__).resolve().parent.parent,
    )
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return elapsed, cpu, max(after.ru_maxrss, before.ru_maxrss) / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-n", type=int, nargs="+", default=[250, 1000, 2500, 10000])  # 2500: the N/4 of 10000
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "perfeval-bench")
    parser.add_argument("--skip-openpyxl-above", type=int, default=1000, help="(b) is skipped above this N (it is slow)")
    parser.add_argument(
        "--repeat", type=int, default=1,
        help="time (a) and (c) this many times and keep the fastest (a shared virtual machine's speed drifts by 20%%)",
    )
    args = parser.parse_args()
    seen: dict[int, float] = {}
    print(
        f"{'N':>6} {'(a) calamine':>13} {'(b) openpyxl':>13} {'(c) perfeval':>13} {'c/a':>6} {'c/b':>6} "
        f"{'files/s':>8} {'t(N)/t(N/4)':>12} {'cpu s':>7} {'peak MB':>8}  (c) each run"
    )
    for n in args.n:
        folder = corpus(args.workdir, n)
        paths = files_of(folder)
        a = min(time_calamine(paths) for _ in range(args.repeat))
        b = time_openpyxl(paths) if n <= args.skip_openpyxl_above else None
        runs = [time_perfeval(folder, args.workdir / f"out{n}") for _ in range(args.repeat)]
        c, cpu, _ = min(runs)
        peak = max(run[2] for run in runs)
        seen[n] = c
        quarter = seen.get(n // 4)
        print(
            f"{n:>6} {a:>12.2f}s {(f'{b:.2f}s' if b else '—'):>13} {c:>12.2f}s {c / a:>6.2f} "
            f"{(f'{c / b:.2f}' if b else '—'):>6} {n / c:>8.1f} {(f'{c / quarter:.2f}' if quarter else '—'):>12} "
            f"{cpu:>7.1f} {peak:>8.0f}  {' '.join(f'{run[0]:.1f}' for run in runs)}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
