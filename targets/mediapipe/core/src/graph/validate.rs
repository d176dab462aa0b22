//! Graph validation: turns a [`GraphConfig`] into a checked [`Plan`].
//!
//! Owns the static checks MediaPipe's `ValidatedGraphConfig` performs, with
//! its messages: tag/index/name syntax, unknown calculators, calculator
//! contracts, streams or side packets defined twice, inputs without a
//! producer, cycles not marked as back edges. The result lists every
//! stream with its producer and consumers and the order nodes open in.
//! Running the graph is the scheduler's job.

use std::collections::HashMap;
use std::sync::Arc;

use super::calculator::{Contract, InputPolicy, PortType};
use super::config::{GraphConfig, NodeConfig};
use super::registry::{self, Registration};
use super::tag_map::{self, TagMap};
use crate::status::{Result, Status, StatusCode};

/// Who writes a stream.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Producer {
    /// A graph input stream fed by `add_packet_to_input_stream`.
    GraphInput,
    /// Output port `port` of node `node`.
    Node(usize, usize),
}

/// One stream of the graph.
#[derive(Clone, Debug)]
pub struct StreamPlan {
    /// Stream name.
    pub name: String,
    /// Its writer.
    pub producer: Producer,
    /// `(node, input port)` readers.
    pub consumers: Vec<(usize, usize)>,
}

