//! Argument and return conversions for annotated Rust items: the decision
//! of how each Python argument becomes the Rust parameter(s) of a call and
//! how a result becomes a Python object. Defaults follow the Rust type; a
//! spec argument list (`"name:conversion=default"`) overrides them. The
//! backend prints each [`Conv`] / [`Ret`] as a call into the glue crate.

use serde::Serialize;

use crate::ir::RustType;

/// How a numpy array argument is taken.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Take {
    /// C-contiguous ndarray only (pybind noconvert).
    Strict,
    /// Copy from any ndarray.
    Copy,
    /// Copy when the bool Python argument of this name is true, share otherwise.
    Flag(String),
}

/// How one Python argument becomes Rust call arguments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Conv {
    /// noconvert int64 (`int`).
    Int,
    /// convert-mode uint64 (`uint64`).
    UInt64,
    /// non-negative size (`size`).
    Size,
    /// convert-mode float (`float`).
    Double,
    /// strict bool (`bool`).
    Bool,
    /// a bool read by another argument's conversion; no Rust argument (`flag`).
    Flag,
    /// str/bytes/bytearray → bytes (`bytes`); `owned` passes `Vec<u8>`.
    Bytes { owned: bool },
    /// str only (`str`).
    Str { owned: bool },
    /// `str(obj)` (`str_of`).
    StrOf { owned: bool },
    /// sequence of noconvert ints (`int_list`).
    IntList,
    /// sequence of Python floats only (`float_list`).
    FloatList,
    /// sequence of strict bools (`bool_list`).
    BoolList,
    /// sequence of str/bytes (`bytes_list`).
    BytesList,
    /// sequence of a class's values (`list(Class)`).
    ClassList(String),
    /// dict of str/bytes → class values, as pairs (`bytes_dict(Class)`).
    BytesClassDict(String),
    /// dict of str → class values (`str_map(Class)`); bad values are RuntimeError.
    StrClassMap(String),
    /// a borrowed class value (`ref(Class)`).
    ClassRef(String),
    /// a cloned class value, or an int through its constructor when the class is implicit (`val(Class)`).
    ClassVal(String),
    /// an enumeration value (`enum(Enum)`).
    Enum(String),
    /// a Python callable as a graph observer given packets of this class (`observer(Class)`).
    Observer(String),
    /// any 2-D array-like as float32 (shape, values): two Rust arguments (`matrix`).
    Matrix,
    /// a numpy array as `&ArrayData` (`array`, `array_copy`, `array(FLAG)`).
    Array(Take),
    /// `None` or the inner conversion.
    Optional(Box<Conv>),
}

impl Conv {
    /// How many Rust parameters this Python argument feeds.
    pub fn rust_arity(&self) -> usize {
        match self {
            Conv::Flag => 0,
            Conv::Matrix => 2,
            _ => 1,
        }
    }
}

/// How a Rust result becomes a Python object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub enum Ret {
    /// Anything PyO3 converts itself (scalars, str, bytes, lists of those).
    Plain,
    /// `()` → None.
    Unit,
    /// A class value, wrapped.
    Class(String),
    /// An enumeration value, wrapped.
    Enum(String),
    /// A list of class values.
    ClassList(String),
    /// `(String, Class)` pairs as a dict.
    StrClassDict(String),
    /// A pixel value (int or float).
    Pixel,
    /// A matrix as a read-only numpy view whose base is the first argument.
    MatrixView,
    /// `Vec<f32>`/`Vec<f64>` as a list of floats, built without per-item dispatch.
    FloatList,
}

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
