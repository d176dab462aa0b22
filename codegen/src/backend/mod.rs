//! Backends render the IR: `pyo3` (the extension crate), `pyi` (stubs) and
//! `docs` (Markdown API reference). Each returns [`Output`] files; writing
//! and comparing them is the CLI's job.

pub mod docs;
pub mod package;
pub mod pyi;
pub mod pyi_helpers;
pub mod pyo3;
pub mod pyo3_rust;
pub mod rust_docs;
pub mod rust_pyi;
pub mod rust_python;
pub mod signature;

use std::path::{Path, PathBuf};

use crate::diagnostic::Result;
use crate::ir::Module;
use crate::spec::LoadedSpec;
use pyo3::runtime_dep::RuntimeSource;

/// One generated file, path relative to the output directory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Output {
    /// Relative path.
    pub path: PathBuf,
    /// Full contents.
    pub contents: String,
}

impl Output {
    /// A file at `path` with `contents`.
    pub fn new(path: impl Into<PathBuf>, contents: impl Into<String>) -> Self {
        Output { path: path.into(), contents: contents.into() }
    }
}

/// Renders the crate, the stubs and the API reference into `out_dir`'s
/// layout. `ffi` yields the raw FFI layer from [`pyo3::ffi_layer`]: bindgen
/// runs beside the frontend, so it is asked for last, when every other file
/// is rendered. `runtime` is where the crate gets `bindery-runtime`.
pub fn render_all(
    spec: &LoadedSpec,
    module: &Module,
    out_dir: &Path,
    ffi: impl FnOnce() -> Result<pyo3::FfiLayer>,
    runtime: &RuntimeSource,
) -> Result<Vec<Output>> {
    let partial = pyo3::render(spec, module, out_dir, runtime)?;
    let mut outputs = package::render(module);
    outputs.extend(package::python_helpers(spec, module)?);
    outputs.push(Output::new("API.md", docs::render(module)));
    outputs.extend(pyo3::finish(partial, spec, out_dir, ffi()?)?);
    Ok(outputs)
}
