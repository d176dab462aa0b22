//! The Rust path's decided IR: the binding plan of an annotated crate
//! (classes with their calls, enums, module functions), which
//! `passes::rust_plan` fills in from the frontend's [`RustCrate`] and the
//! spec, and which `backend::pyo3_rust`, `rust_pyi` and `rust_docs` only
//! print. Plain data, no logic.

use serde::Serialize;

use super::rust_conv::{Conv, Ret};
use super::{MethodKind, Receiver, RustCrate};

/// What flows through the Rust path's passes: the frontend's crate and the
/// plan the passes build from it (empty until they run).
#[derive(Clone, Debug, Serialize)]
pub struct RustModule {
    /// The annotated crate as the frontend read it.
    #[serde(rename = "crate")]
    pub krate: RustCrate,
    /// Every decision about its Python surface.
    pub plan: Plan,
}

impl RustModule {
    /// A module straight from the frontend: nothing decided yet.
    pub fn new(krate: RustCrate) -> Self {
        RustModule { krate, plan: Plan::default() }
    }
}

/// One Python argument.
#[derive(Clone, Debug, Serialize)]
pub struct Arg {
    /// Python name.
    pub py_name: String,
    /// Conversion.
    pub conv: Conv,
    /// Rust expression used when the argument is omitted (makes it optional).
    pub default: Option<String>,
    /// Whether the Rust parameter takes a reference (`&T`, `&str`, `&[T]`).
    pub pass_ref: bool,
}

/// One callable: a function, method, property accessor or constructor.
#[derive(Clone, Debug, Serialize)]
pub struct Call {
    /// Python name.
    pub py_name: String,
    /// Rust path (functions) or method name (methods).
    pub rust: String,
    /// Python role (functions use `Method`).
    pub kind: MethodKind,
    /// Receiver.
    pub receiver: Receiver,
    /// Python arguments.
    pub args: Vec<Arg>,
    /// Arguments accepted by keyword.
    pub keywords: bool,
    /// Keyword-only `**kwargs`.
    pub kwargs: bool,
    /// GIL released around the Rust call.
    pub release_gil: bool,
    /// Result conversion.
    pub ret: Ret,
    /// Returns the core `Result`.
    pub fallible: bool,
    /// Docstring.
    pub doc: String,
    /// Origin (`file:line`).
    pub origin: String,
    /// Python type annotations for stubs: (parameters, result).
    pub py_types: (Vec<String>, String),
}

/// A class and everything exposed on it.
#[derive(Clone, Debug, Serialize)]
pub struct ClassPlan {
    /// Python name (also the wrapper's Rust name).
    pub py_name: String,
    /// Submodule.
    pub module: String,
    /// Full Rust path of the wrapped type.
    pub rust_path: String,
    /// Docstring.
    pub doc: String,
    /// Origin.
    pub origin: String,
    /// Python subclasses allowed.
    pub subclass: bool,
    /// Arbitrary instance attributes.
    pub dynamic_attr: bool,
    /// Comparisons from a derived `Ord`.
    pub ordered: bool,
    /// Ints convert implicitly (and the constructor accepts instances).
    pub implicit_from_int: bool,
    /// `NAME(other)` copies.
    pub copy_constructor: bool,
    /// Rust expression reaching the frame for `numpy_view()`.
    pub numpy_view: Option<String>,
    /// Drop the value with the GIL released.
    pub release_gil_on_drop: bool,
    /// Whether the wrapped type is `Clone`.
    pub clone: bool,
    /// Whether the wrapped type is `Copy` (extracted without `.clone()`).
    #[serde(default)]
    pub copy: bool,
    /// Constructor.
    pub constructor: Option<Call>,
    /// Instance methods and static methods.
    pub methods: Vec<Call>,
    /// Property getters.
    pub getters: Vec<Call>,
    /// Property setters.
    pub setters: Vec<Call>,
    /// Static read-only properties.
    pub static_getters: Vec<Call>,
}

/// An enumeration.
#[derive(Clone, Debug, Serialize)]
pub struct EnumPlan {
    /// Python name.
    pub py_name: String,
    /// Submodule.
    pub module: String,
    /// Full Rust path.
    pub rust_path: String,
    /// Docstring.
    pub doc: String,
    /// Origin.
    pub origin: String,
    /// (Python name or None when hidden, Rust variant, value).
    pub members: Vec<(Option<String>, String, i64)>,
    /// Export members into the module.
    pub export_values: bool,
}

/// A module-level function.
#[derive(Clone, Debug, Serialize)]
pub struct FnPlan {
    /// Submodule.
    pub module: String,
    /// The call.
    pub call: Call,
}

/// The whole plan.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Plan {
    /// Classes in source order.
    pub classes: Vec<ClassPlan>,
    /// Enumerations.
    pub enums: Vec<EnumPlan>,
    /// Functions (annotated ones, then table rows not seen in source).
    pub functions: Vec<FnPlan>,
}

impl Plan {
    /// The submodule of class or enum `name`, if the plan has one.
    pub fn item_module(&self, name: &str) -> Option<&str> {
        let classes = self.classes.iter().map(|c| (&c.py_name, &c.module));
        let mut items = classes.chain(self.enums.iter().map(|e| (&e.py_name, &e.module)));
        items.find(|(n, _)| n.as_str() == name).map(|(_, m)| m.as_str())
    }
}
