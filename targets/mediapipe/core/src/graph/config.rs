//! Typed view of a `CalculatorGraphConfig` message.
//!
//! Owns the reading of the fields the engine uses out of the dynamic
//! protobuf message (nodes, streams, side packets, queue size, threads,
//! calculator options). It keeps the original message for `text_config` /
//! `binary_config`. Validation of the wiring is `validate`'s job.

use std::borrow::Cow;

use prost_reflect::{DynamicMessage, Kind, ReflectMessage, Value};

use super::proto;
use crate::status::{Result, Status};

/// Default `max_queue_size` when the config leaves it unset (0).
pub const DEFAULT_MAX_QUEUE_SIZE: i32 = 100;

/// One node of the config.
#[derive(Clone, Debug)]
pub struct NodeConfig {
    /// `name` field (may be empty).
    pub name: String,
    /// Registered calculator type.
    pub calculator: String,
    /// Raw `input_stream` references.
    pub input_streams: Vec<String>,
    /// Raw `output_stream` references.
    pub output_streams: Vec<String>,
    /// Raw `input_side_packet` references (including legacy `external_input`).
    pub input_side_packets: Vec<String>,
    /// Raw `output_side_packet` references.
    pub output_side_packets: Vec<String>,
    /// `(tag_index, back_edge)` pairs of `input_stream_info`.
    pub input_stream_info: Vec<(String, bool)>,
    /// Name of the node's own input stream handler, if set.
    pub input_stream_handler: Option<String>,
    /// `executor` field (empty = default executor).
    pub executor: String,
    /// The node message itself (options are read from it on demand).
    pub message: DynamicMessage,
}

/// The graph config: its typed fields plus the original message.
#[derive(Clone, Debug)]
pub struct GraphConfig {
    /// The nodes in config order.
    pub nodes: Vec<NodeConfig>,
    /// Graph input streams (raw references).
    pub input_streams: Vec<String>,
    /// Graph output streams (raw references).
    pub output_streams: Vec<String>,
    /// Graph input side packets (raw references).
    pub input_side_packets: Vec<String>,
    /// Graph output side packets (raw references).
    pub output_side_packets: Vec<String>,
    /// `num_threads` (0 = automatic).
    pub num_threads: i32,
    /// `max_queue_size` as written (0 = default 100, negative = unlimited).
    pub max_queue_size: i32,
    /// Graph-level input stream handler, if set (applies to nodes that
    /// set none and whose calculator asks for none).
    pub input_stream_handler: Option<String>,
    /// Names of the configured executors (before canonicalization).
    pub executors: Vec<String>,
    /// The config message.
    pub message: DynamicMessage,
}

fn strings(msg: &DynamicMessage, field: &str) -> Vec<String> {
    match msg.get_field_by_name(field).as_deref() {
        Some(Value::List(items)) => items.iter().filter_map(|v| v.as_str().map(str::to_string)).collect(),
        _ => Vec::new(),
    }
}

