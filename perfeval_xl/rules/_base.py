"""The rule machinery: the ``@rule`` decorator, the context a rule reports
through, and running a set of rules over one project.

A rule is a function ``check(project, ctx)`` in its own module under
``perfeval_xl/rules/``. It reasons about the model and calls ``ctx.report``
with the model value (a :class:`Sourced`) or :class:`CellRef` it is about; it
never knows the sheet layout. The module is discovered automatically.

Rule IDs: ``XC1xx`` funds block, ``XC2xx`` structure / totals / grade,
``XC3xx`` indicators vs funds, ``XC4xx`` target vs actual, ``XC5xx`` scoring,
``XC6xx`` narrative. ``XC000`` is internal (a rule crashed); ``READxxx`` come
from the reader.
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

from perfeval_xl.findings import Finding, Severity
from perfeval_xl.model import CellRef, Project, Sourced
from perfeval_xl.scheme import ProjectScore, Scheme

RULE_ID = re.compile(r"^XC\d{3}$")
BLANK = "（空）"  # the actual of a finding on a cell the clerk left empty
DOC_SECTIONS = ("为什么", "何时报告", "何时通过")

Anchor = Sourced | CellRef | None


@dataclass(frozen=True)
class Rule:
    id: str
    name: str  # area.problem, e.g. funds.rate_mismatch
    severity: Severity  # default; config may override
    title: str  # short Chinese title (shown in lists)
    func: Callable[[Project, "RuleContext"], Any]
    module: str = ""

    @property
    def doc(self) -> str:
        return inspect.getdoc(self.func) or ""


_REGISTRY: dict[str, Rule] = {}


def rule(*, id: str, name: str, severity: Severity | str, title: str):
    """Declare a rule. The docstring is its documentation and must have the
    sections 为什么 / 何时报告 / 何时通过 (checked by the catalog test)."""

    def wrap(func):
        if not RULE_ID.match(id):
            raise ValueError(f"bad rule id {id!r}")
        if id in _REGISTRY and _REGISTRY[id].func.__module__ != func.__module__:
            raise ValueError(f"rule id {id} declared twice")
        _REGISTRY[id] = Rule(id, name, Severity(severity), title, func, func.__module__)
        func.rule_id = id
        return func

    return wrap


def _where(anchor: Anchor) -> CellRef | None:
    if isinstance(anchor, Sourced):
        return anchor.ref
    return anchor


@dataclass
class RuleContext:
    """What a rule sees besides the project, and how it reports."""

    rule: Rule
    severity: Severity
    scheme: Scheme
    file: str = ""
    scoring: ProjectScore | None = None
    findings: list[Finding] = field(default_factory=list)

    def report(
        self,
        at: Anchor,
        message: str,
        *,
        expected: Any = None,
        actual: Any = None,
        related: Iterable[Anchor] = (),
        severity: Severity | None = None,
        fallback: CellRef | None = None,
    ) -> None:
        """Record a finding on the cell behind ``at`` (or ``fallback`` when the
        value has no cell). ``related`` are the other cells it rests on."""
        ref = _where(at) or fallback
        rel: list[str] = []
        for r in related:
            where = _where(r)
            if where is not None and where != ref and str(where) not in rel:
                rel.append(str(where))
        self.findings.append(
            Finding(
                rule=self.rule.id,
                severity=severity or self.severity,
                message=message,
                file=self.file,
                sheet=ref.sheet if ref else None,
                cell=ref.cell if ref else None,
                related=tuple(rel),
                expected=None if expected is None else str(expected),
                actual=None if actual is None else str(actual),
            )
        )

    def report_as_written(
        self,
        cell: Sourced,
        message: str,
        *,
        expected: Any,
        related: Iterable[Anchor] = (),
        severity: Severity | None = None,
        fallback: CellRef | None = None,
    ) -> None:
        """Record a finding on a form cell whose actual is what the clerk wrote
        there, as written (``（空）`` for an empty cell)."""
        self.report(
            cell,
            message,
            expected=expected,
            actual=cell.raw.strip() or BLANK,
            related=related,
            severity=severity,
            fallback=fallback,
        )
