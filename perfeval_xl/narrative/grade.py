"""The project's grade taken from its report when the form gives none (issue 19).

A form whose 评价等次 is blank, or that has no 评价等次 row, still has a
reported grade when the report states it firmly (“综合评价得分92分，评价等级为优”):
:func:`stated_grade` finds that statement — every firm statement of the
project's grade (role actual) agreeing — and :func:`with_stated_grade` makes it
the project's reported grade, its cell the paragraph's. XC207 then holds it to
the 总分 like any reported grade, the summary and results.json show it, and
XC622 says where it was taken from.
"""

from __future__ import annotations

from dataclasses import replace

from perfeval_xl.model import Grade, Project, Sourced
from perfeval_xl.narrative import project_claims
from perfeval_xl.narrative.claim import Claim
from perfeval_xl.values.running_text import normalise_text


def taken_from_text(project: Project) -> bool:
    """Is the project's reported grade already the report's (its cell a paragraph's)?"""
    ref = project.grade.value.ref
    return ref is not None and project.narrative_sheet is not None and ref.sheet == project.narrative_sheet


def stated_grade(project: Project) -> Claim | None:
    """The report's firm statement of the project's grade, when the form gives
    none (blank 评价等次, or no such row) and every firm statement agrees."""
    if project.narrative_only or not project.narrative:
        return None
    grade = project.grade
    said = [c for c in project_claims(project) if c.subject == "grade" and c.trusted and not _a_condition(project, c)]
    if taken_from_text(project):
        return next((c for c in said if c.ref == grade.value.ref and c.value == grade.value.value), None)
    if grade.checkbox_form or grade.value.raw.strip() or grade.checked:
        return None  # the form says something (XC207/XC208 look at it)
    if not said or len({c.value for c in said}) > 1:
        return None  # nothing firm, or the report disagrees with itself (XC610)
    return said[0]


def _a_condition(project: Project, claim: Claim) -> bool:
    """评价结果为优的项目…, 等级为优、良、中、差: a grade named in a rule or a list, not the project's."""
    text = normalise_text(project.narrative[claim.paragraph].text)
    return text[claim.end : claim.end + 1] in ("的", "者", "、", "或", "/")


def with_stated_grade(project: Project) -> Project:
    """``project`` with the report's grade as its reported grade, when the form
    gives none; otherwise ``project`` itself."""
    claim = stated_grade(project)
    if claim is None or taken_from_text(project):
        return project
    written = "\n".join(p.text for p in project.narrative if p.ref == claim.ref)  # what its cell holds
    return replace(project, grade=Grade(Sourced(str(claim.value), written, claim.ref)))
