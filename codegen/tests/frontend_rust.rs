//! Tests of the Rust frontend (`frontend::rust`): collection of annotated
//! items across files, public paths through re-exports, method kinds, type
//! resolution, doc comments and locations, and diagnostics at the Rust line
//! for bad annotations (never a panic).

use std::path::PathBuf;

use bindery_codegen::diagnostic::Kind;
use bindery_codegen::frontend::rust::{parse, screaming_snake};
use bindery_codegen::ir::{MethodKind, Receiver, RustType};

/// Writes `files` (path under src/, contents) into a fresh crate directory.
fn crate_dir(name: &str, files: &[(&str, &str)]) -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("bindery-frontend-rust-{}-{name}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let p = dir.join("src").join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

const LIB: &str = "pub mod clock;\nmod hidden;\npub use hidden::Counter;\npub mod funcs;\n";

const CLOCK: &str = r#"
use bindery_annotations as bindery;

/// A point in time.
#[bindery::class(module = "clock", name = "Tick")]
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Tick(i64);

#[bindery::methods]
impl Tick {
    /// Builds one.
    #[bindery::constructor]
    pub fn new(v: i64) -> Result<Tick> { Ok(Tick(v)) }

    /// The value.
    #[bindery::getter(name = "value")]
    pub fn value(&self) -> i64 { self.0 }

    #[bindery::setter(name = "value")]
    pub fn set_value(&mut self, v: i64) { self.0 = v; }

    #[bindery::staticmethod]
    #[bindery::getter(name = "ZERO")]
    pub fn zero() -> Tick { Tick(0) }

    #[bindery::staticmethod]
    pub fn parse(text: &str, names: Option<&str>) -> Result<Self> { todo!() }

    #[bindery::method(name = "__repr__")]
    pub fn repr(&self) -> String { String::new() }

    /// Not exposed.
    pub fn plain(&self) {}
}

/// Modes.
#[bindery::enumeration(module = "clock", name = "Mode")]
pub enum Mode {
    /// Wait.
    WaitTillNotFull = 0,
    Srgb48 = 7,
    Vec32f1,
}
"#;

const HIDDEN: &str = r#"
use bindery_annotations as bindery;
#[bindery::class(module = "clock", name = "Counter")]
pub struct Counter { n: u64 }
#[bindery::methods]
impl Counter {
    #[bindery::method(name = "add")]
    pub fn add(&self, ticks: &[i64], pairs: Vec<(Vec<u8>, super::clock::Tick)>, map: HashMap<String, Tick>) -> Vec<u8> { vec![] }
}
#[cfg(test)]
mod tests {
    #[bindery::function(module = "x", name = "ignored")]
    fn ignored() {}
}
"#;

const FUNCS: &str = r#"
use bindery_annotations as bindery;
/// Reads a tick.
#[bindery::function(module = "funcs", name = "read")]
pub fn read_tick(t: &Tick, data: &[u8], out: Option<&Counter>) -> Result<Vec<(String, Tick)>> { todo!() }
"#;

fn sample() -> bindery_codegen::ir::RustCrate {
    let dir = crate_dir("sample", &[("lib.rs", LIB), ("clock.rs", CLOCK), ("hidden.rs", HIDDEN), ("funcs.rs", FUNCS)]);
    parse(&dir, "demo").expect("sample crate parses")
}

#[test]
fn collects_classes_enums_and_functions_across_files() {
    let k = sample();
    let classes: Vec<&str> = k.classes.iter().map(|c| c.py_name.as_str()).collect();
    assert_eq!(classes, ["Tick", "Counter"]);
    assert_eq!(k.enums.len(), 1);
    assert_eq!(k.functions.len(), 1, "cfg(test) items are skipped");
    assert_eq!(k.crate_name, "demo");
}

#[test]
fn public_paths_follow_reexports_out_of_private_modules() {
    let k = sample();
    assert_eq!(k.classes[0].rust_path, "clock::Tick");
    assert_eq!(k.classes[1].rust_path, "Counter");
    assert_eq!(k.functions[0].rust_path, "funcs::read_tick");
}

#[test]
fn method_kinds_receivers_and_names() {
    let k = sample();
    let tick = &k.classes[0];
    let kinds: Vec<(String, MethodKind, Receiver)> = tick.methods.iter().map(|m| (m.py_name.clone(), m.kind, m.receiver)).collect();
    assert_eq!(
        kinds,
        [
            ("__init__".to_string(), MethodKind::Constructor, Receiver::None),
            ("value".to_string(), MethodKind::Getter, Receiver::Ref),
            ("value".to_string(), MethodKind::Setter, Receiver::Mut),
            ("ZERO".to_string(), MethodKind::StaticGetter, Receiver::None),
            ("parse".to_string(), MethodKind::StaticMethod, Receiver::None),
            ("__repr__".to_string(), MethodKind::Method, Receiver::Ref),
        ]
    );
    assert!(tick.derives.contains(&"Ord".to_string()));
}

#[test]
fn types_resolve_to_classes_results_and_containers() {
    let k = sample();
    let ctor = &k.classes[0].methods[0];
    assert!(ctor.fallible);
    assert_eq!(ctor.ret, RustType::Class { name: "Tick".into(), by_ref: false });
    let parse_m = &k.classes[0].methods[4];
    assert_eq!(parse_m.params[0].ty, RustType::Str);
    assert_eq!(parse_m.params[1].ty, RustType::Option(Box::new(RustType::Str)));
    assert_eq!(parse_m.ret, RustType::Class { name: "Tick".into(), by_ref: false }, "Self resolves to the class");
    let add = &k.classes[1].methods[0];
    assert_eq!(add.params[0].ty, RustType::Slice(Box::new(RustType::Int)));
    assert_eq!(
        add.params[1].ty,
        RustType::Vec(Box::new(RustType::Tuple(vec![RustType::ByteVec, RustType::Class { name: "Tick".into(), by_ref: false }])))
    );
    assert_eq!(
        add.params[2].ty,
        RustType::Map(Box::new(RustType::String), Box::new(RustType::Class { name: "Tick".into(), by_ref: false }))
    );
    assert_eq!(add.ret, RustType::ByteVec);
    let f = &k.functions[0];
    assert_eq!(f.params[0].ty, RustType::Class { name: "Tick".into(), by_ref: true });
    assert_eq!(f.params[1].ty, RustType::ByteSlice);
    assert_eq!(f.params[2].ty, RustType::Option(Box::new(RustType::Class { name: "Counter".into(), by_ref: true })));
    assert!(f.fallible);
}

#[test]
fn docs_and_locations_are_kept() {
    let k = sample();
    let tick = &k.classes[0];
    assert_eq!(tick.doc, "A point in time.");
    assert_eq!(tick.loc.file, "src/clock.rs");
    assert_eq!(tick.loc.line, 5);
    assert_eq!(tick.methods[0].doc, "Builds one.");
    assert_eq!(tick.methods[0].loc.line, 12);
    assert_eq!(k.functions[0].doc, "Reads a tick.");
}

#[test]
fn enum_variants_values_and_python_names() {
    let k = sample();
    let e = &k.enums[0];
    let v: Vec<(Option<String>, i64)> = e.variants.iter().map(|v| (v.py_name.clone(), v.value)).collect();
    assert_eq!(v, [(Some("WAIT_TILL_NOT_FULL".into()), 0), (Some("SRGB48".into()), 7), (Some("VEC32F1".into()), 8)]);
    assert_eq!(e.variants[0].doc, "Wait.");
    assert_eq!(screaming_snake("Gray8"), "GRAY8");
}

fn errors_of(name: &str, src: &str) -> Vec<bindery_codegen::diagnostic::Diagnostic> {
    let dir = crate_dir(name, &[("lib.rs", src)]);
    parse(&dir, "bad").expect_err("must be rejected")
}

#[test]
fn unknown_word_is_a_diagnostic_at_its_line() {
    let errs = errors_of("unknown", "\n\n#[bindery::clas(module = \"m\", name = \"X\")]\npub struct X;\n");
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0].kind, Kind::RustSource);
    assert_eq!(errs[0].line, 3);
    assert!(errs[0].message.contains("unknown bindery annotation `clas`"), "{}", errs[0].message);
}

