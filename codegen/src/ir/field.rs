//! Struct fields and the kind a pass assigns to each (DESIGN §3).

use serde::{Deserialize, Serialize};

use super::{Doc, Ownership, SourceLoc, TypeRef};

/// How a scalar is converted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ScalarKind {
    /// Integer with exact width.
    Int { bits: u8, signed: bool },
    /// C float / double.
    Float { bits: u8 },
    /// A boolean stored in an integer (gboolean, _Bool).
    Bool { bits: u8, signed: bool },
}

/// What a field becomes in Python; decided by `passes::field_kind`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum FieldKind {
    /// Not decided yet (frontend output).
    Undecided,
    /// Plain number or bool.
    Scalar { scalar: ScalarKind },
    /// Embedded struct, returned as a view into the parent.
    Nested { record: String },
    /// Pointer to a bound struct: a view or None.
    /// `owned`: the struct owns the target (C frees it with the struct),
    /// so setting the field raises `ValueError` (never two owners).
    PtrView { record: String, owned: bool },
    /// `char[N]` string.
    CharArray { len: usize },
    /// `char*` string; `owned` strings are replaced with the allocator.
    /// `interned`: never freed by C, set to a process-lifetime shared copy.
    CString { owned: bool, interned: bool, allocator: String },
    /// `void*` (or pointer to an unbound type): capsule in and out.
    VoidPtr,
    /// GLib `GList*` with a known element type (or none: untyped).
    List { element: Option<String> },
    /// Fixed array of bound structs: a list of views into the parent (pyds LIST_OF_REFS).
    StructArray { record: String, len: usize },
    /// Fixed numeric array exposed as a numpy view.
    NumericArray { dtype: String, rust: String, len: usize },
    /// Enum-typed field.
    Enum { name: String, bits: u8, signed: bool },
    /// Function-pointer field bound to Python callables per key.
    /// `cast_key`: the key is read through `arg_record` (spec `as`), also in setters;
    /// `all_args`: the callable receives every C argument.
    Callback { key_path: Vec<String>, arg: usize, arg_record: String, cast_key: bool, all_args: bool },
    /// C++ standard-library member, copied into a Python value through the
    /// generated C++ shim on every read (read-only).
    Std { shape: StdShape },
    /// Embedded struct the module does not bind (`embedded = "address"`): a
    /// read-only capsule of its address, carrying the parent view's liveness.
    EmbeddedAddress,
    /// Not exposed, with the reason (reported by `dump-ir`).
    Skipped { reason: String },
}

impl FieldKind {
    /// Whether a field of this kind can have a setter at all: lists, struct
    /// arrays and C++ members are read-only views, an embedded struct read by
    /// address has no Python value to assign, and a `char*` string is
    /// assignable only when the spec says who owns it (owned or interned).
    pub fn assignable(&self) -> bool {
        match self {
            FieldKind::Skipped { .. } | FieldKind::Undecided => false,
            FieldKind::List { .. } | FieldKind::StructArray { .. } | FieldKind::Std { .. } | FieldKind::EmbeddedAddress => false,
            FieldKind::CString { owned, interned, .. } => *owned || *interned,
            _ => true,
        }
    }
}

/// What a C++ container member becomes in Python.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "shape")]
pub enum StdShape {
    /// `std::string` → `str`.
    Str,
    /// `std::vector<T>` → `list`.
    List { element: StdElement },
    /// `std::unordered_map<K, V>` / `std::map<K, V>` → `dict`.
    Dict { key: StdElement, value: StdElement },
}

/// How one element of a C++ container converts.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "element")]
pub enum StdElement {
    /// Number or bool, copied.
    Scalar { scalar: ScalarKind },
    /// `std::string`, copied into `str`.
    Str,
    /// A bound struct stored in the container: a view borrowed from the parent.
    View { record: String },
}

/// A struct or union field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Field {
    /// C field name.
    pub name: String,
    /// Members of anonymous unions/structs this field sits in, outermost first,
    /// as bindgen names them (`__bindgen_anon_1`); empty for direct fields.
    pub via: Vec<String>,
    /// Python attribute name.
    pub python_name: String,
    /// Further attribute names of the field (`[struct.NAME.fields.FIELD] python_aliases`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub python_aliases: Vec<String>,
    /// C type.
    pub ty: TypeRef,
    /// Offset in bits from the start of the record.
    pub offset_bits: u64,
    /// `sizeof` of its type in bytes (0 when unknown).
    #[serde(default)]
    pub size: usize,
    /// Doc comment.
    pub doc: Doc,
    /// Declaration site.
    pub loc: SourceLoc,
    /// Read-only in Python: the spec's `readonly` list, the struct's own
    /// bookkeeping, or a kind that has no setter ([`FieldKind::assignable`]);
    /// decided once by the `records` pass, read as-is by every backend.
    pub readonly: bool,
    /// Decided kind.
    pub kind: FieldKind,
    /// Ownership of pointed-to memory, when relevant.
    pub ownership: Ownership,
    /// The struct owns what this pointer field points to (`pointer =
    /// "owned"`): Python never sets it, and assigning the enclosing struct
    /// refuses to copy it (it would have two owners).
    #[serde(default)]
    pub owns_target: bool,
    /// Size of the memory this `void*` field points to (`span`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<PointerSpan>,
}

/// The memory behind a `void*` field: `count` elements of a size chosen by
/// the value of `size_by` (values not listed: 1 byte).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PointerSpan {
    /// Access path of the count (C names, anonymous members included).
    pub count: Vec<String>,
    /// Access path of the selector field.
    pub size_by: Vec<String>,
    /// Selector value → element size in bytes.
    pub sizes: Vec<(i64, u32)>,
}

#[cfg(test)]
mod tests {
    use super::FieldKind;

    fn string(owned: bool, interned: bool) -> FieldKind {
        FieldKind::CString { owned, interned, allocator: "g".into() }
    }

    #[test]
    fn views_of_many_items_are_never_assignable() {
        assert!(!FieldKind::List { element: None }.assignable());
        assert!(!FieldKind::StructArray { record: "R".into(), len: 2 }.assignable());
        assert!(!FieldKind::Undecided.assignable());
    }

    #[test]
    fn a_string_is_assignable_only_with_an_owner() {
        assert!(!string(false, false).assignable());
        assert!(string(true, false).assignable());
        assert!(string(false, true).assignable());
        assert!(FieldKind::VoidPtr.assignable());
    }
}
