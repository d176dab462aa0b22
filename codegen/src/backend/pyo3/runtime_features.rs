//! The view-model of `src/runtime_features.rs`: module functions that call
//! reusable `bindery-runtime` mechanisms with the target's types, switched
//! on by `[runtime]` and `[gst.meta_payload.FUNCTION]`, and their stubs.

use serde::Serialize;

use crate::spec::{LoadedSpec, MetaPayloadSpec};

/// The rendered file, when a feature is on.
pub const FILE: &str = "src/runtime_features.rs";

/// Everything the template needs; `any` is false when no feature is on
/// (the file is then not rendered).
#[derive(Debug, Serialize)]
pub struct FeaturesVm {
    /// Whether any feature is on.
    pub any: bool,
    /// `[runtime] raw_memory`: the allocator's C names for docstrings.
    pub raw_memory: Option<RawMemoryVm>,
    /// `[gst.meta_payload.FUNCTION]` getters.
    pub meta_payloads: Vec<MetaPayloadVm>,
}

/// The allocator raw memory comes from, as its docstrings name it.
#[derive(Debug, Serialize)]
pub struct RawMemoryVm {
    /// Allocation function (`g_malloc0`, `calloc`).
    pub alloc: &'static str,
    /// Free function (`g_free`, `free`).
    pub free: &'static str,
}

/// One GstMeta payload getter.
#[derive(Debug, Serialize)]
pub struct MetaPayloadVm {
    /// The C getter, also the Python name.
    pub function: String,
    /// The payload's class (Rust and Python name).
    pub class: String,
    /// The carrier's C struct.
    pub carrier: String,
    /// The carrier's API-type function.
    pub api: String,
    /// The carrier's payload field.
    pub payload: String,
    /// The carrier's release-function field.
    pub release: String,
    /// The Python docstring.
    pub doc: String,
}

/// The features `spec` switches on; `class_of` gives the Python class of a bound struct.
pub fn features(spec: &LoadedSpec, class_of: impl Fn(&str) -> Option<String>) -> FeaturesVm {
    let raw_memory = spec.spec.runtime.raw_memory.then(|| match spec.spec.c.allocator.get_ref().as_str() {
        "libc" => RawMemoryVm { alloc: "calloc", free: "free" },
        _ => RawMemoryVm { alloc: "g_malloc0", free: "g_free" },
    });
    let meta_payloads: Vec<MetaPayloadVm> =
        spec.spec.gst.meta_payload.iter().map(|(name, m)| meta_payload(name.get_ref(), m, &class_of)).collect();
    FeaturesVm { any: raw_memory.is_some() || !meta_payloads.is_empty(), raw_memory, meta_payloads }
}

fn meta_payload(function: &str, m: &MetaPayloadSpec, class_of: &impl Fn(&str) -> Option<String>) -> MetaPayloadVm {
    let c_name = m.payload_struct.get_ref();
    let class = class_of(c_name).unwrap_or_else(|| c_name.clone());
    let doc = m.doc.clone().unwrap_or_else(|| {
        format!(
            "Returns the {class} attached to a GstBuffer (a Gst.Buffer, a capsule or its address), or None.\n\nThe returned views raise `ReferenceError` once GStreamer frees the meta holding it."
        )
    });
    MetaPayloadVm {
        function: function.to_string(),
        class,
        carrier: m.carrier.get_ref().clone(),
        api: m.api.get_ref().clone(),
        payload: m.payload.get_ref().clone(),
        release: m.release.get_ref().clone(),
        doc,
    }
}

/// Python signatures of the features' functions, in the `[helpers]` stub format.
pub fn stubs(vm: &FeaturesVm) -> String {
    let mut text = String::new();
    for m in &vm.meta_payloads {
        text.push_str(&format!("def {}(buffer: Any) -> {} | None: ...\n", m.function, m.class));
    }
    if vm.raw_memory.is_some() {
        text.push_str(RAW_MEMORY_STUBS);
    }
    text
}

const RAW_MEMORY_STUBS: &str = "\
def alloc_buffer(size: int) -> int: ...
def alloc_char_buffer(size: int, /) -> int: ...
def free_buffer(buffer: Any) -> None: ...
def free_gbuffer(buffer: Any) -> None: ...
def get_string(ptr: Any) -> Any: ...
def get_ptr(ptr: Any) -> int: ...
def strdup(ptr: Any, /) -> int: ...
def strdup2str(ptr: Any, /) -> Any: ...
def memdup(ptr: Any, size: int) -> int: ...
def generate_ts_rfc3339(buffer: Any, size: int) -> None: ...
def get_detections(data: Any, i: int, /) -> float: ...
";
