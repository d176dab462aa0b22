//! C types as the frontend saw them, keeping typedef spellings.

use serde::{Deserialize, Serialize};

/// A primitive C type, by its exact width and signedness.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Prim {
    /// Signed integer of the given bits.
    Int(u8),
    /// Unsigned integer of the given bits.
    UInt(u8),
    /// 32-bit float.
    F32,
    /// 64-bit float.
    F64,
    /// `_Bool`.
    Bool,
    /// `char` (of unspecified signedness).
    Char,
}

/// A C type reference.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum TypeRef {
    /// `void`.
    Void,
    /// A primitive, with the spelling used in the header (e.g. `gint`, `guint64`).
    Prim { prim: Prim, spelling: String },
    /// A struct or union by its typedef (or tag) name.
    Record { name: String },
    /// An enum by its typedef (or tag) name; `repr` is its integer type
    /// (used when the enum itself is not bound).
    Enum { name: String, spelling: String, repr: Prim },
    /// A pointer.
    Pointer { pointee: Box<TypeRef>, is_const: bool },
    /// A fixed-size array.
    Array { element: Box<TypeRef>, len: usize },
    /// A function pointer.
    FnPtr { ret: Box<TypeRef>, params: Vec<TypeRef>, spelling: String },
    /// A type the frontend does not model (kept for diagnostics).
    Opaque { spelling: String },
    /// A C++ standard-library type (headers in `[c].cxx_headers`): opaque
    /// bytes in the Rust layout, read only through the generated C++ shim.
    Std { std: StdType, spelling: String },
}

/// The C++ standard-library types the C++ shim converts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum StdType {
    /// `std::string`.
    String,
    /// `std::vector<T>`.
    Vector { element: Box<TypeRef> },
    /// `std::unordered_map<K, V>` or `std::map<K, V>`.
    Map { key: Box<TypeRef>, value: Box<TypeRef> },
    /// Any other std:: type (not converted).
    Other,
}

impl TypeRef {
    /// The spelling of this type as it would appear in C.
    pub fn spelling(&self) -> String {
        match self {
            TypeRef::Void => "void".into(),
            TypeRef::Prim { spelling, .. } | TypeRef::Enum { spelling, .. } => spelling.clone(),
            TypeRef::Record { name } => name.clone(),
            TypeRef::Pointer { pointee, is_const } => {
                format!("{}{}*", if *is_const { "const " } else { "" }, pointee.spelling())
            }
            TypeRef::Array { .. } => {
                // `int[3][4]`: the outer dimension is written first.
                let (mut dims, mut inner) = (String::new(), self);
                while let TypeRef::Array { element, len } = inner {
                    dims += &format!("[{len}]");
                    inner = element;
                }
                format!("{}{dims}", inner.spelling())
            }
            TypeRef::FnPtr { spelling, .. } | TypeRef::Opaque { spelling } | TypeRef::Std { spelling, .. } => spelling.clone(),
        }
    }

    /// The pointee when this is a pointer.
    pub fn pointee(&self) -> Option<&TypeRef> {
        match self {
            TypeRef::Pointer { pointee, .. } => Some(pointee),
            _ => None,
        }
    }
}
