//! Module functions that assign a field of their first argument
//! (`[field_setter.NAME]`) and functions over the registered Python
//! callbacks (`[callbacks]`): resolves each field path to Python attribute
//! names and checks the field can be set. Name clashes are left to
//! [`super::names`].

use toml::Spanned;

use super::records::unknown;
use crate::diagnostic::{Diagnostic, Kind};
use crate::ir::{CallbackFunctions, FieldKind, FieldSetter, Module, Record};
use crate::spec::{FieldSetterSpec, LoadedSpec, PYTHON_KEYWORDS};

/// Runs the pass.
pub fn run(spec: &LoadedSpec, module: &mut Module) -> Vec<Diagnostic> {
    let mut errors = vec![];
    for (name, s) in &spec.spec.field_setters {
        match field_setter(spec, module, name.get_ref(), s) {
            Ok(f) => module.field_setters.push(f),
            Err(e) => errors.push(e),
        }
    }
    let c = &spec.spec.callbacks;
    let declared: Vec<&Spanned<String>> = c.clear_all.iter().chain(&c.accept_only).collect();
    let has_callbacks = module.records.iter().flat_map(|r| &r.fields).any(|f| matches!(f.kind, FieldKind::Callback { .. }));
    match declared.first() {
        Some(first) if !has_callbacks => errors.push(
            spec.error(Kind::SpecInvalid, first.span(), "[callbacks] functions, but no field is a callback")
                .hint("bind a function-pointer field with `callback = { key = ... }` first, or drop [callbacks]"),
        ),
        _ => {
            module.callback_functions = CallbackFunctions {
                clear_all: c.clear_all.as_ref().map(|n| n.get_ref().clone()),
                accept_only: c.accept_only.iter().map(|n| n.get_ref().clone()).collect(),
            }
        }
    }
    errors
}

fn field_setter(spec: &LoadedSpec, module: &Module, name: &str, s: &FieldSetterSpec) -> Result<FieldSetter, Diagnostic> {
    let (record, path) = resolve(spec, module, &s.field)?;
    let params = match &s.params {
        None => ["obj".to_string(), "value".to_string()],
        Some(p) => match p.get_ref().as_slice() {
            [a, b] if a != b && [a, b].iter().all(|n| is_identifier(n)) => [a.clone(), b.clone()],
            _ => {
                return Err(spec
                    .error(Kind::SpecInvalid, p.span(), format!("field_setter {name}: `params` must be two different Python identifiers"))
                    .hint("the object's name, then the value's: `params = [\"meta\", \"func\"]`"));
            }
        },
    };
    Ok(FieldSetter {
        name: name.to_string(),
        class: record.python_name.clone(),
        doc: s
            .doc
            .clone()
            .unwrap_or_else(|| format!("Sets `{}.{}` of `{}` to `{}`.", record.python_name, path.join("."), params[0], params[1])),
        record: record.name.clone(),
        path,
        params,
        positional: s.positional,
    })
}

/// The struct and the Python attribute path of `Struct.a.b`, checking that
/// every step but the last is an embedded struct and the last a writable field.
fn resolve<'m>(spec: &LoadedSpec, module: &'m Module, field: &Spanned<String>) -> Result<(&'m Record, Vec<String>), Diagnostic> {
    let text = field.get_ref();
    let mut parts = text.split('.');
    let struct_name = parts.next().unwrap_or_default();
    let steps: Vec<&str> = parts.collect();
    let record = module.record(struct_name).ok_or_else(|| {
        let named = Spanned::new(field.span(), struct_name.to_string());
        unknown(spec, &named, "bound struct (C name)", module.records.iter().map(|r| r.name.as_str()))
    })?;
    if steps.is_empty() {
        return Err(spec
            .error(Kind::SpecInvalid, field.span(), format!("field_setter target `{text}` names no field"))
            .hint("write `Struct.field` or `Struct.nested.field`"));
    }
    let mut current = record;
    let mut path = vec![];
    for (i, step) in steps.iter().enumerate() {
        let f = current.field(step).filter(|f| !matches!(f.kind, FieldKind::Skipped { .. })).ok_or_else(|| {
            let named = Spanned::new(field.span(), step.to_string());
            unknown(spec, &named, &format!("bound field of {}", current.name), current.fields.iter().map(|f| f.name.as_str()))
        })?;
        path.push(f.python_name.clone());
        let last = i + 1 == steps.len();
        match (&f.kind, last) {
            (_, true) if !is_writable(f) => {
                return Err(spec
                    .error(
                        Kind::SpecInvalid,
                        field.span(),
                        format!("field_setter target `{text}`: {}.{} is read-only", current.name, f.name),
                    )
                    .hint("a field setter assigns through the field's setter; pick a writable field"));
            }
            (_, true) => {}
            (FieldKind::Nested { record: nested }, false) => current = module.record(nested).expect("nested records are bound"),
            (_, false) => {
                return Err(spec
                    .error(
                        Kind::SpecInvalid,
                        field.span(),
                        format!("field_setter target `{text}`: {}.{} is not an embedded struct", current.name, f.name),
                    )
                    .hint("every step but the last must be an embedded struct field"));
            }
        }
    }
    Ok((record, path))
}

/// Whether Python may set the field (the stubs' rule: no setter on lists,
/// struct arrays, C++ members, read-only fields and borrowed strings).
fn is_writable(f: &crate::ir::Field) -> bool {
    match &f.kind {
        FieldKind::List { .. } | FieldKind::StructArray { .. } | FieldKind::Std { .. } => false,
        FieldKind::CString { owned, interned, .. } => (*owned || *interned) && !f.readonly,
        _ => !f.readonly,
    }
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !PYTHON_KEYWORDS.contains(&name)
}
