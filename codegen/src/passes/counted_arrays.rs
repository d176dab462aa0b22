//! Counted-pointer arrays (`[struct.NAME.arrays.METHOD]`): a `T* data`
//! field whose length is another field (`count`, bounded by `capacity`),
//! read as views of the elements. Checks the fields' types against the
//! record and records the method; the runtime (`rt::counted`) clamps the
//! count and checks every index.

use toml::Spanned;

use super::records::unknown;
use crate::diagnostic::{Diagnostic, Kind};
use crate::ir::{CountedArray, Module, Record, TypeRef};
use crate::spec::{CountedArraySpec, LoadedSpec};

/// Runs the pass.
pub fn run(spec: &LoadedSpec, module: &mut Module) -> Vec<Diagnostic> {
    let mut errors = vec![];
    let snapshot = module.clone();
    for (name, s) in &spec.spec.structs {
        let Some(record) = module.records.iter_mut().find(|r| &r.name == name.get_ref()) else { continue };
        for (method, a) in &s.arrays {
            match decide(spec, &snapshot, record, method.get_ref(), a) {
                Ok(found) => record.arrays.push(found),
                Err(e) => errors.push(e),
            }
        }
    }
    errors
}

fn decide(spec: &LoadedSpec, module: &Module, record: &Record, method: &str, a: &CountedArraySpec) -> Result<CountedArray, Diagnostic> {
    let element = element_record(spec, module, record, &a.data)?;
    integer_field(spec, record, &a.count)?;
    if let Some(capacity) = &a.capacity {
        integer_field(spec, record, capacity)?;
    }
    Ok(CountedArray {
        method: method.to_string(),
        data_field: a.data.get_ref().clone(),
        element,
        count_field: a.count.get_ref().clone(),
        capacity_field: a.capacity.as_ref().map(|c| c.get_ref().clone()),
        index: a.index,
    })
}

/// The bound struct `data` points to.
fn element_record(spec: &LoadedSpec, module: &Module, record: &Record, data: &Spanned<String>) -> Result<String, Diagnostic> {
    let names = || record.fields.iter().map(|f| f.name.as_str());
    let field = record.field(data.get_ref()).ok_or_else(|| unknown(spec, data, &format!("field of {}", record.name), names()))?;
    match field.ty.pointee() {
        Some(TypeRef::Record { name }) if module.record(name).is_some() && !super::is_glist(name) => Ok(name.clone()),
        _ => {
            let msg = format!("{}.{} is `{}`, not a pointer to a bound struct", record.name, field.name, field.ty.spelling());
            Err(spec
                .error(Kind::SpecInvalid, data.span(), msg)
                .hint("`data` names a `T*` field whose elements are bound structs; numbers behind a pointer are numpy exporters"))
        }
    }
}

/// `name` must be an integer field of `record`.
fn integer_field(spec: &LoadedSpec, record: &Record, name: &Spanned<String>) -> Result<(), Diagnostic> {
    let names = || record.fields.iter().map(|f| f.name.as_str());
    let field = record.field(name.get_ref()).ok_or_else(|| unknown(spec, name, &format!("field of {}", record.name), names()))?;
    let integer = matches!(super::field_kind::scalar(&field.ty), Some(crate::ir::ScalarKind::Int { .. }));
    if integer && field.via.is_empty() {
        return Ok(());
    }
    let msg = format!("{}.{} is `{}`, not an integer field that can hold a length", record.name, field.name, field.ty.spelling());
    Err(spec.error(Kind::SpecInvalid, name.span(), msg).hint("`count` and `capacity` name integer fields of the same struct"))
}
