"""Packet semantics (reference §3)."""

import copy
import pickle

import numpy as np
import pytest

import mediapipe as mp
from mediapipe import Packet, Timestamp


def test_empty_packet():
    p = Packet()
    assert p.is_empty()
    assert p.timestamp == Timestamp.UNSET
    assert str(p) == "<mediapipe.Packet with timestamp: UNSET and no data>"


def test_copy_constructor_shares_payload(pc, pg):
    p = pc.create_int(3).at(5)
    q = Packet(p)
    assert pg.get_int(q) == 3 and q.timestamp == 5


def test_at_returns_new_packet(pc):
    p = pc.create_int(1)
    q = p.at(10)
    r = p.at(Timestamp(20))
    assert p.timestamp == Timestamp.UNSET
    assert q.timestamp == 10 and r.timestamp == 20
    with pytest.raises(TypeError):
        p.at(1.5)
    with pytest.raises(ValueError):
        p.at(2**63 - 1)


def test_timestamp_setter_accepts_only_int(pc):
    p = pc.create_int(1)
    p.timestamp = 5
    assert p.timestamp.value == 5
    p.timestamp = np.int64(6)
    assert p.timestamp.value == 6
    for bad in (Timestamp(5), 1.5, "5"):
        with pytest.raises(TypeError):
            p.timestamp = bad
    with pytest.raises(ValueError):
        p.timestamp = -2**63


def test_repr_names_cpp_type_and_timestamp(pc):
    assert str(pc.create_int(1).at(100)) == "<mediapipe.Packet with timestamp: 100 and C++ type: int>"
    assert repr(pc.create_string("a").at(Timestamp.PRESTREAM)) == \
        "<mediapipe.Packet with timestamp: PRESTREAM and C++ type: string>"


def test_identity_equality_and_default_hash(pc):
    a, b = pc.create_int(1), pc.create_int(1)
    assert a != b and a == a
    hash(a)


def test_not_picklable_or_copyable(pc):
    with pytest.raises(TypeError):
        pickle.dumps(pc.create_int(1))
    with pytest.raises(TypeError):
        copy.copy(pc.create_int(1))


def test_subclassable():
    class MyPacket(Packet):
        pass

    assert MyPacket().is_empty()
