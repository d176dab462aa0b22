//! The Rust frontend: reads a crate annotated with `bindery::` words (see
//! `codegen/annotations`) and yields a [`RustCrate`] with source locations
//! and doc comments. Two passes: [`collect`] walks every file and keeps the
//! annotated syntax plus the module tree; [`resolve`] computes public paths,
//! attaches methods to classes and resolves types. Problems are diagnostics
//! at the Rust source line; nothing here panics or touches the spec.

mod attrs;
mod collect;
mod resolve;
mod types;

use std::path::Path;

pub use resolve::screaming_snake;

use crate::diagnostic::Diagnostic;
use crate::ir::{DeclVariant, RustCrate, RustDecl};

/// Parses the crate at `crate_dir` (its `src/`); `crate_name` is its Rust name.
pub fn parse(crate_dir: &Path, crate_name: &str) -> Result<RustCrate, Vec<Diagnostic>> {
    let src = crate_dir.join("src");
    let (collected, mut errors) = collect::collect(&src)?;
    let known = resolve::known_types(&collected);
    let mut out = RustCrate { crate_name: crate_name.to_string(), ..RustCrate::default() };
    for t in &collected.types {
        if t.word.word == "class" {
            out.classes.push(resolve::class(&collected, t, crate_dir, &known, &mut errors));
        } else {
            match resolve::enumeration(&collected, t, crate_dir) {
                Ok(e) => out.enums.push(e),
                Err(d) => errors.push(d),
            }
        }
    }
    for imp in resolve::orphan_impls(&collected) {
        errors.push(
            collect::at(&imp.file, imp.line, format!("`bindery::methods` on `impl {}`, which is not a `bindery::class`", imp.self_ident))
                .hint("annotate the type with #[bindery::class(module = \"...\", name = \"...\")]"),
        );
    }
    out.decls = collected.decls.iter().map(|d| decl(&collected, d, crate_dir, &known)).collect();
    for f in &collected.functions {
        out.functions.push(resolve::function(&collected, f, crate_dir, &known));
    }
    if errors.is_empty() { Ok(out) } else { Err(errors) }
}

/// The IR form of a collected struct or enum.
fn decl(c: &collect::Collected, d: &collect::RawDecl, crate_dir: &Path, known: &types::Known) -> RustDecl {
    let variant = |(name, ty): &(String, Option<syn::Type>)| DeclVariant {
        name: name.clone(),
        value: ty.as_ref().map(|t| types::resolve(t, known, None)),
    };
    let variants = d.is_enum.then(|| d.variants.iter().map(variant).collect());
    let path = resolve::public_path(c, &d.module_path, &d.ident);
    let methods = c.inherent_methods.get(&d.ident).cloned().unwrap_or_default();
    RustDecl { ident: d.ident.clone(), path, variants, methods, loc: resolve::loc(crate_dir, &d.file, d.line) }
}
