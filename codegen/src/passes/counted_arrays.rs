//! Counted-pointer arrays (`[struct.NAME.arrays.METHOD]`): a `T* data`
//! field whose length is another field (`count`, bounded by `capacity`),
//! read as views of the elements. Checks the fields' types against the
//! record and records the method; the runtime (`rt::counted`) clamps the
//! count and checks every index.

use toml::Spanned;

use super::records::unknown;
use crate::diagnostic::{Diagnostic, Kind};
use crate::ir::{ArrayFill, CountedArray, FieldKind, Module, Record, TypeRef};
use crate::spec::{ArrayFillSpec, CountedArraySpec, LoadedSpec};

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
    let fill = match &a.fill {
        Some(fill) => Some(decide_fill(spec, module, record, &element, fill.get_ref())?),
        None => None,
    };
    Ok(CountedArray {
        method: method.to_string(),
        data_field: a.data.get_ref().clone(),
        element,
        count_field: a.count.get_ref().clone(),
        capacity_field: a.capacity.as_ref().map(|c| c.get_ref().clone()),
        index: a.index,
        function: a.function.as_ref().map(|f| f.get_ref().clone()),
        fill,
    })
}

/// `fill`: a raw pointer field of the element, and a pointer-to-pointer field of the struct.
fn decide_fill(spec: &LoadedSpec, module: &Module, record: &Record, element: &str, fill: &ArrayFillSpec) -> Result<ArrayFill, Diagnostic> {
    let elem = module.record(element).expect("element_record found it");
    let names = || elem.fields.iter().map(|f| f.name.as_str());
    let field = elem.field(fill.field.get_ref()).ok_or_else(|| unknown(spec, &fill.field, &format!("field of {element}"), names()))?;
    if !matches!(field.kind, FieldKind::VoidPtr) {
        let msg = format!("{element}.{} is `{}`, not a raw pointer (`void*`) field", field.name, field.ty.spelling());
        return Err(spec.error(Kind::SpecInvalid, fill.field.span(), msg).hint("`fill.field` names the element's pointer the array fills"));
    }
    let names = || record.fields.iter().map(|f| f.name.as_str());
    let from = record.field(fill.from.get_ref()).ok_or_else(|| unknown(spec, &fill.from, &format!("field of {}", record.name), names()))?;
    if !matches!(from.ty.pointee(), Some(TypeRef::Pointer { .. })) {
        let msg = format!("{}.{} is `{}`, not an array of pointers (`void**`)", record.name, from.name, from.ty.spelling());
        return Err(spec
            .error(Kind::SpecInvalid, fill.from.span(), msg)
            .hint("`fill.from` names a `T**` field holding one pointer per element"));
    }
    Ok(ArrayFill { field: field.name.clone(), field_via: field.via.clone(), from: from.name.clone(), from_via: from.via.clone() })
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
