//! Resolution of `syn` types into [`RustType`]: primitives, strings and
//! bytes, slices, `Vec`, `Option`, tuples, maps, and the crate's annotated
//! classes and enumerations by identifier. `Result<T>` is unwrapped by
//! [`return_type`], which reports whether the function is fallible.

use std::collections::BTreeMap;

use syn::{GenericArgument, PathArguments, ReturnType, Type};

use crate::ir::RustType;

/// Annotated type identifiers → (Python name, is enum).
pub type Known = BTreeMap<String, (String, bool)>;

/// Resolves one type; `self_name` is the Python name `Self` stands for.
pub fn resolve(ty: &Type, known: &Known, self_name: Option<&str>) -> RustType {
    match ty {
        Type::Reference(r) => resolve_ref(&r.elem, known, self_name),
        Type::Path(p) => resolve_path(&p.path, known, self_name, false),
        Type::Tuple(t) if t.elems.is_empty() => RustType::Unit,
        Type::Tuple(t) => RustType::Tuple(t.elems.iter().map(|e| resolve(e, known, self_name)).collect()),
        Type::Paren(p) => resolve(&p.elem, known, self_name),
        other => RustType::Named(quote_type(other)),
    }
}

fn resolve_ref(elem: &Type, known: &Known, self_name: Option<&str>) -> RustType {
    match elem {
        Type::Slice(s) => match resolve(&s.elem, known, self_name) {
            RustType::UInt if quote_type(&s.elem) == "u8" => RustType::ByteSlice,
            inner => RustType::Slice(Box::new(inner)),
        },
        Type::Path(p) if p.path.is_ident("str") => RustType::Str,
        Type::Path(p) => resolve_path(&p.path, known, self_name, true),
        other => RustType::Named(format!("&{}", quote_type(other))),
    }
}

fn resolve_path(path: &syn::Path, known: &Known, self_name: Option<&str>, by_ref: bool) -> RustType {
    let Some(last) = path.segments.last() else { return RustType::Unit };
    let ident = last.ident.to_string();
    let args = generic_args(&last.arguments, known, self_name);
    match (ident.as_str(), args.as_slice()) {
        ("bool", _) => RustType::Bool,
        ("i8" | "i16" | "i32" | "i64" | "isize", _) => RustType::Int,
        ("u8" | "u16" | "u32" | "u64" | "usize", _) => RustType::UInt,
        ("f32" | "f64", _) => RustType::Float,
        ("String", _) => RustType::String,
        ("Vec", [RustType::UInt]) if last_arg_is_u8(&last.arguments) => RustType::ByteVec,
        ("Vec", [inner]) => RustType::Vec(Box::new(inner.clone())),
        ("Option", [inner]) => RustType::Option(Box::new(inner.clone())),
        ("HashMap" | "BTreeMap", [k, v]) => RustType::Map(Box::new(k.clone()), Box::new(v.clone())),
        ("Self", _) => match self_name {
            Some(n) => RustType::Class { name: n.to_string(), by_ref },
            None => RustType::Named("Self".into()),
        },
        _ => match known.get(&ident) {
            Some((py, true)) => RustType::Enum(py.clone()),
            Some((py, false)) => RustType::Class { name: py.clone(), by_ref },
            None => RustType::Named(if by_ref { format!("&{ident}") } else { ident }),
        },
    }
}

fn generic_args(args: &PathArguments, known: &Known, self_name: Option<&str>) -> Vec<RustType> {
    match args {
        PathArguments::AngleBracketed(a) => a
            .args
            .iter()
            .filter_map(|g| match g {
                GenericArgument::Type(t) => Some(resolve(t, known, self_name)),
                _ => None,
            })
            .collect(),
        _ => vec![],
    }
}

fn last_arg_is_u8(args: &PathArguments) -> bool {
    match args {
        PathArguments::AngleBracketed(a) => a.args.iter().any(|g| matches!(g, GenericArgument::Type(t) if quote_type(t) == "u8")),
        _ => false,
    }
}

/// The return type, with `Result<T>` unwrapped: (type, fallible).
pub fn return_type(ret: &ReturnType, known: &Known, self_name: Option<&str>) -> (RustType, bool) {
    let ReturnType::Type(_, ty) = ret else { return (RustType::Unit, false) };
    if let Type::Path(p) = &**ty
        && let Some(last) = p.path.segments.last()
        && last.ident == "Result"
    {
        let inner = generic_args(&last.arguments, known, self_name);
        return (inner.into_iter().next().unwrap_or(RustType::Unit), true);
    }
    (resolve(ty, known, self_name), false)
}

/// A compact spelling of a type for messages.
pub fn quote_type(ty: &Type) -> String {
    match ty {
        Type::Path(p) => p.path.segments.iter().map(|s| s.ident.to_string()).collect::<Vec<_>>().join("::"),
        Type::Reference(r) => format!("&{}", quote_type(&r.elem)),
        Type::Slice(s) => format!("[{}]", quote_type(&s.elem)),
        _ => "_".into(),
    }
}
