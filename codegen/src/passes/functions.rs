//! Decides how each function's parameters and result convert, and applies
//! `[function.*]`: ownership of results, consumed and transferred
//! parameters, status-code mapping and GIL release. Functions whose types
//! cannot be converted are dropped (listed by `dump-ir`).

use super::field_kind::{scalar, unbound_enum};
use super::records::unknown;
use super::skipped;
use crate::diagnostic::{Diagnostic, Kind};
use crate::ir::{Function, ItemKind, Module, Ownership, ParamKind, Prim, ReturnKind, SkipReason, Transfer, TypeRef};
use crate::spec::{FunctionSpec, LoadedSpec};

/// Runs the pass.
pub fn run(spec: &LoadedSpec, module: &mut Module) -> Vec<Diagnostic> {
    let mut errors = vec![];
    for (name, fs) in &spec.spec.functions {
        if !module.functions.iter().any(|f| &f.name == name.get_ref()) {
            let reported = skipped::named_in_spec(spec, module, name, ItemKind::Function);
            if !(fs.skip && reported.is_some()) {
                errors.push(reported.unwrap_or_else(|| unknown(spec, name, "function", module.functions.iter().map(|f| f.name.as_str()))));
            }
        }
    }
    let snapshot = module.clone();
    let mut dropped = vec![];
    module.functions.retain_mut(|f| {
        let fs = spec.spec.functions.iter().find(|(k, _)| k.get_ref() == &f.name).map(|(_, v)| v);
        if fs.is_some_and(|s| s.skip) {
            dropped.push(skipped::function(f, SkipReason::SpecSkip, "`skip = true` in its [function] table".into()));
            return false;
        }
        for p in &mut f.params {
            p.kind = param_kind(&snapshot, &p.ty);
        }
        f.ret_kind = return_kind(&snapshot, &f.ret);
        if let Some(fs) = fs {
            errors.extend(apply(spec, &snapshot, f, fs));
        }
        match skipped::unconvertible(f) {
            Some(detail) => {
                dropped.push(skipped::function(f, SkipReason::UnsupportedType, detail));
                false
            }
            None => true,
        }
    });
    errors.extend(skipped::configured_but_dropped(spec, &dropped));
    module.skipped.extend(dropped);
    errors
}

fn param_kind(module: &Module, ty: &TypeRef) -> ParamKind {
    match ty {
        TypeRef::Prim { .. } => scalar(ty).map(|scalar| ParamKind::Scalar { scalar }).unwrap_or(ParamKind::Undecided),
        TypeRef::Enum { name, .. } if module.enum_def(name).is_some() => ParamKind::Enum { name: name.clone() },
        TypeRef::Enum { .. } => unbound_enum(ty).map(|scalar| ParamKind::Scalar { scalar }).unwrap_or(ParamKind::Undecided),
        TypeRef::Pointer { pointee, .. } => match &**pointee {
            TypeRef::Prim { prim: Prim::Char, .. } => ParamKind::Str,
            TypeRef::Record { name } if module.record(name).is_some() => ParamKind::View { record: name.clone(), nullable: false },
            _ => ParamKind::Address,
        },
        _ => ParamKind::Undecided,
    }
}

fn return_kind(module: &Module, ty: &TypeRef) -> ReturnKind {
    match ty {
        TypeRef::Void => ReturnKind::Unit,
        TypeRef::Prim { .. } => scalar(ty).map(|scalar| ReturnKind::Scalar { scalar }).unwrap_or(ReturnKind::Undecided),
        TypeRef::Enum { name, .. } if module.enum_def(name).is_some() => ReturnKind::Enum { name: name.clone() },
        TypeRef::Enum { .. } => unbound_enum(ty).map(|scalar| ReturnKind::Scalar { scalar }).unwrap_or(ReturnKind::Undecided),
        TypeRef::Pointer { pointee, .. } => match &**pointee {
            TypeRef::Prim { prim: Prim::Char, .. } => ReturnKind::Str,
            TypeRef::Record { name } if module.record(name).is_some() => {
                ReturnKind::View { record: name.clone(), ownership: Ownership::External }
            }
            _ => ReturnKind::Address,
        },
        _ => ReturnKind::Undecided,
    }
}

fn apply(spec: &LoadedSpec, module: &Module, f: &mut Function, fs: &FunctionSpec) -> Vec<Diagnostic> {
    let mut errors = vec![];
    if let Some(n) = &fs.python_name {
        f.python_name = n.clone();
    }
    f.release_gil = fs.release_gil;
    let param_names: Vec<String> = f.params.iter().map(|p| p.name.clone()).collect();
    let fname = f.name.clone();
    let param_ok = |name: &toml::Spanned<String>, errors: &mut Vec<Diagnostic>| {
        let ok = param_names.contains(name.get_ref());
        if !ok {
            errors.push(unknown(spec, name, &format!("parameter of {fname}"), param_names.iter().map(String::as_str)));
        }
        ok
    };
    for c in &fs.consumes {
        if param_ok(c, &mut errors) {
            set_transfer(f, c.get_ref(), Transfer::Consumed);
        }
    }
    for n in &fs.nullable {
        if param_ok(n, &mut errors) {
            match f.params.iter_mut().find(|p| &p.name == n.get_ref()).map(|p| &mut p.kind) {
                Some(ParamKind::View { nullable, .. }) => *nullable = true,
                _ => errors.push(spec.error(Kind::SpecInvalid, n.span(), format!("{}({}) is not a struct pointer", f.name, n.get_ref()))
                    .hint("`nullable` applies to parameters that take a bound struct")),
            }
        }
    }
    for c in &fs.invalidates {
        if param_ok(c, &mut errors) {
            set_transfer(f, c.get_ref(), Transfer::Invalidated);
        }
    }
    for (p, container) in &fs.transfers {
        if param_ok(p, &mut errors) {
            set_transfer(f, p.get_ref(), Transfer::Into { container: container.clone() });
        }
    }
    if let Some(r) = &fs.returns {
        match ownership(r.get_ref(), fs) {
            Some(Ownership::BorrowedFrom { param }) if !param_names.contains(&param) => errors.push(
                spec.error(Kind::SpecUnknownItem, r.span(), format!("`returns` borrows from `{param}`, which is not a parameter of {}", f.name))
                    .hint(format!("parameters: {}", param_names.join(", "))),
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
    if let Some(free) = &fs.free {
        if !module.functions.iter().any(|g| &g.name == free.get_ref()) {
            errors.push(unknown(spec, free, "free function", module.functions.iter().map(|g| g.name.as_str())));
        }
    }
    if let Some(success) = fs.success {
        let messages = fs.errors.iter().filter_map(|(k, v)| k.parse::<i64>().ok().map(|k| (k, v.clone()))).collect();
        if matches!(f.ret_kind, ReturnKind::Scalar { .. }) {
            f.ret_kind = ReturnKind::Status { success, messages };
        }
    }
    errors
}

fn set_transfer(f: &mut Function, param: &str, t: Transfer) {
    if let Some(p) = f.params.iter_mut().find(|p| p.name == param) {
        p.transfer = Some(t);
    }
}

fn ownership(value: &str, fs: &FunctionSpec) -> Option<Ownership> {
    match value {
        "owned" => fs.free.as_ref().map(|f| Ownership::Owned { free: f.get_ref().clone() }),
        "external" => Some(Ownership::External),
        other => other.strip_prefix("borrowed:").map(|p| Ownership::BorrowedFrom { param: p.to_string() }),
    }
}
