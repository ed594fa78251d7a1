"""Narrative claims: the figures a 评价报告 states, extracted so the XC6xx
rules can hold them against the form and against each other.

Public API: :func:`extract_claims`, :class:`Claim`, :class:`Confidence`,
:func:`project_claims` (the claims of a project's own report, computed once),
and the roles (:mod:`perfeval_xl.narrative.roles`).
"""

from __future__ import annotations

from perfeval_xl.model import Project
from perfeval_xl.narrative.claim import Claim, Confidence
from perfeval_xl.narrative.claims import extract_claims

__all__ = ["Claim", "Confidence", "extract_claims", "project_claims"]


# The last project asked about and its claims. Keyed by identity, not by value:
# hashing a whole frozen Project for an lru_cache cost more than the rules that ask.
# Holding the project keeps its id from being reused by another one.
_last: tuple[Project, tuple[Claim, ...]] | None = None


def project_claims(project: Project) -> tuple[Claim, ...]:
    """The claims of ``project.narrative``; shared by the XC6xx rules so the
    report is read once per project."""
    global _last
    if _last is None or _last[0] is not project:
        _last = (project, tuple(extract_claims(project.narrative, project)))
    return _last[1]
