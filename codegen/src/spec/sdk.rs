//! `[c.sdk]`: building a spec against an installed SDK instead of its
//! bundled headers. Only `generate` and `build` ask for an SDK
//! ([`request`]); everything else (`check`, `dump-ir`, `explain`, tests)
//! always sees the bundled headers, whatever the environment holds.
//! The root is resolved against the current directory, checked once (one
//! diagnostic naming the root and what it lacks), and remembered so that
//! generated origins read `$SDK/sources/includes/x.h:12`.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use toml::Spanned;

use super::{SdkSpec, Spec};
use crate::diagnostic::{Diagnostic, Kind, Result};

/// How shown paths name the SDK root.
pub const SDK_PREFIX: &str = "$SDK";

/// What `generate`/`build` asked for: `Some(root)` from `--sdk`, `None` for
/// "the spec's `[c.sdk].env` variable, if set".
static REQUEST: OnceLock<Option<PathBuf>> = OnceLock::new();

/// Lets specs with `[c.sdk]` use an SDK: `root` (from `--sdk`), else the
/// environment variable the spec names. Called by `generate` and `build` only.
pub fn request(root: Option<PathBuf>) {
    let _ = REQUEST.set(root);
}

/// The SDK a spec is built against.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SdkRoot {
    /// Absolute root, as given (symlinks kept).
    pub root: PathBuf,
    /// `[c.sdk].include_dirs`, absolute.
    pub include_dirs: Vec<PathBuf>,
    /// Entries of `[c].headers` dropped because the SDK lacks them.
    pub dropped_headers: Vec<String>,
}

impl SdkRoot {
    /// `path` as `$SDK/…` when it lies under the root or one of its include
    /// dirs (either as given or with symlinks resolved), else `None`.
    pub fn shown(&self, path: &Path) -> Option<String> {
        let mut prefixes = vec![self.root.clone()];
        prefixes.extend(self.root.canonicalize().ok());
        for dir in &self.include_dirs {
            let rel = dir.strip_prefix(&self.root).unwrap_or(dir);
            if let Ok(real) = dir.canonicalize()
                && let Ok(inside) = path.strip_prefix(&real)
            {
                return Some(format!("{SDK_PREFIX}/{}", rel.join(inside).display()));
            }
        }
        prefixes.iter().find_map(|p| path.strip_prefix(p).ok()).map(|inside| format!("{SDK_PREFIX}/{}", inside.display()))
    }
}

/// The root asked for, absolute (resolved against the current directory).
fn requested_root(sdk: &SdkSpec) -> Option<PathBuf> {
    let asked = REQUEST.get()?;
    let root = asked.clone().or_else(|| std::env::var_os(&sdk.env).filter(|r| !r.is_empty()).map(PathBuf::from))?;
    Some(std::path::absolute(&root).unwrap_or(root))
}

/// Switches include and library dirs and the run-time path to the SDK when
/// one was requested; returns it. Errors when the root lacks a listed directory.
pub fn apply(spec: &mut Spec, spec_path: &Path) -> Result<Option<SdkRoot>> {
    let Some(sdk) = &spec.c.sdk else { return Ok(None) };
    let Some(root) = requested_root(sdk) else { return Ok(None) };
    check_layout(&root, sdk, spec_path)?;
    let under = |dirs: &[String]| dirs.iter().map(|d| root.join(d).display().to_string()).collect::<Vec<_>>();
    spec.c.include_dirs = under(&sdk.include_dirs);
    spec.c.library_dirs = under(&sdk.library_dirs);
    spec.c.rpath = sdk.rpath.iter().map(|r| Spanned::new(r.span(), under_root(&root, r.get_ref()))).collect();
    let excluded = sdk.exclude_headers.clone();
    let dropped_headers = spec.c.headers.iter().map(|h| h.get_ref().clone()).filter(|h| excluded.contains(h)).collect();
    spec.c.headers.retain(|h| !excluded.contains(h.get_ref()));
    spec.c.cxx_headers.retain(|h| !excluded.contains(h.get_ref()));
    let include_dirs = sdk.include_dirs.iter().map(|d| root.join(d)).collect();
    Ok(Some(SdkRoot { root, include_dirs, dropped_headers }))
}

