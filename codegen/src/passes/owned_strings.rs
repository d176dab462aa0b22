//! Finds, per record, every owned `char*` (`string = "owned"`) reachable
//! through nested structs and struct arrays, as a path of fields
//! ([`OwnedString`]). The backend turns each path into a byte offset; the
//! runtime then deep-copies such a struct when it is assigned into another
//! (`o2.text_params = o1.text_params` must not give one string two owners)
//! and frees the strings of a Python-owned one with it.
//!
//! The same walk finds the pointer fields a struct owns (`pointer =
//! "owned"`, [`OwnedPointer`]): assigning such a struct refuses while one of
//! them is set, since a byte copy would give the target two owners.
//!
//! Unions, and fields inside anonymous members (which may be unions), are not
//! walked: which member holds a string there is not known statically.

use crate::ir::{Field, FieldKind, Module, OwnedPointer, OwnedString, PathStep, Record};

/// Runs the pass.
pub fn run(module: &mut Module) {
    let snapshot = module.clone();
    for record in &mut module.records {
        record.owned_strings = owned_in(&snapshot, &record.name, &mut vec![]);
        record.owned_pointers = pointers_in(&snapshot, &record.name, &mut vec![]);
    }
}

/// The owned pointer fields of `record`, walked like [`owned_in`].
fn pointers_in(module: &Module, record: &str, open: &mut Vec<String>) -> Vec<OwnedPointer> {
    let Some(r) = module.record(record).filter(|r| !r.is_union && !open.iter().any(|o| o == record)) else {
        return vec![];
    };
    open.push(record.to_string());
    let pointers = r.fields.iter().filter(|f| f.via.is_empty()).flat_map(|f| field_pointers(module, r, f, open)).collect();
    open.pop();
    pointers
}

fn field_pointers(module: &Module, r: &Record, f: &Field, open: &mut Vec<String>) -> Vec<OwnedPointer> {
    let step = |element: Option<(usize, String)>| PathStep { record: r.name.clone(), field: f.name.clone(), via: f.via.clone(), element };
    match &f.kind {
        _ if f.owns_target => vec![OwnedPointer { path: vec![step(None)] }],
        FieldKind::Nested { record } => prefixed_pointers(step(None), pointers_in(module, record, open)),
        FieldKind::StructArray { record, len } => {
            let inner = pointers_in(module, record, open);
            (0..*len).flat_map(|i| prefixed_pointers(step(Some((i, record.clone()))), inner.clone())).collect()
        }
        _ => vec![],
    }
}

fn prefixed_pointers(first: PathStep, pointers: Vec<OwnedPointer>) -> Vec<OwnedPointer> {
    pointers
        .into_iter()
        .map(|mut p| {
            p.path.insert(0, first.clone());
            p
        })
        .collect()
}

/// The owned strings of `record`; `open` holds the records being walked (a
/// by-value cycle cannot compile in C, but the IR is not trusted to say so).
fn owned_in(module: &Module, record: &str, open: &mut Vec<String>) -> Vec<OwnedString> {
    let Some(r) = module.record(record).filter(|r| !r.is_union && !open.iter().any(|o| o == record)) else {
        return vec![];
    };
    open.push(record.to_string());
    let strings = r.fields.iter().filter(|f| f.via.is_empty()).flat_map(|f| field_strings(module, r, f, open)).collect();
    open.pop();
    strings
}

fn field_strings(module: &Module, r: &Record, f: &Field, open: &mut Vec<String>) -> Vec<OwnedString> {
    let step = |element: Option<(usize, String)>| PathStep { record: r.name.clone(), field: f.name.clone(), via: f.via.clone(), element };
    match &f.kind {
        FieldKind::CString { owned: true, allocator, .. } => vec![OwnedString { path: vec![step(None)], allocator: allocator.clone() }],
        FieldKind::Nested { record } => prefixed(step(None), owned_in(module, record, open)),
        FieldKind::StructArray { record, len } => {
            let inner = owned_in(module, record, open);
            (0..*len).flat_map(|i| prefixed(step(Some((i, record.clone()))), inner.clone())).collect()
        }
        _ => vec![],
    }
}

fn prefixed(first: PathStep, strings: Vec<OwnedString>) -> Vec<OwnedString> {
    strings
        .into_iter()
        .map(|mut s| {
            s.path.insert(0, first.clone());
            s
        })
        .collect()
}
