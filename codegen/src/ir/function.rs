//! C functions exposed as module-level Python functions.

use serde::{Deserialize, Serialize};

use super::{Doc, Ownership, ScalarKind, SourceLoc, Transfer, TypeRef};

/// How a parameter is converted from Python.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum ParamKind {
    /// Not decided yet.
    Undecided,
    /// Number or bool.
    Scalar { scalar: ScalarKind },
    /// Pointer to a bound struct: a view of that class (None passes NULL when `nullable`).
    View { record: String, nullable: bool },
    /// Pointer to a struct the module does not bind (opaque, or outside the
    /// exposed set): an object of its typed handle class only.
    Handle { name: String, nullable: bool },
    /// `GList*`: the module's `GList` object (its liveness checked); when
    /// `element` is set the list must hold that struct, else `TypeError`.
    List { element: Option<String>, nullable: bool },
    /// `const char*` input string (None passes NULL when `nullable`).
    Str { nullable: bool },
    /// `void*` or other raw pointer: a capsule or any bound object; `None`
    /// only when `nullable`, an `int` only when `ints`.
    Address { nullable: bool, ints: bool },
    /// Enum value.
    Enum { name: String },
    /// Pointer to a GObject or boxed instance (`gobject = "GstBuffer"`): a
    /// PyGObject object of that GType or a capsule (an `int` when `ints`),
    /// type-checked at run time; `None` only when `nullable`.
    /// With `holds` (`in_buffer`), the GstBuffer's memory holds that struct,
    /// which C receives instead of the buffer.
    GObject { type_name: String, nullable: bool, ints: bool, holds: Option<String> },
    /// `T*` that C writes: hidden from Python, the value is returned.
    Out { value: OutValue },
    /// Read-only bytes from any buffer-protocol object (no copy); its size
    /// goes to the `length` parameter.
    InBuffer { length: String },
    /// Caller-allocated output buffer; its size goes to `length`.
    OutBuffer { mode: OutputMode, length: String, capacity: Capacity },
    /// Function pointer called during the call: a Python callable, passed to
    /// C through the `user_data` parameter; `user_data_arg` is the argument
    /// of the C callback that receives it (its other arguments are converted).
    Callable { args: Vec<TypeRef>, ret: TypeRef, user_data: String, user_data_arg: usize, nullable: bool },
    /// Function pointer given by address (`function_pointer = "address"`):
    /// an `int` or capsule, `None` only when `nullable`; `ty` is its C type.
    FunctionAddress { ty: TypeRef, nullable: bool },
    /// The `user_data` slot of a `Callable` parameter `of` (hidden).
    UserData { of: String },
    /// Integer (or pointer to one, `in_out`) receiving the size of the
    /// buffer parameter `of`; hidden unless Python passes the capacity
    /// through it (`capacity_arg`).
    Length { of: String, scalar: ScalarKind, in_out: bool, capacity_arg: bool },
}

/// The GType of GStreamer's buffers, whose metas derived views live in.
pub const GST_BUFFER: &str = "GstBuffer";

/// What an out-parameter points to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum OutValue {
    /// A number or bool.
    Scalar { scalar: ScalarKind },
    /// An enum.
    Enum { name: String },
    /// A bound struct, zeroed by our allocator and returned as an owned object.
    Record { record: String },
}

/// How a caller-allocated output buffer reaches Python.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutputMode {
    /// Returned as `bytes` (cut to the written length when C reports it).
    Bytes,
    /// Returned as `str`, up to the first NUL.
    Str,
    /// Written into a writable buffer Python passes.
    Into,
}

/// How many bytes an output buffer gets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Capacity {
    /// Python passes it (as the length parameter), or the buffer itself (`into`).
    FromPython,
    /// A fixed size.
    Fixed { bytes: u64 },
    /// The result of a bound C function called with these integer parameters.
    Call { function: String, args: Vec<String> },
}

impl ParamKind {
    /// Whether `None` is accepted (passed as NULL).
    pub fn nullable_mut(&mut self) -> Option<&mut bool> {
        match self {
            ParamKind::View { nullable, .. }
            | ParamKind::Callable { nullable, .. }
            | ParamKind::FunctionAddress { nullable, .. }
            | ParamKind::Handle { nullable, .. }
            | ParamKind::List { nullable, .. }
            | ParamKind::Str { nullable }
            | ParamKind::GObject { nullable, .. }
            | ParamKind::Address { nullable, .. } => Some(nullable),
            _ => None,
        }
    }

