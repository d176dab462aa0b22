//! Numpy exporters (zero-copy view of a pointer field, shape from other
//! fields) and bulk exporters (a list's elements as numpy columns), checked
//! against the record they belong to.

use super::field_kind::dtype;
use super::records::unknown;
use crate::diagnostic::{Diagnostic, Kind};
use crate::ir::{BulkExporter, Column, FieldKind, Module, NumpyExporter, Record, TypeRef};
use crate::spec::{BulkSpec, LoadedSpec, NumpySpec};
use toml::Spanned;

/// Runs the pass.
pub fn run(spec: &LoadedSpec, module: &mut Module) -> Vec<Diagnostic> {
    let mut errors = vec![];
    let snapshot = module.clone();
    for (name, s) in &spec.spec.structs {
        let Some(record) = module.records.iter_mut().find(|r| &r.name == name.get_ref()) else { continue };
        for (method, n) in &s.numpy {
            match numpy(spec, record, method.get_ref(), n) {
                Ok(e) => record.numpy.push(e),
                Err(e) => errors.push(e),
            }
        }
        for (method, b) in &s.bulk {
            match bulk(spec, &snapshot, record, method.get_ref(), b) {
                Ok(e) => record.bulk.push(e),
                Err(e) => errors.extend(e),
            }
        }
    }
    errors
}

fn numpy(spec: &LoadedSpec, record: &Record, method: &str, n: &NumpySpec) -> Result<NumpyExporter, Diagnostic> {
    let names = || record.fields.iter().map(|f| f.name.as_str());
    let field = record.field(n.data.get_ref()).ok_or_else(|| unknown(spec, &n.data, &format!("field of {}", record.name), names()))?;
    let element = field.ty.pointee().ok_or_else(|| {
        spec.error(
            Kind::SpecInvalid,
            n.data.span(),
            format!("{}.{} is not a pointer, so it cannot back a numpy array", record.name, field.name),
        )
        .hint("numpy exporters view memory behind a pointer field; fixed arrays are exported automatically")
    })?;
    let (dtype, rust) = match (&n.element, dtype(element)) {
        (None, Some(found)) => found,
        (None, None) => {
            return Err(spec
                .error(Kind::SpecInvalid, n.data.span(), format!("{}.{} does not point to numbers", record.name, field.name))
                .hint("the pointee must be an integer or floating-point type, or give its numbers' type with `element`"));
        }
        (Some(e), None) if matches!(element, TypeRef::Void) => numpy_type(spec, e)?,
        (Some(e), None) => {
            let msg = format!("{}.{} is `{}`, not `void*`", record.name, field.name, field.ty.spelling());
            return Err(spec.error(Kind::SpecInvalid, e.span(), msg).hint("`element` gives the numbers behind a `void*` field"));
        }
        (Some(e), Some((found, _))) => {
            let msg = format!("{}.{} points to `{found}` numbers already", record.name, field.name);
            return Err(spec.error(Kind::SpecInvalid, e.span(), msg).hint("`element` is for `void*` data; drop it"));
        }
    };
    let convert = match &n.dtype {
        Some(to) => Some(conversion(spec, record, method, n, &dtype, to)?),
        None => None,
    };
    if n.copy && !n.writable {
        return Err(spec
            .error(Kind::SpecInvalid, n.data.span(), format!("{}.{method}: `copy = true` with `writable = false`", record.name))
            .hint("a copy is an array Python owns and may write; drop `writable = false`, or drop `copy` for a read-only view"));
    }
    for dim in &n.shape {
        let is_literal = dim.get_ref().parse::<u64>().is_ok();
        if !is_literal && !is_int_field(record, dim) {
            return Err(unknown(spec, dim, &format!("integer field of {} (numpy shape)", record.name), names()));
        }
    }
    for f in n.bytes.iter().chain(&n.extent) {
        if !is_int_field(record, f) {
            return Err(unknown(spec, f, &format!("integer field of {} (numpy size)", record.name), names()));
        }
    }
    sizing(spec, record, method, n, field.owns_target)?;
    Ok(NumpyExporter {
        method: method.to_string(),
        data_field: field.name.clone(),
        shape: n.shape.iter().map(|d| d.get_ref().clone()).collect(),
        dtype,
        rust,
        writable: n.writable,
        copy: n.copy,
        bytes_field: n.bytes.as_ref().map(|b| b.get_ref().clone()),
        extent: n.extent.iter().map(|d| d.get_ref().clone()).collect(),
        allocate: n.allocate.as_ref().map(|a| a.get_ref().clone()),
        function: n.function.as_ref().map(|f| f.get_ref().clone()),
        convert,
        flat: n.flat,
    })
}

/// numpy dtype names and their Rust element types.
const NUMPY_TYPES: [(&str, &str); 10] = [
    ("int8", "i8"),
    ("uint8", "u8"),
    ("int16", "i16"),
    ("uint16", "u16"),
    ("int32", "i32"),
    ("uint32", "u32"),
    ("int64", "i64"),
    ("uint64", "u64"),
    ("float32", "f32"),
    ("float64", "f64"),
];

/// A numpy dtype name the spec gives (`element`, `dtype`) and its Rust type.
fn numpy_type(spec: &LoadedSpec, name: &Spanned<String>) -> Result<(String, String), Diagnostic> {
    match NUMPY_TYPES.iter().find(|(n, _)| n == name.get_ref()) {
        Some((n, r)) => Ok(((*n).to_string(), (*r).to_string())),
        None => Err(unknown(spec, name, "numpy number type", NUMPY_TYPES.iter().map(|(n, _)| *n))),
    }
}

