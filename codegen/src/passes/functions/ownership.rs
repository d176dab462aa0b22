//! Function-level keys of `[function.NAME]`: Python name, result ownership,
//! consumed, pooled (`invalidates`) and stored (`transfers`) parameters,
//! C-made-only parameters (`c_made`), `nullable`, status codes, GIL release
//! and `disjoint`; and the default
//! that C free/destroy functions consume their struct argument.

use super::param_named;
use crate::diagnostic::{Diagnostic, Kind};
use crate::ir::{Disjoint, FieldKind, Function, Module, Ownership, ParamKind, ReturnKind, Transfer};
use crate::passes::records::unknown;
use crate::spec::{FunctionSpec, LoadedSpec};

/// Name endings of C functions that free their (single struct) argument.
pub const FREE_SUFFIXES: &[&str] = &["_free", "_destroy", "_unref", "_release"];

/// Applies the function-level keys.
pub fn apply(spec: &LoadedSpec, module: &Module, f: &mut Function, fs: &FunctionSpec) -> Vec<Diagnostic> {
    let mut errors = vec![];
    if let Some(n) = &fs.python_name {
        f.python_name = n.clone();
    }
    f.release_gil = fs.release_gil;
    let fname = f.name.clone();
    let mut transfer = |name: &toml::Spanned<String>, t: Transfer, errors: &mut Vec<Diagnostic>| match param_named(spec, f, name) {
        Ok(p) if matches!(p.kind, ParamKind::View { .. } | ParamKind::Handle { .. }) => p.transfer = Some(t),
        Ok(p) if matches!((&p.kind, &t), (ParamKind::Address { .. }, Transfer::Into { .. })) => p.transfer = Some(t),
        Ok(_) => errors.push(
            spec.error(Kind::SpecInvalid, name.span(), format!("{fname}({}) is not a struct pointer", name.get_ref()))
                .hint("`consumes`, `invalidates` and `transfers` move structs and handles"),
        ),
        Err(e) => errors.push(e),
    };
    for c in fs.consumes.iter().flatten() {
        transfer(c, Transfer::Consumed, &mut errors);
    }
    for c in &fs.invalidates {
        transfer(c, Transfer::Invalidated, &mut errors);
    }
    for (p, container) in &fs.transfers {
        transfer(p, Transfer::Into { container: container.clone(), owned: false }, &mut errors);
    }
    for n in &fs.c_made {
        errors.extend(c_made(spec, f, n));
    }
    for n in &fs.nullable {
        errors.extend(nullable(spec, f, n));
    }
    errors.extend(returns(spec, module, f, fs));
    status(f, fs);
    for pair in &fs.disjoint {
        match disjoint(spec, module, f, pair) {
            Ok(d) => f.disjoint.push(d),
            Err(e) => errors.push(e),
        }
    }
    errors
}

/// A free/destroy function (by its name, with one struct or handle
/// parameter) consumes that parameter unless the spec lists `consumes`
/// itself or moves the parameter otherwise.
pub fn free_function_default(f: &mut Function, fs: &FunctionSpec) {
    if fs.consumes.is_some() || !FREE_SUFFIXES.iter().any(|s| f.name.ends_with(s)) {
        return;
    }
    let mut views = f.params.iter_mut().filter(|p| matches!(p.kind, ParamKind::View { .. } | ParamKind::Handle { .. }));
    if let (Some(p), None) = (views.next(), views.next()) {
        p.transfer.get_or_insert(Transfer::Consumed);
    }
}

/// `c_made = [PARAM]`: the struct parameter accepts only C-made memory.
fn c_made(spec: &LoadedSpec, f: &mut Function, name: &toml::Spanned<String>) -> Option<Diagnostic> {
    let fname = f.name.clone();
    match param_named(spec, f, name) {
        Err(e) => Some(e),
        Ok(p) if matches!(p.kind, ParamKind::View { .. }) => {
            p.c_made = true;
            None
        }
        Ok(_) => Some(
            spec.error(Kind::SpecInvalid, name.span(), format!("{fname}({}) is not a pointer to a bound struct", name.get_ref()))
                .hint("`c_made` checks where a struct argument's memory was made"),
        ),
    }
}

