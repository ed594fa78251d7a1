"""The rule catalog: discovery and running.

Every module in this package whose name does not start with ``_`` is
imported; each ``@rule`` it declares joins the catalog. Adding a rule means
adding one module (and its fixture under ``tests/fixtures/rules/``).
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field

from perfeval_xl.findings import Finding, Severity
from perfeval_xl.model import Project
from perfeval_xl.rules._base import _REGISTRY, Rule, RuleContext, rule
from perfeval_xl.scheme import ProjectScore, Scheme

__all__ = ["Rule", "RuleContext", "RuleSettings", "all_rules", "get_rule", "rule", "run_rules"]

_loaded = False


def _load() -> None:
    global _loaded
    if _loaded:
        return
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            importlib.import_module(f"{__name__}.{info.name}")
    _loaded = True


def all_rules() -> list[Rule]:
    """Every rule in the catalog, ordered by ID."""
    _load()
    return sorted(_REGISTRY.values(), key=lambda r: r.id)


def get_rule(rule_id: str) -> Rule:
    _load()
    return _REGISTRY[rule_id]


@dataclass(frozen=True)
class RuleSettings:
    """Which rules run and at what severity (from ``perfeval.toml``)."""

    severity: dict[str, Severity] = field(default_factory=dict)
    disabled: frozenset[str] = frozenset()
    only: frozenset[str] | None = None  # tests run one rule at a time
    raise_errors: bool = False  # tests: let a crashing rule raise


DEFAULT_SETTINGS = RuleSettings()
NARRATIVE_PREFIX = "XC6"  # the rules that read the report's narrative


def run_rules(
    project: Project,
    scheme: Scheme,
    *,
    file: str = "",
    scoring: ProjectScore | None = None,
    settings: RuleSettings = DEFAULT_SETTINGS,
) -> list[Finding]:
    """Run the catalog over one project and return its findings.

    A rule that raises does not stop the others: it becomes an ``XC000``
    finding naming the rule, so one bad rule never loses a file's results.
    A report without its form (``project.narrative_only``) gets only the
    narrative rules (XC6xx): the form rules would report the missing form.
    """
    findings: list[Finding] = []
    for r in all_rules():
        if r.id in settings.disabled or (settings.only is not None and r.id not in settings.only):
            continue
        if project.narrative_only and not r.id.startswith(NARRATIVE_PREFIX):
            continue
        ctx = RuleContext(r, settings.severity.get(r.id, r.severity), scheme, file, scoring)
        try:
            r.func(project, ctx)
        except Exception as exc:  # noqa: BLE001 - one rule must not sink the file
            if settings.raise_errors:
                raise
            ctx.findings.append(
                Finding(
                    rule="XC000",
                    severity=Severity.WARNING,
                    message=f"检查规则 {r.id} 未能完成（程序内部错误：{type(exc).__name__}），请将此文件反馈给维护人员。",
                    file=file,
                    sheet=project.form_sheet,
                )
            )
        findings.extend(ctx.findings)
    return findings
