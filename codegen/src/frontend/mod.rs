//! Frontends turn source material into IR. `c` walks C headers with
//! libclang (the only module that touches clang).

pub mod c;
