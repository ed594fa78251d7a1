"""``Batch``: a run's results as four pandas DataFrames, built when first read.

The class itself needs no pandas: ``perfeval run`` holds its batch as the
plain records of :mod:`perfeval_xl.outputs.records` and never loads pandas in
its own process (the summary's tables are built in a helper process, see
:mod:`perfeval_xl.outputs.tables_helper`); reading a table builds it with
:func:`perfeval_xl.outputs.tables.build`, once (the summary's process never
builds the indicator table, which the process rendering 指标明细 builds).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from perfeval_xl.outputs.records import severity_counts

if TYPE_CHECKING:
    import pandas as pd

    from perfeval_xl.outputs.notices import NoticesWritten

TABLES = ("projects", "findings", "indicators", "failed")


class Batch:
    """A run's results as four DataFrames (README “在 Python 中使用”).

    ``projects``: one row per read project, best 核定总分 first (ties share a
    rank); ``findings``: one row per finding; ``indicators``: one row per
    三级指标 per project; ``failed``: the files that could not be read, and why.
    ``output``: the folder the run wrote into (None when it wrote nothing);
    the tables' ``output`` paths are relative to it. ``notices``: the
    核查意见 letters the run wrote (folder, files, departments whose letter
    failed); None when it wrote none (no output folder, or notices turned off).
    """

    def __init__(self, records: dict[str, Any], output: Path | None = None, notices: NoticesWritten | None = None) -> None:
        self._records = records
        self._tables: dict[str, pd.DataFrame] = {}
        self.output = output
        self.notices = notices

    @classmethod
    def from_records(cls, records: dict[str, Any], output: Path | None = None) -> "Batch":
        """The batch of the records of a run (``results.json``'s lists)."""
        return cls(records, output)

    def _table(self, name: str) -> "pd.DataFrame":
        if name not in self._tables:
            from perfeval_xl.outputs.tables import (
                build,  # pandas, when a table is first read
            )

            projects = self._table("projects") if name in ("findings", "indicators") else None
            self._tables[name] = build(self._records, name, projects)
        return self._tables[name]

    @property
    def records(self) -> dict[str, Any]:
        """The plain records the tables are built from (results.json's lists)."""
        return self._records

    @property
    def projects(self) -> "pd.DataFrame":
        return self._table("projects")

    @property
    def findings(self) -> "pd.DataFrame":
        return self._table("findings")

    @property
    def indicators(self) -> "pd.DataFrame":
        return self._table("indicators")

    @property
    def failed(self) -> "pd.DataFrame":
        return self._table("failed")

    @property
    def counts(self) -> dict[str, int]:
        """``read`` and ``failed`` files, ``error`` / ``warning`` / ``info`` findings, without building a table."""
        return {"read": len(self._records["projects"]), "failed": len(self._records["failed"]), **severity_counts(self._records)}

    def written_to(self, output: Path | None) -> "Batch":
        """The same batch, as written into ``output``."""
        same = Batch(self._records, output, self.notices)
        same._tables = self._tables  # shared: a table built for one is built for both
        return same

    def equals(self, other: "Batch") -> bool:
        return all(getattr(self, name).equals(getattr(other, name)) for name in TABLES)

    def __repr__(self) -> str:
        counts = self.counts
        return f"<Batch: {counts['read']} projects, {counts['failed']} failed, {counts['error']} errors, output={self.output}>"
