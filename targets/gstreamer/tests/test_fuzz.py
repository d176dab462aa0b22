"""Hypothesis fuzzing of the generated `bindery_gst` (through `tests/fuzzkit`).

Every case runs in a persistent worker subprocess, so a crash or hang is
counted instead of killing pytest. Covered, from the shipped stub:

- every writable attribute of the constructible classes (`GstVideoInfo`)
  with the whole hostile catalogue and Hypothesis-drawn values;
- every module function and static method (`Class.get/iterate/cast`) with
  valid arguments (real `Gst.Buffer`s, their `hash()`, `Gst.Caps`, metas
  found on buffers) and wrong-typed, None, integer and capsule ones;
- lifetime abuse: meta views, params and structures kept past the release of
  the buffer that holds them, and past a pool recycling it.

Oracle: an exception from the documented set or the value read back equals
the value set; never a signal, hang or silent change. Seeds are fixed.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import strategies as st

REPO = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(REPO / "tests"))

from fuzzkit import cases, lifetime, standard  # noqa: E402
from fuzzkit.session import FuzzSession, report  # noqa: E402

pytestmark = [pytest.mark.fuzz, pytest.mark.no_valgrind]

FACTORY_OF = {
    "GstVideoRegionOfInterestMeta": "make('GstVideoRegionOfInterestMeta')",
    "GstVideoMeta": "make('GstVideoMeta')",
    "GstVideoCropMeta": "make('GstVideoCropMeta')",
    "GstStructure": "make('GstStructure')",
    "GstVideoInfo": "bindery_gst.GstVideoInfo()",
    "GList": "make('GstVideoRegionOfInterestMeta').params",
}


def valid(annotation: str) -> st.SearchStrategy[str]:
    """A valid-looking value for a stub annotation, as source."""
    base = annotation.split(" | ")[0]
    if base in FACTORY_OF:
        return st.just(FACTORY_OF[base])
    table = {
        "int": st.sampled_from(["0", "1", "2", "64"]),
        "float": st.sampled_from(["0.5", "1.0"]),
        "bool": st.sampled_from(["True", "False"]),
        "str": st.sampled_from(["'detection'", "'label'", "'confidence'", "'x'"]),
    }
    if base in table:
        return table[base]
    return st.sampled_from(["BUFFER()", "hash(BUFFER())", "SHARED()", "CAPS()", "make('GstStructure')", "capsule_of(256)"])


TARGET = standard.Target(
    module="bindery_gst",
    stubs=[REPO / "targets/gstreamer/generated/python/bindery_gst/bindery_gst.pyi"],
    valid=valid,
)

PRELUDE = f"""
import gc, sys
sys.path.insert(0, {str(REPO / 'tests')!r})
import numpy as np
import fuzzkit.probe as probe
from fuzzkit.probe import *
probe.step = step
import gi
gi.require_version("Gst", "1.0")
gi.require_version("GstVideo", "1.0")
from gi.repository import Gst, GstVideo
Gst.init(None)
import bindery_gst
probe.CLASSES.update({{n: getattr(bindery_gst, n) for n in {TARGET.constructible!r}}})
KEPT = []

def BUFFER():
    buffer = Gst.Buffer.new_allocate(None, 64, None)
    GstVideo.buffer_add_video_region_of_interest_meta(buffer, "fuzz", 1, 2, 3, 4)
    KEPT.append(buffer)
    return buffer

def SHARED():
    buffer = BUFFER()
    KEPT.append(Gst.Sample.new(buffer, None, None, None))  # a second reference: not writable
    return buffer

def CAPS():
    return Gst.Caps.from_string("video/x-raw,format=RGB,width=64,height=48,framerate=30/1")

def ROI():
    roi = bindery_gst.gst_buffer_add_video_region_of_interest_meta(BUFFER(), "fuzz", 1, 2, 3, 4)
    bindery_gst.gst_video_region_of_interest_meta_add_param(roi, bindery_gst.gst_structure_new_from_string("detection, confidence=(double)0.5"))
    return roi

def VMETA():
    return bindery_gst.gst_buffer_add_video_meta(BUFFER(), 0, GstVideo.VideoFormat.RGB, 64, 48)

def CROP():
    buffer = BUFFER()
    buffer.add_meta(GstVideo.VideoCropMeta.get_info(), None)
    return bindery_gst.GstVideoCropMeta.get(buffer)

