"""GObject interop of the generated module: PyGObject objects and
`hash(buffer)` addresses as arguments, GType checks, and meta views that die
with the buffer that holds them (`[function.F.param.P] gobject`,
`[struct.NAME] buffer_meta_api`)."""

from __future__ import annotations

import gc

import pytest
from conftest import new_buffer, Gst, GstVideo, add_roi_with_gi

import bindery_gst as bg
from bindery_gst import GstVideoCropMeta, GstVideoMeta, GstVideoRegionOfInterestMeta as Roi


def test_get_reads_a_meta_pygobject_wrote(buffer):
    add_roi_with_gi(buffer, "person", 10, 20, 30, 40)
    roi = Roi.get(buffer)
    assert (roi.x, roi.y, roi.w, roi.h) == (10, 20, 30, 40)


def test_iterate_keeps_the_buffer_order(buffer):
    for i in range(3):
        add_roi_with_gi(buffer, f"obj{i}", i, 2 * i, 10 + i, 20 + i)
    assert [(r.x, r.y, r.w, r.h) for r in Roi.iterate(buffer)] == [(0, 0, 10, 20), (1, 2, 11, 21), (2, 4, 12, 22)]


def test_a_buffer_without_the_meta_gives_none_and_empty(buffer):
    assert Roi.get(buffer) is None
    assert Roi.iterate(buffer) == []
    assert GstVideoCropMeta.get(buffer) is None


def test_metas_of_other_apis_are_not_confused(buffer):
    add_roi_with_gi(buffer, "person", 1, 2, 3, 4)
    GstVideo.buffer_add_video_meta(buffer, GstVideo.VideoFrameFlags.NONE, GstVideo.VideoFormat.RGB, 64, 48)
    assert len(Roi.iterate(buffer)) == 1
    vm = GstVideoMeta.get(buffer)
    assert (vm.width, vm.height, vm.n_planes) == (64, 48, 1)


def test_our_writes_are_what_pygobject_reads(buffer):
    roi = bg.gst_buffer_add_video_region_of_interest_meta(buffer, "car", 5, 6, 7, 8)
    roi.x = 50
    seen = GstVideo.buffer_get_video_region_of_interest_meta_id(buffer, roi.id)
    assert (seen.x, seen.y, seen.w, seen.h) == (50, 6, 7, 8)


def test_hash_address_is_accepted_like_pyds(buffer):
    add_roi_with_gi(buffer, "person", 1, 2, 3, 4)
    assert Roi.get(hash(buffer)).w == 3
    assert bg.gst_buffer_get_video_region_of_interest_meta_id(hash(buffer), Roi.get(buffer).id).h == 4


@pytest.mark.parametrize(
    "bad",
    [
        "buffer",
        1.5,
        True,
        object(),
        [],
        Gst.Caps.from_string("video/x-raw"),
        Gst.Structure.new_empty("detection"),
    ],
    ids=["str", "float", "bool", "object", "list", "caps", "structure"],
)
def test_wrong_objects_raise_type_error(bad):
    with pytest.raises(TypeError, match="expected a GstBuffer"):
        Roi.get(bad)
    with pytest.raises(TypeError):
        bg.gst_buffer_add_video_region_of_interest_meta(bad, "x", 0, 0, 1, 1)


def test_gobject_instances_of_other_types_raise_type_error():
    element = Gst.ElementFactory.make("identity", None)
    pad = element.get_static_pad("src")
    for bad in (element, pad):
        with pytest.raises(TypeError, match="expected a GstBuffer"):
            Roi.iterate(bad)


def test_none_is_refused_where_not_nullable():
    with pytest.raises(TypeError, match="None"):
        Roi.get(None)


@pytest.mark.parametrize("address", [0, 8, 12345, 2**63, -1, 2**70])
def test_bogus_int_addresses_raise_without_faulting(address):
    with pytest.raises((ValueError, OverflowError)):
        Roi.get(address)


def test_the_address_of_another_gobject_is_refused():
    caps = Gst.Caps.from_string("video/x-raw")
    element = Gst.ElementFactory.make("identity", None)
    for other in (hash(caps), hash(element)):
        with pytest.raises(TypeError, match="not a GstBuffer"):
            Roi.get(other)


