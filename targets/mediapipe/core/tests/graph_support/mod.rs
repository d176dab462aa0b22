//! Helpers shared by the graph test files: timeouts and observer sinks.
#![allow(dead_code)]

use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use mediapipe_core::graph::{CalculatorGraph, ObserverFn};
use mediapipe_core::{Packet, Result};

/// Runs `f` on a thread and fails the test if it takes longer than `secs`.
pub fn within<T: Send + 'static>(secs: u64, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(secs)).expect("test step timed out or panicked")
}

/// Packets seen by an observer, with their stream names.
pub type Seen = Arc<Mutex<Vec<(String, Packet)>>>;

/// An observer callback that records every call.
pub fn recorder() -> (Seen, ObserverFn) {
    let seen: Seen = Arc::default();
    let sink = Arc::clone(&seen);
    let callback: ObserverFn = Box::new(move |name: &str, packet: &Packet| -> Result<()> {
        sink.lock().unwrap().push((name.to_string(), packet.clone()));
        Ok(())
    });
    (seen, callback)
}

/// The timestamps of recorded packets.
pub fn timestamps(seen: &Seen) -> Vec<i64> {
    seen.lock().unwrap().iter().map(|(_, p)| p.timestamp().value()).collect()
}

/// A string packet.
pub fn text(s: &str) -> Packet {
    Packet::new(s.as_bytes().to_vec())
}

/// Observes `stream` of `graph` and returns the recording.
pub fn observe(graph: &CalculatorGraph, stream: &str, bounds: bool) -> Seen {
    let (seen, callback) = recorder();
    graph.observe_output_stream(stream, callback, bounds).unwrap();
    seen
}

/// A one-node PassThrough graph `in` → `out`.
pub const PASS_THROUGH: &str = r#"
  max_queue_size: 1
  input_stream: 'in'
  output_stream: 'out'
  node {
    calculator: 'PassThroughCalculator'
    input_stream: 'in'
    output_stream: 'out'
  }
"#;
