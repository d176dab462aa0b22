//! C enums, exposed as `enum.IntEnum` subclasses.

use serde::{Deserialize, Serialize};

use super::{Doc, SourceLoc};

/// One enumerator.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnumValue {
    /// C (and Python) name.
    pub name: String,
    /// Value.
    pub value: i64,
    /// Doc comment.
    pub doc: Doc,
}

/// A C enum.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnumDef {
    /// C name (typedef name when there is one).
    pub name: String,
    /// Python class name.
    pub python_name: String,
    /// Underlying integer width in bits.
    pub bits: u8,
    /// Whether the underlying type is signed.
    pub signed: bool,
    /// Enumerators in declaration order.
    pub values: Vec<EnumValue>,
    /// Doc comment.
    pub doc: Doc,
    /// Declaration site.
    pub loc: SourceLoc,
    /// Export the values at module level too (as pyds does).
    pub export_values: bool,
    /// Accepts values that are not members (read back as plain ints), e.g.
    /// meta types extended at run time with user types.
    pub open: bool,
}
