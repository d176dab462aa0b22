//! Spec options the decided IR cannot honour (or would silently ignore),
//! reported at the spec line before they could surface as rustc errors in
//! generated code: callback keys and argument indexes, `string` policies on
//! fields that are not `char*` (and `strings` defaults on structs without one), ownership options on parameters that are not
//! struct views, `transfers` containers, status codes on non-integer results,
//! `free` functions of the wrong shape and `[expose].headers` patterns that
//! match no header.

use toml::Spanned;

use crate::diagnostic::{Diagnostic, Kind};
use crate::frontend::c::header_globs;
use crate::ir::{FieldKind, Function, Module, ParamKind, Record, ReturnKind, ScalarKind, TypeRef};
use crate::spec::{CallbackSpec, FunctionSpec, LoadedSpec};

/// Runs the checks.
pub fn run(spec: &LoadedSpec, module: &Module) -> Vec<Diagnostic> {
    let mut errors = vec![];
    for (name, s) in &spec.spec.structs {
        let Some(record) = module.record(name.get_ref()) else { continue };
        errors.extend(struct_strings(spec, record, s.strings.as_ref()));
        for (field, policy) in &s.fields {
            let Some(f) = record.field(field.get_ref()) else { continue };
            if let Some(cb) = &policy.callback {
                errors.extend(callback(spec, module, &f.ty, cb));
            }
            if let Some(string) = policy.string.as_ref().filter(|_| !is_c_string(&f.ty)) {
                let msg = format!("`string` policy for {}.{}, which is `{}`, not `char*`", record.name, f.name, f.ty.spelling());
                errors.push(spec.error(Kind::SpecInvalid, string.span(), msg).hint("`string` applies to `char*` fields; remove it"));
            }
        }
    }
    for (name, fs) in &spec.spec.functions {
        if let Some(f) = module.functions.iter().find(|f| &f.name == name.get_ref()) {
            errors.extend(function(spec, module, name, f, fs));
        }
    }
    errors.extend(header_patterns(spec, module));
    errors.extend(super::runtime_features::run(spec, module));
    errors
}

/// Every `[expose].headers` pattern must match the header of some item
/// (bound or skipped): one that matches nothing is a typo, not a choice.
fn header_patterns(spec: &LoadedSpec, module: &Module) -> Vec<Diagnostic> {
    let base = crate::paths::absolute(&spec.dir);
    let mut files: Vec<&str> = module.records.iter().map(|r| r.loc.file.as_str()).collect();
    files.extend(module.enums.iter().map(|e| e.loc.file.as_str()));
    files.extend(module.functions.iter().map(|f| f.loc.file.as_str()));
    files.extend(module.constants.iter().map(|c| c.loc.file.as_str()));
    files.extend(module.skipped.iter().map(|s| s.loc.file.as_str()));
    files.sort_unstable();
    files.dedup();
    let paths: Vec<std::path::PathBuf> = files.iter().map(|f| base.join(f)).collect();
    let unmatched = spec.spec.expose.headers.iter().filter(|p| !paths.iter().any(|path| header_globs::matches(p.get_ref(), path)));
    unmatched
        .map(|p| {
            spec.error(
                Kind::SpecUnknownItem,
                p.span(),
                format!("no item of the parsed headers is declared in a header matching `{}`", p.get_ref()),
            )
            .hint("patterns match the end of a header's path (`gst/*.h`); the header must be reached through #include from [c].headers")
        })
        .collect()
}

/// A struct's `strings` default needs at least one `char*` field to apply to.
fn struct_strings(spec: &LoadedSpec, record: &Record, strings: Option<&Spanned<String>>) -> Option<Diagnostic> {
    let strings = strings?;
    if record.fields.iter().any(|f| is_c_string(&f.ty)) {
        return None;
    }
    let msg = format!("`strings = \"{}\"` for {}, which has no `char*` field", strings.get_ref(), record.name);
    Some(spec.error(Kind::SpecInvalid, strings.span(), msg).hint("`strings` is the default policy of a struct's `char*` fields; remove it"))
}

