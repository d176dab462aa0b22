//! Running graphs: PassThrough end to end, observers, feeding from several
//! threads, timestamp errors, life cycle (start twice, restart, close),
//! wait semantics and callback errors.

mod graph_support;

use std::collections::HashMap;
use std::sync::Arc;

use graph_support::{PASS_THROUGH, observe, text, timestamps, within};
use mediapipe_core::graph::{CalculatorGraph, ObserverFn};
use mediapipe_core::{ErrorKind, Packet, Status, StatusCode, Timestamp};

fn graph() -> CalculatorGraph {
    CalculatorGraph::from_text(PASS_THROUGH).unwrap()
}

fn ts(v: i64) -> Timestamp {
    Timestamp::new(v).unwrap()
}

#[test]
fn pass_through_end_to_end_with_timestamp_override() {
    within(20, || {
        let g = graph();
        let out = observe(&g, "out", false);
        g.start_run(HashMap::new()).unwrap();
        let hello = text("hello world");
        g.add_packet_to_input_stream("in", &hello, ts(0)).unwrap();
        g.add_packet_to_input_stream("in", &hello.at(ts(1)), Timestamp::UNSET).unwrap();
        g.close().unwrap();
        assert!(!g.has_error());
        assert_eq!(timestamps(&out), vec![0, 1]);
        let seen = out.lock().unwrap();
        assert_eq!(seen[0].0, "out");
        assert_eq!(seen[1].1.get::<Vec<u8>>().unwrap(), b"hello world");
        assert!(seen[1].1.shares_payload_with(&hello));
    });
}

#[test]
fn observer_sees_many_packets_in_timestamp_order() {
    within(30, || {
        let g = CalculatorGraph::from_text(
            "input_stream: 'in' output_stream: 'out' num_threads: 4
             node { calculator: 'PassThroughCalculator' input_stream: 'in' output_stream: 'mid' }
             node { calculator: 'PassThroughCalculator' input_stream: 'mid' output_stream: 'out' }",
        )
        .unwrap();
        let out = observe(&g, "out", false);
        let mid = observe(&g, "mid", false);
        g.start_run(HashMap::new()).unwrap();
        for t in 0..500 {
            g.add_packet_to_input_stream("in", &Packet::new(t as i32), ts(t * 10)).unwrap();
        }
        g.close().unwrap();
        let expected: Vec<i64> = (0..500).map(|t| t * 10).collect();
        assert_eq!(timestamps(&out), expected);
        assert_eq!(timestamps(&mid), expected);
    });
}

#[test]
fn graph_fed_from_several_threads() {
    within(30, || {
        let g = Arc::new(
            CalculatorGraph::from_text(
                "input_stream: 'a' input_stream: 'b' max_queue_size: 4
                 node { calculator: 'PassThroughCalculator' input_stream: 'a' output_stream: 'x' }
                 node { calculator: 'PassThroughCalculator' input_stream: 'b' output_stream: 'y' }",
            )
            .unwrap(),
        );
        let x = observe(&g, "x", false);
        let y = observe(&g, "y", false);
        g.start_run(HashMap::new()).unwrap();
        let feeders: Vec<_> = ["a", "b"]
            .into_iter()
            .map(|stream| {
                let g = Arc::clone(&g);
                std::thread::spawn(move || {
                    for t in 0..300 {
                        g.add_packet_to_input_stream(stream, &Packet::new(t), ts(t)).unwrap();
                    }
                    g.close_input_stream(stream).unwrap();
                })
            })
            .collect();
        feeders.into_iter().for_each(|f| f.join().unwrap());
        g.wait_until_done().unwrap();
        assert_eq!(timestamps(&x), (0..300).collect::<Vec<_>>());
        assert_eq!(timestamps(&y), (0..300).collect::<Vec<_>>());
        g.close().unwrap();
    });
}

