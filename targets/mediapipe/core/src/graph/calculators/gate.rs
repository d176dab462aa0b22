//! `GateCalculator`: passes or blocks its data streams according to an
//! ALLOW/DISALLOW stream, an ALLOW/DISALLOW side packet, or its options.
//! Blocked timestamps still advance the outputs' timestamp bounds, and an
//! optional STATE_CHANGE output reports each change of the gate state.

use prost_reflect::DynamicMessage;

use crate::graph::calculator::{Calculator, CalculatorContext, Contract, PortType};
use crate::graph::config::NodeConfig;
use crate::graph::registry::Registration;
use crate::packet::Packet;
use crate::status::Result;

/// Registry entry.
pub const REGISTRATION: Registration = Registration { contract, factory };

const OPTIONS: &str = "mediapipe.GateCalculatorOptions";

fn contract(cc: &mut Contract<'_>) -> Result<()> {
    let streams = cc.inputs.has_tag("ALLOW") as u8 + cc.inputs.has_tag("DISALLOW") as u8;
    let sides = cc.input_side_packets.has_tag("ALLOW") as u8 + cc.input_side_packets.has_tag("DISALLOW") as u8;
    if streams + sides > 1 {
        return Err(cc.violation("Only one of ALLOW and DISALLOW may be given, as an input stream or a side packet."));
    }
    let data = cc.inputs.count("");
    if cc.outputs.count("") != data {
        return Err(cc.violation("GateCalculator needs one output stream per data input stream."));
    }
    for tag in cc.outputs.tags() {
        if !tag.is_empty() && tag != "STATE_CHANGE" {
            return Err(cc.violation(format!("Unexpected output stream tag \"{tag}\".")));
        }
    }
    for tag in ["ALLOW", "DISALLOW"] {
        if cc.inputs.has_tag(tag) {
            cc.set_type("input", tag, 0, PortType::Named("bool"));
        }
        if cc.input_side_packets.has_tag(tag) {
            cc.set_type("input_side", tag, 0, PortType::Named("bool"));
        }
    }
    if cc.outputs.has_tag("STATE_CHANGE") {
        cc.set_type("output", "STATE_CHANGE", 0, PortType::Named("bool"));
    }
    Ok(())
}

fn flag(options: &Option<DynamicMessage>, field: &str) -> bool {
    options.as_ref().and_then(|o| o.get_field_by_name(field).and_then(|v| v.as_bool())).unwrap_or(false)
}

fn factory(node: &NodeConfig) -> Result<Box<dyn Calculator>> {
    let options = node.options(OPTIONS)?;
    Ok(Box::new(Gate {
        empty_as_allow: flag(&options, "empty_packets_as_allow"),
        option_allow: flag(&options, "allow"),
        fixed: None,
        last_state: None,
    }))
}

struct Gate {
    empty_as_allow: bool,
    option_allow: bool,
    /// The decision when it does not depend on a stream.
    fixed: Option<bool>,
    last_state: Option<bool>,
}

impl Gate {
    fn decide(&self, cc: &CalculatorContext) -> Result<bool> {
        if let Some(fixed) = self.fixed {
            return Ok(fixed);
        }
        for (tag, invert) in [("ALLOW", false), ("DISALLOW", true)] {
            if cc.input_tags().has_tag(tag) {
                let packet = cc.input(tag, 0)?;
                if packet.is_empty() {
                    return Ok(self.empty_as_allow);
                }
                return Ok(*packet.get::<bool>()? != invert);
            }
        }
        Ok(self.empty_as_allow)
    }
}

impl Calculator for Gate {
    fn open(&mut self, cc: &mut CalculatorContext) -> Result<()> {
        cc.set_offset(0);
        if cc.has_input_side_packet("ALLOW") {
            self.fixed = Some(*cc.input_side_packet("ALLOW", 0)?.get::<bool>()?);
        } else if cc.has_input_side_packet("DISALLOW") {
            self.fixed = Some(!*cc.input_side_packet("DISALLOW", 0)?.get::<bool>()?);
        } else if !cc.input_tags().has_tag("ALLOW") && !cc.input_tags().has_tag("DISALLOW") {
            self.fixed = Some(self.option_allow);
        }
        Ok(())
    }

    fn process(&mut self, cc: &mut CalculatorContext) -> Result<()> {
        let allow = self.decide(cc)?;
        let ts = cc.input_timestamp();
        if self.last_state.is_some_and(|last| last != allow) && cc.output_tags().has_tag("STATE_CHANGE") {
            cc.add_output("STATE_CHANGE", 0, Packet::new(allow).at(ts))?;
        }
        self.last_state = Some(allow);
        let data = cc.input_tags().count("");
        for i in 0..data {
            if !allow {
                cc.set_next_timestamp_bound("", i, ts.next_allowed_in_stream())?;
                continue;
            }
            let packet = cc.input("", i)?.clone();
            if !packet.is_empty() {
                cc.add_output("", i, packet)?;
            }
        }
        Ok(())
    }
}
