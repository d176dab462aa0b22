//! MediaPipe's calculator graph: config parsing (protobuf text and binary),
//! validation, a multi-threaded scheduler, built-in calculators and the
//! public [`CalculatorGraph`] / [`ValidatedGraphConfig`] API.
//!
//! Layers, bottom up: `proto` (schema and codecs) → `config` (typed view)
//! → `tag_map` / `validate` / `topology` (static checks) → `calculator`,
//! `registry`, `calculators` (what runs) → `run_state` / `scheduler` (how it
//! runs) → `calculator_graph` / `graph_io` / `validated_graph_config`
//! (the API the Python layer calls).

mod add_mode;
pub mod calculator;
mod calculator_graph;
mod calculators;
pub mod config;
pub mod debug_string;
mod errors;
mod graph_io;
pub mod proto;
pub mod registry;
mod run_state;
mod scheduler;
pub mod tag_map;
mod topology;
pub mod validate;
mod validated_graph_config;

pub use add_mode::GraphInputStreamAddMode;
pub use calculator::{Calculator, CalculatorContext, Contract, InputPolicy, PortType};
pub use calculator_graph::CalculatorGraph;
pub use config::{GraphConfig, NodeConfig};
pub use errors::combined as combined_status;
pub use registry::{register_calculator, registered_calculators};
pub use scheduler::{BatchScope, ObserverFn, set_observer_batch_scope};
pub use validated_graph_config::ValidatedGraphConfig;