/// One node after validation.
#[derive(Clone)]
pub struct NodePlan {
    /// The node's config.
    pub config: Arc<NodeConfig>,
    /// Name used in messages (MediaPipe's canonical node name).
    pub debug_name: String,
    /// Input stream ports.
    pub inputs: Arc<TagMap>,
    /// Output stream ports.
    pub outputs: Arc<TagMap>,
    /// Input side packet ports.
    pub side_inputs: Arc<TagMap>,
    /// Output side packet ports.
    pub side_outputs: Arc<TagMap>,
    /// Stream id of each input port.
    pub input_streams: Vec<usize>,
    /// Stream id of each output port.
    pub output_streams: Vec<usize>,
    /// Whether each input port is a back edge.
    pub back_edges: Vec<bool>,
    /// Port types declared by the contract.
    pub types: Vec<(&'static str, String, usize, PortType)>,
    /// Input grouping.
    pub policy: InputPolicy,
    /// Calculator factory.
    pub registration: Registration,
}

/// A validated graph.
#[derive(Clone)]
pub struct Plan {
    /// The config it came from.
    pub config: GraphConfig,
    /// Nodes in config order.
    pub nodes: Vec<NodePlan>,
    /// Streams by id.
    pub streams: Vec<StreamPlan>,
    /// Stream id by name.
    pub stream_ids: HashMap<String, usize>,
    /// Side packet name → `(node, port)` producing it.
    pub side_producers: HashMap<String, (usize, usize)>,
    /// Side packets the application must pass to `start_run`, with the
    /// types their readers expect.
    pub required_side_packets: Vec<(String, PortType)>,
    /// Node indexes in an order where side-packet and stream producers come
    /// before their readers (back edges ignored).
    pub order: Vec<usize>,
}

fn unknown(message: String) -> Status {
    Status::new(StatusCode::Unknown, format!("; {message}"))
}

fn combine(prefix: &str, statuses: Vec<Status>) -> Result<()> {
    match super::errors::combined(prefix, &statuses) {
        Some(status) => Err(status),
        None => Ok(()),
    }
}

/// MediaPipe's canonical node names: the `name`, else the calculator type,
/// suffixed `_1`, `_2`, ... when several nodes would share it.
fn canonical_names(nodes: &[NodeConfig]) -> Vec<String> {
    let base: Vec<&str> = nodes.iter().map(|n| if n.name.is_empty() { n.calculator.as_str() } else { n.name.as_str() }).collect();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    base.iter()
        .map(|b| {
            let total = base.iter().filter(|x| *x == b).count();
            let n = seen.entry(b).or_insert(0);
            *n += 1;
            if total > 1 { format!("{b}_{n}") } else { b.to_string() }
        })
        .collect()
}

fn node_plan(node: &NodeConfig, debug_name: String, graph_handler: Option<&str>) -> Result<NodePlan> {
    let inputs = TagMap::parse(&node.input_streams)?;
    let outputs = TagMap::parse(&node.output_streams)?;
    let side_inputs = TagMap::parse(&node.input_side_packets)?;
    let side_outputs = TagMap::parse(&node.output_side_packets)?;
    let registration = registry::lookup(&node.calculator).map_err(|_| {
        Status::not_found(format!("No registered object with name: {0}; Unable to find Calculator \"{0}\"", node.calculator))
    })?;
    let mut contract = Contract {
        node,
        inputs: &inputs,
        outputs: &outputs,
        input_side_packets: &side_inputs,
        output_side_packets: &side_outputs,
        types: Vec::new(),
        input_policy: InputPolicy::default(),
    };
    (registration.contract)(&mut contract).map_err(|e| e.with_prefix(&format!("{}: ", node.calculator)))?;
    let (types, mut policy) = (contract.types, contract.input_policy);
    match (&node.input_stream_handler, graph_handler) {
        (Some(own), _) => policy = handler_policy(own)?,
        (None, Some(graph)) if policy == InputPolicy::SyncByTimestamp => policy = handler_policy(graph)?,
        _ => {}
    }
    let back_edges = back_edges(node, &inputs)?;
    Ok(NodePlan {
        config: Arc::new(node.clone()),
        debug_name,
        inputs: Arc::new(inputs),
        outputs: Arc::new(outputs),
        side_inputs: Arc::new(side_inputs),
        side_outputs: Arc::new(side_outputs),
        input_streams: Vec::new(),
        output_streams: Vec::new(),
        back_edges,
        types,
        policy,
        registration,
    })
}

fn back_edges(node: &NodeConfig, inputs: &TagMap) -> Result<Vec<bool>> {
    let mut flags = vec![false; inputs.len()];
    for (tag_index, back_edge) in &node.input_stream_info {
        let (tag, index) = tag_map::parse_tag_index(tag_index)?;
        let pos = inputs.position(&tag, index).ok_or_else(|| {
            Status::internal(format!("input_stream_info \"{tag_index}\" does not name an input stream of node \"{}\"", node.calculator))
        })?;
        flags[pos] = *back_edge;
    }
    Ok(flags)
}

/// The input grouping of a configured input stream handler.
fn handler_policy(name: &str) -> Result<InputPolicy> {
    match name {
        "DefaultInputStreamHandler" | "" => Ok(InputPolicy::SyncByTimestamp),
        "ImmediateInputStreamHandler" => Ok(InputPolicy::Immediate),
        other => Err(Status::unimplemented(format!(
            "Input stream handler \"{other}\" is not supported (supported: \
             DefaultInputStreamHandler, ImmediateInputStreamHandler)."
        ))),
    }
}

/// Checks executor names as MediaPipe's `ValidateExecutors` does.
fn validate_executors(config: &GraphConfig) -> Result<()> {
    let reserved = |name: &str| name == "default" || name == "gpu" || name.starts_with("__");
    let mut declared: Vec<&str> = Vec::new();
    for name in &config.executors {
        if reserved(name) {
            return Err(Status::invalid_argument(format!("; \"{name}\" is a reserved executor name.")));
        }
        if declared.contains(&name.as_str()) {
            return Err(Status::invalid_argument(if name.is_empty() {
                "ExecutorConfig for the default executor is duplicate.".to_string()
            } else {
                format!("; ExecutorConfig for \"{name}\" is duplicate.")
            }));
        }
        declared.push(name);
    }
    for node in config.nodes.iter().filter(|n| !n.executor.is_empty()) {
        if reserved(&node.executor) {
            return Err(Status::invalid_argument(format!("; \"{}\" is a reserved executor name.", node.executor)));
        }
        if !declared.contains(&node.executor.as_str()) {
            return Err(Status::invalid_argument(format!("; The executor \"{}\" is not declared in an ExecutorConfig.", node.executor)));
        }
    }
    Ok(())
}

/// Validates `config` against the calculator registry.
pub fn validate(mut config: GraphConfig) -> Result<Plan> {
    config.canonicalize();
    let names = canonical_names(&config.nodes);
    let mut nodes = Vec::with_capacity(config.nodes.len());
    let mut statuses = Vec::new();
    for (node, name) in config.nodes.iter().zip(names) {
        match node_plan(node, name, config.input_stream_handler.as_deref()) {
            Ok(plan) => nodes.push(plan),
            Err(status) => statuses.push(status),
        }
    }
    combine("ValidatedGraphConfig Initialization failed.", statuses)?;
    validate_executors(&config)?;
    let mut plan = Plan {
        config,
        nodes,
        streams: Vec::new(),
        stream_ids: HashMap::new(),
        side_producers: HashMap::new(),
        required_side_packets: Vec::new(),
        order: Vec::new(),
    };
    plan.wire_outputs()?;
    plan.order = super::topology::sort(&plan)?;
    plan.wire_inputs()?;
    plan.wire_side_packets()?;
    TagMap::parse(&plan.config.output_streams)?;
    Ok(plan)
}

impl Plan {
    fn add_stream(&mut self, name: &str, producer: Producer) -> Result<usize> {
        if self.stream_ids.contains_key(name) {
            return Err(unknown(format!("Output Stream \"{name}\" defined twice.")));
        }
        let id = self.streams.len();
        self.streams.push(StreamPlan { name: name.to_string(), producer, consumers: Vec::new() });
        self.stream_ids.insert(name.to_string(), id);
        Ok(id)
    }

