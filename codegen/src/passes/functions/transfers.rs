//! Which `transfers` hand over ownership Python holds. When some function
//! returns the item's struct `owned` (Python can own such objects, and a
//! container that stores one frees it with itself), the stored item must
//! be an object Python owns: a view borrowed from another container, or
//! an object already handed over, would end up with two owners. Items of
//! structs only C pools make (DeepStream's metadata) keep the default.

use crate::ir::{Module, Ownership, ParamKind, ReturnKind, Transfer};

/// Marks every transfer of an ownable struct as `owned`.
pub fn decide(module: &mut Module) {
    let ownable = ownable_records(module);
    for p in module.functions.iter_mut().flat_map(|f| f.params.iter_mut()) {
        let ParamKind::View { record, .. } = &p.kind else { continue };
        if let Some(Transfer::Into { owned, .. }) = &mut p.transfer {
            *owned = ownable.contains(record);
        }
    }
}

/// Structs some function returns `owned`.
fn ownable_records(module: &Module) -> Vec<String> {
    module
        .functions
        .iter()
        .filter_map(|f| match &f.ret_kind {
            ReturnKind::View { record, ownership: Ownership::Owned { .. } } => Some(record.clone()),
            _ => None,
        })
        .collect()
}
