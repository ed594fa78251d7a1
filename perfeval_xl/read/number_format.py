"""What an Excel number format says about the number it shows.

Only what the parsers need: the unit (``%`` or a quoted ``"万元"``), the
decimals shown, and whether a bare ``%`` shows the value ×100. Formats come
from openpyxl (calamine gives none); a missing format means General.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from perfeval_xl.read.text import squeeze
from perfeval_xl.read.units import is_unit

_QUOTED = re.compile(r'"([^"]*)"|\\(.)')  # "text" or \x: literal characters
_FORMAT_DECIMALS = re.compile(r"\.([0#?]+)")


@dataclass(frozen=True)
class ShownFormat:
    """What an Excel number format says about the number it shows."""

    unit: str | None = None
    decimals: int | None = None  # None: General / text / unknown
    percent: bool = False  # a bare % : the value is shown ×100


def read_number_format(number_format: str | None) -> ShownFormat:
    """``'0.00%'`` → unit ``'%'``, 2 decimals, shown ×100;
    ``'#,##0.00"万元"'`` → ``'万元'``, 2; ``'0.0"%"'`` → ``'%'``, 1, *not*
    ×100 (a quoted % is just text); General / ``@`` / dates → nothing."""
    if not number_format or not isinstance(number_format, str):
        return ShownFormat()
    section = _first_section(number_format)
    literals = squeeze("".join(a or b for a, b in _QUOTED.findall(section)))
    bare = re.sub(r"\[[^\]]*\]", "", _QUOTED.sub("", section))
    if not any(c in bare for c in "0#?"):  # General, @, date and time formats
        return ShownFormat()
    m = _FORMAT_DECIMALS.search(bare)
    decimals = len(m.group(1)) if m else 0
    if "%" in bare:
        return ShownFormat("%", decimals, percent=True)
    if literals and is_unit(literals, after_digits=True):
        return ShownFormat(literals, decimals)
    return ShownFormat(None, decimals)


def _first_section(number_format: str) -> str:
    """The positive section of ``pos;neg;zero;text``, ignoring ``;`` in quotes."""
    in_quotes = False
    for i, ch in enumerate(number_format):
        if ch == '"':
            in_quotes = not in_quotes
        elif ch == ";" and not in_quotes:
            return number_format[:i]
    return number_format
