//! Pass 1 of the Rust frontend: walk every `.rs` file of the crate (sorted,
//! skipping `#[cfg(test)]` items), and collect annotated structs, enums,
//! `#[bindery::methods]` impl blocks and functions as raw syntax, plus the
//! module tree (private modules and `pub use` re-exports) that pass 2 needs
//! to compute public paths. Malformed annotations become diagnostics.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use syn::{ImplItem, Item, UseTree};

use super::attrs::{self, Word};
use crate::diagnostic::{Diagnostic, Kind};

/// An annotated type (struct or enum) before resolution.
#[derive(Clone)]
pub struct RawType {
    /// Rust identifier.
    pub ident: String,
    /// Defining module path (`geometry::shapes`).
    pub module_path: Vec<String>,
    /// The `class` or `enumeration` word.
    pub word: Word,
    /// Doc comment.
    pub doc: String,
    /// Derived traits.
    pub derives: Vec<String>,
    /// File and line.
    pub file: PathBuf,
    /// The enum definition, for enumerations.
    pub item_enum: Option<syn::ItemEnum>,
}

/// One annotated method of a `#[bindery::methods]` block.
#[derive(Clone)]
pub struct RawMethod {
    /// Its bindery words.
    pub words: Vec<Word>,
    /// Signature.
    pub sig: syn::Signature,
    /// Doc comment.
    pub doc: String,
    /// File.
    pub file: PathBuf,
}

/// A `#[bindery::methods]` impl block.
#[derive(Clone)]
pub struct RawImpl {
    /// The self type's last path segment.
    pub self_ident: String,
    /// Annotated methods in order.
    pub methods: Vec<RawMethod>,
    /// File and line.
    pub file: PathBuf,
    /// 1-based line of the impl.
    pub line: u32,
}

/// An annotated free function.
#[derive(Clone)]
pub struct RawFn {
    /// Defining module path.
    pub module_path: Vec<String>,
    /// The `function` word.
    pub word: Word,
    /// Signature.
    pub sig: syn::Signature,
    /// Doc comment.
    pub doc: String,
    /// File.
    pub file: PathBuf,
}

/// What pass 2 needs to know about one module.
#[derive(Clone, Debug, Default)]
pub struct ModInfo {
    /// Child modules declared without `pub`.
    pub private_children: Vec<String>,
    /// `pub use a::b::Name` re-exports: (source path, exported name).
    pub reexports: Vec<(Vec<String>, String)>,
}

/// Any struct or enum of the crate, annotated or not: what a spec table
/// naming the crate's types (`[rust.errors]`) is checked against.
#[derive(Clone)]
pub struct RawDecl {
    /// Rust identifier.
    pub ident: String,
    /// Defining module path.
    pub module_path: Vec<String>,
    /// Variants (empty for a struct), each with the type of its one
    /// unnamed field when it has exactly that (`Int(i64)`).
    pub variants: Vec<(String, Option<syn::Type>)>,
    /// Whether it is an enum.
    pub is_enum: bool,
    /// File and 1-based line.
    pub file: PathBuf,
    /// 1-based line of the identifier.
    pub line: u32,
}

/// Everything pass 1 found.
#[derive(Default)]
pub struct Collected {
    /// Every struct and enum, annotated or not.
    pub decls: Vec<RawDecl>,
    /// Inherent methods of every type (annotated or not), by the type's identifier.
    pub inherent_methods: BTreeMap<String, Vec<String>>,
    /// Annotated structs and enums.
    pub types: Vec<RawType>,
    /// `methods` impl blocks.
    pub impls: Vec<RawImpl>,
    /// Annotated functions.
    pub functions: Vec<RawFn>,
    /// Module tree, by module path joined with `::`.
    pub mods: BTreeMap<String, ModInfo>,
}

