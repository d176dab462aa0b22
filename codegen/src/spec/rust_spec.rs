//! serde types of a spec for an annotated Rust crate (a `[rust]` table
//! instead of `[c]`), its loading and validation. The annotations say what
//! is exposed; this spec says how the Python package is laid out and the
//! things source cannot say: function tables (rows of functions sharing a
//! Python module, a payload wording and a result class), conversions of
//! named Rust types, per-class options and per-call argument lists.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::types::{ModuleSpec, SpannedMap};
use crate::diagnostic::{Diagnostic, Kind, Result};

/// A spec whose source is an annotated Rust crate.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RustSpec {
    /// `[module]`: the Python distribution (name = top-level package).
    pub module: ModuleSpec,
    /// `[rust]`: where the annotated crate and the glue crate are.
    pub rust: RustSourceSpec,
    /// `[class.NAME]`: per-class options, by Python class name.
    #[serde(default, rename = "class")]
    pub classes: SpannedMap<ClassSpec>,
    /// `[enum.NAME]`: per-enumeration options, by Python name.
    #[serde(default, rename = "enum")]
    pub enums: SpannedMap<RustEnumSpec>,
    /// `[function.NAME]`: argument lists of annotated free functions, by Python name.
    #[serde(default, rename = "function")]
    pub functions: SpannedMap<CallSpec>,
    /// `[function_table.NAME]`: tables of module functions, by table name
    /// (planned in name order, rows in file order).
    #[serde(default, rename = "function_table")]
    pub function_tables: SpannedMap<FunctionTableSpec>,
    /// `[python_module."PATH"]`: pure-Python modules of the package
    /// generated from the plan, by path under the package root (`pkg/mod.py`).
    #[serde(default, rename = "python_module")]
    pub python_modules: SpannedMap<PythonModuleSpec>,
}

/// `[python_module."PATH"]`: a generated pure-Python module: its
/// docstring, then `from NATIVE[.SUB] import NAME` re-exports, aliases of
/// function table rows, plain and star imports, `__version__`, `__all__`,
/// and a hand-written tail appended verbatim.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PythonModuleSpec {
    /// Module docstring.
    #[serde(default)]
    pub doc: String,
    /// Native names re-exported: a class or enum (imported from its
    /// submodule) or a native submodule (imported from the native module).
    #[serde(default)]
    pub reexport: Vec<Spanned<String>>,
    /// Function tables whose public rows (names not starting with `_`)
    /// become `NAME = _MODULE.NAME` aliases of the native function.
    #[serde(default)]
    pub aliases: Vec<Spanned<String>>,
    /// Modules imported as `import DOTTED.NAME` (they become attributes of their package).
    #[serde(default)]
    pub import: Vec<Spanned<String>>,
    /// Modules whose public names are imported with `from DOTTED.NAME import *`.
    #[serde(default)]
    pub star_import: Vec<Spanned<String>>,
    /// `__version__` of the module.
    #[serde(default)]
    pub version: Option<String>,
    /// Writes `__all__`: the re-exports, then the last component of each `import`.
    #[serde(default)]
    pub all: bool,
    /// Hand-written Python appended after the generated lines, relative to the spec.
    #[serde(default)]
    pub tail: Option<Spanned<String>>,
}

/// `[rust]`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RustSourceSpec {
    /// Directory of the annotated crate, relative to the spec.
    pub crate_path: Spanned<String>,
    /// Its Rust name (as used in `use` paths).
    pub crate_name: String,
    /// Directory of the hand-written PyO3 glue crate, relative to the spec.
    pub glue_path: Spanned<String>,
    /// Its Rust library name.
    pub glue_crate: String,
    /// Hand-written pure-Python package sources copied into the output, relative to the spec.
    #[serde(default)]
    pub python_dir: Option<Spanned<String>>,
    /// Dotted name of the native extension module.
    pub native_module: Spanned<String>,
    /// Native submodules in registration order (each also gets a `sys.modules` entry).
    pub submodules: Vec<Spanned<String>>,
    /// Python distribution name in pyproject.toml (default: `[module].name`).
    #[serde(default)]
    pub distribution: Option<String>,
    /// Extra Python run-time dependencies.
    #[serde(default)]
    pub dependencies: Vec<String>,
    /// `[rust.conversions]`: default conversion of a named Rust type, keyed
    /// by the type as written (`"&Buffer" = "array"`, `"Sample" = "value_enum"`):
    /// a parameter conversion (as in argument lists) or a result conversion
    /// (`value_enum`, `matrix_view`, `plain`, `class(Name)`); see docs/spec.md.
    #[serde(default)]
    pub conversions: SpannedMap<Spanned<String>>,
    /// `[rust.errors]`: which Python exception each kind of the crate's
    /// error becomes (without it, every error is `RuntimeError` with the
    /// error's `Display` text).
    #[serde(default)]
    pub errors: Option<ErrorsSpec>,
}

