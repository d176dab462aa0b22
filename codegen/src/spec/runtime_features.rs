//! serde types of the spec keys that switch on reusable runtime features
//! (`[runtime]`, `[gst.meta_payload.FUNCTION]`): generated functions that
//! call `bindery-runtime` with the target's types instead of hand-written
//! helpers. Documented in `docs/spec.md`.

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::SpannedMap;

/// `[runtime]`: runtime features bound as module functions.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RuntimeSpec {
    /// Integer-address raw memory helpers (`alloc_buffer`, `free_buffer`,
    /// `get_string`, `get_ptr`, `strdup`, `memdup`, ...; pyds's names), every
    /// address checked against the module's registry of known spans
    /// (`rt::raw_memory`). Memory comes from `[c].allocator`.
    #[serde(default)]
    pub raw_memory: bool,
}

/// `[gst]`: GStreamer features.
#[derive(Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct GstSpec {
    /// `[gst.meta_payload.FUNCTION]`: binds the C getter `FUNCTION(GstBuffer*)`,
    /// which returns the payload of a GstMeta on the buffer, as a function
    /// taking a `Gst.Buffer` or its address and returning a view of the
    /// payload that dies when GStreamer frees the meta (`rt::gobject::meta_hook`).
    #[serde(default)]
    pub meta_payload: SpannedMap<MetaPayloadSpec>,
}

/// `[gst.meta_payload.FUNCTION]`: where the payload lives.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MetaPayloadSpec {
    /// The struct the function returns a pointer to (a bound struct).
    #[serde(rename = "struct")]
    pub payload_struct: Spanned<String>,
    /// The struct embedding `GstMeta` that holds the payload pointer.
    pub carrier: Spanned<String>,
    /// The carrier's `*_api_get_type` function (its GstMeta API type).
    pub api: Spanned<String>,
    /// The carrier's field holding the payload pointer.
    pub payload: Spanned<String>,
    /// The carrier's release-function field (`void (*)(void *data, void *user_data)`),
    /// chained so the payload's views die first.
    pub release: Spanned<String>,
    /// Docstring of the Python function (default: a sentence naming the struct).
    #[serde(default)]
    pub doc: Option<String>,
}
