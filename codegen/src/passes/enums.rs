//! Applies `[enum.*]` overrides (Python class name, module-level export of
//! the values, open value sets) and reports spec entries naming enums the headers lack.

use super::records::unknown;
use crate::diagnostic::Diagnostic;
use crate::ir::{ItemKind, Module};
use crate::spec::LoadedSpec;

/// Runs the pass.
pub fn run(spec: &LoadedSpec, module: &mut Module) -> Vec<Diagnostic> {
    let mut errors = vec![];
    for (name, s) in &spec.spec.enums {
        let candidates: Vec<String> = module.enums.iter().map(|e| e.name.clone()).collect();
        let Some(e) = module.enums.iter_mut().find(|e| &e.name == name.get_ref()) else {
            let reported = super::skipped::named_in_spec(spec, module, name, ItemKind::Enum);
            errors.push(reported.unwrap_or_else(|| unknown(spec, name, "enum", candidates.iter().map(String::as_str))));
            continue;
        };
        if let Some(py) = &s.python_name {
            e.python_name = py.clone();
        }
        if let Some(export) = s.export_values {
            e.export_values = export;
        }
        e.open = s.open;
    }
    errors
}
