//! `FlowLimiterCalculator`: lets at most `max_in_flight` frames of its
//! first input into the downstream subgraph at once, keeping at most
//! `max_in_queue` waiting and dropping the oldest beyond that.
//!
//! A frame counts as in flight until a packet with its timestamp (or a
//! later one) arrives on the FINISHED input, normally a back edge from the
//! subgraph's output. The optional ALLOW output reports, at each frame's
//! timestamp, whether the frame was released (true) or dropped (false).
//! bindery's version handles a single data stream.

use std::collections::VecDeque;

use crate::graph::calculator::{Calculator, CalculatorContext, Contract, InputPolicy, PortType};
use crate::graph::config::NodeConfig;
use crate::graph::registry::Registration;
use crate::packet::Packet;
use crate::status::Result;
use crate::timestamp::Timestamp;

/// Registry entry.
pub const REGISTRATION: Registration = Registration { contract, factory };

const OPTIONS: &str = "mediapipe.FlowLimiterCalculatorOptions";

fn contract(cc: &mut Contract<'_>) -> Result<()> {
    if cc.inputs.count("") != 1 || cc.outputs.count("") != 1 {
        return Err(cc.violation("FlowLimiterCalculator needs exactly one untagged input and one untagged output stream."));
    }
    if !cc.inputs.has_tag("FINISHED") {
        return Err(cc.violation("FlowLimiterCalculator needs a FINISHED input stream."));
    }
    if cc.outputs.has_tag("ALLOW") {
        cc.set_type("output", "ALLOW", 0, PortType::Named("bool"));
    }
    cc.input_policy = InputPolicy::Immediate;
    Ok(())
}

fn factory(node: &NodeConfig) -> Result<Box<dyn Calculator>> {
    let options = node.options(OPTIONS)?;
    let int = |field: &str, default: i64| {
        options
            .as_ref()
            .and_then(|o| o.get_field_by_name(field))
            .and_then(|v| v.as_i32().map(i64::from).or_else(|| v.as_i64()))
            .unwrap_or(default)
    };
    Ok(Box::new(FlowLimiter {
        max_in_flight: int("max_in_flight", 1).max(0) as usize,
        max_in_queue: int("max_in_queue", 0).max(0) as usize,
        timeout: int("in_flight_timeout", 1_000_000),
        in_flight: VecDeque::new(),
        queue: VecDeque::new(),
    }))
}

struct FlowLimiter {
    max_in_flight: usize,
    max_in_queue: usize,
    timeout: i64,
    in_flight: VecDeque<Timestamp>,
    queue: VecDeque<Packet>,
}

impl FlowLimiter {
    fn send_allow(cc: &mut CalculatorContext, allow: bool, ts: Timestamp) -> Result<()> {
        if cc.output_tags().has_tag("ALLOW") {
            cc.add_output("ALLOW", 0, Packet::new(allow).at(ts))?;
        }
        Ok(())
    }

    fn expire(&mut self, latest: Timestamp) {
        if self.timeout <= 0 || !latest.is_range_value() {
            return;
        }
        while let Some(front) = self.in_flight.front() {
            let age = latest.value().saturating_sub(front.value());
            if age <= self.timeout {
                break;
            }
            self.in_flight.pop_front();
        }
    }
}

impl Calculator for FlowLimiter {
    fn process(&mut self, cc: &mut CalculatorContext) -> Result<()> {
        let finished = cc.input("FINISHED", 0)?.clone();
        if !finished.is_empty() {
            while self.in_flight.front().is_some_and(|t| *t <= finished.timestamp()) {
                self.in_flight.pop_front();
            }
        }
        let frame = cc.input("", 0)?.clone();
        if !frame.is_empty() {
            self.expire(frame.timestamp());
            self.queue.push_back(frame);
        }
        while self.in_flight.len() < self.max_in_flight {
            let Some(packet) = self.queue.pop_front() else { break };
            let ts = packet.timestamp();
            cc.add_output("", 0, packet)?;
            Self::send_allow(cc, true, ts)?;
            self.in_flight.push_back(ts);
        }
        while self.queue.len() > self.max_in_queue {
            let Some(dropped) = self.queue.pop_front() else { break };
            Self::send_allow(cc, false, dropped.timestamp())?;
            cc.set_next_timestamp_bound("", 0, dropped.timestamp().next_allowed_in_stream())?;
        }
        Ok(())
    }
}
