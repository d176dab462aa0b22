//! The pipeline as one call per step: load the spec, parse the headers,
//! run the passes, render the outputs, write or compare them.

use std::path::{Path, PathBuf};

use crate::backend::pyo3::runtime_dep::RuntimeSource;
use crate::backend::{self, Output};
use crate::diagnostic::{Diagnostic, Kind, Result};
use crate::frontend::c::{self, HeaderSet};
use crate::ir::{Doc, Module, SkipReason, SourceLoc};
use crate::spec::{self, LoadedSpec};

/// Loads and checks the spec, parses its headers and runs the passes (up to `until`).
pub fn build_ir(spec_path: &Path, until: Option<&str>) -> Result<(LoadedSpec, Module)> {
    let loaded = load_checked(spec_path)?;
    let module = ir_from(&loaded, until)?;
    Ok((loaded, module))
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

/// Parses the spec's headers and runs the passes (up to `until`).
pub fn ir_from(loaded: &LoadedSpec, until: Option<&str>) -> Result<Module> {
    let mut set = header_set(loaded)?;
    set.exports = linked_exports(loaded);
    let mut module = crate::parse_cache::cached("ir", &frontend_key(&set), || c::parse_with_includes(&set))?;
    module.name = loaded.spec.module.name.get_ref().clone();
    module.doc = Doc { brief: loaded.spec.module.doc.clone(), full: loaded.spec.module.doc.clone() };
    module.headers = loaded.spec.c.headers.iter().map(|h| h.get_ref().clone()).collect();
    module.spec_loc = SourceLoc { file: "spec.toml".into(), line: 1 };
    module.helper_stubs = helper_stubs(loaded)?;
    module.int_addresses = loaded.spec.module.int_addresses;
    let module = crate::passes::run(loaded, module, until)?;
    for w in &module.warnings {
        eprint!("{}", w.render());
    }
    Ok(module)
}

/// What the C frontend's result depends on besides the headers' contents:
/// the whole header set, with the linked libraries' exports as a digest of
/// their sorted names.
fn frontend_key(set: &HeaderSet) -> crate::parse_cache::Key {
    let exports = set.exports.as_ref().map(|x| {
        let mut names: Vec<&String> = x.symbols.iter().collect();
        names.sort();
        (&x.libraries, crate::parse_cache::digest(&format!("{names:?}")))
    });
    let parts: [&dyn std::fmt::Debug; 8] =
        [&"ir", &set.headers, &set.patterns, &set.language_args(), &set.clang_args, &set.base_dir, &set.sdk, &exports];
    crate::parse_cache::Key::new(&parts, set.include_dirs())
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
/// a C spec's crate gets `bindery-runtime` (crates from annotated Rust do not use it).
pub fn render_with(spec_path: &Path, out_dir: &Path, runtime: &RuntimeSource) -> Result<Rendered> {
    if spec::is_rust_spec(spec_path) {
        return backend::pyo3_rust::render_target(spec_path, out_dir).map(|outputs| Rendered { outputs, module: None });
    }
    let loaded = load_checked(spec_path)?;
    // bindgen parses the headers a second time: run it beside our own parse.
    let (module, ffi) = std::thread::scope(|scope| {
        let ffi = scope.spawn(|| backend::pyo3::ffi_layer(&loaded, &[]));
        let module = ir_from(&loaded, None);
        let ffi = ffi.join().unwrap_or_else(|_| Err(vec![Diagnostic::new(Kind::Header, "internal error: bindgen panicked")]));
        (module, ffi)
    });
    let module = module?;
    // Rare: `static` functions whose types the shim cannot declare make
    // bindgen fail; run it again without them.
    let no_shim: Vec<String> = module.skipped.iter().filter(|s| s.reason == SkipReason::NoShim).map(|s| s.name.clone()).collect();
    let ffi = if no_shim.is_empty() { ffi? } else { backend::pyo3::ffi_layer(&loaded, &no_shim)? };
    let outputs = backend::render_all(&loaded, &module, out_dir, ffi, runtime)?;
    Ok(Rendered { outputs, module: Some(module) })
}

/// Resolves headers and clang arguments (include dirs, pkg-config cflags).
pub fn header_set(loaded: &LoadedSpec) -> Result<HeaderSet> {
    let c = &loaded.spec.c;
    let dir = absolute(&loaded.dir);
    let includes: Vec<PathBuf> = c.include_dirs.iter().map(|i| dir.join(i)).collect();
    let mut clang_args: Vec<String> = includes.iter().map(|i| format!("-I{}", i.display())).collect();
    let pkg_cflags = pkg_config_cflags(loaded)?;
    let pkg_includes = pkg_cflags.iter().filter_map(|f| f.strip_prefix("-I")).map(PathBuf::from);
    let search: Vec<PathBuf> = std::iter::once(dir.clone()).chain(includes.iter().cloned()).chain(pkg_includes).collect();
    clang_args.extend(pkg_cflags.iter().cloned());
    clang_args.extend(c.clang_args.iter().cloned());
    let mut headers = vec![];
    let mut errors = vec![];
    for h in &c.headers {
        match search.iter().map(|d| d.join(h.get_ref())).find(|p| p.is_file()) {
            Some(p) => headers.push(p.canonicalize().unwrap_or(p)),
            None => errors.push(loaded.error(Kind::SpecUnknownItem, h.span(), format!("header `{}` not found", h.get_ref()))
                .hint("header paths are relative to the spec directory, to one of [c].include_dirs or to a pkg-config package's include directory")),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let patterns = loaded.spec.expose.headers.iter().map(|p| p.get_ref().clone()).collect();
    let cxx = !c.cxx_headers.is_empty();
    Ok(HeaderSet { headers, patterns, clang_args, base_dir: dir, sdk: loaded.sdk.clone(), exports: None, cxx })
}

/// What the libraries the module links export (`None`: unknown).
fn linked_exports(loaded: &LoadedSpec) -> Option<crate::libraries::Exports> {
    let c = &loaded.spec.c;
    let dir = absolute(&loaded.dir);
    let mut names = c.libraries.clone();
    let mut dirs: Vec<PathBuf> = c.library_dirs.iter().map(|d| dir.join(d)).collect();
    if !c.pkg_config.is_empty() {
        let out = std::process::Command::new("pkg-config").arg("--libs").args(&c.pkg_config).output().ok()?;
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        names.extend(text.split_whitespace().filter_map(|t| t.strip_prefix("-l")).map(str::to_string));
        dirs.extend(text.split_whitespace().filter_map(|t| t.strip_prefix("-L")).map(PathBuf::from));
    }
    crate::libraries::exports(&names, &dirs)
}

fn pkg_config_cflags(loaded: &LoadedSpec) -> Result<Vec<String>> {
    let pkgs = &loaded.spec.c.pkg_config;
    if pkgs.is_empty() {
        return Ok(vec![]);
    }
    let out = std::process::Command::new("pkg-config")
        .arg("--cflags")
        .args(pkgs)
        .output()
        .map_err(|e| vec![Diagnostic::new(Kind::Io, format!("cannot run pkg-config: {e}")).hint("install pkg-config")])?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let msg = stderr.lines().next().unwrap_or("").trim();
        return Err(vec![
            Diagnostic::new(Kind::Header, format!("pkg-config failed for {}: {msg}", pkgs.join(" ")))
                .at_span(&loaded.path, pkg_config_span(loaded, &stderr))
                .hint("install the -dev package providing it (and check PKG_CONFIG_PATH), or fix [c].pkg_config"),
        ]);
    }
    Ok(String::from_utf8_lossy(&out.stdout).split_whitespace().map(str::to_string).collect())
}

/// Where the first package pkg-config complains about is named in the spec
/// (`pkg_config` holds plain strings without spans), else the file start.
fn pkg_config_span(loaded: &LoadedSpec, stderr: &str) -> std::ops::Range<usize> {
    let text = std::fs::read_to_string(&loaded.path).unwrap_or_default();
    let named = loaded
        .spec
        .c
        .pkg_config
        .iter()
        .filter(|p| stderr.contains(&format!("'{p}'")) || stderr.contains(&format!("{p} ")))
        .chain(&loaded.spec.c.pkg_config);
    named.filter_map(|p| text.find(&format!("\"{p}\"")).map(|i| i..i + p.len() + 2)).next().unwrap_or(0..0)
}

/// Absolute, lexically normalised form of a path (relative to the current
/// directory), so `codegen/../tests/x` and `tests/x` print the same.
pub fn absolute(p: &Path) -> PathBuf {
    let abs = if p.is_absolute() { p.to_path_buf() } else { std::env::current_dir().map(|c| c.join(p)).unwrap_or(p.to_path_buf()) };
    crate::backend::pyo3::paths::normalize(&abs)
}
