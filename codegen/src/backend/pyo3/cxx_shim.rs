//! The C++ shim of std:: members (`[c].cxx_headers`): one `extern "C"`
//! reader per member, compiled as C++ by the generated build.rs, which
//! reports the member's values to the runtime's `cxx::Sink`. When the
//! headers are parsed as C++, it also wraps the headers' `static` functions
//! (bindgen writes its C shim of them for C only). This module lists the
//! readers and wrappers; `templates/pyo3/cxx_shim.cpp.j2` prints them.

use serde::Serialize;

use crate::ir::{FieldKind, Function, Module, TypeRef};

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

/// One exported wrapper of a header's `static` function (C++ parse).
#[derive(Serialize, Clone)]
pub struct StaticWrapperVm {
    /// The wrapper's exported name (`ffi.rs` links the function to it).
    pub name: String,
    /// The wrapped function.
    pub function: String,
    /// Return type spelling.
    pub ret: String,
    /// `type name` per parameter.
    pub params: Vec<String>,
    /// Parameter names in order.
    pub args: Vec<String>,
}

/// Wrappers of the module's `static` functions when the headers are parsed
/// as C++; functions with a parameter or result C cannot spell as a plain
/// declarator (function pointers, arrays) are left out.
pub fn static_wrappers(module: &Module, cxx: bool) -> Vec<StaticWrapperVm> {
    if !cxx {
        return vec![];
    }
    module.functions.iter().filter(|f| f.shim && spellable(f)).map(wrapper).collect()
}

fn spellable(f: &Function) -> bool {
    let plain = |t: &TypeRef| !matches!(t, TypeRef::FnPtr { .. } | TypeRef::Array { .. });
    plain(&f.ret) && f.params.iter().all(|p| plain(&p.ty))
}

fn wrapper(f: &Function) -> StaticWrapperVm {
    let args: Vec<String> = (0..f.params.len()).map(|i| format!("a{i}")).collect();
    StaticWrapperVm {
        name: format!("{}{}", f.name, super::ffi::SHIM_SUFFIX),
        function: f.name.clone(),
        ret: f.ret.spelling(),
        params: f.params.iter().zip(&args).map(|(p, a)| format!("{} {a}", p.ty.spelling())).collect(),
        args,
    }
}

/// `ffi.rs` with each wrapped function linked to its wrapper instead of the
/// (internal, unlinkable) symbol bindgen names for a C++ `static` function.
pub fn link_wrappers(ffi: &str, wrappers: &[StaticWrapperVm]) -> String {
    let mut out = ffi.to_string();
    for w in wrappers {
        let Some(at) = out.find(&format!("    pub fn {}(", w.function)) else { continue };
        let Some(link) = out[..at].rfind("#[link_name = ") else { continue };
        let end = link + out[link..].find('\n').unwrap_or(0);
        if out[end..at].contains("pub fn ") {
            continue; // the attribute belongs to another function
        }
        out.replace_range(link..end, &format!("#[link_name = \"{}\"]", w.name));
    }
    out
}
