//! Applies `[struct.*]` overrides to records and decides every field's kind.
//! Reports spec entries that name structs or fields the headers lack.

use toml::Spanned;

use super::field_kind;
use crate::diagnostic::{Diagnostic, Kind};
use crate::ir::{FieldKind, ItemKind, Module, TypeRef};
use crate::spec::{LoadedSpec, StructSpec};

/// Runs the pass.
pub fn run(spec: &LoadedSpec, module: &mut Module) -> Vec<Diagnostic> {
    let mut errors = vec![];
    for (name, s) in &spec.spec.structs {
        match module.record(name.get_ref()) {
            Some(_) => errors.extend(check_fields(spec, module, name.get_ref(), s)),
            None => errors.push(
                super::skipped::named_in_spec(spec, module, name, ItemKind::Struct)
                    .unwrap_or_else(|| unknown(spec, name, "struct", module.records.iter().map(|r| r.name.as_str()))),
            ),
        }
    }
    let allocator = spec.spec.c.allocator.get_ref().clone();
    let snapshot = module.clone();
    for record in &mut module.records {
        let s = spec.spec.structs.iter().find(|(k, _)| k.get_ref() == &record.name).map(|(_, v)| v);
        if let Some(s) = s {
            record.python_name = s.python_name.clone().unwrap_or(record.python_name.clone());
            record.python_aliases = s.python_aliases.iter().map(|a| a.get_ref().clone()).collect();
            record.constructible = s.constructible.unwrap_or(true);
        }
        for field in &mut record.fields {
            let policy = s.and_then(|s| s.fields.iter().find(|(k, _)| k.get_ref() == &field.name).map(|(_, v)| v));
            if let Some(p) = policy.and_then(|p| p.python_name.clone()) {
                field.python_name = p;
            }
            field.python_name = python_safe(&field.python_name);
            field.python_aliases = policy.map(|p| p.python_aliases.iter().map(|a| a.get_ref().clone()).collect()).unwrap_or_default();
            field.readonly = s.is_some_and(|s| s.readonly.iter().any(|r| r.get_ref() == &field.name));
            if matches!(field.kind, FieldKind::Undecided) {
                let defaults = field_kind::Defaults {
                    allocator: &allocator,
                    strings: s.and_then(|s| s.strings.as_ref()).map(|p| p.get_ref().as_str()),
                };
                field.kind = field_kind::decide_in_struct(&snapshot, &field.ty, policy, &defaults);
            }
            owned_pointer(field, policy);
            field.readonly |= !field.kind.assignable();
            if let FieldKind::Callback { arg, arg_record, .. } = &mut field.kind
                && arg_record.is_empty()
            {
                *arg_record = callback_record(&field.ty, *arg).unwrap_or_default();
            }
        }
    }
    super::std_fields::restrict_cxx_records(module);
    errors
}

/// `pointer = "owned"`: the struct owns the target. A struct-pointer view
/// refuses every value in its setter; any other pointer gets no setter.
fn owned_pointer(field: &mut crate::ir::Field, policy: Option<&crate::spec::FieldSpec>) {
    field.owns_target = policy.and_then(|p| p.pointer.as_ref()).is_some_and(|p| p.get_ref() == "owned");
    if field.owns_target && matches!(field.kind, FieldKind::VoidPtr) {
        field.readonly = true;
    }
}

/// Pointer fields other than `char*` strings and `GList*` lists.
fn takes_pointer_policy(ty: &TypeRef) -> bool {
    match ty {
        TypeRef::Pointer { pointee, .. } => match &**pointee {
            TypeRef::Prim { prim: crate::ir::Prim::Char, .. } => false,
            TypeRef::Record { name } => !super::is_glist(name),
            _ => true,
        },
        _ => false,
    }
}

