"""zlib's one-shot API through the generated module: bytes-like inputs
without copies, caller-allocated outputs sized by a C function, by Python
or by the given buffer, in/out lengths and status codes, checked against
Python's own zlib module (the same C library)."""

import zlib

import numpy
import pytest

import bindery_zlib as z

DATA = b"bindery binds C headers to Python. " * 200


def test_compress_round_trip_matches_python_zlib():
    packed = z.compress(DATA)
    assert isinstance(packed, bytes)
    assert len(packed) < len(DATA)
    assert zlib.decompress(packed) == DATA
    assert z.uncompress(len(DATA), packed) == DATA
    assert z.uncompress(len(DATA), zlib.compress(DATA)) == DATA


@pytest.mark.parametrize("make", [bytes, bytearray, memoryview, lambda b: numpy.frombuffer(b, dtype=numpy.uint8)])
def test_any_bytes_like_input(make):
    assert z.crc32(0, make(DATA)) == zlib.crc32(DATA)
    assert z.adler32(1, make(DATA)) == zlib.adler32(DATA)
    assert z.uncompress(len(DATA), z.compress(make(DATA))) == DATA


def test_numpy_input_is_read_in_place():
    values = numpy.arange(1000, dtype=numpy.float64)
    assert z.crc32(0, values) == zlib.crc32(values.tobytes())
    with pytest.raises(ValueError, match="C-contiguous"):
        z.crc32(0, values[::2])


def test_running_checksum():
    head, tail = DATA[:100], DATA[100:]
    assert z.crc32(z.crc32(0, head), tail) == zlib.crc32(DATA)


def test_empty_input():
    assert z.crc32(0, b"") == 0
    assert z.uncompress(0, z.compress(b"")) == b""


def test_compress2_writes_into_a_given_buffer():
    out = bytearray(z.compressBound(len(DATA)))
    written = z.compress2(out, DATA, z.Z_BEST_COMPRESSION)
    assert 0 < written < len(out)
    assert zlib.decompress(bytes(out[:written])) == DATA
    arr = numpy.zeros(len(out), dtype=numpy.uint8)
    n = z.compress2(arr, DATA, 1)
    assert zlib.decompress(arr[:n].tobytes()) == DATA


def test_status_codes_raise():
    packed = z.compress(DATA)
    with pytest.raises(ValueError, match="output buffer too small"):
        z.uncompress(10, packed)
    with pytest.raises(ValueError, match="corrupted"):
        z.uncompress(1000, b"not zlib data at all")
    with pytest.raises(ValueError, match="output buffer too small"):
        z.compress2(bytearray(4), DATA, 6)
    with pytest.raises(ValueError, match="invalid compression level"):
        z.compress2(bytearray(len(DATA)), DATA, 42)


def test_bad_arguments_raise_type_errors():
    with pytest.raises(TypeError, match="bytes-like"):
        z.compress("text is not bytes")
    with pytest.raises(TypeError):
        z.compress(None)
    with pytest.raises(TypeError, match="bytes-like"):
        z.crc32(0, 12345)
    with pytest.raises(ValueError, match="writable"):
        z.compress2(b"read-only bytes", DATA, 6)
    with pytest.raises(OverflowError):
        z.uncompress(-1, z.compress(DATA))
    with pytest.raises(OverflowError):
        z.uncompress(2**70, z.compress(DATA))


def test_signatures_hide_lengths():
    with pytest.raises(TypeError):
        z.compress(DATA, len(DATA))
    assert z.zlibVersion() == zlib.ZLIB_RUNTIME_VERSION
