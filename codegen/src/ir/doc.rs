//! Doc comments and source locations carried from headers to output.

use serde::{Deserialize, Serialize};

/// Where an item was declared: header file (as given to the frontend, relative
/// to the spec directory when possible) and 1-based line.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceLoc {
    /// Header path.
    pub file: String,
    /// 1-based line.
    pub line: u32,
}

impl std::fmt::Display for SourceLoc {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// A doc comment: the brief line and the full text (comment markers removed).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Doc {
    /// First sentence or `@brief`.
    pub brief: String,
    /// Whole comment text.
    pub full: String,
}

impl Doc {
    /// The full text if present, else the brief.
    pub fn text(&self) -> &str {
        if self.full.is_empty() { &self.brief } else { &self.full }
    }
}
