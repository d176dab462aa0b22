//! `[function.NAME.param.PARAM] points_to = "STRUCT"`: a `void*` parameter
//! that the C API documents as a pointer to one bound struct (an
//! `NvDsMetaReleaseFunc` taking `gpointer data` that must be a batch). The
//! parameter is retyped before its default kind is decided, so it converts
//! as that struct's view and every struct rule (`consumes`, `c_made`,
//! liveness) applies; any other object raises `TypeError`. `[function.NAME]
//! result_points_to = "STRUCT"` does the same for a `void*` result (a copy
//! function returning the new batch), so `returns` applies to it.

use super::param_named;
use crate::diagnostic::{Diagnostic, Kind};
use crate::ir::{Function, Module, TypeRef};
use crate::passes::records::unknown;
use crate::spec::{FunctionSpec, LoadedSpec};

/// Retypes every `points_to` parameter of `f`; one error per misuse.
pub fn apply(spec: &LoadedSpec, module: &Module, f: &mut Function, fs: &FunctionSpec) -> Vec<Diagnostic> {
    let mut errors: Vec<Diagnostic> = fs.result_points_to.iter().filter_map(|t| result(spec, module, f, t).err()).collect();
    for (name, ps) in &fs.param {
        if let Some(target) = &ps.points_to {
            errors.extend(one(spec, module, f, name, target).err());
        }
    }
    errors
}

/// Retypes one parameter: it must be `void*`, the struct must be bound.
fn one(
    spec: &LoadedSpec,
    module: &Module,
    f: &mut Function,
    name: &toml::Spanned<String>,
    target: &toml::Spanned<String>,
) -> Result<(), Diagnostic> {
    bound(spec, module, target)?;
    let what = format!("{}({})", f.name, name.get_ref());
    let p = param_named(spec, f, name)?;
    p.ty = retyped(&p.ty, target.get_ref()).ok_or_else(|| not_void(spec, &what, name.span(), &p.ty, "points_to"))?;
    Ok(())
}

/// Retypes the result: it must be `void*`, the struct must be bound.
fn result(spec: &LoadedSpec, module: &Module, f: &mut Function, target: &toml::Spanned<String>) -> Result<(), Diagnostic> {
    bound(spec, module, target)?;
    let what = format!("{}'s result", f.name);
    f.ret = retyped(&f.ret, target.get_ref()).ok_or_else(|| not_void(spec, &what, target.span(), &f.ret, "result_points_to"))?;
    Ok(())
}

/// An error unless `target` names a bound struct.
fn bound(spec: &LoadedSpec, module: &Module, target: &toml::Spanned<String>) -> Result<(), Diagnostic> {
    match module.records.iter().any(|r| &r.name == target.get_ref()) {
        true => Ok(()),
        false => Err(unknown(spec, target, "bound struct to point to", module.records.iter().map(|r| r.name.as_str()))),
    }
}

/// `ty` as a pointer to `record` when `ty` is `void*` (constness kept).
fn retyped(ty: &TypeRef, record: &str) -> Option<TypeRef> {
    match ty {
        TypeRef::Pointer { pointee, is_const } if **pointee == TypeRef::Void => {
            Some(TypeRef::Pointer { pointee: Box::new(TypeRef::Record { name: record.to_string() }), is_const: *is_const })
        }
        _ => None,
    }
}

/// `key` on a parameter or result that is not `void*`.
fn not_void(spec: &LoadedSpec, what: &str, span: std::ops::Range<usize>, ty: &TypeRef, key: &str) -> Diagnostic {
    spec.error(Kind::SpecInvalid, span, format!("{what}: `{key}` needs a `void*`, not `{}`", ty.spelling()))
        .hint("a typed pointer already converts as its struct; remove the key")
}