/// Walks `src_dir` and collects what it can, with every problem found
/// (pass 2 still runs so all diagnostics are reported together); nothing panics.
pub fn collect(src_dir: &Path) -> Result<(Collected, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(src_dir)
        .into_iter()
        .flatten()
        .map(|e| e.path().to_path_buf())
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(vec![
            Diagnostic::new(Kind::Io, format!("no Rust sources under {}", src_dir.display()))
                .hint("[rust].crate_path must point at a crate directory with a src/ folder"),
        ]);
    }
    let mut out = Collected::default();
    let mut errors = vec![];
    for file in files {
        let module_path = module_path_of(src_dir, &file);
        match std::fs::read_to_string(&file) {
            Ok(text) => match syn::parse_file(&text) {
                Ok(parsed) => walk_items(&parsed.items, &module_path, &file, &mut out, &mut errors),
                Err(e) => errors.push(at(&file, e.span().start().line as u32, format!("cannot parse Rust source: {e}"))),
            },
            Err(e) => errors.push(Diagnostic::new(Kind::Io, format!("cannot read {}: {e}", file.display()))),
        }
    }
    Ok((out, errors))
}

/// A diagnostic at `file:line`.
pub fn at(file: &Path, line: u32, message: String) -> Diagnostic {
    Diagnostic::new(Kind::RustSource, message).at_line(file, line.max(1), 1)
}

/// `src/a/b.rs` → `[a, b]`; `mod.rs`, `lib.rs` and `main.rs` name their directory.
fn module_path_of(src_dir: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src_dir).unwrap_or(file);
    let mut parts: Vec<String> = rel.iter().map(|s| s.to_string_lossy().to_string()).collect();
    if let Some(last) = parts.pop() {
        let stem = last.trim_end_matches(".rs").to_string();
        if !matches!(stem.as_str(), "mod" | "lib" | "main") {
            parts.push(stem);
        }
    }
    parts
}

fn walk_items(items: &[Item], module_path: &[String], file: &Path, out: &mut Collected, errors: &mut Vec<Diagnostic>) {
    let key = module_path.join("::");
    out.mods.entry(key.clone()).or_default();
    for item in items {
        if item_is_test(item) {
            continue;
        }
        if let Err((line, msg)) = visit_item(item, module_path, file, out) {
            errors.push(at(file, line, msg));
        }
        match item {
            Item::Mod(m) if m.content.is_some() => {
                let mut child = module_path.to_vec();
                child.push(m.ident.to_string());
                if let Some((_, inner)) = &m.content {
                    walk_items(inner, &child, file, out, errors);
                }
            }
            Item::Mod(m) if !matches!(m.vis, syn::Visibility::Public(_)) => {
                out.mods.entry(key.clone()).or_default().private_children.push(m.ident.to_string());
            }
            Item::Use(u) if matches!(u.vis, syn::Visibility::Public(_)) => {
                let info = out.mods.entry(key.clone()).or_default();
                flatten_use(&u.tree, &mut vec![], &mut info.reexports);
            }
            _ => {}
        }
    }
}

fn item_is_test(item: &Item) -> bool {
    match item {
        Item::Mod(m) => attrs::is_cfg_test(&m.attrs),
        Item::Fn(f) => attrs::is_cfg_test(&f.attrs),
        Item::Impl(i) => attrs::is_cfg_test(&i.attrs),
        _ => false,
    }
}

fn flatten_use(tree: &UseTree, prefix: &mut Vec<String>, out: &mut Vec<(Vec<String>, String)>) {
    match tree {
        UseTree::Path(p) => {
            prefix.push(p.ident.to_string());
            flatten_use(&p.tree, prefix, out);
            prefix.pop();
        }
        UseTree::Name(n) => out.push((prefix.clone(), n.ident.to_string())),
        UseTree::Rename(r) => out.push((prefix.clone(), r.rename.to_string())),
        UseTree::Group(g) => g.items.iter().for_each(|t| flatten_use(t, prefix, out)),
        UseTree::Glob(_) => {}
    }
}

/// Records one item if it carries bindery words.
fn visit_item(item: &Item, module_path: &[String], file: &Path, out: &mut Collected) -> Result<(), (u32, String)> {
    record_decl(item, module_path, file, out);
    match item {
        Item::Struct(s) => visit_type(&s.attrs, s.ident.to_string(), None, module_path, file, out),
        Item::Enum(e) => visit_type(&e.attrs, e.ident.to_string(), Some(e.clone()), module_path, file, out),
        Item::Impl(i) => visit_impl(i, file, out),
        Item::Fn(f) => visit_fn(f, module_path, file, out),
        _ => Ok(()),
    }
}

