//! The intermediate representation: plain data produced by the frontends,
//! annotated by the passes and read by the backends. One file per concept,
//! deterministic order (declaration order in the headers), no logic beyond
//! constructors and lookups.

mod allocator;
mod doc;
mod enum_;
mod field;
mod function;
mod module;
mod ownership;
mod record;
pub mod rust_conv;
mod rust_item;
pub mod rust_plan;
mod skipped;
mod type_ref;

pub use allocator::{AllocatorExtension, AllocatorOwner, CAllocator, IntField};
pub use doc::{Doc, SourceLoc};
pub use enum_::{EnumDef, EnumValue};
pub use field::{Field, FieldKind, PointerSpan, ScalarKind, StdElement, StdShape};
pub use function::{Capacity, Disjoint, Function, ListEdit, OutValue, OutputMode, Param, ParamKind, ResultConversion, ReturnKind};
pub use module::{Alias, BulkExporter, CallbackFunctions, Column, Constant, FieldSetter, Handle, Module, NumpyExporter};
pub use ownership::{Ownership, Transfer};
pub use record::{ArrayFill, CountedArray, OwnedPointer, OwnedString, PathStep, Record, Setter};
pub use rust_item::{
    DeclVariant, MethodKind, Receiver, RustClass, RustCrate, RustDecl, RustEnum, RustFunction, RustMethod, RustParam, RustType, RustVariant,
};
pub use rust_plan::RustModule;
pub use skipped::{ItemKind, SkipReason, Skipped};
pub use type_ref::{Prim, StdType, TypeRef};
