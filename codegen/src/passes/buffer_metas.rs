//! `[struct.NAME] buffer_meta_api`: a struct that is a GstMeta gets
//! `NAME.get(buffer)` and `NAME.iterate(buffer)`, found on a GstBuffer by
//! the API type its `*_api_get_type` function returns
//! (`rt::gobject::buffer`). Checks that the function is declared by the
//! headers as `GType f(void)` and that the struct starts with a `GstMeta`.

use super::records::unknown;
use crate::diagnostic::{Diagnostic, Kind};
use crate::ir::{Function, ItemKind, Module, Record, TypeRef};
use crate::spec::LoadedSpec;

/// Runs the pass.
pub fn run(spec: &LoadedSpec, module: &mut Module) -> Vec<Diagnostic> {
    let mut errors = vec![];
    for (name, s) in &spec.spec.structs {
        let Some(api) = &s.buffer_meta_api else { continue };
        let Some(record) = module.record(name.get_ref()) else { continue };
        match check(spec, module, record, api) {
            Ok(()) => {
                let record = module.records.iter_mut().find(|r| &r.name == name.get_ref()).expect("found above");
                record.buffer_meta_api = Some(api.get_ref().clone());
            }
            Err(e) => errors.push(e),
        }
    }
    errors
}

fn check(spec: &LoadedSpec, module: &Module, record: &Record, api: &toml::Spanned<String>) -> Result<(), Diagnostic> {
    let invalid = |what: String, hint: &str| spec.error(Kind::SpecInvalid, api.span(), what).hint(hint);
    if !starts_with_meta(record) {
        return Err(invalid(
            format!("{} does not start with a `GstMeta` field", record.name),
            "`buffer_meta_api` applies to GstMeta structs (`GstMeta meta;` first)",
        ));
    }
    let declared = module.functions.iter().find(|f| &f.name == api.get_ref());
    let skipped = module.skipped.iter().any(|s| s.item == ItemKind::Function && &s.name == api.get_ref());
    match declared {
        Some(f) if !is_get_type(f) => {
            Err(invalid(format!("`{}` is not a `GType f(void)` function", f.name), "name the meta's `*_api_get_type` function"))
        }
        Some(_) => Ok(()),
        None if skipped => Ok(()),
        None => Err(unknown(spec, api, "function", module.functions.iter().map(|f| f.name.as_str()))),
    }
}

/// `GType f(void)`: no parameters and an unsigned pointer-sized result.
fn is_get_type(f: &Function) -> bool {
    f.params.is_empty() && matches!(&f.ret, TypeRef::Prim { .. })
}

fn starts_with_meta(record: &Record) -> bool {
    record.fields.first().is_some_and(|f| matches!(&f.ty, TypeRef::Record { name } if name.trim_start_matches('_') == "GstMeta"))
}
