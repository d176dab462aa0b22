//! The raw FFI layer: bindgen over the same headers and clang arguments,
//! restricted to the bound headers' items (and what they use), with layout
//! tests. Formatted by prettyplease like the rest. `static` and `static
//! inline` functions of the headers are reached through a C shim that
//! bindgen writes (`wrap_static_fns`): one exported wrapper per function,
//! compiled by the generated `build.rs` with the `cc` crate.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Kind, Result};
use crate::frontend::c::HeaderSet;
use crate::frontend::c::header_globs;
use crate::spec::LoadedSpec;

/// Suffix of the shim's wrapper names (`f` is called as `f__bindery_shim`).
pub const SHIM_SUFFIX: &str = "__bindery_shim";

/// Path of the shim in the generated crate.
pub const SHIM_FILE: &str = "src/static_fns.c";

/// bindgen's output: the Rust declarations and, when the headers define
/// `static` functions, the C source of their wrappers.
#[derive(Serialize, Deserialize)]
pub struct FfiLayer {
    /// `src/ffi.rs`.
    pub rust: String,
    /// `src/static_fns.c`, if any function needs a wrapper.
    pub shim: Option<String>,
    /// Whether bindgen parsed the headers as C++ (then the C++ shim wraps
    /// the `static` functions instead of `shim`).
    #[serde(default)]
    pub cxx: bool,
}

/// Generates `src/ffi.rs` (and the shim), or takes it from the parse cache
/// when nothing it depends on changed. `no_shim` names `static` functions
/// the shim cannot declare (the frontend found types C cannot spell back).
/// A set with C++ headers is parsed without them, as C, when that parse
/// succeeds (ADR 0016: the caller completes the layer from the IR, see
/// [`super::cxx_items`]); else, and for every other set, as the set says.
pub fn generate(spec: &LoadedSpec, set: &HeaderSet, module_name: &str, no_shim: &[String]) -> Result<FfiLayer> {
    if let Some(layer) = c_only(spec, set).and_then(|c| generate_for(spec, &c, module_name, no_shim).ok()) {
        return Ok(layer);
    }
    generate_for(spec, set, module_name, no_shim)
}

/// The set's C headers alone, parsed as C, when the set has C++ headers
/// (`[c].cxx_headers`) and at least one C header.
pub fn c_only(spec: &LoadedSpec, set: &HeaderSet) -> Option<HeaderSet> {
    let c = &spec.spec.c;
    let is_cxx = |h: &str| c.cxx_headers.iter().any(|x| x.get_ref() == h);
    let headers: Vec<PathBuf> = c.headers.iter().zip(&set.headers).filter(|(h, _)| !is_cxx(h.get_ref())).map(|(_, p)| p.clone()).collect();
    (set.cxx && !headers.is_empty()).then(|| HeaderSet { headers, cxx: false, ..set.clone() })
}

/// [`generate`] for exactly `set`, in the language it says.
pub fn generate_for(spec: &LoadedSpec, set: &HeaderSet, module_name: &str, no_shim: &[String]) -> Result<FfiLayer> {
    let c = &spec.spec.c;
    let spec_headers: Vec<(&String, bool)> =
        c.headers.iter().map(|h| (h.get_ref(), c.cxx_headers.iter().any(|x| x.get_ref() == h.get_ref()))).collect();
    let parts: [&dyn std::fmt::Debug; 8] =
        [&"ffi", &set.headers, &set.language_args(), &set.clang_args, &set.patterns, &no_shim, &module_name, &spec_headers];
    let key = crate::parse_cache::Key::new(&parts, set.include_dirs());
    crate::parse_cache::cached("ffi", &key, || run_bindgen(set, spec, module_name, no_shim))
}

/// Records every file the parse includes (the parse cache's dependencies).
#[derive(Debug, Default)]
struct Includes(Arc<Mutex<Vec<PathBuf>>>);

impl bindgen::callbacks::ParseCallbacks for Includes {
    fn include_file(&self, filename: &str) {
        self.0.lock().unwrap_or_else(|p| p.into_inner()).push(PathBuf::from(filename));
    }
}

