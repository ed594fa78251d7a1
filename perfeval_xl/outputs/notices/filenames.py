"""File names for the notices. A 主管部门 is whatever a clerk typed: it may
hold path separators, characters Windows refuses, a device name (CON, NUL)
or hundreds of characters. The name made from it stays one plain file
inside the notices folder on every system the folder may be copied to."""

from __future__ import annotations

import re
import unicodedata

SUFFIX = "_核查意见.docx"
MAX_STEM = 40  # characters; 40 CJK characters are 120 bytes, well under the 255 a file name may take
FALLBACK_STEM = "未填主管部门"
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}


def notice_stem(department: str) -> str:
    """The department, made safe as the start of a file name."""
    text = "".join(c for c in department if unicodedata.category(c) != "Cf")  # zero-width and direction marks
    text = _FORBIDDEN.sub("_", text)
    text = re.sub(r"\s+", " ", text).strip(" ._")
    text = text[:MAX_STEM].rstrip(" .")
    if not text:
        return FALLBACK_STEM
    if text.split(".")[0].strip().upper() in _RESERVED:
        text = "_" + text
    return text


def unique_names(departments: list[str]) -> list[str]:
    """A file name per department, in order; two departments that come out
    the same (after cutting, or differing only in letter case, which
    Windows and macOS do not tell apart) are numbered ``_2``, ``_3``…"""
    taken: set[str] = set()
    names = []
    for department in departments:
        stem = notice_stem(department)
        name, n = stem + SUFFIX, 1
        while name.casefold() in taken:
            n += 1
            name = f"{stem}_{n}{SUFFIX}"
        taken.add(name.casefold())
        names.append(name)
    return names
