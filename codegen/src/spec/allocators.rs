//! serde types of `[allocator.NAME]`: module functions that allocate a
//! struct for C to free, optionally installing generated copy and release
//! functions on an owner struct (`docs/spec.md`, section `[allocator.NAME]`).

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::SpannedMap;

/// `[allocator.NAME]`: `NAME()` (or `NAME(owner)`) returns a zeroed `struct`
/// allocated with `[c].allocator` that Python does not own: C frees it (with
/// the owner's release function when `owner` is set). Its view dies when the
/// generated release function frees it.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct AllocatorSpec {
    /// The bound struct to allocate (C name).
    #[serde(rename = "struct")]
    pub record: Spanned<String>,
    /// The struct whose copy/release function pointers the allocator sets.
    pub owner: Option<OwnerSpec>,
    /// A pointer field of `struct` whose target's type an integer field names.
    pub extension: Option<ExtensionSpec>,
}

/// `owner = { ... }`: the parameter the allocator takes and the fields of
/// its struct that the generated copy/release functions use.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct OwnerSpec {
    /// Python parameter name (positional-only).
    pub param: Spanned<String>,
    /// The owner's struct (C name).
    #[serde(rename = "struct")]
    pub record: Spanned<String>,
    /// Pointer field of the owner holding the block (`user_meta_data`).
    pub data: Spanned<String>,
    /// Dotted path to the owner's copy function pointer (`base_meta.copy_func`):
    /// `gpointer (*)(gpointer owner, gpointer user_data)`, returning the copy.
    pub copy: Spanned<String>,
    /// Dotted path to the owner's release function pointer
    /// (`base_meta.release_func`): `void (*)(gpointer owner, gpointer user_data)`.
    pub release: Spanned<String>,
}

/// `extension = { ... }`: an owned pointer to one of several structs.
#[derive(Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ExtensionSpec {
    /// The pointer field (`extMsg`).
    pub pointer: Spanned<String>,
    /// Integer or enum field naming the target's type (`objType`).
    pub kind: Spanned<String>,
    /// Integer field holding the target's size, cleared when a copy has no extension.
    pub size: Option<Spanned<String>>,
    /// Value of `kind` (an enumerator name or an integer written as a string) → struct.
    pub types: SpannedMap<Spanned<String>>,
}
