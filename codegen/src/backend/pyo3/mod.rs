//! The PyO3 backend: renders the extension crate (Cargo.toml, pyproject.toml,
//! build.rs, src/*.rs) from view-models with minijinja templates, then parses
//! every Rust file with syn and prints it with prettyplease. The raw FFI layer
//! (`src/ffi.rs`) comes from bindgen, with its layout tests.

pub mod allocators;
mod cxx_items;
mod cxx_shim;
mod ffi;
mod format;
pub mod function_params;
pub mod functions;
mod layout_asserts;
pub mod memory;
pub mod model;
pub(crate) mod paths;
pub mod runtime_dep;
pub mod runtime_features;
pub mod rust_types;
mod templates;
pub mod trampolines;

use std::path::Path;

use minijinja::Value;
use serde::Serialize;

use super::Output;
use crate::diagnostic::Result;
use crate::frontend::c::HeaderSet;
use crate::ir::Module;
use crate::spec::LoadedSpec;
use runtime_dep::RuntimeSource;

pub use ffi::FfiLayer;

/// The raw FFI layer (`src/ffi.rs`, and the C shim of `static` functions)
/// of a spec's header set (assembled by the C frontend), from bindgen;
/// `no_shim` lists `static` functions to leave out.
pub fn ffi_layer(spec: &LoadedSpec, set: &HeaderSet, no_shim: &[String]) -> Result<FfiLayer> {
    ffi::generate(spec, set, spec.spec.module.name.get_ref(), no_shim)
}

/// The layer [`ffi_layer`] returned, completed for `module`: when bindgen
/// parsed only the C headers of a set with C++ ones, the items only C++ sees
/// are written from the IR ([`cxx_items`]); when the IR holds something that
/// writer does not handle, bindgen parses the whole set as C++ after all.
pub fn complete_ffi_layer(spec: &LoadedSpec, set: &HeaderSet, module: &Module, layer: FfiLayer, no_shim: &[String]) -> Result<FfiLayer> {
    if layer.cxx || !set.cxx {
        return Ok(layer);
    }
    match cxx_items::complete(&layer.rust, module) {
        Ok(rust) => Ok(FfiLayer { rust, ..layer }),
        Err(cxx_items::Unhandled(why)) => {
            eprintln!("codegen: note: bindgen parses the headers as C++ ({why}: only bindgen's C++ parse declares it)");
            ffi::generate_for(spec, set, spec.spec.module.name.get_ref(), no_shim)
        }
    }
}

/// The crate's files that do not depend on bindgen's FFI layer, and what
/// [`finish`] needs to render the rest once the layer is there (bindgen runs
/// beside all of this).
pub struct Partial {
    /// The files rendered so far.
    pub outputs: Vec<Output>,
    env: minijinja::Environment<'static>,
    ctx: Value,
    /// Wrappers of the `static` functions, used when bindgen parsed as C++.
    cxx_wrappers: Vec<cxx_shim::StaticWrapperVm>,
    /// Whether some struct has std:: members (their readers are in the C++ shim).
    cxx_readers: bool,
}

/// Renders every file of the crate but those that depend on the FFI layer
/// (`src/ffi.rs`, the C shim, and the `Cargo.toml` and `build.rs` that build
/// it: [`finish`]); `runtime` says where the crate gets `bindery-runtime`
/// (a vendored runtime also makes the crate carry copies of its helpers).
pub fn render(spec: &LoadedSpec, module: &Module, out_dir: &Path, runtime: &RuntimeSource) -> Result<Partial> {
    let env = templates::environment();
    let mut vm = model::module_vm(module);
    // Which `static` functions the C++ shim wraps depends on bindgen's parse:
    // `finish` renders the shim (and the build files naming it).
    let cxx_wrappers = cxx_shim::static_wrappers(module, !spec.spec.c.cxx_headers.is_empty());
    let spec_shown = paths::shown_spec(spec);
    let allocator = format!("__BINDERY_ALLOC_{}", spec.spec.c.allocator.get_ref().to_uppercase());
    let runtime_dep = runtime.dependency(out_dir);
    let features = runtime_features::features(spec, |c| module.record(c).map(|r| r.python_name.clone()));
    vm.any_view = vm.view_address || vm.view_held || features.raw_memory.is_some();
    let ctx = Value::from(minijinja::value::Serde(Context {
        module: &module.name,
        spec: &spec_shown,
        vm: &vm,
        allocator: &allocator,
        crate_name: module.name.replace('_', "-"),
        version: &spec.spec.module.version,
        helpers: paths::helper_modules(spec, out_dir, runtime_dep.standalone),
        runtime: &runtime_dep,
        link: paths::link_settings(spec, out_dir),
        shim: None,
        cxx_shim: None,
        headers: spec.spec.c.headers.iter().map(|h| h.get_ref().clone()).collect(),
        features: &features,
    }));
    let mut out = vec![];
    for (template, path) in templates::FILES.iter().filter(|(t, _)| !templates::BUILD_FILES.contains(t)) {
        out.push(render_file(&env, template, path, &ctx)?);
    }
    if !vm.allocators.is_empty() {
        out.push(render_file(&env, "allocators.rs.j2", allocators::FILE, &ctx)?);
    }
    if features.any {
        out.push(render_file(&env, "runtime_features.rs.j2", runtime_features::FILE, &ctx)?);
    }
    if runtime_dep.standalone {
        out.extend(runtime.vendored_files());
        out.extend(paths::helper_copies(spec)?);
    }
    Ok(Partial { outputs: out, env, ctx, cxx_wrappers, cxx_readers: !vm.cxx_readers.is_empty() })
}

