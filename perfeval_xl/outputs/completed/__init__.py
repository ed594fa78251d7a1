"""The completed copy of one workbook: the input's own parts, patched —
every finding marked on its cell with a comment and a colour, the 核查结果 and
评分复核 sheets and 报告中的数字 added."""
