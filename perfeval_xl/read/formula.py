"""A small evaluator for the formulas evaluation forms actually contain.

Files written by programs (openpyxl, pandas) carry formulas with no cached
value. Rather than report every such cell as unreadable, we recompute the
formulas forms use: arithmetic, comparisons, ``&``, cell references and
ranges on the same sheet, and SUM / MIN / MAX / AVERAGE / COUNT / COUNTA /
ROUND / ABS / IF / IFERROR / AND / OR / TEXT-free logic. Anything else raises
:class:`Unsupported` and the reader reports the cell instead of guessing.
"""

from __future__ import annotations

import re
from typing import Callable

from openpyxl.utils import column_index_from_string


class Unsupported(Exception):
    """The formula uses something this evaluator does not do."""


class ExcelError(Exception):
    """The formula evaluates to an Excel error (#DIV/0!, #VALUE!, #NUM!)."""


EXCEL_ERRORS = ("#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#N/A", "#NUM!", "#NULL!", "#SPILL!", "#CALC!")


def _propagate(v: object) -> None:
    """An error value met as an operand is the result, as in Excel (=G16*2 of a #NUM! is #NUM!)."""
    if isinstance(v, str) and v in EXCEL_ERRORS:
        raise ExcelError(v)


_TOKEN = re.compile(
    r"""\s*(?:
      (?P<num>\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)
    | (?P<str>"(?:[^"]|"")*")
    | (?P<ref>(?:(?:'[^']+'|[^\s'!()+\-*/^&=<>,:;"]+)!)?\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)
    | (?P<func>[A-Za-z][A-Za-z0-9._]*)\s*\(
    | (?P<bool>TRUE|FALSE)\b
    | (?P<op><=|>=|<>|[-+*/^&=<>%(),;])
    )""",
    re.VERBOSE | re.IGNORECASE,
)

Resolver = Callable[[str | None, int, int], object]  # (sheet or None, row, col) -> value


def _split_ref(text: str) -> tuple[str | None, str]:
    if "!" in text:
        sheet, addr = text.rsplit("!", 1)
        return sheet.strip("'"), addr
    return None, text


def _rc(addr: str) -> tuple[int, int]:
    m = re.fullmatch(r"\$?([A-Za-z]{1,3})\$?(\d+)", addr)
    if not m:
        raise Unsupported(addr)
    return int(m.group(2)), column_index_from_string(m.group(1).upper())


def _tokenize(formula: str) -> list[tuple[str, str]]:
    pos, out = 0, []
    text = formula.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            raise Unsupported(text[pos:])
        kind = m.lastgroup
        out.append((kind, m.group(kind)))
        pos = m.end()
        # a whitespace-only tail
        if text[pos:].strip() == "":
            break
    return out


class _Range:
    def __init__(self, sheet: str | None, r1: int, c1: int, r2: int, c2: int):
        self.sheet, self.r1, self.c1, self.r2, self.c2 = sheet, min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2)

    def values(self, resolve: Resolver) -> list[object]:
        if (self.r2 - self.r1 + 1) * (self.c2 - self.c1 + 1) > 100_000:
            raise Unsupported("range too large")
        return [resolve(self.sheet, r, c) for r in range(self.r1, self.r2 + 1) for c in range(self.c1, self.c2 + 1)]


def _num(v: object) -> float:
    if v is None or v == "":
        return 0.0
    _propagate(v)
    if isinstance(v, bool):
        return 1.0 if v else 0.0
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str):
        try:
            return float(v.replace(",", ""))
        except ValueError:
            raise ExcelError("#VALUE!") from None
    raise ExcelError("#VALUE!")


def _flat(args: list[object], resolve: Resolver) -> list[object]:
    out: list[object] = []
    for a in args:
        out.extend(a.values(resolve) if isinstance(a, _Range) else [a])
    return out


def _numbers(args: list[object], resolve: Resolver) -> list[float]:
    out = []
    for a in args:
        if isinstance(a, _Range):
            values = a.values(resolve)
            for v in values:  # text in a range is skipped, but an error in it is the result
                _propagate(v)
            out.extend(float(v) for v in values if isinstance(v, (int, float)) and not isinstance(v, bool))
        else:
            out.append(_num(a))
    return out


def _truthy(v: object) -> bool:
    _propagate(v)
    if isinstance(v, str):
        if v.upper() in ("TRUE", "FALSE"):
            return v.upper() == "TRUE"
        raise ExcelError("#VALUE!")
    return bool(_num(v))


