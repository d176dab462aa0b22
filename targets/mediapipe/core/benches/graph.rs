//! Graph benchmarks (plain `std::time`, printed as a table):
//! - PassThrough graph, µs per packet over 10k packets (add → observer),
//!   for a 1-node and a 4-node chain;
//! - graph build (text parse + validation) + start_run + close, µs each.
//!
//! Run: `CARGO_TARGET_DIR=/work/tgt/mpd cargo bench -p mediapipe-core --bench graph`.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use mediapipe_core::graph::CalculatorGraph;
use mediapipe_core::{Packet, Timestamp};

const PACKETS: i64 = 10_000;

fn chain(nodes: usize) -> String {
    let mut text = String::from("input_stream: 's0'\n");
    for i in 0..nodes {
        text += &format!("node {{ calculator: 'PassThroughCalculator' input_stream: 's{i}' output_stream: 's{}' }}\n", i + 1);
    }
    text
}

/// µs per packet through a chain of `nodes` PassThrough calculators.
fn per_packet(nodes: usize) -> f64 {
    let graph = CalculatorGraph::from_text(&chain(nodes)).expect("valid config");
    let count = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&count);
    let last = format!("s{nodes}");
    graph
        .observe_output_stream(
            &last,
            Box::new(move |_, _| {
                seen.fetch_add(1, Ordering::Relaxed);
                Ok(())
            }),
            false,
        )
        .expect("stream exists");
    graph.start_run(HashMap::new()).expect("start");
    let payload = Packet::new(7i32);
    let start = Instant::now();
    for t in 0..PACKETS {
        let ts = Timestamp::new(t).expect("range value");
        graph.add_packet_to_input_stream("s0", &payload, ts).expect("add");
    }
    graph.close().expect("close");
    let elapsed = start.elapsed();
    assert_eq!(count.load(Ordering::Relaxed), PACKETS as usize);
    elapsed.as_secs_f64() * 1e6 / PACKETS as f64
}

/// µs per build + start_run + close of a 1-node graph.
fn lifecycle(rounds: usize) -> f64 {
    let text = chain(1);
    let start = Instant::now();
    for _ in 0..rounds {
        let graph = CalculatorGraph::from_text(&text).expect("valid config");
        graph.start_run(HashMap::new()).expect("start");
        graph.close().expect("close");
    }
    start.elapsed().as_secs_f64() * 1e6 / rounds as f64
}

fn main() {
    let _ = per_packet(1); // warm-up: descriptor pool, thread creation
    println!("| benchmark | result |");
    println!("|---|---|");
    println!("| PassThrough x1, {PACKETS} packets | {:.2} µs/packet |", per_packet(1));
    println!("| PassThrough x4, {PACKETS} packets | {:.2} µs/packet |", per_packet(4));
    println!("| build + start_run + close (1 node) | {:.1} µs |", lifecycle(200));
}
