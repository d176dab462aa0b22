//! Checks that Python names are unique: class names, functions, enums and
//! module-level enum values share one namespace; attributes per class.

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, Kind};
use crate::ir::{FieldKind, Module};
use crate::spec::LoadedSpec;

/// Runs the check.
pub fn run(spec: &LoadedSpec, module: &Module) -> Vec<Diagnostic> {
    let mut errors = vec![];
    let mut seen: HashMap<String, String> = HashMap::new();
    let mut claim = |name: &str, what: String, errors: &mut Vec<Diagnostic>| {
        if let Some(first) = seen.insert(name.to_string(), what.clone()) {
            errors.push(
                Diagnostic::new(Kind::SpecInvalid, format!("duplicate Python name `{name}`: {first} and {what}"))
                    .at_span(&spec.path, span_of(spec, name))
                    .hint("give one of them another `python_name`"),
            );
        }
    };
    for r in &module.records {
        claim(&r.python_name, format!("struct {}", r.name), &mut errors);
        for alias in &r.python_aliases {
            claim(alias, format!("alias of struct {}", r.name), &mut errors);
        }
    }
    for e in &module.enums {
        claim(&e.python_name, format!("enum {}", e.name), &mut errors);
    }
    for f in &module.functions {
        claim(&f.python_name, format!("function {}", f.name), &mut errors);
    }
    for r in &module.records {
        let mut attrs: HashMap<&str, &str> = HashMap::new();
        for f in r.fields.iter().filter(|f| !matches!(f.kind, FieldKind::Skipped { .. })) {
            if let Some(first) = attrs.insert(f.python_name.as_str(), f.name.as_str()) {
                errors.push(
                    Diagnostic::new(
                        Kind::SpecInvalid,
                        format!("duplicate attribute `{}` on {}: fields {first} and {}", f.python_name, r.name, f.name),
                    )
                    .at_span(&spec.path, span_of(spec, &f.python_name))
                    .hint("rename one with `python_name`"),
                );
            }
        }
    }
    errors
}

/// The span of the first `python_name = "NAME"` in the spec (or the start).
fn span_of(spec: &LoadedSpec, name: &str) -> std::ops::Range<usize> {
    let text = std::fs::read_to_string(&spec.path).unwrap_or_default();
    let needle = format!("\"{name}\"");
    text.find(&needle).map(|i| i + 1..i + 1 + name.len()).unwrap_or(0..0)
}
