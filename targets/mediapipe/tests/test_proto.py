"""Protobuf packets (reference §5 create_proto, §6 get_proto / get_proto_list)."""

import pytest

import mediapipe as mp
from mediapipe.framework import calculator_pb2
from mediapipe.framework.formats import detection_pb2


def test_proto_round_trip(pc, pg):
    d = detection_pb2.Detection(label=["cat"], score=[0.75])
    p = pc.create_proto(d)
    assert "C++ type: ::mediapipe::Detection" in str(p)
    back = pg.get_proto(p)
    assert isinstance(back, detection_pb2.Detection) and back == d


def test_unregistered_type_is_runtime_error(pc):
    with pytest.raises(RuntimeError, match="^Unregistered proto message type: mediapipe.CalculatorGraphConfig$"):
        pc.create_proto(calculator_pb2.CalculatorGraphConfig())


def test_non_message_is_attribute_error(pc):
    with pytest.raises(AttributeError):
        pc.create_proto(1)


def test_get_proto_on_wrong_or_empty_packet_raises(pc, pg):
    with pytest.raises((ValueError, RuntimeError)):
        pg.get_proto(pc.create_int(1))
    with pytest.raises((ValueError, RuntimeError)):
        pg.get_proto(mp.Packet())


def test_get_proto_list_errors(pc, pg):
    with pytest.raises(ValueError):
        pg.get_proto_list(pc.create_int(1))
    with pytest.raises(RuntimeError):
        pg.get_proto_list(mp.Packet())
