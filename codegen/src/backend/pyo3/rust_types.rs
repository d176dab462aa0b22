//! Rust spellings of C types as bindgen declares them (used for trampoline
//! signatures and casts in generated code).

use crate::ir::{Prim, ScalarKind, TypeRef};

/// The Rust type bindgen uses for `ty` (aliases resolved to core types).
pub fn rust_type(ty: &TypeRef) -> String {
    match ty {
        TypeRef::Void => "::std::ffi::c_void".into(),
        TypeRef::Prim { prim, .. } => prim_type(*prim).into(),
        TypeRef::Record { name } => format!("ffi::{name}"),
        TypeRef::Enum { name, .. } => format!("ffi::{name}"),
        TypeRef::Pointer { pointee, is_const } => {
            let inner = match &**pointee {
                TypeRef::Void | TypeRef::Opaque { .. } => "::std::ffi::c_void".to_string(),
                other => rust_type(other),
            };
            format!("*{} {inner}", if *is_const { "const" } else { "mut" })
        }
        TypeRef::Array { element, len } => format!("[{}; {len}]", rust_type(element)),
        TypeRef::FnPtr { ret, params, .. } => {
            let ps: Vec<String> = params.iter().map(rust_type).collect();
            let r = match &**ret {
                TypeRef::Void => String::new(),
                other => format!(" -> {}", rust_type(other)),
            };
            format!("::std::option::Option<unsafe extern \"C\" fn({}){r}>", ps.join(", "))
        }
        TypeRef::Opaque { .. } | TypeRef::Std { .. } => "::std::ffi::c_void".into(),
    }
}

pub(super) fn prim_type(prim: Prim) -> &'static str {
    match prim {
        Prim::Int(8) => "i8",
        Prim::Char => "::std::ffi::c_char",
        Prim::Int(16) => "i16",
        Prim::Int(32) => "i32",
        Prim::Int(_) => "i64",
        Prim::UInt(8) => "u8",
        Prim::UInt(16) => "u16",
        Prim::UInt(32) => "u32",
        Prim::UInt(_) => "u64",
        Prim::F32 => "f32",
        Prim::F64 => "f64",
        Prim::Bool => "bool",
    }
}

/// ` as {target}` where bindgen's type for `ty` is not already `target`,
/// else nothing: an identity cast is noise (`clippy::unnecessary_cast`).
/// `char` keeps its cast (`c_char` is `i8` or `u8` by platform).
pub fn cast_suffix(ty: &TypeRef, target: &str) -> String {
    let bindgen = match ty {
        TypeRef::Enum { repr, .. } => prim_type(*repr).to_string(),
        other => rust_type(other),
    };
    if bindgen == target { String::new() } else { format!(" as {target}") }
}

/// `expr` converted to `target`: `(expr as target)`, or `expr` itself where
/// bindgen's type for `ty` already is `target`.
pub fn converted(expr: &str, ty: &TypeRef, target: &str) -> String {
    match cast_suffix(ty, target) {
        cast if cast.is_empty() => expr.to_string(),
        cast => format!("({expr}{cast})"),
    }
}

/// Method calls turning a pointer of type `ty` into `*mut c_void` without
/// an `as` cast (which clippy flags when the pointer already is one).
pub fn erase_pointer(ty: &TypeRef) -> &'static str {
    match ty {
        TypeRef::Pointer { is_const: true, .. } => ".cast_mut().cast::<c_void>()",
        TypeRef::Pointer { .. } => ".cast::<c_void>()",
        _ => " as *mut c_void",
    }
}

/// The Rust type a scalar converts through.
pub fn scalar_type(s: ScalarKind) -> String {
    match s {
        ScalarKind::Int { bits, signed } | ScalarKind::Bool { bits, signed } => format!("{}{bits}", if signed { "i" } else { "u" }),
        ScalarKind::Float { bits } => format!("f{bits}"),
    }
}

/// Rust keywords (strict and reserved).
const KEYWORDS: &[&str] = &[
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for", "if", "impl", "in", "let", "loop",
    "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe",
    "use", "where", "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro", "override", "priv", "typeof",
    "unsized", "virtual", "yield", "try", "gen",
];

/// Primitive type names, which bindgen also suffixes in field names.
const PRIMITIVES: &[&str] =
    &["i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize", "f32", "f64", "bool", "char", "str"];

/// Field names that are Rust keywords or primitive type names get bindgen's `_` suffix.
pub fn rust_ident(name: &str) -> String {
    if KEYWORDS.contains(&name) || PRIMITIVES.contains(&name) { format!("{name}_") } else { name.to_string() }
}

/// A function parameter's Rust identifier. PyO3 takes keyword names from
/// the Rust identifiers, so they must keep the C name: keywords become raw
/// identifiers (`r#box`, exposed as `box`), primitive type names are valid
/// identifiers as they are; only `self`-like words, which cannot be raw,
/// get the `_` suffix.
pub fn param_ident(name: &str) -> String {
    const NOT_RAW: &[&str] = &["self", "Self", "super", "crate"];
    if NOT_RAW.contains(&name) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name) {
        format!("r#{name}")
    } else {
        name.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameter_identifiers_keep_the_python_keyword() {
        assert_eq!(param_ident("box"), "r#box");
        assert_eq!(param_ident("type"), "r#type");
        assert_eq!(param_ident("i8"), "i8");
        assert_eq!(param_ident("self"), "self_");
        assert_eq!(param_ident("frame"), "frame");
        assert_eq!(rust_ident("i8"), "i8_");
        assert_eq!(rust_ident("box"), "box_");
    }

    #[test]
    fn identity_casts_are_left_out() {
        let int = |prim| TypeRef::Prim { prim, spelling: String::new() };
        assert_eq!(cast_suffix(&int(Prim::UInt(32)), "u32"), "");
        assert_eq!(cast_suffix(&int(Prim::UInt(32)), "i64"), " as i64");
        assert_eq!(cast_suffix(&int(Prim::Char), "i8"), " as i8");
        assert_eq!(converted("a1", &int(Prim::F32), "f64"), "(a1 as f64)");
        assert_eq!(converted("a1", &int(Prim::F64), "f64"), "a1");
        let void = |is_const| TypeRef::Pointer { pointee: Box::new(TypeRef::Void), is_const };
        assert_eq!(erase_pointer(&void(false)), ".cast::<c_void>()");
        assert_eq!(erase_pointer(&void(true)), ".cast_mut().cast::<c_void>()");
    }
}
