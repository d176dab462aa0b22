//! Decides how C++ standard-library members convert (`[c].cxx_headers`):
//! `std::string` → `str`, `std::vector<T>` → `list`, maps → `dict`, with
//! numbers, bools and strings copied and bound structs viewed in place.
//! Anything else (nested containers, unbound structs) is skipped with a reason.

use crate::ir::{FieldKind, Module, StdElement, StdShape, StdType, TypeRef};

/// The kind of a member of std:: type `std` (spelled `spelling`).
pub fn decide(module: &Module, std: &StdType, spelling: &str) -> FieldKind {
    let shape = match std {
        StdType::String => Ok(StdShape::Str),
        StdType::Vector { element } => element_of(module, element).map(|element| StdShape::List { element }),
        StdType::Map { key, value } => map(module, key, value, spelling),
        StdType::Other => Err(format!("`{spelling}` is not a std::string, std::vector or map")),
    };
    match shape {
        Ok(shape) => FieldKind::Std { shape },
        Err(reason) => FieldKind::Skipped { reason },
    }
}

fn map(module: &Module, key: &TypeRef, value: &TypeRef, spelling: &str) -> Result<StdShape, String> {
    match element_of(module, key)? {
        StdElement::View { .. } => Err(format!("map keys of struct type (`{spelling}`) have no Python conversion")),
        key => Ok(StdShape::Dict { key, value: element_of(module, value)? }),
    }
}

/// How one element converts, or why it cannot.
fn element_of(module: &Module, ty: &TypeRef) -> Result<StdElement, String> {
    match ty {
        TypeRef::Std { std: StdType::String, .. } => Ok(StdElement::Str),
        TypeRef::Record { name } if module.record(name).is_some() => Ok(StdElement::View { record: name.clone() }),
        TypeRef::Enum { .. } => {
            super::field_kind::unbound_enum(ty).map(|scalar| StdElement::Scalar { scalar }).ok_or_else(|| "enum of unknown width".into())
        }
        _ => super::field_kind::scalar(ty)
            .map(|scalar| StdElement::Scalar { scalar })
            .ok_or_else(|| format!("element `{}` has no Python conversion", ty.spelling())),
    }
}

/// Structs holding C++ members (directly or in embedded structs) cannot be
/// zero-allocated or copied byte by byte: they are not constructible from
/// Python, and embedded members of their type are read-only (assignment
/// would copy the containers' pointers).
pub fn restrict_cxx_records(module: &mut Module) {
    let cxx = cxx_records(module);
    for record in &mut module.records {
        if cxx.contains(&record.name) {
            record.constructible = false;
        }
        for field in &mut record.fields {
            if matches!(&field.kind, FieldKind::Nested { record } if cxx.contains(record)) {
                field.readonly = true;
            }
        }
    }
}

/// Names of the records holding a std:: member, directly or through
/// embedded structs and struct arrays.
fn cxx_records(module: &Module) -> Vec<String> {
    let mut cxx: Vec<String> = vec![];
    loop {
        let holds = |f: &crate::ir::Field| match &f.kind {
            FieldKind::Std { .. } => true,
            FieldKind::Nested { record } | FieldKind::StructArray { record, .. } => cxx.contains(record),
            _ => false,
        };
        let more: Vec<String> =
            module.records.iter().filter(|r| !cxx.contains(&r.name) && r.fields.iter().any(holds)).map(|r| r.name.clone()).collect();
        if more.is_empty() {
            return cxx;
        }
        cxx.extend(more);
    }
}
