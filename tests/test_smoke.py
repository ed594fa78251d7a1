from click.testing import CliRunner

from perfeval_xl.cli import main
from perfeval_xl.scheme import DEPARTMENT, SELF


def test_cli_help_lists_group():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    assert "perfeval" in result.output


def test_grade_bands_are_half_open():
    assert DEPARTMENT.grade_for(90) == "优"
    assert DEPARTMENT.grade_for(89.99) == "良"
    assert DEPARTMENT.grade_for(60) == "中"
    assert DEPARTMENT.grade_for(59.5) == "差"
    assert SELF.total == 100 and DEPARTMENT.total == 100
