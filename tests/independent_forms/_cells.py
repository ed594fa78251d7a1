"""The one openpyxl helper the hand-written families share."""

from __future__ import annotations


def merge(ws, ref: str, value=None) -> None:
    """Merge ``ref`` (a single cell is left alone) and write ``value`` in its top-left cell."""
    first, last = ref.split(":")
    if first != last:
        ws.merge_cells(ref)
    if value is not None:
        ws[first] = value
