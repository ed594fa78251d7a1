"""Figures in cells: numbers, amounts, rates and scores.

Every parser takes whatever the cell held (None, int, float, Decimal, str,
datetime, bool, anything) plus the cell's number format, and never raises.
Text is converted with :class:`~decimal.Decimal` so that ``'16.4亿元'`` or
``'69.71%'`` do not pick up float noise; the result is a float again.

``problem`` is a Chinese sentence a clerk understands, quoting what was
written; it is None for a good figure *and* for a blank / dash-like cell
(whether a blank is acceptable is the reader's call, not the parser's).
"""

from __future__ import annotations

import datetime as _dt
import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext

from perfeval_xl.values.memo import remembered
from perfeval_xl.values.number_format import read_number_format
from perfeval_xl.values.numerals import NUMERAL_CHARS, chinese_to_decimal
from perfeval_xl.values.text import cell_text, plain_float, squeeze
from perfeval_xl.values.units import APPROXIMATE, RANGE, SCALE, TO_WAN, is_unit


@dataclass(frozen=True)
class NumberParse:
    """A figure read from a cell, in the shape the reader stores as ``Sourced``."""

    value: float | None  # None: blank, dash-like, or not understood
    unit: str | None  # unit as written, normalised ('万元', '%', '家' ...)
    decimals: int | None  # decimals shown, in the unit shown ('69.71%' -> 2)
    problem: str | None  # Chinese reason when text is not a number; None when ok or blank


@dataclass(frozen=True)
class Figure:
    """The exact reading behind a :class:`NumberParse`.

    ``fraction_shown_as_percent`` is set for a number cell whose ``%`` format
    shows ``0.5`` as 50%; text ``'50%'`` (and a format with a *quoted* ``"%"``)
    means 50 percent points.
    """

    number: Decimal | None
    unit: str | None = None
    decimals: int | None = None
    problem: str | None = None
    fraction_shown_as_percent: bool = False

    def public(self, number: Decimal | None = None, **changes) -> NumberParse:
        n = self.number if number is None else number
        fields = dict(
            value=None if n is None else float(n),
            unit=self.unit,
            decimals=self.decimals,
            problem=self.problem,
        )
        fields.update(changes)
        return NumberParse(**fields)


BLANK = Figure(None)

# Dash-likes clerks type for "nothing": -, —, ——, /, 无 (NFKC already turned
# full-width － and ／ into - and /).
_DASHES = re.compile(r"^(?:[-—–―─‐_/\\]+|无|空|暂无)$")
_EXCEL_ERROR = re.compile(r"^#(?:DIV/0!|N/A|VALUE!|REF!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|BUSY!|UNKNOWN!)$", re.I)  # fmt: skip
_DIGITS = re.compile(
    r"^(?P<num>[-+]?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d{1,3})?)(?P<rest>.*)$"
)
_SHOWN_MAX = 60  # characters of the cell quoted back in a problem


def quote(text: str) -> str:
    shown = text if len(text) <= _SHOWN_MAX else text[: _SHOWN_MAX - 1] + "…"
    return f"“{shown}”"


# ---------------------------------------------------------------- core reader


def read_figure(value: object, number_format: str | None = None) -> Figure:
    """Read a cell into an exact :class:`Figure`; never raises."""
    try:
        return _read_figure(value, number_format)
    except Exception:  # last-resort guard: a parser must never end a batch
        return Figure(None, problem=f"{quote(cell_text(value))}无法识别为数字")


def _read_figure(value: object, number_format: str | None) -> Figure:
    if value is None:
        return BLANK
    if isinstance(value, bool):
        return Figure(None, problem=f"{quote(cell_text(value))}是逻辑值，不是数字")
    if isinstance(value, (_dt.date, _dt.time)):
        return Figure(None, problem=f"{quote(cell_text(value))}是日期或时间，不是数字")
    if isinstance(value, (int, float, Decimal)):
        return _read_cell_number(value, number_format)
    if not isinstance(value, str):
        value = cell_text(value)
    return read_text_figure(value)


def _read_cell_number(value: int | float | Decimal, number_format: str | None) -> Figure:
    if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
        return Figure(None, problem=f"{quote(cell_text(value))}不是数字")
    if isinstance(value, Decimal) and not value.is_finite():
        return Figure(None, problem=f"{quote(cell_text(value))}不是数字")
    # Keep what Excel would show: 15 significant digits, not float noise.
    number = Decimal(plain_float(value)) if isinstance(value, float) else Decimal(value)
    if not plausible(number):
        return Figure(None, problem=f"{quote(cell_text(value))}数值大得不合理")
    shown = read_number_format(number_format)
    decimals = shown.decimals if shown.decimals is not None else written_decimals(number)
    return Figure(number, shown.unit, decimals, None, shown.percent)


def plausible(number: Decimal) -> bool:
    """Finite and below 10^30: '1e999' is not a figure anyone wrote on a
    form, and bounding the size keeps every Decimal step exact."""
    return number.is_finite() and (number.is_zero() or number.adjusted() < 30)


def written_decimals(number: Decimal) -> int:
    exponent = number.normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def read_text_figure(raw: str, explain: bool = True) -> Figure:
    """Read a figure written as text: ``'1,234.5万元'``, ``'六十'``, ``'百分之九十'``.
    ``explain=False`` skips wording the problem (measures fall back to text)."""
    # U+2212 is the minus Word inserts; a pasted figure may end with 。; a
    # leading ' is Excel's "keep as text" mark (and how CSV exports guard cells)
    text = squeeze(raw).replace("\u2212", "-").removesuffix("。").removeprefix("'")
    shown = raw.strip()
    if not text or _DASHES.match(text):
        return BLANK
    if _EXCEL_ERROR.match(text):
        return Figure(None, problem=f"{quote(shown)}是公式错误，没有数值")
    percent_word = text.startswith("百分之")
    body = text[3:] if percent_word else text
    figure = _digits(body) or _chinese(body)
    if figure is None or (percent_word and figure.unit is not None):
        return Figure(None, problem=_why_not_a_number(shown, text) if explain else "")
    if percent_word:
        return Figure(figure.number, "%", figure.decimals)
    return figure


