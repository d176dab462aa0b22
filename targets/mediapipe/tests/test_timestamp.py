"""Timestamp semantics (reference §4 and §12)."""

import copy
import math
import pickle

import numpy as np
import pytest

from mediapipe import Timestamp

SPECIAL = [
    ("UNSET", -2**63, True, False, False),
    ("UNSTARTED", -2**63 + 1, True, False, False),
    ("PRESTREAM", -2**63 + 2, True, False, True),
    ("MIN", -2**63 + 3, True, True, True),
    ("MAX", 2**63 - 4, True, True, True),
    ("POSTSTREAM", 2**63 - 3, True, False, True),
    ("DONE", 2**63 - 1, True, False, False),
]


def test_constructor_forms():
    assert Timestamp(5).value == 5
    assert Timestamp(Timestamp(7)).value == 7
    assert Timestamp(True).value == 1
    assert Timestamp(np.int64(3)).value == 3


@pytest.mark.parametrize("bad", [1.5, "1", None, 2**63])
def test_constructor_rejects_non_int(bad):
    with pytest.raises(TypeError):
        Timestamp(bad)


def test_constructor_needs_an_argument():
    with pytest.raises(TypeError):
        Timestamp()


@pytest.mark.parametrize("name,value,special,rng,allowed", SPECIAL)
def test_special_values(name, value, special, rng, allowed):
    t = getattr(Timestamp, name)
    assert t.value == value
    assert t.is_special_value() is special
    assert t.is_range_value() is rng
    assert t.is_allowed_in_stream() is allowed
    assert str(t) == f"<mediapipe.Timestamp with value: {name}>"
    assert getattr(Timestamp(0), name).value == value


def test_special_value_is_new_object_each_access():
    assert Timestamp.UNSET is not Timestamp.UNSET
    assert Timestamp.UNSET == Timestamp.UNSET


@pytest.mark.parametrize("value", [-2**63, -2**63 + 3, 2**63 - 4, 2**63 - 1])
def test_special_int_raises_instead_of_aborting(value):
    with pytest.raises(ValueError):
        Timestamp(value)


def test_ordinary_value_flags():
    t = Timestamp(0)
    assert not t.is_special_value() and t.is_range_value() and t.is_allowed_in_stream()


def test_value_is_read_only():
    t = Timestamp(1)
    with pytest.raises(AttributeError):
        t.value = 2


def test_seconds_and_microseconds():
    assert Timestamp(1_500_000).seconds() == 1.5
    assert Timestamp(42).microseconds() == 42
    assert Timestamp.UNSET.seconds() == pytest.approx(-9223372036854.775)


@pytest.mark.parametrize("seconds,micros", [(1.5e-6, 2), (-1.0000005, -1000001), (2, 2_000_000), (0.0, 0)])
def test_from_seconds_rounds_half_away_from_zero(seconds, micros):
    assert Timestamp.from_seconds(seconds).value == micros


@pytest.mark.parametrize("bad", [math.nan, 1e300, -math.inf])
def test_from_seconds_unrepresentable_raises(bad):
    with pytest.raises(ValueError):
        Timestamp.from_seconds(bad)


def test_from_seconds_is_positional_only():
    with pytest.raises(TypeError):
        Timestamp.from_seconds(seconds=1.0)


def test_comparisons_with_timestamps_and_ints():
    a, b = Timestamp(1), Timestamp(2)
    assert a < b and b > a and a <= a and b >= a and a != b
    assert Timestamp(100) == 100 and Timestamp(100) == np.int64(100)
    assert sorted([Timestamp(3), Timestamp(1), Timestamp(2)]) == [1, 2, 3]


@pytest.mark.parametrize("other", [None, "1", 1.0])
def test_comparison_with_other_types_raises(other):
    with pytest.raises(TypeError):
        Timestamp(1) == other
    with pytest.raises(TypeError):
        Timestamp(1) < other


def test_unhashable_no_arithmetic_always_true():
    t = Timestamp(0)
    with pytest.raises(TypeError):
        hash(t)
    for op in (lambda: t + 1, lambda: t - 1, lambda: -t, lambda: int(t)):
        with pytest.raises(TypeError):
            op()
    assert bool(t) is True


def test_not_picklable_or_copyable():
    with pytest.raises(TypeError):
        pickle.dumps(Timestamp(1))
    with pytest.raises(TypeError):
        copy.copy(Timestamp(1))


def test_repr_equals_str():
    assert repr(Timestamp(5)) == str(Timestamp(5)) == "<mediapipe.Timestamp with value: 5>"
