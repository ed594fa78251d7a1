"""The ``perfeval`` command: click commands, the console text and the rule
docs. Thin: every command calls the library and prints what it returns."""

from perfeval_xl.cli.commands import entry, main

__all__ = ["entry", "main"]
