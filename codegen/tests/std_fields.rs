//! C++ std:: members (`passes::std_fields`, applied by the `records` pass)
//! on the `cxx_containers` golden header: the Python shape of each
//! container, the elements that are views, the skips with reasons, and the
//! restrictions on structs holding std:: members.

use std::path::Path;

use bindery_codegen::ir::{FieldKind, Module, ScalarKind, StdElement, StdShape};
use bindery_codegen::pipeline::build_ir;

fn module() -> Module {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/cases/cxx_containers/spec.toml");
    match build_ir(&spec, Some("records")) {
        Ok((_, m)) => m,
        Err(d) => panic!("{}", d.iter().map(|d| d.render()).collect::<String>()),
    }
}

fn kind<'m>(m: &'m Module, record: &str, field: &str) -> &'m FieldKind {
    &m.record(record).and_then(|r| r.field(field)).unwrap_or_else(|| panic!("{record}.{field} missing")).kind
}

fn std_shape(shape: StdShape) -> FieldKind {
    FieldKind::Std { shape }
}

#[test]
fn containers_become_str_list_and_dict() {
    let m = module();
    let uint = |bits| StdElement::Scalar { scalar: ScalarKind::Int { bits, signed: false } };
    let int = |bits| StdElement::Scalar { scalar: ScalarKind::Int { bits, signed: true } };
    assert_eq!(kind(&m, "CxRecord", "name"), &std_shape(StdShape::Str));
    assert_eq!(kind(&m, "CxRecord", "sizes"), &std_shape(StdShape::List { element: int(32) }));
    assert_eq!(
        kind(&m, "CxRecord", "weights"),
        &std_shape(StdShape::List { element: StdElement::Scalar { scalar: ScalarKind::Float { bits: 64 } } })
    );
    assert_eq!(kind(&m, "CxRecord", "labels"), &std_shape(StdShape::List { element: StdElement::Str }));
    assert_eq!(kind(&m, "CxRecord", "points"), &std_shape(StdShape::List { element: StdElement::View { record: "CxPoint".into() } }));
    assert_eq!(kind(&m, "CxRecord", "kinds"), &std_shape(StdShape::List { element: uint(32) }), "enums convert as their integer type");
    assert_eq!(
        kind(&m, "CxRecord", "flags"),
        &std_shape(StdShape::Dict {
            key: StdElement::Str,
            value: StdElement::Scalar { scalar: ScalarKind::Bool { bits: 8, signed: false } }
        })
    );
    assert_eq!(kind(&m, "CxRecord", "counts"), &std_shape(StdShape::Dict { key: int(32), value: uint(32) }));
    assert_eq!(kind(&m, "CxRecord", "totals"), &std_shape(StdShape::Dict { key: StdElement::Str, value: uint(64) }));
}

#[test]
fn unsupported_std_members_are_skipped_with_a_reason() {
    let m = module();
    let reason = |f| match kind(&m, "CxRecord", f) {
        FieldKind::Skipped { reason } => reason.clone(),
        other => panic!("{f}: expected a skip, got {other:?}"),
    };
    assert!(reason("grid").contains("has no Python conversion"), "{}", reason("grid"));
    assert!(reason("shared").contains("is not a std::string, std::vector or map"), "{}", reason("shared"));
}

#[test]
fn structs_with_std_members_are_not_constructible_and_embedded_ones_read_only() {
    let m = module();
    let record = m.record("CxRecord").expect("CxRecord");
    assert!(!record.constructible, "zeroed memory is not a valid C++ object");
    assert!(m.record("CxPoint").expect("CxPoint").constructible, "plain C structs stay constructible");
    let holder = m.record("CxHolder").expect("CxHolder");
    assert!(!holder.constructible, "CxHolder embeds a struct with std:: members");
    assert!(holder.field("record").expect("record").readonly, "assigning would copy the containers' pointers");
    assert!(!holder.field("flags").expect("flags").readonly);
}
