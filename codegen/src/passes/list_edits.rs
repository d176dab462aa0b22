//! Decides which functions edit GLib lists by removing or freeing nodes, so
//! that views of those lists' nodes and iterators over them die after the
//! call (the runtime's list epochs, `runtime/src/epoch.rs`).
//!
//! Explicit: `[function.NAME] edits_lists = ["param"]` (every list field of
//! that struct parameter). Inferred: a function that `invalidates` a
//! parameter of struct type `T` and takes a container parameter with
//! `GList*` fields holding `T` edits those fields. Adding to a list or
//! acquiring from a pool edits nothing (node views stay valid).

use super::records::unknown;
use crate::diagnostic::{Diagnostic, Kind};
use crate::ir::{FieldKind, Function, ListEdit, Module, ParamKind, Transfer};
use crate::spec::LoadedSpec;

/// Runs the pass.
pub fn run(spec: &LoadedSpec, module: &mut Module) -> Vec<Diagnostic> {
    let mut errors = vec![];
    let snapshot = module.clone();
    for f in &mut module.functions {
        f.list_edits = inferred(&snapshot, f);
        let fs = spec.spec.functions.iter().find(|(k, _)| k.get_ref() == &f.name).map(|(_, v)| v);
        for param in fs.map(|s| s.edits_lists.as_slice()).unwrap_or_default() {
            match explicit(&snapshot, f, param.get_ref()) {
                Ok(edit) => merge(&mut f.list_edits, edit),
                Err(None) => {
                    errors.push(unknown(spec, param, &format!("parameter of {}", f.name), f.params.iter().map(|p| p.name.as_str())))
                }
                Err(Some(why)) => errors.push(
                    spec.error(Kind::SpecInvalid, param.span(), format!("{}({}) {why}", f.name, param.get_ref()))
                        .hint("`edits_lists` names struct parameters whose GList* fields the function removes nodes from"),
                ),
            }
        }
    }
    errors
}

/// The struct record of parameter `name`, if it is a struct parameter.
fn record_of<'a>(f: &'a Function, name: &str) -> Option<&'a str> {
    match &f.params.iter().find(|p| p.name == name)?.kind {
        ParamKind::View { record, .. } => Some(record),
        _ => None,
    }
}

/// The list fields of `record` whose element is `element` (any element when None).
fn list_fields(module: &Module, record: &str, element: Option<&str>) -> Vec<String> {
    let Some(r) = module.record(record) else { return vec![] };
    r.fields
        .iter()
        .filter(|f| match &f.kind {
            FieldKind::List { element: e } => element.is_none() || e.as_deref() == element,
            _ => false,
        })
        .map(|f| f.name.clone())
        .collect()
}

fn inferred(module: &Module, f: &Function) -> Vec<ListEdit> {
    let invalidated = f.params.iter().filter(|p| p.transfer == Some(Transfer::Invalidated));
    let elements: Vec<&str> = invalidated.filter_map(|p| record_of(f, &p.name)).collect();
    let mut edits = vec![];
    for p in &f.params {
        let Some(record) = record_of(f, &p.name) else { continue };
        let fields: Vec<String> = elements.iter().flat_map(|e| list_fields(module, record, Some(e))).collect();
        if !fields.is_empty() {
            merge(&mut edits, ListEdit { param: p.name.clone(), record: record.to_string(), fields });
        }
    }
    edits
}

/// The edit for an explicit `edits_lists` entry; `Err(None)` for an unknown
/// parameter, `Err(Some(reason))` for one that cannot hold lists.
fn explicit(module: &Module, f: &Function, param: &str) -> Result<ListEdit, Option<String>> {
    if !f.params.iter().any(|p| p.name == param) {
        return Err(None);
    }
    let record = record_of(f, param).ok_or_else(|| Some("is not a struct parameter".to_string()))?;
    let fields = list_fields(module, record, None);
    if fields.is_empty() {
        return Err(Some(format!("is a {record}, which has no GList* fields")));
    }
    Ok(ListEdit { param: param.to_string(), record: record.to_string(), fields })
}

fn merge(edits: &mut Vec<ListEdit>, edit: ListEdit) {
    match edits.iter_mut().find(|e| e.param == edit.param) {
        Some(e) => {
            e.fields.extend(edit.fields);
            e.fields.sort();
            e.fields.dedup();
        }
        None => edits.push(edit),
    }
}
