//! serde types of `spec.toml`. Every key is documented here and in `docs/spec.md`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use toml::Spanned;

/// Keyed table whose keys keep their spec location.
pub type SpannedMap<V> = BTreeMap<Spanned<String>, V>;

/// A whole spec file.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    /// `[module]`: the Python module.
    pub module: ModuleSpec,
    /// `[c]`: headers and how to build and link against them.
    pub c: CSpec,
    /// `[expose]`: which items of the headers become Python API.
    #[serde(default)]
    pub expose: ExposeSpec,
    /// `[struct.NAME]`: per-struct overrides.
    #[serde(default, rename = "struct")]
    pub structs: SpannedMap<StructSpec>,
    /// `[enum.NAME]`: per-enum overrides.
    #[serde(default, rename = "enum")]
    pub enums: SpannedMap<EnumSpec>,
    /// `[function.NAME]`: per-function overrides.
    #[serde(default, rename = "function")]
    pub functions: SpannedMap<FunctionSpec>,
    /// `[allocator.NAME]`: module functions allocating a struct for C to free.
    #[serde(default, rename = "allocator")]
    pub allocators: SpannedMap<super::AllocatorSpec>,
    /// `[field_setter.NAME]`: module functions assigning a field of their first argument.
    #[serde(default, rename = "field_setter")]
    pub field_setters: SpannedMap<super::FieldSetterSpec>,
    /// `[callbacks]`: module functions over the registered Python callbacks.
    #[serde(default)]
    pub callbacks: super::CallbacksSpec,
    /// `[helpers]`: hand-written Rust compiled into the generated crate.
    #[serde(default)]
    pub helpers: HelpersSpec,
    /// `[runtime]`: reusable runtime features switched on for this module.
    #[serde(default)]
    pub runtime: super::RuntimeSpec,
    /// `[gst]`: GStreamer features (GstMeta payloads).
    #[serde(default)]
    pub gst: super::GstSpec,
}

/// `[helpers]`: hand-written Rust modules for what the headers cannot describe
/// (e.g. functions taking a `GstBuffer` address). Each file becomes a module of
/// the generated crate (it sees the crate's classes, `ffi` and `rt`) and must
/// define `pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()>`,
/// called when the module is imported. Helper files may add methods to the
/// generated classes with their own `#[pymethods] impl` blocks.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct HelpersSpec {
    /// Rust source files, relative to the spec directory, in registration order.
    /// A `.pyi` beside a file (same stem) holds the Python signatures of what
    /// it adds: its top-level `def`s and annotations are appended to the stub
    /// (and to `__all__`); members of a `class NAME:` block join class `NAME`.
    #[serde(default)]
    pub rust: Vec<Spanned<String>>,
    /// Pure-Python modules (`.py`, with an optional `.pyi` beside each),
    /// relative to the spec directory, shipped in the package next to the
    /// native module (`NAME/FILE.py`).
    #[serde(default)]
    pub python: Vec<Spanned<String>>,
}

/// `[module]`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ModuleSpec {
    /// Python import name (also the crate's library name).
    pub name: Spanned<String>,
    /// Module docstring.
    #[serde(default)]
    pub doc: String,
    /// Package version written to Cargo.toml and pyproject.toml.
    #[serde(default = "default_version")]
    pub version: String,
    /// Accept raw Python `int`s as addresses in `Class.cast` and `void*`
    /// field setters (probed for readability first; pyds compatibility).
    /// Function parameters opt in one by one (`param.P.address = "int"`).
    /// Default false: only capsules and views are addresses.
    #[serde(default)]
    pub int_addresses: bool,
    /// Further module-level names of generated callables: alias name →
    /// `Class.cast` (also `Class.get` / `Class.iterate` of a GstMeta class)
    /// or a bound function's Python name. For pyds's `glist_get_*` casts.
    #[serde(default)]
    pub aliases: SpannedMap<Spanned<String>>,
}

fn default_version() -> String {
    "0.1.0".into()
}

