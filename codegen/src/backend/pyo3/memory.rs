//! Memory-model pieces of the view-models: the owned-string and owned-pointer tables of a class
//! (paths of fields turned into byte-offset expressions), the `int_addresses`
//! mode, and the list slots a function's call invalidates. Computed from the
//! decided IR; templates print them as they are.

use super::rust_types::rust_ident;
use crate::ir::{Function, ListEdit, Module, OwnedPointer, OwnedString, PathStep, Record};

/// The `rt::owned::OwnedString` entries of a record, as Rust expressions.
pub fn owned_strings(r: &Record) -> Vec<String> {
    r.owned_strings.iter().map(owned_string).collect()
}

/// The `rt::owned::OwnedPointer` entries of a record, as Rust expressions.
pub fn owned_pointers(r: &Record) -> Vec<String> {
    r.owned_pointers.iter().map(owned_pointer).collect()
}

fn owned_pointer(p: &OwnedPointer) -> String {
    let offset: Vec<String> = p.path.iter().map(step_offset).collect();
    let last = p.path.last().map(|s| format!("{}.{}", s.record, s.field)).unwrap_or_default();
    format!("rt::owned::OwnedPointer {{ offset: {}, name: {last:?} }}", offset.join(" + "))
}

pub(super) fn owned_string(s: &OwnedString) -> String {
    let offset: Vec<String> = s.path.iter().map(step_offset).collect();
    format!("rt::owned::OwnedString {{ offset: {}, allocator: __BINDERY_ALLOC_{} }}", offset.join(" + "), s.allocator.to_uppercase())
}

/// Byte offset of one step: the field, plus the element's offset in a struct array.
fn step_offset(step: &PathStep) -> String {
    let field = offset_of(&step.record, &step.via, &step.field);
    match &step.element {
        None => field,
        Some((0, _)) => field,
        Some((1, element)) => format!("{field} + std::mem::size_of::<ffi::{element}>()"),
        Some((i, element)) => format!("{field} + {i} * std::mem::size_of::<ffi::{element}>()"),
    }
}

/// `std::mem::offset_of!` of a field reached through anonymous members.
fn offset_of(record: &str, via: &[String], field: &str) -> String {
    let access: Vec<String> = via.iter().cloned().chain([rust_ident(field)]).collect();
    format!("std::mem::offset_of!(ffi::{record}, {})", access.join("."))
}

/// The `IntAddresses` mode of the module, as a Rust path.
pub fn int_addresses(module: &Module) -> &'static str {
    if module.int_addresses { "rt::pointer::IntAddresses::Accepted" } else { "rt::pointer::IntAddresses::Refused" }
}

/// The lists one struct parameter's call edits (`rt::lists_edited!`).
#[derive(serde::Serialize)]
pub struct ListEditVm {
    /// The parameter's struct pointer variable.
    pub ptr: String,
    /// Its C struct (in `ffi`).
    pub record: String,
    /// The edited `GList*` fields, as `offset_of!` paths (through anonymous members).
    pub fields: Vec<String>,
}

/// The list slots whose epoch a call bumps, one entry per struct parameter.
pub fn list_edits(module: &Module, f: &Function) -> Vec<ListEditVm> {
    f.list_edits.iter().filter_map(|e| edit(module, f, e)).collect()
}

fn edit(module: &Module, f: &Function, e: &ListEdit) -> Option<ListEditVm> {
    let record = module.record(&e.record)?;
    let path = |field: &crate::ir::Field| field.via.iter().cloned().chain([rust_ident(&field.name)]).collect::<Vec<_>>().join(".");
    let fields: Vec<String> = e.fields.iter().filter_map(|name| record.field(name)).map(path).collect();
    let ptr = format!("{}_c", super::function_params::local_of(f, &e.param));
    (!fields.is_empty()).then(|| ListEditVm { ptr, record: record.name.clone(), fields })
}
