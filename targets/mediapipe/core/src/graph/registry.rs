//! The calculator registry: calculator type names mapped to a contract
//! check and a factory.
//!
//! Owns the process-wide table (built-ins plus anything the application
//! registers). It does not run or validate graphs itself.

use std::collections::HashMap;
use std::sync::{OnceLock, RwLock};

use super::calculator::{Calculator, Contract};
use super::calculators;
use super::config::NodeConfig;
use crate::status::{Result, Status};

/// Checks a node's wiring and declares its port types.
pub type ContractFn = fn(&mut Contract<'_>) -> Result<()>;

/// Builds a fresh calculator instance for a node (once per run).
pub type FactoryFn = fn(&NodeConfig) -> Result<Box<dyn Calculator>>;

/// One registered calculator type.
#[derive(Clone, Copy)]
pub struct Registration {
    /// Contract check.
    pub contract: ContractFn,
    /// Instance factory.
    pub factory: FactoryFn,
}

fn table() -> &'static RwLock<HashMap<String, Registration>> {
    static TABLE: OnceLock<RwLock<HashMap<String, Registration>>> = OnceLock::new();
    TABLE.get_or_init(|| RwLock::new(calculators::builtins().into_iter().collect()))
}

/// Registers (or replaces) a calculator type under `name`.
pub fn register_calculator(name: &str, contract: ContractFn, factory: FactoryFn) {
    let mut map = table().write().unwrap_or_else(|e| e.into_inner());
    map.insert(name.to_string(), Registration { contract, factory });
}

/// The registration of `name`, or NOT_FOUND with MediaPipe's message.
pub fn lookup(name: &str) -> Result<Registration> {
    let map = table().read().unwrap_or_else(|e| e.into_inner());
    map.get(name).copied().ok_or_else(|| Status::not_found(format!("Unable to find Calculator \"{name}\"")))
}

/// Names of all registered calculators, sorted.
pub fn registered_calculators() -> Vec<String> {
    let map = table().read().unwrap_or_else(|e| e.into_inner());
    let mut names: Vec<String> = map.keys().cloned().collect();
    names.sort();
    names
}
