"""Regenerate the bundled sample workbooks from their specs.

    python -m tests.support.synth.build_samples [SAMPLES_DIR]

Each ``SAMPLES_DIR/specs/NAME.toml`` (a project spec plus an optional
``[layout]`` table of ``LayoutOptions``) becomes ``SAMPLES_DIR/NAME.xlsx``.
The default directory is ``samples/`` at the repository root.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from perfeval_xl.outputs.template.layout import LayoutOptions, layout_from_dict
from perfeval_xl.outputs.template.spec import ProjectSpec, spec_from_dict
from tests.support.synth.writer import write_project

DEFAULT_DIR = Path(__file__).resolve().parents[3] / "samples"


def load_sample(path: str | Path) -> tuple[ProjectSpec, LayoutOptions]:
    """A sample's spec and layout from its TOML file."""
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    layout = layout_from_dict(data.pop("layout", {}))
    return spec_from_dict(data), layout


def build_samples(samples_dir: Path, out_dir: Path | None = None) -> list[Path]:
    """Write every sample of ``samples_dir/specs`` into ``out_dir`` (default: ``samples_dir``)."""
    out_dir = out_dir or samples_dir
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for spec_path in sorted((samples_dir / "specs").glob("*.toml")):
        spec, layout = load_sample(spec_path)
        target = out_dir / (spec_path.stem + ".xlsx")
        write_project(spec, layout, target)
        written.append(target)
    return written


def main(argv: list[str]) -> int:
    samples_dir = Path(argv[0]) if argv else DEFAULT_DIR
    for path in build_samples(samples_dir):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