/// `[rust.errors]`: the crate's error type and the table from its kinds to
/// builtin Python exceptions. The generated `raise` matches
/// `error.KIND()` against the table and builds the exception from
/// `error.MESSAGE()` through `bindery_runtime::glue::errors`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorsSpec {
    /// The error type of the crate's `Result`, a path in the crate (`Status`).
    #[serde(rename = "type")]
    pub error_type: Spanned<String>,
    /// Method of the error giving its message (`&str` or `String`).
    #[serde(default = "default_message_method")]
    pub message: Spanned<String>,
    /// Method of the error giving its kind, a fieldless enum.
    pub kind: Spanned<String>,
    /// That enum, a path in the crate (`ErrorKind`).
    pub kind_type: Spanned<String>,
    /// Exception of the kinds `exceptions` does not list.
    #[serde(default = "default_exception")]
    pub default: Spanned<String>,
    /// `[rust.errors.exceptions]`: kind variant → builtin exception name (`InvalidArgument = "ValueError"`).
    #[serde(default)]
    pub exceptions: SpannedMap<Spanned<String>>,
}

fn default_message_method() -> Spanned<String> {
    Spanned::new(0..0, "message".into())
}

fn default_exception() -> Spanned<String> {
    Spanned::new(0..0, "RuntimeError".into())
}

/// `[class.NAME]`.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ClassSpec {
    /// Python subclasses allowed.
    #[serde(default)]
    pub subclass: bool,
    /// Instances take arbitrary attributes (`py::dynamic_attr`).
    #[serde(default)]
    pub dynamic_attr: bool,
    /// `NAME(other)` copies; the no-argument constructor still works.
    #[serde(default)]
    pub copy_constructor: bool,
    /// An int converts implicitly to this class wherever it is expected
    /// (through the constructor); instances are accepted by the constructor too.
    #[serde(default)]
    pub implicit_from_int: bool,
    /// Release the GIL while the wrapped value is dropped (its drop joins threads that call Python).
    #[serde(default)]
    pub release_gil_on_drop: bool,
    /// Adds `numpy_view()`: `true` when the value is the frame, or the name
    /// of the value's method returning the frame (`"frame"`).
    #[serde(default)]
    pub numpy_view: Option<NumpyView>,
    /// `[class.NAME.method.PY_NAME]`: argument lists, by Python method name (`__init__` for the constructor).
    #[serde(default, rename = "method")]
    pub methods: SpannedMap<CallSpec>,
}

/// `[class.NAME] numpy_view`: where `numpy_view()` finds the frame.
#[derive(Debug, Deserialize, Serialize)]
#[serde(untagged)]
pub enum NumpyView {
    /// `true`: the wrapped value is the frame (`false`: no `numpy_view()`).
    Value(bool),
    /// The wrapped value's method (no arguments) returning the frame.
    Method(String),
}

/// `[enum.NAME]`.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RustEnumSpec {
    /// Rust variants that are values but not named Python members.
    #[serde(default)]
    pub hidden: Vec<Spanned<String>>,
    /// Also export the members into the enum's module (default true).
    #[serde(default = "yes")]
    pub export_values: bool,
}

fn yes() -> bool {
    true
}

