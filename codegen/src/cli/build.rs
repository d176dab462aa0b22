//! `codegen build`: generate a target's crate, then run `maturin build` on
//! it to make a wheel (release profile unless the extra maturin arguments
//! name a `--profile`). The wheel links the libraries the system (or SDK)
//! has rather than bundling copies: the generated `pyproject.toml` says so.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use crate::backend::pyo3::runtime_dep::RuntimeSource;
use crate::diagnostic::{Diagnostic, Kind, Result};

/// What `codegen build` was asked for.
pub struct BuildArgs {
    /// Target name or spec path.
    pub target: String,
    /// Wheel directory (maturin's default when `None`).
    pub out: Option<PathBuf>,
    /// Where the crate is generated (the target's `generated/` when `None`).
    pub crate_dir: Option<PathBuf>,
    /// `--runtime`.
    pub runtime: Option<RuntimeSource>,
    /// Passed to `maturin build` as they are.
    pub maturin_args: Vec<String>,
}

/// Generates the crate and builds its wheel.
pub fn run(args: BuildArgs) -> Result<ExitCode> {
    let target = super::targets::resolve(&args.target)?;
    let crate_dir = args.crate_dir.clone().unwrap_or(target.out_dir.clone());
    super::generate_one(&target, &crate_dir, args.runtime.clone(), false)?;
    let mut maturin = maturin_command(&crate_dir.join("Cargo.toml"), &args);
    eprintln!("codegen: {}", shown(&maturin));
    let status = maturin.status().map_err(|e| {
        vec![
            Diagnostic::new(Kind::Io, format!("cannot run maturin: {e}"))
                .hint("install it (`pip install maturin`) or activate the virtualenv that has it"),
        ]
    })?;
    if !status.success() {
        return Err(vec![
            Diagnostic::new(Kind::Io, format!("maturin build failed ({status})"))
                .hint("its output above says why; the generated crate is in place for a rerun"),
        ]);
    }
    Ok(ExitCode::SUCCESS)
}

/// `maturin build -m CRATE/Cargo.toml [--release] [--out DIR] EXTRA…`.
fn maturin_command(manifest: &Path, args: &BuildArgs) -> Command {
    let mut cmd = Command::new("maturin");
    cmd.arg("build").arg("--manifest-path").arg(manifest);
    if !args.maturin_args.iter().any(|a| a == "--profile" || a.starts_with("--profile=")) {
        cmd.arg("--release");
    }
    if let Some(out) = &args.out {
        cmd.arg("--out").arg(out);
    }
    cmd.args(&args.maturin_args);
    cmd
}

/// The command line as a user would type it.
fn shown(cmd: &Command) -> String {
    let args: Vec<String> = cmd.get_args().map(|a| a.to_string_lossy().to_string()).collect();
    format!("{} {}", cmd.get_program().to_string_lossy(), args.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(extra: &[&str]) -> BuildArgs {
        BuildArgs {
            target: "fixture".into(),
            out: Some("dist".into()),
            crate_dir: None,
            runtime: None,
            maturin_args: extra.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn release_by_default_and_extra_arguments_last() {
        let cmd = maturin_command(Path::new("c/Cargo.toml"), &args(&["--interpreter", "python3.9"]));
        assert_eq!(shown(&cmd), "maturin build --manifest-path c/Cargo.toml --release --out dist --interpreter python3.9");
    }

    #[test]
    fn a_named_profile_replaces_release() {
        let cmd = maturin_command(Path::new("c/Cargo.toml"), &args(&["--profile", "dev"]));
        assert_eq!(shown(&cmd), "maturin build --manifest-path c/Cargo.toml --out dist --profile dev");
    }
}
