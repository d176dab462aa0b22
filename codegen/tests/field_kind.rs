//! Field-kind decisions (`passes::field_kind`, applied by the `records`
//! pass): one header with a field of every kind, a spec with the policies
//! that change decisions, and the kind each field gets.

use std::sync::OnceLock;

use bindery_codegen::ir::{Field, FieldKind, Module, Prim, ScalarKind, TypeRef};
use bindery_codegen::passes::field_kind::{Defaults, decide, decide_in_struct, dtype, scalar};
use bindery_codegen::pipeline::build_ir;
use bindery_codegen::spec::FieldSpec;

const HEADER: &str = r#"
#include <stdint.h>
typedef int gboolean;
typedef struct _GList { void *data; struct _GList *next, *prev; } GList;
typedef enum { FK_A = 0, FK_B = 2 } FkEnum;
typedef struct { int x; } FkInner;
struct FkOpaque;
typedef void (*FkFn)(struct FkAll *self, void *data);
typedef struct FkAll {
  int8_t i8; uint64_t u64; float f; double d; _Bool b; gboolean gb; char c;
  FkInner inner; FkInner *inner_ptr; struct FkOpaque *opaque; void *raw;
  char name[8]; char *owned_glib; char *owned_libc; const char *borrowed;
  GList *typed; GList *untyped; int32_t nums[4]; double mat[2];
  FkInner inners[2]; void *ptrs[3];
  FkEnum e; FkFn cb; FkFn cb_unbound; unsigned flag : 1; int hidden;
} FkAll;
"#;

const SPEC: &str = r#"
[module]
name = "fk"

[c]
headers = ["fk.h"]
allocator = "glib"

[struct.FkAll.fields.owned_glib]
string = "owned"

[struct.FkAll.fields.owned_libc]
string = "owned"
allocator = "libc"

[struct.FkAll.fields.borrowed]
string = "borrowed"

[struct.FkAll.fields.typed]
list = "FkInner"

[struct.FkAll.fields.cb]
callback = { key = "i8" }

[struct.FkAll.fields.hidden]
skip = true
"#;

/// The module after the `records` pass for the header and spec above (built once).
fn decided() -> &'static Module {
    static MODULE: OnceLock<Module> = OnceLock::new();
    MODULE.get_or_init(build)
}

fn build() -> Module {
    let dir = std::env::temp_dir().join(format!("bindery-field-kind-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::write(dir.join("fk.h"), HEADER).expect("header");
    std::fs::write(dir.join("spec.toml"), SPEC).expect("spec");
    let result = build_ir(&dir.join("spec.toml"), Some("records"));
    let _ = std::fs::remove_dir_all(&dir);
    match result {
        Ok((_, m)) => m,
        Err(d) => panic!("{}", d.iter().map(|d| d.render()).collect::<String>()),
    }
}

fn kind_of<'m>(m: &'m Module, field: &str) -> &'m FieldKind {
    let r = m.record("FkAll").expect("FkAll bound");
    let f: &Field = r.field(field).unwrap_or_else(|| panic!("field {field} missing"));
    &f.kind
}

#[test]
fn every_field_kind_is_decided() {
    let m = decided();
    let k = |f| kind_of(m, f);
    assert_eq!(k("i8"), &FieldKind::Scalar { scalar: ScalarKind::Int { bits: 8, signed: true } });
    assert_eq!(k("u64"), &FieldKind::Scalar { scalar: ScalarKind::Int { bits: 64, signed: false } });
    assert_eq!(k("f"), &FieldKind::Scalar { scalar: ScalarKind::Float { bits: 32 } });
    assert_eq!(k("d"), &FieldKind::Scalar { scalar: ScalarKind::Float { bits: 64 } });
    assert_eq!(k("b"), &FieldKind::Scalar { scalar: ScalarKind::Bool { bits: 8, signed: false } });
    assert_eq!(k("gb"), &FieldKind::Scalar { scalar: ScalarKind::Bool { bits: 32, signed: true } });
    assert_eq!(k("c"), &FieldKind::Scalar { scalar: ScalarKind::Int { bits: 8, signed: true } });
    assert_eq!(k("inner"), &FieldKind::Nested { record: "FkInner".into() });
    assert_eq!(k("inner_ptr"), &FieldKind::PtrView { record: "FkInner".into(), owned: false });
    assert_eq!(k("opaque"), &FieldKind::VoidPtr);
    assert_eq!(k("raw"), &FieldKind::VoidPtr);
    assert_eq!(k("name"), &FieldKind::CharArray { len: 8 });
    assert_eq!(k("typed"), &FieldKind::List { element: Some("FkInner".into()) });
    assert_eq!(k("untyped"), &FieldKind::List { element: None });
    assert_eq!(k("nums"), &FieldKind::NumericArray { dtype: "int32".into(), rust: "i32".into(), len: 4 });
    assert_eq!(k("mat"), &FieldKind::NumericArray { dtype: "float64".into(), rust: "f64".into(), len: 2 });
    assert_eq!(k("inners"), &FieldKind::StructArray { record: "FkInner".into(), len: 2 });
    assert_eq!(k("ptrs"), &FieldKind::NumericArray { dtype: "uint64".into(), rust: "u64".into(), len: 3 });
    assert_eq!(k("e"), &FieldKind::Enum { name: "FkEnum".into(), bits: 32, signed: false });
}

