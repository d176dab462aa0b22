"""ImageFrame, Image, ImageFormat and the image packet creators (reference §5, §7-§9)."""

import sys
import warnings

import numpy as np
import pytest

import mediapipe as mp
from mediapipe import Image, ImageFormat, ImageFrame

IF = ImageFormat


def test_image_format_enum():
    assert repr(IF.SRGB) == "<ImageFormat.SRGB: 1>" and str(IF.SRGB) == "ImageFormat.SRGB"
    assert IF.SRGB.name == "SRGB" and IF.SRGB.value == 1 and int(IF.VEC32F2) == 12
    assert IF.SRGB == 1 and hash(IF.SRGB) == hash(IF.SRGB)
    assert sorted(IF.__members__) == sorted(
        ["SRGB", "SRGBA", "GRAY8", "GRAY16", "SRGB48", "SRGBA64", "VEC32F1", "SBGRA", "VEC32F2"])
    assert repr(IF(13)) == "<ImageFormat.???: 13>"
    with pytest.raises(TypeError):
        IF.SRGB < IF.GRAY8
    with pytest.raises(TypeError):
        IF("SRGB")


@pytest.mark.parametrize("fmt,dtype,shape,channels,depth", [
    (IF.GRAY8, np.uint8, (3, 4), 1, 1), (IF.SRGB, np.uint8, (3, 4, 3), 3, 1),
    (IF.SRGBA, np.uint8, (3, 4, 4), 4, 1), (IF.GRAY16, np.uint16, (3, 4), 1, 2),
    (IF.SRGB48, np.uint16, (3, 4, 3), 3, 2), (IF.SRGBA64, np.uint16, (3, 4, 4), 4, 2),
    (IF.VEC32F1, np.float32, (3, 4), 1, 4), (IF.VEC32F2, np.float32, (3, 4, 2), 2, 4),
])
def test_constructor_copies_and_views(fmt, dtype, shape, channels, depth):
    a = (np.arange(np.prod(shape)) % 200).astype(dtype).reshape(shape)
    f = ImageFrame(fmt, a)
    assert (f.width, f.height, f.channels, f.byte_depth, f.image_format) == (4, 3, channels, depth, fmt)
    v = f.numpy_view()
    assert v.dtype == dtype and v.shape == shape and np.array_equal(v, a)
    a.flat[0] = 1 if a.flat[0] != 1 else 2
    assert not np.array_equal(f.numpy_view(), a)


def test_constructor_keywords():
    f = ImageFrame(image_format=IF.GRAY8, data=np.zeros((2, 2), np.uint8))
    assert f.width == 2


@pytest.mark.parametrize("data", [np.zeros((4, 4, 3), np.uint8)[:, ::2], [[1, 2]], np.zeros((2, 2), np.float64)])
def test_constructor_rejects_noncontiguous_lists_and_float64(data):
    with pytest.raises(TypeError):
        ImageFrame(IF.GRAY8, data)


@pytest.mark.parametrize("fmt,dtype,msg", [
    (IF.GRAY16, np.uint8, "uint8 image data should be one of the GRAY8, SRGB, and SRGBA MediaPipe image formats."),
    (IF.GRAY8, np.uint16, "uint16 image data should be one of the GRAY16, SRGB48, and SRGBA64 MediaPipe image formats."),
    (IF.GRAY8, np.float32, "float image data should be either VEC32F1 or VEC32F2 MediaPipe image formats."),
])
def test_constructor_format_dtype_mismatch(fmt, dtype, msg):
    with pytest.raises(RuntimeError) as e:
        ImageFrame(fmt, np.zeros((2, 2), dtype))
    assert str(e.value) == msg


def test_read_only_properties():
    f = ImageFrame(IF.GRAY8, np.zeros((2, 2), np.uint8))
    for name in ["width", "height", "channels", "byte_depth", "image_format"]:
        with pytest.raises(AttributeError):
            setattr(f, name, 1)


def test_contiguity_and_alignment():
    assert ImageFrame(IF.SRGB, np.zeros((2, 640, 3), np.uint8)).is_contiguous()
    assert not ImageFrame(IF.SRGB, np.zeros((2, 641, 3), np.uint8)).is_contiguous()
    f = ImageFrame(IF.GRAY8, np.zeros((2, 5), np.uint8))
    assert not f.is_contiguous() and not f.is_empty()
    assert f.is_aligned(1) and f.is_aligned(4)
    with pytest.raises(ValueError):
        f.is_aligned(3)


def test_numpy_view_contiguous_is_zero_copy_with_refcount():
    f = ImageFrame(IF.SRGB, np.zeros((4, 4, 3), np.uint8))
    before = sys.getrefcount(f)
    v1, v2 = f.numpy_view(), f.numpy_view()
    after = sys.getrefcount(f)
    assert after == before + 2
    assert v1 is not v2 and v1.base is f and np.shares_memory(v1, v2)
    with pytest.raises(ValueError, match="read-only"):
        v1[0, 0, 0] = 1
    with pytest.raises(ValueError):
        v1.setflags(write=True)


def test_numpy_view_noncontiguous_is_cached_copy():
    f = ImageFrame(IF.SRGB, np.arange(45, dtype=np.uint8).reshape(3, 5, 3))
    before = sys.getrefcount(f)
    v = f.numpy_view()
    again = f.numpy_view()
    after = sys.getrefcount(f)
    assert v is again
    assert after == before
    assert not v.flags.writeable and v.tolist() == np.arange(45).reshape(3, 5, 3).tolist()


