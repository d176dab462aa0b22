//! Module functions allocating a struct for C to free (`[allocator.NAME]`),
//! with what the generated copy and release functions copy and free.

use serde::{Deserialize, Serialize};

use super::OwnedString;

/// An integer field read or cleared through its byte offset.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IntField {
    /// Rust access path from the struct (anonymous members included).
    pub access: String,
    /// Width in bits.
    pub bits: u8,
    /// Whether it is signed.
    pub signed: bool,
}

/// The owner whose copy/release function pointers the allocator sets.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllocatorOwner {
    /// Python parameter name.
    pub param: String,
    /// The owner's record (C name).
    pub record: String,
    /// Rust access path of the pointer field holding the block.
    pub data: String,
    /// Rust access path of the copy function pointer.
    pub copy: String,
    /// Rust access path of the release function pointer.
    pub release: String,
}

/// A pointer to one of several records, chosen by an integer field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllocatorExtension {
    /// Rust access path of the pointer.
    pub pointer: String,
    /// The field naming the target's type.
    pub kind: IntField,
    /// The field holding the target's size.
    pub size: Option<IntField>,
    /// (value of `kind`, record) pairs.
    pub types: Vec<(i64, String)>,
}

/// `NAME([owner])` → a zeroed record C frees.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CAllocator {
    /// Python function name.
    pub name: String,
    /// The record allocated (C name).
    pub record: String,
    /// Copy/release installed on an owner, if any.
    pub owner: Option<AllocatorOwner>,
    /// Raw string buffers (`address` strings) the block owns.
    pub buffers: Vec<OwnedString>,
    /// The extension pointer, if any.
    pub extension: Option<AllocatorExtension>,
}