    fn wire_outputs(&mut self) -> Result<()> {
        let graph_inputs = TagMap::parse(&self.config.input_streams)?;
        for entry in graph_inputs.entries() {
            self.add_stream(&entry.name, Producer::GraphInput)?;
        }
        for n in 0..self.nodes.len() {
            let outputs = Arc::clone(&self.nodes[n].outputs);
            for (port, entry) in outputs.entries().iter().enumerate() {
                let id = self.add_stream(&entry.name, Producer::Node(n, port))?;
                self.nodes[n].output_streams.push(id);
            }
        }
        Ok(())
    }

    fn wire_inputs(&mut self) -> Result<()> {
        for (sorted_index, &n) in self.order.clone().iter().enumerate() {
            let inputs = Arc::clone(&self.nodes[n].inputs);
            for (port, entry) in inputs.entries().iter().enumerate() {
                let Some(&id) = self.stream_ids.get(&entry.name) else {
                    return Err(unknown(format!(
                        "Input Stream \"{}\" for node with sorted index {sorted_index} name {} \
                         does not have a corresponding output stream.",
                        entry.name, self.nodes[n].debug_name
                    )));
                };
                self.streams[id].consumers.push((n, port));
                self.nodes[n].input_streams.push(id);
            }
        }
        Ok(())
    }

    fn wire_side_packets(&mut self) -> Result<()> {
        for &n in &self.order {
            for (port, entry) in self.nodes[n].side_outputs.entries().iter().enumerate() {
                if self.side_producers.insert(entry.name.clone(), (n, port)).is_some() {
                    return Err(unknown(format!("Output Side Packet \"{}\" defined twice.", entry.name)));
                }
            }
        }
        for node in &self.nodes {
            for entry in node.side_inputs.entries() {
                let known = self.required_side_packets.iter().any(|(n, _)| *n == entry.name);
                if !self.side_producers.contains_key(&entry.name) && !known {
                    let ty = node.port_type("input_side", &entry.tag, entry.index);
                    self.required_side_packets.push((entry.name.clone(), ty));
                }
            }
        }
        Ok(())
    }
}

impl NodePlan {
    /// The declared type of a port (`Any` when the contract is silent).
    pub fn port_type(&self, kind: &str, tag: &str, index: usize) -> PortType {
        self.types.iter().find(|(k, t, i, _)| *k == kind && t == tag && *i == index).map_or(PortType::Any, |(_, _, _, ty)| *ty)
    }
}
