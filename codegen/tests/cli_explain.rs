//! `codegen explain` and the skip summary of `generate`, run through the real
//! binary on the golden cases `whole_header` and `static_functions`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("codegen/ has a parent").to_path_buf()
}

fn codegen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_codegen")).current_dir(root()).args(args).output().expect("the codegen binary runs")
}

/// `explain CASE ITEM`'s stdout, which must succeed.
fn explain(case: &str, item: &str) -> String {
    let out = codegen(&["explain", case, item]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "explain {case} {item} failed:\n{stderr}");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn skipped_items_say_why_and_where() {
    let text = explain("whole_header", "wh_log");
    assert_eq!(text, "function `wh_log` (whole.h:54): not bound, variadic: takes `...`: Python cannot build a C variable argument list\n");
    assert!(explain("whole_header", "wh_distance").contains("parameter `a`: `ExtPoint` is passed by value"));
    assert!(explain("whole_header", "WH_MAX").starts_with("macro `WH_MAX` (whole.h:12): not bound, function-like macro"));
}

#[test]
fn bound_items_say_as_what() {
    let add = explain("static_functions", "sf_add");
    assert!(
        add.starts_with("function `sf_add` (static_functions.h:15): bound as `sf_add(a, b)`, called through the generated C shim"),
        "{add}"
    );
    assert!(add.contains("parameter `a` (`int32_t`): int (i32, range-checked)"), "{add}");
    let names = explain("whole_header", "wh_names");
    assert!(names.contains("bound as `wh_names(from_, lambda_, self_, py, type, value, arg1, arg7)`"), "{names}");
    let packet = explain("whole_header", "WhPacket");
    assert!(packet.contains("field `WhPacket.mode` (whole_parts.h:15, `ExtMode`): attribute `mode`, int (u32, range-checked)"), "{packet}");
    let field = explain("whole_header", "WhPacket.flags");
    assert!(field.contains("not bound: bit-field"), "{field}");
    assert!(explain("whole_header", "WH_VERSION").contains("module constant `WH_VERSION` = 3"));
}

#[test]
fn unknown_items_are_diagnostics_with_a_suggestion() {
    let out = codegen(&["explain", "whole_header", "wh_opn"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("no item named `wh_opn`") && stderr.contains("did you mean `wh_open`?"), "{stderr}");
}

#[test]
fn generate_prints_the_skip_summary_and_details_with_verbose() {
    let scratch = std::env::temp_dir().join(format!("bindery-explain-{}", std::process::id()));
    let out = codegen(&["generate", "whole_header", "--out", &scratch.display().to_string(), "-v"]);
    let _ = std::fs::remove_dir_all(&scratch);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let summary = stderr.lines().find(|l| l.contains("skipped:")).unwrap_or_else(|| panic!("no summary line:\n{stderr}"));
    assert!(
        summary.starts_with("codegen: golden_whole_header: 2 classes, 0 enums, 9 functions, 3 constants; 14 skipped: unsupported type 5,"),
        "{summary}"
    );
    assert!(stderr.contains("  skipped, variadic:\n    function wh_log (whole.h:54): takes `...`"), "{stderr}");
    assert!(stderr.contains("  fields skipped in bound structs:\n    WhPacket.flags (whole_parts.h:13): bit-field"), "{stderr}");
}
