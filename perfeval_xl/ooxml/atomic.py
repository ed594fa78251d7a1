"""Atomic file replacement: readers of the output folder never see half a file."""

from __future__ import annotations

import itertools
import os
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
    """A new temporary file beside ``path``, open for writing.

    Created with mode 0666 less the umask, as any ordinary file is: colleagues
    sharing the folder must be able to open an output (mkstemp's files are
    owner-only, and widening them took a chmod and two umask calls per file).
    Named by process and a counter, so two workers of a run never collide, and
    a stale name left by a killed run is skipped by O_EXCL."""
    for _ in range(_ATTEMPTS):
        tmp = os.path.join(path.parent, f".~{path.stem[:20]}.{os.getpid()}.{next(_serial)}.tmp")
        try:
            return os.open(tmp, _CREATE_NEW, 0o666), tmp
        except FileExistsError:
            continue
        except FileNotFoundError:
            if path.parent.is_dir():
                raise
            path.parent.mkdir(parents=True, exist_ok=True)
    raise FileExistsError(f"no free temporary name beside {path}")


_serial = itertools.count()
_ATTEMPTS = 100
_CREATE_NEW = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
