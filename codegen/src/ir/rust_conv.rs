//! Conversions of the Rust path's IR: how each Python argument becomes the
//! Rust parameter(s) of a call ([`Conv`]) and how a result becomes a Python
//! object ([`Ret`]). Plain data: `passes::rust_conv` decides which applies,
//! `backend::pyo3_rust` prints each as a call into the glue crate.

use serde::Serialize;

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
    /// sequence of noconvert ints that fit int32, passed as `i32` (`int32_list`): C++ `std::vector<int>`.
    Int32List,
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
    /// a Python callable registered as an observer, called with a name and a value of this class (`observer(Class)`).
    Observer(String),
    /// any 2-D array-like as float32 (shape, values): two Rust arguments (`matrix`).
    Matrix,
    /// a numpy array, passed as the glue crate's array reference (`array`, `array_copy`, `array(FLAG)`).
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
    /// A value enum: an enum whose variants each hold one value, returned
    /// as that value (`value_enum`; `Int(i64)` → int, `Float(f64)` → float).
    ValueEnum(ValueEnum),
    /// A matrix as a read-only numpy view whose base is the first argument.
    MatrixView,
    /// `Vec<f32>`/`Vec<f64>` as a list of floats, built without per-item dispatch.
    FloatList,
}

/// A `value_enum` result: the enum as written in the signature, and (once
/// the plan has found it in the crate) its full path, variants and the
/// Python type of its values.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct ValueEnum {
    /// The type as written (`Sample`).
    pub rust_type: String,
    /// Full Rust path (`samples_core::readings::Sample`).
    pub path: String,
    /// Variant names.
    pub variants: Vec<String>,
    /// Python type of the values (`int | float`).
    pub py_type: String,
}