fn check_fields(spec: &LoadedSpec, module: &Module, record: &str, s: &StructSpec) -> Vec<Diagnostic> {
    let r = module.record(record).expect("checked by caller");
    let names = || r.fields.iter().map(|f| f.name.as_str());
    let mut errors = vec![];
    for (fname, policy) in &s.fields {
        let Some(field) = r.field(fname.get_ref()) else {
            errors.push(unknown(spec, fname, &format!("field of {record}"), names()));
            continue;
        };
        let is_list = matches!(&field.ty, TypeRef::Pointer { pointee, .. } if matches!(&**pointee, TypeRef::Record { name } if super::is_glist(name)));
        match (&policy.list, is_list) {
            (Some(elem), true) if module.record(elem.get_ref()).is_none() => {
                errors.push(unknown(spec, elem, "list element struct", module.records.iter().map(|r| r.name.as_str())));
            }
            (Some(elem), false) => errors.push(
                spec.error(
                    Kind::SpecInvalid,
                    elem.span(),
                    format!("{record}.{} is not a GList*, so it cannot have a `list` element type", field.name),
                )
                .hint("remove `list`, or point it at a GList* field"),
            ),
            (None, true) if policy.callback.is_none() && policy.string.is_none() && !policy.skip && policy.python_name.is_none() => errors
                .push(
                    spec.error(Kind::SpecInvalid, fname.span(), format!("list field {record}.{} has no element type", field.name))
                        .hint("add `list = \"ElementStruct\"` so typed iteration knows what the list holds"),
                ),
            _ => {}
        }
        if let Some(p) = policy.pointer.as_ref().filter(|_| !takes_pointer_policy(&field.ty)) {
            errors.push(
                spec.error(
                    Kind::SpecInvalid,
                    p.span(),
                    format!("{record}.{} is not a pointer the struct can own, so it cannot have a `pointer` policy", field.name),
                )
                .hint("`pointer = \"owned\"` applies to pointer fields other than strings (`string`) and lists (`list`)"),
            );
        }
        if let Some(cb) = &policy.callback {
            if let Some(a) = cb.as_struct.as_ref().filter(|a| module.record(a.get_ref()).is_none()) {
                errors.push(unknown(spec, a, "callback argument struct", module.records.iter().map(|r| r.name.as_str())));
            }
            if let Some(a) = cb.args.as_ref().filter(|a| !["all", "struct"].contains(&a.get_ref().as_str())) {
                errors.push(
                    spec.error(Kind::SpecInvalid, a.span(), format!("unknown callback `args` value `{}`", a.get_ref()))
                        .hint("use `struct` (the struct view only) or `all` (every C argument)"),
                );
            }
            if !matches!(field.ty, TypeRef::FnPtr { .. }) {
                errors.push(
                    spec.error(Kind::SpecInvalid, cb.key.span(), format!("{record}.{} is not a function pointer", field.name))
                        .hint("`callback` applies to function-pointer fields only"),
                );
            }
        }
    }
    for ro in &s.readonly {
        if r.field(ro.get_ref()).is_none() {
            errors.push(unknown(spec, ro, &format!("field of {record}"), names()));
        }
    }
    errors
}

fn callback_record(ty: &TypeRef, arg: usize) -> Option<String> {
    let TypeRef::FnPtr { params, .. } = ty else { return None };
    match params.get(arg)?.pointee()? {
        TypeRef::Record { name } => Some(name.clone()),
        _ => None,
    }
}

/// Python attribute names may not be keywords; pyds appends an underscore.
fn python_safe(name: &str) -> String {
    const KEYWORDS: &[&str] = &[
        "class", "def", "from", "global", "import", "in", "is", "lambda", "not", "or", "and", "pass", "return", "yield", "None", "True",
        "False", "async", "await", "del", "with", "as", "assert", "break", "continue", "elif", "else", "except", "finally", "for", "if",
        "nonlocal", "raise", "try", "while",
    ];
    if KEYWORDS.contains(&name) { format!("{name}_") } else { name.to_string() }
}

/// "no X named `name`" with the closest candidate as a hint.
pub fn unknown<'a>(spec: &LoadedSpec, name: &Spanned<String>, what: &str, candidates: impl Iterator<Item = &'a str>) -> Diagnostic {
    let wanted = name.get_ref();
    let best = candidates.min_by_key(|c| similar::TextDiff::from_chars(wanted.as_str(), *c).ratio().mul_add(-1000.0, 1000.0) as i64);
    let hint = match best {
        Some(b) => format!("did you mean `{b}`?"),
        None => "the headers declare nothing of that kind".to_string(),
    };
    let error = spec.error(Kind::SpecUnknownItem, name.span(), format!("no {what} named `{wanted}` in the bound headers"));
    match spec.sdk.as_ref().filter(|sdk| !sdk.dropped_headers.is_empty()) {
        // The item may be declared by a header the SDK lacks: the bundled
        // build (and `codegen check`) still reports a real misspelling.
        Some(sdk) => {
            error.warning().hint(format!("ignored: the SDK lacks {} ([c.sdk].exclude_headers); {hint}", sdk.dropped_headers.join(", ")))
        }
        None => error.hint(hint),
    }
}
