"""What an Excel number format says about the number it shows.

Only what the parsers need: the unit (``%`` or a quoted ``"万元"``), the
decimals shown, and whether a bare ``%`` shows the value ×100. Formats come
from the workbook's styles (``cellXfs``, built-in ids by number) in both
readers; a missing format means General.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from perfeval_xl.values.text import squeeze
from perfeval_xl.values.units import is_unit

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


# Built-in number formats that Excel writes by id alone, without a <numFmt>,
# and that openpyxl does not know: the East Asian ids of ECMA-376 Part 1
# §18.8.30, as a zh-CN Excel or WPS shows them (dates and times).
ZH_CN_BUILTIN_FORMATS: dict[int, str] = {
    27: 'yyyy"年"m"月"', 28: 'm"月"d"日"', 29: 'm"月"d"日"', 30: "m-d-yy", 31: 'yyyy"年"m"月"d"日"',
    32: 'h"时"mm"分"', 33: 'h"时"mm"分"ss"秒"', 34: '上午/下午h"时"mm"分"', 35: '上午/下午h"时"mm"分"ss"秒"',
    36: 'yyyy"年"m"月"', 50: 'yyyy"年"m"月"', 51: 'm"月"d"日"', 52: 'yyyy"年"m"月"', 53: 'm"月"d"日"',
    54: 'm"月"d"日"', 55: '上午/下午h"时"mm"分"', 56: '上午/下午h"时"mm"分"ss"秒"', 57: 'yyyy"年"m"月"',
    58: 'm"月"d"日"',
}  # fmt: skip


def builtin_format(format_id: int) -> str:
    """The format code of a built-in number format id ('General' when unknown)."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS

    return BUILTIN_FORMATS.get(format_id) or ZH_CN_BUILTIN_FORMATS.get(format_id, "General")


def is_date_format(number_format: str | None) -> bool:
    """Does the format show a serial number as a date or time (as openpyxl
    decides, elapsed-time formats such as ``[h]:mm`` excepted)? The cell then
    holds a date: 45225 shown as ``0时00分`` is still 2023-10-26."""
    from openpyxl.styles.numbers import is_date_format as _is_date
    from openpyxl.styles.numbers import is_timedelta_format

    if not number_format or number_format == "General":
        return False
    return _is_date(number_format) and not is_timedelta_format(number_format)
