//! End-to-end tests of a Rust-crate spec through the generator (without
//! compiling the output): the plan's spec checks and diagnostics, and the
//! rendered files of a small annotated crate.

use std::path::{Path, PathBuf};

use bindery_codegen::diagnostic::Kind;
use bindery_codegen::pipeline;

const GLUE_MANIFEST: &str = "[package]\nname = \"demo-glue\"\nversion = \"0.1.0\"\n";
const CORE_MANIFEST: &str = "[package]\nname = \"demo-core\"\nversion = \"0.1.0\"\n";

const CORE: &str = r#"
/// A counter.
#[bindery::class(module = "things", name = "Counter")]
#[derive(Clone)]
pub struct Counter(i64);

#[bindery::methods]
impl Counter {
    /// New.
    #[bindery::constructor]
    pub fn new(start: i64) -> Counter { Counter(start) }
    /// Adds.
    #[bindery::method(name = "add")]
    pub fn add(&mut self, by: i64) -> Result<i64> { Ok(0) }
}

/// Makes one.
#[bindery::function(module = "things", name = "make")]
pub fn make(values: &[i64], label: &str) -> Counter { Counter(0) }
"#;

fn target(name: &str, spec_extra: &str, core: &str) -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    let dir = std::env::temp_dir().join(format!("bindery-rust-target-{}-{name}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let write = |p: &str, t: &str| {
        let p = dir.join(p);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, t).unwrap();
    };
    write("core/Cargo.toml", CORE_MANIFEST);
    write("core/src/lib.rs", core);
    write("glue/Cargo.toml", GLUE_MANIFEST);
    let spec = format!(
        "[module]\nname = \"demo\"\n\n[rust]\ncrate_path = \"core\"\ncrate_name = \"demo_core\"\nglue_path = \"glue\"\nglue_crate = \"demo_glue\"\nnative_module = \"demo._native\"\nsubmodules = [\"things\"]\n\n{spec_extra}"
    );
    write("spec.toml", &spec);
    dir
}

fn render(dir: &Path) -> Result<Vec<bindery_codegen::backend::Output>, Vec<bindery_codegen::diagnostic::Diagnostic>> {
    pipeline::render(&dir.join("spec.toml"), &dir.join("generated"))
}

#[test]
fn renders_crate_module_stubs_and_docs() {
    let dir = target("ok", "", CORE);
    let out = render(&dir).expect("renders");
    let paths: Vec<String> = out.iter().map(|o| o.path.display().to_string()).collect();
    for p in ["Cargo.toml", "pyproject.toml", "src/lib.rs", "src/things.rs", "API.md", "python/demo/_native/things.pyi"] {
        assert!(paths.contains(&p.to_string()), "{p} missing from {paths:?}");
    }
    let things = &out.iter().find(|o| o.path.ends_with("src/things.rs")).unwrap().contents;
    assert!(things.contains("#[pyclass(module = \"demo._native.things\", name = \"Counter\")]"), "{things}");
    assert!(things.contains("signature = (start, /)"), "positional-only by default:\n{things}");
    assert!(things.contains("rt::seq::list(\"make\""), "int_list conversion for &[i64] (runtime glue):\n{things}");
    assert!(things.contains("__inner.add(a_by).or_raise()?"), "fallible method mapped through the status:\n{things}");
    let cargo = &out.iter().find(|o| o.path.ends_with("Cargo.toml")).unwrap().contents;
    assert!(cargo.contains("demo-core = { path = \"../core\" }") && cargo.contains("demo-glue = { path = \"../glue\" }"), "{cargo}");
    assert!(cargo.contains("bindery-runtime = { version = "), "the runtime glue is a dependency:\n{cargo}");
    let lib = &out.iter().find(|o| o.path.ends_with("src/lib.rs")).unwrap().contents;
    assert!(lib.contains("modules.set_item(\"demo._native.things\""), "{lib}");
}

#[test]
fn unknown_conversion_points_at_the_spec_line() {
    let dir = target("conv", "[function.make]\nargs = [\"values:int_lst\", \"label:str\"]\n", CORE);
    let errs = render(&dir).expect_err("bad conversion");
    assert_eq!(errs[0].kind, Kind::SpecInvalid);
    assert!(errs[0].message.contains("unknown conversion `int_lst`"), "{}", errs[0].message);
    assert!(errs[0].span.is_some());
}

#[test]
fn argument_count_mismatch_is_reported() {
    let dir = target("count", "[function.make]\nargs = [\"values:int_list\"]\n", CORE);
    let errs = render(&dir).expect_err("too few args");
    assert!(errs[0].message.contains("feeds 1 Rust parameter(s) but the function has 2"), "{}", errs[0].message);
}

#[test]
fn unconvertible_parameter_points_at_the_rust_line() {
    let core = "#[bindery::function(module = \"things\", name = \"f\")]\npub fn f(x: std::rc::Rc<u8>) {}\n";
    let dir = target("param", "", core);
    let errs = render(&dir).expect_err("Rc has no conversion");
    assert_eq!(errs[0].kind, Kind::RustSource);
    assert_eq!(errs[0].line, 1);
    assert!(errs[0].message.contains("has no default conversion"), "{}", errs[0].message);
}

#[test]
fn spec_naming_missing_class_or_submodule_is_reported() {
    let dir = target("names", "[class.Nope]\nsubclass = true\n", CORE);
    let errs = render(&dir).expect_err("unknown class");
    assert!(errs.iter().any(|e| e.message.contains("no annotated class is named `Nope`")));
    let core = "#[bindery::function(module = \"elsewhere\", name = \"g\")]\npub fn g() {}\n";
    let errs = render(&target("sub", "", core)).expect_err("unlisted submodule");
    assert!(errs[0].message.contains("which [rust].submodules does not list"), "{}", errs[0].message);
}

#[test]
fn dump_ir_stops_after_a_rust_pass() {
    let dir = target("after", "", CORE);
    let spec = dir.join("spec.toml");
    let (_, module) = pipeline::build_rust_ir(&spec, Some("classes")).expect("plans");
    assert_eq!(module.plan.classes.len(), 1);
    assert!(module.plan.functions.is_empty(), "the functions pass has not run yet");
    let (_, module) = pipeline::build_rust_ir(&spec, None).expect("plans");
    assert_eq!(module.plan.functions.len(), 1);
    let json = pipeline::dump_ir(&spec, Some("enums")).expect("dumps");
    assert!(json.contains("\"crate\"") && json.contains("\"plan\""), "{json}");
}

#[test]
fn unknown_pass_lists_the_rust_passes() {
    let dir = target("unknown-pass", "", CORE);
    let errs = pipeline::dump_ir(&dir.join("spec.toml"), Some("expose")).expect_err("a C pass");
    assert!(errs[0].message.contains("unknown pass `expose` for an annotated-Rust spec"), "{}", errs[0].message);
    assert_eq!(errs[0].hint.as_deref(), Some("passes, in order: classes, enums, functions, spec_names, python_modules, submodules"));
}
