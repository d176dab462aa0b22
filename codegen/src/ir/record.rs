//! Structs and unions.

use serde::Serialize;

use super::{BulkExporter, Doc, Field, NumpyExporter, SourceLoc};

/// A C struct or union exposed as a Python class.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Record {
    /// The C name used to refer to it (typedef name when there is one).
    pub name: String,
    /// Python class name.
    pub python_name: String,
    /// Whether it is a union.
    pub is_union: bool,
    /// `sizeof` in bytes.
    pub size: usize,
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
    /// Whether Python can construct it (owned, zeroed).
    pub constructible: bool,
}

impl Record {
    /// The field called `name`.
    pub fn field(&self, name: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.name == name)
    }
}