/// `[c]`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CSpec {
    /// Headers to bind, relative to the spec directory (or to an include dir).
    pub headers: Vec<Spanned<String>>,
    /// Include directories, relative to the spec directory.
    #[serde(default)]
    pub include_dirs: Vec<String>,
    /// pkg-config packages whose cflags and libs are used.
    #[serde(default)]
    pub pkg_config: Vec<String>,
    /// Libraries to link (`-l`).
    #[serde(default)]
    pub libraries: Vec<String>,
    /// Link-time library directories, relative to the spec directory (or absolute).
    #[serde(default)]
    pub library_dirs: Vec<String>,
    /// Run-time search path of the built module: `$ORIGIN[/DIR]` (relative to
    /// the installed module), an absolute directory, or one relative to the
    /// spec directory (made absolute when the crate is built). Empty by default:
    /// a build directory is never written into the module unless listed here.
    #[serde(default)]
    pub rpath: Vec<Spanned<String>>,
    /// Extra clang arguments.
    #[serde(default)]
    pub clang_args: Vec<String>,
    /// Entries of `headers` that are C++ (std:: members, `extern "C"` blocks):
    /// when any is listed, the whole header set is parsed as C++ and std::
    /// container members are read through a generated C++ shim.
    #[serde(default)]
    pub cxx_headers: Vec<Spanned<String>>,
    /// Allocator for Python-owned memory: `glib` (g_malloc0/g_free) or `libc` (calloc/free).
    #[serde(default = "default_allocator")]
    pub allocator: Spanned<String>,
    /// `[c.sdk]`: an installed SDK that replaces the include and library dirs.
    pub sdk: Option<SdkSpec>,
}

/// `[c.sdk]`: build against an installed SDK instead of the bundled headers.
/// Used when `codegen generate --sdk ROOT` is given or the environment
/// variable `env` is set (to ROOT); otherwise `[c]`'s own dirs are used.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SdkSpec {
    /// Environment variable holding the SDK root.
    pub env: String,
    /// Include directories, relative to the SDK root (replace `[c].include_dirs`).
    pub include_dirs: Vec<String>,
    /// Library directories, relative to the SDK root (replace `[c].library_dirs`).
    pub library_dirs: Vec<String>,
    /// Run-time search path, relative to the SDK root or `$ORIGIN[/DIR]` (replaces `[c].rpath`).
    #[serde(default)]
    pub rpath: Vec<Spanned<String>>,
    /// Headers of `[c].headers` the SDK does not have (dropped when it is used).
    #[serde(default)]
    pub exclude_headers: Vec<String>,
}

fn default_allocator() -> Spanned<String> {
    Spanned::new(0..0, "libc".to_string())
}

/// `[expose]`.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ExposeSpec {
    /// Expose items whose name starts with one of these (all items of the listed headers when empty).
    #[serde(default)]
    pub prefixes: Vec<String>,
    /// Also expose these items.
    #[serde(default)]
    pub allow: Vec<String>,
    /// Never expose these items.
    #[serde(default)]
    pub deny: Vec<String>,
    /// Glob patterns (`gst/*.h`, `glib/**`) of headers reached through
    /// `#include` from `[c].headers` whose items are bound too; by default
    /// only the items of `[c].headers` themselves are.
    #[serde(default)]
    pub headers: Vec<Spanned<String>>,
}

/// `[struct.NAME]`.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct StructSpec {
    /// Python class name (default: the C name).
    pub python_name: Option<String>,
    /// Further module-level names of the same class, for scripts written
    /// against an older API (`NvDsPastFrameObjBatch` for a renamed struct).
    #[serde(default)]
    pub python_aliases: Vec<Spanned<String>>,
    /// Whether Python may construct it (default true).
    pub constructible: Option<bool>,
    /// Fields that are read-only in Python.
    #[serde(default)]
    pub readonly: Vec<Spanned<String>>,
    /// Default `char*` policy of the struct's fields that set no `string`
    /// of their own (same values as the field key).
    pub strings: Option<Spanned<String>>,
    /// `[struct.NAME.fields.FIELD]`: per-field policies.
    #[serde(default)]
    pub fields: SpannedMap<FieldSpec>,
    /// `[struct.NAME.numpy.METHOD]`: zero-copy numpy exporters.
    #[serde(default)]
    pub numpy: SpannedMap<NumpySpec>,
    /// `[struct.NAME.bulk.METHOD]`: bulk exporters.
    #[serde(default)]
    pub bulk: SpannedMap<BulkSpec>,
    /// `[struct.NAME.setters.METHOD]`: methods setting several fields at once.
    #[serde(default)]
    pub setters: SpannedMap<SetterSpec>,
    /// `[struct.NAME.arrays.METHOD]`: a struct pointer and a count field as views.
    #[serde(default)]
    pub arrays: SpannedMap<CountedArraySpec>,
    /// The struct is a GstMeta: the C function returning its API GType
    /// (`gst_video_region_of_interest_meta_api_get_type`); adds `NAME.get(buffer)`
    /// and `NAME.iterate(buffer)`.
    pub buffer_meta_api: Option<Spanned<String>>,
}