/// Runs bindgen: the layer and the files its parse read.
fn run_bindgen(set: &HeaderSet, spec: &LoadedSpec, module_name: &str, no_shim: &[String]) -> Result<(FfiLayer, Vec<PathBuf>)> {
    let scratch = ScratchDir::new();
    let includes = Includes::default();
    let read = includes.0.clone();
    let umbrella: String = set.headers.iter().map(|h| format!("#include \"{}\"\n", h.display())).collect();
    let mut builder = bindgen::Builder::default()
        .parse_callbacks(Box::new(includes))
        .header_contents("__bindery_umbrella.h", &umbrella)
        .clang_args(set.language_args())
        .clang_args(set.clang_args.iter())
        // C++ std:: members are opaque bytes of the right size and alignment:
        // only the C++ shim reads them.
        .opaque_type("std::.*")
        // libclang finds its own system include directories, as for our
        // frontend's parse; bindgen's probe ran the `clang` on PATH three
        // times (~0.2 s) and could name another clang's directories.
        .detect_include_paths(false)
        .formatter(bindgen::Formatter::None)
        .layout_tests(true)
        .derive_debug(false)
        .derive_default(false)
        .generate_comments(true)
        .merge_extern_blocks(true)
        .wrap_unsafe_ops(true)
        .wrap_static_fns(true)
        .wrap_static_fns_suffix(SHIM_SUFFIX)
        .wrap_static_fns_path(scratch.0.join("static_fns"))
        .raw_line(format!("//! Raw C declarations of `{}` (bindgen). Generated by bindery: do not edit.", module_name))
        // The lints bindgen's output trips, by name (no blanket `clippy::all`):
        // its bitfield accessors transmute `uN` to itself, compute byte counts
        // by hand and offset by `usize as isize`; C comments copied as docs
        // have Markdown list continuations clippy reads as lazy.
        .raw_line(
            "#![allow(non_snake_case, non_camel_case_types, non_upper_case_globals, dead_code, unnecessary_transmutes, clippy::useless_transmute, clippy::manual_div_ceil, clippy::ptr_offset_with_cast, clippy::doc_lazy_continuation)]",
        );
    for h in spellings(set) {
        builder = builder.allowlist_file(regex_escape(&h.display().to_string()));
    }
    for p in &set.patterns {
        builder = builder.allowlist_file(header_globs::to_regex(p));
    }
    for f in no_shim {
        builder = builder.blocklist_function(regex_escape(f));
    }
    // The process's one libclang (src/libclang.rs); if it cannot load,
    // bindgen's own attempt reports why.
    let _ = crate::libclang::for_this_thread();
    let bindings = builder.generate().map_err(|e| {
        vec![Diagnostic::new(Kind::Header, format!("bindgen failed: {e}")).hint("check the headers and [c] clang arguments")]
    })?;
    let text = bindings.to_string();
    let mut file = syn::parse_file(&text)
        .map_err(|e| vec![Diagnostic::new(Kind::Io, format!("internal error: bindgen output does not parse: {e}"))])?;
    super::layout_asserts::compact(&mut file);
    let shim = read_shim(&scratch.0.join("static_fns.c"), spec)?;
    let mut files = std::mem::take(&mut *read.lock().unwrap_or_else(|p| p.into_inner()));
    files.extend(set.headers.iter().cloned());
    let rust = strip_paths(&super::layout_asserts::reflow(&prettyplease::unparse(&file)));
    Ok((FfiLayer { rust, shim, cxx: set.cxx }, files))
}

/// Every path clang may report for a spec header: its canonical path and the
/// same file reached through each `-I` directory (an SDK's include dir, or
/// its files, may be symlinks, and clang names a file re-entered through
/// one by that path).
fn spellings(set: &HeaderSet) -> Vec<PathBuf> {
    let dirs: Vec<PathBuf> = set.clang_args.iter().filter_map(|a| a.strip_prefix("-I")).map(PathBuf::from).collect();
    let mut out = set.headers.clone();
    for (dir, h) in dirs.iter().flat_map(|d| set.headers.iter().map(move |h| (d, h))) {
        let inside = dir.canonicalize().ok().and_then(|real| h.strip_prefix(real).ok().map(|i| dir.join(i)));
        let same_name = h.file_name().map(|n| dir.join(n));
        out.extend(inside.into_iter().chain(same_name).filter(|p| p.canonicalize().ok().as_ref() == Some(h)));
    }
    out.sort();
    out.dedup();
    out
}

