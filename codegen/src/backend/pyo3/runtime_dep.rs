//! Where a generated crate gets `bindery-runtime` (`--runtime`): this
//! checkout's `runtime/` (the bundled targets, which are workspace members so
//! `cargo test --workspace` builds them), a directory (`path:DIR`), or a copy
//! vendored into the output (`vendored`), which makes the crate a workspace of
//! its own that builds wherever it is copied. Owns that choice, the version
//! requirement and the vendored files; link flags are `paths.rs`'s business.

use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::Serialize;

use super::paths;
use crate::backend::Output;
use crate::paths::absolute;

/// The runtime crate's files (`Cargo.toml` first, then `src/**`), embedded by
/// `codegen/build.rs` so an installed `codegen` can vendor them.
const RUNTIME_FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/runtime_files.rs"));

/// Where a vendored runtime goes, relative to the generated crate.
pub const VENDOR_DIR: &str = "vendor/bindery-runtime";

/// `--runtime`: what the generated crate's runtime dependency points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RuntimeSource {
    /// This checkout's `runtime/`, by relative path.
    Workspace,
    /// A `bindery-runtime` crate in this directory.
    Path(PathBuf),
    /// A copy of the runtime under `vendor/` in the output.
    Vendored,
}

impl FromStr for RuntimeSource {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "workspace" => Ok(Self::Workspace),
            "vendored" => Ok(Self::Vendored),
            _ => match s.strip_prefix("path:") {
                Some(dir) if !dir.is_empty() => Ok(Self::Path(PathBuf::from(dir))),
                _ => Err(format!("expected `workspace`, `vendored` or `path:DIR`, not `{s}`")),
            },
        }
    }
}

/// The runtime dependency as the generated `Cargo.toml` writes it.
#[derive(Debug, Serialize)]
pub struct RuntimeDep {
    /// Version requirement: `MAJOR.MINOR` of the runtime this generator embeds.
    pub version: String,
    /// Path of the runtime crate: relative to the generated crate, or absolute.
    pub path: String,
    /// The crate carries everything it needs (vendored runtime, copies of its
    /// helpers) and is a workspace of its own, so it builds wherever it is copied.
    pub standalone: bool,
}

impl RuntimeSource {
    /// The default for an output directory: the workspace's runtime for a
    /// member of bindery's workspace, a vendored copy anywhere else.
    pub fn default_for(out_dir: &Path) -> Self {
        if is_workspace_member(out_dir) { Self::Workspace } else { Self::Vendored }
    }

    /// The dependency entry for a crate generated into `out_dir`.
    pub fn dependency(&self, out_dir: &Path) -> RuntimeDep {
        let out = absolute(out_dir);
        let path = match self {
            Self::Workspace => paths::relative(&out, &paths::workspace_root().join("runtime")),
            Self::Path(dir) if dir.is_absolute() => dir.display().to_string(),
            Self::Path(dir) => paths::relative(&out, &absolute(dir)),
            Self::Vendored => VENDOR_DIR.to_string(),
        };
        RuntimeDep { version: version_requirement(), path, standalone: *self == Self::Vendored }
    }

    /// The runtime's files under [`VENDOR_DIR`] when vendored; nothing otherwise.
    pub fn vendored_files(&self) -> Vec<Output> {
        if *self != Self::Vendored {
            return vec![];
        }
        RUNTIME_FILES.iter().map(|(path, text)| Output::new(format!("{VENDOR_DIR}/{path}"), *text)).collect()
    }
}

/// Whether `dir` is listed in `[workspace].members` of bindery's root
/// `Cargo.toml` (entries are paths whose components may be `*`).
pub fn is_workspace_member(dir: &Path) -> bool {
    let root = paths::workspace_root();
    let Ok(relative) = absolute(dir).strip_prefix(&root).map(Path::to_path_buf) else { return false };
    let manifest: toml::Table = std::fs::read_to_string(root.join("Cargo.toml")).ok().and_then(|t| t.parse().ok()).unwrap_or_default();
    let members = manifest.get("workspace").and_then(|w| w.get("members")).and_then(|m| m.as_array()).cloned().unwrap_or_default();
    members.iter().filter_map(|m| m.as_str()).any(|pattern| matches_member(pattern, &relative))
}