def _scalar(v: object, resolve: Resolver) -> object:
    if isinstance(v, _Range):
        if (v.r1, v.c1) != (v.r2, v.c2):
            raise ExcelError("#VALUE!")
        return resolve(v.sheet, v.r1, v.c1)
    return v


def _round(args: list[object], resolve: Resolver) -> float:
    x = _num(_scalar(args[0], resolve))
    digits = int(_num(_scalar(args[1], resolve))) if len(args) > 1 else 0
    # beyond 15 digits (Excel's precision) rounding changes nothing, and an
    # untrusted ROUND(1,1E+300) must not compute 10**(10**300) nor divide by 10**-400 == 0.0
    digits = max(-15, min(15, digits))
    scale = 10**digits
    y = abs(x) * scale + 1e-9
    return (int(y + 0.5) / scale) * (1 if x >= 0 else -1)


_FUNCS: dict[str, Callable[[list[object], Resolver], object]] = {
    "SUM": lambda a, r: sum(_numbers(a, r)),
    "MIN": lambda a, r: min(_numbers(a, r), default=0.0),
    "MAX": lambda a, r: max(_numbers(a, r), default=0.0),
    "AVERAGE": lambda a, r: (sum(n) / len(n)) if (n := _numbers(a, r)) else (_ for _ in ()).throw(ExcelError("#DIV/0!")),
    "COUNT": lambda a, r: float(sum(1 for v in _flat(a, r) if isinstance(v, (int, float)) and not isinstance(v, bool))),
    "COUNTA": lambda a, r: float(sum(1 for v in _flat(a, r) if v not in (None, ""))),
    "ABS": lambda a, r: abs(_num(_scalar(a[0], r))),
    "ROUND": _round,
    "AND": lambda a, r: all(_truthy(v) for v in _flat(a, r)),
    "OR": lambda a, r: any(_truthy(v) for v in _flat(a, r)),
    "NOT": lambda a, r: not _truthy(_scalar(a[0], r)),
}


