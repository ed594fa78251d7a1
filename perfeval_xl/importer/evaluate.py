"""Check a report file (``.docx``/``.txt``) as ``perfeval run`` and ``perfeval
check`` do: import it into a workbook, then evaluate that workbook — or, when
the report came without its 评价表 (or its form cannot be read), check its
narrative alone. What the import could not place becomes ``IMP001`` (info)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from perfeval_xl.findings import FileResult, Finding, Severity
from perfeval_xl.importer.narrative_only import narrative_project
from perfeval_xl.importer.report import import_report, write_imported
from perfeval_xl.pipeline import Settings, check_narrative_only, evaluate_file


@contextmanager
def evaluated_report(path: Path, display: str, settings: Settings = Settings()) -> Iterator[tuple[FileResult, Path | None]]:
    """The result for one report, and the imported workbook (valid inside the
    ``with``; None when nothing could be imported) the completed copy is made from."""
    imported = import_report(path, settings.limits)
    if not imported.ok:
        yield FileResult(display, failure=imported.failure), None
        return
    with tempfile.TemporaryDirectory(prefix="perfeval-import-") as tmp:
        workbook = write_imported(imported, Path(tmp) / "imported.xlsx")
        if imported.narrative_only:
            result = check_narrative_only(narrative_project(imported.spec, imported.layout, display), display, settings)
        else:
            result = evaluate_file(workbook, display, settings)
            if result.project is None and any(p.strip() for p in imported.spec.narrative):
                # the form is there but cannot be read: the narrative still can be checked
                imported.notes.append(f"附带的评价表无法读取（{result.failure}），只核对报告正文。")
                project = narrative_project(imported.spec, imported.layout, display)
                result = check_narrative_only(project, display, settings)
        kind = " Word 报告" if path.suffix.lower() == ".docx" else "报告"
        result.findings.extend(
            Finding(rule="IMP001", severity=Severity.INFO, message=f"导入{kind}：" + note, file=display)
            for note in imported.notes
        )
        yield result, workbook
