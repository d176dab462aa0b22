//! Scheduling details behind the per-packet and set-up costs: observer
//! batches keep order and stop at an error, a run that never got input
//! closes without workers yet still calls observers on a worker thread,
//! and parallel branches still run with targeted wake-ups.

mod graph_support;

use std::sync::{Arc, Mutex};
use std::thread::ThreadId;

use graph_support::{observe, text, timestamps, within};
use mediapipe_core::graph::{Calculator, CalculatorContext, CalculatorGraph, Contract, NodeConfig, ObserverFn, register_calculator};
use mediapipe_core::{Result, Status, Timestamp};

fn ts(v: i64) -> Timestamp {
    Timestamp::new(v).unwrap()
}

fn any_contract(_: &mut Contract<'_>) -> Result<()> {
    Ok(())
}

/// Forwards nothing while running; emits one packet at timestamp 7 when closed.
struct EmitOnClose;

impl Calculator for EmitOnClose {
    fn process(&mut self, _: &mut CalculatorContext) -> Result<()> {
        Ok(())
    }

    fn close(&mut self, cc: &mut CalculatorContext) -> Result<()> {
        cc.add_output("", 0, text("bye").at(ts(7)))
    }
}

fn emit_on_close(_: &NodeConfig) -> Result<Box<dyn Calculator>> {
    Ok(Box::new(EmitOnClose))
}

#[test]
fn close_without_input_still_calls_observers_on_a_worker() {
    within(30, || {
        register_calculator("EmitOnCloseForSchedulingTest", any_contract, emit_on_close);
        let g = CalculatorGraph::from_text(
            "input_stream: 'in' node { calculator: 'EmitOnCloseForSchedulingTest' input_stream: 'in' output_stream: 'out' }",
        )
        .unwrap();
        let threads: Arc<Mutex<Vec<ThreadId>>> = Arc::default();
        let sink = Arc::clone(&threads);
        let callback: ObserverFn = Box::new(move |_: &str, _: &mediapipe_core::Packet| {
            sink.lock().unwrap().push(std::thread::current().id());
            Ok(())
        });
        g.observe_output_stream("out", callback, false).unwrap();
        g.start_run(Default::default()).unwrap();
        g.close().unwrap();
        let threads = threads.lock().unwrap();
        assert_eq!(threads.len(), 1, "the packet emitted by Close is observed once");
        assert_ne!(threads[0], std::thread::current().id(), "observers run on a worker thread");
    });
}

#[test]
fn close_without_input_runs_again_and_reports_close_errors() {
    within(30, || {
        let g = CalculatorGraph::from_text(graph_support::PASS_THROUGH).unwrap();
        let seen = observe(&g, "out", true);
        for _ in 0..3 {
            g.start_run(Default::default()).unwrap();
            g.close().unwrap();
        }
        assert!(timestamps(&seen).is_empty());
        g.start_run(Default::default()).unwrap();
        g.add_packet_to_input_stream("in", &text("x"), ts(1)).unwrap();
        g.close().unwrap();
        assert_eq!(timestamps(&seen), vec![1]);
    });
}

#[test]
fn a_batch_keeps_order_and_stops_at_the_first_error() {
    within(30, || {
        let g = CalculatorGraph::from_text("input_stream: 'in' num_threads: 1").unwrap();
        let seen: Arc<Mutex<Vec<i64>>> = Arc::default();
        let sink = Arc::clone(&seen);
        let callback: ObserverFn = Box::new(move |_: &str, packet: &mediapipe_core::Packet| {
            let t = packet.timestamp().value();
            sink.lock().unwrap().push(t);
            if t == 50 { Err(Status::internal("stop at 50")) } else { Ok(()) }
        });
        g.observe_output_stream("in", callback, false).unwrap();
        g.start_run(Default::default()).unwrap();
        for t in 0..200 {
            if g.add_packet_to_input_stream("in", &text("x"), ts(t)).is_err() {
                break;
            }
        }
        let error = g.close().unwrap_err();
        assert!(error.to_string().contains("stop at 50"), "{error}");
        let seen = seen.lock().unwrap();
        assert_eq!(*seen, (0..=50).collect::<Vec<_>>(), "in order, nothing after the failing packet");
    });
}

#[test]
fn parallel_branches_deliver_every_packet() {
    within(60, || {
        let g = CalculatorGraph::from_text(
            "input_stream: 'in' num_threads: 4
             node { calculator: 'PassThroughCalculator' input_stream: 'in' output_stream: 'a' }
             node { calculator: 'PassThroughCalculator' input_stream: 'in' output_stream: 'b' }
             node { calculator: 'PassThroughCalculator' input_stream: 'a' output_stream: 'c' }",
        )
        .unwrap();
        let (b, c) = (observe(&g, "b", false), observe(&g, "c", false));
        for round in 0..3 {
            g.start_run(Default::default()).unwrap();
            for t in 0..500 {
                g.add_packet_to_input_stream("in", &text("x"), ts(t)).unwrap();
            }
            g.close().unwrap();
            let expected: Vec<i64> = (0..500).cycle().take(500 * (round + 1)).collect();
            assert_eq!(timestamps(&b), expected);
            assert_eq!(timestamps(&c), expected);
        }
    });
}