/// Records a struct or enum in [`Collected::decls`].
fn record_decl(item: &Item, module_path: &[String], file: &Path, out: &mut Collected) {
    let (ident, variants, is_enum) = match item {
        Item::Impl(i) => return record_inherent_methods(i, out),
        Item::Struct(s) => (&s.ident, vec![], false),
        Item::Enum(e) => (&e.ident, e.variants.iter().map(|v| (v.ident.to_string(), single_value(&v.fields))).collect(), true),
        _ => return,
    };
    let line = ident.span().start().line as u32;
    let module_path = module_path.to_vec();
    out.decls.push(RawDecl { ident: ident.to_string(), module_path, variants, is_enum, file: file.to_path_buf(), line });
}

/// Records the method names of an inherent `impl` block in [`Collected::inherent_methods`].
fn record_inherent_methods(i: &syn::ItemImpl, out: &mut Collected) {
    let syn::Type::Path(p) = &*i.self_ty else { return };
    let Some(ident) = p.path.segments.last().map(|s| s.ident.to_string()).filter(|_| i.trait_.is_none()) else { return };
    let names = i.items.iter().filter_map(|it| match it {
        ImplItem::Fn(f) => Some(f.sig.ident.to_string()),
        _ => None,
    });
    out.inherent_methods.entry(ident).or_default().extend(names);
}

/// The type of a variant's fields when they are exactly one unnamed field.
fn single_value(fields: &syn::Fields) -> Option<syn::Type> {
    match fields {
        syn::Fields::Unnamed(f) if f.unnamed.len() == 1 => f.unnamed.first().map(|f| f.ty.clone()),
        _ => None,
    }
}

fn visit_type(
    attributes: &[syn::Attribute],
    ident: String,
    item_enum: Option<syn::ItemEnum>,
    module_path: &[String],
    file: &Path,
    out: &mut Collected,
) -> Result<(), (u32, String)> {
    let words = attrs::words(attributes)?;
    let Some(word) = words.into_iter().find(|w| w.word == "class" || w.word == "enumeration") else { return Ok(()) };
    if word.word == "enumeration" && item_enum.is_none() {
        return Err((word.line, format!("`bindery::enumeration` is for C-like enums, but `{ident}` is a struct")));
    }
    for key in ["module", "name"] {
        if word.arg(key).is_none() {
            return Err((word.line, format!("`bindery::{}` on `{ident}` needs `{key} = \"...\"`", word.word)));
        }
    }
    let doc = attrs::doc(attributes);
    let derives = attrs::derives(attributes);
    out.types.push(RawType { ident, module_path: module_path.to_vec(), word, doc, derives, file: file.to_path_buf(), item_enum });
    Ok(())
}

fn visit_impl(i: &syn::ItemImpl, file: &Path, out: &mut Collected) -> Result<(), (u32, String)> {
    let words = attrs::words(&i.attrs)?;
    let Some(word) = words.iter().find(|w| w.word == "methods") else { return Ok(()) };
    let self_ident = match &*i.self_ty {
        syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()).unwrap_or_default(),
        _ => return Err((word.line, "`bindery::methods` needs an impl of a named type".into())),
    };
    let mut methods = vec![];
    for it in &i.items {
        if let ImplItem::Fn(f) = it {
            let words = attrs::words(&f.attrs)?;
            if words.is_empty() || words.iter().any(|w| w.word == "skip") {
                continue;
            }
            methods.push(RawMethod { words, sig: f.sig.clone(), doc: attrs::doc(&f.attrs), file: file.to_path_buf() });
        }
    }
    out.impls.push(RawImpl { self_ident, methods, file: file.to_path_buf(), line: word.line });
    Ok(())
}

fn visit_fn(f: &syn::ItemFn, module_path: &[String], file: &Path, out: &mut Collected) -> Result<(), (u32, String)> {
    let words = attrs::words(&f.attrs)?;
    let Some(word) = words.into_iter().find(|w| w.word == "function") else { return Ok(()) };
    for key in ["module", "name"] {
        if word.arg(key).is_none() {
            return Err((word.line, format!("`bindery::function` on `{}` needs `{key} = \"...\"`", f.sig.ident)));
        }
    }
    let doc = attrs::doc(&f.attrs);
    out.functions.push(RawFn { module_path: module_path.to_vec(), word, sig: f.sig.clone(), doc, file: file.to_path_buf() });
    Ok(())
}
