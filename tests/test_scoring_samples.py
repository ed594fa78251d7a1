"""Issue 5 "done when", on the bundled samples (samples/README.md): every
clean project's 核定总分 equals its own 总分 exactly, the seed's reflects the
部分实现 9/10 finding, and the scoring rules report exactly the listed defects."""

from pathlib import Path

import pytest

from perfeval_xl.pipeline import evaluate_file

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

# sample number -> (核定总分, the XC5xx findings as (rule, cell)); None = equals the form's 总分
EXPECTED = {
    "01": (93.99, [("XC503", "G27")]),  # the seed: 部分实现 9 of 10 → 7.99
    "02": (None, []),
    "03": (None, []),
    "04": (None, []),  # 单位自评: the funds 得分 9.5 counts toward 总分
    "05": (None, []),
    "06": (None, []),
    "07": (87.68, []),  # 总分 89.68 is not Σ 得分 (XC205); 核定 is the sum
    "08": (97.35, [("XC501", "G25"), ("XC503", "G31")]),  # 99 − (8 − 7.36) − (9 − 7.99)
    "09": (None, []),
    "10": (None, []),
    "11": (96.99, [("XC501", "G31")]),  # 10月底前, done 2023-12-20, 10 of 10 → 7.99; 99 − 2.01
}


def _sample(number: str) -> Path:
    return next(SAMPLES.glob(f"{number}_*.xlsx"))


@pytest.mark.parametrize("number", sorted(EXPECTED))
def test_sample_rescored(number):
    result = evaluate_file(_sample(number), _sample(number).name)
    total, findings = EXPECTED[number]
    own = result.project.total_score.value
    assert result.scoring.computed_total == (own if total is None else total)
    assert result.scoring.scheme_source == "评价方式"
    got = [(f.rule, f.cell) for f in result.findings if f.rule.startswith("XC5")]
    assert got == findings
