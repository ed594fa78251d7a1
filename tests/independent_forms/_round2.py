"""The clerk's arithmetic the second-round families share (issue 19, round 2).

Kept apart from :mod:`tests.independent_forms._figures` so that the first
round's data stays untouched: these helpers only add what round 2 needs —
rows that carry no weight (不适用 rows with “/” or a blank 分值), and a guard
that a clean form's funds score reads the same whether computed from the
exact B/A or from the rate as shown (so no form sits on a rounding edge).
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from tests.independent_forms import _figures as fig
from tests.independent_forms._rows import Ind


def weighed(rows: list[Ind]) -> list[Ind]:
    """The rows that carry a 分值 (不适用 rows with “/” or nothing are left out)."""
    return [r for r in rows if isinstance(r.weight, (int, float))]


def weight_sum(rows: list[Ind]) -> float:
    return fig.total(*(r.weight for r in weighed(rows)))


def score_sum(rows: list[Ind]) -> float:
    return fig.total(*(r.score for r in weighed(rows)))


def funds(spent: float, budget: float, weight: float = 10) -> tuple[float, float]:
    """(rate as a fraction rounded to 0.01%, funds score); asserts both readings agree."""
    rate = fig.rate(spent, budget)
    exact = fig.funds_score(spent / budget, weight)
    shown = fig.funds_score(rate, weight)
    assert exact == shown, f"funds score on a rounding edge: {spent}/{budget} gives {exact} or {shown}"
    return rate, exact


def check_weights(rows: list[Ind], expected: float, what: str) -> None:
    got = weight_sum(rows)
    assert got == expected, f"{what}: 分值 add up to {got}, not {expected}"


def written(write: Callable[[Path, object], None], build: Callable[[], object], indicator_total: float,
            *, weights_add_up: bool = True) -> Callable[[Path], None]:
    """A FormCase builder: build the form, check its 三级 分值 add up (unless the fault is
    that they do not), and write it with ``write``."""

    def make(path: Path) -> None:
        form = build()
        if weights_add_up:
            check_weights(form.rows, indicator_total, form.project)
        write(path, form)

    return make