/// `[struct.NAME.fields.FIELD]`.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FieldSpec {
    /// Python attribute name.
    pub python_name: Option<String>,
    /// Further attribute names of the same field (getter and setter), for
    /// scripts using a legacy or misspelled name (`atttributeIndex`).
    #[serde(default)]
    pub python_aliases: Vec<Spanned<String>>,
    /// `char*` policy: `owned` (setter frees the previous string), `borrowed` (read-only),
    /// `interned` (C never frees it: set to a shared process-lifetime copy) or
    /// `address` (a raw buffer address, exposed like `void*`).
    pub string: Option<Spanned<String>>,
    /// Allocator for an owned string (default: `[c].allocator`).
    pub allocator: Option<Spanned<String>>,
    /// Element struct of a `GList*` field.
    pub list: Option<Spanned<String>>,
    /// Struct-pointer policy: `owned` (the struct owns the target and C frees
    /// it with the struct, so Python cannot replace it: `ValueError`).
    pub pointer: Option<Spanned<String>>,
    /// Function-pointer field: Python callables registered per key.
    pub callback: Option<CallbackSpec>,
    /// An embedded struct the module does not bind: how Python reads it
    /// (`"address"`: a read-only capsule of its address).
    pub embedded: Option<Spanned<EmbeddedForm>>,
    /// The size of the memory a `void*` field points to, from other fields:
    /// reading it records that span for the `[runtime] raw_memory` helpers.
    pub span: Option<Spanned<PointerSpanSpec>>,
    /// Hide the field.
    #[serde(default)]
    pub skip: bool,
}

/// `[struct.NAME.fields.FIELD] embedded`: the Python form of an embedded
/// struct that has no class.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EmbeddedForm {
    /// A read-only capsule of the member's address, dying with the struct.
    Address,
}

/// `[struct.NAME.fields.FIELD] span`: a `void*` field points to `count`
/// elements whose size in bytes an enum field selects.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PointerSpanSpec {
    /// Dotted path to the integer field holding the element count.
    pub count: Spanned<String>,
    /// Enum (or integer) field whose value selects the element size.
    pub size_by: Spanned<String>,
    /// Value name (enum member) → element size in bytes (not zero); other
    /// values count as 1 byte.
    pub sizes: SpannedMap<std::num::NonZeroU32>,
}

/// Callback registration for a function-pointer field.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CallbackSpec {
    /// Dotted field path of the registry key, read from the struct (e.g. `meta_type`).
    pub key: Spanned<String>,
    /// Which C argument of the callback points to the struct (default 0).
    #[serde(default)]
    pub arg: usize,
    /// Struct that argument points to, when its C type is `void*`/`gpointer`
    /// (e.g. `NvDsUserMeta`); `key` is then read through it.
    #[serde(default, rename = "as")]
    pub as_struct: Option<Spanned<String>>,
    /// What the Python callable receives: `struct` (default: the struct view
    /// only) or `all` (every C argument in order: the struct view, other
    /// pointers as capsules, numbers as ints, as pyds passes `(data, user_data)`).
    #[serde(default)]
    pub args: Option<Spanned<String>>,
}

/// `[struct.NAME.numpy.METHOD]`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NumpySpec {
    /// Pointer field holding the data.
    pub data: Spanned<String>,
    /// Shape: field names of the struct or integer literals, outermost first
    /// (empty with `bytes`).
    #[serde(default)]
    pub shape: Vec<Spanned<String>>,
    /// Writable array (default true).
    #[serde(default = "yes")]
    pub writable: bool,
    /// Return a copy instead of a view (default false): an array Python
    /// owns, so later C writes or frees do not reach it.
    #[serde(default)]
    pub copy: bool,
    /// Integer field holding the data's size in bytes: the array is 1-D
    /// with `bytes / sizeof(element)` elements (replaces `shape`).
    #[serde(default)]
    pub bytes: Option<Spanned<String>>,
    /// Integer fields whose product is the element count they describe
    /// too: a NULL pointer while it (or `bytes`) is non-zero raises `ValueError`.
    #[serde(default)]
    pub extent: Vec<Spanned<String>>,
    /// Name of a second method that replaces the data with zeroed memory of
    /// `extent` elements (freeing the old with the target's allocator), sets
    /// `bytes` and returns the view.
    #[serde(default)]
    pub allocate: Option<Spanned<String>>,
    /// Name of a module function `NAME(data)` returning the same array for
    /// `data` seen as the struct (a view of it, or what its `cast` accepts).
    #[serde(default)]
    pub function: Option<Spanned<String>>,
    /// numpy dtype name of the elements in memory when `data` is `void*`
    /// (or points to a struct of numbers): `int16` for pairs of shorts.
    #[serde(default)]
    pub element: Option<Spanned<String>>,
    /// numpy dtype of the returned copy: every element converted exactly
    /// (a widening conversion only: `int16` → `float32`). Requires `copy`.
    #[serde(default)]
    pub dtype: Option<Spanned<String>>,
    /// Return a 1-D array of the shape's product elements (default false).
    #[serde(default)]
    pub flat: bool,
}

