"""What a run writes, from the results the pipeline returned:

- ``completed/``: the annotated copy of each workbook (the input's parts, patched);
- ``summary/``: 汇总.xlsx (ranking, 部门汇总, 问题清单, 指标明细);
- ``records``, ``results_json``, ``tables``, ``frames``: the plain records of a run,
  results.json, and the pandas tables built from them (the Python API's ``Batch``);
- ``notices/``: the 核查意见 letters (Word), one per department;
- ``template/``: the form's layout — the blank template and the writer of a filled form;
- ``figures``, ``newsheet``, ``textfit``, ``serialize``: pieces shared by the above.
"""
