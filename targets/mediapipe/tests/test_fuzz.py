"""Hypothesis fuzzing of the generated `mediapipe` framework bindings (issue 9).

Every case runs in a persistent worker subprocess (`tests/fuzzkit`), so a
crash or hang is counted and attributed instead of killing pytest. Covered,
from the shipped stubs of `mediapipe.python._framework_bindings`: every
writable attribute with the hostile catalogue and Hypothesis-drawn values;
every function, constructor, static method and method (incl. packet
creators and getters on packets of every payload type, pixel indexing) with
valid and hostile arguments; numpy views kept past their frame, packet and
graph; and observers that call back into their own graph (close, waits,
feeding, restart, dropping the graph).

Oracle: an exception MediaPipe documents (TypeError, ValueError,
OverflowError, IndexError, RuntimeError, FileNotFoundError, FileExistsError,
NotImplementedError, UnicodeDecodeError: the status mapping of
docs/targets/mediapipe.md) or the value read back equals the value set;
never a signal, a hang or a silent change. Seeds are fixed (`derandomize`).
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

BINDINGS = REPO / "targets/mediapipe/generated/python/mediapipe/python/_framework_bindings"
PACKETS = [
    "fb._packet_creator.create_int(1)", "fb._packet_creator.create_string('x')", "fb._packet_creator.create_bool(True)",
    "fb._packet_creator.create_float(1.5)", "fb._packet_creator.create_float_vector([1.0, 2.0])",
    "fb._packet_creator.create_string_vector(['a'])", "fb._packet_creator.create_uint64(7)",
    "fb._packet_creator.create_matrix(np.ones((2, 3), np.float32))", "fb.packet.Packet()",
    "fb._packet_creator._create_image_frame_from_image_frame(make('ImageFrame'))",
    "fb._packet_creator.create_packet_vector([fb._packet_creator.create_int(2)])",
]
ARRAYS = ["np.zeros((4, 4, 3), np.uint8)", "np.zeros((2, 2), np.float32)", "np.zeros((3, 5, 4), np.uint16)", "np.zeros((2, 2, 1), np.uint8)"]


def valid(annotation: str) -> st.SearchStrategy[str]:
    """A valid-looking value for a stub annotation, as source."""
    base = annotation.split(" | ")[0]
    table = {
        "Packet": st.sampled_from(PACKETS),
        "SupportsIndex": st.sampled_from(["0", "1", "3", "fb.image_frame.ImageFormat.SRGB"]),
        "int": st.sampled_from(["0", "1", "2"]),
        "float": st.sampled_from(["0.5", "2.0"]),
        "bool": st.sampled_from(["True", "False"]),
        "str": st.sampled_from(["'in'", "'out'", "'x'", "'/dev/zero'", "'/'", "'/proc/self/mem'"]),
        "npt.ArrayLike": st.sampled_from(ARRAYS),
        "Sequence[int]": st.sampled_from(["[0, 0, 0]", "[1, 2]", "(0, 0)"]),
        "Sequence[float]": st.just("[1.0, 2.5]"),
        "Sequence[bool]": st.just("[True, False]"),
        "Sequence[str | bytes]": st.just("['a', b'b']"),
        "Sequence[Packet]": st.just(f"[{PACKETS[0]}]"),
        "Sequence[Image]": st.just("[make('Image')]"),
        "Mapping[str, Packet]": st.just(f"{{'a': {PACKETS[0]}}}"),
        "Callable[[str, Packet], None]": st.just("lambda name, packet: None"),
    }
    if base in table:
        return table[base]
    if base in ("Timestamp", "Image", "ImageFrame", "ValidatedGraphConfig", "CalculatorGraph", "Matrix"):
        return st.just(f"make({base!r})")
    return st.sampled_from(["'in'", "1", "make('Packet')", "calculator_pb2.CalculatorGraphConfig()"])


TARGET = standard.Target(
    module="fb",
    stubs=sorted(p for p in BINDINGS.glob("*.pyi") if p.stem != "__init__"),
    valid=valid,
    module_of=lambda stem: f"fb.{stem}",
    python_made=False,
)

PRELUDE = f"""
import gc, sys, threading, time
sys.path.insert(0, {str(REPO / 'tests')!r})
import numpy as np
import fuzzkit.probe as probe
from fuzzkit.probe import *
probe.step = step
import mediapipe as mp
import mediapipe.python._framework_bindings as fb
from mediapipe.framework import calculator_pb2
probe.ALLOWED = (TypeError, ValueError, OverflowError, IndexError, RuntimeError, FileNotFoundError,
                 FileExistsError, NotImplementedError, UnicodeDecodeError)