#[test]
fn non_monotonic_timestamp_fails_at_the_next_wait() {
    within(20, || {
        let g = graph();
        let _out = observe(&g, "out", false);
        g.start_run(HashMap::new()).unwrap();
        let p = text("hello world");
        g.add_packet_to_input_stream("in", &p.at(ts(0)), Timestamp::UNSET).unwrap();
        g.wait_until_idle().unwrap();
        g.add_packet_to_input_stream("in", &p.at(ts(0)), Timestamp::UNSET).unwrap();
        let e = g.wait_until_idle().unwrap_err();
        assert_eq!(e.kind(), ErrorKind::InvalidArgument);
        assert!(e.message().contains("Current minimum expected timestamp is 1 but received 0."), "{}", e.message());
        assert!(g.has_error());
        let combined = g.get_combined_error_message();
        assert!(combined.starts_with("INVALID_ARGUMENT: CalculatorGraph::Run() failed: \n"), "{combined}");
        let later = g.add_packet_to_input_stream("in", &p.at(ts(5)), Timestamp::UNSET).unwrap_err();
        assert!(later.message().starts_with("Graph has errors: "), "{}", later.message());
        assert_eq!(later.code(), StatusCode::InvalidArgument);
        assert!(g.close().is_err());
        assert!(!g.has_error());
    });
}

#[test]
fn timestamps_not_allowed_in_a_stream_are_value_errors() {
    within(20, || {
        let g = graph();
        g.start_run(HashMap::new()).unwrap();
        let p = text("x");
        let unset = g.add_packet_to_input_stream("in", &p, Timestamp::UNSET).unwrap_err();
        assert_eq!(unset.message(), "Timestamp::Unset() can't be the timestamp of a Packet in a stream.");
        assert_eq!(unset.kind(), ErrorKind::InvalidArgument);
        let done = g.add_packet_to_input_stream("in", &p, Timestamp::DONE).unwrap_err();
        assert_eq!(done.message(), "Timestamp::Done() can't be the timestamp of a Packet in a stream.");
        g.add_packet_to_input_stream("in", &p, Timestamp::PRESTREAM).unwrap();
        g.close().unwrap();
    });
}

#[test]
fn calls_before_start_run_fail_like_the_reference() {
    let g = graph();
    let add = g.add_packet_to_input_stream("in", &text("x"), ts(0)).unwrap_err();
    assert_eq!(add.message(), "; CalculatorGraph::AddPacketToInputStream() is called before StartRun()");
    assert_eq!(add.kind(), ErrorKind::Failed);
    assert!(g.wait_until_idle().unwrap_err().message().contains("RET_CHECK failure"));
    assert!(g.wait_until_done().unwrap_err().message().contains("(state_)!=(STATE_NOT_STARTED)"));
    assert_eq!(g.close().unwrap_err().message(), "bad_function_call");
    assert!(!g.has_error());
    assert_eq!(g.get_combined_error_message(), "");
}

#[test]
fn unknown_streams_are_errors_not_crashes() {
    within(20, || {
        let g = graph();
        let (_, cb) = graph_support::recorder();
        let e = g.observe_output_stream("x", cb, false).unwrap_err();
        assert_eq!(e.message(), "; Unable to attach observer to output stream \"x\" because it doesn't exist.");
        g.start_run(HashMap::new()).unwrap();
        assert_eq!(g.add_packet_to_input_stream("nope", &text("x"), ts(0)).unwrap_err().code(), StatusCode::NotFound);
        assert_eq!(g.close_input_stream("nope").unwrap_err().code(), StatusCode::NotFound);
        let (_, late) = graph_support::recorder();
        assert_eq!(g.observe_output_stream("out", late, false).unwrap_err().code(), StatusCode::FailedPrecondition);
        g.close().unwrap();
    });
}

#[test]
fn closed_stream_rejects_packets() {
    within(20, || {
        let g = graph();
        g.start_run(HashMap::new()).unwrap();
        g.add_packet_to_input_stream("in", &text("x"), ts(0)).unwrap();
        g.close_input_stream("in").unwrap();
        g.close_input_stream("in").unwrap();
        let e = g.add_packet_to_input_stream("in", &text("x"), ts(1)).unwrap_err();
        assert_eq!(e.code(), StatusCode::FailedPrecondition);
        g.wait_until_done().unwrap();
        g.close().unwrap();
    });
}

