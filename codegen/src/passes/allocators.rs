//! `[allocator.NAME]`: module functions allocating a struct for C to free.
//! Resolves the struct, the owner's fields (the payload pointer and the copy
//! and release function pointers, through embedded structs), the `address`
//! strings the block owns besides its owned strings, and the extension
//! pointer with the integer field choosing its type. Decides nothing else:
//! owned strings come from [`super::owned_strings`], name clashes are
//! [`super::names`]'s.

use toml::Spanned;

use crate::diagnostic::{Diagnostic, Kind};
use crate::ir::{
    AllocatorExtension, AllocatorOwner, CAllocator, Field, FieldKind, IntField, Module, OwnedString, PathStep, Prim, Record, ScalarKind,
    TypeRef,
};
use crate::spec::{AllocatorSpec, ExtensionSpec, LoadedSpec, OwnerSpec};

/// Runs the pass.
pub fn run(spec: &LoadedSpec, module: &mut Module) -> Vec<Diagnostic> {
    let mut errors = vec![];
    for (name, a) in &spec.spec.allocators {
        match allocator(spec, module, name, a) {
            Ok(found) => module.allocators.push(found),
            Err(e) => errors.push(e),
        }
    }
    errors
}

fn allocator(spec: &LoadedSpec, module: &Module, name: &Spanned<String>, a: &AllocatorSpec) -> Result<CAllocator, Diagnostic> {
    let record = bound_record(spec, module, &a.record)?;
    Ok(CAllocator {
        name: name.get_ref().clone(),
        record: record.name.clone(),
        owner: a.owner.as_ref().map(|o| owner(spec, module, o)).transpose()?,
        buffers: buffers(spec, record),
        extension: a.extension.as_ref().map(|e| extension(spec, module, record, e)).transpose()?,
    })
}

fn bound_record<'m>(spec: &LoadedSpec, module: &'m Module, name: &Spanned<String>) -> Result<&'m Record, Diagnostic> {
    module.record(name.get_ref()).ok_or_else(|| {
        spec.error(Kind::SpecUnknownItem, name.span(), format!("`{}` is not a bound struct", name.get_ref()))
            .hint("name a struct the module binds (its C name)")
    })
}

fn owner(spec: &LoadedSpec, module: &Module, o: &OwnerSpec) -> Result<AllocatorOwner, Diagnostic> {
    let record = bound_record(spec, module, &o.record)?;
    let (data, field) = resolve(spec, module, record, &o.data)?;
    if !matches!(field.kind, FieldKind::VoidPtr | FieldKind::PtrView { .. }) {
        return Err(not_a(spec, &o.data, record, "pointer field (the payload)"));
    }
    let function = |path: &Spanned<String>| match resolve(spec, module, record, path)? {
        (access, f) if matches!(f.ty, TypeRef::FnPtr { .. }) => Ok(access),
        _ => Err(not_a(spec, path, record, "function-pointer field")),
    };
    Ok(AllocatorOwner {
        param: o.param.get_ref().clone(),
        record: record.name.clone(),
        data,
        copy: function(&o.copy)?,
        release: function(&o.release)?,
    })
}

/// The struct's `char*` fields with the `address` policy: raw buffers the block owns.
fn buffers(spec: &LoadedSpec, record: &Record) -> Vec<OwnedString> {
    let is_char_ptr =
        |f: &Field| matches!(&f.ty, TypeRef::Pointer { pointee, .. } if matches!(**pointee, TypeRef::Prim { prim: Prim::Char, .. }));
    let buffers = record.fields.iter().filter(|f| is_char_ptr(f) && f.kind == FieldKind::VoidPtr);
    let allocator = spec.spec.c.allocator.get_ref().clone();
    let step = |f: &Field| PathStep { record: record.name.clone(), field: f.name.clone(), via: f.via.clone(), element: None };
    buffers.map(|f| OwnedString { path: vec![step(f)], allocator: allocator.clone() }).collect()
}

