//! The C frontend on small headers: typedef spellings, offsets in bits,
//! anonymous records, doc comments, enum values, function parameters,
//! integer macros, and parse errors as located diagnostics.

use bindery_codegen::diagnostic::Kind;
use bindery_codegen::frontend::c::{HeaderSet, parse};
use bindery_codegen::ir::{FieldKind, Module, Prim, Record, TypeRef};

/// Writes `files` (name, text) into a fresh directory and parses the first one.
fn parse_files(test: &str, files: &[(&str, &str)]) -> Result<Module, Vec<bindery_codegen::diagnostic::Diagnostic>> {
    parse_files_as(test, files, false)
}

/// Like [`parse_files`], as C++ when `cxx` (`[c].cxx_headers`).
fn parse_files_as(test: &str, files: &[(&str, &str)], cxx: bool) -> Result<Module, Vec<bindery_codegen::diagnostic::Diagnostic>> {
    let dir = std::env::temp_dir().join(format!("bindery-frontend-{test}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let dir = dir.canonicalize().expect("temp dir exists");
    for (name, text) in files {
        std::fs::write(dir.join(name), text).expect("write header");
    }
    let set = HeaderSet {
        headers: vec![dir.join(files[0].0)],
        patterns: vec![],
        clang_args: vec![format!("-I{}", dir.display())],
        base_dir: dir.clone(),
        sdk: None,
        exports: None,
        cxx,
    };
    let result = parse(&set);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn parse_one(test: &str, header: &str) -> Module {
    match parse_files(test, &[("t.h", header)]) {
        Ok(m) => m,
        Err(d) => panic!("{test}: header does not parse: {}", d.iter().map(|d| d.render()).collect::<String>()),
    }
}

fn record<'m>(m: &'m Module, name: &str) -> &'m Record {
    m.record(name).unwrap_or_else(|| panic!("record {name} missing; have {:?}", m.records.iter().map(|r| &r.name).collect::<Vec<_>>()))
}

#[test]
fn typedef_spellings_are_kept() {
    let m = parse_one(
        "spellings",
        "#include <stdint.h>\ntypedef unsigned int my_uint;\ntypedef struct { my_uint a; uint64_t b; const char *s; int8_t c[4]; } TsRec;\n",
    );
    let r = record(&m, "TsRec");
    assert_eq!(r.fields[0].ty, TypeRef::Prim { prim: Prim::UInt(32), spelling: "my_uint".into() });
    assert_eq!(r.fields[1].ty, TypeRef::Prim { prim: Prim::UInt(64), spelling: "uint64_t".into() });
    assert_eq!(r.fields[2].ty.spelling(), "const char*");
    assert!(matches!(&r.fields[2].ty, TypeRef::Pointer { is_const: true, .. }));
    assert_eq!(r.fields[3].ty.spelling(), "int8_t[4]");
}

#[test]
fn offsets_are_in_bits_and_size_in_bytes() {
    let m = parse_one("offsets", "struct Off { char a; int b; double c; short d[3]; };\n");
    let r = record(&m, "Off");
    let offsets: Vec<u64> = r.fields.iter().map(|f| f.offset_bits).collect();
    assert_eq!(offsets, vec![0, 32, 64, 128]);
    assert_eq!(r.size, 24);
    assert!(!r.is_union);
}

#[test]
fn typedef_names_anonymous_records_and_unions_are_flagged() {
    let m = parse_one(
        "anonymous",
        "typedef struct { int x; } Named;\ntypedef union { int i; float f; } Either;\nstruct Outer { struct { int y; } inner; int after; };\n",
    );
    assert_eq!(record(&m, "Named").fields[0].name, "x");
    let either = record(&m, "Either");
    assert!(either.is_union);
    assert!(either.fields.iter().all(|f| f.offset_bits == 0), "union members share offset 0");
    let outer = record(&m, "Outer");
    assert!(matches!(&outer.fields[0].kind, FieldKind::Skipped { reason } if reason.contains("anonymous")), "{:?}", outer.fields[0].kind);
    assert_eq!(outer.fields[1].offset_bits, 32);
    assert!(m.records.iter().all(|r| r.name != "anonymous"), "the unnamed inner struct is not a record of its own");
}

#[test]
fn doc_comments_brief_full_and_trailing() {
    let m = parse_one(
        "docs",
        "/**\n * @brief Short line.\n *\n * Longer text.\n */\ntypedef struct {\n  int a; /**< Trailing doc. */\n  /// Slash doc.\n  int b;\n  int c;\n} Documented;\n\n/** First sentence. Second sentence. */\nint documented_fn(int x);\n",
    );
    let r = record(&m, "Documented");
    assert_eq!(r.doc.brief, "Short line.");
    assert_eq!(r.doc.full, "Short line.\n\nLonger text.");
    assert_eq!(r.fields[0].doc.brief, "Trailing doc.");
    assert_eq!(r.fields[1].doc.full, "Slash doc.");
    assert!(r.fields[2].doc.full.is_empty() && r.fields[2].doc.brief.is_empty());
    let f = m.functions.iter().find(|f| f.name == "documented_fn").expect("function");
    assert_eq!(f.doc.full, "First sentence. Second sentence.");
    assert!(f.doc.brief.starts_with("First sentence."), "{:?}", f.doc.brief);
}

#[test]
fn enum_values_signed_unsigned_and_anonymous() {
    let m = parse_one(
        "enums",
        "typedef enum { NEG = -3, ZERO = 0, BIG = 1000 } Signed;\ntypedef enum { HIGH = 0xFFFFFFFFu } Unsigned;\nenum { ANON_A = 5, ANON_B };\n",
    );
    let s = m.enum_def("Signed").expect("Signed");
    assert!(s.signed);
    assert_eq!(s.bits, 32);
    assert_eq!(s.values.iter().map(|v| (v.name.as_str(), v.value)).collect::<Vec<_>>(), vec![("NEG", -3), ("ZERO", 0), ("BIG", 1000)]);
    let u = m.enum_def("Unsigned").expect("Unsigned");
    assert!(!u.signed);
    assert_eq!(u.values[0].value, 4_294_967_295);
    assert!(m.enums.iter().all(|e| e.name != "anonymous"), "anonymous enums are not classes");
    let consts: Vec<(&str, i128)> = m.constants.iter().map(|c| (c.name.as_str(), c.value)).collect();
    assert_eq!(consts, vec![("ANON_A", 5), ("ANON_B", 6)]);
}

#[test]
fn function_parameters_named_unnamed_and_variadic() {
    let m = parse_one(
        "functions",
        "typedef struct { int v; } FnS;\nFnS *make(int, float scale, const char *name);\nvoid nothing(void);\nint logf_(const char *fmt, ...);\n",
    );
    let make = m.functions.iter().find(|f| f.name == "make").expect("make");
    let names: Vec<&str> = make.params.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, vec!["arg0", "scale", "name"]);
    assert_eq!(make.params[1].ty, TypeRef::Prim { prim: Prim::F32, spelling: "float".into() });
    assert!(matches!(&make.ret, TypeRef::Pointer { pointee, .. } if **pointee == TypeRef::Record { name: "FnS".into() }));
    let nothing = m.functions.iter().find(|f| f.name == "nothing").expect("nothing");
    assert!(nothing.params.is_empty());
    assert_eq!(nothing.ret, TypeRef::Void);
    assert!(m.functions.iter().all(|f| f.name != "logf_"), "variadic functions are not bound");
}

