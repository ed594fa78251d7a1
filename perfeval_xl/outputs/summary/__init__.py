"""The summary workbook 汇总.xlsx: ranking, 部门汇总, 问题清单, grade
distribution and 指标明细, written with XlsxWriter from the batch's tables."""
