//! Where bundled targets and golden cases live: `targets/<name>/spec.toml`
//! (output in `targets/<name>/generated/`), the fixture at
//! `tests/fixture/spec.toml`, golden cases at `tests/cases/<name>/`.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Kind};

/// A spec and where its output goes.
#[derive(Clone, Debug)]
pub struct Target {
    /// Short name.
    pub name: String,
    /// spec.toml path.
    pub spec: PathBuf,
    /// Output directory.
    pub out_dir: PathBuf,
}

/// The repository root: the current directory if it holds the workspace, else the build-time root.
pub fn root() -> PathBuf {
    let cwd = std::env::current_dir().unwrap_or_default();
    if cwd.join("codegen").is_dir() && cwd.join("runtime").is_dir() {
        cwd
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or(cwd)
    }
}

/// Bundled targets, sorted by name.
pub fn bundled() -> Vec<Target> {
    let root = root();
    let mut out = vec![];
    let fixture = root.join("tests/fixture");
    if fixture.join("spec.toml").is_file() {
        out.push(Target { name: "fixture".into(), spec: fixture.join("spec.toml"), out_dir: fixture.join("generated") });
    }
    if let Ok(entries) = std::fs::read_dir(root.join("targets")) {
        for e in entries.flatten() {
            let dir = e.path();
            if dir.join("spec.toml").is_file() {
                let name = e.file_name().to_string_lossy().to_string();
                out.push(Target { name, spec: dir.join("spec.toml"), out_dir: dir.join("generated") });
            }
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// Golden cases, sorted by name.
pub fn golden_cases() -> Vec<Target> {
    let mut out: Vec<Target> = walkdir::WalkDir::new(root().join("tests/cases"))
        .min_depth(1)
        .max_depth(1)
        .into_iter()
        .flatten()
        .filter(|e| e.path().join("spec.toml").is_file())
        .map(|e| Target {
            name: e.file_name().to_string_lossy().to_string(),
            spec: e.path().join("spec.toml"),
            out_dir: e.path().join("expected"),
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// A target by name (bundled or golden) or by spec path.
pub fn resolve(name: &str) -> Result<Target, Vec<Diagnostic>> {
    if let Some(t) = bundled().into_iter().chain(golden_cases()).find(|t| t.name == name) {
        return Ok(t);
    }
    let path = PathBuf::from(name);
    if path.is_file() {
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        return Ok(Target { name: name.into(), spec: path, out_dir: dir.join("generated") });
    }
    let known: Vec<String> = bundled().into_iter().map(|t| t.name).collect();
    Err(vec![Diagnostic::new(Kind::Io, format!("no target or spec named `{name}`")).hint(format!("bundled targets: {}", known.join(", ")))])
}
