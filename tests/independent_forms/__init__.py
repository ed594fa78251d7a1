"""Evaluation forms written independently of ``tests.support.synth`` (issue 19).

Each module is one family of layout, written by hand the way real published
项目支出绩效自评表 / 部门评价表 are (openpyxl, xlsxwriter, or raw XML for the
application quirks); each form is a function that writes one workbook, listed
here with its truth (see :mod:`tests.independent_forms._case`).

Nothing here uses tests.support.synth, tests/rulekit.py or tests/seedform.py.

The ``round2_*`` families are a second, independent set written after the tool
had been tuned on the first: its forms measure precision on layouts and
phrasings the tool has not seen (``benchmarks/independent_forms.py --family round2``).
"""

from __future__ import annotations

from tests.independent_forms import (
    anhui_self,
    county_handmade,
    haidian_self,
    hubei_self,
    jiangxi_dept,
    round2_central,
    round2_dept,
    round2_weights,
    round2_wps,
    sichuan_self,
    xml_quirks,
)
from tests.independent_forms._case import Fault, FormCase
from tests.independent_forms.xml_quirks import READER_BOOKS, ReaderBook

FAMILIES = (anhui_self, sichuan_self, hubei_self, jiangxi_dept, haidian_self, county_handmade, xml_quirks)
# round 2 (written after the tool was tuned on the families above; family names start with “round2”)
ROUND2 = (round2_central, round2_weights, round2_dept, round2_wps)
FAMILIES += ROUND2
FORMS: list[FormCase] = [form for family in FAMILIES for form in family.FORMS]
BY_NAME: dict[str, FormCase] = {form.name: form for form in FORMS}
assert len(BY_NAME) == len(FORMS), "form names must be unique"

__all__ = ["FORMS", "BY_NAME", "READER_BOOKS", "Fault", "FormCase", "ReaderBook"]
