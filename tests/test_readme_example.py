"""The README's “在 Python 中使用” example runs as written, from a copy of the
repository's root (it checks samples/ and writes 样例_结果/ there)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## 在 Python 中使用", 1)[1]
    return re.search(r"```python\n(.*?)```", section, re.S).group(1)


def test_the_readme_example_runs(tmp_path):
    code = _example()
    assert "check_folder" in code and "read_results" in code
    shutil.copytree(ROOT / "samples", tmp_path / "samples")
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert "满意度" in done.stdout and "computed_grade" in done.stdout
    assert (tmp_path / "样例_结果" / "汇总.xlsx").is_file() and (tmp_path / "样例_结果" / "results.json").is_file()
