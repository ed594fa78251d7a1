"""Properties of the 核定 that must hold for any figures a clerk may type."""

import dataclasses

from hypothesis import given, settings
from hypothesis import strategies as st

from perfeval_xl.model import Comparator, Measure, QualLevel, Sourced
from perfeval_xl.scheme import DEPARTMENT
from perfeval_xl.scoring import assess_indicator
from tests.scoring_models import indicator

numbers = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
units = st.sampled_from([None, "%", "家", "万元", "元", "人"])
measures = st.one_of(
    st.builds(Measure, st.text(max_size=5), st.sampled_from(list(Comparator)), numbers, units),
    st.builds(Measure, st.text(max_size=8), level=st.sampled_from([None, *QualLevel])),
)
weights = st.floats(min_value=0.5, max_value=30, allow_nan=False)
scores = st.one_of(st.none(), st.floats(min_value=-5, max_value=40, allow_nan=False))
schemes = st.builds(
    lambda formula, low: dataclasses.replace(DEPARTMENT, reverse_formula=formula, qual_low=low),
    st.sampled_from(["ratio", "linear"]),
    st.sampled_from([0.5, 0.6]),
)


@settings(max_examples=150, deadline=None)
@given(measures, measures, weights, scores, schemes)
def test_assessment_stays_within_the_weight(target, actual, weight, score, scheme):
    base = indicator("指标", "≥1", "1", 1, 1)
    ind = dataclasses.replace(
        base,
        target=Sourced(target, target.text, base.target.ref),
        actual=Sourced(actual, actual.text, base.actual.ref),
        weight=Sourced(weight, "", base.weight.ref),
        score=Sourced(score, "", base.score.ref, decimals=2),
    )
    a = assess_indicator(ind, scheme)
    if not a.judged:
        assert a.computed == score and a.reason
        return
    assert 0 <= a.allowed_low <= a.allowed_high <= weight + 1e-9
    if a.met:
        assert a.allowed_high == weight
    if a.computed is not None and a.formula is None:
        assert a.allowed_low - 1e-9 <= a.computed <= a.allowed_high + 1e-9
