"""packet_creator: accepted types, strictness, range checks (reference §5)."""

import numpy as np
import pytest

import mediapipe as mp

INT_TYPES = [
    ("create_int8", "signed char", -128, 127),
    ("create_int16", "short", -32768, 32767),
    ("create_int32", "int", -2**31, 2**31 - 1),
    ("create_int", "int", -2**31, 2**31 - 1),
    ("create_uint8", "unsigned char", 0, 255),
    ("create_uint16", "unsigned short", 0, 65535),
    ("create_uint32", "unsigned int", 0, 2**32 - 1),
]


def cpp_type(p):
    return str(p).split("C++ type: ")[1][:-1]


@pytest.mark.parametrize("name,ctype,lo,hi", INT_TYPES)
def test_int_range_checks(pc, name, ctype, lo, hi):
    f = getattr(pc, name)
    assert cpp_type(f(hi)) == ctype and cpp_type(f(lo)) == ctype
    with pytest.raises(OverflowError, match=rf"^{hi + 1} execeeds the maximum value \({hi}\) the data type can have\.$"):
        f(hi + 1)
    with pytest.raises(OverflowError, match=rf"^{lo - 1} goes below the minimum value \({lo}\) the data type can have\.$"):
        f(lo - 1)


@pytest.mark.parametrize("name", [n for n, *_ in INT_TYPES] + ["create_int64"])
def test_int_creators_reject_floats_and_huge(pc, name):
    f = getattr(pc, name)
    for bad in (1.5, np.float32(1.0), "1", None, 2**64):
        with pytest.raises(TypeError):
            f(bad)


def test_int_creators_accept_index_objects(pc, pg):
    assert pg.get_int(pc.create_int(np.int32(5))) == 5
    assert pg.get_int(pc.create_int(True)) == 1
    assert pg.get_int(pc.create_int(np.array(7))) == 7
    assert pg.get_int(pc.create_int64(2**63 - 1)) == 2**63 - 1


def test_positional_only(pc, pg):
    with pytest.raises(TypeError):
        pc.create_int(data=1)
    with pytest.raises(TypeError):
        pg.get_int(packet=pc.create_int(1))


def test_uint64_convert_mode(pc, pg):
    assert pg.get_uint(pc.create_uint64(2**64 - 1)) == 2**64 - 1
    assert pg.get_uint(pc.create_uint64(np.uint64(5))) == 5
    assert pg.get_uint(pc.create_uint64(True)) == 1
    assert pg.get_uint(pc.create_uint64(np.float32(3.7))) == 3
    for bad in (-1, 2**64, 1.5):
        with pytest.raises(TypeError):
            pc.create_uint64(bad)


def test_bool_is_strict(pc, pg):
    assert pg.get_bool(pc.create_bool(True)) is True
    assert pg.get_bool(pc.create_bool(np.bool_(False))) is False
    with pytest.raises(TypeError):
        pc.create_bool(1)


def test_float_narrowing_and_double(pc, pg):
    assert pg.get_float(pc.create_float(0.5)) == 0.5
    assert pg.get_float(pc.create_float(1e300)) == float("inf")
    assert pg.get_float(pc.create_float(1)) == 1.0
    assert pg.get_float(pc.create_double(0.42)) == pytest.approx(0.41999998688697815, abs=0)
    assert cpp_type(pc.create_double(1.0)) == "double"
    with pytest.raises(TypeError):
        pc.create_float("1.0")


def test_string_forms(pc, pg):
    assert pg.get_str(pc.create_string("abc")) == "abc"
    assert pg.get_bytes(pc.create_string(b"a\x00b")) == b"a\x00b"
    assert pg.get_bytes(pc.create_string(bytearray(b"xy"))) == b"xy"
    assert pg.get_str(pc.create_string(np.str_("np"))) == "np"
    for bad in (None, 1):
        with pytest.raises(TypeError):
            pc.create_string(bad)


def test_int_and_float_arrays(pc):
    assert cpp_type(pc.create_int_array([1, 2])) == "int []"
    assert cpp_type(pc.create_float_array([1.0, 2.0])) == "float []"
    with pytest.raises(TypeError):
        pc.create_int_array([1.5])
    with pytest.raises(TypeError):
        pc.create_float_array([1])


