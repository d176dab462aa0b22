//! `PassThroughCalculator`: forwards every input packet to the output with
//! the same tag and index, and input side packets to output side packets.

use crate::graph::calculator::{Calculator, CalculatorContext, Contract};
use crate::graph::config::NodeConfig;
use crate::graph::registry::Registration;
use crate::status::Result;

/// Registry entry.
pub const REGISTRATION: Registration = Registration { contract, factory };

fn contract(cc: &mut Contract<'_>) -> Result<()> {
    if cc.inputs.shape() != cc.outputs.shape() {
        return Err(cc.violation("Input and output streams to PassThroughCalculator must use matching tags and indexes."));
    }
    if cc.input_side_packets.shape() != cc.output_side_packets.shape() {
        return Err(cc.violation("Input and output side packets to PassThroughCalculator must use matching tags and indexes."));
    }
    Ok(())
}

fn factory(_node: &NodeConfig) -> Result<Box<dyn Calculator>> {
    Ok(Box::new(PassThrough { routes: Vec::new() }))
}

/// Output position for each input position.
struct PassThrough {
    routes: Vec<usize>,
}

impl Calculator for PassThrough {
    fn open(&mut self, cc: &mut CalculatorContext) -> Result<()> {
        cc.set_offset(0);
        let (inputs, outputs) = (cc.input_tags().clone(), cc.output_tags().clone());
        self.routes = inputs.entries().iter().map(|e| outputs.position(&e.tag, e.index).unwrap_or(usize::MAX)).collect();
        let sides: Vec<(String, usize)> = cc.side_in_tags.entries().iter().map(|e| (e.tag.clone(), e.index)).collect();
        for (tag, index) in sides {
            let packet = cc.input_side_packet(&tag, index)?.clone();
            cc.set_output_side_packet(&tag, index, packet)?;
        }
        Ok(())
    }

    fn process(&mut self, cc: &mut CalculatorContext) -> Result<()> {
        for (input, &output) in self.routes.iter().enumerate() {
            let packet = &cc.inputs[input];
            if !packet.is_empty() {
                let packet = packet.clone();
                cc.add_output_at(output, packet)?;
            }
        }
        Ok(())
    }
}
