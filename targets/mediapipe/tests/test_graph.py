"""CalculatorGraph, ValidatedGraphConfig and observers (reference §11, §12)."""

import threading
import time

import pytest

import mediapipe as mp
from mediapipe import CalculatorGraph, GraphInputStreamAddMode, ValidatedGraphConfig
from mediapipe.framework import calculator_pb2

from conftest import PASS_THROUGH


def run_pass_through(values):
    graph = CalculatorGraph(graph_config=PASS_THROUGH)
    out = []
    graph.observe_output_stream("out", lambda name, p: out.append((name, mp.packet_getter.get_int(p), p.timestamp.value)))
    graph.start_run()
    for i, v in enumerate(values):
        graph.add_packet_to_input_stream("in", mp.packet_creator.create_int(v), timestamp=i)
    graph.close()
    return out


def test_pass_through_delivers_in_order():
    assert run_pass_through([5, 6, 7]) == [("out", 5, 0), ("out", 6, 1), ("out", 7, 2)]


def test_constructor_sources():
    assert CalculatorGraph(graph_config=PASS_THROUGH).max_queue_size == 100
    msg = calculator_pb2.CalculatorGraphConfig()
    msg.input_stream.append("in")
    assert "executor" in CalculatorGraph(graph_config=msg).text_config
    v = ValidatedGraphConfig()
    v.initialize(graph_config=PASS_THROUGH)
    assert v.initialized()
    assert CalculatorGraph(validated_graph_config=v).binary_config == v.binary_config
    assert CalculatorGraph(validated_graph_config=ValidatedGraphConfig()).text_config is not None


def test_constructor_errors(tmp_path):
    with pytest.raises(ValueError, match="Please provide one of the following"):
        CalculatorGraph()
    with pytest.raises(ValueError, match="Please provide one of the following"):
        CalculatorGraph(graph_config=PASS_THROUGH, validated_graph_config=ValidatedGraphConfig())
    with pytest.raises(RuntimeError, match="Unknown kwargs input argument: foo"):
        CalculatorGraph(foo=1)
    with pytest.raises(TypeError):
        CalculatorGraph(PASS_THROUGH)
    with pytest.raises(FileNotFoundError, match="The path does not exist"):
        CalculatorGraph(binary_graph_path=str(tmp_path / "nope.pb"), graph_config=PASS_THROUGH)
    with pytest.raises(RuntimeError, match="Failed to parse"):
        CalculatorGraph(graph_config="node {")
    with pytest.raises(RuntimeError, match='Unable to find Calculator "Nope"'):
        CalculatorGraph(graph_config='node { calculator: "Nope" }')


def test_binary_graph_path(tmp_path):
    path = tmp_path / "g.pb"
    path.write_bytes(CalculatorGraph(graph_config=PASS_THROUGH).binary_config)
    assert CalculatorGraph(binary_graph_path=str(path)).binary_config == path.read_bytes()


def test_add_mode_property():
    g = CalculatorGraph(graph_config=PASS_THROUGH)
    assert g.graph_input_stream_add_mode == GraphInputStreamAddMode.WAIT_TILL_NOT_FULL
    g.graph_input_stream_add_mode = GraphInputStreamAddMode.ADD_IF_NOT_FULL
    assert g.graph_input_stream_add_mode == GraphInputStreamAddMode.ADD_IF_NOT_FULL
    with pytest.raises(AttributeError):
        g.max_queue_size = 3


def test_observer_runs_on_worker_thread_with_gil():
    threads = []
    g = CalculatorGraph(graph_config=PASS_THROUGH)
    g.observe_output_stream("out", lambda n, p: threads.append(threading.current_thread()))
    g.start_run()
    g.add_packet_to_input_stream("in", mp.packet_creator.create_int(1).at(1))
    g.close()
    assert threads and threads[0] is not threading.main_thread()


def test_observer_exception_is_graph_error_not_abort():
    g = CalculatorGraph(graph_config=PASS_THROUGH)
    g.observe_output_stream("out", lambda n, p: 1 / 0)
    g.start_run()
    g.add_packet_to_input_stream("in", mp.packet_creator.create_int(1).at(1))
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        g.close()


def test_observer_wrong_arity_is_graph_error():
    g = CalculatorGraph(graph_config=PASS_THROUGH)
    g.observe_output_stream("out", lambda p: None)
    g.start_run()
    g.add_packet_to_input_stream("in", mp.packet_creator.create_int(1).at(1))
    with pytest.raises(RuntimeError, match="TypeError"):
        g.close()


def test_observe_errors():
    g = CalculatorGraph(graph_config=PASS_THROUGH)
    with pytest.raises(TypeError):
        g.observe_output_stream("out", 3)
    with pytest.raises(RuntimeError, match='Unable to attach observer to output stream "x"'):
        g.observe_output_stream("x", lambda n, p: None)
    g.start_run()
    with pytest.raises(Exception):
        g.observe_output_stream("out", lambda n, p: None)
    g.close()


