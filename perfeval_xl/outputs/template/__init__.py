"""The evaluation form: its layout, the blank template and the writer of a filled form.

- ``spec``: ``ProjectSpec`` (what a clerk typed, cell by cell), the funds rows of the form (defined
  once, for both writers; the grades are ``model.GRADES``);
- ``blank*``: the blank template clerks fill in (XlsxWriter, one fixed layout: ``blank_layout``);
- ``layout``: ``LayoutOptions``, one field per tolerance of the contract (label synonyms, units, spellings);
- ``form_writer``: ``write_project(spec, layout, path, meaning)``, the filled form as an .xlsx (openpyxl);
- ``meaning``: what typed values mean, read with ``perfeval_xl.values`` (production's reading).

The Word/text importer writes its workbooks with this writer; the test-data
generator (tests/support/synth) uses it with its own, independent reading.
"""
