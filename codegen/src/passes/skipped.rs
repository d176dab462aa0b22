//! Skip records made by the passes, and what the spec is told about them: a
//! function whose types have no conversion is recorded with the parameter
//! and type at fault; a spec table naming an item that is not bound gets
//! the reason (and where the item is declared) instead of "did you mean".

use toml::Spanned;

use crate::diagnostic::{Diagnostic, Kind};
use crate::ir::{Function, ItemKind, Module, ParamKind, ReturnKind, SkipReason, Skipped, TypeRef};
use crate::spec::LoadedSpec;

/// The skip record of a function.
pub fn function(f: &Function, reason: SkipReason, detail: String) -> Skipped {
    Skipped::new(&f.name, ItemKind::Function, reason, detail, f.loc.clone())
}

/// Why a function's parameters or result have no conversion, if they do not.
pub fn unconvertible(f: &Function) -> Option<String> {
    if let Some(p) = f.params.iter().find(|p| matches!(p.kind, ParamKind::Undecided)) {
        return Some(format!("parameter `{}`: {}", p.name, why_unsupported(&p.ty)));
    }
    matches!(f.ret_kind, ReturnKind::Undecided).then(|| format!("result: {}", why_unsupported(&f.ret)))
}

/// What is missing to convert a value of type `ty`.
fn why_unsupported(ty: &TypeRef) -> String {
    let shown = ty.spelling();
    match ty {
        TypeRef::Record { .. } => format!("`{shown}` is passed by value (only pointers to structs convert)"),
        TypeRef::FnPtr { .. } => format!(
            "`{shown}` is a function pointer: name its user-data parameter with `[function.NAME.param.PARAM] callback = \"USER_DATA\"`"
        ),
        _ => format!("`{shown}` has no Python conversion"),
    }
}

/// The diagnostic for a spec table naming an item that is not bound (`None`
/// when nothing of that name was skipped).
pub fn named_in_spec(spec: &LoadedSpec, module: &Module, name: &Spanned<String>, item: ItemKind) -> Option<Diagnostic> {
    let s = module.skipped.iter().find(|s| &s.name == name.get_ref() && same_kind(s.item, item))?;
    let message = format!("{} `{}` is not bound: {} ({}), declared at {}", s.item.noun(), s.name, s.reason.label(), s.detail, s.loc);
    Some(spec.error(Kind::SpecInvalid, name.span(), message).hint(hint(s.reason)))
}

fn same_kind(a: ItemKind, b: ItemKind) -> bool {
    let record = |k| matches!(k, ItemKind::Struct | ItemKind::Union);
    a == b || record(a) && record(b)
}

/// What the user can do about a skip.
pub fn hint(reason: SkipReason) -> &'static str {
    match reason {
        SkipReason::ExposeRules => "add it to [expose].allow (and remove it from [expose].deny), or remove this table",
        SkipReason::SpecSkip => "remove `skip = true` or remove the other keys of this table",
        SkipReason::NoSymbol => {
            "build the library that defines it first (the generator reads the libraries the module links), link the one that does, or remove this table"
        }
        SkipReason::UnsupportedType => {
            "remove this table (or set only `skip = true`); `codegen explain TARGET NAME` shows the type at fault"
        }
        _ => "remove this table: the item cannot be bound (`codegen explain TARGET NAME` says why)",
    }
}

/// Spec tables of functions the pass dropped for their types: their options
/// would silently do nothing, so each is an error (unless it says `skip`).
pub fn configured_but_dropped(spec: &LoadedSpec, dropped: &[Skipped]) -> Vec<Diagnostic> {
    let mut out = vec![];
    for s in dropped.iter().filter(|s| s.reason == SkipReason::UnsupportedType) {
        let Some((name, _)) = spec.spec.functions.iter().find(|(k, v)| k.get_ref() == &s.name && !v.skip) else { continue };
        let message = format!("function `{}` is not bound: {} ({}), declared at {}", s.name, s.reason.label(), s.detail, s.loc);
        out.push(spec.error(Kind::SpecInvalid, name.span(), message).hint(hint(s.reason)));
    }
    out
}
