//! The pipeline as one call per step: load the spec → frontend (C headers
//! with libclang, or an annotated Rust crate with syn) → IR → that
//! frontend's pass list → backends. The only module that calls every stage;
//! nothing below calls back up. Writing or comparing the outputs is the CLI's.

use std::path::Path;

use crate::backend::pyo3::runtime_dep::RuntimeSource;
use crate::backend::{self, Output};
use crate::diagnostic::{Diagnostic, Kind, Result};
use crate::frontend::c::{self, HeaderSet};
use crate::ir::{Doc, Module, RustModule, SkipReason, SourceLoc};
use crate::passes;
use crate::spec::{self, LoadedRustSpec, LoadedSpec};

/// Loads and checks the spec, parses its headers and runs the passes (up to `until`).
pub fn build_ir(spec_path: &Path, until: Option<&str>) -> Result<(LoadedSpec, Module)> {
    let loaded = load_checked(spec_path)?;
    let set = c::header_set(&loaded)?;
    let module = ir_from(&loaded, set, until)?;
    Ok((loaded, module))
}

/// Loads a Rust-crate spec, parses its annotated crate and runs the Rust
/// path's passes (up to `until`).
pub fn build_rust_ir(spec_path: &Path, until: Option<&str>) -> Result<(LoadedRustSpec, RustModule)> {
    let loaded = spec::load_rust(spec_path)?;
    let rust = &loaded.spec.rust;
    let krate = crate::frontend::rust::parse(&loaded.dir.join(rust.crate_path.get_ref()), &rust.crate_name)?;
    let module = passes::run_rust(&loaded, RustModule::new(krate), until)?;
    Ok((loaded, module))
}

/// The pass names of the frontend a spec uses, in order.
pub fn pass_names(spec_path: &Path) -> &'static [&'static str] {
    if spec::is_rust_spec(spec_path) { passes::RUST_PASSES } else { passes::PASSES }
}

/// `dump-ir`: the IR of either frontend as pretty JSON, after the pass
/// `after` (all passes when None); an unknown pass name is an error that
/// lists the frontend's passes.
pub fn dump_ir(spec_path: &Path, after: Option<&str>) -> Result<String> {
    let names = pass_names(spec_path);
    if let Some(a) = after.filter(|a| !names.contains(a)) {
        let frontend = if spec::is_rust_spec(spec_path) { "an annotated-Rust spec" } else { "a C spec" };
        return Err(vec![
            Diagnostic::new(Kind::SpecInvalid, format!("unknown pass `{a}` for {frontend} ({})", spec_path.display()))
                .hint(format!("passes, in order: {}", names.join(", "))),
        ]);
    }
    let json = if spec::is_rust_spec(spec_path) {
        serde_json::to_string_pretty(&build_rust_ir(spec_path, after)?.1)
    } else {
        serde_json::to_string_pretty(&build_ir(spec_path, after)?.1)
    };
    json.map_err(|e| {
        vec![Diagnostic::new(Kind::Io, format!("internal error: cannot print the IR as JSON: {e}")).hint("this is a bindery bug")]
    })
}

/// Loads the spec and runs the spec-only checks.
pub fn load_checked(spec_path: &Path) -> Result<LoadedSpec> {
    let loaded = spec::load(spec_path)?;
    let problems = spec::validate(&loaded);
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(loaded)
}

