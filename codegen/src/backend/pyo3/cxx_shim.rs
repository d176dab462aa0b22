//! The C++ shim of std:: members (`[c].cxx_headers`): one `extern "C"`
//! reader per member, compiled as C++ by the generated build.rs, which
//! reports the member's values to the runtime's `cxx::Sink`. This module
//! lists the readers; `templates/pyo3/cxx_shim.cpp.j2` prints them.

use serde::Serialize;

use crate::ir::{FieldKind, Module};

/// Path of the C++ shim in the generated crate.
pub const FILE: &str = "src/cxx_shim.cpp";

/// One reader.
#[derive(Serialize, Clone)]
pub struct ReaderVm {
    /// Exported function name (also declared in `src/records.rs`).
    pub name: String,
    /// C++ name of the struct.
    pub c: String,
    /// Member name (anonymous unions and structs are transparent in C++).
    pub member: String,
}

/// Name of the reader of `record.field`.
pub fn reader_name(record: &str, field: &str) -> String {
    format!("__bindery_cxx_{record}_{field}")
}

/// Every reader of the module, in record and field order.
pub fn readers(module: &Module) -> Vec<ReaderVm> {
    module
        .records
        .iter()
        .flat_map(|r| r.fields.iter().map(move |f| (r, f)))
        .filter(|(_, f)| matches!(f.kind, FieldKind::Std { .. }))
        .map(|(r, f)| ReaderVm { name: reader_name(&r.name, &f.name), c: r.name.clone(), member: f.name.clone() })
        .collect()
}
