"""Synthetic evaluation workbooks: a project spec written in any layout the
contract allows, with the values and cells a reader must find.

- ``ProjectSpec`` (what the clerk typed) and ``LayoutOptions`` are production's
  (``perfeval_xl.outputs.template``), re-exported here;
- ``writer``: ``write_project(spec, layout, path) -> {model path: Expected}``, production's
  form writer with this generator's reading (``canon``);
- ``variants``: ``random_spec(rng)`` / ``random_layout(rng)`` for tests and benchmarks;
- ``deadlines``: 时效 deadlines (10月底前, 春节前) and completions that meet or miss them;
- ``canon``: what a spec's typed values mean in the reader's conventions (kept apart from ``read``);
- ``compare``: ``mismatches(project, expected)`` for checking a reader;
- ``measure``: ``run_variant(seed, dir, read)``: one seeded pair written, read and compared;
- ``build_samples``: regenerates ``samples/*.xlsx`` from ``samples/specs/*.toml``.
"""

from perfeval_xl.outputs.template.layout import LayoutOptions
from perfeval_xl.outputs.template.spec import FundsRowSpec, IndicatorSpec, ProjectSpec, SubtotalSpec, load_spec
from tests.support.synth.writer import Expected, write_project

__all__ = ["Expected", "FundsRowSpec", "IndicatorSpec", "LayoutOptions", "ProjectSpec", "SubtotalSpec", "load_spec",
           "write_project"]