def test_int_vector(pc, pg):
    assert pg.get_int_list(pc.create_int_vector([1, 2, 3])) == [1, 2, 3]
    assert pg.get_int_list(pc.create_int_vector((4,))) == [4]
    assert pg.get_int_list(pc.create_int_vector(np.array([5, 6]))) == [5, 6]
    for bad in ((x for x in [1]), {1}, "12", [2**31]):
        with pytest.raises(TypeError):
            pc.create_int_vector(bad)
    for create in (pc.create_int_vector, pc.create_int_array):
        with pytest.raises(TypeError, match=r"incompatible function arguments(.|\n)*Invoked with: \[1, 2147483648\]"):
            create([1, 2**31])
        with pytest.raises(TypeError, match="incompatible function arguments"):
            create([-(2**31) - 1])
    assert pg.get_int_list(pc.create_int_vector([2**31 - 1, -(2**31)])) == [2**31 - 1, -(2**31)]


def test_bool_and_float_vectors(pc, pg):
    assert pg.get_bool_list(pc.create_bool_vector([True, False])) == [True, False]
    with pytest.raises(TypeError):
        pc.create_bool_vector([1, 0])
    assert pg.get_float_list(pc.create_float_vector([0.5, 0.25])) == [0.5, 0.25]
    assert pg.get_float_list(pc.create_float_vector(np.array([0.5]))) == [0.5]
    for bad in ([1], [np.float32(1.0)]):
        with pytest.raises(TypeError):
            pc.create_float_vector(bad)


def test_float_vector_from_lists_and_tuples_read_in_place(pc, pg):
    class F(float):
        pass

    values = [float(i) / 4 for i in range(1000)]
    assert pg.get_float_list(pc.create_float_vector(values)) == values
    assert pg.get_float_list(pc.create_float_vector(tuple(values))) == values
    assert pg.get_float_list(pc.create_float_vector([])) == []
    assert pg.get_float_list(pc.create_float_vector([F(1.5), np.float64(2.5)])) == [1.5, 2.5]
    assert pg.get_float_list(pc.create_float_vector((F(0.5),))) == [0.5]
    for bad in (values + [1], tuple(values) + (np.float32(1.0),), [None], (1.0, "2")):
        with pytest.raises(TypeError, match="create_float_vector"):
            pc.create_float_vector(bad)
    with pytest.raises(TypeError):
        pc.create_float_array((1.0, 2))


def test_string_vector_mixes_str_and_bytes(pc, pg):
    assert pg.get_str_list(pc.create_string_vector(["a", b"b"])) == ["a", "b"]
    with pytest.raises(TypeError):
        pc.create_string_vector([1])


def test_packet_vector_keeps_timestamps(pc, pg):
    p = pc.create_packet_vector([pc.create_int(1).at(5), mp.Packet()])
    items = pg.get_packet_list(p)
    assert items[0].timestamp == 5 and items[1].is_empty()
    with pytest.raises(TypeError):
        pc.create_packet_vector([1])


def test_string_to_packet_map(pc, pg):
    p = pc.create_string_to_packet_map({"b": pc.create_int(2), b"a": pc.create_int(1)})
    d = pg.get_str_to_packet_dict(p)
    assert list(d) == ["a", "b"] and pg.get_int(d["b"]) == 2
    for bad in ({1: pc.create_int(1)}, [("a", pc.create_int(1))]):
        with pytest.raises(TypeError):
            pc.create_string_to_packet_map(bad)


def test_image_vector(pc, pg):
    img = mp.Image(mp.ImageFormat.GRAY8, np.zeros((2, 4), np.uint8))
    assert len(pg.get_image_list(pc.create_image_vector([img, img]))) == 2
    with pytest.raises(TypeError):
        pc.create_image_vector([1])


def test_matrix(pc, pg):
    m = pg.get_matrix(pc.create_matrix(np.array([[1, 2, 3], [4, 5, 6]], np.int64)))
    assert m.dtype == np.float32 and m.shape == (2, 3) and m.flags.f_contiguous and not m.flags.writeable
    assert m.tolist() == [[1, 2, 3], [4, 5, 6]]
    assert pg.get_matrix(pc.create_matrix([[1, 2], [3, 4]], transpose=True)).tolist() == [[1, 3], [2, 4]]
    assert pg.get_matrix(pc.create_matrix(np.array([1.0, 2.0]))).shape == (2, 1)
    with pytest.raises(TypeError):
        pc.create_matrix(np.zeros((2, 2, 2)))


def test_matrix_view_base_is_packet(pc, pg):
    p = pc.create_matrix(np.eye(2))
    m = pg.get_matrix(p)
    assert m.base is p
    assert pg.get_matrix(p) is not m


def test_proto_vector_not_implemented(pc):
    with pytest.raises(NotImplementedError, match="create_proto_vector is not implemented."):
        pc.create_proto_vector([])


def test_creators_return_unset_timestamp(pc):
    assert pc.create_int(1).timestamp == mp.Timestamp.UNSET