fn yes() -> bool {
    true
}

/// `[struct.NAME.bulk.METHOD]`.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BulkSpec {
    /// The list field to walk (its `list` element type is used).
    pub list: Spanned<String>,
    /// Column key → dotted field path in the element struct.
    pub columns: SpannedMap<String>,
}

/// `[struct.NAME.setters.METHOD]`: `METHOD(a, b, ...)` sets the listed
/// fields through their attribute setters (same checks), all or none.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SetterSpec {
    /// Fields (C names) in parameter order; the parameters take their Python names.
    pub fields: Vec<Spanned<String>>,
}

/// `[struct.NAME.arrays.METHOD]`: `T* data` holding `count` elements,
/// read as views of the elements (a list, or one element by index).
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CountedArraySpec {
    /// Pointer field to the first element (a bound struct).
    pub data: Spanned<String>,
    /// Integer field holding the number of elements.
    pub count: Spanned<String>,
    /// Integer field holding the allocated length: the count is never
    /// trusted beyond it.
    pub capacity: Option<Spanned<String>>,
    /// `METHOD(i)` returns element `i` (`IndexError` outside `0..count`)
    /// instead of `METHOD()` returning the list of all elements.
    #[serde(default)]
    pub index: bool,
    /// Also a module function of this name taking the struct (or what its
    /// `cast` accepts) first: `NAME(data, index, /)` or `NAME(data, /)`.
    pub function: Option<Spanned<String>>,
    /// Before an element is returned, its NULL pointer field `field` is
    /// set from the struct's pointer array `from` at the element's index.
    pub fill: Option<Spanned<ArrayFillSpec>>,
}

/// `[struct.NAME.arrays.METHOD] fill`: an element's pointer field whose
/// value the producer keeps in a parallel array of the struct.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ArrayFillSpec {
    /// Pointer field of the element struct (C name).
    pub field: Spanned<String>,
    /// Pointer-to-pointer field of the struct (`void**`), one entry per element.
    pub from: Spanned<String>,
}

/// `[enum.NAME]`.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EnumSpec {
    /// Python class name.
    pub python_name: Option<String>,
    /// Also export the values at module level (default true, as pyds).
    pub export_values: Option<bool>,
    /// Accept any value of the C type, not only the members (default false):
    /// for enums that C extends at run time (e.g. user meta types).
    #[serde(default)]
    pub open: bool,
}

