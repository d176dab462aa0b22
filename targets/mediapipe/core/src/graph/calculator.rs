//! The calculator interface: the [`Calculator`] trait, the per-call
//! [`CalculatorContext`] and the [`Contract`] a calculator checks its node
//! wiring against.
//!
//! Owns what a calculator sees of the graph: its input packets at one
//! timestamp, its outputs, its side packets and options. It does not decide
//! when calculators run (that is the scheduler's job) nor which calculators
//! exist (that is the registry's).

use std::sync::Arc;

use prost_reflect::DynamicMessage;

use super::config::NodeConfig;
use super::tag_map::TagMap;
use crate::packet::Packet;
use crate::status::{Result, Status};
use crate::timestamp::Timestamp;

/// A processing step of a graph. One instance serves one node; the
/// scheduler never calls it from two threads at once.
pub trait Calculator: Send {
    /// Called once per run before any `process`; may set output side
    /// packets and the timestamp offset.
    fn open(&mut self, _cc: &mut CalculatorContext) -> Result<()> {
        Ok(())
    }

    /// Called for each input timestamp the input stream handler releases
    /// (for source nodes: repeatedly until [`CalculatorContext::stop`]).
    fn process(&mut self, cc: &mut CalculatorContext) -> Result<()>;

    /// Called once when every input stream is done (or on cancellation).
    fn close(&mut self, _cc: &mut CalculatorContext) -> Result<()> {
        Ok(())
    }
}

/// The declared packet type of a port, used by `ValidatedGraphConfig` and
/// by side-packet checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PortType {
    /// Any packet type (MediaPipe's `AnyType`).
    Any,
    /// A packet holding the named C++ type, e.g. `"string"` or `"uint64_t"`.
    Named(&'static str),
}

/// How a node's inputs are grouped into `process` calls.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum InputPolicy {
    /// `DefaultInputStreamHandler`: one call per timestamp once every input
    /// either has a packet at it or has moved past it.
    #[default]
    SyncByTimestamp,
    /// `ImmediateInputStreamHandler`: one call per arriving packet (or bound
    /// change), without waiting for the other inputs.
    Immediate,
}

/// A node's wiring as seen by its calculator's contract check.
#[derive(Debug)]
pub struct Contract<'a> {
    /// The node being checked.
    pub node: &'a NodeConfig,
    /// Input stream ports.
    pub inputs: &'a TagMap,
    /// Output stream ports.
    pub outputs: &'a TagMap,
    /// Input side packet ports.
    pub input_side_packets: &'a TagMap,
    /// Output side packet ports.
    pub output_side_packets: &'a TagMap,
    /// Declared `(kind, tag, index, type)` entries; kind is one of
    /// `"input"`, `"output"`, `"input_side"`, `"output_side"`.
    pub types: Vec<(&'static str, String, usize, PortType)>,
    /// Input grouping the calculator needs.
    pub input_policy: InputPolicy,
}

impl Contract<'_> {
    /// Declares the type of one port.
    pub fn set_type(&mut self, kind: &'static str, tag: &str, index: usize, ty: PortType) {
        self.types.push((kind, tag.to_string(), index, ty));
    }

    /// An INVALID_ARGUMENT contract violation.
    pub fn violation(&self, message: impl Into<String>) -> Status {
        Status::invalid_argument(message)
    }
}

/// Everything one `open`/`process`/`close` call may read or write.
pub struct CalculatorContext {
    pub(crate) node: Arc<NodeConfig>,
    pub(crate) input_tags: Arc<TagMap>,
    pub(crate) output_tags: Arc<TagMap>,
    pub(crate) side_in_tags: Arc<TagMap>,
    pub(crate) side_out_tags: Arc<TagMap>,
    pub(crate) input_timestamp: Timestamp,
    pub(crate) inputs: Vec<Packet>,
    pub(crate) input_side_packets: Vec<Packet>,
    pub(crate) outputs: Vec<Vec<Packet>>,
    pub(crate) bounds: Vec<Option<Timestamp>>,
    pub(crate) output_side_packets: Vec<Option<Packet>>,
    pub(crate) offset: Option<i64>,
    pub(crate) stop: bool,
}

