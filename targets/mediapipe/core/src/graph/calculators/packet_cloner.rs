//! `PacketClonerCalculator`: on every TICK packet, re-emits the latest
//! packet seen on each data stream at the tick's timestamp.
//!
//! The tick is the input tagged TICK, or else the last untagged input.
//! Inputs are handled as they arrive (immediate input handling).

use crate::graph::calculator::{Calculator, CalculatorContext, Contract, InputPolicy};
use crate::graph::config::NodeConfig;
use crate::graph::registry::Registration;
use crate::packet::Packet;
use crate::status::Result;

/// Registry entry.
pub const REGISTRATION: Registration = Registration { contract, factory };

const OPTIONS: &str = "mediapipe.PacketClonerCalculatorOptions";

/// `(data input positions, tick input position)`.
fn layout(inputs: &crate::graph::tag_map::TagMap) -> Option<(Vec<usize>, usize)> {
    let untagged: Vec<usize> = (0..inputs.count("")).filter_map(|i| inputs.position("", i)).collect();
    if let Some(tick) = inputs.position("TICK", 0) {
        return Some((untagged, tick));
    }
    let (tick, data) = untagged.split_last()?;
    Some((data.to_vec(), *tick))
}

fn contract(cc: &mut Contract<'_>) -> Result<()> {
    let Some((data, _)) = layout(cc.inputs) else {
        return Err(cc.violation("PacketClonerCalculator needs a tick input stream."));
    };
    if cc.outputs.count("") != data.len() || cc.outputs.len() != data.len() {
        return Err(cc.violation("PacketClonerCalculator needs one untagged output stream per data input stream."));
    }
    cc.input_policy = InputPolicy::Immediate;
    Ok(())
}

fn factory(node: &NodeConfig) -> Result<Box<dyn Calculator>> {
    let all = node.options(OPTIONS)?.and_then(|o| o.get_field_by_name("output_only_when_all_inputs_received")?.as_bool()).unwrap_or(false);
    Ok(Box::new(Cloner { only_when_all: all, data: Vec::new(), tick: 0, latest: Vec::new() }))
}

struct Cloner {
    only_when_all: bool,
    data: Vec<usize>,
    tick: usize,
    latest: Vec<Packet>,
}

impl Calculator for Cloner {
    fn open(&mut self, cc: &mut CalculatorContext) -> Result<()> {
        cc.set_offset(0);
        if let Some((data, tick)) = layout(cc.input_tags()) {
            self.latest = vec![Packet::empty(); data.len()];
            self.data = data;
            self.tick = tick;
        }
        Ok(())
    }

    fn process(&mut self, cc: &mut CalculatorContext) -> Result<()> {
        for (slot, &pos) in self.data.iter().enumerate() {
            if !cc.inputs[pos].is_empty() {
                self.latest[slot] = cc.inputs[pos].clone();
            }
        }
        let tick = &cc.inputs[self.tick];
        if tick.is_empty() {
            return Ok(());
        }
        let ts = tick.timestamp();
        let all_seen = self.latest.iter().all(|p| !p.is_empty());
        for slot in 0..self.data.len() {
            let packet = self.latest[slot].clone();
            if packet.is_empty() || (self.only_when_all && !all_seen) {
                cc.set_next_timestamp_bound("", slot, ts.next_allowed_in_stream())?;
            } else {
                cc.add_output("", slot, packet.at(ts))?;
            }
        }
        Ok(())
    }
}