/// Whether every `from` value converts exactly to `to` (Rust's `From`).
fn widens(from: &str, to: &str) -> bool {
    let ok: &[&str] = match from {
        "i8" => &["i16", "i32", "i64", "f32", "f64"],
        "u8" => &["u16", "u32", "u64", "i16", "i32", "i64", "f32", "f64"],
        "i16" => &["i32", "i64", "f32", "f64"],
        "u16" => &["u32", "u64", "i32", "i64", "f32", "f64"],
        "i32" => &["i64", "f64"],
        "u32" => &["u64", "i64", "f64"],
        "f32" => &["f64"],
        _ => &[],
    };
    from == to || ok.contains(&to)
}

/// `dtype`: the copy's element type, an exact conversion of the data's.
fn conversion(
    spec: &LoadedSpec,
    record: &Record,
    method: &str,
    n: &NumpySpec,
    from: &str,
    to: &Spanned<String>,
) -> Result<(String, String), Diagnostic> {
    let (name, rust) = numpy_type(spec, to)?;
    let what = format!("{}.{method}", record.name);
    if !n.copy {
        let hint = "a conversion makes a new array: add `copy = true`";
        return Err(spec.error(Kind::SpecInvalid, to.span(), format!("{what}: `dtype` without `copy`")).hint(hint));
    }
    let from_rust = NUMPY_TYPES.iter().find(|(n, _)| *n == from).map_or(from, |(_, r)| r);
    if !widens(from_rust, &rust) {
        let msg = format!("{what}: `{from}` values do not all convert exactly to `{name}`");
        return Err(spec
            .error(Kind::SpecInvalid, to.span(), msg)
            .hint("only widening conversions are allowed (`int16` → `float32`, `float32` → `float64`…)"));
    }
    Ok((name, rust))
}

fn is_int_field(record: &Record, name: &Spanned<String>) -> bool {
    record.field(name.get_ref()).is_some_and(|f| matches!(f.ty, TypeRef::Prim { .. }))
}

/// Checks `shape` against `bytes`, and what `allocate` needs: a byte count
/// to set, an `extent` to size the memory, and a pointer the struct owns
/// (the old memory is freed, so nothing else may hold it).
fn sizing(spec: &LoadedSpec, record: &Record, method: &str, n: &NumpySpec, owned: bool) -> Result<(), Diagnostic> {
    let what = format!("{}.{method}", record.name);
    let bad = |span, message: String, hint: &str| spec.error(Kind::SpecInvalid, span, message).hint(hint);
    match (&n.bytes, n.shape.is_empty()) {
        (Some(b), false) => {
            return Err(bad(b.span(), format!("{what}: both `shape` and `bytes`"), "`bytes` gives a 1-D length; drop one of them"));
        }
        (None, true) => {
            return Err(bad(n.data.span(), format!("{what}: no `shape` and no `bytes`"), "say how long the array is"));
        }
        _ => {}
    }
    let Some(alloc) = &n.allocate else { return Ok(()) };
    let problem = if n.bytes.is_none() || n.extent.is_empty() {
        Some("`allocate` needs `bytes` (set to the new size) and `extent` (the element count)")
    } else if n.copy || !n.writable {
        Some("`allocate` returns a writable view: drop `copy` / `writable = false`")
    } else if !owned {
        Some("the old memory is freed, so the struct must own it: give the data field `pointer = \"owned\"`")
    } else {
        None
    };
    match problem {
        Some(hint) => Err(bad(alloc.span(), format!("{what}: cannot add `{}` here", alloc.get_ref()), hint)),
        None => Ok(()),
    }
}

fn bulk(spec: &LoadedSpec, module: &Module, record: &Record, method: &str, b: &BulkSpec) -> Result<BulkExporter, Vec<Diagnostic>> {
    let names = || record.fields.iter().map(|f| f.name.as_str());
    let list = record.field(b.list.get_ref()).ok_or_else(|| vec![unknown(spec, &b.list, &format!("field of {}", record.name), names())])?;
    let Some(FieldKind::List { element: Some(element) }) = Some(&list.kind) else {
        return Err(vec![
            spec.error(Kind::SpecInvalid, b.list.span(), format!("{}.{} is not a list with an element type", record.name, list.name))
                .hint("give the field `list = \"ElementStruct\"` in its [struct.X.fields.F] table"),
        ]);
    };
    let elem = module.record(element).ok_or_else(Vec::new)?;
    let mut columns = vec![];
    let mut errors = vec![];
    for (key, path) in &b.columns {
        match column_type(module, elem, path) {
            Some((dtype, rust)) => {
                columns.push(Column { key: key.get_ref().clone(), path: path.split('.').map(str::to_string).collect(), dtype, rust })
            }
            None => errors.push(
                spec.error(
                    Kind::SpecUnknownItem,
                    key.span(),
                    format!("column `{}`: `{path}` is not a numeric field path of {element}", key.get_ref()),
                )
                .hint("use a dotted path to a number, e.g. `rect.left`"),
            ),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(BulkExporter { method: method.to_string(), list_field: list.name.clone(), element: element.clone(), columns })
}

/// dtype of the numeric field at a dotted path through nested structs.
fn column_type(module: &Module, record: &Record, path: &str) -> Option<(String, String)> {
    let mut current = record;
    let parts: Vec<&str> = path.split('.').collect();
    for (i, part) in parts.iter().enumerate() {
        let field = current.field(part)?;
        if i + 1 == parts.len() {
            return match &field.ty {
                TypeRef::Enum { .. } => Some(("int32".into(), "i32".into())),
                ty => dtype(ty),
            };
        }
        let TypeRef::Record { name } = &field.ty else { return None };
        current = module.record(name)?;
    }
    None
}
