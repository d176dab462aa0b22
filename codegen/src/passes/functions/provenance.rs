//! Which liveness a returned view carries. Without `returns` in the spec, a
//! view result lives as long as the first struct or GList argument it can
//! derive from (`nvds_get_nth_frame_meta(batch.frame_meta_list, 0)` dies
//! with the batch). A view result with no such argument cannot be tracked:
//! the generator warns and treats it as external until the spec says
//! `returns = "external"`, `"owned"` or `"borrowed:PARAM"`.

use crate::diagnostic::{Diagnostic, Kind};
use crate::ir::{Function, Ownership, ReturnKind};
use crate::spec::{FunctionSpec, LoadedSpec};

/// Decides the ownership of a view result the spec left open.
pub fn decide(spec: &LoadedSpec, f: &mut Function, fs: &FunctionSpec) -> Option<Diagnostic> {
    let ReturnKind::View { ownership, .. } = &mut f.ret_kind else { return None };
    if fs.returns.is_some() {
        return None;
    }
    match f.params.iter().find(|p| p.kind.is_provenance()) {
        Some(p) => {
            *ownership = Ownership::BorrowedFrom { param: p.name.clone() };
            None
        }
        None => Some(unknown_lifetime(spec, f)),
    }
}

fn unknown_lifetime(spec: &LoadedSpec, f: &Function) -> Diagnostic {
    Diagnostic::new(
        Kind::SpecIncomplete,
        format!("`{}` returns a struct pointer of unknown lifetime (no struct or list argument to inherit it from)", f.name),
    )
    .at_line(&crate::paths::absolute(&spec.dir.join(&f.loc.file)), f.loc.line, 1)
    .hint(format!(
        "say who keeps it alive in [function.{}]: returns = \"external\" (C keeps it valid), \"owned\" with `free`, or \"borrowed:PARAM\"",
        f.name
    ))
    .warning()
}
