"""perfeval-xl: batch checking of 预算绩效评价 workbooks."""

__version__ = "0.1.0"
