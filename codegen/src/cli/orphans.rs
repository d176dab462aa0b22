//! Committed files in a generated directory that generation no longer
//! produces (a module renamed, a C shim no longer needed): `check` reports
//! them as stale and `generate` deletes them. "Committed" means tracked by
//! git, so build artefacts beside the output (`*.so`, compiled protobuf
//! modules) are never touched; outside a git checkout nothing is found.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::backend::Output;

/// Tracked files under `out_dir` (relative to it) that `outputs` lacks.
pub fn find(out_dir: &Path, outputs: &[Output]) -> Vec<PathBuf> {
    let produced: BTreeSet<&Path> = outputs.iter().map(|o| o.path.as_path()).collect();
    tracked(out_dir).into_iter().filter(|p| !produced.contains(p.as_path()) && out_dir.join(p).is_file()).collect()
}

/// Deletes the orphans of `out_dir`; returns how many were deleted.
pub fn delete(out_dir: &Path, outputs: &[Output]) -> std::io::Result<usize> {
    let orphans = find(out_dir, outputs);
    for path in &orphans {
        std::fs::remove_file(out_dir.join(path))?;
    }
    Ok(orphans.len())
}

/// Files git tracks under `dir`, relative to it; none without git or a checkout.
fn tracked(dir: &Path) -> Vec<PathBuf> {
    if !dir.is_dir() {
        return vec![];
    }
    let listing = Command::new("git").arg("-C").arg(dir).args(["ls-files", "-z", "--", "."]).output();
    match listing {
        Ok(out) if out.status.success() => out
            .stdout
            .split(|b| *b == 0)
            .filter(|s| !s.is_empty())
            .map(|s| PathBuf::from(String::from_utf8_lossy(s).into_owned()))
            .collect(),
        _ => vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn git(dir: &Path, args: &[&str]) {
        let ok = Command::new("git").arg("-C").arg(dir).args(args).output().expect("git runs").status.success();
        assert!(ok, "git {args:?}");
    }

    fn output(path: &str) -> Output {
        Output { path: path.into(), contents: String::new() }
    }

    #[test]
    fn tracked_files_not_produced_are_orphans_untracked_ones_are_not() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("generated");
        std::fs::create_dir_all(out.join("src")).unwrap();
        for f in ["src/lib.rs", "src/old_shim.c", "Cargo.toml"] {
            std::fs::write(out.join(f), "x").unwrap();
        }
        git(tmp.path(), &["init", "-q"]);
        git(tmp.path(), &["add", "."]);
        std::fs::write(out.join("src/module.so"), "build artefact").unwrap();
        let outputs = [output("src/lib.rs"), output("Cargo.toml")];
        assert_eq!(find(&out, &outputs), vec![PathBuf::from("src/old_shim.c")]);
        assert_eq!(delete(&out, &outputs).unwrap(), 1);
        assert!(find(&out, &outputs).is_empty());
        assert!(out.join("src/module.so").exists());
    }

    #[test]
    fn outside_a_checkout_nothing_is_an_orphan() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join("stray.rs"), "x").unwrap();
        assert!(find(tmp.path(), &[]).is_empty());
    }
}
