//! The pipeline as one call per step: load the spec, parse the headers,
//! run the passes, render the outputs, write or compare them.

use std::path::{Path, PathBuf};

use crate::backend::{self, Output};
use crate::diagnostic::{Diagnostic, Kind, Result};
use crate::frontend::c::{self, HeaderSet};
use crate::ir::{Doc, Module, SourceLoc};
use crate::spec::{self, LoadedSpec};

/// Loads and checks the spec, parses its headers and runs the passes (up to `until`).
pub fn build_ir(spec_path: &Path, until: Option<&str>) -> Result<(LoadedSpec, Module)> {
    let loaded = spec::load(spec_path)?;
    let problems = spec::validate(&loaded);
    if !problems.is_empty() {
        return Err(problems);
    }
    let set = header_set(&loaded)?;
    let mut module = c::parse(&set)?;
    module.name = loaded.spec.module.name.get_ref().clone();
    module.doc = Doc { brief: loaded.spec.module.doc.clone(), full: loaded.spec.module.doc.clone() };
    module.headers = loaded.spec.c.headers.iter().map(|h| h.get_ref().clone()).collect();
    module.spec_loc = SourceLoc { file: "spec.toml".into(), line: 1 };
    let module = crate::passes::run(&loaded, module, until)?;
    Ok((loaded, module))
}

/// Renders every output file of a spec.
pub fn render(spec_path: &Path, out_dir: &Path) -> Result<Vec<Output>> {
    let (loaded, module) = build_ir(spec_path, None)?;
    backend::render_all(&loaded, &module, out_dir)
}

/// Resolves headers and clang arguments (include dirs, pkg-config cflags).
pub fn header_set(loaded: &LoadedSpec) -> Result<HeaderSet> {
    let c = &loaded.spec.c;
    let dir = absolute(&loaded.dir);
    let includes: Vec<PathBuf> = c.include_dirs.iter().map(|i| dir.join(i)).collect();
    let mut clang_args: Vec<String> = includes.iter().map(|i| format!("-I{}", i.display())).collect();
    clang_args.extend(pkg_config_cflags(loaded)?);
    clang_args.extend(c.clang_args.iter().cloned());
    let mut headers = vec![];
    let mut errors = vec![];
    for h in &c.headers {
        let found = std::iter::once(dir.clone()).chain(includes.iter().cloned()).map(|d| d.join(h.get_ref())).find(|p| p.is_file());
        match found {
            Some(p) => headers.push(p.canonicalize().unwrap_or(p)),
            None => errors.push(loaded.error(Kind::SpecUnknownItem, h.span(), format!("header `{}` not found", h.get_ref()))
                .hint("header paths are relative to the spec directory or to one of [c].include_dirs")),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(HeaderSet { headers, clang_args, base_dir: dir })
}

fn pkg_config_cflags(loaded: &LoadedSpec) -> Result<Vec<String>> {
    let pkgs = &loaded.spec.c.pkg_config;
    if pkgs.is_empty() {
        return Ok(vec![]);
    }
    let out = std::process::Command::new("pkg-config").arg("--cflags").args(pkgs).output().map_err(|e| {
        vec![Diagnostic::new(Kind::Io, format!("cannot run pkg-config: {e}")).hint("install pkg-config")]
    })?;
    if !out.status.success() {
        let msg = String::from_utf8_lossy(&out.stderr).trim().to_string();
        return Err(vec![Diagnostic::new(Kind::Header, format!("pkg-config failed for {}: {msg}", pkgs.join(" ")))
            .at_span(&loaded.path, 0..0)
            .hint("install the -dev package providing it, or fix [c].pkg_config")]);
    }
    Ok(String::from_utf8_lossy(&out.stdout).split_whitespace().map(str::to_string).collect())
}

/// Absolute form of a path (relative to the current directory).
pub fn absolute(p: &Path) -> PathBuf {
    if p.is_absolute() { p.to_path_buf() } else { std::env::current_dir().map(|c| c.join(p)).unwrap_or(p.to_path_buf()) }
}