/// `[function.NAME]`.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FunctionSpec {
    /// Python name.
    pub python_name: Option<String>,
    /// Returned pointer: `owned` (Python frees it with `free`), `borrowed:PARAM`, or `external` (default).
    pub returns: Option<Spanned<String>>,
    /// C function that frees an owned result.
    pub free: Option<Spanned<String>>,
    /// Bound struct a `void*` result points to: it converts as that
    /// struct's view (and `returns` applies).
    pub result_points_to: Option<Spanned<String>>,
    /// Parameters the function frees (their Python objects die). Absent: a
    /// function named `*_free`/`*_destroy`/`*_unref`/`*_release` with one
    /// struct-pointer parameter consumes it; `[]` turns that off.
    pub consumes: Option<Vec<Spanned<String>>>,
    /// Struct-pointer parameters that accept `None` (passed as NULL).
    #[serde(default)]
    pub nullable: Vec<Spanned<String>>,
    /// Parameters whose C memory the function frees although Python does not
    /// own it (views of them raise `ReferenceError` afterwards).
    #[serde(default)]
    pub invalidates: Vec<Spanned<String>>,
    /// Parameter → container parameter that takes ownership of it.
    #[serde(default)]
    pub transfers: SpannedMap<String>,
    /// Struct parameters that must be memory the C library made (a struct
    /// constructed in Python raises `ValueError`): elements a remove
    /// function hands back to the pool they came from.
    #[serde(default)]
    pub c_made: Vec<Spanned<String>>,
    /// Struct parameters whose GLib list fields the function edits by
    /// removing or freeing nodes: views of those lists' nodes (and iterators)
    /// raise `ReferenceError` afterwards. Inferred for a container parameter
    /// when the function `invalidates` an element type one of its lists holds.
    #[serde(default)]
    pub edits_lists: Vec<Spanned<String>>,
    /// Integer return is a status: this value means success (None is returned).
    pub success: Option<i64>,
    /// Status value → error message (raised as ValueError).
    #[serde(default)]
    pub errors: BTreeMap<String, String>,
    /// Release the GIL around the call.
    #[serde(default)]
    pub release_gil: bool,
    /// Pairs of parameters that must not overlap (`ValueError` when the same
    /// memory is passed, or when the first is a list the second holds).
    #[serde(default)]
    pub disjoint: Vec<[Spanned<String>; 2]>,
    /// C parameter names, in order, for a header that omits or mistypes
    /// them (`f(int, char*)`, a prototype naming its first parameter after
    /// another function's). Replaces every name; the count must match. Other
    /// keys (and `param.NAME`) use the new names.
    pub params: Option<Spanned<Vec<String>>>,
    /// `[function.NAME.param.PARAM]`: per-parameter options.
    #[serde(default)]
    pub param: SpannedMap<ParamSpec>,
    /// Hide the function.
    #[serde(default)]
    pub skip: bool,
}

/// `[function.NAME.param.PARAM]`: how one parameter converts.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ParamSpec {
    /// `None` passes NULL.
    #[serde(default)]
    pub nullable: bool,
    /// `"int"`: a raw-pointer parameter also takes an `int` address.
    pub address: Option<Spanned<String>>,
    /// Element struct a `GList*` parameter must hold.
    pub list: Option<Spanned<String>>,
    /// A consumed, stored or pooled struct may be one constructed in Python.
    #[serde(default)]
    pub python_made: bool,
    /// `T*` written by C: hidden from Python, its value returned.
    #[serde(default)]
    pub out: bool,
    /// Input buffer: the named integer parameter receives its size in bytes.
    pub buffer: Option<Spanned<String>>,
    /// Caller-allocated output: `"bytes"`, `"str"` (returned) or `"into"` (a
    /// writable buffer Python passes).
    pub output: Option<Spanned<String>>,
    /// Size parameter of an `output`: an integer (capacity) or a pointer to
    /// one (capacity in, bytes written out).
    pub length: Option<Spanned<String>>,
    /// Capacity of a `bytes`/`str` output when Python does not pass it.
    pub capacity: Option<Capacity>,
    /// Function-pointer parameter: a Python callable, called during the
    /// call; names the `void*` parameter that carries it to C (`user_data`).
    pub callback: Option<Spanned<String>>,
    /// GType name (`"GstBuffer"`, `"GstElement"`) of a pointer parameter that
    /// takes PyGObject objects, type-checked.
    pub gobject: Option<Spanned<String>>,
    /// Bound struct a `void*` parameter points to: it converts as that
    /// struct's view (and `consumes`, `c_made` apply).
    pub points_to: Option<Spanned<String>>,
    /// How Python passes a C function-pointer parameter other than as a
    /// callable (`"address"`: an int or capsule address, as pyds).
    pub function_pointer: Option<Spanned<FunctionPointerForm>>,
    /// With `gobject = "GstBuffer"` on a pointer to a bound struct: Python
    /// passes the buffer, C receives the struct its memory holds (an NVMM
    /// buffer's `NvBufSurface`).
    #[serde(default)]
    pub in_buffer: bool,
}

/// `[function.NAME.param.PARAM] function_pointer`: the Python form of a C
/// function pointer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FunctionPointerForm {
    /// An `int` or capsule holding the C function's address (`None` is NULL
    /// when the parameter is `nullable`).
    Address,
}

/// Capacity of an output buffer.
#[derive(Debug, Deserialize, Serialize)]
#[serde(untagged, deny_unknown_fields)]
pub enum Capacity {
    /// A fixed number of bytes.
    Fixed(u64),
    /// The result of a bound C function called with integer parameters.
    Call {
        /// C function name.
        call: String,
        /// Parameters whose values it receives, in order.
        #[serde(default)]
        args: Vec<String>,
    },
}
