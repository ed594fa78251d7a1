"""The corpus built on disk once per process: every form, every reader-only
workbook, and (when LibreOffice is installed) every form re-saved by it.

Building is shared by the tests and the benchmark; the LibreOffice pass is the
slow part (one ``soffice --convert-to xlsx`` for all files, about half a minute).
"""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from tests.independent_forms import FORMS, READER_BOOKS

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@dataclass
class Corpus:
    root: Path
    forms: dict[str, Path] = field(default_factory=dict)  # form name -> original workbook
    books: dict[str, Path] = field(default_factory=dict)  # reader-only workbook name -> path
    resaved: dict[str, Path] = field(default_factory=dict)  # form name -> the LibreOffice copy
    resaved_books: dict[str, Path] = field(default_factory=dict)  # reader-only workbook name -> its copy
    resave_error: str | None = None  # why there are no LibreOffice copies


def build(root: Path, *, libreoffice: bool = True, family: str = "") -> Corpus:
    """Write the forms (only those whose family starts with ``family``, when given) and, with
    no family filter, the reader-only workbooks; then the LibreOffice copies of all of them."""
    corpus = Corpus(root)
    originals = root / "originals"
    originals.mkdir(parents=True, exist_ok=True)
    for form in FORMS:
        if not form.family.startswith(family):
            continue
        path = originals / form.filename
        form.build(path)
        corpus.forms[form.name] = path
    books = root / "reader_books"
    books.mkdir(exist_ok=True)
    for book in READER_BOOKS if not family else ():
        path = books / book.filename
        book.build(path)
        corpus.books[book.name] = path
    if not libreoffice:
        corpus.resave_error = "not asked for"
    elif SOFFICE is None:
        corpus.resave_error = "LibreOffice (soffice) is not installed"
    else:
        try:
            copies = resave([*corpus.forms.values(), *corpus.books.values()], root / "libreoffice", root / "lo_profile")
            by_stem = {p.stem: p for p in copies.values()}
            corpus.resaved = {name: by_stem[name] for name in corpus.forms}
            corpus.resaved_books = {name: by_stem[name] for name in corpus.books}
        except (subprocess.SubprocessError, OSError) as exc:
            corpus.resave_error = f"LibreOffice failed: {exc}"
    return corpus


def resave(paths: list[Path], outdir: Path, profile: Path) -> dict[Path, Path]:
    """Open each workbook in LibreOffice (headless) and save it as .xlsx again."""
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [SOFFICE, f"-env:UserInstallation={profile.resolve().as_uri()}", "--headless", "--norestore",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir), *map(str, paths)],
        check=True, capture_output=True, timeout=900,
    )
    out = {p: outdir / p.name for p in paths}
    missing = [p.name for p, copy in out.items() if not copy.exists()]
    if missing:
        raise subprocess.SubprocessError(f"no copy written for {', '.join(missing)}")
    return out


@functools.cache
def shared() -> Corpus:
    """The corpus for this process, in a temporary folder removed at exit.
    ``PERFEVAL_SKIP_LIBREOFFICE=1`` leaves the re-saved set out (quick local loops)."""
    root = Path(tempfile.mkdtemp(prefix="independent_forms_"))
    atexit.register(shutil.rmtree, root, ignore_errors=True)
    return build(root, libreoffice=os.environ.get("PERFEVAL_SKIP_LIBREOFFICE") != "1")
