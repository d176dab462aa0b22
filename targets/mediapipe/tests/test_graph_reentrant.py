"""Observers that call back into their own graph (issue 9, class 8).

`close()`, `wait_until_idle()`, `wait_until_done()` and
`wait_for_observed_output()` called from an output stream observer would
wait for the observer itself: they raise RuntimeError instead (the
reference deadlocks). Feeding a full queue from an observer raises instead
of waiting; dropping the last reference to a graph inside its own observer
does not make the worker join itself. Each scenario runs in a child
interpreter with a timeout, so a regression is a failure, not a hung suite.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

PRELUDE = """
import gc
import mediapipe as mp
from mediapipe import CalculatorGraph
CONFIG = ("max_queue_size: 1 num_threads: 1 input_stream: 'in' output_stream: 'out' "
          "node { calculator: 'PassThroughCalculator' input_stream: 'in' output_stream: 'out' }")
"""


def run_child(code: str) -> str:
    """Runs `code` after PRELUDE in a fresh interpreter; returns its stdout.
    A hang (60 s) or a non-zero exit fails the test."""
    program = PRELUDE + textwrap.dedent(code)
    proc = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, f"rc={proc.returncode}\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout


@pytest.mark.parametrize(
    "call, name",
    [
        ("close()", "Close"),
        ("wait_until_idle()", "WaitUntilIdle"),
        ("wait_until_done()", "WaitUntilDone"),
        ("wait_for_observed_output()", "WaitForObservedOutput"),
    ],
)
def test_blocking_call_from_own_observer_raises(call, name):
    out = run_child(
        f"""
        seen = []
        def observer(stream, packet):
            try:
                graph.{call}
                seen.append("returned")
            except RuntimeError as exc:
                seen.append(str(exc))
        graph = CalculatorGraph(graph_config=CONFIG)
        graph.observe_output_stream("out", observer)
        graph.start_run()
        graph.add_packet_to_input_stream("in", mp.packet_creator.create_int(1), timestamp=0)
        graph.close()
        print(seen)
        """
    )
    assert f"CalculatorGraph::{name}() was called from an output stream observer" in out
    assert "returned" not in out


def test_graph_still_usable_after_refused_close():
    out = run_child(
        """
        got = []
        def observer(stream, packet):
            got.append(mp.packet_getter.get_int(packet))
            try:
                graph.close()
            except RuntimeError:
                got.append("refused")
        graph = CalculatorGraph(graph_config=CONFIG)
        graph.observe_output_stream("out", observer)
        graph.start_run()
        for t in range(3):
            graph.add_packet_to_input_stream("in", mp.packet_creator.create_int(t), timestamp=t)
        graph.close()
        print(got)
        """
    )
    assert out.strip() == "[0, 'refused', 1, 'refused', 2, 'refused']"


def test_feeding_a_full_queue_from_own_observer_raises():
    out = run_child(
        """
        import threading
        errors, fed = [], threading.Event()
        def observer(stream, packet):
            if packet.timestamp.value != 0:
                return
            try:
                for t in (10, 11, 12):
                    graph.add_packet_to_input_stream("in", mp.packet_creator.create_int(t), timestamp=t)
            except RuntimeError as exc:
                errors.append(str(exc))
            fed.set()
        graph = CalculatorGraph(graph_config=CONFIG)
        graph.observe_output_stream("out", observer)
        graph.start_run()
        graph.add_packet_to_input_stream("in", mp.packet_creator.create_int(0), timestamp=0)
        assert fed.wait(30)
        graph.close()
        print(errors)
        """
    )
    assert "Graph is throttled; an output stream observer of this graph cannot wait" in out


def test_dropping_the_graph_inside_its_own_observer():
    out = run_child(
        """
        import threading
        holder, released, done = {}, threading.Event(), threading.Event()
        def observer(stream, packet):
            released.wait(30)
            holder.pop("graph")  # the last reference: the graph dies on its own worker
            done.set()
        graph = CalculatorGraph(graph_config=CONFIG)
        graph.observe_output_stream("out", observer)
        graph.start_run()
        graph.add_packet_to_input_stream("in", mp.packet_creator.create_int(0), timestamp=0)
        holder["graph"] = graph
        del graph
        released.set()
        assert done.wait(30)
        gc.collect()
        print("ok")
        """
    )
    assert out.strip().endswith("ok")
