//! Who owns memory that crosses the boundary (DESIGN §2).

use serde::{Deserialize, Serialize};

/// Ownership of a returned pointer or a pointer field's target.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Ownership {
    /// C owns it; lifetime untracked (pyds behaviour).
    #[default]
    External,
    /// Python owns it and frees it with `free` (a C function name).
    Owned { free: String },
    /// It lives as long as the named parameter's memory.
    BorrowedFrom { param: String },
}

/// A parameter whose ownership moves during a call.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind")]
pub enum Transfer {
    /// The callee frees it: the Python object's token dies.
    Consumed,
    /// The callee stores it in another parameter's memory: follows that token.
    /// `owned`: only an object Python owns may go (its struct has a creator
    /// returning it `owned`, so "in a container" means "owned by it").
    Into { container: String, owned: bool },
    /// The callee frees memory Python does not own (e.g. a C-created batch):
    /// the view's token dies after the call, so later use raises `ReferenceError`.
    Invalidated,
}
