//! bindery's generator: reads a spec and C headers, builds the IR, applies
//! the passes and renders a PyO3 crate, `.pyi` stubs and a Markdown API
//! reference. The binary (`codegen`) is a thin CLI over [`pipeline`].

pub mod backend;
pub mod cli;
pub mod diagnostic;
pub mod frontend;
pub mod ir;
pub mod libclang;
pub mod libraries;
pub mod parse_cache;
pub mod passes;
pub mod paths;
pub mod pipeline;
pub mod spec;
