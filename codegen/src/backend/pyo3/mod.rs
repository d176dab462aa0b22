//! The PyO3 backend: renders the extension crate (Cargo.toml, pyproject.toml,
//! build.rs, src/*.rs) from view-models with minijinja templates, then parses
//! every Rust file with syn and prints it with prettyplease. The raw FFI layer
//! (`src/ffi.rs`) comes from bindgen, with its layout tests.

mod ffi;
mod format;
pub mod function_params;
pub mod functions;
pub mod memory;
pub mod model;
pub(crate) mod paths;
pub mod rust_types;
mod templates;
pub mod trampolines;

use std::path::Path;

use minijinja::Value;
use serde::Serialize;

use super::Output;
use crate::diagnostic::Result;
use crate::ir::Module;
use crate::spec::LoadedSpec;

pub use ffi::FfiLayer;

/// The raw FFI layer (`src/ffi.rs`, and the C shim of `static` functions)
/// of a spec, from bindgen; `no_shim` lists `static` functions to leave out.
pub fn ffi_layer(spec: &LoadedSpec, no_shim: &[String]) -> Result<FfiLayer> {
    ffi::generate(spec, spec.spec.module.name.get_ref(), no_shim)
}

/// Renders every file of the crate.
pub fn render(spec: &LoadedSpec, module: &Module, out_dir: &Path, ffi: FfiLayer) -> Result<Vec<Output>> {
    let env = templates::environment();
    let vm = model::module_vm(module);
    let spec_shown = paths::shown_spec(spec);
    let allocator = format!("__BINDERY_ALLOC_{}", spec.spec.c.allocator.get_ref().to_uppercase());
    let link = paths::link_settings(spec, out_dir)?;
    let ctx = Value::from(minijinja::value::Serde(Context {
        module: &module.name,
        spec: &spec_shown,
        vm: &vm,
        allocator: &allocator,
        crate_name: module.name.replace('_', "-"),
        version: &spec.spec.module.version,
        runtime_path: paths::runtime_path(out_dir),
        library_dirs: &link.library_dirs,
        libraries: &spec.spec.c.libraries,
        pkg_libs: &link.pkg_libs,
        pkg_dirs: &link.pkg_dirs,
        helpers: paths::helper_modules(spec, out_dir),
        shim: ffi.shim.as_ref().map(|_| paths::shim_settings(spec, out_dir, ffi::SHIM_FILE)),
    }));
    let mut out = vec![];
    for (template, path) in templates::FILES {
        let text = templates::render(&env, template, &ctx)?;
        let text = if path.ends_with(".rs") { format::rust(path, &text)? } else { text };
        out.push(Output::new(*path, text));
    }
    out.push(Output::new("src/ffi.rs", ffi.rust));
    if let Some(shim) = ffi.shim {
        out.push(Output::new(ffi::SHIM_FILE, shim));
    }
    Ok(out)
}

/// Everything the templates see: the module view-model flattened with build settings.
#[derive(Serialize)]
struct Context<'a> {
    module: &'a str,
    spec: &'a str,
    #[serde(flatten)]
    vm: &'a model::ModuleVm,
    allocator: &'a str,
    crate_name: String,
    version: &'a str,
    runtime_path: String,
    library_dirs: &'a [String],
    libraries: &'a [String],
    pkg_libs: &'a [String],
    pkg_dirs: &'a [String],
    /// Hand-written helper modules: (module name, path from `src/`).
    helpers: Vec<(String, String)>,
    /// How build.rs compiles the C shim of `static` functions, when there is one.
    shim: Option<paths::Shim>,
}
