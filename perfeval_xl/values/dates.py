"""Excel date serials as dates (45225 is 2023-10-26)."""

from __future__ import annotations


def serial_to_date(serial: int | float, date1904: bool = False) -> object:
    """An Excel date serial as a ``datetime`` (the serial itself when it is
    outside Excel's dates, as openpyxl does). Excel's 1900 leap-year bug is
    kept as Excel shows it: serial 60 is 1900-02-29 there, 1900-02-28 here."""
    from openpyxl.utils.datetime import (
        CALENDAR_MAC_1904,
        CALENDAR_WINDOWS_1900,
        from_excel,
    )

    if not 0 <= serial < 2_958_466:  # 9999-12-31 is serial 2,958,465
        return serial
    try:
        return from_excel(serial, CALENDAR_MAC_1904 if date1904 else CALENDAR_WINDOWS_1900)
    except (OverflowError, ValueError):
        return serial