#[test]
fn start_run_twice_is_an_error_and_restart_after_close_works() {
    within(20, || {
        let g = graph();
        let out = observe(&g, "out", false);
        g.start_run(HashMap::new()).unwrap();
        let again = g.start_run(HashMap::new()).unwrap_err();
        assert_eq!(again.code(), StatusCode::FailedPrecondition);
        g.add_packet_to_input_stream("in", &text("a"), ts(5)).unwrap();
        g.close().unwrap();
        g.close().unwrap();
        g.start_run(HashMap::new()).unwrap();
        g.add_packet_to_input_stream("in", &text("b"), ts(0)).unwrap();
        g.close().unwrap();
        assert_eq!(timestamps(&out), vec![5, 0]);
    });
}

#[test]
fn restart_after_wait_until_done_without_close() {
    within(20, || {
        let g = graph();
        let out = observe(&g, "out", false);
        for round in 0..3 {
            g.start_run(HashMap::new()).unwrap();
            g.add_packet_to_input_stream("in", &text("a"), ts(round)).unwrap();
            g.close_all_packet_sources().unwrap();
            g.wait_until_done().unwrap();
        }
        g.close().unwrap();
        assert_eq!(timestamps(&out), vec![0, 1, 2]);
    });
}

#[test]
fn callback_error_surfaces_in_has_error_and_close() {
    within(20, || {
        let g = graph();
        let failing: ObserverFn = Box::new(|_, packet| {
            if packet.timestamp().value() >= 2 {
                return Err(Status::invalid_argument("observer refused the packet"));
            }
            Ok(())
        });
        g.observe_output_stream("out", failing, false).unwrap();
        g.start_run(HashMap::new()).unwrap();
        for t in 0..3 {
            g.add_packet_to_input_stream("in", &text("x"), ts(t)).unwrap();
        }
        let idle = g.wait_until_idle().unwrap_err();
        assert!(idle.message().contains("observer refused the packet"));
        assert!(g.has_error());
        assert_eq!(g.get_combined_error_message(), "INVALID_ARGUMENT: CalculatorGraph::Run() failed: \nobserver refused the packet");
        let closed = g.close().unwrap_err();
        assert_eq!(closed.kind(), ErrorKind::InvalidArgument);
        assert!(!g.has_error());
        assert_eq!(g.get_combined_error_message(), "");
    });
}

#[test]
fn panicking_callback_becomes_an_error() {
    within(20, || {
        let g = graph();
        g.observe_output_stream("out", Box::new(|_, _| panic!("boom")), false).unwrap();
        g.start_run(HashMap::new()).unwrap();
        g.add_packet_to_input_stream("in", &text("x"), ts(0)).unwrap();
        let e = g.close().unwrap_err();
        assert_eq!(e.code(), StatusCode::Internal);
    });
}

#[test]
fn wait_until_idle_returns_with_open_inputs_and_done_after_close() {
    within(20, || {
        let g = graph();
        let out = observe(&g, "out", false);
        g.start_run(HashMap::new()).unwrap();
        g.wait_until_idle().unwrap();
        for t in 0..10 {
            g.add_packet_to_input_stream("in", &text("x"), ts(t)).unwrap();
        }
        g.wait_until_idle().unwrap();
        assert_eq!(out.lock().unwrap().len(), 10);
        g.wait_until_idle().unwrap();
        g.close_input_stream("in").unwrap();
        g.wait_until_done().unwrap();
        g.wait_until_done().unwrap();
        g.close().unwrap();
        g.wait_until_done().unwrap();
    });
}

#[test]
fn wait_for_observed_output_returns_after_a_packet() {
    within(20, || {
        let g = graph();
        let _out = observe(&g, "out", false);
        g.start_run(HashMap::new()).unwrap();
        g.add_packet_to_input_stream("in", &text("x"), ts(0)).unwrap();
        g.wait_for_observed_output().unwrap();
        g.close_all_packet_sources().unwrap();
        let e = g.wait_for_observed_output().unwrap_err();
        assert_eq!(e.code(), StatusCode::FailedPrecondition);
        g.close().unwrap();
    });
}

#[test]
fn dropping_a_running_graph_does_not_hang() {
    within(20, || {
        let g = graph();
        g.start_run(HashMap::new()).unwrap();
        g.add_packet_to_input_stream("in", &text("x"), ts(0)).unwrap();
        drop(g);
    });
}
