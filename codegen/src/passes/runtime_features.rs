//! Checks of the runtime-feature keys against the headers
//! (`[gst.meta_payload.FUNCTION]`): every name is a bound item of the right
//! shape, reported at the spec line instead of as a rustc error in
//! `src/runtime_features.rs`.

use toml::Spanned;

use super::records::unknown;
use crate::diagnostic::{Diagnostic, Kind};
use crate::ir::{Function, Module, Record, SkipReason, TypeRef};
use crate::spec::{LoadedSpec, MetaPayloadSpec};

/// The `[gst.meta_payload]` table of `function`, when it has one.
pub fn meta_payload<'a>(spec: &'a LoadedSpec, function: &str) -> Option<&'a MetaPayloadSpec> {
    spec.spec.gst.meta_payload.iter().find(|(k, _)| k.get_ref() == function).map(|(_, v)| v)
}

/// Problems with the getter `f` of a `[gst.meta_payload]` table: it must
/// take one pointer (the GstBuffer) and return a pointer to `struct` (an
/// unknown `struct` is reported once, by [`run`]).
pub fn check_getter(spec: &LoadedSpec, module: &Module, f: &Function, m: &MetaPayloadSpec) -> Vec<Diagnostic> {
    if module.record(m.payload_struct.get_ref()).is_none() {
        return vec![];
    }
    let returns_struct = matches!(&f.ret, TypeRef::Pointer { pointee, .. } if matches!(&**pointee, TypeRef::Record { name } if name == m.payload_struct.get_ref()));
    let one_pointer = matches!(f.params.as_slice(), [p] if matches!(p.ty, TypeRef::Pointer { .. }));
    if returns_struct && one_pointer {
        return vec![];
    }
    let params: Vec<String> = f.params.iter().map(|p| p.ty.spelling()).collect();
    let shown = format!("{} {}({})", f.ret.spelling(), f.name, params.join(", "));
    let msg = format!("`{shown}` is not `{} *{}(GstBuffer *)`", m.payload_struct.get_ref(), f.name);
    vec![
        spec.error(Kind::SpecInvalid, m.payload_struct.span(), msg)
            .hint("name the C getter that takes the buffer and returns a pointer to the payload struct"),
    ]
}

/// Checks every `[gst.meta_payload]` table against the decided IR.
pub fn run(spec: &LoadedSpec, module: &Module) -> Vec<Diagnostic> {
    let mut errors = vec![];
    for (name, m) in &spec.spec.gst.meta_payload {
        // The functions pass left it out for this table (and checked its type) only when it is bound.
        if !module.skipped.iter().any(|s| &s.name == name.get_ref() && s.reason == SkipReason::Runtime) {
            errors.push(unknown(spec, name, "function", module.functions.iter().map(|f| f.name.as_str())));
        }
        if module.record(m.payload_struct.get_ref()).is_none() {
            errors.push(unknown(spec, &m.payload_struct, "struct", module.records.iter().map(|r| r.name.as_str())));
        }
        if !module.functions.iter().any(|f| &f.name == m.api.get_ref()) && !module.skipped.iter().any(|s| &s.name == m.api.get_ref()) {
            errors.push(unknown(spec, &m.api, "function", module.functions.iter().map(|f| f.name.as_str())));
        }
        match module.record(m.carrier.get_ref()) {
            Some(carrier) => errors.extend(carrier_fields(spec, carrier, m)),
            None => errors.push(unknown(spec, &m.carrier, "struct", module.records.iter().map(|r| r.name.as_str()))),
        }
    }
    errors
}

/// The carrier's payload field is a pointer and its release field a
/// function pointer taking two pointers.
fn carrier_fields(spec: &LoadedSpec, carrier: &Record, m: &MetaPayloadSpec) -> Vec<Diagnostic> {
    let mut errors = vec![];
    errors.extend(carrier_field(spec, carrier, &m.payload, is_pointer, "a pointer"));
    errors.extend(carrier_field(spec, carrier, &m.release, is_release, "a `void (*)(void *, void *)` function pointer"));
    errors
}

fn is_pointer(t: &TypeRef) -> bool {
    matches!(t, TypeRef::Pointer { .. })
}

fn is_release(t: &TypeRef) -> bool {
    matches!(t, TypeRef::FnPtr { ret, params, .. } if **ret == TypeRef::Void && params.len() == 2 && params.iter().all(is_pointer))
}

/// The carrier field `field` exists and has the shape `ok` accepts.
fn carrier_field(
    spec: &LoadedSpec,
    carrier: &Record,
    field: &Spanned<String>,
    ok: fn(&TypeRef) -> bool,
    shape: &str,
) -> Option<Diagnostic> {
    match carrier.field(field.get_ref()) {
        Some(f) if ok(&f.ty) => None,
        Some(f) => Some(
            spec.error(Kind::SpecInvalid, field.span(), format!("{}.{} is `{}`, not {shape}", carrier.name, f.name, f.ty.spelling()))
                .hint("name the carrier's payload pointer (`payload`) and release-function field (`release`)"),
        ),
        None => Some(unknown(spec, field, &format!("field of {}", carrier.name), carrier.fields.iter().map(|f| f.name.as_str()))),
    }
}