def test_getitem():
    g = ImageFrame(IF.GRAY8, np.arange(16, dtype=np.uint8).reshape(4, 4))
    assert g[1, 2] == 6 and g[[3, 3]] == 15
    rgb = ImageFrame(IF.SRGB, np.arange(48, dtype=np.uint8).reshape(4, 4, 3))
    assert rgb[1, 1, 2] == 17
    fl = ImageFrame(IF.VEC32F1, np.full((2, 2), 0.5, np.float32))
    assert fl[0, 0] == 0.5 and isinstance(fl[0, 0], float)
    with pytest.raises(IndexError, match="Invalid index dimension: 2"):
        rgb[1, 1]
    with pytest.raises(IndexError, match=r"index dimension mismatch: 3 \(ndim = 2\)"):
        g[1, 1, 1]
    with pytest.raises(IndexError, match="index 4 is out of bounds for axis 0 with size 4"):
        g[4, 0]
    with pytest.raises(IndexError):
        g[-1, 0]
    with pytest.raises(TypeError):
        g[1]


def test_dynamic_attributes():
    f = ImageFrame(IF.GRAY8, np.zeros((2, 2), np.uint8))
    f.anything = 3
    assert f.anything == 3


def test_image_class():
    img = Image(IF.SRGB, np.zeros((2, 641, 3), np.uint8))
    assert (img.width, img.height, img.channels, img.step) == (641, 2, 3, 1924)
    assert not img.uses_gpu() and not img.is_contiguous()
    assert not hasattr(img, "byte_depth")
    assert Image(IF(13), np.zeros((2, 2, 4), np.float32)).channels == 4
    with pytest.raises(RuntimeError):
        ImageFrame(IF(13), np.zeros((2, 2, 4), np.float32))


def test_image_create_from_file_errors(tmp_path):
    with pytest.raises(RuntimeError, match="can't fopen"):
        Image.create_from_file(str(tmp_path / "missing.png"))
    bad = tmp_path / "x.png"
    bad.write_bytes(b"not an image")
    with pytest.raises(RuntimeError, match="unknown image type"):
        Image.create_from_file(str(bad))


def test_create_image_frame_copy_mode(pc, pg):
    a = np.arange(15, dtype=np.uint8).reshape(3, 5)
    before = sys.getrefcount(a)
    p = pc.create_image_frame(a, image_format=IF.GRAY8)
    assert sys.getrefcount(a) == before
    f = pg.get_image_frame(p)
    assert not f.is_contiguous() and np.array_equal(f.numpy_view(), a)
    assert np.array_equal(pg.get_image_frame(pc.create_image_frame(a[:, ::2], image_format=IF.GRAY8)).numpy_view(), a[:, ::2])


def test_create_image_frame_reference_mode(pc, pg):
    a = np.arange(12, dtype=np.uint8).reshape(3, 4)
    a.flags.writeable = False
    before = sys.getrefcount(a)
    p = pc.create_image_frame(a, image_format=IF.GRAY8)
    assert sys.getrefcount(a) == before + 1
    view = pg.get_image_frame(p).numpy_view()
    assert np.shares_memory(view, a)
    del p, view
    w = np.zeros((2, 4), np.uint8)
    with pytest.warns(RuntimeWarning, match="still writeable"):
        pc.create_image_frame(w, image_format=IF.GRAY8, copy=False)
    with pytest.raises(ValueError, match="Reference mode is unavailable if 'data' is not c_contiguous."):
        pc.create_image_frame(np.zeros((4, 4), np.uint8)[:, ::2], image_format=IF.GRAY8, copy=False)


def test_create_image_frame_errors(pc):
    a = np.zeros((2, 2), np.uint8)
    with pytest.raises(ValueError, match="Please provide 'image_format' with 'data'."):
        pc.create_image_frame(a)
    with pytest.raises(AttributeError):
        pc.create_image_frame([[1]], image_format=IF.GRAY8)
    with pytest.raises(TypeError):
        pc.create_image_frame(a, IF.GRAY8)
    with pytest.raises(TypeError, match=r"Cannot cast array data from dtype\('float32'\) to dtype\('uint8'\)"):
        pc.create_image_frame(np.zeros((2, 2), np.float32), image_format=IF.GRAY8)
    with pytest.raises(RuntimeError, match="Unsupported ImageFormat: 11"):
        pc.create_image_frame(np.zeros((2, 2, 4), np.uint8), image_format=IF.SBGRA)


def test_create_image_frame_from_frame(pc, pg):
    f = ImageFrame(IF.GRAY8, np.ones((2, 2), np.uint8))
    assert np.array_equal(pg.get_image_frame(pc.create_image_frame(f)).numpy_view(), f.numpy_view())
    with pytest.raises(ValueError, match="doesn't match"):
        pc.create_image_frame(f, image_format=IF.SRGB)
    with pytest.raises(ValueError, match="not supported yet"):
        pc.create_image_frame(f, copy=False)


def test_create_image(pc, pg):
    a = np.zeros((2, 3, 3), np.uint8)
    img = pg.get_image(pc.create_image(a, image_format=IF.SRGB))
    assert isinstance(img, Image) and img.numpy_view().shape == (2, 3, 3)
    assert isinstance(pg.get_image(pc.create_image(img)), Image)


def test_shape_not_matching_format_is_an_error_not_a_read(pc):
    with pytest.raises((ValueError, RuntimeError)):
        pc.create_image_frame(np.zeros((2, 2), np.uint8), image_format=IF.SRGB)
    with pytest.raises((ValueError, RuntimeError)):
        pc.create_image_frame(np.zeros(4, np.uint8), image_format=IF.SRGB)


def test_matrix_class():
    m = mp.Matrix(np.eye(3))
    assert type(m).__name__ == "Matrix"
