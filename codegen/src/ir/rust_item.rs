//! IR of annotated Rust items (the Rust frontend's output): classes with
//! their exposed methods, C-like enumerations and free functions, each with
//! its Python module and name, doc comment and source location. Plain data;
//! types are resolved to [`RustType`] by the frontend's second pass.

use serde::{Deserialize, Serialize};

use super::SourceLoc;

/// Everything exposed by one annotated crate, in source order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RustCrate {
    /// The crate's Rust name (e.g. `shapes_core`).
    pub crate_name: String,
    /// `#[bindery::class]` items.
    pub classes: Vec<RustClass>,
    /// `#[bindery::enumeration]` items.
    pub enums: Vec<RustEnum>,
    /// `#[bindery::function]` items.
    pub functions: Vec<RustFunction>,
    /// Every struct and enum of the crate, annotated or not (spec checks
    /// only; not part of the dumped IR).
    #[serde(skip)]
    pub decls: Vec<RustDecl>,
}

/// A struct or enum declared anywhere in the crate.
#[derive(Clone, Debug, PartialEq)]
pub struct RustDecl {
    /// Rust identifier.
    pub ident: String,
    /// Public path inside the crate (`readings::Sample`).
    pub path: String,
    /// Variants, in order (`None` for a struct).
    pub variants: Option<Vec<DeclVariant>>,
    /// Names of its inherent methods (from every `impl` block of the crate).
    pub methods: Vec<String>,
    /// Declaration site.
    pub loc: SourceLoc,
}

/// A variant of a [`RustDecl`] enum.
#[derive(Clone, Debug, PartialEq)]
pub struct DeclVariant {
    /// Variant name.
    pub name: String,
    /// The type of its one unnamed field, when it has exactly that (`Int(i64)`).
    pub value: Option<RustType>,
}

/// A Rust struct exposed as a Python class.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RustClass {
    /// Rust path inside the crate, e.g. `shapes::Circle`.
    pub rust_path: String,
    /// Python submodule (e.g. `geometry`).
    pub module: String,
    /// Python class name.
    pub py_name: String,
    /// Doc comment.
    pub doc: String,
    /// Declaration site.
    pub loc: SourceLoc,
    /// Traits in `#[derive(...)]` (e.g. `Ord` gives comparisons).
    pub derives: Vec<String>,
    /// Exposed methods from every `#[bindery::methods]` impl block.
    pub methods: Vec<RustMethod>,
}

/// How an exposed method appears in Python.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MethodKind {
    /// `__init__` / `__new__`.
    Constructor,
    /// An instance method.
    Method,
    /// A static method.
    StaticMethod,
    /// A read-only instance property.
    Getter,
    /// A read-only static property (`staticmethod` + `getter`).
    StaticGetter,
    /// The setter of an instance property.
    Setter,
}

/// How a method takes `self`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Receiver {
    /// No receiver (associated function).
    None,
    /// `&self`.
    Ref,
    /// `&mut self`.
    Mut,
}

/// An exposed method.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RustMethod {
    /// Rust name.
    pub rust_name: String,
    /// Python name.
    pub py_name: String,
    /// Python role.
    pub kind: MethodKind,
    /// Receiver.
    pub receiver: Receiver,
    /// Parameters after the receiver.
    pub params: Vec<RustParam>,
    /// Return type (the `T` of `Result<T>` when fallible).
    pub ret: RustType,
    /// Whether it returns the crate's `Result`.
    pub fallible: bool,
    /// Doc comment.
    pub doc: String,
    /// Declaration site.
    pub loc: SourceLoc,
}

/// A free function exposed at module level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RustFunction {
    /// Rust path inside the crate, e.g. `getter::get_int`.
    pub rust_path: String,
    /// Python submodule.
    pub module: String,
    /// Python name.
    pub py_name: String,
    /// Parameters.
    pub params: Vec<RustParam>,
    /// Return type (the `T` of `Result<T>` when fallible).
    pub ret: RustType,
    /// Whether it returns the crate's `Result`.
    pub fallible: bool,
    /// Doc comment.
    pub doc: String,
    /// Declaration site.
    pub loc: SourceLoc,
}

/// A named parameter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RustParam {
    /// Rust name.
    pub name: String,
    /// Resolved type.
    pub ty: RustType,
}

/// A C-like enum exposed as a Python enumeration.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RustEnum {
    /// Rust path inside the crate.
    pub rust_path: String,
    /// Python submodule.
    pub module: String,
    /// Python class name.
    pub py_name: String,
    /// Doc comment.
    pub doc: String,
    /// Declaration site.
    pub loc: SourceLoc,
    /// Variants in declaration order.
    pub variants: Vec<RustVariant>,
}

/// One enum variant.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RustVariant {
    /// Rust name (`WaitTillNotFull`).
    pub rust_name: String,
    /// Python member name (`WAIT_TILL_NOT_FULL`); `None` for `#[bindery::skip]`ped variants.
    pub py_name: Option<String>,
    /// Discriminant.
    pub value: i64,
    /// Doc comment.
    pub doc: String,
}

/// A Rust type as the binding layer sees it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RustType {
    /// `()`.
    Unit,
    /// `bool`.
    Bool,
    /// A signed integer (`i8`..`i64`, `isize`).
    Int,
    /// An unsigned integer (`u8`..`u64`, `usize`).
    UInt,
    /// `f32` / `f64`.
    Float,
    /// `&str`.
    Str,
    /// `String`.
    String,
    /// `&[u8]`.
    ByteSlice,
    /// `Vec<u8>`.
    ByteVec,
    /// `&[T]`.
    Slice(Box<RustType>),
    /// `Vec<T>`.
    Vec(Box<RustType>),
    /// `Option<T>`.
    Option(Box<RustType>),
    /// `(A, B, ...)`.
    Tuple(Vec<RustType>),
    /// `HashMap<K, V>` / `BTreeMap<K, V>`.
    Map(Box<RustType>, Box<RustType>),
    /// An annotated class, by Python name; `by_ref` for `&T`.
    Class { name: String, by_ref: bool },
    /// An annotated enumeration, by Python name.
    Enum(String),
    /// Any other named type, kept as written (e.g. `Callback`, `&Buffer`); `[rust.conversions]` may give its conversion.
    Named(String),
}
