"""Remembering what a pure cell parser said about a value.

Thousands of forms repeat the same cells (``≥95%``, ``10``, ``100%``,
``全部完成``), and parsing one costs tens of microseconds of regular
expressions, so each worker process keeps the answers. Only values whose
equality means "parses the same" are remembered: ``str``, ``int`` and
nonzero ``float`` (``Decimal('1') == Decimal('1.0')`` but they show
different decimals; ``-0.0 == 0.0``; NaN equals nothing).
"""

from __future__ import annotations

from functools import lru_cache, wraps
from typing import Callable, TypeVar

F = TypeVar("F", bound=Callable)

CACHE_SIZE = 16_384  # per parser and worker: a few MB at most


def remembered(parse: F) -> F:
    """``parse(value, number_format, **kw)``, answered from memory when seen before.
    The answers must be immutable (they are shared)."""
    cached = lru_cache(maxsize=CACHE_SIZE, typed=True)(parse)

    @wraps(parse)
    def call(value, *args, **kw):
        kind = type(value)
        if kind is str or kind is int or (kind is float and value != 0.0 and value == value):
            return cached(value, *args, **kw)
        return parse(value, *args, **kw)

    call.cache_clear = cached.cache_clear  # type: ignore[attr-defined]
    return call  # type: ignore[return-value]
