//! Calls made from an output stream observer back into its own graph: the
//! blocking ones (close, wait_until_idle, wait_until_done,
//! wait_for_observed_output, adding to a full queue) fail with
//! FAILED_PRECONDITION / UNAVAILABLE instead of waiting for the observer
//! itself, and dropping the last handle of a graph inside its observer
//! does not join the observer's own thread.

mod graph_support;

use std::collections::HashMap;
use std::sync::mpsc;
use std::sync::{Arc, Mutex, Weak};
use std::time::Duration;

use graph_support::{PASS_THROUGH, within};
use mediapipe_core::graph::{CalculatorGraph, ObserverFn};
use mediapipe_core::{Packet, Result, StatusCode, Timestamp};

type Call = fn(&CalculatorGraph) -> Result<()>;

/// PASS_THROUGH (queues of one packet) with a single worker thread.
const ONE_WORKER: &str = "max_queue_size: 1 num_threads: 1 input_stream: 'in' output_stream: 'out'
    node { calculator: 'PassThroughCalculator' input_stream: 'in' output_stream: 'out' }";

/// Runs a PassThrough graph whose observer calls `call` on the graph for
/// the first packet; returns what the call returned.
fn call_from_observer(call: Call) -> Result<()> {
    call_from_observer_of(PASS_THROUGH, call)
}

fn call_from_observer_of(config: &str, call: Call) -> Result<()> {
    let graph = Arc::new(CalculatorGraph::from_text(config).unwrap());
    let weak: Weak<CalculatorGraph> = Arc::downgrade(&graph);
    let (tx, rx) = mpsc::channel();
    let first_packet = Mutex::new(Some(tx));
    let callback: ObserverFn = Box::new(move |_: &str, _: &Packet| {
        // Later packets (those `call` itself fed in) must not repeat it:
        // re-adding the same timestamps would fail the run under close().
        let Some(tx) = first_packet.lock().unwrap().take() else { return Ok(()) };
        if let Some(g) = weak.upgrade() {
            let _ = tx.send(call(&g));
        }
        Ok(())
    });
    graph.observe_output_stream("out", callback, false).unwrap();
    graph.start_run(HashMap::new()).unwrap();
    graph.add_packet_to_input_stream("in", &Packet::new(1i32), Timestamp::new(0).unwrap()).unwrap();
    // Only close once the observer has made its call (closing first would
    // close the input stream under it).
    let result = rx.recv_timeout(Duration::from_secs(10)).expect("the observer ran");
    graph.close().unwrap();
    result
}

fn assert_refused(call: Call, name: &str) {
    let err = within(20, move || call_from_observer(call)).expect_err("a reentrant wait must fail");
    assert_eq!(err.code(), StatusCode::FailedPrecondition);
    assert!(err.message().contains(&format!("CalculatorGraph::{name}()")), "{}", err.message());
    assert!(err.message().contains("observer"), "{}", err.message());
}

#[test]
fn close_from_own_observer_fails_instead_of_deadlocking() {
    assert_refused(|g| g.close(), "Close");
}

#[test]
fn wait_until_idle_from_own_observer_fails() {
    assert_refused(|g| g.wait_until_idle(), "WaitUntilIdle");
}

#[test]
fn wait_until_done_from_own_observer_fails() {
    assert_refused(|g| g.wait_until_done(), "WaitUntilDone");
}

#[test]
fn wait_for_observed_output_from_own_observer_fails() {
    assert_refused(|g| g.wait_for_observed_output(), "WaitForObservedOutput");
}

#[test]
fn non_blocking_calls_from_own_observer_still_work() {
    within(20, || {
        call_from_observer(|g| {
            assert!(!g.has_error());
            g.close_input_stream("in")
        })
    })
    .unwrap();
}

#[test]
fn feeding_a_full_queue_from_own_observer_is_unavailable() {
    // max_queue_size 1 and one worker: the observer's packet cannot be taken
    // while the observer runs, so a waiting add would never return.
    let err = within(20, || {
        call_from_observer_of(ONE_WORKER, |g| {
            let one = Packet::new(2i32);
            g.add_packet_to_input_stream("in", &one, Timestamp::new(10).unwrap())?;
            g.add_packet_to_input_stream("in", &one, Timestamp::new(11).unwrap())?;
            g.add_packet_to_input_stream("in", &one, Timestamp::new(12).unwrap())
        })
    })
    .expect_err("the queue is full");
    assert_eq!(err.code(), StatusCode::Unavailable);
    assert!(err.message().contains("observer"), "{}", err.message());
}

#[test]
fn graph_dropped_inside_its_own_observer_does_not_join_itself() {
    within(20, || {
        let graph = CalculatorGraph::from_text(PASS_THROUGH).unwrap();
        let holder: Arc<Mutex<Option<CalculatorGraph>>> = Arc::default();
        let inner = Arc::clone(&holder);
        let callback: ObserverFn = Box::new(move |_: &str, _: &Packet| {
            drop(inner.lock().unwrap().take()); // the last handle dies on the worker
            Ok(())
        });
        graph.observe_output_stream("out", callback, false).unwrap();
        graph.start_run(HashMap::new()).unwrap();
        let mut slot = holder.lock().unwrap();
        let graph = slot.insert(graph); // the observer waits for this lock
        graph.add_packet_to_input_stream("in", &Packet::new(1i32), Timestamp::new(0).unwrap()).unwrap();
        drop(slot);
        for _ in 0..2000 {
            if holder.lock().unwrap().is_none() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        panic!("the observer never ran");
    });
}
