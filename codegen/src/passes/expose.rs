//! Which header items become Python API: prefix/allow/deny rules of
//! `[expose]`, plus every item the spec configures explicitly. Items left
//! out are recorded in `Module::skipped` with the rule that removed them.

use crate::diagnostic::Diagnostic;
use crate::ir::{ItemKind, Module, SkipReason, Skipped, SourceLoc};
use crate::spec::{ExposeSpec, LoadedSpec};

/// Filters the module's items in place.
pub fn run(spec: &LoadedSpec, module: &mut Module) -> Vec<Diagnostic> {
    let rules = &spec.spec.expose;
    let mut skipped = vec![];
    let mut keep = |name: &str, item: ItemKind, loc: &SourceLoc, verdict: Option<(SkipReason, String)>| match verdict {
        Some((reason, detail)) => {
            skipped.push(Skipped::new(name, item, reason, detail, loc.clone()));
            false
        }
        None => true,
    };
    let configured = |name: &str| {
        let named = |k: &toml::Spanned<String>| k.get_ref() == name;
        spec.spec.structs.keys().any(named) || spec.spec.enums.keys().any(named) || spec.spec.functions.keys().any(named)
    };
    let rule = |name: &str| rule(rules, name, configured(name));
    module.records.retain(|r| {
        let item = if r.is_union { ItemKind::Union } else { ItemKind::Struct };
        let verdict = rule(&r.name).or_else(|| (r.size == 0).then(|| (SkipReason::Opaque, "size 0: nothing to view".to_string())));
        keep(&r.name, item, &r.loc, verdict)
    });
    module.enums.retain(|e| {
        let verdict = rule(&e.name).filter(|_| e.values.iter().all(|v| rule(&v.name).is_some()));
        keep(&e.name, ItemKind::Enum, &e.loc, verdict)
    });
    module.functions.retain(|f| keep(&f.name, ItemKind::Function, &f.loc, rule(&f.name)));
    module.constants.retain(|c| keep(&c.name, ItemKind::Macro, &c.loc, rule(&c.name)));
    module.skipped.extend(skipped);
    vec![]
}

/// Why the `[expose]` rules leave `name` out, if they do (`configured`: the
/// spec has a table for it, which selects it like `allow`).
fn rule(rules: &ExposeSpec, name: &str, configured: bool) -> Option<(SkipReason, String)> {
    if rules.deny.iter().any(|d| d == name) {
        return Some((SkipReason::ExposeRules, "listed in [expose].deny".into()));
    }
    if super::is_glist(name) {
        return Some((SkipReason::Runtime, "GLib's list node is the runtime's `GList` class".into()));
    }
    let chosen = configured
        || rules.prefixes.is_empty()
        || rules.prefixes.iter().any(|p| name.starts_with(p.as_str()))
        || rules.allow.iter().any(|a| a == name);
    (!chosen).then(|| {
        (SkipReason::ExposeRules, format!("matches none of [expose].prefixes ({}) and is not in [expose].allow", rules.prefixes.join(", ")))
    })
}
