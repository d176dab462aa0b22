//! C functions exposed as module-level Python functions.

use serde::Serialize;

use super::{Doc, Ownership, ScalarKind, SourceLoc, Transfer, TypeRef};

/// How a parameter is converted from Python.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind")]
pub enum ParamKind {
    /// Not decided yet.
    Undecided,
    /// Number or bool.
    Scalar { scalar: ScalarKind },
    /// Pointer to a bound struct: a view of that class (None passes NULL when `nullable`).
    View { record: String, nullable: bool },
    /// `const char*` input string.
    Str,
    /// `void*` or other raw pointer: int, capsule or None.
    Address,
    /// Enum value.
    Enum { name: String },
}

/// One parameter.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Param {
    /// C name (what the spec names).
    pub name: String,
    /// Python keyword name: the C name, made a valid and unique Python and
    /// Rust parameter name by `passes::param_names`.
    pub python_name: String,
    /// C type.
    pub ty: TypeRef,
    /// Decided conversion.
    pub kind: ParamKind,
    /// Ownership transfer during the call, if any.
    pub transfer: Option<Transfer>,
}

/// How the return value is converted to Python.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind")]
pub enum ReturnKind {
    /// Not decided yet.
    Undecided,
    /// `void`: returns None.
    Unit,
    /// Number or bool.
    Scalar { scalar: ScalarKind },
    /// Status code: None on `success`, `ValueError` with the mapped text otherwise.
    Status { success: i64, messages: Vec<(i64, String)> },
    /// Pointer to a bound struct: view (or None for NULL) with ownership.
    View { record: String, ownership: Ownership },
    /// `char*`: str or None.
    Str,
    /// Raw pointer: capsule or None.
    Address,
    /// Enum value.
    Enum { name: String },
}

/// List fields of a struct parameter whose nodes a function removes or frees:
/// their node views die after the call (their list epoch is bumped).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ListEdit {
    /// The struct parameter.
    pub param: String,
    /// Its record.
    pub record: String,
    /// The edited `GList*` fields (C names).
    pub fields: Vec<String>,
}

/// A C function.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Function {
    /// C name.
    pub name: String,
    /// Python name.
    pub python_name: String,
    /// Defined in the header (`static`/`static inline`): called through the
    /// generated C shim rather than a library symbol.
    pub shim: bool,
    /// Parameters in order.
    pub params: Vec<Param>,
    /// C return type.
    pub ret: TypeRef,
    /// Decided return conversion.
    pub ret_kind: ReturnKind,
    /// Release the GIL around the call.
    pub release_gil: bool,
    /// List fields whose nodes the call may free (decided by `passes::list_edits`).
    pub list_edits: Vec<ListEdit>,
    /// Doc comment.
    pub doc: Doc,
    /// Declaration site.
    pub loc: SourceLoc,
}
