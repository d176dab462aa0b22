//! Reading `spec.toml` into [`Spec`] with spans, turning TOML and shape errors
//! into diagnostics that point at the spec line.

use std::path::{Path, PathBuf};

use toml::Spanned;

use super::Spec;
use crate::diagnostic::{Diagnostic, Kind, Result};

/// A parsed spec with where it came from.
#[derive(Debug)]
pub struct LoadedSpec {
    /// The spec.
    pub spec: Spec,
    /// Path of `spec.toml`.
    pub path: PathBuf,
    /// Its directory (relative paths in the spec resolve against it).
    pub dir: PathBuf,
}

impl LoadedSpec {
    /// A diagnostic pointing at `span` of the spec file.
    pub fn error(&self, kind: Kind, span: std::ops::Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(kind, message).at_span(&self.path, span)
    }
}

/// Loads and parses `path`.
pub fn load(path: &Path) -> Result<LoadedSpec> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        vec![Diagnostic::new(Kind::Io, format!("cannot read spec {}: {e}", path.display()))
            .hint("pass a target name (see `codegen list`) or a path to a spec.toml")]
    })?;
    let mut spec: Spec = toml::from_str(&text).map_err(|e| vec![toml_error(path, &e)])?;
    use_sdk(&mut spec);
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    Ok(LoadedSpec { spec, path: path.to_path_buf(), dir })
}

/// Environment variable the CLI's `--sdk ROOT` sets; it wins over `[c.sdk].env`.
pub const SDK_OVERRIDE_ENV: &str = "BINDERY_SDK";

/// Switches include and library dirs and the run-time path to an installed SDK
/// when one is selected (`BINDERY_SDK`, else `[c.sdk].env`); layouts still
/// come from its headers.
fn use_sdk(spec: &mut Spec) {
    let Some(sdk) = &spec.c.sdk else { return };
    let root = [SDK_OVERRIDE_ENV, sdk.env.as_str()].iter().find_map(|v| std::env::var(v).ok().filter(|r| !r.is_empty()));
    let Some(root) = root.map(PathBuf::from) else { return };
    let under = |dirs: &[String]| dirs.iter().map(|d| root.join(d).display().to_string()).collect::<Vec<_>>();
    spec.c.include_dirs = under(&sdk.include_dirs);
    spec.c.library_dirs = under(&sdk.library_dirs);
    spec.c.rpath = sdk.rpath.iter().map(|r| Spanned::new(r.span(), under_root(&root, r.get_ref()))).collect();
    let excluded = sdk.exclude_headers.clone();
    spec.c.headers.retain(|h| !excluded.contains(h.get_ref()));
    spec.c.cxx_headers.retain(|h| !excluded.contains(h.get_ref()));
}

/// An `[c.sdk].rpath` entry: `$ORIGIN…` as written, anything else under the SDK root.
fn under_root(root: &Path, entry: &str) -> String {
    if entry.starts_with('$') { entry.to_string() } else { root.join(entry).display().to_string() }
}

fn toml_error(path: &Path, err: &toml::de::Error) -> Diagnostic {
    let message = err.message().trim().to_string();
    let hint = if message.starts_with("unknown field") {
        "check the key's spelling; docs/spec.md lists every key of each table"
    } else if message.starts_with("missing field") {
        "add the required key; docs/spec.md lists every key of each table"
    } else {
        "see docs/spec.md for the expected shape of this value"
    };
    let diag = Diagnostic::new(Kind::SpecSyntax, message).hint(hint);
    match err.span() {
        Some(span) => diag.at_span(path, span),
        None => diag.at_line(path, 1, 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sdk_rpath_entries_resolve_under_the_root_except_origin() {
        let root = Path::new("/opt/sdk");
        assert_eq!(under_root(root, "lib"), "/opt/sdk/lib");
        assert_eq!(under_root(root, "$ORIGIN/../sdk.libs"), "$ORIGIN/../sdk.libs");
    }
}
