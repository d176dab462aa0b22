//! Whether a C function declaration can be called from Rust at all, and how:
//! an exported symbol, or a `static`/`static inline` definition reached
//! through the C shim bindgen writes (`wrap_static_fns`). Functions that
//! cannot be called (variadic, `va_list`, `inline` without a symbol, types
//! the shim cannot spell) get a skip reason instead.

use std::collections::HashSet;
use std::path::PathBuf;

use clang::{Entity, EntityKind, Linkage, Type, TypeKind};

use crate::ir::SkipReason;
use crate::libraries::Exports;

/// How a function is reached from Rust.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    /// An exported symbol of the linked library.
    Symbol,
    /// A header-defined `static` function, through the generated C shim.
    Shim,
}

/// The headers whose functions the linked libraries implement: those with
/// at least one declared function a library exports. A header none of
/// whose functions is exported belongs to a library not linked when
/// generating (a crate that is only type-checked): nothing is skipped for it.
pub struct Linked<'a> {
    exports: &'a Exports,
    files: HashSet<PathBuf>,
}

impl<'a> Linked<'a> {
    /// Scans the top-level functions of the translation unit.
    pub fn scan(root: &Entity<'_>, exports: &'a Exports) -> Self {
        let exported = |e: &Entity<'_>| e.get_kind() == EntityKind::FunctionDecl && e.get_name().is_some_and(|n| exports.has(&n));
        let files = super::top_level(root).iter().filter(|e| exported(e)).filter_map(file_of).collect();
        Linked { exports, files }
    }

    /// The exports, when they are expected to define `e`.
    fn for_entity(&self, e: &Entity<'_>) -> Option<&Exports> {
        file_of(e).filter(|f| self.files.contains(f)).map(|_| self.exports)
    }
}

fn file_of(e: &Entity<'_>) -> Option<PathBuf> {
    e.get_location()?.get_file_location().file.map(|f| f.get_path())
}

/// How `e` is reached, or why it cannot be (`linked`: what the linked
/// libraries export, when known).
pub fn reach(e: &Entity<'_>, linked: Option<&Linked<'_>>) -> Result<Reach, (SkipReason, String)> {
    if e.is_variadic() {
        return Err((SkipReason::Variadic, "takes `...`: Python cannot build a C variable argument list".into()));
    }
    if never_returns(e) {
        return Err((SkipReason::NoReturn, "declared `noreturn`: a call never comes back to Python (it aborts or exits)".into()));
    }
    let params = e.get_arguments().unwrap_or_default();
    if let Some((i, p)) = params.iter().enumerate().find(|(_, p)| p.get_type().is_some_and(|t| is_va_list(&t))) {
        let name = p.get_name().unwrap_or_else(|| format!("arg{i}"));
        return Err((SkipReason::VaList, format!("parameter `{name}` is a `va_list`, which Python cannot build")));
    }
    match e.get_linkage() {
        Some(Linkage::Internal) => shim_types(e).map(|()| Reach::Shim),
        _ if e.is_inline_function() => {
            Err((SkipReason::InlineWithoutSymbol, "the header defines no symbol to call and no `static` definition a shim may wrap".into()))
        }
        _ => symbol(e, linked.and_then(|l| l.for_entity(e))),
    }
}

/// An exported function must be exported by one of the linked libraries.
fn symbol(e: &Entity<'_>, exports: Option<&Exports>) -> Result<Reach, (SkipReason, String)> {
    let name = e.get_name().unwrap_or_default();
    match exports {
        Some(x) if !x.has(&name) => Err((
            SkipReason::NoSymbol,
            format!(
                "declared, but not exported by {} or the libraries they need",
                x.libraries.iter().map(|l| format!("-l{l}")).collect::<Vec<_>>().join(" ")
            ),
        )),
        _ => Ok(Reach::Symbol),
    }
}

/// `_Noreturn` or `__attribute__((noreturn))` (which libclang shows in the
/// function type's spelling, outside any parentheses, as bindgen reads it).
fn never_returns(e: &Entity<'_>) -> bool {
    let spelling = e.get_type().map(|t| t.get_display_name()).unwrap_or_default().replace(' ', "");
    let attribute = spelling.match_indices("__attribute__((noreturn))").any(|(i, _)| depth(&spelling[..i]) == 0);
    let keyword = e.get_range().is_some_and(|r| r.tokenize().iter().any(|t| t.get_spelling() == "_Noreturn"));
    attribute || keyword
}

/// Open parentheses before the end of `text`.
fn depth(text: &str) -> i32 {
    text.chars()
        .map(|c| match c {
            '(' => 1,
            ')' => -1,
            _ => 0,
        })
        .sum()
}

/// Whether `ty` is a `va_list` (an array of `__va_list_tag` that decays to a pointer).
pub fn is_va_list(ty: &Type<'_>) -> bool {
    let shown = ty.get_display_name();
    let canonical = ty.get_canonical_type().get_display_name();
    shown.contains("va_list") || canonical.contains("__va_list_tag") || canonical.contains("__builtin_va_list")
}

/// The shim re-declares the function in C: every type must have a C spelling
/// bindgen can write back (no `__int128`, vectors or complex numbers).
fn shim_types(e: &Entity<'_>) -> Result<(), (SkipReason, String)> {
    let mut types: Vec<Type<'_>> = e.get_arguments().unwrap_or_default().iter().filter_map(Entity::get_type).collect();
    types.extend(e.get_result_type());
    match types.iter().find_map(|t| unspellable(t)) {
        Some(kind) => Err((SkipReason::NoShim, format!("uses `{kind}`, which the generated C shim cannot declare"))),
        None => Ok(()),
    }
}

/// The first type inside `ty` (through pointers and arrays) bindgen cannot
/// write as C, by its spelling.
fn unspellable(ty: &Type<'_>) -> Option<String> {
    let canonical = ty.get_canonical_type();
    match canonical.get_kind() {
        TypeKind::Int128 | TypeKind::UInt128 | TypeKind::Complex | TypeKind::Vector | TypeKind::ExtVector => {
            Some(canonical.get_display_name())
        }
        TypeKind::Pointer => canonical.get_pointee_type().and_then(|p| unspellable(&p)),
        TypeKind::ConstantArray | TypeKind::IncompleteArray => canonical.get_element_type().and_then(|p| unspellable(&p)),
        _ => None,
    }
}
