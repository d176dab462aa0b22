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

use crate::ir::{Field, FieldKind, Module, OwnedPointer, OwnedString, PathStep};

/// A field found by the walk: the path to it and what the leaf test returned.
type Found<T> = (Vec<PathStep>, T);

/// Runs the pass.
pub fn run(module: &mut Module) {
    let snapshot = module.clone();
    for record in &mut module.records {
        let strings = walk(&snapshot, &record.name, &mut vec![], &owned_string);
        record.owned_strings = strings.into_iter().map(|(path, allocator)| OwnedString { path, allocator }).collect();
        let pointers = walk(&snapshot, &record.name, &mut vec![], &|f: &Field| f.owns_target.then_some(()));
        record.owned_pointers = pointers.into_iter().map(|(path, ())| OwnedPointer { path }).collect();
    }
}

/// The allocator of an owned `char*` field.
fn owned_string(f: &Field) -> Option<String> {
    match &f.kind {
        FieldKind::CString { owned: true, allocator, .. } => Some(allocator.clone()),
        _ => None,
    }
}

/// Every field of `record` for which `leaf` answers, through nested structs
/// and struct arrays; `open` holds the records being walked (a by-value
/// cycle cannot compile in C, but the IR is not trusted to say so).
fn walk<T: Clone>(module: &Module, record: &str, open: &mut Vec<String>, leaf: &dyn Fn(&Field) -> Option<T>) -> Vec<Found<T>> {
    let Some(r) = module.record(record).filter(|r| !r.is_union && !open.iter().any(|o| o == record)) else {
        return vec![];
    };
    open.push(record.to_string());
    let found = r.fields.iter().filter(|f| f.via.is_empty()).flat_map(|f| walk_field(module, &r.name, f, open, leaf)).collect();
    open.pop();
    found
}

/// One field: a leaf, or the fields below a nested struct or each element of a struct array.
fn walk_field<T: Clone>(
    module: &Module,
    record: &str,
    f: &Field,
    open: &mut Vec<String>,
    leaf: &dyn Fn(&Field) -> Option<T>,
) -> Vec<Found<T>> {
    let step =
        |element: Option<(usize, String)>| PathStep { record: record.to_string(), field: f.name.clone(), via: f.via.clone(), element };
    if let Some(value) = leaf(f) {
        return vec![(vec![step(None)], value)];
    }
    match &f.kind {
        FieldKind::Nested { record } => prefixed(step(None), walk(module, record, open, leaf)),
        FieldKind::StructArray { record, len } => {
            let inner = walk(module, record, open, leaf);
            (0..*len).flat_map(|i| prefixed(step(Some((i, record.clone()))), inner.clone())).collect()
        }
        _ => vec![],
    }
}

/// `found` with `first` put in front of each path.
fn prefixed<T>(first: PathStep, found: Vec<Found<T>>) -> Vec<Found<T>> {
    found
        .into_iter()
        .map(|(mut path, value)| {
            path.insert(0, first.clone());
            (path, value)
        })
        .collect()
}
