"""A report as a sequence of blocks, whatever file it came from.

A table row is the list of its *distinct* cells in reading order: a cell merged
across columns appears once, a cell merged down appears as ``""`` in the rows
below it (the contract's "blank = same as above"). Both the Word reader and the
text reader produce this shape, so the form parser works on either.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Word's bookmarks survive some conversions to text as "[bookmark: name]".
_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")


@dataclass
class Paragraph:
    text: str


@dataclass
class Table:
    rows: list[list[str]] = field(default_factory=list)
    # Word only: the grid column each cell starts in (same shape as ``rows``), so
    # a cell merged across two columns cannot shift the cells after it.
    starts: list[list[int]] | None = None

    def start_columns(self, r: int) -> list[int] | None:
        return self.starts[r] if self.starts is not None else None


Block = Paragraph | Table


def clean_text(text: str) -> str:
    """Cell or paragraph text without bookmark noise, non-breaking spaces and
    surrounding blanks; inner line breaks are kept (they are the cell's own)."""
    text = _BOOKMARK.sub("", text).replace("\u00a0", " ").replace("\u3000", " ")
    lines = [line.strip() for line in text.replace("\r", "").split("\n")]
    return "\n".join(line for line in lines if line)
