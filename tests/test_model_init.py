"""CellRef and Sourced write their own __init__ (the generated one of a frozen
dataclass is slow): it must take exactly the dataclass's fields, in order,
with the same defaults, and build the same object."""

from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest

from perfeval_xl.model import CellRef, Sourced

HAND_WRITTEN = [CellRef, Sourced]


@pytest.mark.parametrize("cls", HAND_WRITTEN, ids=lambda c: c.__name__)
def test_init_takes_the_fields_in_order_with_their_defaults(cls):
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    fields = dataclasses.fields(cls)
    assert [p.name for p in params] == [f.name for f in fields]
    for p, f in zip(params, fields):
        expected = inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default
        assert p.default == expected, f.name
        assert p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD


def test_values_land_on_their_fields_and_stay_frozen():
    ref = CellRef("绩效评价表", "G6")
    s = Sourced(0.6971, "69.71%", ref, "=B6/A6", 2, "%")
    assert (ref.sheet, ref.cell) == ("绩效评价表", "G6")
    assert dataclasses.astuple(s) == (0.6971, "69.71%", ("绩效评价表", "G6"), "=B6/A6", 2, "%")
    assert Sourced(None) == Sourced(None, "", None, None, None, None)
    assert Sourced(value=1, unit="万元").unit == "万元"
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.value = 1  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        ref.cell = "A1"  # type: ignore[misc]


def test_equal_hash_order_replace_and_pickle_as_before():
    a, b = CellRef("表", "A2"), CellRef("表", "A10")
    assert a == CellRef("表", "A2") and hash(a) == hash(CellRef("表", "A2"))
    assert sorted([a, b]) == [b, a]  # order=True compares (sheet, cell) as text: "A10" < "A2"
    s = Sourced(3, "3", a)
    assert dataclasses.replace(s, value=4) == Sourced(4, "3", a)
    assert pickle.loads(pickle.dumps(s)) == s and hash(pickle.loads(pickle.dumps(s))) == hash(s)
    assert repr(a) == "CellRef(sheet='表', cell='A2')"