/// `pattern` (`tests/cases/*/expected`) matches `path` component by component.
fn matches_member(pattern: &str, path: &Path) -> bool {
    let parts: Vec<String> = path.components().map(|c| c.as_os_str().to_string_lossy().to_string()).collect();
    let wanted: Vec<&str> = pattern.split('/').filter(|p| !p.is_empty()).collect();
    wanted.len() == parts.len() && wanted.iter().zip(&parts).all(|(w, p)| *w == "*" || w == p)
}

/// `MAJOR.MINOR` of the embedded runtime's `[package] version` (a caret
/// requirement: any later patch release of that runtime will do).
fn version_requirement() -> String {
    let manifest: toml::Table = RUNTIME_FILES.first().and_then(|(_, text)| text.parse().ok()).unwrap_or_default();
    let version = manifest.get("package").and_then(|p| p.get("version")).and_then(|v| v.as_str()).unwrap_or("0.1.0");
    version.split('.').take(2).collect::<Vec<_>>().join(".")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_form() {
        assert_eq!("workspace".parse(), Ok(RuntimeSource::Workspace));
        assert_eq!("vendored".parse(), Ok(RuntimeSource::Vendored));
        assert_eq!("path:../rt".parse(), Ok(RuntimeSource::Path(PathBuf::from("../rt"))));
        assert!("path:".parse::<RuntimeSource>().is_err());
        assert!("crates.io".parse::<RuntimeSource>().unwrap_err().contains("`crates.io`"));
    }

    #[test]
    fn default_is_the_workspace_for_members_and_vendored_elsewhere() {
        let root = paths::workspace_root();
        assert_eq!(RuntimeSource::default_for(&root.join("tests/fixture/generated")), RuntimeSource::Workspace);
        assert_eq!(RuntimeSource::default_for(&root.join("tests/cases/scalars/expected")), RuntimeSource::Workspace);
        assert_eq!(RuntimeSource::default_for(&root.join("out/mymod")), RuntimeSource::Vendored);
        assert_eq!(RuntimeSource::default_for(Path::new("/nonexistent/elsewhere")), RuntimeSource::Vendored);
    }

    #[test]
    fn member_patterns_match_whole_components() {
        assert!(matches_member("tests/cases/*/expected", Path::new("tests/cases/x/expected")));
        assert!(!matches_member("tests/cases/*/expected", Path::new("tests/cases/x/y/expected")));
        assert!(!matches_member("runtime", Path::new("runtime/src")));
    }

    #[test]
    fn dependency_paths() {
        let out = paths::workspace_root().join("tests/fixture/generated");
        let ws = RuntimeSource::Workspace.dependency(&out);
        assert_eq!((ws.path.as_str(), ws.standalone), ("../../../runtime", false));
        let vendored = RuntimeSource::Vendored.dependency(Path::new("/tmp/x"));
        assert_eq!((vendored.path.as_str(), vendored.standalone), (VENDOR_DIR, true));
        assert_eq!(RuntimeSource::Path("/opt/rt".into()).dependency(&out).path, "/opt/rt");
        let runtime_manifest = std::fs::read_to_string(paths::workspace_root().join("runtime/Cargo.toml")).expect("runtime manifest");
        assert!(
            runtime_manifest.contains(&format!("\nversion = \"{}.", ws.version)),
            "requirement {} is not the runtime's MAJOR.MINOR",
            ws.version
        );
    }

    /// Every file of `runtime/` (manifest, build script and sources) is embedded, so a vendored copy is complete.
    #[test]
    fn vendored_copy_is_the_whole_runtime() {
        let root = paths::workspace_root().join("runtime");
        let mut on_disk: Vec<String> = walkdir::WalkDir::new(root.join("src"))
            .into_iter()
            .flatten()
            .filter(|e| e.file_type().is_file())
            .map(|e| e.path().strip_prefix(&root).expect("under runtime/").display().to_string())
            .collect();
        on_disk.extend(["Cargo.toml".into(), "build.rs".into()]);
        on_disk.sort();
        let files = RuntimeSource::Vendored.vendored_files();
        let mut vendored: Vec<String> =
            files.iter().map(|o| o.path.strip_prefix(VENDOR_DIR).expect("vendored").display().to_string()).collect();
        vendored.sort();
        assert_eq!(vendored, on_disk);
        assert!(RuntimeSource::Workspace.vendored_files().is_empty());
        let manifest = files.iter().find(|o| o.path.ends_with("Cargo.toml")).expect("manifest");
        assert!(!manifest.contents.contains(".workspace"), "the vendored manifest must not inherit from a workspace");
    }
}