    /// The view, list or GstBuffer whose liveness a derived result can inherit.
    pub fn is_provenance(&self) -> bool {
        matches!(self, ParamKind::View { .. } | ParamKind::List { .. }) || self.holds_metas()
    }

    /// A GstBuffer: structs a function finds on it are its metas, which
    /// live as long as the buffer holds them (`rt::gobject::buffer`).
    pub fn holds_metas(&self) -> bool {
        matches!(self, ParamKind::GObject { type_name, holds: None, .. } if type_name == GST_BUFFER)
    }

    /// Whether Python passes this parameter (others are filled in by the wrapper).
    pub fn is_visible(&self) -> bool {
        match self {
            ParamKind::Out { .. } => false,
            ParamKind::OutBuffer { mode, .. } => *mode == OutputMode::Into,
            ParamKind::Length { capacity_arg, .. } => *capacity_arg,
            ParamKind::UserData { .. } => false,
            _ => true,
        }
    }
}

/// One parameter.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    /// A consumed, pooled or stored view may be a Python-constructed struct
    /// (the C API accepts memory it did not make).
    pub python_made: bool,
    /// Only C-made memory is accepted (`[function.NAME] c_made`): a struct
    /// constructed in Python raises `ValueError`; nothing changes hands.
    pub c_made: bool,
    /// The header marks the pointer `_Nullable`.
    pub header_nullable: bool,
}

/// Two parameters that must not be the same memory (`disjoint`): the
/// function reads `a` while writing `b` (e.g. copies a list into a struct
/// that holds it), so overlapping arguments would never end.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Disjoint {
    /// The parameter read from.
    pub a: String,
    /// The parameter written to.
    pub b: String,
    /// `GList*` fields of `b`'s struct: `a` must not be one of those lists.
    pub b_lists: Vec<String>,
}

/// How the return value is converted to Python.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    /// Pointer to an unbound struct: its handle class (or None for NULL).
    Handle { name: String },
    /// `char*`: str or None.
    Str,
    /// Raw pointer: capsule or None.
    Address,
    /// Enum value.
    Enum { name: String },
}

/// How a function's result reaches Python, lowered from [`ReturnKind`] and
/// the parameter kinds by `passes::results`: the template prints one runtime
/// call per variant (`rt::call`).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ResultConversion {
    /// Not lowered yet.
    #[default]
    Undecided,
    /// `None`: `void`, or a status code already checked.
    Nothing,
    /// A number converted from the C type.
    Number { scalar: ScalarKind },
    /// A C truth value as `bool`.
    Flag,
    /// `char*` copied into a `str` (`None` for NULL).
    Str,
    /// Raw pointer as a capsule (`None` for NULL).
    Capsule,
    /// An enum member.
    Enum { name: String },
    /// C memory nobody tracks: a view of `class` (a record or handle name) with a fresh token.
    External { class: String },
    /// Memory Python now owns, freed with C function `free`.
    Owned { record: String, free: String },
    /// Memory owned by parameter `from` (a struct or handle view, or a
    /// `GList`'s elements when `list`): the view dies with it. A nullable
    /// `from` that was `None` gives an untracked view.
    Derived { record: String, from: String, list: bool, nullable: bool },
    /// A meta of GstBuffer parameter `buffer`: lives as long as the buffer holds it.
    BufferMeta { record: String, buffer: String },
}

/// List fields of a struct parameter whose nodes a function removes or frees:
/// their node views die after the call (their list epoch is bumped).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ListEdit {
    /// The struct parameter.
    pub param: String,
    /// Its record.
    pub record: String,
    /// The edited `GList*` fields (C names).
    pub fields: Vec<String>,
}

/// A C function.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
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
    /// The result conversion lowered from `ret_kind` (`passes::results`).
    #[serde(default)]
    pub result: ResultConversion,
    /// Release the GIL around the call.
    pub release_gil: bool,
    /// List fields whose nodes the call may free (decided by `passes::list_edits`).
    pub list_edits: Vec<ListEdit>,
    /// Parameter pairs that must not overlap.
    pub disjoint: Vec<Disjoint>,
    /// Doc comment.
    pub doc: Doc,
    /// Declaration site.
    pub loc: SourceLoc,
}
