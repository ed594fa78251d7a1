from perfeval_xl.cli import entry

entry()
