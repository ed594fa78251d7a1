"""Precision and recall on forms we did not generate (issue 19).

Every form of :mod:`tests.independent_forms` is written to disk and run through
``pipeline.evaluate_file`` exactly as ``perfeval run`` would:

- a clean form must get no warning and no error;
- a form with planted faults must get a warning or an error on every anchor
  cell, and none anywhere else (except on the cells a fault names as also
  affected);
- the same holds for the copy LibreOffice re-saved, and reading that copy must
  give the same model values as reading the original.

A failure lists every finding (rule, cell, message): that list is the work list.
Skips the LibreOffice half when ``soffice`` is missing (CI installs it).
"""

from __future__ import annotations

import pytest

from perfeval_xl.findings import Finding, Severity
from perfeval_xl.pipeline import evaluate_file
from perfeval_xl.outputs.serialize import to_data
from tests.independent_forms import BY_NAME, FORMS, FormCase
from tests.independent_forms.corpus import shared

ALARMS = (Severity.ERROR, Severity.WARNING)
NAMES = [form.name for form in FORMS]


def alarms(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity in ALARMS]


def describe(findings: list[Finding]) -> str:
    if not findings:
        return "  (no findings)"
    return "\n".join(
        f"  {f.rule} {f.severity.value} {f.location or f.sheet or '(no cell)'}: {f.message}" for f in findings
    )


def verdict(form: FormCase, findings: list[Finding]) -> list[str]:
    """What is wrong with the tool's findings on ``form`` (empty when right)."""
    problems = []
    raised = alarms(findings)
    for fault in form.faults:
        if not any((f.sheet, f.cell) == (fault.sheet, fault.cell) for f in raised):
            problems.append(f"missed fault at {fault.sheet}!{fault.cell}: {fault.note}")
    for f in raised:
        if not any(fault.covers(f.sheet, f.cell) for fault in form.faults):
            problems.append(f"false alarm {f.rule} {f.severity.value} at {f.location or '(no cell)'}: {f.message}")
    return problems


def check(form: FormCase, path, display: str) -> None:
    result = evaluate_file(path, display)
    assert result.failure is None, f"{display} could not be read: {result.failure}"
    problems = verdict(form, result.findings)
    truth = "clean" if form.clean else "; ".join(f"{f.sheet}!{f.cell} {f.note}" for f in form.faults)
    assert not problems, (
        f"{display} ({form.about}; truth: {truth})\n"
        + "\n".join(f"- {p}" for p in problems)
        + "\nall findings:\n"
        + describe(result.findings)
    )


@pytest.mark.parametrize("name", NAMES)
def test_form(name):
    check(BY_NAME[name], shared().forms[name], BY_NAME[name].filename)


def _resaved(name: str):
    corpus = shared()
    if name not in corpus.resaved:
        pytest.skip(f"no LibreOffice copy: {corpus.resave_error}")
    return corpus.resaved[name]


@pytest.mark.parametrize("name", NAMES)
def test_form_resaved_by_libreoffice(name):
    check(BY_NAME[name], _resaved(name), f"LibreOffice/{BY_NAME[name].filename}")


def model_values(project) -> dict[str, object]:
    """Every parsed value of the model by its path, as (value, cell, unit, decimals)."""
    out: dict[str, object] = {}

    def walk(node, path: str) -> None:
        if isinstance(node, dict) and {"value", "raw", "cell"} <= node.keys():
            out[path] = (node["value"], node["cell"], node.get("unit"), node.get("decimals"))
            return
        if isinstance(node, dict):
            for key, value in node.items():
                if key != "file":
                    walk(value, f"{path}.{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{path}[{i}]")

    walk(to_data(project), "project")
    return out


@pytest.mark.parametrize("name", NAMES)
def test_libreoffice_copy_reads_the_same(name):
    copy = _resaved(name)
    original = evaluate_file(shared().forms[name], BY_NAME[name].filename)
    resaved = evaluate_file(copy, BY_NAME[name].filename)
    assert original.project is not None and resaved.project is not None, (original.failure, resaved.failure)
    before, after = model_values(original.project), model_values(resaved.project)
    differences = [
        f"  {key}: original {before.get(key)!r}, LibreOffice {after.get(key)!r}"
        for key in sorted(before.keys() | after.keys())
        if before.get(key) != after.get(key)
    ]
    assert not differences, f"{name}: the LibreOffice copy reads differently\n" + "\n".join(differences)


def test_corpus_shape():
    """About three in four forms are clean, every family has clean and faulted
    forms, and every fault names a cell on a sheet the workbook has."""
    import openpyxl

    clean = [f for f in FORMS if f.clean]
    assert len(FORMS) >= 40
    assert 0.6 <= len(clean) / len(FORMS) <= 0.85, (len(clean), len(FORMS))
    families = {f.family for f in FORMS}
    for family in families:
        members = [f for f in FORMS if f.family == family]
        assert any(f.clean for f in members) and any(not f.clean for f in members), family
    for form in FORMS:
        if form.clean:
            continue
        wb = openpyxl.load_workbook(shared().forms[form.name], read_only=True)
        try:
            for fault in form.faults:
                assert fault.sheet in wb.sheetnames, (form.name, fault.sheet)
        finally:
            wb.close()
