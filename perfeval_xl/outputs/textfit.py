"""Row heights for wrapped text.

Neither xlsxwriter nor our XML writer can measure text, and LibreOffice keeps
a stored row height, so without an estimate long names and messages are cut
off on screen and in print.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable

LINE_HEIGHT = 13.5  # points per line at 10–11 pt
MAX_ROW_HEIGHT = 409  # Excel's limit


_WIDE = re.compile("[\u2e80-\U0010ffff]")  # CJK and full-width characters


def text_width(text: str) -> int:
    """Display width in column units: CJK and full-width characters take two."""
    return len(text) + len(_WIDE.findall(text))  # counted in C: this runs for every cell we write


def row_height(cells: Iterable[tuple[Any, float]]) -> float | None:
    """The height a row of (text, column width) pairs needs, or None when one line fits."""
    lines = 1
    for text, width in cells:
        if not isinstance(text, str):
            continue
        room = max(int(width) - 1, 1)
        if len(text) * 2 <= room:  # fits even if every character is wide: skip measuring
            continue
        lines = max(lines, _remembered_lines(text, room) if len(text) <= _REMEMBERED_TEXT else _lines(text, room))
    return min(LINE_HEIGHT * lines + 3, MAX_ROW_HEIGHT) if lines > 1 else None


_REMEMBERED_TEXT = 200  # headers, names and messages; a long text is not kept


@lru_cache(maxsize=8192)  # the same names and messages are measured in copy after copy
def _remembered_lines(text: str, room: int) -> int:
    return _lines(text, room)


def _lines(text: str, room: int) -> int:
    """Lines ``text`` takes in a column ``room`` units wide (at least one)."""
    return max(1, *(-(-text_width(part) // room) for part in text.split("\n")))
