//! serde types of `[field_setter.NAME]` (module functions that assign a
//! field of their first argument) and `[callbacks]` (module functions over
//! the registry of Python callbacks): `docs/spec.md`, sections of the same names.

use serde::{Deserialize, Serialize};
use toml::Spanned;

/// `[field_setter.NAME]`: `NAME(obj, value)` sets `obj.path = value` on `obj`
/// seen as the struct (a view of it, or anything its `cast` accepts), through
/// the field's own setter (its checks and callback registration included).
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct FieldSetterSpec {
    /// `Struct.field` or `Struct.nested.field` (C struct name, C field names).
    pub field: Spanned<String>,
    /// Python names of the two parameters (default `["obj", "value"]`).
    #[serde(default)]
    pub params: Option<Spanned<Vec<String>>>,
    /// Positional-only parameters (default false).
    #[serde(default)]
    pub positional: bool,
    /// Docstring (default: says which field it sets).
    #[serde(default)]
    pub doc: Option<String>,
}

/// `[callbacks]`: module functions over the registered Python callbacks of
/// `callback` fields.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CallbacksSpec {
    /// Name of a function that forgets every registered callback and
    /// returns how many it removed.
    #[serde(default)]
    pub clear_all: Option<Spanned<String>>,
    /// Names of functions `NAME(func, /)` that only check `func` is callable
    /// (an older API's registration calls kept so scripts still run).
    #[serde(default)]
    pub accept_only: Vec<Spanned<String>>,
}