/// The wrappers bindgen wrote, under an `#include` of each spec header as
/// the spec spells it (bindgen's own prelude names absolute paths).
fn read_shim(path: &Path, spec: &LoadedSpec) -> Result<Option<String>> {
    let Ok(text) = std::fs::read_to_string(path) else { return Ok(None) };
    let marker = "// Static wrappers\n";
    let Some(at) = text.find(marker) else {
        return Err(vec![Diagnostic::new(Kind::Io, "internal error: bindgen's static-function shim has no wrapper section")]);
    };
    let mut out = format!(
        "/* Wrappers of the headers' `static` functions for `{}`. Generated by bindery: do not edit. */\n",
        spec.spec.module.name.get_ref()
    );
    // C++ headers (`[c].cxx_headers`) do not compile in this C file; their
    // `static` functions are not wrapped.
    let c = &spec.spec.c;
    for h in c.headers.iter().filter(|h| !c.cxx_headers.iter().any(|x| x.get_ref() == h.get_ref())) {
        out += &format!("#include \"{}\"\n", h.get_ref());
    }
    out += "\n";
    for line in text[at + marker.len()..].trim_start().lines() {
        out += &call_past_macros(line);
        out += "\n";
    }
    Ok(Some(out))
}

/// `f__bindery_shim(x) { return f(x); }` calls `(f)(x)` instead: a header
/// may also define a function-like macro `f` (GLib's `g_steal_pointer`),
/// which must not expand in the wrapper.
fn call_past_macros(line: &str) -> String {
    let Some(end) = line.find(&format!("{SHIM_SUFFIX}(")) else { return line.to_string() };
    let start = line[..end].rfind(|c: char| !(c.is_alphanumeric() || c == '_')).map_or(0, |i| i + 1);
    let name = &line[start..end];
    let body = line.find('{').unwrap_or(line.len());
    let (head, tail) = line.split_at(body);
    let call = format!(" {name}(");
    match tail.find(&call) {
        Some(i) => format!("{head}{} ({name})({}", &tail[..i], &tail[i + call.len()..]),
        None => line.to_string(),
    }
}

/// A per-call scratch directory for bindgen's shim file (several generator
/// runs may share the machine), removed when dropped.
struct ScratchDir(PathBuf);

impl ScratchDir {
    fn new() -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        ScratchDir(std::env::temp_dir().join(format!("bindery-shim-{}-{n}", std::process::id())))
    }
}

impl Drop for ScratchDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn regex_escape(s: &str) -> String {
    s.chars().map(|c| if "\\.+*?()|[]{}^$".contains(c) { format!("\\{c}") } else { c.to_string() }).collect()
}

/// Removes machine-specific absolute paths bindgen may mention in comments.
fn strip_paths(text: &str) -> String {
    let root = super::paths::workspace_root().display().to_string();
    text.replace(&format!("{root}/"), "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shim_calls_are_protected_from_macros() {
        let line = "gpointer g_steal_pointer__bindery_shim(gpointer pp) { return g_steal_pointer(pp); }";
        assert_eq!(call_past_macros(line), "gpointer g_steal_pointer__bindery_shim(gpointer pp) { return (g_steal_pointer)(pp); }");
        let line = "void f__bindery_shim(int *f) { f(f); }";
        assert_eq!(call_past_macros(line), "void f__bindery_shim(int *f) { (f)(f); }");
        assert_eq!(call_past_macros("// Static wrappers"), "// Static wrappers");
    }

    #[test]
    fn headers_are_allowlisted_also_through_a_symlinked_include_dir() {
        let tmp = tempfile::tempdir().unwrap();
        let real = tmp.path().join("real");
        std::fs::create_dir_all(&real).unwrap();
        std::fs::write(real.join("a.h"), "").unwrap();
        let link = tmp.path().join("link");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let canonical = real.canonicalize().unwrap().join("a.h");
        let set = crate::frontend::c::HeaderSet {
            headers: vec![canonical.clone()],
            patterns: vec![],
            clang_args: vec![format!("-I{}", link.display()), "-DX=1".into()],
            base_dir: tmp.path().to_path_buf(),
            sdk: None,
            exports: None,
            cxx: false,
        };
        assert_eq!(
            spellings(&set),
            vec![canonical, link.join("a.h")].into_iter().collect::<std::collections::BTreeSet<_>>().into_iter().collect::<Vec<_>>()
        );
    }
}