fn nullable(spec: &LoadedSpec, f: &mut Function, name: &toml::Spanned<String>) -> Option<Diagnostic> {
    let fname = f.name.clone();
    match param_named(spec, f, name) {
        Err(e) => Some(e),
        Ok(p) => match p.kind.nullable_mut() {
            Some(n) => {
                *n = true;
                None
            }
            None => Some(
                spec.error(Kind::SpecInvalid, name.span(), format!("{fname}({}) is not a pointer", name.get_ref()))
                    .hint("`nullable` applies to parameters that take a struct, list, string or raw pointer"),
            ),
        },
    }
}

fn returns(spec: &LoadedSpec, module: &Module, f: &mut Function, fs: &FunctionSpec) -> Vec<Diagnostic> {
    let mut errors = vec![];
    let param_names: Vec<String> = f.params.iter().map(|p| p.name.clone()).collect();
    if let Some(r) = &fs.returns {
        match ownership(r.get_ref(), fs) {
            Some(Ownership::BorrowedFrom { param }) if !param_names.contains(&param) => errors.push(
                spec.error(
                    Kind::SpecUnknownItem,
                    r.span(),
                    format!("`returns` borrows from `{param}`, which is not a parameter of {}", f.name),
                )
                .hint(format!("parameters: {}", param_names.join(", "))),
            ),
            Some(Ownership::BorrowedFrom { param }) if !f.params.iter().any(|p| p.name == param && p.kind.is_provenance()) => errors.push(
                spec.error(
                    Kind::SpecInvalid,
                    r.span(),
                    format!("`returns` borrows from `{param}`, which is not a struct or list parameter of {}", f.name),
                )
                .hint("a result can only live as long as a struct or GList argument"),
            ),
            Some(own) => match &mut f.ret_kind {
                ReturnKind::View { ownership, .. } => *ownership = own,
                _ => errors.push(
                    spec.error(Kind::SpecInvalid, r.span(), format!("{} does not return a pointer to a bound struct", f.name))
                        .hint("`returns` applies to functions returning a struct pointer"),
                ),
            },
            None => {}
        }
    }
    if let Some(free) = &fs.free
        && !module.functions.iter().any(|g| &g.name == free.get_ref())
    {
        errors.push(unknown(spec, free, "free function", module.functions.iter().map(|g| g.name.as_str())));
    }
    errors
}

fn status(f: &mut Function, fs: &FunctionSpec) {
    if let Some(success) = fs.success {
        let messages = fs.errors.iter().filter_map(|(k, v)| k.parse::<i64>().ok().map(|k| (k, v.clone()))).collect();
        if matches!(f.ret_kind, ReturnKind::Scalar { .. }) {
            f.ret_kind = ReturnKind::Status { success, messages };
        }
    }
}

fn ownership(value: &str, fs: &FunctionSpec) -> Option<Ownership> {
    match value {
        "owned" => fs.free.as_ref().map(|f| Ownership::Owned { free: f.get_ref().clone() }),
        "external" => Some(Ownership::External),
        other => other.strip_prefix("borrowed:").map(|p| Ownership::BorrowedFrom { param: p.to_string() }),
    }
}

/// One `disjoint` pair: both must be struct or list parameters; the list
/// fields of the second one's struct are compared with the first too.
fn disjoint(spec: &LoadedSpec, module: &Module, f: &mut Function, pair: &[toml::Spanned<String>; 2]) -> Result<Disjoint, Diagnostic> {
    let [a, b] = pair;
    for name in pair {
        if !param_named(spec, f, name)?.kind.is_provenance() {
            return Err(spec
                .error(Kind::SpecInvalid, name.span(), format!("{}({}) is not a struct or list parameter", f.name, name.get_ref()))
                .hint("`disjoint` compares struct and GList arguments"));
        }
    }
    let b_lists = match &param_named(spec, f, b)?.kind {
        ParamKind::View { record, .. } => module.record(record).map(list_fields).unwrap_or_default(),
        _ => vec![],
    };
    Ok(Disjoint { a: a.get_ref().clone(), b: b.get_ref().clone(), b_lists })
}

fn list_fields(record: &crate::ir::Record) -> Vec<String> {
    record.fields.iter().filter(|fd| matches!(fd.kind, FieldKind::List { .. })).map(|fd| fd.name.clone()).collect()
}
