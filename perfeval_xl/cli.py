"""The ``perfeval`` command. Thin: parse options, call the library, print, exit."""

from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="perfeval-xl")
def main() -> None:
    """perfeval：预算绩效评价表批量核查工具。"""
