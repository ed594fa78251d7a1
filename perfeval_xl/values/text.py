"""Cell display text and label normalisation.

Clerks paste labels from Word, so the same label arrives as ``项 目 名 称``,
``全年预算数（A）`` or ``全年预算数(A)``. Matching is done on a normalised form;
display text keeps what the clerk wrote (minus float noise), because findings
quote it back to them.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from functools import lru_cache

_WHITESPACE = re.compile(r"\s+")
# NFKC already folds full-width brackets/colons; these are the ones it leaves.
_BRACKETS = str.maketrans({"〔": "(", "〕": ")", "【": "(", "】": ")", "︰": ":"})


_XSTRING_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def unescape_xstring(text: str) -> str:
    """Text as stored in an xlsx string, with its ``_xHHHH_`` escapes decoded
    (ECMA-376 ST_Xstring): Excel stores a carriage return as ``_x000D_``."""
    if "_x" not in text:
        return text
    return _XSTRING_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)


def nfkc(text: str) -> str:
    """Full-width digits, letters, brackets and colons become half-width."""
    return unicodedata.normalize("NFKC", text)


def normalize_label(text: object) -> str:
    """The form of a label used for matching: NFKC, no whitespace at all,
    ``（）``→``()``, ``：``→``:``. ``'项 目 名 称'`` → ``'项目名称'``."""
    if isinstance(text, str):
        return _normalize_str(text)
    return squeeze(cell_text(text)).translate(_BRACKETS)


@lru_cache(maxsize=8192)  # the reader asks for the same labels on every form
def _normalize_str(text: str) -> str:
    return squeeze(cell_text(text)).translate(_BRACKETS)


def squeeze(text: str) -> str:
    """NFKC and all whitespace removed (number parsing works on this).

    Repeated until stable: NFKC can produce whitespace ('¸' → ' ̧') and
    removing it can leave a pair that composes ('C' + ' ̧' → 'Ç')."""
    if unicodedata.is_normalized("NFKC", text) and not _WHITESPACE.search(text):
        return text  # the common case: nothing to do
    for _ in range(4):
        squeezed = _WHITESPACE.sub("", nfkc(text))
        if squeezed == text:
            break
        text = squeezed
    return text


def cell_text(value: object) -> str:
    """What the cell shows: ``''`` for None, strings stripped (inner line
    breaks kept as ``\\n``), numbers without ``.0`` or float noise
    (``0.1+0.2`` shows as ``0.3``, as Excel's 15 significant digits do)."""
    if value is None:  # a blank cell, asked about for every column of every row read
        return ""
    try:
        return _cell_text(value)
    except Exception:  # an exotic object whose str() fails: nothing to show
        return ""


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.replace("\r\n", "\n").replace("\r", "\n").strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"  # Excel's display of a boolean cell
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return plain_float(value)
    if isinstance(value, Decimal):
        return plain_decimal(value)
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (_dt.date, _dt.time)):
        return value.isoformat()
    return str(value).strip()


def plain_float(x: float) -> str:
    """A float as Excel shows it in a General cell: 15 significant digits,
    no exponent, no trailing zeros (``60.0`` → ``'60'``). From 10^15 on,
    where Excel has no more exact digits, Excel's own ``1E+308`` notation:
    a clerk should not read a 309-digit number in a finding."""
    if math.isnan(x) or math.isinf(x):
        return str(x)
    if abs(x) >= 1e15:
        mantissa, exponent = format(x, ".14E").split("E")
        return f"{mantissa.rstrip('0').rstrip('.')}E{int(exponent):+03d}"
    return plain_decimal(Decimal(format(x, ".15g")))


def plain_decimal(d: Decimal) -> str:
    """A Decimal in positional notation without trailing zeros."""
    if not d.is_finite():
        return str(d)
    try:
        text = format(d, "f")
    except (InvalidOperation, ValueError):  # pragma: no cover - defensive
        return str(d)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
