//! Topological order of a graph's nodes.
//!
//! Owns cycle detection (streams not marked as back edges, and side
//! packets) and the open order of nodes. Reads the partly wired plan: node
//! outputs are registered, inputs are looked up by name.

use std::collections::{BTreeSet, HashMap};

use super::validate::{Plan, Producer};
use crate::status::{Result, Status, StatusCode};

fn edges(plan: &Plan) -> Vec<Vec<usize>> {
    let side_producers: HashMap<&str, usize> =
        plan.nodes.iter().enumerate().flat_map(|(n, node)| node.side_outputs.entries().iter().map(move |e| (e.name.as_str(), n))).collect();
    let mut out = vec![Vec::new(); plan.nodes.len()];
    for (n, node) in plan.nodes.iter().enumerate() {
        for (port, entry) in node.inputs.entries().iter().enumerate() {
            let producer = plan.stream_ids.get(&entry.name).map(|&id| plan.streams[id].producer);
            if let Some(Producer::Node(p, _)) = producer {
                if !node.back_edges[port] {
                    out[p].push(n);
                }
            }
        }
        for entry in node.side_inputs.entries() {
            if let Some(&p) = side_producers.get(entry.name.as_str()) {
                out[p].push(n);
            }
        }
    }
    out
}

/// Kahn's algorithm, taking the lowest-numbered ready node first so that
/// acyclic configs keep their written order where possible.
pub fn sort(plan: &Plan) -> Result<Vec<usize>> {
    let out = edges(plan);
    let mut indegree = vec![0usize; out.len()];
    for targets in &out {
        for &t in targets {
            indegree[t] += 1;
        }
    }
    let mut ready: BTreeSet<usize> = (0..out.len()).filter(|&n| indegree[n] == 0).collect();
    let mut order = Vec::with_capacity(out.len());
    while let Some(n) = ready.pop_first() {
        order.push(n);
        for &t in &out[n] {
            indegree[t] -= 1;
            if indegree[t] == 0 {
                ready.insert(t);
            }
        }
    }
    if order.len() == out.len() {
        return Ok(order);
    }
    let cycle: Vec<&str> = (0..out.len()).filter(|n| indegree[*n] > 0).map(|n| plan.nodes[n].debug_name.as_str()).collect();
    Err(Status::new(
        StatusCode::Unknown,
        format!("; Generator side packet cycle or calculator stream cycle detected in graph: [{}]", cycle.join(", ")),
    ))
}
