"""One shape for every finding, and the result tree of a batch.

A finding is what a reviewer acts on: which rule, how serious, where (file,
sheet, A1 cell of the *input* workbook), which other cells it rests on, a
Chinese sentence, and the expected and actual values. Pure data, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    """``error``: the figures cannot all be true; ``warning``: suspicious,
    needs an explanation; ``info``: for the record."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 0, "warning": 1, "info": 2}[self.value]

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "警告", "info": "提示"}[self.value]


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: Severity
    message: str
    file: str = ""
    sheet: str | None = None
    cell: str | None = None
    related: tuple[str, ...] = ()
    expected: str | None = None
    actual: str | None = None

    @property
    def location(self) -> str:
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet or ""


@dataclass
class FileResult:
    """What became of one input file: a project (maybe with findings) or a failure."""

    file: str  # relative to the input folder, with forward slashes
    project: Any = None  # model.Project when read
    findings: list[Finding] = field(default_factory=list)
    failure: str | None = None  # human-readable reason when the file could not be read
    scoring: Any = None  # scoring result when computed
    output: str | None = None  # completed workbook, relative to the output folder
    # one plain record per 三级指标 (write.records.indicator_records) as UTF-8 JSON,
    # kept when the indicator rows themselves are dropped to send a slim result
    # between processes: one small bytes object instead of hundreds of values
    indicator_rows: bytes = b""

    @property
    def ok(self) -> bool:
        return self.failure is None

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)


@dataclass
class BatchResult:
    files: list[FileResult] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [f for r in self.files for f in r.findings]

    @property
    def failed(self) -> list[FileResult]:
        return [r for r in self.files if not r.ok]

    @property
    def read(self) -> list[FileResult]:
        return [r for r in self.files if r.ok]
