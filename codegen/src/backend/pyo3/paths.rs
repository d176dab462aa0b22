//! Paths written into the generated crate (helper modules, link settings),
//! relative to the crate unless the spec gives them absolute, so the output
//! is the same on every machine (check mode compares it).

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::backend::Output;
use crate::diagnostic::{Diagnostic, Kind, Result};
use crate::paths::absolute;
pub use crate::paths::{normalize, relative, workspace_root};
use crate::spec::LoadedSpec;

/// Link settings for build.rs (see docs/packaging.md).
#[derive(Debug, Serialize)]
pub struct Link {
    /// Libraries linked by name (`[c].libraries`).
    pub libraries: Vec<String>,
    /// pkg-config packages, probed by build.rs on the building machine.
    pub pkg_config: Vec<String>,
    /// Link-time search dirs: relative to the crate, or absolute.
    pub library_dirs: Vec<String>,
    /// Run-time search path: `$ORIGIN…` as written, other dirs relative to the crate or absolute.
    pub rpath: Vec<String>,
    /// Prefix of the variables that replace both lists at build time
    /// (`PYDS` → `PYDS_LIBRARY_DIRS`, `PYDS_RPATH`).
    pub env_prefix: String,
}

/// The spec path shown in headers: relative to the workspace root when inside it.
pub fn shown_spec(spec: &LoadedSpec) -> String {
    crate::paths::shown_from_root(&spec.path)
}

/// Hand-written helper modules: (Rust module name, path relative to the
/// crate's `src/`): the spec's own files, or their copies under `src/helpers/`
/// in a standalone crate (see [`helper_copies`]).
pub fn helper_modules(spec: &LoadedSpec, out_dir: &Path, standalone: bool) -> Vec<(String, String)> {
    let src = absolute(out_dir).join("src");
    helper_files(spec)
        .into_iter()
        .map(|path| {
            let stem = path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
            let ident: String = stem.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
            let shown = if standalone { format!("helpers/{}", file_name(&path)) } else { relative(&src, &path) };
            (format!("__helper_{ident}"), shown)
        })
        .collect()
}

/// Copies of the `[helpers]` files for a standalone crate (`src/helpers/NAME.rs`).
pub fn helper_copies(spec: &LoadedSpec) -> Result<Vec<Output>> {
    let mut out = vec![];
    for path in helper_files(spec) {
        let text = std::fs::read_to_string(&path)
            .map_err(|e| vec![Diagnostic::new(Kind::Io, format!("cannot read helper {}: {e}", path.display()))])?;
        out.push(Output::new(format!("src/helpers/{}", file_name(&path)), text));
    }
    Ok(out)
}

/// Absolute paths of the `[helpers].rust` files.
fn helper_files(spec: &LoadedSpec) -> Vec<PathBuf> {
    let dir = absolute(&spec.dir);
    spec.spec.helpers.rust.iter().map(|h| normalize(&dir.join(h.get_ref()))).collect()
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default()
}

/// Link settings from the spec: library dirs and rpath entries as the crate
/// in `out_dir` sees them; pkg-config is left to build.rs.
pub fn link_settings(spec: &LoadedSpec, out_dir: &Path) -> Link {
    let out = absolute(out_dir);
    let dir = absolute(&spec.dir);
    let c = &spec.spec.c;
    let from_crate = |entry: &str| {
        if entry.starts_with('$') || Path::new(entry).is_absolute() {
            entry.to_string()
        } else {
            relative(&out, &normalize(&dir.join(entry)))
        }
    };
    Link {
        libraries: c.libraries.clone(),
        pkg_config: c.pkg_config.clone(),
        library_dirs: c.library_dirs.iter().map(|d| from_crate(d)).collect(),
        rpath: c.rpath.iter().map(|r| from_crate(r.get_ref())).collect(),
        env_prefix: spec.spec.module.name.get_ref().to_uppercase().replace(|c: char| !c.is_ascii_alphanumeric(), "_"),
    }
}

/// How build.rs compiles the C shim of the headers' `static` functions.
#[derive(serde::Serialize)]
pub struct Shim {
    /// The C file, relative to the crate.
    pub file: String,
    /// Include directories relative to the crate (the spec directory and
    /// `[c].include_dirs`), joined with CARGO_MANIFEST_DIR by build.rs.
    pub include_dirs: Vec<String>,
    /// Compiler flags: `[c].clang_args` (build.rs adds the pkg-config include paths).
    pub flags: Vec<String>,
}

/// The shim's build settings: the spec headers are found as the frontend found them.
pub fn shim_settings(spec: &LoadedSpec, out_dir: &Path, file: &str) -> Shim {
    let out = absolute(out_dir);
    let dir = absolute(&spec.dir);
    let include_dirs = std::iter::once(dir.clone())
        .chain(spec.spec.c.include_dirs.iter().map(|d| normalize(&dir.join(d))))
        .map(|d| relative(&out, &d))
        .collect();
    Shim { file: file.to_string(), include_dirs, flags: spec.spec.c.clang_args.clone() }
}