def test_add_packet_errors():
    g = CalculatorGraph(graph_config=PASS_THROUGH)
    with pytest.raises(RuntimeError, match="AddPacketToInputStream\\(\\) is called before StartRun\\(\\)"):
        g.add_packet_to_input_stream("in", mp.packet_creator.create_int(1).at(1))
    g.start_run()
    with pytest.raises(ValueError, match="Timestamp::Unset\\(\\) can't be the timestamp"):
        g.add_packet_to_input_stream("in", mp.packet_creator.create_int(1))
    with pytest.raises(Exception):
        g.add_packet_to_input_stream("nope", mp.packet_creator.create_int(1).at(1))
    with pytest.raises(Exception):
        g.close_input_stream("nope")
    g.close()


def test_timestamp_argument_overrides_packet_timestamp():
    g = CalculatorGraph(graph_config=PASS_THROUGH)
    seen = []
    g.observe_output_stream("out", lambda n, p: seen.append(p.timestamp.value))
    g.start_run()
    g.add_packet_to_input_stream(stream="in", packet=mp.packet_creator.create_int(1).at(5), timestamp=mp.Timestamp(9))
    g.close()
    assert seen == [9]


def test_same_timestamp_twice_fails_at_next_wait():
    g = CalculatorGraph(graph_config=PASS_THROUGH)
    g.start_run()
    g.add_packet_to_input_stream("in", mp.packet_creator.create_int(1).at(0))
    g.add_packet_to_input_stream("in", mp.packet_creator.create_int(1).at(0))
    with pytest.raises(ValueError, match="Current minimum expected timestamp is 1 but received 0"):
        g.wait_until_idle()


def test_wait_before_start_and_close_twice():
    g = CalculatorGraph(graph_config=PASS_THROUGH)
    with pytest.raises(RuntimeError):
        g.wait_until_idle()
    with pytest.raises(RuntimeError):
        g.close()
    g.start_run()
    g.close()
    g.close()


def test_rerun_after_close_keeps_observers():
    g = CalculatorGraph(graph_config=PASS_THROUGH)
    seen = []
    g.observe_output_stream("out", lambda n, p: seen.append(mp.packet_getter.get_int(p)))
    for run in range(2):
        g.start_run()
        g.add_packet_to_input_stream("in", mp.packet_creator.create_int(run).at(1))
        g.close()
    assert seen == [0, 1]


def test_error_state_and_combined_message():
    g = CalculatorGraph(graph_config=PASS_THROUGH)
    assert g.get_combined_error_message() == "" and not g.has_error()
    g.observe_output_stream("out", lambda n, p: 1 / 0)
    g.start_run()
    g.add_packet_to_input_stream("in", mp.packet_creator.create_int(1).at(1))
    deadline = time.time() + 5
    while not g.has_error() and time.time() < deadline:
        time.sleep(0.01)
    assert g.has_error()
    assert g.get_combined_error_message() != ""
    with pytest.raises(RuntimeError):
        g.close()
    assert not g.has_error()


def test_start_run_side_packets_type_checked():
    g = CalculatorGraph(graph_config=PASS_THROUGH)
    with pytest.raises(RuntimeError, match="Unable to cast Python instance"):
        g.start_run({"x": 1})
    with pytest.raises(TypeError):
        g.start_run([1])


def test_output_side_packet_errors():
    g = CalculatorGraph(graph_config=PASS_THROUGH)
    with pytest.raises(RuntimeError, match='Unable to get the output side packet "x" because it doesn\'t exist'):
        g.get_output_side_packet("x")


def test_gil_released_while_waiting():
    g = CalculatorGraph(graph_config=PASS_THROUGH)
    g.observe_output_stream("out", lambda n, p: time.sleep(0.05))
    g.start_run()
    for i in range(3):
        g.add_packet_to_input_stream("in", mp.packet_creator.create_int(i).at(i))
    ticks = []
    t = threading.Thread(target=lambda: [ticks.append(1) or time.sleep(0.01) for _ in range(5)])
    t.start()
    g.wait_until_idle()
    t.join()
    g.close()
    assert len(ticks) == 5


def test_delete_running_graph_does_not_crash():
    g = CalculatorGraph(graph_config=PASS_THROUGH)
    g.start_run()
    g.add_packet_to_input_stream("in", mp.packet_creator.create_int(1).at(1))
    del g


def test_delete_running_graph_with_busy_observer_does_not_deadlock():
    for _ in range(5):
        g = CalculatorGraph(graph_config=PASS_THROUGH)
        g.observe_output_stream("out", lambda n, p: time.sleep(0.001))
        g.start_run()
        for i in range(50):
            g.add_packet_to_input_stream("in", mp.packet_creator.create_int(i).at(i))
        del g


def test_validated_graph_config():
    v = ValidatedGraphConfig()
    assert not v.initialized() and v.text_config == ""
    with pytest.raises(ValueError, match="Please either provide"):
        v.initialize()
    with pytest.raises(RuntimeError):
        v.initialize(bogus=1)
    v.initialize(graph_config=PASS_THROUGH)
    with pytest.raises(RuntimeError, match='Unable to find the type for stream "in"'):
        v.registered_stream_type_name("in")
    with pytest.raises(ValueError, match='Stream "zzz" is not defined in the config.'):
        v.registered_stream_type_name("zzz")
