"""Reading workbooks into the model.

``read_workbook(path)`` never raises on data: a file that cannot be an
evaluation form comes back with ``failure`` set (a Chinese reason naming the
sheet/cell), a bad single cell comes back as a ``READxxx`` finding.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from perfeval_xl.findings import Finding
from perfeval_xl.model import Project


@dataclass
class ReadResult:
    project: Project | None
    findings: list[Finding] = field(default_factory=list)
    failure: str | None = None
