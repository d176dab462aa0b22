//! Golden cases: every `tests/cases/<name>/` (a header, a spec and the
//! `expected/` crate) is regenerated in memory and compared file by file with
//! what is committed. A stale case fails with a unified diff per file;
//! `BLESS=1 cargo test -p bindery-codegen --test golden` rewrites `expected/`.
//! The expected crates are also workspace members, so `cargo check
//! --workspace` compiles them.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use bindery_codegen::backend::Output;
use bindery_codegen::pipeline;
use similar::TextDiff;

/// libclang (frontend and bindgen) is driven from one test at a time.
static SERIAL: Mutex<()> = Mutex::new(());

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/cases")
}

/// Files under `dir`, relative to it.
fn committed_files(dir: &Path) -> BTreeSet<PathBuf> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| e.path().strip_prefix(dir).ok().map(Path::to_path_buf))
        .filter(|p| !p.starts_with("target"))
        .collect()
}

/// Describes how `outputs` differ from `expected/`; empty when up to date.
fn staleness(expected: &Path, outputs: &[Output]) -> Vec<String> {
    let mut problems = vec![];
    for o in outputs {
        let path = expected.join(&o.path);
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed != o.contents {
            let name = o.path.display().to_string();
            let diff = TextDiff::from_lines(&committed, &o.contents);
            problems
                .push(diff.unified_diff().context_radius(2).header(&format!("expected/{name}"), &format!("generated/{name}")).to_string());
        }
    }
    let generated: BTreeSet<PathBuf> = outputs.iter().map(|o| o.path.clone()).collect();
    for extra in committed_files(expected).difference(&generated) {
        problems.push(format!("expected/{} is no longer generated (delete it or re-bless)\n", extra.display()));
    }
    problems
}

/// Regenerates one case and compares (or rewrites with `BLESS=1`).
fn check_case(name: &str) {
    let _serial = SERIAL.lock().unwrap_or_else(|p| p.into_inner());
    let dir = cases_dir().join(name);
    let expected = dir.join("expected");
    let outputs = match pipeline::render(&dir.join("spec.toml"), &expected) {
        Ok(o) => o,
        Err(diags) => panic!("golden case `{name}` does not generate:\n{}", diags.iter().map(|d| d.render()).collect::<String>()),
    };
    if std::env::var("BLESS").is_ok_and(|v| v == "1") {
        let generated: BTreeSet<PathBuf> = outputs.iter().map(|o| o.path.clone()).collect();
        for extra in committed_files(&expected).difference(&generated) {
            let _ = std::fs::remove_file(expected.join(extra));
        }
        bindery_codegen::cli::write_outputs(&expected, &outputs).unwrap_or_else(|d| panic!("cannot bless {name}: {d:?}"));
        return;
    }
    let problems = staleness(&expected, &outputs);
    assert!(
        problems.is_empty(),
        "golden case `{name}` is stale ({} file(s)); review the diff, then re-bless with `BLESS=1 cargo test -p bindery-codegen --test golden` (also removes files no longer generated):\n{}",
        problems.len(),
        problems.concat()
    );
}

macro_rules! golden {
    ($($case:ident),* $(,)?) => {
        $(
            #[test]
            fn $case() {
                check_case(stringify!($case));
            }
        )*

        /// Every case directory has a test above (a new case must be listed).
        #[test]
        fn every_case_has_a_test() {
            let listed: BTreeSet<String> = [$(stringify!($case)),*].iter().map(|s| s.to_string()).collect();
            let on_disk: BTreeSet<String> = std::fs::read_dir(cases_dir())
                .expect("tests/cases exists")
                .flatten()
                .filter(|e| e.path().join("spec.toml").is_file())
                .map(|e| e.file_name().to_string_lossy().to_string())
                .collect();
            assert_eq!(listed, on_disk, "golden! list and tests/cases/ differ");
        }
    };
}

golden!(
    arrays,
    bulk_exporter,
    callbacks,
    cast_modes,
    counted_arrays,
    c_owned,
    defines,
    doc_comments,
    enums,
    functions,
    gobject,
    list_epochs,
    link_paths,
    lists,
    nested,
    numpy_exporter,
    owned_strings,
    params,
    pointers,
    renames,
    runtime_features,
    scalars,
    static_functions,
    cxx_containers,
    cxx_mixed,
    strings,
    unions,
    whole_header,
);

/// The comparison itself notices a changed file and a file that is no longer generated.
#[test]
fn staleness_reports_changed_and_extra_files() {
    let dir = std::env::temp_dir().join(format!("bindery-golden-self-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("a.rs"), "old\n").unwrap();
    std::fs::write(dir.join("gone.rs"), "x\n").unwrap();
    let problems = staleness(&dir, &[Output::new("a.rs", "new\n")]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("-old") && problems[0].contains("+new"), "{}", problems[0]);
    assert!(problems[1].contains("gone.rs is no longer generated"), "{}", problems[1]);
}
