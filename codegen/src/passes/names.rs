//! Checks that Python names are unique: class names, functions, enums and
//! module-level enum values and aliases share one namespace; attributes
//! (and their aliases) per class.

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
    for a in &module.aliases {
        claim(&a.name, format!("alias of {}", a.path.join(".")), &mut errors);
    }
    for a in &module.allocators {
        claim(&a.name, format!("allocator of {}", a.record), &mut errors);
    }
    for (r, n) in module.records.iter().flat_map(|r| r.numpy.iter().map(move |n| (r, n))) {
        if let Some(function) = &n.function {
            claim(function, format!("numpy function of {}.{}", r.name, n.method), &mut errors);
        }
    }
    for (r, a) in module.records.iter().flat_map(|r| r.arrays.iter().map(move |a| (r, a))) {
        if let Some(function) = &a.function {
            claim(function, format!("array function of {}.{}", r.name, a.method), &mut errors);
        }
    }
    for f in &module.field_setters {
        claim(&f.name, format!("field setter of {}", f.class), &mut errors);
    }
    for name in module.callback_functions.names() {
        claim(name, "[callbacks] function".to_string(), &mut errors);
    }
    for r in &module.records {
        let mut attrs: HashMap<&str, &str> = HashMap::new();
        let bound = r.fields.iter().filter(|f| !matches!(f.kind, FieldKind::Skipped { .. }));
        let names = bound.flat_map(|f| std::iter::once(&f.python_name).chain(&f.python_aliases).map(move |n| (n, f)));
        let allocators = r.numpy.iter().filter_map(|n| n.allocate.as_ref());
        let methods = r.setters.iter().map(|s| &s.method).chain(r.arrays.iter().map(|a| &a.method)).chain(allocators);
        for method in methods {
            if let Some(first) = attrs.insert(method.as_str(), "(a spec method)") {
                errors.push(
                    Diagnostic::new(Kind::SpecInvalid, format!("method `{method}` of {} clashes with field {first}", r.name))
                        .at_span(&spec.path, span_of_key(spec, method))
                        .hint("name the method differently (or skip the field)"),
                );
            }
        }
        for (name, f) in names {
            if let Some(first) = attrs.insert(name.as_str(), f.name.as_str()) {
                errors.push(
                    Diagnostic::new(
                        Kind::SpecInvalid,
                        format!("duplicate attribute `{name}` on {}: fields {first} and {}", r.name, f.name),
                    )
                    .at_span(&spec.path, span_of(spec, name))
                    .hint("rename one with `python_name` (or drop the alias)"),
                );
            }
        }
    }
    errors
}

/// The span of the first `.NAME]` table header in the spec (or the start).
fn span_of_key(spec: &LoadedSpec, name: &str) -> std::ops::Range<usize> {
    let text = std::fs::read_to_string(&spec.path).unwrap_or_default();
    let needle = format!(".{name}]");
    text.find(&needle).map(|i| i + 1..i + 1 + name.len()).unwrap_or(0..0)
}

/// The span of the first `python_name = "NAME"` in the spec (or the start).
fn span_of(spec: &LoadedSpec, name: &str) -> std::ops::Range<usize> {
    let text = std::fs::read_to_string(&spec.path).unwrap_or_default();
    let needle = format!("\"{name}\"");
    text.find(&needle).map(|i| i + 1..i + 1 + name.len()).unwrap_or(0..0)
}