#[test]
fn integer_macros_only() {
    let m = parse_one(
        "macros",
        "#define M_DEC 42\n#define M_NEG (-7)\n#define M_HEX 0x10u\n#define M_EXPR (1 << 3)\n#define M_STR \"s\"\n#define M_FN(x) (x)\n#define _M_PRIVATE 1\n",
    );
    let consts: Vec<(&str, i128)> = m.constants.iter().map(|c| (c.name.as_str(), c.value)).collect();
    assert_eq!(consts, vec![("M_DEC", 42), ("M_NEG", -7), ("M_HEX", 16)]);
    assert_eq!(m.constants[0].loc.line, 1);
}

#[test]
fn only_the_bound_headers_are_walked_and_locations_are_relative() {
    let m = parse_files(
        "included",
        &[
            ("main.h", "#include \"other.h\"\n\ntypedef struct { OtherS *o; } MainS;\n"),
            ("other.h", "typedef struct { int z; } OtherS;\n#define OTHER_MACRO 1\n"),
        ],
    )
    .expect("parses");
    assert!(m.record("MainS").is_some());
    assert!(m.record("OtherS").is_none(), "items of included headers are not bound");
    assert!(m.constants.is_empty());
    let r = record(&m, "MainS");
    assert_eq!((r.loc.file.as_str(), r.loc.line), ("main.h", 3));
    assert!(matches!(&r.fields[0].ty, TypeRef::Pointer { pointee, .. } if **pointee == TypeRef::Record { name: "OtherS".into() }));
}

