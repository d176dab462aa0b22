//! The C frontend on whole headers: what it cannot bind is recorded in
//! `Module::skipped` with a reason and location (variadic, `va_list`,
//! `inline` without `static`, functions no library exports, macros, opaque
//! structs), `static` functions are marked for the C shim, array parameters
//! decay to pointers, enums carry their integer type, and `[expose].headers`
//! patterns bind items of included headers.

use std::collections::HashSet;

use bindery_codegen::frontend::c::{HeaderSet, parse};
use bindery_codegen::ir::{ItemKind, Module, Prim, SkipReason, Skipped, TypeRef};
use bindery_codegen::libraries::Exports;

/// Options of one parse.
#[derive(Default)]
struct Opts {
    patterns: Vec<String>,
    exports: Option<Exports>,
}

/// Writes `files` into a fresh directory and parses the first one.
fn parse_with(test: &str, files: &[(&str, &str)], opts: Opts) -> Module {
    let dir = std::env::temp_dir().join(format!("bindery-skips-{test}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let dir = dir.canonicalize().expect("temp dir exists");
    for (name, text) in files {
        let path = dir.join(name);
        std::fs::create_dir_all(path.parent().expect("a file has a parent")).expect("header dir");
        std::fs::write(path, text).expect("write header");
    }
    let set = HeaderSet {
        headers: vec![dir.join(files[0].0)],
        patterns: opts.patterns,
        clang_args: vec![format!("-I{}", dir.display())],
        base_dir: dir.clone(),
        sdk: None,
        exports: opts.exports,
        cxx: false,
    };
    let result = parse(&set);
    let _ = std::fs::remove_dir_all(&dir);
    result.unwrap_or_else(|d| panic!("{test}: {}", d.iter().map(|d| d.render()).collect::<String>()))
}

fn parse_one(test: &str, header: &str) -> Module {
    parse_with(test, &[("t.h", header)], Opts::default())
}

fn skipped<'m>(m: &'m Module, name: &str) -> &'m Skipped {
    m.skipped
        .iter()
        .find(|s| s.name == name)
        .unwrap_or_else(|| panic!("{name} not skipped; skipped: {:?}", m.skipped.iter().map(|s| &s.name).collect::<Vec<_>>()))
}

#[test]
fn functions_that_cannot_be_called_are_skipped_with_the_reason() {
    let m = parse_one(
        "calls",
        "#include <stdarg.h>\nint v_log(const char *fmt, ...);\nint v_vlog(const char *fmt, va_list ap);\ninline int no_sym(void) { return 1; }\nstatic inline __int128 wide(void) { return 0; }\nint fine(int x);\n_Noreturn void die(void);\nvoid stop(int code) __attribute__((noreturn));\n",
    );
    assert_eq!(skipped(&m, "v_log").reason, SkipReason::Variadic);
    let vlog = skipped(&m, "v_vlog");
    assert_eq!((vlog.reason, vlog.item, vlog.loc.line), (SkipReason::VaList, ItemKind::Function, 3));
    assert!(vlog.detail.contains("`ap`"), "{}", vlog.detail);
    assert_eq!(skipped(&m, "no_sym").reason, SkipReason::InlineWithoutSymbol);
    assert_eq!(skipped(&m, "wide").reason, SkipReason::NoShim);
    assert_eq!(skipped(&m, "die").reason, SkipReason::NoReturn);
    assert_eq!(skipped(&m, "stop").reason, SkipReason::NoReturn);
    let names: Vec<&str> = m.functions.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["fine"]);
}

#[test]
fn static_functions_are_marked_for_the_shim() {
    let m = parse_one(
        "statics",
        "static inline int add(int a, int b) { return a + b; }\nstatic int twice(int x) { return 2 * x; }\nint exported(int x);\n",
    );
    let shim: Vec<(&str, bool)> = m.functions.iter().map(|f| (f.name.as_str(), f.shim)).collect();
    assert_eq!(shim, [("add", true), ("twice", true), ("exported", false)]);
}

