//! Checks of the spec's `[rust.errors]` table against the parsed crate: the
//! error type and the kind enum must be declared in the crate, `kind` and
//! `message` must be methods of the error type, every key of
//! `[rust.errors.exceptions]` must be a variant of that enum, every value a
//! builtin exception the runtime builds, and the method names Rust
//! identifiers. Each problem is a diagnostic at the spec line, naming the
//! Rust declaration it was checked against.

use toml::Spanned;

use super::rust_plan::{is_rust_ident, is_rust_path};
use crate::diagnostic::{Diagnostic, Kind};
use crate::ir::{RustCrate, RustDecl};
use crate::spec::{ErrorsSpec, LoadedRustSpec};

/// The builtin exceptions `[rust.errors]` may name: the ones
/// `bindery_runtime::glue::errors::exception` builds. The runtime's own
/// list, included from its source (codegen does not link the runtime).
const BUILTIN_EXCEPTIONS: &[&str] = include!("../../../runtime/src/glue/builtin_exceptions.rs");

/// Every problem of the spec's `[rust.errors]` table (none without one).
pub fn check(spec: &LoadedRustSpec, krate: &RustCrate) -> Vec<Diagnostic> {
    let Some(errors) = &spec.spec.rust.errors else { return vec![] };
    let mut out = unknown_exceptions(spec, errors);
    out.extend(non_rust_names(spec, errors));
    if !out.is_empty() {
        return out;
    }
    match decl(krate, &errors.error_type) {
        Some(error_type) => out.extend(unknown_methods(spec, errors, error_type)),
        None => out.push(not_declared(spec, krate, &errors.error_type, "a struct or enum")),
    }
    match decl(krate, &errors.kind_type).and_then(|d| d.variants.as_ref().map(|v| (d, v))) {
        Some((kind_enum, variants)) => {
            let names: Vec<String> = variants.iter().map(|v| v.name.clone()).collect();
            out.extend(unknown_variants(spec, errors, kind_enum, &names));
        }
        None => out.push(not_declared(spec, krate, &errors.kind_type, "an enum")),
    }
    out
}

/// The crate's struct or enum named by the last segment of `path`.
fn decl<'k>(krate: &'k RustCrate, path: &Spanned<String>) -> Option<&'k RustDecl> {
    let ident = path.get_ref().rsplit("::").next().unwrap_or_default();
    krate.decls.iter().find(|d| d.ident == ident)
}

/// Exception names the runtime does not know.
fn unknown_exceptions(spec: &LoadedRustSpec, errors: &ErrorsSpec) -> Vec<Diagnostic> {
    let exceptions = std::iter::once(&errors.default).chain(errors.exceptions.values());
    let unknown = exceptions.filter(|e| !BUILTIN_EXCEPTIONS.contains(&e.get_ref().as_str()));
    unknown
        .map(|exc| {
            let msg = format!("`{}` is not a builtin exception [rust.errors] can raise", exc.get_ref());
            spec.error(Kind::SpecInvalid, exc.span(), msg).hint(format!("use one of: {}", BUILTIN_EXCEPTIONS.join(", ")))
        })
        .collect()
}

/// Type, method or variant names that are not Rust paths or identifiers.
fn non_rust_names(spec: &LoadedRustSpec, errors: &ErrorsSpec) -> Vec<Diagnostic> {
    let paths = [&errors.error_type, &errors.kind_type].into_iter().filter(|p| !is_rust_path(p.get_ref()));
    let idents = [&errors.kind, &errors.message].into_iter().chain(errors.exceptions.keys()).filter(|i| !is_rust_ident(i.get_ref()));
    paths
        .chain(idents)
        .map(|bad| {
            let msg = format!("`{}` is not a Rust name", bad.get_ref());
            spec.error(Kind::SpecInvalid, bad.span(), msg).hint("[rust.errors] takes type paths, method names and enum variants")
        })
        .collect()
}

/// `[rust.errors.exceptions]` keys that are not variants of the kind enum.
fn unknown_variants(spec: &LoadedRustSpec, errors: &ErrorsSpec, kind_enum: &RustDecl, variants: &[String]) -> Vec<Diagnostic> {
    let unknown = errors.exceptions.keys().filter(|k| !variants.contains(k.get_ref()));
    unknown
        .map(|key| {
            let msg = format!("`{}` is not a variant of `{}` (declared at {} of the crate)", key.get_ref(), kind_enum.ident, kind_enum.loc);
            spec.error(Kind::SpecUnknownItem, key.span(), msg).hint(format!("its variants: {}", variants.join(", ")))
        })
        .collect()
}

/// `kind` / `message` names that are no method of the error type.
fn unknown_methods(spec: &LoadedRustSpec, errors: &ErrorsSpec, error_type: &RustDecl) -> Vec<Diagnostic> {
    let unknown = [&errors.kind, &errors.message].into_iter().filter(|m| !error_type.methods.contains(m.get_ref()));
    unknown
        .map(|m| {
            let msg = format!("`{}` has no method `{}` (declared at {} of the crate)", error_type.ident, m.get_ref(), error_type.loc);
            let span = if m.span().is_empty() { errors.error_type.span() } else { m.span() };
            spec.error(Kind::SpecUnknownItem, span, msg).hint(format!("its methods: {}", error_type.methods.join(", ")))
        })
        .collect()
}

/// `path` names no `what` of the crate.
fn not_declared(spec: &LoadedRustSpec, krate: &RustCrate, path: &Spanned<String>, what: &str) -> Diagnostic {
    let msg = format!("`{}` is not {what} of crate `{}`", path.get_ref(), krate.crate_name);
    spec.error(Kind::SpecUnknownItem, path.span(), msg)
        .hint("[rust.errors] names the crate's error type (`type`) and its kind enum (`kind_type`)")
}
