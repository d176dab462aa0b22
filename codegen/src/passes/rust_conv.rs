//! Argument and return conversions for annotated Rust items: the decision
//! of how each Python argument becomes the Rust parameter(s) of a call and
//! how a result becomes a Python object. Defaults follow the Rust type; a
//! spec argument list (`"name:conversion=default"`) overrides them. The
//! backend prints each [`Conv`] / [`Ret`] (IR types, `ir::rust_conv`) as a
//! call into the glue crate.

use crate::ir::RustType;
pub use crate::ir::rust_conv::{Conv, Ret, Take};

/// Parses a spec `returns` override (`matrix_view`, `class(Name)`).
pub fn parse_ret(text: &str) -> Option<Ret> {
    match text {
        "matrix_view" => Some(Ret::MatrixView),
        "plain" => Some(Ret::Plain),
        _ => text.strip_prefix("class(").and_then(|r| r.strip_suffix(')')).map(|c| Ret::Class(c.to_string())),
    }
}

/// The default conversion of a Rust parameter type; `None` when there is none.
pub fn default_conv(ty: &RustType) -> Option<Conv> {
    use RustType as T;
    Some(match ty {
        T::Int => Conv::Int,
        T::UInt => Conv::Size,
        T::Float => Conv::Double,
        T::Bool => Conv::Bool,
        T::Str => Conv::Str { owned: false },
        T::String => Conv::Str { owned: true },
        T::ByteSlice => Conv::Bytes { owned: false },
        T::ByteVec => Conv::Bytes { owned: true },
        T::Slice(e) | T::Vec(e) => match &**e {
            T::Int => Conv::IntList,
            T::Float => Conv::FloatList,
            T::Bool => Conv::BoolList,
            T::ByteVec => Conv::BytesList,
            T::Class { name, .. } => Conv::ClassList(name.clone()),
            T::Tuple(items) => match items.as_slice() {
                [T::ByteVec, T::Class { name, .. }] => Conv::BytesClassDict(name.clone()),
                _ => return None,
            },
            _ => return None,
        },
        T::Map(k, v) => match (&**k, &**v) {
            (T::String, T::Class { name, .. }) => Conv::StrClassMap(name.clone()),
            _ => return None,
        },
        T::Class { name, by_ref: true } => Conv::ClassRef(name.clone()),
        T::Class { name, by_ref: false } => Conv::ClassVal(name.clone()),
        T::Enum(name) => Conv::Enum(name.clone()),
        T::Option(inner) => Conv::Optional(Box::new(default_conv(inner)?)),
        T::Named(n) if n == "&ArrayData" => Conv::Array(Take::Strict),
        _ => return None,
    })
}

/// Parses a conversion name from the spec (see the variant docs) for a Rust type.
pub fn parse_conv(text: &str, ty: Option<&RustType>) -> Option<Conv> {
    let owned = matches!(ty, Some(RustType::String | RustType::ByteVec));
    let (head, inner) = match text.split_once('(') {
        Some((h, rest)) => (h, rest.strip_suffix(')').map(str::to_string)),
        None => (text, None),
    };
    let conv = match (head, inner) {
        ("int", None) => Conv::Int,
        ("uint64", None) => Conv::UInt64,
        ("size", None) => Conv::Size,
        ("float", None) => Conv::Double,
        ("bool", None) => Conv::Bool,
        ("flag", None) => Conv::Flag,
        ("bytes", None) => Conv::Bytes { owned },
        ("str", None) => Conv::Str { owned },
        ("str_of", None) => Conv::StrOf { owned },
        ("int_list", None) => Conv::IntList,
        ("float_list", None) => Conv::FloatList,
        ("bool_list", None) => Conv::BoolList,
        ("bytes_list", None) => Conv::BytesList,
        ("matrix", None) => Conv::Matrix,
        ("array", None) => Conv::Array(Take::Strict),
        ("array_copy", None) => Conv::Array(Take::Copy),
        ("array", Some(flag)) => Conv::Array(Take::Flag(flag)),
        ("list", Some(c)) => Conv::ClassList(c),
        ("bytes_dict", Some(c)) => Conv::BytesClassDict(c),
        ("str_map", Some(c)) => Conv::StrClassMap(c),
        ("ref", Some(c)) => Conv::ClassRef(c),
        ("val", Some(c)) => Conv::ClassVal(c),
        ("enum", Some(c)) => Conv::Enum(c),
        ("observer", Some(c)) => Conv::Observer(c),
        ("optional", Some(c)) => Conv::Optional(Box::new(parse_conv(&c, ty.and_then(option_inner))?)),
        _ => return None,
    };
    Some(conv)
}

fn option_inner(ty: &RustType) -> Option<&RustType> {
    match ty {
        RustType::Option(inner) => Some(inner),
        _ => None,
    }
}

/// The return conversion of a Rust type (`None` when unsupported).
pub fn ret_of(ty: &RustType) -> Option<Ret> {
    use RustType as T;
    Some(match ty {
        T::Unit => Ret::Unit,
        T::Bool | T::Int | T::UInt | T::Float | T::String | T::ByteVec => Ret::Plain,
        T::Vec(e) => match &**e {
            T::Float => Ret::FloatList,
            T::Bool | T::Int | T::UInt | T::String | T::ByteVec => Ret::Plain,
            T::Class { name, .. } => Ret::ClassList(name.clone()),
            T::Tuple(items) => match items.as_slice() {
                [T::String, T::Class { name, .. }] => Ret::StrClassDict(name.clone()),
                _ => return None,
            },
            _ => return None,
        },
        T::Class { name, .. } => Ret::Class(name.clone()),
        T::Enum(name) => Ret::Enum(name.clone()),
        T::Named(n) if n == "PixelValue" => Ret::Pixel,
        _ => return None,
    })
}