def test_readable_memory_that_is_not_a_buffer_is_refused():
    import ctypes

    block = ctypes.create_string_buffer(64)
    with pytest.raises(TypeError, match="not a GstBuffer"):
        Roi.get(ctypes.addressof(block))


def test_caps_parameter_takes_pygobject_caps_only(caps):
    info = bg.GstVideoInfo()
    assert bg.gst_video_info_from_caps(info, caps)
    assert (info.width, info.height, info.fps_n, info.fps_d) == (64, 48, 30, 1)
    with pytest.raises(TypeError, match="expected a GstCaps"):
        bg.gst_video_info_from_caps(info, Gst.Buffer.new_allocate(None, 8, None))
    with pytest.raises(TypeError, match="expected a GstCaps"):
        bg.gst_video_info_from_caps(info, hash(caps))  # ints only where the spec says so


def test_meta_views_die_with_the_buffer():
    buffer = new_buffer()
    add_roi_with_gi(buffer, "person", 1, 2, 3, 4)
    roi = Roi.get(buffer)
    added = bg.gst_buffer_add_video_region_of_interest_meta(buffer, "car", 5, 6, 7, 8)
    del buffer
    gc.collect()
    for view in (roi, added):
        with pytest.raises(ReferenceError):
            _ = view.x
        with pytest.raises(ReferenceError):
            view.x = 1


def test_param_views_die_with_the_buffer():
    buffer = new_buffer()
    roi = bg.gst_buffer_add_video_region_of_interest_meta(buffer, "car", 5, 6, 7, 8)
    bg.gst_video_region_of_interest_meta_add_param(roi, bg.gst_structure_new_from_string("detection, confidence=(double)0.5"))
    param = bg.gst_video_region_of_interest_meta_get_param(roi, "detection")
    listed = list(roi.params)
    del buffer, roi
    gc.collect()
    with pytest.raises(ReferenceError):
        bg.gst_structure_get_double(param, "confidence")
    with pytest.raises(ReferenceError):
        bg.gst_structure_get_name(listed[0])


def _pool(caps, size):
    pool = Gst.BufferPool.new()
    config = pool.get_config()
    Gst.BufferPool.config_set_params(config, caps, size, 1, 1)
    assert pool.set_config(config)
    assert pool.set_active(True)
    return pool


def test_meta_views_die_when_a_pool_recycles_the_buffer(caps):
    # A pooled buffer is not finalized when released: the pool strips its
    # metas and hands the same GstBuffer out again.
    pool = _pool(caps, 64)
    _, buf = pool.acquire_buffer(None)
    address = hash(buf)
    roi = bg.gst_buffer_add_video_region_of_interest_meta(buf, "car", 5, 6, 7, 8)
    assert roi.w == 7
    del buf
    gc.collect()
    _, again = pool.acquire_buffer(None)
    assert hash(again) == address  # the very same buffer, recycled
    with pytest.raises(ReferenceError):
        _ = roi.w
    assert Roi.get(again) is None
    del again
    pool.set_active(False)


def test_a_shared_buffer_is_kept_alive_by_its_meta_views():
    buf = Gst.Buffer.new_allocate(None, 16, None)
    add_roi_with_gi(buf, "person", 1, 2, 3, 4)
    sample = Gst.Sample.new(buf, None, None, None)  # a second reference: not writable
    assert not bg.gst_buffer_is_writable(buf)
    roi = Roi.get(sample.get_buffer())
    del buf, sample
    gc.collect()
    # The view holds a reference, so the buffer and its meta are still there.
    assert (roi.x, roi.y, roi.w, roi.h) == (1, 2, 3, 4)
    del roi
    gc.collect()


def test_structure_handed_to_a_meta_belongs_to_it():
    buffer = new_buffer()
    roi = bg.gst_buffer_add_video_region_of_interest_meta(buffer, "car", 5, 6, 7, 8)
    s = bg.gst_structure_new_from_string("detection, label=(string)car")
    bg.gst_video_region_of_interest_meta_add_param(roi, s)
    # The meta frees it; Python must not free it again (no double free).
    with pytest.raises(ValueError):
        bg.gst_structure_free(s)
    assert bg.gst_structure_get_string(s, "label") == "car"
    del buffer
    gc.collect()
    with pytest.raises(ReferenceError):
        bg.gst_structure_get_string(s, "label")
