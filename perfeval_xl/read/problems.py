"""What the reader itself can report about a workbook (``READxxx``).

These are not cross-check rules: they say a cell or block could not be read
as the contract describes. Listed here so ``perfeval rules`` and the docs can
show them beside the rule catalog.
"""

from __future__ import annotations

from dataclasses import dataclass

from perfeval_xl.findings import Finding, Severity
from perfeval_xl.model import CellRef


@dataclass(frozen=True)
class Problem:
    id: str
    severity: Severity
    title: str

    def finding(
        self,
        file: str,
        where: CellRef | None,
        message: str,
        *,
        expected: str | None = None,
        actual: str | None = None,
        sheet: str | None = None,
    ) -> Finding:
        return Finding(
            rule=self.id,
            severity=self.severity,
            message=message,
            file=file,
            sheet=where.sheet if where else sheet,
            cell=where.cell if where else None,
            expected=expected,
            actual=actual,
        )


UNREADABLE_NUMBER = Problem("READ001", Severity.WARNING, "单元格内容无法识别为数字")
FORMULA_NOT_COMPUTED = Problem("READ002", Severity.WARNING, "公式没有计算结果且无法复算")
FORMULA_ERROR = Problem("READ003", Severity.ERROR, "公式或单元格为错误值")
# Severities follow docs/严重程度.md: a missing block or field is incomplete (warning), not
# contradictory; the central 自评表 has no 评价等次 row at all, so its absence is only noted.
FUNDS_BLOCK_MISSING = Problem("READ010", Severity.WARNING, "未找到项目资金表")
FUNDS_TOTAL_MISSING = Problem("READ011", Severity.WARNING, "项目资金表缺少“年度资金总额”行")
TOTAL_ROW_MISSING = Problem("READ012", Severity.WARNING, "指标表缺少“总分”行")
GRADE_ROW_MISSING = Problem("READ013", Severity.INFO, "缺少“评价等次”")
DEPARTMENT_MISSING = Problem("READ014", Severity.WARNING, "缺少主管部门")
YEAR_MISSING = Problem("READ015", Severity.INFO, "未能确定评价年度")
