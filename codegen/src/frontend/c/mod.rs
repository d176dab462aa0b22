//! The C frontend: parses the spec's headers with libclang and yields IR
//! records, enums, functions and integer constants with their doc comments
//! and header:line. It decides nothing about Python: field kinds are left
//! `Undecided` for the passes.

mod callable;
mod comments;
pub mod header_globs;
mod header_set;
mod items;
mod macros;
mod std_types;
mod types;

use std::path::PathBuf;

use clang::{Entity, EntityKind, Index, Unsaved};

use crate::diagnostic::{Diagnostic, Kind, Result};
use crate::ir::Module;

pub use header_set::{header_set, linked_exports, parse_cached};

/// What the frontend needs to parse a header set.
#[derive(Clone, Debug)]
pub struct HeaderSet {
    /// Headers to parse (absolute paths); their items are bound.
    pub headers: Vec<PathBuf>,
    /// Glob patterns (`gst/*.h`, `glib/**`) of further headers, reached
    /// through `#include`, whose items are bound too (`[expose].headers`).
    pub patterns: Vec<String>,
    /// Arguments for clang (`-I`, `-D`, pkg-config cflags).
    pub clang_args: Vec<String>,
    /// Base directory shown paths are made relative to.
    pub base_dir: PathBuf,
    /// The installed SDK the headers come from, if any: its files show as `$SDK/…`.
    pub sdk: Option<crate::spec::sdk::SdkRoot>,
    /// What the linked libraries export, when known: a declared function
    /// none of them exports is skipped (calling it would fail at import).
    pub exports: Option<crate::libraries::Exports>,
    /// Parse as C++ (`[c].cxx_headers` lists a header of the set).
    pub cxx: bool,
}

impl HeaderSet {
    /// The language arguments clang and bindgen parse the set with.
    pub fn language_args(&self) -> Vec<String> {
        let (lang, std) = if self.cxx { ("c++", "-std=gnu++17") } else { ("c", "-std=gnu11") };
        vec!["-x".into(), lang.into(), std.into()]
    }

    /// The `-I` and `-isystem` directories of the clang arguments.
    pub fn include_dirs(&self) -> Vec<PathBuf> {
        self.clang_args.iter().filter_map(|a| a.strip_prefix("-I").or_else(|| a.strip_prefix("-isystem"))).map(PathBuf::from).collect()
    }
}

/// Parses the header set into an IR module (name and docs left empty).
pub fn parse(set: &HeaderSet) -> Result<Module> {
    parse_with_includes(set).map(|(module, _)| module)
}

/// [`parse`], with every file the parse read (the parse cache's dependencies).
pub fn parse_with_includes(set: &HeaderSet) -> Result<(Module, Vec<PathBuf>)> {
    let clang = crate::libclang::for_this_thread().map_err(|e| {
        vec![
            Diagnostic::new(Kind::Header, format!("cannot load libclang: {e}"))
                .hint("install libclang (Debian: apt-get install libclang-dev)"),
        ]
    })?;
    let index = Index::new(clang, false, false);
    let umbrella = umbrella_source(&set.headers);
    let umbrella_path = set.base_dir.join("__bindery_umbrella.c");
    let mut args = set.language_args();
    args.extend(set.clang_args.iter().cloned());
    let tu = index
        .parser(&umbrella_path)
        .arguments(&args)
        .unsaved(&[Unsaved::new(&umbrella_path, &umbrella)])
        .detailed_preprocessing_record(true)
        .skip_function_bodies(true)
        .parse()
        .map_err(|e| vec![Diagnostic::new(Kind::Header, format!("libclang could not parse the headers: {e}"))])?;
    check_diagnostics(&tu, set)?;
    let walker = items::Walker::new(set, tu.get_entity());
    Ok((walker.module(), included_files(&tu.get_entity(), set)))
}

/// The files the translation unit includes (every `#include` the detailed
/// preprocessing record saw) and the headers themselves.
fn included_files(root: &Entity<'_>, set: &HeaderSet) -> Vec<PathBuf> {
    let included = root.get_children().into_iter().filter(|e| e.get_kind() == EntityKind::InclusionDirective).filter_map(|e| e.get_file());
    included.map(|f| f.get_path()).chain(set.headers.iter().cloned()).collect()
}

fn umbrella_source(headers: &[PathBuf]) -> String {
    headers.iter().map(|h| format!("#include \"{}\"\n", h.display())).collect()
}

fn check_diagnostics(tu: &clang::TranslationUnit<'_>, set: &HeaderSet) -> Result<()> {
    let errors: Vec<Diagnostic> = tu
        .get_diagnostics()
        .iter()
        .filter(|d| d.get_severity() >= clang::diagnostic::Severity::Error)
        .map(|d| {
            let loc = d.get_location().get_file_location();
            let file = loc.file.map(|f| f.get_path()).unwrap_or_default();
            Diagnostic::new(Kind::Header, d.get_text())
                .at_line(&file, loc.line, loc.column)
                .hint("fix the header or the spec's [c] include_dirs / pkg_config / clang_args")
        })
        .collect();
    if errors.is_empty() {
        return Ok(());
    }
    match std_types::unmarked_cxx_header(set).filter(|_| !set.cxx) {
        Some(diagnostic) => Err(vec![diagnostic]),
        None => Err(errors),
    }
}

/// Whether `entity` is declared in one of the bound headers (listed, or
/// matching one of the patterns).
fn in_headers(entity: &Entity<'_>, set: &HeaderSet) -> bool {
    let Some(file) = entity.get_location().and_then(|l| l.get_file_location().file) else { return false };
    let path = file.get_path();
    let path = path.canonicalize().unwrap_or(path);
    set.headers.contains(&path) || header_globs::matches_any(&set.patterns, &path)
}

/// `file:line` of an entity: `$SDK/…` under an installed SDK, else relative to the base dir.
fn location(entity: &Entity<'_>, set: &HeaderSet) -> crate::ir::SourceLoc {
    let loc = entity.get_location().map(|l| l.get_file_location());
    let (file, line) = match loc {
        Some(l) => (l.file.map(|f| f.get_path()).unwrap_or_default(), l.line),
        None => (PathBuf::new(), 0),
    };
    let shown = set.sdk.as_ref().and_then(|sdk| sdk.shown(&file)).unwrap_or_else(|| crate::paths::shown_from(&file, &set.base_dir));
    crate::ir::SourceLoc { file: shown, line }
}

/// The translation unit's top-level entities, with the contents of
/// `extern "C" { … }` blocks (C++ headers) in their place.
fn top_level<'tu>(root: &Entity<'tu>) -> Vec<Entity<'tu>> {
    let mut out = vec![];
    for e in root.get_children() {
        match e.get_kind() {
            // libclang before 18 reports `extern "C"` blocks as unexposed declarations.
            EntityKind::LinkageSpec | EntityKind::UnexposedDecl => out.extend(e.get_children()),
            _ => out.push(e),
        }
    }
    out
}

/// Kinds of top-level entities the walker visits.
fn is_item(kind: EntityKind) -> bool {
    matches!(
        kind,
        EntityKind::StructDecl
            | EntityKind::UnionDecl
            | EntityKind::EnumDecl
            | EntityKind::TypedefDecl
            | EntityKind::FunctionDecl
            | EntityKind::MacroDefinition
    )
}
