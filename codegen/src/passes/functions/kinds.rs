//! The default conversion of each parameter and result from its C type
//! alone (the spec refines it afterwards).

use crate::ir::{Module, Param, ParamKind, Prim, ReturnKind, TypeRef};
use crate::passes::field_kind::{scalar, unbound_enum};
use crate::passes::is_glist;

/// How a parameter converts by default: numbers, enums, `const char*`
/// strings, views of bound structs, GLib lists, handles of unbound structs
/// and raw addresses. A pointer
/// parameter accepts `None` only when the header marks it `_Nullable`; a raw
/// address never accepts an `int` by default (only with the parameter's
/// `address = "int"`; `[module] int_addresses` covers `cast` and fields only).
pub fn param_kind(module: &Module, p: &Param) -> ParamKind {
    let nullable = p.header_nullable;
    match &p.ty {
        TypeRef::Prim { .. } => scalar(&p.ty).map(|scalar| ParamKind::Scalar { scalar }).unwrap_or(ParamKind::Undecided),
        TypeRef::Enum { name, .. } if module.enum_def(name).is_some() => ParamKind::Enum { name: name.clone() },
        TypeRef::Enum { .. } => unbound_enum(&p.ty).map(|scalar| ParamKind::Scalar { scalar }).unwrap_or(ParamKind::Undecided),
        TypeRef::Pointer { pointee, .. } => match &**pointee {
            TypeRef::Prim { prim: Prim::Char, .. } => ParamKind::Str { nullable },
            TypeRef::Record { name } if is_glist(name) => ParamKind::List { element: None, nullable },
            TypeRef::Record { name } if module.record(name).is_some() => ParamKind::View { record: name.clone(), nullable },
            TypeRef::Record { name } => ParamKind::Handle { name: name.clone(), nullable },
            _ => ParamKind::Address { nullable, ints: false },
        },
        _ => ParamKind::Undecided,
    }
}

/// How a result converts: numbers, enums, strings, views (their lifetime is
/// decided later by `provenance`), handles of unbound structs and raw
/// addresses as capsules.
pub fn return_kind(module: &Module, ty: &TypeRef) -> ReturnKind {
    match ty {
        TypeRef::Void => ReturnKind::Unit,
        TypeRef::Prim { .. } => scalar(ty).map(|scalar| ReturnKind::Scalar { scalar }).unwrap_or(ReturnKind::Undecided),
        TypeRef::Enum { name, .. } if module.enum_def(name).is_some() => ReturnKind::Enum { name: name.clone() },
        TypeRef::Enum { .. } => unbound_enum(ty).map(|scalar| ReturnKind::Scalar { scalar }).unwrap_or(ReturnKind::Undecided),
        TypeRef::Pointer { pointee, .. } => match &**pointee {
            TypeRef::Prim { prim: Prim::Char, .. } => ReturnKind::Str,
            TypeRef::Record { name } if module.record(name).is_some() => {
                ReturnKind::View { record: name.clone(), ownership: Default::default() }
            }
            TypeRef::Record { name } if !is_glist(name) => ReturnKind::Handle { name: name.clone() },
            _ => ReturnKind::Address,
        },
        _ => ReturnKind::Undecided,
    }
}
