"""Narrative claims: the figures a 评价报告 states, extracted so the XC6xx
rules can hold them against the form and against each other.

Public API: :func:`extract_claims`, :class:`Claim`, :class:`Confidence`,
:func:`project_claims` (the claims of a project's own report, computed once).
"""

from __future__ import annotations

from functools import lru_cache

from perfeval_xl.model import Project
from perfeval_xl.narrative.claims import Claim, Confidence, extract_claims

__all__ = ["Claim", "Confidence", "extract_claims", "project_claims"]


@lru_cache(maxsize=8)
def _cached(project: Project) -> tuple[Claim, ...]:
    return tuple(extract_claims(project.narrative, project))


def project_claims(project: Project) -> tuple[Claim, ...]:
    """The claims of ``project.narrative``; shared by the XC6xx rules so the
    report is read once per project."""
    try:
        return _cached(project)
    except TypeError:  # an unhashable value somewhere in the model: just recompute
        return tuple(extract_claims(project.narrative, project))
