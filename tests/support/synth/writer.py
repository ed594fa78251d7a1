"""The generator's form writer: production's writer with the generator's own
reading (``canon``), so that what the reader must find is stated independently
of the reader."""

from __future__ import annotations

from pathlib import Path

from perfeval_xl.outputs.template import form_writer
from perfeval_xl.outputs.template.form_writer import Cell, Expected, Formula, a1
from perfeval_xl.outputs.template.layout import LayoutOptions
from perfeval_xl.outputs.template.spec import ProjectSpec
from tests.support.synth import canon

__all__ = ["Cell", "Expected", "Formula", "a1", "write_project"]


def write_project(spec: ProjectSpec, layout: LayoutOptions, path: str | Path) -> dict[str, Expected]:
    """Write ``spec`` to ``path`` in ``layout``; return what the reader must find, by ``canon``."""
    return form_writer.write_project(spec, layout, path, canon)