fn extension(spec: &LoadedSpec, module: &Module, record: &Record, e: &ExtensionSpec) -> Result<AllocatorExtension, Diagnostic> {
    let (pointer, field) = resolve(spec, module, record, &e.pointer)?;
    if field.kind != FieldKind::VoidPtr {
        return Err(not_a(spec, &e.pointer, record, "`void*` field"));
    }
    let (kind, enum_name) = int_field(spec, module, record, &e.kind)?;
    let size = e.size.as_ref().map(|s| int_field(spec, module, record, s).map(|(f, _)| f)).transpose()?;
    let mut types = vec![];
    for (value, target) in &e.types {
        let value = kind_value(spec, module, enum_name.as_deref(), value)?;
        types.push((value, bound_record(spec, module, target)?.name.clone()));
    }
    Ok(AllocatorExtension { pointer, kind, size, types })
}

/// An integer or enum field, with the enum's name.
fn int_field(
    spec: &LoadedSpec,
    module: &Module,
    record: &Record,
    path: &Spanned<String>,
) -> Result<(IntField, Option<String>), Diagnostic> {
    let (access, field) = resolve(spec, module, record, path)?;
    match &field.kind {
        FieldKind::Scalar { scalar: ScalarKind::Int { bits, signed } } => Ok((IntField { access, bits: *bits, signed: *signed }, None)),
        FieldKind::Enum { name, bits, signed } => Ok((IntField { access, bits: *bits, signed: *signed }, Some(name.clone()))),
        _ => Err(not_a(spec, path, record, "integer or enum field")),
    }
}

/// An enumerator of the kind field's enum, or an integer.
fn kind_value(spec: &LoadedSpec, module: &Module, enum_name: Option<&str>, value: &Spanned<String>) -> Result<i64, Diagnostic> {
    if let Ok(v) = value.get_ref().parse::<i64>() {
        return Ok(v);
    }
    let values = enum_name.and_then(|n| module.enum_def(n)).map(|e| e.values.as_slice()).unwrap_or_default();
    values.iter().find(|v| &v.name == value.get_ref()).map(|v| v.value).ok_or_else(|| {
        let names: Vec<&str> = values.iter().map(|v| v.name.as_str()).collect();
        spec.error(Kind::SpecUnknownItem, value.span(), format!("`{}` is not a value of the kind field", value.get_ref()))
            .hint(format!("use an integer or one of: {}", names.join(", ")))
    })
}

/// The Rust access path and field of a dotted path through embedded structs.
fn resolve<'m>(
    spec: &LoadedSpec,
    module: &'m Module,
    record: &'m Record,
    path: &Spanned<String>,
) -> Result<(String, &'m Field), Diagnostic> {
    let mut at = record;
    let mut access = vec![];
    let parts: Vec<&str> = path.get_ref().split('.').collect();
    for (i, part) in parts.iter().enumerate() {
        let field = at.field(part).ok_or_else(|| not_a(spec, path, record, "field path"))?;
        access.extend(field.via.iter().cloned());
        access.push(field.name.clone());
        if i + 1 == parts.len() {
            return Ok((access.join("."), field));
        }
        at = match &field.kind {
            FieldKind::Nested { record } => module.record(record).ok_or_else(|| not_a(spec, path, at, "field path"))?,
            _ => return Err(not_a(spec, path, record, "field path through embedded structs")),
        };
    }
    Err(not_a(spec, path, record, "field path"))
}

fn not_a(spec: &LoadedSpec, path: &Spanned<String>, record: &Record, what: &str) -> Diagnostic {
    let fields: Vec<&str> = record.fields.iter().map(|f| f.name.as_str()).collect();
    spec.error(Kind::SpecInvalid, path.span(), format!("`{}` is not a {what} of {}", path.get_ref(), record.name)).hint(format!(
        "fields of {}: {}",
        record.name,
        fields.join(", ")
    ))
}
