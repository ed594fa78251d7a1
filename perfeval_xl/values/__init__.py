"""Every value parser: what one cell or one phrase says, with no sheet around it.

Pure functions, no I/O, none raises on any input. The reader (``read/``)
finds the cells; these modules say what each holds:

- :mod:`.text` — a cell's display text, label normalisation
- :mod:`.numerals` — Chinese numerals (cn2an inside), the one path for them
- :mod:`.numbers` — figures in cells (amounts, rates, scores) and in running text
- :mod:`.units`, :mod:`.number_format` — units as written, what an Excel format shows
- :mod:`.measures`, :mod:`.timing`, :mod:`.dates` — indicator values, deadlines, date serials
"""
