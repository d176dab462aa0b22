"""`get_nvds_buf_surface` returns a writable array, as pyds does (NVIDIA's
imagedata samples draw on the frame in a probe), that cannot outlive the
pixels: its base pins the buffer's memory block (not the buffer: it goes
back to its pool on time) and the frame's CPU mapping, so
`unmap_nvds_buf_surface` waits until the last array over that frame dies."""

from __future__ import annotations

import ctypes
import ctypes.util
import gc

import pytest

import pyds
from ds_pipeline import run_pipeline

COLOUR = [0x20, 0x40, 0x60, 0xFF]
NVMM = (
    "videotestsrc num-buffers=2 pattern=solid-color foreground-color=0xff204060 ! "
    "video/x-raw,format=RGBA,width=64,height=48 ! nvvideoconvertsim ! nvinfersim name=infer objects=1 ! "
    "identity name=after ! fakesink"
)


class MapInfo(ctypes.Structure):
    _fields_ = [("memory", ctypes.c_void_p), ("flags", ctypes.c_int), ("data", ctypes.c_void_p), ("size", ctypes.c_size_t),
                ("maxsize", ctypes.c_size_t), ("user_data", ctypes.c_void_p * 4), ("_gst_reserved", ctypes.c_void_p * 4)]


GST = ctypes.CDLL(ctypes.util.find_library("gstreamer-1.0"))
GST.gst_buffer_map.argtypes = [ctypes.c_void_p, ctypes.POINTER(MapInfo), ctypes.c_int]
GST.gst_buffer_unmap.argtypes = [ctypes.c_void_p, ctypes.POINTER(MapInfo)]


def surface_of(buffer) -> pyds.NvBufSurface:
    """The NvBufSurface an NVMM buffer's memory holds (as pyds's C++ finds it)."""
    info = MapInfo()
    assert GST.gst_buffer_map(hash(buffer), ctypes.byref(info), 1)
    GST.gst_buffer_unmap(hash(buffer), ctypes.byref(info))
    return pyds.NvBufSurface.cast(info.data)


def test_writes_reach_the_frame_downstream():
    seen = []

    def draw(buffer):
        pixels = pyds.get_nvds_buf_surface(hash(buffer), 0)
        assert pixels.flags.writeable
        pixels[:4, :4] = [255, 0, 0, 255]

    def check(buffer):
        pixels = pyds.get_nvds_buf_surface(hash(buffer), 0)
        seen.append((pixels[0, 0].tolist(), pixels[10, 10].tolist()))

    run_pipeline(NVMM, probes={"infer": draw, "after": check})
    assert seen == [([255, 0, 0, 255], COLOUR)] * 2


def test_the_array_pins_the_memory_block_not_the_buffer():
    counts = []

    def probe(buffer):
        memory = buffer.peek_memory(0)
        buffer_refs, memory_refs = buffer.mini_object.refcount, memory.mini_object.refcount
        pixels = pyds.get_nvds_buf_surface(hash(buffer), 0)
        counts.append((buffer.mini_object.refcount - buffer_refs, memory.mini_object.refcount - memory_refs))
        del pixels
        counts.append((buffer.mini_object.refcount - buffer_refs, memory.mini_object.refcount - memory_refs))

    run_pipeline(NVMM, probe)
    assert counts == [(0, 1), (0, 0)] * 2


def test_an_array_kept_after_the_probe_still_reads_the_pixels():
    kept = []
    run_pipeline(NVMM, lambda buffer: kept.append(pyds.get_nvds_buf_surface(hash(buffer), 0)))
    gc.collect()
    assert [k[5, 5].tolist() for k in kept] == [COLOUR, COLOUR]
    kept[0][5, 5] = [1, 2, 3, 4]  # still the frame's memory, not freed under the array
    assert kept[0][5, 5].tolist() == [1, 2, 3, 4]


def test_unmap_waits_for_the_last_array_over_the_frame():
    steps = []

    def probe(buffer):
        surface = surface_of(buffer)
        mapped = lambda: int(surface.surfaceList.mappedAddr.addr[0])  # noqa: E731
        assert pyds.NvBufSurfaceMap(surface, 0, -1, pyds.NVBUF_MAP_READ_WRITE) == 0 and mapped() != 0
        first, second = pyds.get_nvds_buf_surface(hash(buffer), 0), pyds.get_nvds_buf_surface(hash(buffer), 0)
        pyds.unmap_nvds_buf_surface(hash(buffer), 0)
        steps.append(mapped() != 0)  # deferred: arrays read the mapping
        del first
        steps.append(mapped() != 0)
        assert second[0, 0].tolist() == COLOUR
        del second
        steps.append(mapped() != 0)  # unmapped with the last array
        assert pyds.NvBufSurfaceMap(surface, 0, -1, pyds.NVBUF_MAP_READ_WRITE) == 0
        pyds.unmap_nvds_buf_surface(hash(buffer), 0)
        steps.append(mapped() != 0)  # no array: at once

    run_pipeline(NVMM, probe)
    assert steps == [True, True, False, False] * 2


def test_bad_batch_id_and_buffers():
    errors = []

    def probe(buffer):
        with pytest.raises(IndexError):
            pyds.get_nvds_buf_surface(hash(buffer), 1)
        with pytest.raises(IndexError):
            pyds.get_nvds_buf_surface(hash(buffer), -1)
        with pytest.raises(TypeError):
            pyds.get_nvds_buf_surface("buffer", 0)
        errors.append(1)

    run_pipeline(NVMM, probe)
    assert errors == [1, 1]
