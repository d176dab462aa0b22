//! Header items that are not bound, each with a reason and where it was
//! declared: the frontend records what cannot cross the boundary (variadic
//! functions, function-like macros, opaque structs…), the passes record what
//! the spec or the types rule out. `generate` summarises them per reason and
//! `codegen explain` shows one.

use serde::{Deserialize, Serialize};

use super::SourceLoc;

/// What kind of header item was left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum ItemKind {
    /// A struct.
    Struct,
    /// A union.
    Union,
    /// An enum.
    Enum,
    /// A function.
    Function,
    /// A `#define`.
    Macro,
}

impl ItemKind {
    /// Lower-case noun for messages.
    pub fn noun(self) -> &'static str {
        match self {
            ItemKind::Struct => "struct",
            ItemKind::Union => "union",
            ItemKind::Enum => "enum",
            ItemKind::Function => "function",
            ItemKind::Macro => "macro",
        }
    }
}

/// Why an item is not bound; the label is what the summary counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SkipReason {
    /// `f(fmt, ...)`: Python cannot build a C variable argument list.
    Variadic,
    /// Takes a `va_list`, which Python cannot build.
    VaList,
    /// Declared `noreturn`: the call never comes back to Python.
    NoReturn,
    /// `inline` without `static`: the header defines no symbol to call or wrap.
    InlineWithoutSymbol,
    /// Declared, but none of the linked libraries exports it.
    NoSymbol,
    /// A `static` function the C shim cannot wrap (a type C cannot spell back).
    NoShim,
    /// A parameter or result type no conversion exists for.
    UnsupportedType,
    /// A function-like macro (no ABI to call).
    FunctionMacro,
    /// An object-like macro whose body is not an integer literal.
    NotIntegerMacro,
    /// An object-like macro without a body (a flag or an include guard).
    EmptyMacro,
    /// A struct declared without a definition (or of size 0).
    Opaque,
    /// Left out by `[expose]` (`prefixes`, `deny`).
    ExposeRules,
    /// `skip = true` in the spec.
    SpecSkip,
    /// Handled by the runtime instead (GLib's `GList`).
    Runtime,
}

impl SkipReason {
    /// Short label used in the summary line.
    pub fn label(self) -> &'static str {
        match self {
            SkipReason::Variadic => "variadic",
            SkipReason::VaList => "va_list",
            SkipReason::NoReturn => "noreturn",
            SkipReason::InlineWithoutSymbol => "inline without static",
            SkipReason::NoSymbol => "no symbol",
            SkipReason::NoShim => "static without shim",
            SkipReason::UnsupportedType => "unsupported type",
            SkipReason::FunctionMacro => "function-like macro",
            SkipReason::NotIntegerMacro => "non-integer macro",
            SkipReason::EmptyMacro => "empty macro",
            SkipReason::Opaque => "opaque struct",
            SkipReason::ExposeRules => "[expose] rules",
            SkipReason::SpecSkip => "spec skip",
            SkipReason::Runtime => "runtime type",
        }
    }
}

/// One item that is not bound.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    /// C name.
    pub name: String,
    /// What it is.
    pub item: ItemKind,
    /// Why it is left out (counted in the summary).
    pub reason: SkipReason,
    /// The specifics: which parameter, which type, which rule.
    pub detail: String,
    /// Declaration site.
    pub loc: SourceLoc,
}

impl Skipped {
    /// A skipped item.
    pub fn new(name: impl Into<String>, item: ItemKind, reason: SkipReason, detail: impl Into<String>, loc: SourceLoc) -> Self {
        Skipped { name: name.into(), item, reason, detail: detail.into(), loc }
    }
}
