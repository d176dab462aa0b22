//! Golden cases of the Rust path: every `tests/rust_cases/<name>/` (an
//! annotated crate and its spec) goes through `pipeline::render_with` (the
//! workspace's runtime) and every
//! generated file is an insta snapshot (`snapshots/rust_golden__<name>__<file>.snap`).
//! A changed file fails with insta's diff; accept it with `cargo insta review`
//! or `INSTA_UPDATE=always cargo test -p bindery-codegen --test rust_golden`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use bindery_codegen::backend::pyo3::runtime_dep::RuntimeSource;
use bindery_codegen::pipeline;

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/rust_cases")
}

/// The snapshot name of one generated file (`src/lib.rs` → `case__src_lib.rs`).
fn snapshot_name(case: &str, path: &Path) -> String {
    format!("{case}__{}", path.display().to_string().replace(['/', '\\'], "_"))
}

/// Renders one case in memory and snapshots each file, plus the list of files
/// (so a file that is no longer generated fails too).
fn check_case(name: &str) {
    let dir = cases_dir().join(name);
    // The workspace's runtime: a vendored copy would snapshot the whole runtime.
    let outputs = match pipeline::render_with(&dir.join("spec.toml"), &dir.join("generated"), &RuntimeSource::Workspace) {
        Ok(r) => r.outputs,
        Err(diags) => panic!("Rust golden case `{name}` does not generate:\n{}", diags.iter().map(|d| d.render()).collect::<String>()),
    };
    let files: Vec<String> = outputs.iter().map(|o| o.path.display().to_string()).collect();
    insta::assert_snapshot!(format!("{name}__files"), files.join("\n"));
    for o in &outputs {
        insta::assert_snapshot!(snapshot_name(name, &o.path), o.contents);
    }
}

macro_rules! rust_golden {
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
                .expect("tests/rust_cases exists")
                .flatten()
                .filter(|e| e.path().join("spec.toml").is_file())
                .map(|e| e.file_name().to_string_lossy().to_string())
                .collect();
            assert_eq!(listed, on_disk, "rust_golden! list and tests/rust_cases/ differ");
        }
    };
}

rust_golden!(class_properties, enums, function_conversions, function_tables, python_package);
