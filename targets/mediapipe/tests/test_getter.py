"""packet_getter: type dispatch and messages (reference §6)."""

import pytest

import mediapipe as mp


def test_generic_mismatch_and_empty(pc, pg):
    with pytest.raises(ValueError, match=r'^The Packet stores "int", but "string" was requested\.$'):
        pg.get_str(pc.create_int(1))
    with pytest.raises(RuntimeError, match=r"^Expected a Packet of type: string, but received an empty Packet\.$"):
        pg.get_str(mp.Packet())


@pytest.mark.parametrize("getter,message", [
    ("get_int", "Packet doesn't contain int, int8, int16, int32, or int64 data."),
    ("get_uint", "Packet doesn't contain uint8, uint16, uint32, or uint64 data."),
    ("get_float", "Packet doesn't contain float or double data."),
    ("get_int_list", "Packet doesn't contain int, int8, int16, int32, or int64 containers."),
    ("get_float_list", "Packet doesn't contain std::vector<float> or std::array<float, 4 / 16> containers."),
])
def test_dispatching_getters_raise_value_error_for_empty_and_wrong(pc, pg, getter, message):
    f = getattr(pg, getter)
    with pytest.raises(ValueError) as e:
        f(mp.Packet())
    assert str(e.value) == message
    with pytest.raises(ValueError):
        f(pc.create_string("x"))


def test_get_int_accepts_all_signed_widths(pc, pg):
    for name in ["create_int", "create_int8", "create_int16", "create_int32", "create_int64"]:
        assert pg.get_int(getattr(pc, name)(-5)) == -5
    for rejected in (pc.create_uint8(1), pc.create_bool(True)):
        with pytest.raises(ValueError):
            pg.get_int(rejected)


def test_get_uint_accepts_unsigned(pc, pg):
    for name in ["create_uint8", "create_uint16", "create_uint32", "create_uint64"]:
        assert pg.get_uint(getattr(pc, name)(7)) == 7


def test_list_getters_reject_arrays(pc, pg):
    with pytest.raises(ValueError):
        pg.get_int_list(pc.create_int_array([1]))
    with pytest.raises(ValueError):
        pg.get_float_list(pc.create_float_array([1.0]))


def test_get_str_invalid_utf8(pc, pg):
    with pytest.raises(UnicodeDecodeError):
        pg.get_str(pc.create_string(b"\xff\xfe"))


def test_getters_reject_non_packets(pg):
    for name in ["get_str", "get_int", "get_float", "get_matrix", "get_image_frame"]:
        with pytest.raises(TypeError):
            getattr(pg, name)(1)


def test_get_image_frame_shares_pixels(pc, pg):
    import numpy as np
    a = np.arange(16, dtype=np.uint8).reshape(4, 4)
    p = pc.create_image_frame(a, image_format=mp.ImageFormat.GRAY8)
    f = pg.get_image_frame(p)
    assert isinstance(f, mp.ImageFrame)
    assert np.array_equal(f.numpy_view(), a)
    assert np.shares_memory(pg.get_image_frame(p).numpy_view(), f.numpy_view())