/// A header with some functions a linked library exports is that library's:
/// its other functions must be exported too.
#[test]
fn functions_no_linked_library_exports_are_skipped() {
    let exports = Exports { libraries: vec!["demo".into()], symbols: HashSet::from(["present".to_string()]) };
    let files = [
        ("t.h", "#include \"other.h\"\nint present(void);\nint absent(void);\nstatic inline int local(void) { return 0; }\n"),
        ("other.h", "int elsewhere(void);\n"),
    ];
    let m = parse_with("exports", &files, Opts { exports: Some(exports), patterns: vec!["other.h".into()] });
    let absent = skipped(&m, "absent");
    assert_eq!(absent.reason, SkipReason::NoSymbol);
    assert!(absent.detail.contains("-ldemo"), "{}", absent.detail);
    let bound: Vec<&str> = m.functions.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        bound,
        ["elsewhere", "present", "local"],
        "static functions need no symbol; other.h has no exported function, so its library is not linked and nothing is checked"
    );
}

#[test]
fn macros_and_opaque_structs_are_recorded() {
    let m = parse_one(
        "macros",
        "#define M_FN(x) (x)\n#define M_STR \"text\"\n#define M_FLAG\n#define _M_GUARD\n#define M_INT 3\ntypedef struct _Hidden Hidden;\n",
    );
    assert_eq!(skipped(&m, "M_FN").reason, SkipReason::FunctionMacro);
    let text = skipped(&m, "M_STR");
    assert_eq!(text.reason, SkipReason::NotIntegerMacro);
    assert!(text.detail.contains("\"text\""), "{}", text.detail);
    assert_eq!(skipped(&m, "M_FLAG").reason, SkipReason::EmptyMacro);
    assert!(m.skipped.iter().all(|s| s.name != "_M_GUARD"), "reserved names are not API");
    let hidden = skipped(&m, "Hidden");
    assert_eq!((hidden.reason, hidden.item), (SkipReason::Opaque, ItemKind::Struct));
    assert_eq!(m.constants.len(), 1);
}

#[test]
fn a_tag_first_named_in_a_prototype_does_not_hide_its_definition() {
    let m = parse_one("prototype_tag", "typedef void (*Fn)(struct Later *self);\ntypedef struct Later { int x; } Later;\n");
    assert!(m.record("Later").is_some(), "the definition is bound");
    assert!(m.skipped.iter().all(|s| s.name != "Later"), "{:?}", m.skipped);
}

#[test]
fn array_parameters_decay_to_pointers() {
    let m = parse_one("decay", "void fill(int values[4], const char *names[], char **argv[]);\n");
    let f = &m.functions[0];
    let spelled: Vec<String> = f.params.iter().map(|p| p.ty.spelling()).collect();
    assert_eq!(spelled, ["int*", "const char**", "char***"]);
    assert!(f.params.iter().all(|p| matches!(p.ty, TypeRef::Pointer { .. })));
}

#[test]
fn enums_carry_their_integer_type() {
    let m = parse_one(
        "repr",
        "typedef enum { S_NEG = -1 } Small;\ntypedef enum { W_BIG = 0x100000000 } Wide;\nSmall small(void);\nWide wide(void);\n",
    );
    let repr = |name: &str| match &m.functions.iter().find(|f| f.name == name).expect("function").ret {
        TypeRef::Enum { repr, .. } => *repr,
        other => panic!("{other:?}"),
    };
    assert_eq!(repr("small"), Prim::Int(32));
    assert_eq!(repr("wide"), Prim::UInt(64));
}

#[test]
fn header_patterns_bind_items_of_included_headers() {
    let files = [
        ("main.h", "#include \"sub/part.h\"\n#include \"other.h\"\nint main_fn(void);\n"),
        ("sub/part.h", "int part_fn(void);\n"),
        ("other.h", "int other_fn(void);\n"),
    ];
    let m = parse_with("patterns", &files, Opts { patterns: vec!["sub/*.h".into()], ..Opts::default() });
    let names: Vec<&str> = m.functions.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names, ["part_fn", "main_fn"], "other.h matches no pattern");
    assert_eq!(m.functions[0].loc.file, "sub/part.h");
}
