//! Lowers each function's result to the one conversion the template prints
//! ([`ResultConversion`]): the return kind, its ownership and the kind of
//! the parameter a borrowed result lives in are decided here once, so the
//! function template only prints the runtime call of the variant
//! (`rt::call::external`, `owned`, `derived`, …) and fails loudly on any
//! other.

use crate::ir::{Function, Module, Ownership, ParamKind, ResultConversion, ReturnKind, ScalarKind};

/// Runs the pass.
pub fn run(module: &mut Module) {
    for f in &mut module.functions {
        f.result = lower(f);
    }
}

/// The result conversion of one function (after the `functions` pass).
pub fn lower(f: &Function) -> ResultConversion {
    match &f.ret_kind {
        ReturnKind::Undecided | ReturnKind::Unit | ReturnKind::Status { .. } => ResultConversion::Nothing,
        ReturnKind::Scalar { scalar: ScalarKind::Bool { .. } } => ResultConversion::Flag,
        ReturnKind::Scalar { scalar } => ResultConversion::Number { scalar: *scalar },
        ReturnKind::Str => ResultConversion::Str,
        ReturnKind::Address => ResultConversion::Capsule,
        ReturnKind::Enum { name } => ResultConversion::Enum { name: name.clone() },
        ReturnKind::Handle { name } => ResultConversion::External { class: name.clone() },
        ReturnKind::View { record, ownership } => view(f, record, ownership),
    }
}

/// A returned struct pointer, by who owns the memory.
fn view(f: &Function, record: &str, ownership: &Ownership) -> ResultConversion {
    let record = record.to_string();
    match ownership {
        Ownership::External => ResultConversion::External { class: record },
        Ownership::Owned { free } => ResultConversion::Owned { record, free: free.clone() },
        Ownership::BorrowedFrom { param } => {
            let from = f.params.iter().find(|p| &p.name == param).map(|p| &p.kind);
            if from.is_some_and(ParamKind::holds_metas) {
                return ResultConversion::BufferMeta { record, buffer: param.clone() };
            }
            let list = matches!(from, Some(ParamKind::List { .. }));
            let nullable =
                from.is_some_and(|k| matches!(k, ParamKind::View { nullable: true, .. } | ParamKind::List { nullable: true, .. }));
            ResultConversion::Derived { record, from: param.clone(), list, nullable }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ir::{Doc, Param, SourceLoc, TypeRef};

    fn param(name: &str, kind: ParamKind) -> Param {
        Param {
            name: name.into(),
            python_name: name.into(),
            ty: TypeRef::Void,
            kind,
            transfer: None,
            python_made: false,
            c_made: false,
            header_nullable: false,
        }
    }

    fn function(ret_kind: ReturnKind, params: Vec<Param>) -> Function {
        Function {
            name: "f".into(),
            python_name: "f".into(),
            shim: false,
            params,
            ret: TypeRef::Void,
            ret_kind,
            result: ResultConversion::Undecided,
            release_gil: false,
            list_edits: vec![],
            disjoint: vec![],
            doc: Doc::default(),
            loc: SourceLoc::default(),
        }
    }

    fn borrowed(from: &str) -> ReturnKind {
        ReturnKind::View { record: "Frame".into(), ownership: Ownership::BorrowedFrom { param: from.into() } }
    }

    #[test]
    fn void_and_status_results_give_nothing() {
        assert_eq!(lower(&function(ReturnKind::Unit, vec![])), ResultConversion::Nothing);
        let status = ReturnKind::Status { success: 0, messages: vec![] };
        assert_eq!(lower(&function(status, vec![])), ResultConversion::Nothing);
    }

    #[test]
    fn booleans_are_flags_and_other_scalars_numbers() {
        let flag = ReturnKind::Scalar { scalar: ScalarKind::Bool { bits: 32, signed: true } };
        assert_eq!(lower(&function(flag, vec![])), ResultConversion::Flag);
        let int = ScalarKind::Int { bits: 32, signed: false };
        assert_eq!(lower(&function(ReturnKind::Scalar { scalar: int }, vec![])), ResultConversion::Number { scalar: int });
    }

    #[test]
    fn ownership_picks_external_owned_or_derived() {
        let external = ReturnKind::View { record: "Batch".into(), ownership: Ownership::External };
        assert_eq!(lower(&function(external, vec![])), ResultConversion::External { class: "Batch".into() });
        let owned = ReturnKind::View { record: "Batch".into(), ownership: Ownership::Owned { free: "batch_free".into() } };
        assert_eq!(lower(&function(owned, vec![])), ResultConversion::Owned { record: "Batch".into(), free: "batch_free".into() });
        let handle = ReturnKind::Handle { name: "Ctx".into() };
        assert_eq!(lower(&function(handle, vec![])), ResultConversion::External { class: "Ctx".into() });
    }

    #[test]
    fn derived_results_know_the_kind_of_their_source() {
        let batch = param("batch", ParamKind::View { record: "Batch".into(), nullable: false });
        let want = ResultConversion::Derived { record: "Frame".into(), from: "batch".into(), list: false, nullable: false };
        assert_eq!(lower(&function(borrowed("batch"), vec![batch])), want);

        let list = param("list", ParamKind::List { element: None, nullable: true });
        let want = ResultConversion::Derived { record: "Frame".into(), from: "list".into(), list: true, nullable: true };
        assert_eq!(lower(&function(borrowed("list"), vec![list])), want);
    }

    #[test]
    fn results_found_on_a_gst_buffer_are_its_metas() {
        let buffer = param("buf", ParamKind::GObject { type_name: "GstBuffer".into(), nullable: false, ints: true, holds: None });
        let want = ResultConversion::BufferMeta { record: "Frame".into(), buffer: "buf".into() };
        assert_eq!(lower(&function(borrowed("buf"), vec![buffer])), want);
    }
}
