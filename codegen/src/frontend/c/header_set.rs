//! Header-set assembly for the C frontend: the spec's headers found on its
//! search path (spec directory, `[c].include_dirs`, pkg-config include
//! directories), the clang arguments, and what the linked libraries export.
//! Also the parse-cache key of a parse. Decides nothing about Python; must
//! not call passes, backends or the pipeline.

use std::path::PathBuf;

use super::HeaderSet;
use crate::diagnostic::{Diagnostic, Kind, Result};
use crate::ir::Module;
use crate::paths::absolute;
use crate::spec::LoadedSpec;

/// Parses the header set, or takes the module from the parse cache when
/// nothing it depends on changed.
pub fn parse_cached(set: &HeaderSet) -> Result<Module> {
    crate::parse_cache::cached("ir", &frontend_key(set), || super::parse_with_includes(set))
}

/// What the C frontend's result depends on besides the headers' contents:
/// the whole header set, with the linked libraries' exports as a digest of
/// their sorted names.
fn frontend_key(set: &HeaderSet) -> crate::parse_cache::Key {
    let exports = set.exports.as_ref().map(|x| {
        let mut names: Vec<&String> = x.symbols.iter().collect();
        names.sort();
        (&x.libraries, crate::parse_cache::digest(&format!("{names:?}")))
    });
    let parts: [&dyn std::fmt::Debug; 8] =
        [&"ir", &set.headers, &set.patterns, &set.language_args(), &set.clang_args, &set.base_dir, &set.sdk, &exports];
    crate::parse_cache::Key::new(&parts, set.include_dirs())
}

/// Resolves headers and clang arguments (include dirs, pkg-config cflags).
pub fn header_set(loaded: &LoadedSpec) -> Result<HeaderSet> {
    let c = &loaded.spec.c;
    let dir = absolute(&loaded.dir);
    let includes: Vec<PathBuf> = c.include_dirs.iter().map(|i| dir.join(i)).collect();
    let mut clang_args: Vec<String> = includes.iter().map(|i| format!("-I{}", i.display())).collect();
    let pkg_cflags = pkg_config_cflags(loaded)?;
    let pkg_includes = pkg_cflags.iter().filter_map(|f| f.strip_prefix("-I")).map(PathBuf::from);
    let search: Vec<PathBuf> = std::iter::once(dir.clone()).chain(includes.iter().cloned()).chain(pkg_includes).collect();
    clang_args.extend(pkg_cflags.iter().cloned());
    clang_args.extend(c.clang_args.iter().cloned());
    let mut headers = vec![];
    let mut errors = vec![];
    for h in &c.headers {
        match search.iter().map(|d| d.join(h.get_ref())).find(|p| p.is_file()) {
            Some(p) => headers.push(p.canonicalize().unwrap_or(p)),
            None => errors.push(loaded.error(Kind::SpecUnknownItem, h.span(), format!("header `{}` not found", h.get_ref()))
                .hint("header paths are relative to the spec directory, to one of [c].include_dirs or to a pkg-config package's include directory")),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let patterns = loaded.spec.expose.headers.iter().map(|p| p.get_ref().clone()).collect();
    let cxx = !c.cxx_headers.is_empty();
    Ok(HeaderSet { headers, patterns, clang_args, base_dir: dir, sdk: loaded.sdk.clone(), exports: None, cxx })
}

/// What the libraries the module links export (`None`: unknown).
pub fn linked_exports(loaded: &LoadedSpec) -> Option<crate::libraries::Exports> {
    let c = &loaded.spec.c;
    let dir = absolute(&loaded.dir);
    let mut names = c.libraries.clone();
    let mut dirs: Vec<PathBuf> = c.library_dirs.iter().map(|d| dir.join(d)).collect();
    if !c.pkg_config.is_empty() {
        let out = std::process::Command::new("pkg-config").arg("--libs").args(&c.pkg_config).output().ok()?;
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        names.extend(text.split_whitespace().filter_map(|t| t.strip_prefix("-l")).map(str::to_string));
        dirs.extend(text.split_whitespace().filter_map(|t| t.strip_prefix("-L")).map(PathBuf::from));
    }
    crate::libraries::exports(&names, &dirs)
}

fn pkg_config_cflags(loaded: &LoadedSpec) -> Result<Vec<String>> {
    let pkgs = &loaded.spec.c.pkg_config;
    if pkgs.is_empty() {
        return Ok(vec![]);
    }
    let out = std::process::Command::new("pkg-config")
        .arg("--cflags")
        .args(pkgs)
        .output()
        .map_err(|e| vec![Diagnostic::new(Kind::Io, format!("cannot run pkg-config: {e}")).hint("install pkg-config")])?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let msg = stderr.lines().next().unwrap_or("").trim();
        return Err(vec![
            Diagnostic::new(Kind::Header, format!("pkg-config failed for {}: {msg}", pkgs.join(" ")))
                .at_span(&loaded.path, pkg_config_span(loaded, &stderr))
                .hint("install the -dev package providing it (and check PKG_CONFIG_PATH), or fix [c].pkg_config"),
        ]);
    }
    Ok(String::from_utf8_lossy(&out.stdout).split_whitespace().map(str::to_string).collect())
}

/// Where the first package pkg-config complains about is named in the spec
/// (`pkg_config` holds plain strings without spans), else the file start.
fn pkg_config_span(loaded: &LoadedSpec, stderr: &str) -> std::ops::Range<usize> {
    let text = std::fs::read_to_string(&loaded.path).unwrap_or_default();
    let named = loaded
        .spec
        .c
        .pkg_config
        .iter()
        .filter(|p| stderr.contains(&format!("'{p}'")) || stderr.contains(&format!("{p} ")))
        .chain(&loaded.spec.c.pkg_config);
    named.filter_map(|p| text.find(&format!("\"{p}\"")).map(|i| i..i + p.len() + 2)).next().unwrap_or(0..0)
}