fn string(msg: &DynamicMessage, field: &str) -> String {
    msg.get_field_by_name(field).and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

fn int(msg: &DynamicMessage, field: &str) -> i32 {
    msg.get_field_by_name(field).and_then(|v| v.as_i32()).unwrap_or(0)
}

fn messages(msg: &DynamicMessage, field: &str) -> Vec<DynamicMessage> {
    match msg.get_field_by_name(field).as_deref() {
        Some(Value::List(items)) => items.iter().filter_map(|v| v.as_message().cloned()).collect(),
        _ => Vec::new(),
    }
}

fn present_message(msg: &DynamicMessage, field: &str) -> Option<DynamicMessage> {
    if !msg.has_field_by_name(field) {
        return None;
    }
    msg.get_field_by_name(field).and_then(|v| v.as_message().cloned())
}

impl NodeConfig {
    fn from_message(msg: DynamicMessage) -> NodeConfig {
        let mut input_side_packets = strings(&msg, "input_side_packet");
        input_side_packets.extend(strings(&msg, "external_input"));
        let input_stream_info = messages(&msg, "input_stream_info")
            .iter()
            .map(|info| {
                let back = info.get_field_by_name("back_edge").and_then(|v| v.as_bool());
                (string(info, "tag_index"), back.unwrap_or(false))
            })
            .collect();
        let input_stream_handler = present_message(&msg, "input_stream_handler").map(|h| string(&h, "input_stream_handler"));
        NodeConfig {
            name: string(&msg, "name"),
            calculator: string(&msg, "calculator"),
            input_streams: strings(&msg, "input_stream"),
            output_streams: strings(&msg, "output_stream"),
            input_side_packets,
            output_side_packets: strings(&msg, "output_side_packet"),
            input_stream_info,
            input_stream_handler,
            executor: string(&msg, "executor"),
            message: msg,
        }
    }

    /// The node's options message of type `full_name` (e.g.
    /// `"mediapipe.GateCalculatorOptions"`), looked up first among the
    /// `options` extensions, then among the `node_options` `Any`s.
    pub fn options(&self, full_name: &str) -> Result<Option<DynamicMessage>> {
        if let Some(opts) = present_message(&self.message, "options") {
            for (_, value) in opts.extensions() {
                if let Some(m) = value.as_message() {
                    if m.descriptor().full_name() == full_name {
                        return Ok(Some(m.clone()));
                    }
                }
            }
        }
        for any in messages(&self.message, "node_options") {
            let url = string(&any, "type_url");
            if url.rsplit('/').next() == Some(full_name) {
                return decode_any_value(&any, full_name).map(Some);
            }
        }
        Ok(None)
    }
}

fn decode_any_value(any: &DynamicMessage, full_name: &str) -> Result<DynamicMessage> {
    let desc = proto::message_descriptor(full_name)?;
    let bytes = match any.get_field_by_name("value") {
        Some(Cow::Owned(Value::Bytes(b))) => b,
        Some(Cow::Borrowed(Value::Bytes(b))) => b.clone(),
        _ => Default::default(),
    };
    DynamicMessage::decode(desc, bytes).map_err(|e| Status::invalid_argument(format!("Bad node_options for {full_name}: {e}")))
}

impl GraphConfig {
    /// Reads the typed fields of a `CalculatorGraphConfig` message.
    pub fn from_message(message: DynamicMessage) -> GraphConfig {
        let input_stream_handler = present_message(&message, "input_stream_handler").map(|h| string(&h, "input_stream_handler"));
        let nodes = messages(&message, "node").into_iter().map(NodeConfig::from_message).collect();
        let executors = messages(&message, "executor").iter().map(|e| string(e, "name")).collect();
        GraphConfig {
            executors,
            input_stream_handler,
            nodes,
            input_streams: strings(&message, "input_stream"),
            output_streams: strings(&message, "output_stream"),
            input_side_packets: strings(&message, "input_side_packet"),
            output_side_packets: strings(&message, "output_side_packet"),
            num_threads: int(&message, "num_threads"),
            max_queue_size: int(&message, "max_queue_size"),
            message,
        }
    }

    /// MediaPipe's canonical form of the config: a default `executor {}`
    /// entry is added when the config names no executor and no thread count.
    pub fn canonicalize(&mut self) {
        let desc = self.message.descriptor();
        let Some(field) = desc.get_field_by_name("executor") else { return };
        let Kind::Message(executor) = field.kind() else { return };
        if self.num_threads != 0 {
            return;
        }
        if let Value::List(items) = self.message.get_field_mut(&field) {
            if items.is_empty() {
                items.push(Value::Message(DynamicMessage::new(executor)));
            }
        }
    }

    /// Parses a text-format config.
    pub fn from_text(text: &str) -> Result<GraphConfig> {
        proto::parse_text(text).map(GraphConfig::from_message)
    }

    /// Parses a binary (wire-format) config.
    pub fn from_binary(bytes: &[u8]) -> Result<GraphConfig> {
        proto::parse_binary(bytes).map(GraphConfig::from_message)
    }

    /// The effective queue limit: 100 when unset, `None` when unlimited.
    pub fn queue_limit(&self) -> Option<usize> {
        match self.max_queue_size {
            0 => Some(DEFAULT_MAX_QUEUE_SIZE as usize),
            n if n < 0 => None,
            n => Some(n as usize),
        }
    }

    /// The value the `max_queue_size` property reports (100 when unset).
    pub fn reported_max_queue_size(&self) -> i32 {
        if self.max_queue_size == 0 { DEFAULT_MAX_QUEUE_SIZE } else { self.max_queue_size }
    }

    /// Worker threads to start: the config's `num_threads`, or the number
    /// of available cores (at least 1) when unset.
    pub fn worker_threads(&self) -> usize {
        if self.num_threads > 0 {
            return self.num_threads as usize;
        }
        available_cores()
    }
}

/// The number of available cores (at least 1), asked once per process:
/// on Linux `available_parallelism` reads cgroup files, which cost more
/// than the rest of `start_run` together.
fn available_cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}
