"""Atomic file replacement: readers of the output folder never see half a file."""

from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator


@contextmanager
def atomic_target(path: Path | str) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it replaces
    ``path`` with ``os.replace`` (atomic on one filesystem), on failure it is removed."""
    path = Path(path)
    fd, tmp = _temporary(path)
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write(path: Path | str, data: bytes) -> None:
    """``data`` as the whole of ``path``, replaced as :func:`atomic_target` does;
    written through the temporary file's own descriptor, so it is opened once
    (one file per input: creating and opening files is a visible share of a run)."""
    path = Path(path)
    fd, tmp = _temporary(path)
    try:
        with open(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _temporary(path: Path) -> tuple[int, str]:
    """An open temporary file beside ``path``, with ordinary permissions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".~" + path.stem[:20], suffix=".tmp", dir=path.parent)
    try:
        # mkstemp makes the file owner-only (0600); an output is an ordinary file
        # that colleagues sharing the folder must be able to open.
        os.fchmod(fd, 0o666 & ~_umask())
    except BaseException:
        os.close(fd)
        Path(tmp).unlink(missing_ok=True)
        raise
    return fd, tmp


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