#[test]
fn parse_errors_are_located_diagnostics() {
    let errors = parse_files("broken", &[("bad.h", "struct Ok { int a; };\nstruct Bad { int int b; };\n")]).expect_err("must fail");
    assert!(!errors.is_empty());
    let d = &errors[0];
    assert_eq!(d.kind, Kind::Header);
    assert_eq!(d.line, 2);
    assert!(d.file.as_ref().is_some_and(|f| f.ends_with("bad.h")), "{:?}", d.file);
    assert!(d.hint.is_some());
}

#[test]
fn missing_include_is_a_diagnostic_not_a_panic() {
    let errors = parse_files("noinclude", &[("inc.h", "#include \"does_not_exist.h\"\nint x(void);\n")]).expect_err("must fail");
    assert!(errors.iter().any(|d| d.message.contains("does_not_exist.h")), "{errors:?}");
}

const CXX_HEADER: &str = "#include <string>\n#include <unordered_map>\n#include <vector>\n\
#ifdef __cplusplus\nextern \"C\" {\n#endif\n\
typedef struct { int v; } CxElem;\n\
typedef struct {\n  std::string name;\n  std::vector<std::string> labels;\n  std::vector<CxElem> elems;\n\
  std::unordered_map<int, unsigned> counts;\n  unsigned id;\n} CxRec;\n\
unsigned cx_id(const CxRec *r);\n\
#ifdef __cplusplus\n}\n#endif\n";

#[test]
fn cxx_headers_keep_extern_c_items_and_std_members() {
    use bindery_codegen::ir::StdType;
    let m = parse_files_as("cxx", &[("t.h", CXX_HEADER)], true)
        .unwrap_or_else(|d| panic!("{}", d.iter().map(|d| d.render()).collect::<String>()));
    assert!(m.functions.iter().any(|f| f.name == "cx_id"), "functions inside extern \"C\" are kept");
    let r = record(&m, "CxRec");
    assert!(matches!(&r.fields[0].ty, TypeRef::Std { std: StdType::String, .. }), "{:?}", r.fields[0].ty);
    let TypeRef::Std { std: StdType::Vector { element }, spelling } = &r.fields[1].ty else { panic!("{:?}", r.fields[1].ty) };
    assert!(matches!(&**element, TypeRef::Std { std: StdType::String, .. }));
    assert!(spelling.contains("std::vector"), "{spelling}");
    assert!(
        matches!(&r.fields[2].ty, TypeRef::Std { std: StdType::Vector { element }, .. } if **element == TypeRef::Record { name: "CxElem".into() })
    );
    let TypeRef::Std { std: StdType::Map { key, value }, .. } = &r.fields[3].ty else { panic!("{:?}", r.fields[3].ty) };
    assert!(matches!(**key, TypeRef::Prim { prim: Prim::Int(32), .. }) && matches!(**value, TypeRef::Prim { prim: Prim::UInt(32), .. }));
    assert_eq!(r.fields[4].offset_bits, 8 * (32 + 24 + 24 + 56), "std:: members keep their C++ sizes");
}

#[test]
fn a_cxx_header_parsed_as_c_names_the_std_member_and_the_key() {
    let err = parse_files_as("cxx-unmarked", &[("t.h", CXX_HEADER)], false).expect_err("C++ does not parse as C");
    assert_eq!(err.len(), 1, "one diagnostic, not clang's cascade");
    let text = err[0].render();
    assert!(text.contains("`t.h` is C++ (`std::string name;`)"), "the first std:: member is named: {text}");
    assert_eq!(err[0].line, 9);
    assert!(text.contains("[c].cxx_headers"), "{text}");
    assert_eq!(err[0].kind, Kind::Header);
}
