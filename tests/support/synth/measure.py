"""Write a random (spec, layout) pair, read it back, list what the reader got wrong.

Shared by ``tests/test_layout_variants.py`` and ``benchmarks/layout_variants.py``
so both measure exactly the same thing. The reader is passed in (a callable
``path -> ReadResult``) to keep ``synth`` below ``read`` in the layering.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from tests.support.synth.compare import Mismatch, mismatches
from perfeval_xl.outputs.template.layout import LayoutOptions
from tests.support.synth.variants import random_layout, random_spec
from tests.support.synth.writer import write_project


@dataclass
class VariantOutcome:
    seed: int
    layout: LayoutOptions
    failure: str | None  # the reader refused the whole file
    mismatches: list[Mismatch]
    paths_checked: int

    @property
    def parsed_fully(self) -> bool:
        return self.failure is None and not self.mismatches

    def explain(self) -> str:
        lines = [f"seed={self.seed} {self.layout.describe()}"]
        if self.failure:
            lines.append(f"  read failure: {self.failure}")
        lines += [f"  {m}" for m in self.mismatches[:20]]
        if len(self.mismatches) > 20:
            lines.append(f"  … {len(self.mismatches) - 20} more")
        return "\n".join(lines)


def run_variant(seed: int, workdir: Path, read: Callable) -> VariantOutcome:
    """One seeded pair: the same seed always gives the same spec and layout."""
    rng = random.Random(seed)
    spec, layout = random_spec(rng), random_layout(rng)
    path = workdir / f"variant_{seed}.xlsx"
    expected = write_project(spec, layout, path)
    result = read(path)
    path.unlink(missing_ok=True)
    if result.project is None:
        return VariantOutcome(seed, layout, result.failure or "no project", [], len(expected))
    return VariantOutcome(seed, layout, None, mismatches(result.project, expected), len(expected))