def _digits(text: str) -> Figure | None:
    m = _DIGITS.match(text)
    if not m:
        return None
    try:
        number = Decimal(m.group("num").replace(",", ""))
    except InvalidOperation:
        return None
    return _with_unit(number, written_decimals_text(m.group("num")), m.group("rest"), after_digits=True)


def written_decimals_text(num: str) -> int:
    """Decimals as written: ``'69.71'`` → 2, ``'1.2e3'`` → 0."""
    mantissa, _, exp = num.lower().partition("e")
    frac = mantissa.partition(".")[2]
    return max(0, len(frac) - (int(exp) if exp else 0))


def _chinese(text: str) -> Figure | None:
    end = 0
    while end < len(text) and text[end] in NUMERAL_CHARS:
        end += 1
    numeral, rest = text[:end], text[end:]
    if not numeral:
        return None
    # '六十万元' is 60 in 万元 (as '60万元' is), not 600000 元.
    if numeral[-1] in SCALE and rest in ("", "元"):
        parsed = chinese_to_decimal(numeral[:-1])
        if parsed is not None:
            return Figure(parsed[0], numeral[-1] + rest, parsed[1])
    parsed = chinese_to_decimal(numeral)
    if parsed is None:
        return None
    return _with_unit(parsed[0], parsed[1], rest, after_digits=False)


def _with_unit(number: Decimal, decimals: int, rest: str, *, after_digits: bool) -> Figure | None:
    if not plausible(number):
        return None
    if rest == "":
        return Figure(number, None, decimals)
    if rest[0] in SCALE:
        unit = rest[1:]
        if unit in ("", "元") or unit.startswith("元/"):  # '60万元', '60万', '1万元/公里': unit as written
            return Figure(number, rest, decimals)
        if is_unit(unit, after_digits=after_digits):  # '6万人' = 60000 人
            return Figure(number * SCALE[rest[0]], unit, max(0, decimals - 4 if rest[0] == "万" else decimals - 8))
        return None
    if is_unit(rest, after_digits=after_digits):
        return Figure(number, rest, decimals)
    return None


def _why_not_a_number(shown: str, text: str) -> str:
    if any(w in text for w in APPROXIMATE):
        return f"{quote(shown)}不是确切数字"
    numbers = re.findall(r"\d+(?:\.\d+)?", text)
    if len(numbers) >= 2 and any(w in text for w in RANGE):
        return f"{quote(shown)}不是单一数字"
    return f"{quote(shown)}不是数字"


# ---------------------------------------------------------------- public API


@remembered
def parse_number(value: object, number_format: str | None = None) -> NumberParse:
    """A figure with its unit as written. A number cell formatted ``%``
    keeps its raw value (0.5) and gets unit ``'%'``."""
    return read_figure(value, number_format).public()


@remembered
def parse_amount(value: object, number_format: str | None = None, default_unit: str = "万元") -> NumberParse:
    """Money in 万元: ``'600,000元'`` → 60.0 (unit ``'元'``), ``'0.6亿元'`` →
    6000; a bare figure is in ``default_unit`` (``'元'`` when the block label
    says （元））."""
    fig = read_figure(value, number_format)
    if fig.number is None:
        return fig.public()
    unit = fig.unit or default_unit
    factor = TO_WAN.get(unit) if isinstance(unit, str) else None
    if factor is None:
        return NumberParse(None, fig.unit, fig.decimals, f"{quote(cell_text(value))}不是金额（应以万元或元计）")
    with localcontext(prec=80):  # 10^30 × 10^4 to 6 decimals stays exact
        wan = (fig.number * factor).quantize(Decimal("0.000001"))
    return fig.public(wan, unit=unit)


@remembered
def parse_rate(value: object, number_format: str | None = None) -> NumberParse:
    """A rate as a fraction with unit ``'%'``: ``'69.71%'`` → 0.6971
    (decimals 2); 1 formatted ``0%`` → 1.0; a bare 100 → 1.0 (a bare figure
    above 1.5 is read as percent points); a bare 0.6971 → 0.6971."""
    fig = read_figure(value, number_format)
    if fig.number is None:
        return fig.public()
    if fig.unit == "%":
        fraction = fig.number if fig.fraction_shown_as_percent else fig.number / 100
        return fig.public(fraction)
    if fig.unit is not None:
        return NumberParse(None, fig.unit, fig.decimals, f"{quote(cell_text(value))}不是百分比")
    if abs(fig.number) > Decimal("1.5"):
        return fig.public(fig.number / 100, unit="%")
    decimals = None if fig.decimals is None else max(0, fig.decimals - 2)
    return fig.public(fig.number, unit="%", decimals=decimals)


@remembered
def parse_score(value: object, number_format: str | None = None) -> NumberParse:
    """A score: a plain figure or one written with 分 (``'95分'``, ``'9.5 分'``)."""
    fig = read_figure(value, number_format)
    if fig.number is not None and fig.unit not in (None, "分"):
        return NumberParse(None, fig.unit, fig.decimals, f"{quote(cell_text(value))}不是分数")
    return fig.public()