probe.FACTORIES.update({{
    "GstVideoRegionOfInterestMeta": ROI, "GstVideoMeta": VMETA, "GstVideoCropMeta": CROP,
    "GstStructure": lambda: bindery_gst.gst_structure_new_from_string("detection, label=(string)x, confidence=(double)0.5"),
}})
"""


@pytest.fixture(scope="module")
def fuzz():
    session = FuzzSession("bindery_gst", PRELUDE, timeout=30)
    yield session
    summary = session.close()
    print(f"\nfuzz bindery_gst: {summary['cases']} cases in {summary['seconds']} s: {summary['outcomes']}")


@pytest.mark.parametrize("name", cases.params(TARGET.writable, {}))
def test_attributes_catalog(fuzz, name):
    findings = standard.attributes_catalog(fuzz, TARGET, name)
    assert not findings, report(findings)


@pytest.mark.parametrize("name", cases.params(TARGET.writable, {}))
def test_attributes_hypothesis(fuzz, name):
    findings = standard.attributes_hypothesis(fuzz, TARGET, name, max_examples=12)
    assert not findings, report(findings)


@pytest.mark.parametrize("name", cases.params(sorted(TARGET.callables), {}))
def test_calls(fuzz, name):
    findings = standard.calls(fuzz, TARGET, name, max_examples=15)
    assert not findings, report(findings)


BUFFER_SETUP = """
buf = Gst.Buffer.new_allocate(None, 64, None)
GstVideo.buffer_add_video_region_of_interest_meta(buf, "gi", 5, 6, 7, 8)
roi = bindery_gst.gst_buffer_add_video_region_of_interest_meta(buf, "car", 1, 2, 3, 4)
s = bindery_gst.gst_structure_new_from_string("detection, label=(string)car, confidence=(double)0.5")
bindery_gst.gst_video_region_of_interest_meta_add_param(roi, s)
vmeta = bindery_gst.gst_buffer_add_video_meta(buf, 0, GstVideo.VideoFormat.RGB, 64, 48)
"""

#: Views of a buffer's metas kept after the last reference to the buffer
#: is dropped (the metas are freed with it).
BUFFER_SCENARIO = lifetime.Scenario(
    setup=BUFFER_SETUP,
    keepers=lifetime.keepers(
        "buffer", "roi", "s", "vmeta", "roi.params", "list(roi.params)[0]",
        "bindery_gst.GstVideoRegionOfInterestMeta.get(buf)", "bindery_gst.GstVideoRegionOfInterestMeta.iterate(buf)[0]",
        "bindery_gst.GstVideoMeta.get(hash(buf))", "bindery_gst.gst_video_region_of_interest_meta_get_param(roi, 'detection')",
        "bindery_gst.gst_buffer_get_video_region_of_interest_meta_id(buf, roi.id)",
    ),
    killers={"release buffer": lifetime.Killer("globals().pop('buf', None)", frozenset({"buffer"}))},
)

POOL_SETUP = """
caps = Gst.Caps.from_string("video/x-raw,format=RGB,width=8,height=8,framerate=30/1")
pool = Gst.BufferPool.new()
config = pool.get_config()
# No maximum: a killer repeated in one case (recycle twice) must not block on
# a buffer KEPT holds; the first acquire still recycles the released buffer.
Gst.BufferPool.config_set_params(config, caps, 192, 1, 0)
pool.set_config(config)
pool.set_active(True)
_, buf = pool.acquire_buffer(None)
roi = bindery_gst.gst_buffer_add_video_region_of_interest_meta(buf, "car", 1, 2, 3, 4)
bindery_gst.gst_video_region_of_interest_meta_add_param(roi, bindery_gst.gst_structure_new_from_string("detection, confidence=(double)0.5"))
"""

#: The same buffer handed out again by its pool (metas stripped, not finalized).
POOL_SCENARIO = lifetime.Scenario(
    setup=POOL_SETUP,
    keepers=lifetime.keepers("buffer", "roi", "roi.params", "bindery_gst.GstVideoRegionOfInterestMeta.get(buf)"),
    # Idempotent: a second recycle finds no `buf` and acquires nothing (the
    # pool holds one buffer, so a second acquire would block forever).
    killers={"recycle buffer": lifetime.Killer(
        "if globals().pop('buf', None) is not None: KEPT.append(pool.acquire_buffer(None))", frozenset({"buffer"}))},
)

SCENARIOS = {"buffer": (BUFFER_SCENARIO, 20), "pool": (POOL_SCENARIO, 8)}


@pytest.mark.parametrize("scenario", cases.params(SCENARIOS, {}))
def test_lifetime(fuzz, scenario):
    """Meta views, params and results kept past the buffer's metas."""
    findings = standard.lifetime(fuzz, *SCENARIOS[scenario])
    assert not findings, report(findings)