PASS_THROUGH = "input_stream: 'in' output_stream: 'out' node {{ calculator: 'PassThroughCalculator' input_stream: 'in' output_stream: 'out' }}"
probe.CLASSES.update({{
    "Packet": fb.packet.Packet, "Timestamp": fb.timestamp.Timestamp, "Image": fb.image.Image,
    "ImageFrame": fb.image_frame.ImageFrame, "Matrix": fb.matrix.Matrix,
    "CalculatorGraph": fb.calculator_graph.CalculatorGraph,
    "ValidatedGraphConfig": fb.validated_graph_config.ValidatedGraphConfig,
}})
probe.FACTORIES.update({{
    "Packet": lambda: fb._packet_creator.create_int(1),
    "Timestamp": lambda: fb.timestamp.Timestamp(5),
    "Image": lambda: fb.image.Image(fb.image_frame.ImageFormat.SRGB, np.zeros((4, 4, 3), np.uint8)),
    "ImageFrame": lambda: fb.image_frame.ImageFrame(fb.image_frame.ImageFormat.SRGB, np.zeros((4, 4, 3), np.uint8)),
    "Matrix": lambda: fb.matrix.Matrix(np.ones((2, 3), np.float32)),
    "CalculatorGraph": lambda: fb.calculator_graph.CalculatorGraph(graph_config=PASS_THROUGH),
    "ValidatedGraphConfig": lambda: fb.validated_graph_config.ValidatedGraphConfig(),
}})
"""

# Open defects, by test parameter: strict xfails, one reason each.
KNOWN_ATTRIBUTES: dict[str, str] = {}
KNOWN_CALLS: dict[str, str] = {}


@pytest.fixture(scope="module")
def fuzz():
    session = FuzzSession("mediapipe", PRELUDE, timeout=20)
    yield session
    summary = session.close()
    print(f"\nfuzz mediapipe: {summary['cases']} cases in {summary['seconds']} s: {summary['outcomes']}")


@pytest.mark.parametrize("name", cases.params(TARGET.writable, KNOWN_ATTRIBUTES))
def test_attributes_catalog(fuzz, name):
    findings = standard.attributes_catalog(fuzz, TARGET, name)
    assert not findings, report(findings)


@pytest.mark.parametrize("name", cases.params(TARGET.writable, KNOWN_ATTRIBUTES))
def test_attributes_hypothesis(fuzz, name):
    findings = standard.attributes_hypothesis(fuzz, TARGET, name, max_examples=40)
    assert not findings, report(findings)


@pytest.mark.parametrize("name", cases.params(sorted(TARGET.callables), KNOWN_CALLS))
def test_calls(fuzz, name):
    findings = standard.calls(fuzz, TARGET, name, max_examples=40)
    assert not findings, report(findings)


#: What an observer may do to its own graph (each must return or raise, never hang).
REENTRANT = (
    "graph.close()", "graph.wait_until_idle()", "graph.wait_until_done()", "graph.wait_for_observed_output()",
    "graph.close_input_stream('in')", "graph.close_all_packet_sources()", "graph.start_run()",
    "graph.add_packet_to_input_stream('in', fb._packet_creator.create_int(2), timestamp=packet.timestamp.value + 1)",
    "graph.add_packet_to_input_stream('in', fb._packet_creator.create_int(2), timestamp=0)",
    "graph.observe_output_stream('out', lambda n, p: None)", "graph.has_error()", "graph.get_combined_error_message()",
    "graph.get_output_side_packet('x')", "globals().pop('graph', None)", "packet.at(-1)", "KEEP.append(packet)",
    "KEEP.append(fb._packet_getter.get_int(packet))",
)

GRAPH_CASE = """
KEEP, CALLS = [], {calls!r}

def observer(name, packet):
    for call in CALLS:
        try:
            eval(call, globals(), {{"packet": packet, "graph": graph}})
        except probe.ALLOWED:
            pass

def scenario():
    global graph
    graph = fb.calculator_graph.CalculatorGraph(graph_config={config!r})
    graph.observe_output_stream("out", observer)
    graph.start_run()
    for t in range({packets}):
        graph.add_packet_to_input_stream("in", fb._packet_creator.create_int(t), timestamp=t)
    {ending}

scenario.__name__ = {label!r}
RESULT = sweep_calls(scenario, ["()"], globals())
globals().pop("graph", None)
gc.collect()
"""


@pytest.mark.parametrize("threads", [1, 2])
def test_observer_calls_into_its_own_graph(fuzz, threads):
    """Observers that close, wait on, feed, restart or drop their own graph."""
    config = (f"max_queue_size: 2 num_threads: {threads} input_stream: 'in' output_stream: 'out' "
              "node { calculator: 'PassThroughCalculator' input_stream: 'in' output_stream: 'out' }")
    findings: list[dict] = []
    strategy = st.tuples(
        st.lists(st.sampled_from(REENTRANT), min_size=1, max_size=3),
        st.integers(1, 4),
        st.sampled_from(["graph.close()", "graph.wait_until_idle(); graph.close()", "globals().pop('graph', None)", "pass"]),
    )

    def body(example):
        calls, packets, ending = example
        label = f"observer doing {'; '.join(calls)} ({packets} packets, then {ending})"
        code = GRAPH_CASE.format(calls=calls, config=config, packets=packets, ending=ending, label=label)
        findings.extend(fuzz.sweep(lambda _: code, ["graph"], timeout=20))

    cases.explore(strategy, body, max_examples=40)
    assert not findings, report(findings)