#[test]
fn string_policies_and_allocators() {
    let m = decided();
    assert!(matches!(kind_of(m, "owned_glib"), FieldKind::CString { owned: true, allocator, .. } if allocator == "glib"));
    assert!(matches!(kind_of(m, "owned_libc"), FieldKind::CString { owned: true, allocator, .. } if allocator == "libc"));
    assert!(matches!(kind_of(m, "borrowed"), FieldKind::CString { owned: false, .. }));
}

#[test]
fn callbacks_skips_and_reasons() {
    let m = decided();
    match kind_of(m, "cb") {
        FieldKind::Callback { key_path, arg, arg_record, .. } => {
            assert_eq!(key_path, &vec!["i8".to_string()]);
            assert_eq!(*arg, 0);
            assert_eq!(arg_record, "FkAll", "the struct argument is found from the function-pointer type");
        }
        other => panic!("cb: {other:?}"),
    }
    let reason = |f| match kind_of(m, f) {
        FieldKind::Skipped { reason } => reason.clone(),
        other => panic!("{f} should be skipped, is {other:?}"),
    };
    assert!(reason("cb_unbound").contains("callback"), "{}", reason("cb_unbound"));
    assert!(reason("flag").contains("bit-field"));
    assert!(reason("hidden").contains("skip"));
}

#[test]
fn field_spec_without_policy_keeps_the_type_decision() {
    let m = decided();
    let ty = TypeRef::Pointer { pointee: Box::new(TypeRef::Prim { prim: Prim::Char, spelling: "char".into() }), is_const: false };
    assert!(matches!(decide(m, &ty, None, "libc"), FieldKind::CString { owned: false, allocator, .. } if allocator == "libc"));
    let skip: FieldSpec = toml::from_str("skip = true").expect("field spec");
    assert!(matches!(decide(m, &ty, Some(&skip), "libc"), FieldKind::Skipped { .. }));
    let unbound = TypeRef::Record { name: "NotBound".into() };
    assert!(matches!(decide(m, &unbound, None, "libc"), FieldKind::Skipped { reason } if reason.contains("NotBound")));
    assert!(matches!(decide(m, &TypeRef::Opaque { spelling: "__int128".into() }, None, "libc"), FieldKind::Skipped { .. }));
}

#[test]
fn struct_strings_default_applies_unless_the_field_sets_string() {
    let m = decided();
    let ty = TypeRef::Pointer { pointee: Box::new(TypeRef::Prim { prim: Prim::Char, spelling: "char".into() }), is_const: false };
    let owned = Defaults { allocator: "glib", strings: Some("owned") };
    assert!(matches!(decide_in_struct(m, &ty, None, &owned), FieldKind::CString { owned: true, allocator, .. } if allocator == "glib"));
    let borrowed: FieldSpec = toml::from_str("string = \"borrowed\"").expect("field spec");
    assert!(matches!(decide_in_struct(m, &ty, Some(&borrowed), &owned), FieldKind::CString { owned: false, interned: false, .. }));
    let address = Defaults { allocator: "glib", strings: Some("address") };
    assert!(matches!(decide_in_struct(m, &ty, None, &address), FieldKind::VoidPtr));
    let int = TypeRef::Prim { prim: Prim::Int(32), spelling: "int".into() };
    assert!(matches!(decide_in_struct(m, &int, None, &owned), FieldKind::Scalar { .. }));
}

#[test]
fn scalar_and_dtype_tables() {
    let prim = |prim, spelling: &str| TypeRef::Prim { prim, spelling: spelling.into() };
    assert_eq!(scalar(&prim(Prim::Int(32), "gboolean")), Some(ScalarKind::Bool { bits: 32, signed: true }));
    assert_eq!(scalar(&prim(Prim::Int(32), "int")), Some(ScalarKind::Int { bits: 32, signed: true }));
    assert_eq!(scalar(&prim(Prim::UInt(16), "guint16")), Some(ScalarKind::Int { bits: 16, signed: false }));
    assert_eq!(scalar(&TypeRef::Void), None);
    let d = |p, s: &str| dtype(&prim(p, s)).map(|(np, rs)| format!("{np}/{rs}"));
    assert_eq!(d(Prim::Int(64), "gint64").as_deref(), Some("int64/i64"));
    assert_eq!(d(Prim::UInt(8), "uint8_t").as_deref(), Some("uint8/u8"));
    assert_eq!(d(Prim::F32, "float").as_deref(), Some("float32/f32"));
    assert_eq!(d(Prim::Bool, "_Bool").as_deref(), Some("uint8/u8"));
}