class _Parser:
    """Precedence climbing over Excel's operator table."""

    def __init__(self, tokens: list[tuple[str, str]], resolve: Resolver, depth: int):
        self.t, self.i, self.resolve, self.depth = tokens, 0, resolve, depth

    def peek(self) -> tuple[str, str] | None:
        return self.t[self.i] if self.i < len(self.t) else None

    def take(self) -> tuple[str, str]:
        tok = self.peek()
        if tok is None:
            raise Unsupported("unexpected end")
        self.i += 1
        return tok

    def expect(self, op: str) -> None:
        tok = self.take()
        if tok != ("op", op):
            raise Unsupported(f"expected {op}")

    def parse(self) -> object:
        v = self.compare()
        if self.peek() is not None:
            raise Unsupported("trailing tokens")
        return v

    def compare(self) -> object:
        left = self.concat()
        while (tok := self.peek()) and tok[0] == "op" and tok[1] in ("=", "<>", "<", ">", "<=", ">="):
            self.take()
            right = self.concat()
            left = _compare(tok[1], self.val(left), self.val(right))
        return left

    def concat(self) -> object:
        left = self.additive()
        while self.peek() == ("op", "&"):
            self.take()
            right = self.additive()
            left = _text(self.val(left)) + _text(self.val(right))
        return left

    def additive(self) -> object:
        left = self.term()
        while (tok := self.peek()) and tok[0] == "op" and tok[1] in "+-" and len(tok[1]) == 1:
            self.take()
            right = self.term()
            a, b = _num(self.val(left)), _num(self.val(right))
            left = a + b if tok[1] == "+" else a - b
        return left

    def term(self) -> object:
        left = self.power()
        while (tok := self.peek()) and tok[0] == "op" and tok[1] in ("*", "/"):
            self.take()
            right = self.power()
            a, b = _num(self.val(left)), _num(self.val(right))
            if tok[1] == "/":
                if b == 0:
                    raise ExcelError("#DIV/0!")
                left = a / b
            else:
                left = a * b
        return left

    def power(self) -> object:
        left = self.unary()
        while self.peek() == ("op", "^"):
            self.take()
            left = _power(_num(self.val(left)), _num(self.val(self.unary())))
        return left

    def unary(self) -> object:
        tok = self.peek()
        if tok in (("op", "-"), ("op", "+")):
            self.take()
            v = _num(self.val(self.unary()))
            return -v if tok[1] == "-" else v
        v = self.atom()
        if self.peek() == ("op", "%"):
            self.take()
            v = _num(self.val(v)) / 100
        return v

    def atom(self) -> object:
        kind, text = self.take()
        if kind == "num":
            return float(text)
        if kind == "str":
            return text[1:-1].replace('""', '"')
        if kind == "bool":
            return text.upper() == "TRUE"
        if kind == "ref":
            sheet, addr = _split_ref(text)
            if ":" in addr:
                a, b = addr.split(":")
                (r1, c1), (r2, c2) = _rc(a), _rc(b)
                return _Range(sheet, r1, c1, r2, c2)
            r, c = _rc(addr)
            return _Range(sheet, r, c, r, c)
        if kind == "func":
            return self.call(text.upper())
        if (kind, text) == ("op", "("):
            v = self.compare()
            self.expect(")")
            return v
        raise Unsupported(text)

    def args(self) -> list[object]:
        args: list[object] = []
        if self.peek() == ("op", ")"):
            self.take()
            return args
        while True:
            args.append(self.compare())
            tok = self.take()
            if tok == ("op", ")"):
                return args
            if tok not in (("op", ","), ("op", ";")):
                raise Unsupported("bad argument list")

    def call(self, name: str) -> object:
        if name in ("IF", "IFERROR"):
            return self.lazy_call(name)
        fn = _FUNCS.get(name)
        if fn is None:
            raise Unsupported(name)
        return fn(self.args(), self.resolve)

    def lazy_call(self, name: str) -> object:
        # Only the chosen branch is evaluated, so a guarded division by zero stays guarded.
        args_tokens = self._arg_spans()
        values = []
        for span in args_tokens:
            sub = _Parser(self.t[span[0] : span[1]], self.resolve, self.depth)
            values.append(sub)
        if name == "IF":
            if len(values) not in (2, 3):
                raise Unsupported("IF arity")
            cond = _truthy(values[0].val(values[0].parse()))
            if cond:
                return values[1].val(values[1].parse())
            return values[2].val(values[2].parse()) if len(values) == 3 else False
        # IFERROR
        try:
            return values[0].val(values[0].parse())
        except ExcelError:
            return values[1].val(values[1].parse())

    def _arg_spans(self) -> list[tuple[int, int]]:
        spans, depth, begin = [], 0, self.i
        while True:
            tok = self.take()
            if tok[0] == "func" or tok == ("op", "("):
                depth += 1
            elif tok == ("op", ")"):
                if depth == 0:
                    spans.append((begin, self.i - 1))
                    return spans
                depth -= 1
            elif tok in (("op", ","), ("op", ";")) and depth == 0:
                spans.append((begin, self.i - 1))
                begin = self.i

    def val(self, v: object) -> object:
        if isinstance(v, _Range):
            if (v.r1, v.c1) != (v.r2, v.c2):
                raise ExcelError("#VALUE!")
            return self.resolve(v.sheet, v.r1, v.c1)
        return v


def _power(base: float, exponent: float) -> float:
    """Excel's ``^``. Python would give a complex number for a negative base
    and a fractional exponent (``(-8)^(1/3)``) and raise for ``0^-1``; Excel
    gives #NUM! and #DIV/0!, and #NUM! for ``0^0``."""
    if base == 0 and exponent < 0:
        raise ExcelError("#DIV/0!")
    if (base == 0 and exponent == 0) or (base < 0 and not exponent.is_integer()):
        raise ExcelError("#NUM!")
    return base**exponent


def _text(v: object) -> str:
    _propagate(v)
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _compare(op: str, a: object, b: object) -> bool:
    _propagate(a)
    _propagate(b)
    if isinstance(a, str) or isinstance(b, str):
        if a is None:
            a = ""
        if b is None:
            b = ""
        if isinstance(a, str) and isinstance(b, str):
            x, y = a.lower(), b.lower()
        else:  # Excel: any text is greater than any number
            x, y = (1, 0) if isinstance(a, str) else (0, 1)
    else:
        x, y = _num(a), _num(b)
    return {"=": x == y, "<>": x != y, "<": x < y, ">": x > y, "<=": x <= y, ">=": x >= y}[op]


def evaluate(formula: str, resolve: Resolver, depth: int = 0) -> object:
    """Evaluate ``formula`` (without the leading ``=``). Raises Unsupported or ExcelError."""
    if depth > 50:
        raise Unsupported("reference chain too deep")
    result = _Parser(_tokenize(formula), resolve, depth).parse()
    if isinstance(result, _Range):  # a bare reference (=A1) is that cell's value
        if (result.r1, result.c1) != (result.r2, result.c2):
            raise Unsupported("a range is not one value")
        return resolve(result.sheet, result.r1, result.c1)
    return result
