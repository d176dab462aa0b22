//! The root of the IR: one Python module.

use serde::{Deserialize, Serialize};

use super::{Doc, EnumDef, Function, Record, Skipped, SourceLoc};

/// An integer `#define` exported as a module constant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Constant {
    /// Name.
    pub name: String,
    /// Value (wide enough for unsigned 64-bit macros).
    pub value: i128,
    /// Declaration site.
    pub loc: SourceLoc,
}

/// A spec-declared method returning a zero-copy numpy view of a pointer field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NumpyExporter {
    /// Python method name.
    pub method: String,
    /// Pointer field holding the data.
    pub data_field: String,
    /// Shape: field names of the same record, or integer literals.
    pub shape: Vec<String>,
    /// numpy dtype name.
    pub dtype: String,
    /// Rust element type.
    pub rust: String,
    /// Whether the array is writable.
    pub writable: bool,
    /// The method returns a copy (an array Python owns) instead of a view.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub copy: bool,
    /// Byte-count field giving the 1-D length (`bytes / sizeof(element)`) instead of `shape`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bytes_field: Option<String>,
    /// Integer fields whose product the data also holds (checked against a NULL pointer).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extent: Vec<String>,
    /// Method that allocates `extent` zeroed elements, sets `bytes_field` and returns the view.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocate: Option<String>,
    /// Module function `NAME(data)` returning the same array for `data` cast to the struct.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<String>,
    /// dtype name and Rust type the copy converts each element to (`dtype`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub convert: Option<(String, String)>,
    /// The array is 1-D, of the shape's product elements (`flat`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub flat: bool,
}

impl NumpyExporter {
    /// dtype of the returned array: the converted one with `dtype`, else the data's.
    pub fn array_dtype(&self) -> &str {
        self.convert.as_ref().map_or(&self.dtype, |(name, _)| name)
    }
}

/// One column of a bulk exporter: a (possibly nested) field path.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Column {
    /// Key in the returned dict.
    pub key: String,
    /// Field path in the element record, e.g. `["rect", "left"]`.
    pub path: Vec<String>,
    /// numpy dtype name.
    pub dtype: String,
    /// Rust element type.
    pub rust: String,
}

/// A spec-declared method turning a list field's elements into numpy columns.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BulkExporter {
    /// Python method name.
    pub method: String,
    /// List field walked.
    pub list_field: String,
    /// Element record.
    pub element: String,
    /// Columns in order.
    pub columns: Vec<Column>,
}

/// A typed handle class for pointers to a struct the module does not bind
/// (opaque contexts such as `NvDsObjEncCtx`): only objects a C function
/// returned are accepted where that type is expected.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Handle {
    /// C struct name (tag or typedef).
    pub name: String,
    /// Python class name.
    pub python_name: String,
}

/// A further module-level name of a generated callable (`[module] aliases`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Alias {
    /// The alias's Python name.
    pub name: String,
    /// What it names: a module attribute, then attributes of it
    /// (`["NvDsFrameMeta", "cast"]`, or `["some_function"]`).
    pub path: Vec<String>,
}

/// A module function `name(obj, value)` setting `obj.path = value` on `obj`
/// seen as `class` (`[field_setter.NAME]`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldSetter {
    /// Python function name.
    pub name: String,
    /// Python class of the first argument.
    pub class: String,
    /// Python attribute path from the class to the field.
    pub path: Vec<String>,
    /// Python names of the object and value parameters.
    pub params: [String; 2],
    /// Positional-only parameters.
    pub positional: bool,
    /// Docstring.
    pub doc: String,
    /// C name of the struct.
    pub record: String,
}

/// Module functions over the registered Python callbacks (`[callbacks]`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CallbackFunctions {
    /// Function forgetting every registered callback.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clear_all: Option<String>,
    /// Functions that only check their argument is callable.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accept_only: Vec<String>,
}

impl CallbackFunctions {
    /// No function is declared.
    pub fn is_empty(&self) -> bool {
        self.clear_all.is_none() && self.accept_only.is_empty()
    }

    /// Every declared function name.
    pub fn names(&self) -> impl Iterator<Item = &String> {
        self.clear_all.iter().chain(&self.accept_only)
    }
}

/// One Python module.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct Module {
    /// Python import name.
    pub name: String,
    /// Module docstring.
    pub doc: Doc,
    /// Headers read, relative to the spec directory.
    pub headers: Vec<String>,
    /// Structs and unions.
    pub records: Vec<Record>,
    /// Enums.
    pub enums: Vec<EnumDef>,
    /// Functions.
    pub functions: Vec<Function>,
    /// Handle classes of unbound struct pointers that functions take or return.
    pub handles: Vec<Handle>,
    /// Integer constants.
    pub constants: Vec<Constant>,
    /// Further module-level names of generated callables.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<Alias>,
    /// Functions allocating structs for C to free (`[allocator.NAME]`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allocators: Vec<super::CAllocator>,
    /// Functions assigning a field of their first argument (`[field_setter.NAME]`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub field_setters: Vec<FieldSetter>,
    /// Functions over the registered Python callbacks (`[callbacks]`).
    #[serde(default, skip_serializing_if = "CallbackFunctions::is_empty")]
    pub callback_functions: CallbackFunctions,
    /// Header items that are not bound, with the reason (see [`Skipped`]).
    pub skipped: Vec<Skipped>,
    /// Where the spec lives (for messages).
    pub spec_loc: SourceLoc,
    /// Stub text for what `[helpers]` adds (the `.pyi` beside each helper), merged into the `.pyi`.
    pub helper_stubs: String,
    /// Raw `int`s are addresses in `cast` and `void*` setters (`[module] int_addresses`).
    pub int_addresses: bool,
    /// Warnings of the passes (printed by the CLI, not part of the output).
    #[serde(skip)]
    pub warnings: Vec<crate::diagnostic::Diagnostic>,
}

impl Module {
    /// The record called `name`.
    pub fn record(&self, name: &str) -> Option<&Record> {
        self.records.iter().find(|r| r.name == name)
    }

    /// The handle class of the unbound struct `name`.
    pub fn handle(&self, name: &str) -> Option<&Handle> {
        self.handles.iter().find(|h| h.name == name)
    }

    /// The enum called `name`.
    pub fn enum_def(&self, name: &str) -> Option<&EnumDef> {
        self.enums.iter().find(|e| e.name == name)
    }
}
