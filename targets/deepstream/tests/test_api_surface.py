"""The generated pyds exposes every name of pyds 1.2.0, as listed by the
reference inventory (pyds_api.md, parsed here): 66 classes, 380 properties,
106 functions, 13 enums with 126 values (also at module level)."""

from __future__ import annotations

import enum

import pytest

import pyds
import pyds_reference as reference

CLASSES, FUNCTIONS, ENUMS = reference.load()


def test_reference_parsed_completely():
    assert len(CLASSES) == 66
    assert sum(len(props) for props, _, _ in CLASSES.values()) == 380
    assert len(FUNCTIONS) == 106
    assert len(ENUMS) == 13
    assert sum(len(v) for v in ENUMS.values()) == 126


def test_every_class_exists():
    missing = [name for name in CLASSES if not isinstance(getattr(pyds, name, None), type)]
    assert missing == []


@pytest.mark.parametrize("name", sorted(CLASSES))
def test_class_properties_methods_and_cast(name):
    cls = getattr(pyds, name)
    props, methods, has_cast = CLASSES[name]
    assert [p for p in props if not hasattr(cls, p)] == []
    assert [m for m in methods if not callable(getattr(cls, m, None))] == []
    if has_cast:
        assert callable(cls.cast)


def test_every_function_exists_and_is_callable():
    missing = [f for f in FUNCTIONS if not callable(getattr(pyds, f, None))]
    assert missing == []


@pytest.mark.parametrize("name", sorted(ENUMS))
def test_enums_are_intenums_with_module_level_values(name):
    cls = getattr(pyds, name)
    assert issubclass(cls, enum.IntEnum)
    for value in ENUMS[name]:
        member = getattr(cls, value)
        assert getattr(pyds, value) is member
        assert repr(member).startswith(f"<{name}.{value}:")


def test_module_version():
    assert pyds.__version__ == "1.2.0"


def test_list_of_refs_and_numpy_views_shapes():
    d = pyds.NvDsDisplayMeta()
    for field in ("rect_params", "text_params", "line_params", "arrow_params", "circle_params"):
        items = getattr(d, field)
        assert len(items) == 16
    assert d.misc_osd_data.shape == (4,) and d.misc_osd_data.dtype.itemsize == 8
    dims = pyds.NvDsInferDims()
    assert dims.d.shape == (8,)
    planes = pyds.NvBufSurfacePlaneParams()
    assert planes.pitch.shape == (4,)
    assert pyds.NvBufSurfaceMappedAddr().addr.shape == (4,)
