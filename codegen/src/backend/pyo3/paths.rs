//! Paths written into the generated crate, always relative to the crate so
//! the output is the same on every machine (check mode compares it).

use std::path::{Component, Path, PathBuf};

use crate::diagnostic::Result;
use crate::pipeline::absolute;
use crate::spec::LoadedSpec;

/// Link settings for build.rs.
pub struct Link {
    /// Library dirs relative to the crate (joined with CARGO_MANIFEST_DIR by build.rs).
    pub library_dirs: Vec<String>,
    /// Libraries from pkg-config.
    pub pkg_libs: Vec<String>,
    /// System library dirs from pkg-config (absolute, distribution paths).
    pub pkg_dirs: Vec<String>,
}

/// The spec path shown in headers: relative to the workspace root when inside it.
pub fn shown_spec(spec: &LoadedSpec) -> String {
    let abs = absolute(&spec.path);
    let root = workspace_root();
    abs.strip_prefix(&root).map(|p| p.display().to_string()).unwrap_or_else(|_| spec.path.display().to_string())
}

/// The workspace root (where the runtime crate lives).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// Relative path from the output crate to `runtime/`.
pub fn runtime_path(out_dir: &Path) -> String {
    relative(&absolute(out_dir), &workspace_root().join("runtime"))
}

/// Hand-written helper modules: (Rust module name, path relative to the crate's `src/`).
pub fn helper_modules(spec: &LoadedSpec, out_dir: &Path) -> Vec<(String, String)> {
    let src = absolute(out_dir).join("src");
    let dir = absolute(&spec.dir);
    spec.spec
        .helpers
        .rust
        .iter()
        .map(|h| {
            let path = normalize(&dir.join(h.get_ref()));
            let stem = path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
            let ident: String = stem.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '_' }).collect();
            (format!("__helper_{ident}"), relative(&src, &path))
        })
        .collect()
}

/// Link settings, from the spec's library dirs and pkg-config.
pub fn link_settings(spec: &LoadedSpec, out_dir: &Path) -> Result<Link> {
    let out = absolute(out_dir);
    let dir = absolute(&spec.dir);
    let library_dirs = spec.spec.c.library_dirs.iter().map(|d| relative(&out, &normalize(&dir.join(d)))).collect();
    let (pkg_libs, pkg_dirs) = pkg_config_libs(&spec.spec.c.pkg_config);
    Ok(Link { library_dirs, pkg_libs, pkg_dirs })
}

fn pkg_config_libs(pkgs: &[String]) -> (Vec<String>, Vec<String>) {
    if pkgs.is_empty() {
        return (vec![], vec![]);
    }
    let out = std::process::Command::new("pkg-config").arg("--libs").args(pkgs).output();
    let text = out.map(|o| String::from_utf8_lossy(&o.stdout).to_string()).unwrap_or_default();
    let libs = text.split_whitespace().filter_map(|t| t.strip_prefix("-l")).map(str::to_string).collect();
    let dirs = text.split_whitespace().filter_map(|t| t.strip_prefix("-L")).map(str::to_string).collect();
    (libs, dirs)
}

/// How build.rs compiles the C shim of the headers' `static` functions.
#[derive(serde::Serialize)]
pub struct Shim {
    /// The C file, relative to the crate.
    pub file: String,
    /// Include directories relative to the crate (the spec directory and
    /// `[c].include_dirs`), joined with CARGO_MANIFEST_DIR by build.rs.
    pub include_dirs: Vec<String>,
    /// Compiler flags: pkg-config cflags (system paths) and `[c].clang_args`.
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
    let mut flags = pkg_config_cflags(&spec.spec.c.pkg_config);
    flags.extend(spec.spec.c.clang_args.iter().cloned());
    Shim { file: file.to_string(), include_dirs, flags }
}

fn pkg_config_cflags(pkgs: &[String]) -> Vec<String> {
    if pkgs.is_empty() {
        return vec![];
    }
    let out = std::process::Command::new("pkg-config").arg("--cflags").args(pkgs).output();
    let text = out.map(|o| String::from_utf8_lossy(&o.stdout).to_string()).unwrap_or_default();
    text.split_whitespace().map(str::to_string).collect()
}

/// Lexically normalises `a/b/../c` to `a/c`.
pub fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// Relative path from directory `from` to `to` (both absolute).
pub fn relative(from: &Path, to: &Path) -> String {
    let from = normalize(from);
    let to = normalize(to);
    let common = from.components().zip(to.components()).take_while(|(a, b)| a == b).count();
    let ups = from.components().count() - common;
    let mut rel = PathBuf::new();
    for _ in 0..ups {
        rel.push("..");
    }
    for c in to.components().skip(common) {
        rel.push(c);
    }
    rel.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths() {
        assert_eq!(relative(Path::new("/r/tests/fixture/generated"), Path::new("/r/runtime")), "../../../runtime");
        assert_eq!(relative(Path::new("/r/a"), Path::new("/r/a/b")), "b");
        assert_eq!(normalize(Path::new("/r/a/../b/./c")), PathBuf::from("/r/b/c"));
    }
}