#[test]
fn missing_name_and_non_literal_arguments_are_diagnostics() {
    let errs = errors_of("noname", "#[bindery::class(module = \"m\")]\npub struct X;\n");
    assert!(errs[0].message.contains("needs `name"), "{}", errs[0].message);
    let errs = errors_of("nonlit", "#[bindery::function(module = \"m\", name = 3)]\npub fn f() {}\n");
    assert!(errs[0].message.contains("expected a string literal"), "{}", errs[0].message);
}

#[test]
fn misplaced_words_are_diagnostics() {
    let src = "#[bindery::class(module = \"m\", name = \"X\")]\npub struct X;\n#[bindery::methods]\nimpl X {\n    #[bindery::getter(name = \"g\")]\n    pub fn g() -> i64 { 0 }\n}\n#[bindery::methods]\nimpl Y {}\n#[bindery::enumeration(module = \"m\", name = \"S\")]\npub struct S;\n";
    let errs = errors_of("misplaced", src);
    let msgs: Vec<&str> = errs.iter().map(|e| e.message.as_str()).collect();
    assert!(msgs.iter().any(|m| m.contains("takes no `self`")), "{msgs:?}");
    assert!(msgs.iter().any(|m| m.contains("not a `bindery::class`")), "{msgs:?}");
    assert!(msgs.iter().any(|m| m.contains("is a struct")), "{msgs:?}");
    let getter = errs.iter().find(|e| e.message.contains("takes no `self`")).unwrap();
    assert_eq!(getter.line, 5);
}

#[test]
fn unparsable_source_is_a_diagnostic_not_a_panic() {
    let errs = errors_of("syntax", "pub fn broken( {\n");
    assert_eq!(errs[0].kind, Kind::RustSource);
    assert!(errs[0].message.contains("cannot parse Rust source"));
}

#[test]
fn missing_crate_is_an_io_diagnostic() {
    let errs = parse(std::path::Path::new("/nonexistent/bindery/crate"), "x").expect_err("no sources");
    assert_eq!(errs[0].kind, Kind::Io);
}

#[test]
fn the_mediapipe_core_crate_parses() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../targets/mediapipe/core");
    let k = parse(&dir, "mediapipe_core").expect("core parses");
    let names: Vec<&str> = k.classes.iter().map(|c| c.py_name.as_str()).collect();
    for expected in ["Packet", "Timestamp", "ImageFrame", "Image", "Matrix", "CalculatorGraph", "ValidatedGraphConfig"] {
        assert!(names.contains(&expected), "{expected} missing from {names:?}");
    }
    let graph = k.classes.iter().find(|c| c.py_name == "CalculatorGraph").unwrap();
    assert_eq!(graph.rust_path, "graph::CalculatorGraph");
    assert!(k.functions.iter().any(|f| f.py_name == "get_int" && f.rust_path == "getter::get_int"));
}
