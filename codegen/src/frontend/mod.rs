//! Frontends turn source material into IR. `c` walks C headers with
//! libclang (the only module that touches clang); `rust` reads annotated
//! Rust crates with syn.

pub mod c;
pub mod rust;
