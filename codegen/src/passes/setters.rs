//! Multi-field set methods (`[struct.NAME.setters.METHOD]`, pyds's
//! `NvOSD_ColorParams.set(red, green, blue, alpha)`): checks that every
//! listed field is bound and writable and records the method with the
//! fields' Python names. The generated method calls the attributes' own
//! setters (`rt::set_fields`), so it converts and checks exactly as they do.

use toml::Spanned;

use super::records::unknown;
use crate::diagnostic::{Diagnostic, Kind};
use crate::ir::{Field, Module, Record, Setter};
use crate::spec::{LoadedSpec, SetterSpec};

/// Runs the pass.
pub fn run(spec: &LoadedSpec, module: &mut Module) -> Vec<Diagnostic> {
    let mut errors = vec![];
    for (name, s) in &spec.spec.structs {
        let Some(record) = module.records.iter_mut().find(|r| &r.name == name.get_ref()) else { continue };
        for (method, setter) in &s.setters {
            match decide(spec, record, method, setter) {
                Ok(found) => record.setters.push(found),
                Err(e) => errors.extend(e),
            }
        }
    }
    errors
}

/// The setter of `method`, or the problems with its field list.
fn decide(spec: &LoadedSpec, record: &Record, method: &Spanned<String>, setter: &SetterSpec) -> Result<Setter, Vec<Diagnostic>> {
    if setter.fields.is_empty() {
        let msg = format!("set method {}.{} lists no fields", record.name, method.get_ref());
        return Err(vec![spec.error(Kind::SpecInvalid, method.span(), msg).hint("list the fields it sets: `fields = [\"a\", \"b\"]`")]);
    }
    let mut errors = vec![];
    let mut fields = vec![];
    for (i, name) in setter.fields.iter().enumerate() {
        if setter.fields[..i].iter().any(|n| n.get_ref() == name.get_ref()) {
            errors.push(
                spec.error(Kind::SpecInvalid, name.span(), format!("field `{}` is listed twice", name.get_ref()))
                    .hint("list each field once"),
            );
            continue;
        }
        match writable_field(spec, record, name) {
            Ok(python_name) => fields.push(python_name),
            Err(e) => errors.push(e),
        }
    }
    if errors.is_empty() { Ok(Setter { method: method.get_ref().clone(), fields }) } else { Err(errors) }
}

/// The Python name of field `name`, which must have a setter.
fn writable_field(spec: &LoadedSpec, record: &Record, name: &Spanned<String>) -> Result<String, Diagnostic> {
    let names = || record.fields.iter().map(|f| f.name.as_str());
    let field = record.field(name.get_ref()).ok_or_else(|| unknown(spec, name, &format!("field of {}", record.name), names()))?;
    if !has_setter(field) {
        let msg = format!("{}.{} has no setter, so a set method cannot set it", record.name, field.name);
        return Err(spec
            .error(Kind::SpecInvalid, name.span(), msg)
            .hint("list fields Python can assign (not read-only, skipped, lists, struct arrays or borrowed strings)"));
    }
    Ok(field.python_name.clone())
}

/// Whether the field's attribute has a setter (decided by the `records` pass).
fn has_setter(field: &Field) -> bool {
    !field.readonly
}
