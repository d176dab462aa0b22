//! [`ValidatedGraphConfig`]: a parsed and validated graph config, and the
//! config loaders shared with `CalculatorGraph` (binary file, text).
//!
//! Owns the Python-visible validation object (`initialize`, `initialized`,
//! `text_config`, `binary_config`, registered type names) with the
//! reference's messages. Validation itself is in `validate`.

use std::sync::Arc;

use bindery_annotations as bindery;

use super::calculator::PortType;
use super::config::GraphConfig;
use super::proto;
use super::validate::{self, Plan, Producer};
use crate::status::{ErrorKind, Result, Status, StatusCode};

/// Reads and parses a binary `CalculatorGraphConfig` file.
/// Missing file: NOT_FOUND raised as `FileNotFoundError`
/// (`The path does not exist: {path}`); bad bytes: UNKNOWN
/// (`Failed to parse the binary graph: {path}`).
pub fn load_binary_file(path: &str) -> Result<GraphConfig> {
    let bytes = std::fs::read(path)
        .map_err(|_| Status::not_found(format!("The path does not exist: {path}")).with_kind(ErrorKind::FileNotFound))?;
    GraphConfig::from_binary(&bytes).map_err(|_| Status::new(StatusCode::Unknown, format!("Failed to parse the binary graph: {path}")))
}

/// Parses a text-format config; failure: UNKNOWN `Failed to parse: {text}`.
pub fn load_text(text: &str) -> Result<GraphConfig> {
    GraphConfig::from_text(text).map_err(|_| Status::new(StatusCode::Unknown, format!("Failed to parse: {text}")))
}

/// The canonical config text (C++ `DebugString` layout).
pub fn text_config(plan: &Plan) -> String {
    proto::to_text(&plan.config.message)
}

/// A graph config that passed validation (or an uninitialized one).
#[bindery::class(module = "validated_graph_config", name = "ValidatedGraphConfig")]
#[derive(Clone, Default)]
pub struct ValidatedGraphConfig {
    plan: Option<Arc<Plan>>,
}

fn wrong_type(kind: &str, name: &str) -> Status {
    Status::new(
        StatusCode::Unknown,
        format!(
            "; Unable to find the type for {kind} \"{name}\".  It may be set to AnyType or \
             something else that isn't determinable, or the type may be defined but not registered."
        ),
    )
}

#[bindery::methods]
impl ValidatedGraphConfig {
    /// `ValidatedGraphConfig()`: not initialized.
    #[bindery::constructor]
    pub fn new() -> ValidatedGraphConfig {
        ValidatedGraphConfig::default()
    }

    /// `initialize(binary_graph_path=..., graph_config=...)`: exactly one of
    /// them, otherwise INVALID_ARGUMENT (ValueError). Validation failures
    /// keep their codes.
    #[bindery::method(name = "initialize")]
    pub fn initialize(&mut self, binary_graph_path: Option<&str>, graph_config: Option<&str>) -> Result<()> {
        let config = match (binary_graph_path, graph_config) {
            (Some(path), None) => load_binary_file(path)?,
            (None, Some(text)) => load_text(text)?,
            _ => {
                return Err(Status::invalid_argument(
                    "Please either provide 'binary_graph_path' to initialize a ValidatedGraphConfig \
                     from a binary graph file, or 'graph_config' to initialize it from a \
                     CalculatorGraphConfig proto or its text form.",
                ));
            }
        };
        self.initialize_from_config(config)
    }

    /// Validates an already parsed config.
    pub fn initialize_from_config(&mut self, config: GraphConfig) -> Result<()> {
        self.plan = Some(Arc::new(validate::validate(config)?));
        Ok(())
    }

    /// Whether `initialize` succeeded.
    #[bindery::method(name = "initialized")]
    pub fn initialized(&self) -> bool {
        self.plan.is_some()
    }

    /// Canonical config text; `""` when not initialized.
    #[bindery::getter(name = "text_config")]
    pub fn text_config(&self) -> String {
        self.plan.as_deref().map(text_config).unwrap_or_default()
    }

    /// Serialized config; empty when not initialized.
    #[bindery::getter(name = "binary_config")]
    pub fn binary_config(&self) -> Vec<u8> {
        self.plan.as_ref().map(|p| proto::to_binary(&p.config.message)).unwrap_or_default()
    }

    /// The registered packet type of stream `name`.
    /// Undefined: INVALID_ARGUMENT `; Stream "x" is not defined in the config.`;
    /// AnyType: UNKNOWN `; Unable to find the type for stream "x". ...`.
    #[bindery::method(name = "registered_stream_type_name")]
    pub fn registered_stream_type_name(&self, name: &str) -> Result<String> {
        let plan = self.plan_or_error()?;
        let Some(&id) = plan.stream_ids.get(name) else {
            return Err(Status::invalid_argument(format!("; Stream \"{name}\" is not defined in the config.")));
        };
        let stream = &plan.streams[id];
        let mut candidates = Vec::new();
        if let Producer::Node(n, port) = stream.producer {
            let e = &plan.nodes[n].outputs.entries()[port];
            candidates.push(plan.nodes[n].port_type("output", &e.tag, e.index));
        }
        for &(n, port) in &stream.consumers {
            let e = &plan.nodes[n].inputs.entries()[port];
            candidates.push(plan.nodes[n].port_type("input", &e.tag, e.index));
        }
        first_named(&candidates).ok_or_else(|| wrong_type("stream", name))
    }

    /// The registered packet type of side packet `name` (e.g. `"string"`,
    /// `"uint64_t"` for StringToUint64Calculator); errors as for streams.
    #[bindery::method(name = "registered_side_packet_type_name")]
    pub fn registered_side_packet_type_name(&self, name: &str) -> Result<String> {
        let plan = self.plan_or_error()?;
        let mut defined = false;
        let mut candidates = Vec::new();
        if let Some(&(n, port)) = plan.side_producers.get(name) {
            defined = true;
            let e = &plan.nodes[n].side_outputs.entries()[port];
            candidates.push(plan.nodes[n].port_type("output_side", &e.tag, e.index));
        }
        for node in &plan.nodes {
            for e in node.side_inputs.entries().iter().filter(|e| e.name == name) {
                defined = true;
                candidates.push(node.port_type("input_side", &e.tag, e.index));
            }
        }
        if !defined {
            return Err(Status::invalid_argument(format!("; Side packet \"{name}\" is not defined in the config.")));
        }
        first_named(&candidates).ok_or_else(|| wrong_type("side packet", name))
    }

    /// The validated plan, if initialized.
    pub(crate) fn plan(&self) -> Option<Arc<Plan>> {
        self.plan.clone()
    }

    fn plan_or_error(&self) -> Result<&Plan> {
        self.plan.as_deref().ok_or_else(|| Status::failed_precondition("; ValidatedGraphConfig is not initialized."))
    }
}

fn first_named(candidates: &[PortType]) -> Option<String> {
    candidates.iter().find_map(|t| match t {
        PortType::Named(name) => Some(name.to_string()),
        PortType::Any => None,
    })
}