/// How a call takes its Python arguments.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CallSpec {
    /// One entry per Rust parameter, in order: `"py_name:conversion"` or
    /// `"py_name:conversion=default"` (`true`, `false`, a number, `empty` or
    /// `Class.NAME`, a static property); conversions are listed in docs/spec.md.
    #[serde(default)]
    pub args: Vec<Spanned<String>>,
    /// Arguments may be passed by keyword (default: positional-only, as pybind's `arg0`).
    #[serde(default)]
    pub keywords: bool,
    /// Keyword-only `**kwargs` processed in order; an unknown key is RuntimeError.
    #[serde(default)]
    pub kwargs: bool,
    /// Release the GIL around the Rust call.
    #[serde(default)]
    pub release_gil: bool,
}

/// `[function_table.NAME]`: module functions that share a Python module,
/// the wording of their payload docs and, for tables whose payload is the
/// argument, the class they return.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FunctionTableSpec {
    /// Python submodule of every row (must be listed in `[rust].submodules`).
    pub module: Spanned<String>,
    /// Whether a row's `python_type` is its first argument's type or its result's.
    pub payload_at: PayloadAt,
    /// Python class returned by `payload_at = "argument"` rows (stubs), and the
    /// result of rows without `returns` whose function the frontend cannot see.
    #[serde(default)]
    pub result: Option<String>,
    /// Words before each row's `payload` in its doc (default `Payload`).
    #[serde(default = "default_payload_doc")]
    pub payload_doc: String,
    /// `[[function_table.NAME.row]]`: the functions, in file order.
    #[serde(default, rename = "row")]
    pub rows: Vec<TableRowSpec>,
}

fn default_payload_doc() -> String {
    "Payload".into()
}

/// Which Python type a table row's `python_type` describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PayloadAt {
    /// The first argument takes the payload (a constructor-like function).
    Argument,
    /// The result is the payload (an accessor-like function).
    Result,
}

/// One row of a function table.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct TableRowSpec {
    /// Python name in the table's module.
    pub python: Spanned<String>,
    /// Rust function path in the annotated crate (default: the annotated function of that Python name).
    #[serde(default)]
    pub rust: Option<Spanned<String>>,
    /// Argument list as in [`CallSpec::args`].
    #[serde(default)]
    pub args: Vec<Spanned<String>>,
    /// Arguments may be passed by keyword.
    #[serde(default)]
    pub keywords: bool,
    /// Payload type name(s) as the wrapped library shows them (documentation and stubs).
    pub payload: String,
    /// Python type of the payload (see [`FunctionTableSpec::payload_at`]), for stubs.
    pub python_type: String,
    /// Result conversion override (`matrix_view`, `class(Name)`); default from the Rust type.
    #[serde(default)]
    pub returns: Option<String>,
    /// The Rust function returns the crate's `Result` (only needed when the frontend cannot see it).
    #[serde(default)]
    pub fallible: bool,
}

/// A loaded Rust-crate spec.
#[derive(Debug)]
pub struct LoadedRustSpec {
    /// The spec.
    pub spec: RustSpec,
    /// Path of `spec.toml`.
    pub path: PathBuf,
    /// Its directory.
    pub dir: PathBuf,
}

impl LoadedRustSpec {
    /// A diagnostic at `span` of the spec.
    pub fn error(&self, kind: Kind, span: std::ops::Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(kind, message).at_span(&self.path, span)
    }
}

/// Whether the spec at `path` describes a Rust crate (has a `[rust]` table).
pub fn is_rust_spec(path: &Path) -> bool {
    std::fs::read_to_string(path).ok().and_then(|t| t.parse::<toml::Table>().ok()).is_some_and(|t| t.contains_key("rust"))
}

/// Loads a Rust-crate spec.
pub fn load_rust(path: &Path) -> Result<LoadedRustSpec> {
    let text =
        std::fs::read_to_string(path).map_err(|e| vec![Diagnostic::new(Kind::Io, format!("cannot read spec {}: {e}", path.display()))])?;
    let spec: RustSpec = toml::from_str(&text).map_err(|e| {
        let d = Diagnostic::new(Kind::SpecSyntax, e.message().trim().to_string()).hint("see docs/spec.md (Rust-crate specs)");
        vec![match e.span() {
            Some(s) => d.at_span(path, s),
            None => d.at_line(path, 1, 1),
        }]
    })?;
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    Ok(LoadedRustSpec { spec, path: path.to_path_buf(), dir })
}
