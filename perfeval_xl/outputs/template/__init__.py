"""The evaluation form: its one layout definition and the writer of a filled form.

- ``spec``: ``ProjectSpec`` (what a clerk typed, cell by cell), the funds rows and grades of the form;
- ``layout``: ``LayoutOptions``, one field per tolerance of the contract (label synonyms, units, spellings);
- ``form_writer``: ``write_project(spec, layout, path, meaning)``, the filled form as an .xlsx (openpyxl);
- ``meaning``: what typed values mean, read with ``perfeval_xl.values`` (production's reading).

The Word/text importer writes its workbooks with this writer; the test-data
generator (tests/support/synth) uses it with its own, independent reading.
"""
