//! `SidePacketToStreamCalculator`: emits its input side packets as stream
//! packets. The output tag chooses when: `AT_PRESTREAM`, `AT_POSTSTREAM`,
//! `AT_ZERO` (once, when the node closes; the node is a source) or
//! `AT_TICK` / `AT_FIRST_TICK` (at the timestamp of each / the first
//! packet on the TICK input). Output `i` carries untagged side packet `i`.

use crate::graph::calculator::{Calculator, CalculatorContext, Contract};
use crate::graph::config::NodeConfig;
use crate::graph::registry::Registration;
use crate::status::{Result, Status};
use crate::timestamp::Timestamp;

/// Registry entry.
pub const REGISTRATION: Registration = Registration { contract, factory };

const TAGS: [&str; 5] = ["AT_PRESTREAM", "AT_POSTSTREAM", "AT_ZERO", "AT_TICK", "AT_FIRST_TICK"];

fn output_tag(cc: &Contract<'_>) -> Result<&'static str> {
    let used: Vec<&'static str> = TAGS.into_iter().filter(|t| cc.outputs.has_tag(t)).collect();
    match used.as_slice() {
        [tag] if cc.outputs.len() == cc.outputs.count(tag) => Ok(tag),
        _ => Err(cc.violation(format!("Exactly one output stream tag out of {} must be used.", TAGS.join(", ")))),
    }
}

fn contract(cc: &mut Contract<'_>) -> Result<()> {
    let tag = output_tag(cc)?;
    let ticked = tag.ends_with("TICK");
    if ticked != cc.inputs.has_tag("TICK") || cc.inputs.len() != ticked as usize {
        return Err(cc.violation("The TICK input stream is needed with AT_TICK / AT_FIRST_TICK, and only then."));
    }
    if cc.outputs.count(tag) != cc.input_side_packets.count("") || cc.input_side_packets.len() != cc.outputs.len() {
        return Err(cc.violation("The number of output streams must match the number of input side packets."));
    }
    Ok(())
}

fn factory(node: &NodeConfig) -> Result<Box<dyn Calculator>> {
    let tag = node
        .output_streams
        .iter()
        .find_map(|s| TAGS.into_iter().find(|t| s.starts_with(&format!("{t}:"))))
        .ok_or_else(|| Status::invalid_argument("SidePacketToStreamCalculator has no output tag"))?;
    Ok(Box::new(SidePacketToStream { tag, ticks_seen: 0 }))
}

struct SidePacketToStream {
    tag: &'static str,
    ticks_seen: u64,
}

impl SidePacketToStream {
    fn emit_all(&self, cc: &mut CalculatorContext, ts: Timestamp) -> Result<()> {
        for i in 0..cc.output_tags().count(self.tag) {
            let packet = cc.input_side_packet("", i)?.at(ts);
            cc.add_output(self.tag, i, packet)?;
        }
        Ok(())
    }
}

impl Calculator for SidePacketToStream {
    fn process(&mut self, cc: &mut CalculatorContext) -> Result<()> {
        if !self.tag.ends_with("TICK") {
            cc.stop();
            return Ok(());
        }
        let tick = cc.input("TICK", 0)?.timestamp();
        self.ticks_seen += 1;
        if self.tag == "AT_TICK" || self.ticks_seen == 1 {
            self.emit_all(cc, tick)?;
        }
        Ok(())
    }

    fn close(&mut self, cc: &mut CalculatorContext) -> Result<()> {
        let ts = match self.tag {
            "AT_PRESTREAM" => Timestamp::PRESTREAM,
            "AT_POSTSTREAM" => Timestamp::POSTSTREAM,
            "AT_ZERO" => Timestamp::from_raw(0),
            _ => return Ok(()),
        };
        self.emit_all(cc, ts)
    }
}
