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
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".~" + path.stem[:20], suffix=".tmp", dir=path.parent)
    os.close(fd)
    # mkstemp makes the file owner-only (0600); an output is an ordinary file
    # that colleagues sharing the folder must be able to open.
    os.chmod(tmp, 0o666 & ~_umask())
    try:
        yield Path(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
