"""Pipeline helpers for the pyds end-to-end tests: GStreamer set-up with
the stand-in `nvinfersim` element (plugin path from conftest.py), a test
pipeline description, and a runner that calls Python pad probes on every
buffer and re-raises what they raised."""

from __future__ import annotations

import os
from pathlib import Path

import gi

gi.require_version("Gst", "1.0")
from gi.repository import Gst  # noqa: E402

os.environ.setdefault("GST_PLUGIN_PATH", str(Path(__file__).resolve().parents[3] / "build" / "sdk" / "gst"))
Gst.init(None)


def run_pipeline(description: str, probe=None, probes=None) -> int:
    """Runs `description` to EOS. `probe(buffer)` runs on each buffer leaving
    the element named `infer`; `probes` maps other element names to probes.
    Returns the number of buffers seen by the first probe; re-raises the first
    exception a probe raised."""
    pipeline = Gst.parse_launch(description)
    probes = dict(probes or {})
    if probe is not None:
        probes = {"infer": probe, **probes}
    counts = {name: 0 for name in probes}
    errors = []

    def attach(name, fn):
        def on_buffer(_pad, info):
            counts[name] += 1
            try:
                fn(info.get_buffer())
            except Exception as exc:  # re-raised after the run: pytest must see it
                errors.append(exc)
            return Gst.PadProbeReturn.OK

        pipeline.get_by_name(name).get_static_pad("src").add_probe(Gst.PadProbeType.BUFFER, on_buffer)

    for name, fn in probes.items():
        attach(name, fn)
    pipeline.set_state(Gst.State.PLAYING)
    # BINDERY_SLOWDOWN: set by scripts/valgrind_pytest.sh (memcheck runs Python 20-50x slower).
    timeout = int(20 * float(os.environ.get("BINDERY_SLOWDOWN", "1")))
    msg = pipeline.get_bus().timed_pop_filtered(timeout * Gst.SECOND, Gst.MessageType.EOS | Gst.MessageType.ERROR)
    pipeline.set_state(Gst.State.NULL)
    assert msg is not None, "pipeline timed out"
    assert msg.type == Gst.MessageType.EOS, msg.parse_error()
    if errors:
        raise errors[0]
    return counts[next(iter(probes))] if probes else 0


def sim(buffers: int = 3, objects: int = 4, extra: str = "") -> str:
    """A test pipeline with the stand-in inference element named `infer`,
    followed by an `identity` named `after` for downstream probes."""
    return (
        f"videotestsrc num-buffers={buffers} ! video/x-raw,width=320,height=240 ! "
        f"nvinfersim name=infer objects={objects} {extra} ! identity name=after ! fakesink"
    )


def chain(*elements: str, buffers: int = 8, caps: str = "video/x-raw,width=320,height=240") -> str:
    """`videotestsrc ! caps ! element ! ... ! fakesink`: a pipeline of the
    stand-in simulator elements (`nvofsim`, `nvinfersim`, `nvtrackersim`,
    `nvdsanalyticssim`, `nvvideoconvertsim`) in the order a DeepStream
    pipeline would have their real counterparts. Name elements to probe them."""
    return " ! ".join([f"videotestsrc num-buffers={buffers}", caps, *elements, "fakesink"])
