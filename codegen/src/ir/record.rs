//! Structs and unions.

use serde::{Deserialize, Serialize};

use super::{BulkExporter, Doc, Field, NumpyExporter, SourceLoc};

/// Elements behind a struct pointer and a count field (`[struct.NAME.arrays.METHOD]`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CountedArray {
    /// Python method name.
    pub method: String,
    /// Pointer field (C name).
    pub data_field: String,
    /// Element record (C name).
    pub element: String,
    /// Count field (C name).
    pub count_field: String,
    /// Capacity field (C name) bounding the count, if any.
    pub capacity_field: Option<String>,
    /// The method takes an index and returns one element.
    pub index: bool,
    /// Module function of the same method taking the struct first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub function: Option<String>,
    /// Element pointer field filled from the struct's parallel pointer array.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fill: Option<ArrayFill>,
}

/// `fill` of a counted array: element field `field` (when NULL) takes
/// `from[index]`, a pointer array of the struct.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArrayFill {
    /// Pointer field of the element (C name).
    pub field: String,
    /// Anonymous members the element field sits in.
    pub field_via: Vec<String>,
    /// `void**` field of the struct (C name).
    pub from: String,
    /// Anonymous members the `from` field sits in.
    pub from_via: Vec<String>,
}

/// A method setting several fields at once (`[struct.NAME.setters.METHOD]`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Setter {
    /// Python method name.
    pub method: String,
    /// Python names of the fields, in parameter order.
    pub fields: Vec<String>,
}

/// A C struct or union exposed as a Python class.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// The C name used to refer to it (typedef name when there is one).
    pub name: String,
    /// Python class name.
    pub python_name: String,
    /// Further module-level names bound to the same class (`[struct] python_aliases`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub python_aliases: Vec<String>,
    /// Whether it is a union.
    pub is_union: bool,
    /// `sizeof` in bytes.
    pub size: usize,
    /// `alignof` in bytes (0 when unknown).
    #[serde(default)]
    pub align: usize,
    /// Doc comment.
    pub doc: Doc,
    /// Declaration site.
    pub loc: SourceLoc,
    /// Fields in declaration order.
    pub fields: Vec<Field>,
    /// Spec-declared numpy exporter methods.
    pub numpy: Vec<NumpyExporter>,
    /// Spec-declared bulk exporter methods.
    pub bulk: Vec<BulkExporter>,
    /// Spec-declared counted-pointer arrays.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub arrays: Vec<CountedArray>,
    /// Spec-declared multi-field set methods.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub setters: Vec<Setter>,
    /// Whether Python can construct it (owned, zeroed).
    pub constructible: bool,
    /// Owned `char*` strings reachable from it through nested structs and
    /// struct arrays (decided by `passes::owned_strings`): deep-copied when
    /// the struct is assigned, freed with a Python-owned struct.
    pub owned_strings: Vec<OwnedString>,
    /// Pointer fields the struct owns (`pointer = "owned"`) reachable the
    /// same way (decided by `passes::owned_strings`): assigning the struct
    /// refuses while one of them is set (they would get two owners).
    #[serde(default)]
    pub owned_pointers: Vec<OwnedPointer>,
    /// A GstMeta found on buffers by this API-type function
    /// (`[struct.NAME] buffer_meta_api`): adds `get(buffer)` and `iterate(buffer)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buffer_meta_api: Option<String>,
}

/// One owned `char*` inside a record, reached through a path of fields.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OwnedString {
    /// Steps from the record to the string field, outermost first.
    pub path: Vec<PathStep>,
    /// Allocator name of the string (`glib` or `libc`).
    pub allocator: String,
}

/// One owned pointer field inside a record, reached through a path of fields.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OwnedPointer {
    /// Steps from the record to the pointer field, outermost first.
    pub path: Vec<PathStep>,
}

/// One field on the way to an owned string or pointer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PathStep {
    /// Record holding the field.
    pub record: String,
    /// C field name.
    pub field: String,
    /// Anonymous members the field sits in (as in [`super::Field::via`]).
    pub via: Vec<String>,
    /// Element index and element record when the field is a struct array.
    pub element: Option<(usize, String)>,
}

impl Record {
    /// The field called `name`.
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }
}
