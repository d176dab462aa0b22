//! Reading `spec.toml` into [`Spec`] with spans, turning TOML and shape errors
//! into diagnostics that point at the spec line.

use std::path::{Path, PathBuf};

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
    /// The installed SDK `[c.sdk]` switched to, when `generate`/`build` asked for one.
    pub sdk: Option<super::sdk::SdkRoot>,
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
        vec![
            Diagnostic::new(Kind::Io, format!("cannot read spec {}: {e}", path.display()))
                .hint("pass a target name (see `codegen list`) or a path to a spec.toml"),
        ]
    })?;
    let mut spec: Spec = toml::from_str(&text).map_err(|e| vec![toml_error(path, &e)])?;
    let sdk = super::sdk::apply(&mut spec, path)?;
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    Ok(LoadedSpec { spec, path: path.to_path_buf(), dir, sdk })
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
