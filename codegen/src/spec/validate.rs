//! Checks of the spec on its own (values with a closed set of choices;
//! names and versions in [`names`]).
//! Checks against the headers (unknown structs, fields, …) live in
//! `passes::apply_spec`, which has the IR.

use super::{LoadedSpec, names};
use crate::diagnostic::{Diagnostic, Kind};

/// Allocators the runtime knows.
pub const ALLOCATORS: &[&str] = &["glib", "libc"];

/// Spec-only checks; returns every problem found.
pub fn validate(loaded: &LoadedSpec) -> Vec<Diagnostic> {
    let mut out = vec![];
    let spec = &loaded.spec;
    check_allocator(loaded, &spec.c.allocator, &mut out);
    names::check(loaded, &mut out);
    for s in spec.structs.values() {
        for f in s.fields.values() {
            if let Some(a) = &f.allocator {
                check_allocator(loaded, a, &mut out);
            }
            if let Some(policy) = f.pointer.as_ref().filter(|p| p.get_ref() != "owned") {
                out.push(
                    loaded
                        .error(Kind::SpecInvalid, policy.span(), format!("unknown pointer policy `{}`", policy.get_ref()))
                        .hint("the only policy is `owned` (the struct owns the target: Python cannot replace it)"),
                );
            }
            if let Some(policy) = &f.string {
                check_string_policy(loaded, policy, &mut out);
            }
        }
        if let Some(policy) = &s.strings {
            check_string_policy(loaded, policy, &mut out);
        }
    }
    check_helpers(loaded, &mut out);
    check_cxx_headers(loaded, &mut out);
    let sdk_rpath = spec.c.sdk.iter().flat_map(|sdk| &sdk.rpath);
    for entry in spec.c.rpath.iter().chain(sdk_rpath) {
        check_rpath(loaded, entry, &mut out);
    }
    for (name, f) in &spec.functions {
        if let Some(r) = &f.returns {
            let v = r.get_ref();
            if !(v == "owned" || v == "external" || v.starts_with("borrowed:")) {
                out.push(
                    loaded
                        .error(Kind::SpecInvalid, r.span(), format!("unknown `returns` value `{v}` for {}", name.get_ref()))
                        .hint("use `owned`, `external` or `borrowed:PARAM`"),
                );
            } else if v == "owned" && f.free.is_none() {
                out.push(
                    loaded
                        .error(Kind::SpecInvalid, r.span(), format!("{} returns owned memory but names no `free` function", name.get_ref()))
                        .hint("add `free = \"the_c_function_that_frees_it\"`"),
                );
            }
        }
    }
    out
}

/// `char*` policies (`string` of a field, `strings` of a struct).
pub const STRING_POLICIES: &[&str] = &["owned", "borrowed", "interned", "address"];

fn check_string_policy(loaded: &LoadedSpec, policy: &toml::Spanned<String>, out: &mut Vec<Diagnostic>) {
    if !STRING_POLICIES.contains(&policy.get_ref().as_str()) {
        out.push(
            loaded
                .error(Kind::SpecInvalid, policy.span(), format!("unknown string policy `{}`", policy.get_ref()))
                .hint("use `owned` (setter frees the previous string), `borrowed` (read-only), `interned` (set to a shared process-lifetime copy) or `address` (raw pointer, as a capsule)"),
        );
    }
}

fn check_allocator(loaded: &LoadedSpec, name: &toml::Spanned<String>, out: &mut Vec<Diagnostic>) {
    if !ALLOCATORS.contains(&name.get_ref().as_str()) {
        out.push(
            loaded
                .error(Kind::SpecInvalid, name.span(), format!("unknown allocator `{}`", name.get_ref()))
                .hint(format!("known allocators: {}", ALLOCATORS.join(", "))),
        );
    }
}

/// An `rpath` entry is one directory: `$ORIGIN[/DIR]` or a path without `:`.
fn check_rpath(loaded: &LoadedSpec, entry: &toml::Spanned<String>, out: &mut Vec<Diagnostic>) {
    let value = entry.get_ref();
    let token_ok = !value.starts_with('$') || value == "$ORIGIN" || value.starts_with("$ORIGIN/");
    if value.is_empty() || value.contains(':') || !token_ok {
        out.push(
            loaded
                .error(Kind::SpecInvalid, entry.span(), format!("`{value}` is not one run-time search directory"))
                .hint("write one directory per entry: `$ORIGIN` or `$ORIGIN/DIR` (next to the installed module), an absolute path, or a path relative to the spec"),
        );
    }
}

/// Every `[c].cxx_headers` entry is one of `[c].headers`, as written there.
fn check_cxx_headers(loaded: &LoadedSpec, out: &mut Vec<Diagnostic>) {
    let c = &loaded.spec.c;
    for h in c.cxx_headers.iter().filter(|h| !c.headers.iter().any(|x| x.get_ref() == h.get_ref())) {
        out.push(
            loaded
                .error(Kind::SpecInvalid, h.span(), format!("C++ header `{}` is not one of [c].headers", h.get_ref()))
                .hint("list it in [c].headers too, spelled the same way"),
        );
    }
}

fn check_helpers(loaded: &LoadedSpec, out: &mut Vec<Diagnostic>) {
    for file in &loaded.spec.helpers.rust {
        let path = loaded.dir.join(file.get_ref());
        if !file.get_ref().ends_with(".rs") || !path.is_file() {
            out.push(
                loaded
                    .error(Kind::SpecInvalid, file.span(), format!("helper file `{}` not found", file.get_ref()))
                    .hint("helper paths are Rust files relative to the spec directory"),
            );
        }
    }
    for file in &loaded.spec.helpers.python {
        let name = std::path::Path::new(file.get_ref()).file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let reserved = name == "__init__.py" || name == format!("{}.py", loaded.spec.module.name.get_ref());
        if !name.ends_with(".py") || reserved || !loaded.dir.join(file.get_ref()).is_file() {
            out.push(
                loaded.error(Kind::SpecInvalid, file.span(), format!("Python helper `{}` not found or not allowed", file.get_ref())).hint(
                    "Python helpers are `.py` files relative to the spec directory, not named `__init__.py` or like the native module",
                ),
            );
        }
    }
}
