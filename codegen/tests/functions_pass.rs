//! Function decisions (`passes::functions`) on the `params` golden case and
//! on a spec that leaves a result's lifetime open: provenance by default,
//! free functions consumed by default, typed handles, out-parameters,
//! buffers, callables and the unknown-lifetime warning.

use std::path::Path;

use bindery_codegen::ir::{Capacity, Function, Module, OutputMode, Ownership, ParamKind, ReturnKind, Transfer};
use bindery_codegen::pipeline::build_ir;

fn module(spec: &str) -> Module {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(spec);
    match build_ir(&path, None) {
        Ok((_, m)) => m,
        Err(d) => panic!("{spec} does not build:\n{}", d.iter().map(|d| d.render()).collect::<String>()),
    }
}

fn params_case() -> Module {
    module("../tests/cases/params/spec.toml")
}

fn function<'a>(m: &'a Module, name: &str) -> &'a Function {
    m.functions.iter().find(|f| f.name == name).unwrap_or_else(|| panic!("{name} is bound"))
}

fn kind<'a>(f: &'a Function, param: &str) -> &'a ParamKind {
    &f.params.iter().find(|p| p.name == param).unwrap_or_else(|| panic!("{}({param})", f.name)).kind
}

#[test]
fn results_borrow_from_their_first_struct_or_list_argument() {
    let m = params_case();
    let ownership = |name: &str| match &function(&m, name).ret_kind {
        ReturnKind::View { ownership, .. } => ownership.clone(),
        other => panic!("{name} returns {other:?}"),
    };
    assert_eq!(ownership("pk_first_point"), Ownership::BorrowedFrom { param: "points".into() });
    assert_eq!(ownership("pk_shape_point"), Ownership::BorrowedFrom { param: "shape".into() });
    assert_eq!(ownership("pk_origin"), Ownership::External, "the spec said external");
    assert!(m.warnings.is_empty(), "every view result has a known lifetime");
}

#[test]
fn free_functions_consume_their_struct_unless_the_spec_says_otherwise() {
    let m = params_case();
    let transfer = |f: &str, p: &str| function(&m, f).params.iter().find(|x| x.name == p).and_then(|x| x.transfer.clone());
    assert_eq!(transfer("pk_shape_free", "shape"), Some(Transfer::Consumed));
    assert_eq!(transfer("pk_context_unref", "ctx"), Some(Transfer::Consumed), "handles too");
    assert_eq!(transfer("pk_point_unref", "point"), None, "consumes = []");
    let release = function(&m, "pk_point_release");
    assert!(release.params[0].python_made);
}

#[test]
fn pointers_to_unbound_structs_are_typed_handles() {
    let m = params_case();
    assert_eq!(m.handles.len(), 1);
    assert_eq!(m.handles[0].python_name, "PkContext");
    assert!(matches!(function(&m, "pk_context_open").ret_kind, ReturnKind::Handle { .. }));
}

#[test]
fn nullability_and_int_addresses_come_from_header_or_spec() {
    let m = params_case();
    assert!(matches!(kind(function(&m, "pk_shape_point"), "shape"), ParamKind::View { nullable: true, .. }), "_Nullable");
    assert!(matches!(kind(function(&m, "pk_store"), "anything"), ParamKind::Address { nullable: true, ints: true }));
    assert!(matches!(kind(function(&m, "pk_tag"), "user_data"), ParamKind::Address { nullable: false, ints: false }));
}

#[test]
fn buffers_outs_and_callables() {
    let m = params_case();
    let encode = function(&m, "pk_encode");
    assert!(matches!(kind(encode, "in"), ParamKind::InBuffer { length } if length == "in_len"));
    assert!(matches!(kind(encode, "in_len"), ParamKind::Length { in_out: false, capacity_arg: false, .. }));
    assert!(matches!(kind(encode, "out"), ParamKind::OutBuffer { mode: OutputMode::Bytes, capacity: Capacity::Call { .. }, .. }));
    assert!(matches!(kind(encode, "out_len"), ParamKind::Length { in_out: true, .. }));
    assert!(matches!(kind(function(&m, "pk_divmod"), "rem"), ParamKind::Out { .. }));
    let visit = function(&m, "pk_visit");
    assert!(matches!(kind(visit, "visit"), ParamKind::Callable { user_data_arg: 2, .. }));
    assert!(!kind(visit, "user_data").is_visible());
    assert_eq!(function(&m, "pk_shape_extend").disjoint[0].b_lists, ["points"]);
}

#[test]
fn a_result_without_provenance_is_a_warning() {
    let m = module("tests/warn_specs/unknown_result_lifetime/spec.toml");
    assert_eq!(m.warnings.len(), 1);
    assert!(m.warnings[0].is_warning());
    assert!(m.warnings[0].message.contains("bs_frame_new"));
    assert!(m.functions.iter().any(|f| f.name == "bs_frame_new"), "the function is still bound");
}
