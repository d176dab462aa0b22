//! Further module-level names of generated callables (`[module] aliases`):
//! resolves each target to a path of Python attributes (`NvDsFrameMeta.cast`,
//! a bound function) and checks that field aliases
//! (`[struct.NAME.fields.FIELD] python_aliases`) name bound fields. Decides
//! nothing else; name clashes are left to [`super::names`].

use toml::Spanned;

use crate::diagnostic::{Diagnostic, Kind};
use crate::ir::{Alias, FieldKind, Module, Record};
use crate::spec::LoadedSpec;

/// Static methods every class has, and those of GstMeta classes.
const CLASS_STATICS: &[&str] = &["cast"];
const META_STATICS: &[&str] = &["get", "iterate"];

/// Runs the pass.
pub fn run(spec: &LoadedSpec, module: &mut Module) -> Vec<Diagnostic> {
    let mut errors = field_aliases(spec, module);
    for (name, target) in &spec.spec.module.aliases {
        match resolve(spec, module, target) {
            Ok(path) => module.aliases.push(Alias { name: name.get_ref().clone(), path }),
            Err(e) => errors.push(e),
        }
    }
    errors
}

/// The attribute path of `target`: `Class.static` or a function's Python name.
fn resolve(spec: &LoadedSpec, module: &Module, target: &Spanned<String>) -> Result<Vec<String>, Diagnostic> {
    match target.get_ref().split_once('.') {
        Some((class, member)) => {
            let record =
                module.records.iter().find(|r| r.python_name == class).ok_or_else(|| unknown_class(spec, module, target, class))?;
            match statics(record).contains(&member) {
                true => Ok(vec![class.to_string(), member.to_string()]),
                false => Err(unknown_static(spec, target, record, member)),
            }
        }
        None if module.functions.iter().any(|f| &f.python_name == target.get_ref()) => Ok(vec![target.get_ref().clone()]),
        None => Err(unknown_function(spec, module, target)),
    }
}

/// The static methods `record`'s class has.
fn statics(record: &Record) -> Vec<&'static str> {
    let meta = if record.buffer_meta_api.is_some() { META_STATICS } else { &[] };
    CLASS_STATICS.iter().chain(meta).copied().collect()
}

fn unknown_class(spec: &LoadedSpec, module: &Module, target: &Spanned<String>, class: &str) -> Diagnostic {
    let names: Vec<&str> = module.records.iter().map(|r| r.python_name.as_str()).collect();
    spec.error(Kind::SpecUnknownItem, target.span(), format!("alias target `{}`: no class named `{class}`", target.get_ref()))
        .hint(format!("{} (classes are named by their Python name)", closest(class, &names)))
}

fn unknown_static(spec: &LoadedSpec, target: &Spanned<String>, record: &Record, member: &str) -> Diagnostic {
    let msg = format!("alias target `{}`: `{member}` is not a static method of {}", target.get_ref(), record.python_name);
    spec.error(Kind::SpecInvalid, target.span(), msg).hint(format!(
        "module aliases name a class's static methods ({}) or a bound function; a field of an instance cannot be a module attribute",
        statics(record).join(", ")
    ))
}

fn unknown_function(spec: &LoadedSpec, module: &Module, target: &Spanned<String>) -> Diagnostic {
    let names: Vec<&str> = module.functions.iter().map(|f| f.python_name.as_str()).collect();
    let msg = format!("alias target `{}` is not a bound function", target.get_ref());
    spec.error(Kind::SpecUnknownItem, target.span(), msg).hint(format!(
        "{}. Write `Class.cast` for a class's static method, or use `[struct.NAME] python_aliases` for a class",
        closest(target.get_ref(), &names)
    ))
}

/// A field alias needs a field that is bound (not skipped).
fn field_aliases(spec: &LoadedSpec, module: &Module) -> Vec<Diagnostic> {
    let mut errors = vec![];
    for (struct_name, s) in &spec.spec.structs {
        let Some(record) = module.record(struct_name.get_ref()) else { continue };
        for (field_name, policy) in s.fields.iter().filter(|(_, p)| !p.python_aliases.is_empty()) {
            let Some(field) = record.field(field_name.get_ref()) else { continue };
            if let FieldKind::Skipped { reason } = &field.kind {
                let msg = format!("{}.{} has `python_aliases` but is not bound ({reason})", record.name, field.name);
                let at = policy.python_aliases[0].span();
                errors.push(spec.error(Kind::SpecInvalid, at, msg).hint("remove `python_aliases`, or bind the field"));
            }
        }
    }
    errors
}

fn closest(wanted: &str, names: &[&str]) -> String {
    let best = names.iter().min_by_key(|c| similar::TextDiff::from_chars(wanted, **c).ratio().mul_add(-1000.0, 1000.0) as i64);
    best.map_or_else(|| "the module has none".to_string(), |b| format!("did you mean `{b}`?"))
}
