//! Argument and return conversions for annotated Rust items: the decision
//! of how each Python argument becomes the Rust parameter(s) of a call and
//! how a result becomes a Python object. Defaults follow the Rust type (for
//! other named types, the spec's `[rust.conversions]` table); a spec
//! argument list (`"name:conversion=default"`) overrides them. The
//! backend prints each [`Conv`] / [`Ret`] (IR types, `ir::rust_conv`) as a
//! call into the glue crate.

use toml::Spanned;

use crate::ir::RustType;
pub use crate::ir::rust_conv::{Conv, Ret, Take, ValueEnum};
use crate::spec::SpannedMap;

/// The spec's `[rust.conversions]`: conversion names by Rust type as written.
pub type NamedConversions = SpannedMap<Spanned<String>>;

/// Parses a spec result conversion (`matrix_view`, `plain`, `class(Name)`).
pub fn parse_ret(text: &str) -> Option<Ret> {
    match text {
        "matrix_view" => Some(Ret::MatrixView),
        "plain" => Some(Ret::Plain),
        _ => text.strip_prefix("class(").and_then(|r| r.strip_suffix(')')).map(|c| Ret::Class(c.to_string())),
    }
}

/// Whether `text` names a parameter or a result conversion (a valid `[rust.conversions]` value).
pub fn is_conversion(text: &str) -> bool {
    parse_conv(text, None).is_some() || parse_ret(text).is_some() || text == "value_enum"
}

/// The conversion name `[rust.conversions]` gives a named Rust type.
fn named<'a>(named: &'a NamedConversions, type_name: &str) -> Option<&'a str> {
    named.iter().find(|(k, _)| k.get_ref() == type_name).map(|(_, v)| v.get_ref().as_str())
}

/// The default conversion of a Rust parameter type; `None` when there is none.
pub fn default_conv(ty: &RustType, conversions: &NamedConversions) -> Option<Conv> {
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
        T::Option(inner) => Conv::Optional(Box::new(default_conv(inner, conversions)?)),
        T::Named(n) => parse_conv(named(conversions, n)?, Some(ty))?,
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
        ("int32_list", None) => Conv::Int32List,
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
pub fn ret_of(ty: &RustType, conversions: &NamedConversions) -> Option<Ret> {
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
        T::Named(n) => match named(conversions, n)? {
            "value_enum" => Ret::ValueEnum(ValueEnum { rust_type: n.clone(), ..ValueEnum::default() }),
            other => parse_ret(other)?,
        },
        _ => return None,
    })
}
