"""perfeval-xl: batch checking of 预算绩效评价 workbooks.

The Python API (README “在 Python 中使用”): :func:`check_folder`,
:func:`read_results` and the :class:`Batch` of DataFrames they return. They are
loaded on first use, so ``import perfeval_xl`` (which every worker process
does) stays as light as before and never loads pandas.
"""

__version__ = "0.1.0"
__all__ = ["Batch", "check_folder", "read_results", "__version__"]
_API = ("Batch", "check_folder", "read_results")


def __getattr__(name: str):
    if name in _API:
        from perfeval_xl import api

        return getattr(api, name)
    raise AttributeError(f"module 'perfeval_xl' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), *_API])
