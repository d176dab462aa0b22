//! The declarative spec (`spec.toml`): what to expose and how, where the
//! header cannot say it. serde types are the single source of truth for
//! every key; `docs/spec.md` documents each and a test keeps the two in step.
//! Loading keeps spans so diagnostics point at the spec line.

mod allocators;
mod field_setters;
mod load;
mod names;
mod runtime_features;
mod rust_spec;
pub mod sdk;
mod types;
mod validate;

pub use allocators::{AllocatorSpec, ExtensionSpec, OwnerSpec};
pub use field_setters::{CallbacksSpec, FieldSetterSpec};
pub use load::{LoadedSpec, load};
pub use names::PYTHON_KEYWORDS;
pub use runtime_features::{GstSpec, MetaPayloadSpec, RuntimeSpec};
pub use rust_spec::{
    CallSpec, ClassSpec, ErrorsSpec, FunctionTableSpec, LoadedRustSpec, NumpyView, PayloadAt, PythonModuleSpec, RustEnumSpec,
    RustSourceSpec, RustSpec, TableRowSpec, is_rust_spec, load_rust,
};
pub use types::*;
pub use validate::validate;