/// One diagnostic when the root (or a directory `[c.sdk]` expects under it) is missing.
fn check_layout(root: &Path, sdk: &SdkSpec, spec_path: &Path) -> Result<()> {
    let hint = format!("pass the SDK's root (the directory holding {}) to --sdk or ${}", sdk.include_dirs.join(", "), sdk.env);
    if !root.is_dir() {
        return Err(vec![Diagnostic::new(Kind::Io, format!("SDK root {} is not a directory", root.display())).hint(hint)]);
    }
    let missing: Vec<&str> =
        sdk.include_dirs.iter().chain(&sdk.library_dirs).filter(|d| !root.join(d).is_dir()).map(String::as_str).collect();
    if missing.is_empty() {
        return Ok(());
    }
    let message = format!("SDK root {} has no {} (listed in [c.sdk] of {})", root.display(), missing.join(", "), spec_path.display());
    Err(vec![Diagnostic::new(Kind::Io, message).hint(hint)])
}

/// An `[c.sdk].rpath` entry: `$ORIGIN…` as written, anything else under the SDK root.
fn under_root(root: &Path, entry: &str) -> String {
    if entry.starts_with('$') { entry.to_string() } else { root.join(entry).display().to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rpath_entries_resolve_under_the_root_except_origin() {
        let root = Path::new("/opt/sdk");
        assert_eq!(under_root(root, "lib"), "/opt/sdk/lib");
        assert_eq!(under_root(root, "$ORIGIN/../sdk.libs"), "$ORIGIN/../sdk.libs");
    }

    fn sdk_spec() -> SdkSpec {
        SdkSpec {
            env: "X_SDK".into(),
            include_dirs: vec!["sources/includes".into()],
            library_dirs: vec!["lib".into()],
            rpath: vec![],
            exclude_headers: vec![],
        }
    }

    #[test]
    fn a_root_without_the_listed_dirs_is_one_diagnostic_naming_it() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("lib")).unwrap();
        let errors = check_layout(tmp.path(), &sdk_spec(), Path::new("spec.toml")).unwrap_err();
        assert_eq!(errors.len(), 1);
        let text = errors[0].render();
        assert!(text.contains(&format!("SDK root {} has no sources/includes", tmp.path().display())), "{text}");
        assert!(!text.contains("lib,"), "{text}");
    }

    #[test]
    fn a_missing_root_says_so() {
        let errors = check_layout(Path::new("/nonexistent/sdk"), &sdk_spec(), Path::new("spec.toml")).unwrap_err();
        assert!(errors[0].render().contains("SDK root /nonexistent/sdk is not a directory"));
    }

    #[test]
    fn headers_under_the_root_or_a_symlinked_include_dir_show_as_sdk_relative() {
        let tmp = tempfile::tempdir().unwrap();
        let real = tmp.path().join("real_includes");
        std::fs::create_dir_all(&real).unwrap();
        let root = tmp.path().join("sdk");
        std::fs::create_dir_all(root.join("sources")).unwrap();
        std::os::unix::fs::symlink(&real, root.join("sources/includes")).unwrap();
        let sdk = SdkRoot { root: root.clone(), include_dirs: vec![root.join("sources/includes")], dropped_headers: vec![] };
        let real_header = real.canonicalize().unwrap().join("nvdsmeta.h");
        assert_eq!(sdk.shown(&real_header).as_deref(), Some("$SDK/sources/includes/nvdsmeta.h"));
        assert_eq!(sdk.shown(&root.join("lib/x.h")).as_deref(), Some("$SDK/lib/x.h"));
        assert_eq!(sdk.shown(Path::new("/usr/include/glib.h")), None);
    }
}
