//! View-models of `[allocator.NAME]` functions (`src/allocators.rs`, when
//! the spec declares any): the `rt::c_owned::Layout` of the allocated struct
//! as Rust expressions, and the owner's fields the runtime's copy/release
//! functions (`rt::c_owned::copy_payload` / `release_payload`) use.

use serde::Serialize;

use super::memory::owned_string;
use super::rust_types::rust_ident;
use crate::ir::{AllocatorExtension, CAllocator, IntField, Module};

/// The generated file holding the allocator functions.
pub const FILE: &str = "src/allocators.rs";

/// One allocator function.
#[derive(Serialize)]
pub struct AllocatorVm {
    /// Python (and Rust) function name.
    pub name: String,
    /// Rust class of the allocated struct.
    pub class: String,
    /// Its C type in `ffi`.
    pub c: String,
    /// The owner, when copy/release functions are installed.
    pub owner: Option<OwnerVm>,
    /// `rt::owned::OwnedString` expressions of its raw buffers.
    pub buffers: Vec<String>,
    /// `rt::c_owned::Extension` expression, or empty.
    pub extension: String,
}

/// The owner parameter and its fields.
#[derive(Serialize)]
pub struct OwnerVm {
    /// Python parameter name.
    pub param: String,
    /// Rust class of the owner.
    pub class: String,
    /// Its C type in `ffi`.
    pub c: String,
    /// Access path of the payload pointer.
    pub data: String,
    /// Access path of the copy function pointer.
    pub copy: String,
    /// Access path of the release function pointer.
    pub release: String,
}

/// The view-models of the module's allocators.
pub fn allocators(module: &Module) -> Vec<AllocatorVm> {
    module.allocators.iter().map(|a| allocator_vm(module, a)).collect()
}

fn class_of(module: &Module, record: &str) -> String {
    module.record(record).map(|r| r.python_name.clone()).unwrap_or_default()
}

fn allocator_vm(module: &Module, a: &CAllocator) -> AllocatorVm {
    AllocatorVm {
        name: a.name.clone(),
        class: class_of(module, &a.record),
        c: a.record.clone(),
        owner: a.owner.as_ref().map(|o| OwnerVm {
            param: o.param.clone(),
            class: class_of(module, &o.record),
            c: o.record.clone(),
            data: access(&o.data),
            copy: access(&o.copy),
            release: access(&o.release),
        }),
        buffers: a.buffers.iter().map(owned_string).collect(),
        extension: a.extension.as_ref().map(|e| extension(module, &a.record, e)).unwrap_or_default(),
    }
}

/// A Rust access path: each C field name as bindgen spells it.
fn access(path: &str) -> String {
    path.split('.').map(rust_ident).collect::<Vec<_>>().join(".")
}

fn int_slot(record: &str, f: &IntField) -> String {
    format!(
        "rt::c_owned::IntSlot {{ offset: std::mem::offset_of!(ffi::{record}, {}), bits: {}, signed: {} }}",
        access(&f.access),
        f.bits,
        f.signed
    )
}

fn extension(module: &Module, record: &str, e: &AllocatorExtension) -> String {
    let types: Vec<String> = e
        .types
        .iter()
        .map(|(kind, target)| {
            format!(
                "rt::c_owned::ExtensionType {{ kind: {kind}, size: std::mem::size_of::<ffi::{target}>(), strings: {}::OWNED_STRINGS }}",
                class_of(module, target)
            )
        })
        .collect();
    let size = e.size.as_ref().map_or_else(|| "None".to_string(), |s| format!("Some({})", int_slot(record, s)));
    format!(
        "rt::c_owned::Extension {{ pointer: std::mem::offset_of!(ffi::{record}, {}), kind: {}, size: {size}, types: &[{}] }}",
        access(&e.pointer),
        int_slot(record, &e.kind),
        types.join(", ")
    )
}
