"""Import the reports people already have (Word ``.docx`` or plain ``.txt``
绩效评价报告) into the standardized workbook.

A report is a narrative followed by its 评价表 (usually under a ``附件`` line).
The importer turns it into a ``perfeval_xl.outputs.template.ProjectSpec`` — the
raw cell contents a clerk would have typed — and lets the form writer
(``outputs.template.form_writer``) lay it out in the contract's standard layout,
so there is one writer of that layout. Figures are told from words with
``perfeval_xl.values`` (``outputs.template.meaning``).

- ``source``: the report as blocks, ``Paragraph`` and ``Table`` (rows of cell texts);
- ``docx_source`` / ``txt_source``: read one file format into blocks;
- ``split``: narrative paragraphs, the form's title and its tables;
- ``form`` (with ``labels``, ``fields``, ``funds``, ``indicators``): table rows into a spec;
- ``report``: ``import_report(path) -> ImportResult`` and ``write_imported``.

Whatever cannot be placed is returned as Chinese notes, never raised.
"""

from perfeval_xl.importer.report import (
    IMPORT_SUFFIXES,
    ImportResult,
    import_report,
    imported_name,
    write_imported,
)

__all__ = ["IMPORT_SUFFIXES", "ImportResult", "import_report", "imported_name", "write_imported"]