fn is_c_string(ty: &TypeRef) -> bool {
    matches!(ty.pointee(), Some(TypeRef::Prim { prim: crate::ir::Prim::Char, .. }))
}

/// A callback's `arg` must exist and point to a struct; its `key` must name
/// an integer field reached through embedded structs.
fn callback(spec: &LoadedSpec, module: &Module, ty: &TypeRef, cb: &CallbackSpec) -> Vec<Diagnostic> {
    let TypeRef::FnPtr { params, .. } = ty else { return vec![] };
    let at = cb.key.span();
    let Some(arg) = params.get(cb.arg) else {
        let msg = format!(
            "callback `arg = {}` is out of range: the function pointer `{}` takes {} argument(s)",
            cb.arg,
            ty.spelling(),
            params.len()
        );
        return vec![spec.error(Kind::SpecInvalid, at, msg).hint(format!("use an index from 0 to {}", params.len().saturating_sub(1)))];
    };
    let pointee = match (&cb.as_struct, arg.pointee()) {
        (Some(a), _) => a.get_ref().clone(),
        (None, Some(TypeRef::Record { name })) => name.clone(),
        _ => {
            let msg = format!("callback argument {} is `{}`, not a pointer to a struct the key can be read from", cb.arg, arg.spelling());
            return vec![
                spec.error(Kind::SpecInvalid, at, msg)
                    .hint("point `arg` at the struct argument, or name its struct with `as = \"Struct\"`"),
            ];
        }
    };
    match module.record(&pointee) {
        Some(r) => key_path(spec, module, r, &cb.key).into_iter().collect(),
        None => vec![
            spec.error(Kind::SpecInvalid, at, format!("callback argument {} points to `{pointee}`, which is not a bound struct", cb.arg))
                .hint("bind that struct (it must be declared in the bound headers), or name another with `as`"),
        ],
    }
}

/// Walks `key` (`a.b.c`) from `record`: every step but the last must be an
/// embedded struct, the last an integer or enum field.
fn key_path(spec: &LoadedSpec, module: &Module, record: &Record, key: &Spanned<String>) -> Option<Diagnostic> {
    let mut current = record;
    let steps: Vec<&str> = key.get_ref().split('.').collect();
    for (i, step) in steps.iter().enumerate() {
        let Some(field) = current.field(step).filter(|f| f.via.is_empty()) else {
            let names: Vec<&str> = current.fields.iter().filter(|f| f.via.is_empty()).map(|f| f.name.as_str()).collect();
            let msg = format!("callback key `{}`: `{}` has no field `{step}`", key.get_ref(), current.name);
            return Some(spec.error(Kind::SpecUnknownItem, key.span(), msg).hint(closest(step, &names)));
        };
        let last = i + 1 == steps.len();
        match (&field.kind, last) {
            (FieldKind::Scalar { scalar: ScalarKind::Int { .. } | ScalarKind::Bool { .. } } | FieldKind::Enum { .. }, true) => return None,
            (FieldKind::Nested { record }, false) => current = module.record(record)?,
            _ => {
                let want = if last { "an integer or enum field" } else { "an embedded struct" };
                let msg = format!("callback key `{}`: `{}.{step}` is `{}`, not {want}", key.get_ref(), current.name, field.ty.spelling());
                return Some(
                    spec.error(Kind::SpecInvalid, key.span(), msg)
                        .hint("the key is read by value through embedded structs and must end at an integer"),
                );
            }
        }
    }
    None
}

fn closest(wanted: &str, names: &[&str]) -> String {
    let best = names.iter().min_by_key(|c| similar::TextDiff::from_chars(wanted, **c).ratio().mul_add(-1000.0, 1000.0) as i64);
    best.map_or_else(|| "the struct has no fields".to_string(), |b| format!("did you mean `{b}`?"))
}