/// The rest of the crate once bindgen's layer is there: `src/ffi.rs` (with
/// the C++ shim's wrappers linked in), the C shim of `static` functions if
/// bindgen wrote one, and the `Cargo.toml` and `build.rs` that compile it.
pub fn finish(partial: Partial, spec: &LoadedSpec, out_dir: &Path, ffi: FfiLayer) -> Result<Vec<Output>> {
    let Partial { mut outputs, env, ctx, cxx_wrappers, cxx_readers } = partial;
    // A C parse wraps the `static` functions in bindgen's C shim; a C++ parse in ours.
    let cxx_wrappers = if ffi.cxx { cxx_wrappers } else { vec![] };
    let cxx_shim = (cxx_readers || !cxx_wrappers.is_empty()).then(|| paths::shim_settings(spec, out_dir, cxx_shim::FILE));
    let shim = ffi.shim.as_ref().map(|_| paths::shim_settings(spec, out_dir, ffi::SHIM_FILE));
    let ctx = minijinja::context! {
        shim => Value::from(minijinja::value::Serde(&shim)),
        cxx_shim => Value::from(minijinja::value::Serde(&cxx_shim)),
        cxx_wrappers => Value::from(minijinja::value::Serde(&cxx_wrappers)),
        ..ctx
    };
    if cxx_shim.is_some() {
        outputs.push(render_file(&env, "cxx_shim.cpp.j2", cxx_shim::FILE, &ctx)?);
    }
    for (template, path) in templates::FILES.iter().filter(|(t, _)| templates::BUILD_FILES.contains(t)) {
        outputs.push(render_file(&env, template, path, &ctx)?);
    }
    outputs.push(Output::new("src/ffi.rs", cxx_shim::link_wrappers(&ffi.rust, &cxx_wrappers)));
    outputs.extend(ffi.shim.map(|shim| Output::new(ffi::SHIM_FILE, shim)));
    Ok(outputs)
}

/// One template rendered to `path` (a Rust file formatted by prettyplease).
fn render_file(env: &minijinja::Environment<'static>, template: &str, path: &str, ctx: &Value) -> Result<Output> {
    let text = templates::render(env, template, ctx)?;
    let text = if path.ends_with(".rs") { format::rust(path, &text)? } else { text };
    Ok(Output::new(path, text))
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
    /// Hand-written helper modules: (module name, path from `src/`).
    helpers: Vec<(String, String)>,
    /// The `bindery-runtime` dependency.
    runtime: &'a runtime_dep::RuntimeDep,
    /// Libraries, search dirs and run-time path for build.rs.
    link: paths::Link,
    /// How build.rs compiles the C shim of `static` functions, when there is one.
    shim: Option<paths::Shim>,
    /// How build.rs compiles the C++ shim of std:: members, when there is one.
    cxx_shim: Option<paths::Shim>,
    /// `[c].headers` as the spec spells them (included by the C++ shim).
    headers: Vec<String>,
    /// Runtime features switched on by the spec (`src/runtime_features.rs`).
    features: &'a runtime_features::FeaturesVm,
}
