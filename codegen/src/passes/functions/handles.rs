//! Typed handle classes: one small class per unbound struct that functions
//! take or return by pointer (an opaque context such as `NvDsObjEncCtx`),
//! so only a value C returned for that type is accepted where it is
//! expected, never an arbitrary capsule.

use std::collections::BTreeSet;

use crate::ir::{Handle, Module, ParamKind, ReturnKind};

/// The handle classes the bound functions need, named after the struct
/// (without leading underscores; `…Handle` when a class already has that name).
pub fn collect(module: &Module) -> Vec<Handle> {
    let mut names = BTreeSet::new();
    for f in &module.functions {
        if let ReturnKind::Handle { name } = &f.ret_kind {
            names.insert(name.clone());
        }
        for p in &f.params {
            if let ParamKind::Handle { name, .. } = &p.kind {
                names.insert(name.clone());
            }
        }
    }
    names.into_iter().map(|name| Handle { python_name: python_name(module, &name), name }).collect()
}

fn python_name(module: &Module, name: &str) -> String {
    let base = name.trim_start_matches('_');
    let taken = module.records.iter().any(|r| r.python_name == base) || module.enums.iter().any(|e| e.python_name == base);
    if taken || base.is_empty() { format!("{base}Handle") } else { base.to_string() }
}
