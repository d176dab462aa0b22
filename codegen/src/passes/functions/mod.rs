//! Decides how each function's parameters and result convert, and applies
//! `[function.*]`. Split by concern: [`renames`] (`params`, names a header
//! omits), [`retype`] (`points_to`: a `void*` parameter typed as a struct), [`kinds`] (the default conversion of
//! each C type), [`ownership`] (function-level keys: results, consumed,
//! pooled and transferred parameters, status codes, `disjoint`), [`params`]
//! (`[function.NAME.param.PARAM]`: nullability, int addresses, list element
//! types, out-parameters and buffers), [`provenance`] (which argument a
//! returned view lives as long as), [`transfers`] (which stored items
//! Python must own) and [`handles`] (typed classes for
//! pointers to unbound structs). Functions whose types cannot be converted
//! are dropped and recorded in `Module::skipped` with the type at fault.

mod handles;
mod kinds;
mod ownership;
mod params;
mod provenance;
mod renames;
mod retype;
mod transfers;

use super::records::unknown;
use super::skipped;
use crate::diagnostic::Diagnostic;
use crate::ir::{Function, ItemKind, Module, SkipReason};
use crate::spec::{FunctionSpec, LoadedSpec};

/// Runs the pass.
pub fn run(spec: &LoadedSpec, module: &mut Module) -> Vec<Diagnostic> {
    let mut errors = vec![];
    for (name, fs) in &spec.spec.functions {
        if !module.functions.iter().any(|f| &f.name == name.get_ref()) {
            // A table that only says `skip = true` agrees with a skip.
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
        if let Some(m) = super::runtime_features::meta_payload(spec, &f.name) {
            errors.extend(super::runtime_features::check_getter(spec, &snapshot, f, m));
            dropped.push(skipped::function(f, SkipReason::Runtime, "bound by [gst.meta_payload] (runtime_features.rs)".into()));
            return false;
        }
        let found = decide(spec, &snapshot, f, fs);
        let unconvertible = skipped::unconvertible(f);
        let keep = unconvertible.is_none();
        // A function that is dropped needs no warning about its result.
        errors.extend(found.into_iter().filter(|d| keep || !d.is_warning()));
        dropped.extend(unconvertible.map(|detail| skipped::function(f, SkipReason::UnsupportedType, detail)));
        keep
    });
    errors.extend(skipped::configured_but_dropped(spec, &dropped));
    module.skipped.extend(dropped);
    module.handles = handles::collect(module);
    transfers::decide(module);
    errors
}

/// Every decision for one function, in order: defaults from the C types,
/// then the spec, then the defaults that depend on both.
fn decide(spec: &LoadedSpec, module: &Module, f: &mut Function, fs: Option<&FunctionSpec>) -> Vec<Diagnostic> {
    let default = FunctionSpec::default();
    let fs = fs.unwrap_or(&default);
    let wrong_count = renames::apply(spec, f, fs);
    let mut found: Vec<Diagnostic> = wrong_count.into_iter().collect();
    found.extend(retype::apply(spec, module, f, fs));
    for p in &mut f.params {
        p.kind = kinds::param_kind(module, p);
    }
    f.ret_kind = kinds::return_kind(module, &f.ret);
    found.extend(ownership::apply(spec, module, f, fs));
    found.extend(params::apply(spec, module, f, fs));
    ownership::free_function_default(f, fs);
    found.extend(provenance::decide(spec, f, fs));
    found
}

/// The parameter called `name`, or an error naming the closest one.
fn param_named<'a>(spec: &LoadedSpec, f: &'a mut Function, name: &toml::Spanned<String>) -> Result<&'a mut crate::ir::Param, Diagnostic> {
    let names: Vec<String> = f.params.iter().map(|p| p.name.clone()).collect();
    let what = format!("parameter of {}", f.name);
    f.params.iter_mut().find(|p| &p.name == name.get_ref()).ok_or_else(|| unknown(spec, name, &what, names.iter().map(String::as_str)))
}
