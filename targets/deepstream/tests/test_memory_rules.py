"""Issue 9 memory rules on pyds: cast forms (pyds opts into int addresses),
deep copy / deep free of owned strings, pointer-field anchors, list epochs
and float32 range. Scenarios that crashed before run in a subprocess."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import textwrap

import pytest

import pyds


def run_isolated(code: str) -> None:
    """Runs `code` in a fresh interpreter (double frees abort there, not here)."""
    env = dict(os.environ, MALLOC_PERTURB_="165", PYTHONFAULTHANDLER="1")
    prog = "import gc, pyds\n" + textwrap.dedent(code)
    proc = subprocess.run([sys.executable, "-c", prog], env=env, capture_output=True, text=True, timeout=120)
    detail = f"rc={proc.returncode}\nstdout:\n{proc.stdout}\nstderr:\n{proc.stderr}"
    assert proc.returncode == 0, detail
    assert proc.stdout.strip().endswith("ok"), detail


@pytest.fixture
def frame(batch):
    f = pyds.nvds_acquire_frame_meta_from_pool(batch)
    pyds.nvds_add_frame_meta_to_batch(batch, f)
    for i in range(3):
        o = pyds.nvds_acquire_obj_meta_from_pool(batch)
        o.class_id = i
        pyds.nvds_add_obj_meta_to_frame(f, o, None)
    return f


# ---- cast ----------------------------------------------------------------------


def test_cast_of_a_list_node_is_a_type_error(batch, frame):
    l_frame = batch.frame_meta_list
    with pytest.raises(TypeError, match=r"`\.data`"):
        pyds.NvDsFrameMeta.cast(l_frame)
    assert pyds.NvDsFrameMeta.cast(l_frame.data).address == frame.address


def test_typed_capsule_cast_to_another_class_is_a_type_error(frame):
    data = frame.obj_meta_list.data
    with pytest.raises(TypeError, match="NvDsObjectMeta"):
        pyds.NvDsFrameMeta.cast(data)
    with pytest.raises(TypeError):
        pyds.glist_get_nvds_frame_meta(data)
    assert pyds.glist_get_nvds_object_meta(data).class_id in (0, 1, 2)


def test_int_addresses_are_probed(batch):
    assert pyds.NvDsBatchMeta.cast(batch.address).max_frames_in_batch == 2
    with pytest.raises(ValueError, match="not readable"):
        pyds.NvDsBatchMeta.cast(0x10)
    with pytest.raises(ValueError):
        pyds.NvDsBatchMeta.cast(0)


def test_cast_of_same_class_keeps_the_token(batch, frame):
    again = pyds.NvDsFrameMeta.cast(frame)
    assert again.address == frame.address
    pyds.nvds_destroy_batch_meta(pyds.nvds_create_batch_meta(1))  # unrelated
    assert again.frame_num == frame.frame_num


def test_glist_exposes_its_element_type(batch, frame):
    assert batch.frame_meta_list.element_type == "NvDsFrameMeta"
    assert frame.obj_meta_list.element_type == "NvDsObjectMeta"


# ---- owned strings -----------------------------------------------------------------


def test_text_params_assignment_deep_copies(run=run_isolated):
    run(
        """
        batch = pyds.nvds_create_batch_meta(1)
        f = pyds.nvds_acquire_frame_meta_from_pool(batch)
        pyds.nvds_add_frame_meta_to_batch(batch, f)
        o1 = pyds.nvds_acquire_obj_meta_from_pool(batch)
        o2 = pyds.nvds_acquire_obj_meta_from_pool(batch)
        o1.text_params.display_text = "label"
        o2.text_params = o1.text_params
        assert o2.text_params.display_text == "label"
        pyds.nvds_add_obj_meta_to_frame(f, o1, None)
        pyds.nvds_add_obj_meta_to_frame(f, o2, None)
        d = pyds.nvds_acquire_display_meta_from_pool(batch)
        d.text_params[0] = o1.text_params
        d.text_params[1].display_text = "x"
        d.text_params[1] = d.text_params[1]
        pyds.nvds_add_display_meta_to_frame(f, d)
        pyds.nvds_destroy_batch_meta(batch)
        print("ok")
        """
    )


def test_python_owned_text_params_free_their_string(run=run_isolated):
    run(
        """
        import resource
        def churn(n):
            for _ in range(n):
                t = pyds.NvOSD_TextParams()
                t.display_text = "x" * 4000
                del t
        churn(2000)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        churn(20000)
        grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
        assert grown < 20000, f"display_text leaked: max RSS grew by {grown} KiB"
        print("ok")
        """
    )


# ---- pointer fields ----------------------------------------------------------------


def test_pointer_field_keeps_python_owned_value_alive(batch):
    obj = pyds.nvds_acquire_obj_meta_from_pool(batch)
    parent = pyds.NvDsObjectMeta()
    parent.class_id = 77
    before = sys.getrefcount(parent)
    obj.parent = parent
    assert sys.getrefcount(parent) == before + 1
    del parent
    gc.collect()
    assert obj.parent.class_id == 77
    obj.parent = None
    assert obj.parent is None


def test_roi_frame_meta_temporary_does_not_dangle(run=run_isolated):
    run(
        """
        roi = pyds.NvDsRoiMeta()
        roi.frame_meta = pyds.NvDsFrameMeta()
        roi.frame_meta.frame_num = 5
        gc.collect()
        junk = [pyds.NvDsFrameMeta() for _ in range(50)]
        assert roi.frame_meta.frame_num == 5
        print("ok")
        """
    )


def bare_capsule(address: int):
    """A capsule made outside the module: it carries no liveness token."""
    import ctypes

    make = ctypes.pythonapi.PyCapsule_New
    make.restype, make.argtypes = ctypes.py_object, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]
    return make(address, None, None)


def test_cast_of_published_int_address_is_tracked(batch):
    """`.address` read from a view casts back to a view that dies with it."""
    obj = pyds.nvds_acquire_obj_meta_from_pool(batch)
    again = pyds.NvDsObjectMeta.cast(obj.address)
    again.parent = pyds.NvDsObjectMeta()  # tracked: the Python-owned target is anchored
    assert again.parent is not None


def test_untracked_struct_refuses_python_owned_pointer(batch):
    obj = pyds.nvds_acquire_obj_meta_from_pool(batch)
    untracked = pyds.NvDsObjectMeta.cast(bare_capsule(obj.address))  # an address the runtime cannot track
    with pytest.raises(ValueError, match="untracked"):
        untracked.parent = pyds.NvDsObjectMeta()
    untracked.parent = obj  # C memory: stored as before
    assert untracked.parent.address == obj.address


# ---- list epochs ---------------------------------------------------------------------


def test_node_views_die_after_removal(frame):
    l_obj = frame.obj_meta_list
    first = pyds.NvDsObjectMeta.cast(l_obj.data)
    second = pyds.NvDsObjectMeta.cast(l_obj.next.data)
    it = iter(frame.obj_meta_list)
    pyds.nvds_remove_obj_meta_from_frame(frame, first)
    with pytest.raises(ReferenceError):
        l_obj.next
    with pytest.raises(ReferenceError):
        next(it)
    assert second.class_id == 1, "removing A must not kill the view of B"
    assert [o.class_id for o in frame.obj_meta_list] == [1, 2]


def test_clear_kills_node_views(frame):
    l_obj = frame.obj_meta_list
    pyds.nvds_clear_obj_meta_list(frame, frame.obj_meta_list)
    with pytest.raises(ReferenceError):
        l_obj.data


def test_adding_keeps_node_views_as_the_samples_need(batch, frame):
    l_frame = batch.frame_meta_list
    display = pyds.nvds_acquire_display_meta_from_pool(batch)
    pyds.nvds_add_display_meta_to_frame(pyds.NvDsFrameMeta.cast(l_frame.data), display)
    extra = pyds.nvds_acquire_obj_meta_from_pool(batch)
    pyds.nvds_add_obj_meta_to_frame(frame, extra, None)
    assert l_frame.next is None
    assert len(frame.obj_meta_list) == 4


# ---- floats ----------------------------------------------------------------------------


def test_float32_overflow(batch):
    obj = pyds.nvds_acquire_obj_meta_from_pool(batch)
    with pytest.raises(OverflowError):
        obj.confidence = 1e39
    with pytest.raises(OverflowError):
        obj.rect_params.left = -1e300
    obj.confidence = float("inf")
    assert obj.confidence == float("inf")
    obj.rect_params.border_color.red = 1e300  # double: fine
    assert obj.rect_params.border_color.red == 1e300


def test_untracked_numpy_exports_probe_their_memory():
    # A meta cast from an int address is only probed for itself; the numpy
    # exporters (`class_map_array()`, its module form get_segmentation_masks)
    # probe the whole map before making an array over it.
    import ctypes

    class Seg(ctypes.Structure):
        _fields_ = [("classes", ctypes.c_uint), ("width", ctypes.c_uint), ("height", ctypes.c_uint),
                    ("class_map", ctypes.c_void_p), ("class_probabilities_map", ctypes.c_void_p),
                    ("priv_data", ctypes.c_void_p), ("unique_id", ctypes.c_int)]

    values = (ctypes.c_int32 * 6)(*range(6))
    raw = Seg(1, 3, 2, ctypes.addressof(values), None, None, 0)
    seg = pyds.NvDsInferSegmentationMeta.cast(ctypes.addressof(raw))
    assert pyds.get_segmentation_masks(seg).tolist() == [[0, 1, 2], [3, 4, 5]]
    assert pyds.get_segmentation_masks(ctypes.addressof(raw)).shape == (2, 3)
    raw.class_map = 0x10  # unreadable
    for export in (seg.class_map_array, lambda: pyds.get_segmentation_masks(seg)):
        with pytest.raises(ValueError, match="not readable"):
            export()