/// Parses the spec's header set (from [`c::header_set`]) and runs the passes (up to `until`).
pub fn ir_from(loaded: &LoadedSpec, mut set: HeaderSet, until: Option<&str>) -> Result<Module> {
    set.exports = c::linked_exports(loaded);
    let mut module = c::parse_cached(&set)?;
    module.name = loaded.spec.module.name.get_ref().clone();
    module.doc = Doc { brief: loaded.spec.module.doc.clone(), full: loaded.spec.module.doc.clone() };
    module.headers = loaded.spec.c.headers.iter().map(|h| h.get_ref().clone()).collect();
    module.spec_loc = SourceLoc { file: "spec.toml".into(), line: 1 };
    module.helper_stubs = helper_stubs(loaded)?;
    module.int_addresses = loaded.spec.module.int_addresses;
    let mut module = passes::run(loaded, module, until)?;
    let features = backend::pyo3::runtime_features::features(loaded, |c| module.record(c).map(|r| r.python_name.clone()));
    module.helper_stubs.insert_str(0, &backend::pyo3::runtime_features::stubs(&features));
    for w in &module.warnings {
        eprint!("{}", w.render());
    }
    Ok(module)
}

/// The stub fragments beside the `[helpers].rust` files (`x.rs` → `x.pyi`), concatenated.
fn helper_stubs(loaded: &LoadedSpec) -> Result<String> {
    let mut text = String::new();
    for s in &loaded.spec.helpers.rust {
        let path = loaded.dir.join(s.get_ref()).with_extension("pyi");
        if !path.is_file() {
            continue;
        }
        let part = std::fs::read_to_string(&path)
            .map_err(|e| vec![loaded.error(Kind::Io, s.span(), format!("cannot read helper stub {}: {e}", path.display()))])?;
        text.push_str(&part);
        text.push('\n');
    }
    Ok(text)
}

/// A rendered spec: its files, and the IR they came from (C specs only),
/// for the skip summary.
pub struct Rendered {
    /// Every output file.
    pub outputs: Vec<Output>,
    /// The decided IR.
    pub module: Option<Module>,
}

/// Renders every output file of a spec, with the runtime dependency chosen
/// for `out_dir` ([`RuntimeSource::default_for`]).
pub fn render(spec_path: &Path, out_dir: &Path) -> Result<Vec<Output>> {
    render_with(spec_path, out_dir, &RuntimeSource::default_for(out_dir)).map(|r| r.outputs)
}

/// Renders every output file of a spec and keeps the IR; `runtime` is where
/// the generated crate gets `bindery-runtime`.
pub fn render_with(spec_path: &Path, out_dir: &Path, runtime: &RuntimeSource) -> Result<Rendered> {
    if spec::is_rust_spec(spec_path) {
        let (loaded, module) = build_rust_ir(spec_path, None)?;
        let outputs = backend::pyo3_rust::render(&loaded, &module.plan, out_dir, runtime)?;
        return Ok(Rendered { outputs, module: None });
    }
    let loaded = load_checked(spec_path)?;
    let set = c::header_set(&loaded)?;
    // bindgen parses the headers a second time: run it beside our own parse,
    // the passes and the rendering, which asks for its layer last.
    let (module, outputs) = std::thread::scope(|scope| {
        let bindgen = scope.spawn(|| backend::pyo3::ffi_layer(&loaded, &set, &[]));
        let joined = || bindgen.join().unwrap_or_else(|_| Err(vec![Diagnostic::new(Kind::Header, "internal error: bindgen panicked")]));
        let module = match ir_from(&loaded, set.clone(), None) {
            Ok(module) => module,
            Err(e) => {
                let _ = joined();
                return Err(e);
            }
        };
        let ffi = || {
            // Rare: `static` functions whose types the shim cannot declare
            // make bindgen fail; run it again without them.
            let no_shim: Vec<String> = module.skipped.iter().filter(|s| s.reason == SkipReason::NoShim).map(|s| s.name.clone()).collect();
            let ffi = joined();
            let ffi = if no_shim.is_empty() { ffi } else { backend::pyo3::ffi_layer(&loaded, &set, &no_shim) };
            backend::pyo3::complete_ffi_layer(&loaded, &set, &module, ffi?, &no_shim)
        };
        let outputs = backend::render_all(&loaded, &module, out_dir, ffi, runtime)?;
        Ok((module, outputs))
    })?;
    Ok(Rendered { outputs, module: Some(module) })
}
