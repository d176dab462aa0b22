//! Which header items become Python API: prefix/allow/deny rules of
//! `[expose]`, plus every item the spec configures explicitly.

use crate::diagnostic::Diagnostic;
use crate::ir::Module;
use crate::spec::LoadedSpec;

/// Filters the module's items in place.
pub fn run(spec: &LoadedSpec, module: &mut Module) -> Vec<Diagnostic> {
    let rules = &spec.spec.expose;
    let keep = |name: &str| {
        if rules.deny.iter().any(|d| d == name) || super::is_glist(name) {
            return false;
        }
        rules.prefixes.is_empty() || rules.prefixes.iter().any(|p| name.starts_with(p.as_str())) || rules.allow.iter().any(|a| a == name)
    };
    module.records.retain(|r| keep(&r.name) && r.size > 0);
    module.enums.retain(|e| keep(&e.name) || e.values.iter().any(|v| keep(&v.name)));
    module.functions.retain(|f| keep(&f.name));
    module.constants.retain(|c| keep(&c.name));
    vec![]
}
