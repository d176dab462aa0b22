//! Sized `void*` fields (`[struct.NAME.fields.FIELD] span`): the memory a
//! raw pointer field points to holds `count` elements whose size an enum
//! field selects (`NvDsInferLayerInfo.buffer`: `inferDims.numElements`
//! values of `dataType`). Checks the paths and the enum members and records
//! the span on the field; reading the field from a tracked view then
//! registers that span for the `[runtime] raw_memory` helpers.

use toml::Spanned;

use super::records::unknown;
use crate::diagnostic::{Diagnostic, Kind};
use crate::ir::{FieldKind, Module, PointerSpan, Record, ScalarKind, TypeRef};
use crate::spec::{LoadedSpec, PointerSpanSpec};

/// Runs the pass.
pub fn run(spec: &LoadedSpec, module: &mut Module) -> Vec<Diagnostic> {
    let mut errors = vec![];
    let snapshot = module.clone();
    for (name, s) in &spec.spec.structs {
        let Some(record) = module.records.iter_mut().find(|r| &r.name == name.get_ref()) else { continue };
        for (field, f) in &s.fields {
            let Some(span) = &f.span else { continue };
            match decide(spec, &snapshot, record, field.get_ref(), span) {
                Ok(found) => {
                    if let Some(target) = record.fields.iter_mut().find(|x| &x.name == field.get_ref()) {
                        target.span = Some(found);
                    }
                }
                Err(e) => errors.push(e),
            }
        }
    }
    errors
}

fn decide(
    spec: &LoadedSpec,
    module: &Module,
    record: &Record,
    field: &str,
    span: &Spanned<PointerSpanSpec>,
) -> Result<PointerSpan, Diagnostic> {
    let not_void = |ty: String| format!("{}.{field} is `{ty}`, not a raw pointer field (read as a capsule)", record.name);
    let Some(target) = record.field(field) else { return Err(misuse(spec, span, not_void("?".into()))) };
    if !matches!(target.kind, FieldKind::VoidPtr) {
        return Err(misuse(spec, span, not_void(target.ty.spelling()))
            .hint("`span` sizes the memory behind a `void*` (or other capsule) pointer field"));
    }
    if !spec.spec.runtime.raw_memory {
        return Err(misuse(spec, span, "`span` records memory for the raw-memory helpers, which are off".to_string())
            .hint("set `[runtime] raw_memory = true`"));
    }
    let s = span.get_ref();
    let (count, count_ty) = path_of(spec, module, record, &s.count)?;
    if !matches!(super::field_kind::scalar(count_ty), Some(ScalarKind::Int { .. })) {
        let msg = format!("`{}` is `{}`, not an integer field", s.count.get_ref(), count_ty.spelling());
        return Err(spec.error(Kind::SpecInvalid, s.count.span(), msg).hint("`count` is a dotted path to the element count"));
    }
    let (size_by, selector_ty) = path_of(spec, module, record, &s.size_by)?;
    let TypeRef::Enum { name, .. } = selector_ty else {
        let msg = format!("`{}` is `{}`, not an enum field", s.size_by.get_ref(), selector_ty.spelling());
        return Err(spec
            .error(Kind::SpecInvalid, s.size_by.span(), msg)
            .hint("`size_by` names the enum field whose value selects the element size"));
    };
    let members = module.enums.iter().find(|e| &e.name == name).map(|e| e.values.clone()).unwrap_or_default();
    let mut sizes = vec![];
    for (member, size) in &s.sizes {
        let found = members.iter().find(|v| &v.name == member.get_ref());
        let value = found.ok_or_else(|| unknown(spec, member, &format!("member of {name}"), members.iter().map(|v| v.name.as_str())))?;
        sizes.push((value.value, size.get()));
    }
    Ok(PointerSpan { count, size_by, sizes })
}

/// The access path (C names, anonymous members included) and C type of a dotted field path.
fn path_of<'m>(
    spec: &LoadedSpec,
    module: &'m Module,
    record: &'m Record,
    path: &Spanned<String>,
) -> Result<(Vec<String>, &'m TypeRef), Diagnostic> {
    let mut current = record;
    let mut access = vec![];
    let parts: Vec<&str> = path.get_ref().split('.').collect();
    for (i, part) in parts.iter().enumerate() {
        let names = || current.fields.iter().map(|f| f.name.as_str());
        let Some(field) = current.field(part) else {
            let step = Spanned::new(path.span(), (*part).to_string());
            return Err(unknown(spec, &step, &format!("field of {}", current.name), names()));
        };
        access.extend(field.via.iter().cloned());
        access.push(field.name.clone());
        if i + 1 == parts.len() {
            return Ok((access, &field.ty));
        }
        let next = match &field.ty {
            TypeRef::Record { name } => module.record(name),
            _ => None,
        };
        current = next.ok_or_else(|| {
            spec.error(Kind::SpecInvalid, path.span(), format!("`{part}` in `{}` is not a nested struct", path.get_ref()))
        })?;
    }
    Err(spec.error(Kind::SpecInvalid, path.span(), "an empty field path".to_string()))
}

fn misuse(spec: &LoadedSpec, span: &Spanned<PointerSpanSpec>, msg: String) -> Diagnostic {
    spec.error(Kind::SpecInvalid, span.span(), msg)
}
