"""Corpus of pyds memory defects found by the fuzzer and valgrind (issue 9).

Each case is a minimal snippet run in a child interpreter (freed memory
scribbled over with MALLOC_PERTURB_, GLib list nodes really freed, glibc
heap checks on), so a crash, hang or abort fails the test instead of the
suite. A snippet passes when it ends cleanly: the bad use raised an
exception of the documented set (`expect`) or, for scenarios that used to
crash, nothing went wrong. Cases still failing on this branch are
`xfail(strict=True)` with the class of defect of issue 9: when a fix lands
the case passes, strict xfail turns that into a failure, and the mark is
removed.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

ENV = dict(os.environ, MALLOC_PERTURB_="165", MALLOC_CHECK_="3", G_SLICE="always-malloc", PYTHONFAULTHANDLER="1")

PRELUDE = '''
import ctypes, gc
import pyds

_api = ctypes.pythonapi
_api.PyCapsule_New.restype = ctypes.py_object
_api.PyCapsule_New.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]
_keep = []

def capsule_over(data: bytes):
    """A capsule over a copy of `data` (valid memory that is no SDK struct)."""
    buf = ctypes.create_string_buffer(data, len(data))
    _keep.append(buf)
    return _api.PyCapsule_New(ctypes.addressof(buf), None, None)

def expect(types, fn):
    """`fn()` must raise one of `types`."""
    try:
        result = fn()
    except types:
        return
    raise AssertionError(f"no exception, got {result!r}")

def batch_with_frame(objects=1):
    """A batch of 2 with one frame (frame_num 42) holding `objects` objects."""
    batch = pyds.nvds_create_batch_meta(2)
    frame = pyds.nvds_acquire_frame_meta_from_pool(batch)
    frame.frame_num = 42
    pyds.nvds_add_frame_meta_to_batch(batch, frame)
    objs = []
    for i in range(objects):
        obj = pyds.nvds_acquire_obj_meta_from_pool(batch)
        obj.class_id = 3 + i
        pyds.nvds_add_obj_meta_to_frame(frame, obj, None)
        objs.append(obj)
    return batch, frame, objs

def target_frame_of_another_batch():
    """An empty frame of a new batch (kept alive in `_keep`)."""
    batch, frame, _ = batch_with_frame(0)
    _keep.append(batch)
    return frame
'''


def run_snippet(code: str, timeout: float = 10) -> None:
    """Runs PRELUDE + `code` in a child; fails on a signal, exit code or hang."""
    program = PRELUDE + textwrap.dedent(code) + "\nprint('clean exit')\n"
    try:
        proc = subprocess.run([sys.executable, "-c", program], env=ENV, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        pytest.fail(f"hang: no exit within {timeout} s")
    detail = f"exit {proc.returncode}\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}"
    assert proc.returncode == 0 and proc.stdout.rstrip().endswith("clean exit"), detail


def xfail(reason: str):
    return pytest.mark.xfail(strict=True, reason=f"issue 9: {reason}")




CORPUS = [
    pytest.param("""
        batch, frame, _ = batch_with_frame()
        nth = pyds.nvds_get_nth_frame_meta(batch.frame_meta_list, 0)
        pyds.nvds_destroy_batch_meta(batch)
        expect(ReferenceError, lambda: nth.frame_num)  # read 0xa5a5a5a5 of freed memory
        """, id="nth_frame_meta_result_after_destroy"),
    pytest.param("""
        batch, frame, _ = batch_with_frame()
        frame_list = batch.frame_meta_list
        glist_frame = pyds.glist_get_nvds_frame_meta(frame_list.data)
        pyds.nvds_destroy_batch_meta(batch)
        expect(ReferenceError, lambda: glist_frame.frame_num)
        """, id="glist_get_result_after_destroy"),
    pytest.param("""
        batch, frame, _ = batch_with_frame()
        expect(TypeError, lambda: pyds.NvDsFrameMeta.cast(batch.frame_meta_list))  # the node, not .data
        """, id="cast_of_a_glist_node"),
    pytest.param("""
        batch, frame, _ = batch_with_frame()
        class Impostor:
            address = frame.address
        expect(TypeError, lambda: pyds.NvDsFrameMeta.cast(Impostor()))
        """, id="cast_of_any_object_with_address"),
    pytest.param("""
        batch, frame, _ = batch_with_frame()
        again = pyds.NvDsFrameMeta.cast(frame.address)
        pyds.nvds_destroy_batch_meta(batch)
        expect(ReferenceError, lambda: again.frame_num)
        """, id="cast_of_int_address_loses_liveness"),
    pytest.param("""
        batch, frame, (o1, o2) = batch_with_frame(2)
        o1.text_params.display_text = "hello"
        o2.text_params = o1.text_params  # both own one string
        pyds.nvds_destroy_batch_meta(batch)  # double free: SIGABRT
        """, id="nested_struct_assignment_double_free"),
    pytest.param("""
        roi = pyds.NvDsRoiMeta()
        try:
            roi.frame_meta = pyds.NvDsFrameMeta()  # the temporary dies at once
        except (TypeError, ValueError):
            pass  # refusing Python-owned memory is a fix too
        else:
            gc.collect()
            assert roi.frame_meta.frame_num == 0, roi.frame_meta.frame_num  # not freed memory
        """, id="pointer_field_to_dead_temporary"),
    pytest.param("""
        batch, frame, (obj,) = batch_with_frame(1)
        node = frame.obj_meta_list
        pyds.nvds_remove_obj_meta_from_frame(frame, obj)  # frees the node
        expect(ReferenceError, lambda: node.data)
        """, id="glist_node_after_remove"),
    pytest.param("""
        batch, frame, objs = batch_with_frame(3)
        items = iter(frame.obj_meta_list)
        next(items)
        pyds.nvds_clear_obj_meta_list(frame, frame.obj_meta_list)
        expect((ReferenceError, StopIteration), lambda: next(items))
        """, id="iterator_after_clear"),
    pytest.param("""
        batch, frame, objs = batch_with_frame(2)
        other, target, _ = batch_with_frame(0)
        expect(TypeError, lambda: pyds.nvds_copy_display_meta_list(frame.obj_meta_list, target))
        """, id="object_list_passed_as_display_list"),
    pytest.param("""
        batch = pyds.nvds_create_batch_meta(2)
        expect((TypeError, ValueError), lambda: pyds.nvds_add_frame_meta_to_batch(batch, pyds.NvDsFrameMeta()))
        pyds.nvds_destroy_batch_meta(batch)
        """, id="python_made_frame_added_to_batch"),
    pytest.param("""
        batch, frame, _ = batch_with_frame()
        expect((TypeError, ValueError), lambda: pyds.nvds_remove_obj_meta_from_frame(frame, pyds.NvDsObjectMeta()))
        """, id="python_made_object_removed_from_frame"),
    pytest.param("""
        ctx = pyds.nvds_obj_enc_create_context(0)
        pyds.nvds_obj_enc_destroy_context(ctx)
        expect((ReferenceError, ValueError), lambda: pyds.nvds_obj_enc_destroy_context(ctx))  # double free
        """, id="object_encoder_context_destroyed_twice"),
    pytest.param("""
        ctx = pyds.nvds_obj_enc_create_context(0)
        pyds.nvds_obj_enc_destroy_context(ctx)
        expect((ReferenceError, ValueError), lambda: pyds.nvds_obj_enc_finish(ctx))  # locks a freed mutex
        """, id="object_encoder_finish_after_destroy"),
    pytest.param("""
        expect((TypeError, ValueError), lambda: pyds.nvds_obj_enc_finish(capsule_over(b"\\x01" * 64)))
        """, id="object_encoder_finish_on_foreign_capsule"),
    pytest.param("""
        batch, frame, objs = batch_with_frame(2)
        expect(ValueError, lambda: pyds.nvds_copy_obj_meta_list(frame.obj_meta_list, frame))  # never ended
        expect(ValueError, lambda: pyds.nvds_copy_obj_meta_list(frame.obj_meta_list.next, frame))  # a tail of it too
        pyds.nvds_copy_obj_meta_list(frame.obj_meta_list, target_frame_of_another_batch())
        """, id="copy_object_list_into_its_own_frame"),
    pytest.param("""
        expect((TypeError, ValueError), lambda: pyds.get_string(3222))
        """, id="get_string_of_small_int"),
    pytest.param("""
        expect((TypeError, ValueError), lambda: pyds.get_string(capsule_over(b"x" * 8)))  # no NUL inside
        """, id="get_string_of_unterminated_capsule"),
    pytest.param("""
        expect((TypeError, ValueError, IndexError), lambda: pyds.get_detections(capsule_over(b"\\0" * 8), 10**6))
        """, id="get_detections_past_the_buffer"),
    pytest.param("""
        mask = pyds.NvOSD_MaskParams()
        mask.width, mask.height = 1000, 1000  # data is NULL
        expect(ValueError, lambda: mask.get_mask_array())
        """, id="mask_array_trusts_size_fields"),
    pytest.param("""
        obj = pyds.NvDsObjectMeta()
        expect(OverflowError, lambda: setattr(obj, "confidence", 1e39))  # stored as inf
        """, id="finite_double_beyond_flt_max"),
    pytest.param("""
        batch, frame, _ = batch_with_frame()
        pyds.nvds_destroy_batch_meta(batch)
        expect(ReferenceError, lambda: pyds.nvds_destroy_batch_meta(batch))
        """, id="batch_destroyed_twice"),
    pytest.param("""
        batch = pyds.nvds_create_batch_meta(2)
        expect(TypeError, lambda: pyds.nvds_acquire_frame_meta_from_pool(batch.address))
        batch2, frame, _ = batch_with_frame()
        expect(TypeError, lambda: pyds.nvds_add_obj_meta_to_frame(frame, None, None))
        """, id="int_and_none_refused_as_struct_arguments"),
    pytest.param("""
        expect(TypeError, lambda: pyds.nvds_batch_meta_release_func(capsule_over(b"\\0" * 256), None))  # freed as a batch
        batch, frame, _ = batch_with_frame()
        copy = pyds.nvds_batch_meta_copy_func(batch, None)
        assert isinstance(copy, pyds.NvDsBatchMeta), copy
        pyds.nvds_batch_meta_release_func(batch, None)
        expect(ReferenceError, lambda: frame.frame_num)
        expect(ReferenceError, lambda: pyds.nvds_batch_meta_release_func(batch, None))
        pyds.nvds_destroy_batch_meta(copy)
        """, id="batch_release_func_on_a_foreign_capsule"),
    pytest.param("""
        tensor = pyds.NvDsInferTensorMeta.cast(capsule_over(b"\\x05" + b"\\0" * 7 + b"\\x10" * 504))
        expect((ValueError, IndexError), lambda: pyds.get_nvds_LayerInfo(tensor, 0))  # layers at 0x1010..: unmapped
        flow = pyds.NvDsOpticalFlowMeta.cast(capsule_over(b"\\x40" * 512))
        expect(ValueError, lambda: pyds.get_optical_flow_vectors(flow))  # rows*cols vectors at 0x4040..
        """, id="helpers_on_bytes_that_are_no_meta"),
    pytest.param("""
        batch = pyds.nvds_create_batch_meta(1)
        expect(AttributeError, lambda: setattr(batch.obj_meta_pool, "element_size", 1 << 20))  # then acquire: SIGSEGV
        expect(AttributeError, lambda: setattr(batch, "obj_meta_pool", None))  # destroy leaked the pool
        other = pyds.nvds_create_batch_meta(1)
        expect(AttributeError, lambda: setattr(other, "user_meta_pool", batch.user_meta_pool))  # freed twice
        obj = pyds.nvds_acquire_obj_meta_from_pool(batch)
        expect(AttributeError, lambda: setattr(obj.base_meta, "batch_meta", other))
        pyds.nvds_destroy_batch_meta(other)
        pyds.nvds_destroy_batch_meta(batch)
        """, id="sdk_bookkeeping_written_from_python"),
    pytest.param("""
        batch, frame, (o1, o2) = batch_with_frame(2)
        o1.mask_params.width, o1.mask_params.height = 4, 4
        mask = o1.mask_params.alloc_mask_array()
        expect(ValueError, lambda: setattr(o2, "mask_params", o1.mask_params))  # both freed the mask: SIGABRT
        expect(AttributeError, lambda: setattr(o2.mask_params, "data", o1.mask_params.data))  # the same by hand
        o1.text_params = o2.text_params  # no owned pointer set in either: a plain (deep) copy
        del mask
        pyds.nvds_destroy_batch_meta(batch)
        """, id="owned_mask_copied_into_another_object"),
]


@pytest.mark.parametrize("code", CORPUS)
def test_snippet_ends_cleanly(code):
    run_snippet(code)
