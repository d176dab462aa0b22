//! bindery-runtime: the hand-written, unit-tested support code that every
//! bindery-generated PyO3 module calls.
//!
//! Generated code stays small and declarative because the safety-critical
//! logic lives here: liveness tokens and views ([`token`], [`view`]), integer
//! range checks ([`ints`]), char-array and C-string conversion ([`strings`]),
//! raw pointer and capsule handling ([`pointer`]), GLib list walking
//! ([`glist`]), zero-copy numpy export ([`numpy_export`]) and callback
//! trampolines ([`callback`]). This crate must not know about any particular
//! C library: everything target-specific arrives as parameters.

pub mod callback;
pub mod errors;
pub mod glist;
pub mod ints;
pub mod numpy_export;
pub mod pointer;
pub mod strings;
pub mod token;
pub mod view;

pub use token::Token;
pub use view::{Allocator, View};

/// Re-exported so generated crates use exactly the pyo3 this runtime was built with.
pub use numpy;
/// Re-exported so generated crates use exactly the pyo3 this runtime was built with.
pub use pyo3;
