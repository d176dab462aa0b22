//! Back-pressure on graph input streams in both add modes, with a
//! calculator that blocks until the test releases it.

mod graph_support;

use std::collections::HashMap;
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use graph_support::{observe, text, timestamps, within};
use mediapipe_core::graph::{
    Calculator, CalculatorContext, CalculatorGraph, Contract, GraphInputStreamAddMode, NodeConfig, register_calculator,
};
use mediapipe_core::{Result, StatusCode, Timestamp};

/// Open/closed gate the blocking calculators wait on, one per test.
struct Latch {
    open: Mutex<bool>,
    cv: Condvar,
}

static WAIT_LATCH: Latch = Latch { open: Mutex::new(false), cv: Condvar::new() };
static ADD_LATCH: Latch = Latch { open: Mutex::new(false), cv: Condvar::new() };

impl Latch {
    fn wait(&self) {
        let mut open = self.open.lock().unwrap();
        while !*open {
            open = self.cv.wait(open).unwrap();
        }
    }
    fn release(&self) {
        *self.open.lock().unwrap() = true;
        self.cv.notify_all();
    }
}

/// Forwards its input after the latch opens.
struct Blocking(&'static Latch);

impl Calculator for Blocking {
    fn process(&mut self, cc: &mut CalculatorContext) -> Result<()> {
        self.0.wait();
        let packet = cc.input("", 0)?.clone();
        cc.add_output("", 0, packet)
    }
}

fn any_contract(_cc: &mut Contract<'_>) -> Result<()> {
    Ok(())
}

fn blocking_graph(name: &str, factory: fn(&NodeConfig) -> Result<Box<dyn Calculator>>) -> CalculatorGraph {
    register_calculator(name, any_contract, factory);
    CalculatorGraph::from_text(&format!(
        "input_stream: 'in' max_queue_size: 2
         node {{ calculator: '{name}' input_stream: 'in' output_stream: 'out' }}"
    ))
    .unwrap()
}

fn ts(v: i64) -> Timestamp {
    Timestamp::new(v).unwrap()
}

/// Adds packets 0..n and waits until the blocked calculator holds packet 0
/// (so exactly n - 1 packets sit in the queue).
fn fill(g: &CalculatorGraph, n: i64) {
    for t in 0..n {
        g.add_packet_to_input_stream("in", &text("x"), ts(t)).unwrap();
        if t == 0 {
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

#[test]
fn add_if_not_full_returns_unavailable_when_full() {
    within(30, || {
        let g = blocking_graph("BlockingAddCalculator", |_| Ok(Box::new(Blocking(&ADD_LATCH))));
        let out = observe(&g, "out", false);
        g.set_graph_input_stream_add_mode(GraphInputStreamAddMode::AddIfNotFull);
        assert_eq!(g.graph_input_stream_add_mode(), GraphInputStreamAddMode::AddIfNotFull);
        g.start_run(HashMap::new()).unwrap();
        fill(&g, 3);
        let e = g.add_packet_to_input_stream("in", &text("x"), ts(3)).unwrap_err();
        assert_eq!(e.code(), StatusCode::Unavailable);
        assert_eq!(e.message(), "Graph is throttled.");
        ADD_LATCH.release();
        g.wait_until_idle().unwrap();
        g.add_packet_to_input_stream("in", &text("x"), ts(3)).unwrap();
        g.close().unwrap();
        assert_eq!(timestamps(&out), vec![0, 1, 2, 3]);
    });
}

#[test]
fn wait_till_not_full_blocks_until_there_is_room() {
    within(30, || {
        let g = Arc::new(blocking_graph("BlockingWaitCalculator", |_| Ok(Box::new(Blocking(&WAIT_LATCH)))));
        let out = observe(&g, "out", false);
        assert_eq!(g.graph_input_stream_add_mode(), GraphInputStreamAddMode::WaitTillNotFull);
        g.start_run(HashMap::new()).unwrap();
        fill(&g, 3);
        let (tx, rx) = mpsc::channel();
        let feeder = {
            let g = Arc::clone(&g);
            std::thread::spawn(move || {
                let result = g.add_packet_to_input_stream("in", &text("x"), ts(3));
                tx.send(result).unwrap();
            })
        };
        assert!(rx.recv_timeout(Duration::from_millis(300)).is_err(), "add should block while the queue is full");
        WAIT_LATCH.release();
        rx.recv_timeout(Duration::from_secs(10)).unwrap().unwrap();
        feeder.join().unwrap();
        g.close().unwrap();
        assert_eq!(timestamps(&out), vec![0, 1, 2, 3]);
    });
}

#[test]
fn a_queue_that_cannot_drain_grows_instead_of_deadlocking() {
    within(30, || {
        // 'b' never gets packets, so the node cannot run and 'a' fills up;
        // with the graph idle, adds must still go through.
        let g = CalculatorGraph::from_text(
            "input_stream: 'a' input_stream: 'b' max_queue_size: 1
             node { calculator: 'PassThroughCalculator' input_stream: 'a' input_stream: 'b' output_stream: 'x' output_stream: 'y' }",
        )
        .unwrap();
        let x = observe(&g, "x", false);
        g.start_run(HashMap::new()).unwrap();
        for t in 0..5 {
            g.add_packet_to_input_stream("a", &text("x"), ts(t)).unwrap();
        }
        g.close().unwrap();
        assert_eq!(timestamps(&x), vec![0, 1, 2, 3, 4]);
    });
}
