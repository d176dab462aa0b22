//! Target-agnostic glue of crates generated from annotated Rust (the Rust
//! path): the Python-side behaviour those crates share, so generated code
//! calls it instead of emitting logic. [`args`] converts scalar arguments
//! with pybind11's strictness (noconvert ints, strict bools, str/bytes),
//! [`seq`] sequences and dicts with its list/map caster rules,
//! [`descriptor`] provides static read-only properties, [`errors`] builds
//! a builtin exception by name (the spec's error table picks the name),
//! [`callback`] calls a Python callable from any thread with the GIL,
//! [`detach`] drops values that join GIL-taking threads with the GIL
//! released, [`lists`] builds float lists on the hot path, [`items`]
//! reads lists, tuples and floats there (inline macros unless abi3), and
//! [`ndarray`] reads numpy array arguments as contiguous bytes and makes
//! read-only views and cached copies for results. Nothing
//! here knows a wrapped library: its types arrive as closures or generics.

pub mod args;
pub mod callback;
pub mod descriptor;
pub mod detach;
pub mod errors;
pub mod items;
pub mod lists;
pub mod ndarray;
pub mod seq;

pub use detach::DetachOnDrop;