/// Options of one `[function.NAME]` table against the decided function
/// (the parameters `consumes`, `invalidates`, `transfers` and `returns`
/// name are checked by the functions pass).
fn function(spec: &LoadedSpec, module: &Module, table: &Spanned<String>, f: &Function, fs: &FunctionSpec) -> Vec<Diagnostic> {
    let mut errors = vec![];
    for (param, container) in &fs.transfers {
        let kind = f.params.iter().find(|p| &p.name == container).map(|p| &p.kind);
        let item_is_address = f.params.iter().any(|p| &p.name == param.get_ref() && matches!(p.kind, ParamKind::Address { .. }));
        match kind {
            Some(ParamKind::View { .. } | ParamKind::Handle { .. }) if !item_is_address => {}
            Some(k) if item_is_address && k.holds_metas() => {}
            Some(_) if item_is_address => errors.push(
                spec.error(
                    Kind::SpecInvalid,
                    param.span(),
                    format!("`transfers` container {}({container}) of a `void*` is not a `gobject = \"GstBuffer\"` parameter", f.name),
                )
                .hint("a `void*` item is kept by a GstBuffer, whose liveness its views then follow; a struct item goes into a struct"),
            ),
            Some(_) => errors.push(
                spec.error(
                    Kind::SpecInvalid,
                    param.span(),
                    format!("`transfers` container {}({container}) is not a struct pointer", f.name),
                )
                .hint("the container must be a struct parameter that takes ownership"),
            ),
            None => errors.push(
                spec.error(
                    Kind::SpecUnknownItem,
                    param.span(),
                    format!("`transfers` container `{container}` is not a parameter of {}", f.name),
                )
                .hint(format!("parameters: {}", param_list(f))),
            ),
        }
    }
    errors.extend(status(spec, table, f, fs));
    errors.extend(free_function(spec, module, fs));
    errors
}

fn param_list(f: &Function) -> String {
    f.params.iter().map(|p| p.name.as_str()).collect::<Vec<_>>().join(", ")
}

/// `success` needs an integer result; `errors` keys must be integers and need `success`.
fn status(spec: &LoadedSpec, table: &Spanned<String>, f: &Function, fs: &FunctionSpec) -> Vec<Diagnostic> {
    let mut errors = vec![];
    let at = table.span();
    let integer = matches!(super::field_kind::scalar(&f.ret), Some(ScalarKind::Int { .. }));
    if fs.success.is_some() && !(integer && matches!(f.ret_kind, ReturnKind::Status { .. })) {
        errors.push(
            spec.error(
                Kind::SpecInvalid,
                at.clone(),
                format!("`success` given for {}, whose result `{}` is not a plain integer", f.name, f.ret.spelling()),
            )
            .hint("`success` applies to functions returning an integer status"),
        );
    }
    if !fs.errors.is_empty() && fs.success.is_none() {
        errors.push(
            spec.error(Kind::SpecInvalid, at.clone(), format!("`errors` given for {} without `success`", f.name))
                .hint("add `success = VALUE` (the status meaning success)"),
        );
    }
    for key in fs.errors.keys().filter(|k| k.parse::<i64>().is_err()) {
        errors.push(
            spec.error(Kind::SpecInvalid, at.clone(), format!("`errors` key `{key}` of {} is not an integer", f.name))
                .hint("keys are status values written as strings, e.g. `\"-1\" = \"not found\"`"),
        );
    }
    errors
}

/// A `free` function is called with the one pointer it frees.
fn free_function(spec: &LoadedSpec, module: &Module, fs: &FunctionSpec) -> Option<Diagnostic> {
    let free = fs.free.as_ref()?;
    let g = module.functions.iter().find(|g| &g.name == free.get_ref())?;
    let fits = g.params.len() == 1 && matches!(g.params[0].ty, TypeRef::Pointer { .. });
    (!fits).then(|| {
        spec.error(Kind::SpecInvalid, free.span(), format!("`free` function {} takes ({}), not one pointer", g.name, param_list(g)))
            .hint("name the C function that frees the result given only its pointer")
    })
}
