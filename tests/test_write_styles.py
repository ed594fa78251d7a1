"""The style book only records which formats are derived and builds the new
``styles.xml`` on save (once per distinct request list). What it answers
before saving — a derived format's index, a format's number format — must be
what the parsed tree would have said, and the saved part must be that tree."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from perfeval_xl.ooxml.names import q, serialize

from perfeval_xl.ooxml.package import parse_xml

from perfeval_xl.ooxml.editable import XlsxPackage
from perfeval_xl.outputs.completed._styles import _MINIMAL_STYLES, FontChange, Look, StyleBook, _StyleTree
from tests.write_builders import make_form

LOOKS = [
    Look(fill="FFFFC7CE"),
    Look(fill="FFFFEB9C", font=FontChange(bold=True)),
    Look(font=FontChange(color="FF0070C0", italic=True)),
    Look(font=FontChange(color="FF0070C0", italic=True), num_fmt=10),
    Look(num_fmt=0, border=True, wrap=True),
    Look(fill="FFD9E1F2", font=FontChange(bold=True), wrap=True, border=True),
]
NO_CELL_FORMATS = _MINIMAL_STYLES.replace(
    b'<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>', b""
)


@pytest.fixture(scope="module")
def form(tmp_path_factory) -> Path:
    return make_form(tmp_path_factory.mktemp("styles") / "form.xlsx")


def _book(form: Path, styles_xml: bytes | None = None) -> tuple[StyleBook, XlsxPackage]:
    package = XlsxPackage(form)
    if styles_xml is not None:
        package.write("xl/styles.xml", styles_xml)
    return StyleBook(package), package


def _tree_num_fmt(tree: _StyleTree, index: int) -> int:
    xfs = tree.root.find(q("cellXfs"))
    return int(xfs[index].get("numFmtId", "0")) if xfs is not None and 0 <= index < len(xfs) else 0


requests = st.lists(st.tuples(st.integers(-1, 12), st.sampled_from(LOOKS)), max_size=12)


@pytest.mark.parametrize("variant", ["template", "no cell formats"])
@given(asked=requests)
def test_the_recorded_book_answers_as_the_tree_would(form, variant, asked):
    styles_xml = None if variant == "template" else NO_CELL_FORMATS
    book, package = _book(form, styles_xml)
    tree = _StyleTree(parse_xml(package.read(book.part)))
    seen: dict[tuple[int, Look], int] = {}
    for base, look in asked:
        if (base, look) not in seen:
            seen[(base, look)] = tree.derive(base, look)
        assert book.derive(base, look) == seen[(base, look)]
        for index in range(-1, len(seen) + 14):
            assert book.num_fmt_of(index) == _tree_num_fmt(tree, index), index
    book.save()
    saved = package.read(book.part)
    if seen:
        assert saved == serialize(tree.root)
    else:  # nothing derived: the part stays as it was
        assert saved == (styles_xml or XlsxPackage(form).read(book.part))


def test_a_percent_format_is_seen_through_a_derived_format(form):
    book, _ = _book(form)
    percent = book.derive(0, Look(num_fmt=10))
    filled = book.derive(percent, Look(fill="FFFFC7CE"))
    assert book.num_fmt_of(percent) == 10
    assert book.num_fmt_of(filled) == 10


def test_books_of_one_template_save_the_same_part(form):
    first, first_package = _book(form)
    second, second_package = _book(form)
    for book in (first, second):
        for look in LOOKS:
            book.derive(0, look)
        book.save()
    assert first_package.read(first.part) == second_package.read(second.part)
    assert first_package.read(first.part) != XlsxPackage(form).read(first.part)


def test_a_workbook_without_styles_gets_the_minimal_part(tmp_path):
    import zipfile

    source = make_form(tmp_path / "form.xlsx")
    bare = tmp_path / "bare.xlsx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(bare, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/styles.xml":
                continue
            if info.filename == "xl/_rels/workbook.xml.rels":
                root = parse_xml(data)
                for rel in list(root):
                    if rel.get("Type", "").endswith("/styles"):
                        root.remove(rel)
                data = serialize(root)
            dst.writestr(info, data)
    book, package = _book(bare)
    assert book.part == "xl/styles.xml"
    index = book.derive(0, LOOKS[0])
    book.save()
    tree = _StyleTree(parse_xml(_MINIMAL_STYLES))
    assert index == tree.derive(0, LOOKS[0])
    assert package.read("xl/styles.xml") == serialize(tree.root)
