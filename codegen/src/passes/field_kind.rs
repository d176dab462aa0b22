//! Decides each field's kind (DESIGN §3) from its C type, the bound items and
//! the field's spec policy.

use crate::ir::{FieldKind, Module, Prim, ScalarKind, TypeRef};
use crate::spec::FieldSpec;

/// The kind of a field of type `ty`, given the spec's policy for it.
pub fn decide(module: &Module, ty: &TypeRef, policy: Option<&FieldSpec>, default_allocator: &str) -> FieldKind {
    decide_in_struct(module, ty, policy, &Defaults { allocator: default_allocator, strings: None })
}

/// Struct- and spec-wide defaults a field's own policy overrides.
pub struct Defaults<'a> {
    /// `[c].allocator`.
    pub allocator: &'a str,
    /// `[struct.NAME] strings`: the `char*` policy of fields without `string`.
    pub strings: Option<&'a str>,
}

/// [`decide`] for a field of a struct whose table may set defaults.
pub fn decide_in_struct(module: &Module, ty: &TypeRef, policy: Option<&FieldSpec>, defaults: &Defaults<'_>) -> FieldKind {
    if policy.is_some_and(|p| p.skip) {
        return FieldKind::Skipped { reason: "spec: skip".into() };
    }
    match ty {
        TypeRef::Prim { .. } => scalar(ty).map(|scalar| FieldKind::Scalar { scalar }).unwrap_or(skip("unsupported primitive")),
        TypeRef::Enum { name, .. } => match module.enum_def(name) {
            Some(e) => FieldKind::Enum { name: name.clone(), bits: e.bits, signed: e.signed },
            None => unbound_enum(ty).map(|scalar| FieldKind::Scalar { scalar }).unwrap_or(skip("enum of unknown width")),
        },
        TypeRef::Record { name } if module.record(name).is_some() => FieldKind::Nested { record: name.clone() },
        TypeRef::Record { .. } if policy.is_some_and(|p| p.embedded.is_some()) => FieldKind::EmbeddedAddress,
        TypeRef::Record { name } => skip(&format!("struct {name} is not bound")),
        TypeRef::Array { element, len } => array(module, element, *len),
        TypeRef::Pointer { pointee, .. } => pointer(module, pointee, policy, defaults),
        TypeRef::FnPtr { .. } => match policy.and_then(|p| p.callback.as_ref()) {
            Some(cb) => FieldKind::Callback {
                key_path: cb.key.get_ref().split('.').map(str::to_string).collect(),
                arg: cb.arg,
                arg_record: cb.as_struct.as_ref().map(|a| a.get_ref().clone()).unwrap_or_default(),
                cast_key: cb.as_struct.is_some(),
                all_args: cb.args.as_ref().is_some_and(|a| a.get_ref() == "all"),
            },
            None => skip("function pointer without a `callback` policy"),
        },
        TypeRef::Opaque { spelling } => skip(&format!("`{spelling}` has no Python conversion")),
        TypeRef::Std { std, spelling } => super::std_fields::decide(module, std, spelling),
        TypeRef::Void => skip("type not modelled"),
    }
}

fn skip(reason: &str) -> FieldKind {
    FieldKind::Skipped { reason: reason.into() }
}

/// Scalar conversion of a primitive (gboolean counts as a boolean).
pub fn scalar(ty: &TypeRef) -> Option<ScalarKind> {
    let TypeRef::Prim { prim, spelling } = ty else { return None };
    Some(match prim {
        Prim::Bool => ScalarKind::Bool { bits: 8, signed: false },
        Prim::Int(bits) if spelling == "gboolean" => ScalarKind::Bool { bits: *bits, signed: true },
        Prim::Int(bits) => ScalarKind::Int { bits: *bits, signed: true },
        Prim::UInt(bits) => ScalarKind::Int { bits: *bits, signed: false },
        Prim::Char => ScalarKind::Int { bits: 8, signed: true },
        Prim::F32 => ScalarKind::Float { bits: 32 },
        Prim::F64 => ScalarKind::Float { bits: 64 },
    })
}

/// An enum that is not bound (declared outside the bound headers, or left
/// out by `[expose]`) converts as its underlying integer type.
pub fn unbound_enum(ty: &TypeRef) -> Option<ScalarKind> {
    let TypeRef::Enum { repr, spelling, .. } = ty else { return None };
    scalar(&TypeRef::Prim { prim: *repr, spelling: spelling.clone() })
}

/// numpy dtype and Rust type of a numeric primitive.
pub fn dtype(ty: &TypeRef) -> Option<(String, String)> {
    let (np, rs) = match scalar(ty)? {
        ScalarKind::Int { bits, signed: true } | ScalarKind::Bool { bits, signed: true } => (format!("int{bits}"), format!("i{bits}")),
        ScalarKind::Int { bits, signed: false } | ScalarKind::Bool { bits, signed: false } => (format!("uint{bits}"), format!("u{bits}")),
        ScalarKind::Float { bits } => (format!("float{bits}"), format!("f{bits}")),
    };
    Some((np, rs))
}

fn array(module: &Module, element: &TypeRef, len: usize) -> FieldKind {
    if matches!(element, TypeRef::Prim { prim: Prim::Char, .. }) {
        return FieldKind::CharArray { len };
    }
    if matches!(element, TypeRef::Pointer { .. }) {
        // Addresses as 64-bit integers (the targets are LP64).
        return FieldKind::NumericArray { dtype: "uint64".into(), rust: "u64".into(), len };
    }
    if matches!(element, TypeRef::Array { .. }) {
        return skip("array of arrays (multi-dimensional arrays are not viewed)");
    }
    if let TypeRef::Record { name } = element {
        return match module.record(name) {
            Some(_) => FieldKind::StructArray { record: name.clone(), len },
            None => skip(&format!("array of unbound struct {name}")),
        };
    }
    match dtype(element) {
        Some((dtype, rust)) => FieldKind::NumericArray { dtype, rust, len },
        None => skip("array of non-numeric elements"),
    }
}

/// The field's own `string` policy, else its struct's `strings`.
fn string_policy<'a>(policy: Option<&'a FieldSpec>, defaults: &Defaults<'a>) -> Option<&'a str> {
    policy.and_then(|p| p.string.as_ref()).map(|s| s.get_ref().as_str()).or(defaults.strings)
}

fn pointer(module: &Module, pointee: &TypeRef, policy: Option<&FieldSpec>, defaults: &Defaults<'_>) -> FieldKind {
    match pointee {
        TypeRef::Prim { prim: Prim::Char, .. } => {
            let string = string_policy(policy, defaults);
            if string == Some("address") {
                return FieldKind::VoidPtr;
            }
            let owned = string == Some("owned");
            let interned = string == Some("interned");
            let allocator =
                policy.and_then(|p| p.allocator.as_ref()).map(|a| a.get_ref().clone()).unwrap_or_else(|| defaults.allocator.to_string());
            FieldKind::CString { owned, interned, allocator }
        }
        TypeRef::Record { name } if super::is_glist(name) => {
            FieldKind::List { element: policy.and_then(|p| p.list.as_ref()).map(|l| l.get_ref().clone()) }
        }
        TypeRef::Record { name } if module.record(name).is_some() => {
            let owned = policy.and_then(|p| p.pointer.as_ref()).is_some_and(|p| p.get_ref() == "owned");
            FieldKind::PtrView { record: name.clone(), owned }
        }
        _ => FieldKind::VoidPtr,
    }
}