fn port(map: &TagMap, tag: &str, index: usize, what: &str) -> Result<usize> {
    map.position(tag, index).ok_or_else(|| Status::internal(format!("No {what} with tag \"{tag}\" and index {index}")))
}

impl CalculatorContext {
    /// The timestamp of the current `process` call (UNSTARTED in `open`,
    /// DONE in `close`).
    pub fn input_timestamp(&self) -> Timestamp {
        self.input_timestamp
    }

    /// The node's config (for options and names).
    pub fn node(&self) -> &NodeConfig {
        &self.node
    }

    /// The node's options message of the given type, if present.
    pub fn options(&self, full_name: &str) -> Result<Option<DynamicMessage>> {
        self.node.options(full_name)
    }

    /// Input stream ports.
    pub fn input_tags(&self) -> &TagMap {
        &self.input_tags
    }

    /// Output stream ports.
    pub fn output_tags(&self) -> &TagMap {
        &self.output_tags
    }

    /// The input packet on port `(tag, index)` at the current timestamp
    /// (empty when the stream has none).
    pub fn input(&self, tag: &str, index: usize) -> Result<&Packet> {
        let p = port(&self.input_tags, tag, index, "input stream")?;
        self.inputs.get(p).ok_or_else(|| Status::internal("input packet missing"))
    }

    /// All input packets in port declaration order.
    pub fn inputs(&self) -> &[Packet] {
        &self.inputs
    }

    /// Queues `packet` (which must carry its timestamp) on output port
    /// `(tag, index)`.
    pub fn add_output(&mut self, tag: &str, index: usize, packet: Packet) -> Result<()> {
        let p = port(&self.output_tags, tag, index, "output stream")?;
        self.add_output_at(p, packet)
    }

    /// Queues `packet` on the output port at declaration position `position`.
    pub fn add_output_at(&mut self, position: usize, packet: Packet) -> Result<()> {
        let slot = self.outputs.get_mut(position).ok_or_else(|| Status::internal(format!("No output stream at position {position}")))?;
        slot.push(packet);
        Ok(())
    }

    /// Promises that port `(tag, index)` gets no packet below `bound`.
    pub fn set_next_timestamp_bound(&mut self, tag: &str, index: usize, bound: Timestamp) -> Result<()> {
        let p = port(&self.output_tags, tag, index, "output stream")?;
        let slot = self.bounds.get_mut(p).ok_or_else(|| Status::internal("output bound missing"))?;
        *slot = Some(slot.map_or(bound, |b| b.max(bound)));
        Ok(())
    }

    /// The input side packet on port `(tag, index)`.
    pub fn input_side_packet(&self, tag: &str, index: usize) -> Result<&Packet> {
        let p = port(&self.side_in_tags, tag, index, "input side packet")?;
        self.input_side_packets.get(p).ok_or_else(|| Status::internal("input side packet missing"))
    }

    /// True when the node has an input side packet with `tag`.
    pub fn has_input_side_packet(&self, tag: &str) -> bool {
        self.side_in_tags.has_tag(tag)
    }

    /// Sets the output side packet on port `(tag, index)`.
    pub fn set_output_side_packet(&mut self, tag: &str, index: usize, packet: Packet) -> Result<()> {
        let p = port(&self.side_out_tags, tag, index, "output side packet")?;
        let slot = self.output_side_packets.get_mut(p).ok_or_else(|| Status::internal("output side packet missing"))?;
        *slot = Some(packet);
        Ok(())
    }

    /// Declares that outputs at timestamp `t` follow inputs at `t - offset`,
    /// letting the scheduler advance output bounds without packets.
    pub fn set_offset(&mut self, offset: i64) {
        self.offset = Some(offset);
    }

    /// Ends a source node: no more `process` calls; `close` follows.
    pub fn stop(&mut self) {
        self.stop = true;
    }
}
