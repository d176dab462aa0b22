//! Rendered diagnostics of bad specs, snapshot-tested with insta. Each
//! `tests/bad_specs/<name>/spec.toml` (with its header, or the shared one)
//! is run through the real `codegen` binary from the repository root, so the
//! snapshot shows exactly what a user sees: kind, message, file:line:column
//! relative to the root, the source line, a caret and a hint. Update with
//! `INSTA_UPDATE=always cargo test -p bindery-codegen --test diagnostics`
//! (or `cargo insta review`) and read the `.snap` diff before committing.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("codegen/ has a parent").to_path_buf()
}

const BAD_SPECS: &str = "codegen/tests/bad_specs";

/// Runs `codegen dump-ir` on a bad spec from the repository root.
fn run(case: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_codegen"))
        .current_dir(root())
        .args(["dump-ir", &format!("{BAD_SPECS}/{case}/spec.toml")])
        .output()
        .expect("the codegen binary runs")
}

/// Every case directory holding a spec.
fn cases_on_disk() -> BTreeSet<String> {
    std::fs::read_dir(root().join(BAD_SPECS))
        .expect("bad_specs exists")
        .flatten()
        .filter(|e| e.path().join("spec.toml").is_file())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .collect()
}

/// The diagnostics a case prints, checked for the parts every diagnostic must have.
fn rendered(case: &str) -> String {
    let out = run(case);
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(2), "{case}: expected exit code 2\n{stderr}");
    assert!(out.stdout.is_empty(), "{case}: nothing may be printed on stdout");
    let location = format!("--> {BAD_SPECS}/{case}/");
    assert!(stderr.contains(&location), "{case}: the location must be relative to the repository root\n{stderr}");
    assert!(stderr.contains(" | ") && stderr.contains('^'), "{case}: source line and caret missing\n{stderr}");
    assert!(stderr.contains("= hint: "), "{case}: hint missing\n{stderr}");
    stderr
}

macro_rules! bad_specs {
    ($($case:ident),* $(,)?) => {
        $(
            #[test]
            fn $case() {
                insta::assert_snapshot!(stringify!($case), rendered(stringify!($case)));
            }
        )*

        /// Every case directory has a snapshot test above.
        #[test]
        fn every_bad_spec_has_a_test() {
            let listed: BTreeSet<String> = [$(stringify!($case)),*].iter().map(|s| s.to_string()).collect();
            assert_eq!(listed, cases_on_disk(), "bad_specs! list and tests/bad_specs/ differ");
        }
    };
}

bad_specs!(
    allocator_copy_not_function_pointer,
    allocator_extension_unknown_kind,
    allocator_unknown_struct,
    array_count_not_integer,
    array_fill_from_not_pointer_array,
    array_data_not_struct_pointer,
    alias_target_not_static,
    alias_target_unknown_class,
    alias_target_unknown_function,
    buffer_meta_api_not_meta,
    buffer_meta_api_unknown_function,
    bulk_column_missing_path,
    callback_arg_not_struct,
    callback_arg_out_of_range,
    callback_key_not_integer,
    callback_key_unknown,
    c_made_not_struct,
    consumes_non_struct,
    cxx_header_not_listed,
    cxx_header_not_marked,
    disjoint_not_struct,
    duplicate_python_name,
    embedded_not_unbound_struct,
    errors_key_not_integer,
    errors_without_success,
    expose_header_pattern_unmatched,
    field_alias_clash,
    field_alias_skipped,
    free_wrong_signature,
    function_pointer_not_function_pointer,
    function_pointer_unknown_form,
    function_skipped_variadic,
    gobject_bad_type_name,
    gobject_not_pointer,
    header_not_found,
    header_syntax_error,
    in_buffer_without_gstbuffer,
    invalid_toml,
    library_name_with_flag,
    list_element_not_struct,
    list_on_non_glist,
    list_without_element_type,
    meta_payload_getter_wrong_type,
    meta_payload_release_not_function,
    meta_payload_unknown_struct,
    missing_required_key,
    module_name_not_identifier,
    numpy_allocate_not_owned,
    field_setter_readonly,
    field_setter_not_nested,
    callbacks_without_callback_fields,
    numpy_bytes_and_shape,
    numpy_function_clash,
    numpy_copy_not_writable,
    numpy_dtype_narrowing,
    numpy_dtype_without_copy,
    numpy_element_on_numbers,
    numpy_data_not_pointer,
    numpy_shape_missing_field,
    out_not_pointer,
    pointer_policy_not_struct_pointer,
    output_without_length,
    params_wrong_count,
    owned_without_free,
    pkg_config_missing,
    points_to_not_void,
    python_alias_clash,
    python_helper_missing,
    python_name_not_identifier,
    returns_borrowed_non_struct,
    setter_readonly_field,
    setter_unknown_field,
    string_policy_not_char_pointer,
    span_not_void_pointer,
    span_unknown_member,
    span_without_raw_memory,
    struct_strings_no_cstring,
    struct_strings_unknown_policy,
    success_non_integer,
    transfers_container_not_struct,
    transfers_unknown_container,
    transfers_void_keeper_not_buffer,
    rpath_not_one_dir,
    unknown_allocator,
    unknown_consumes_param,
    unknown_enum,
    unknown_field,
    unknown_function,
    unknown_key,
    unknown_string_policy,
    unknown_struct,
    unknown_transfers_param,
    version_not_semver,
    wrong_value_type,
    rust_conversion_unknown,
    rust_table_without_result,
    rust_errors_unknown_exception,
    rust_errors_unknown_variant,
    rust_errors_unknown_kind_type,
    rust_errors_unknown_method,
    rust_value_enum_not_enum,
    rust_python_module_unknown_name,
    rust_default_raw_expression,
);

/// The generator never panics on bad input: every bad spec, through every
/// subcommand that reads a spec, exits 2 with diagnostics.
#[test]
fn no_bad_spec_panics() {
    for case in cases_on_disk() {
        let spec = format!("{BAD_SPECS}/{case}/spec.toml");
        let scratch = std::env::temp_dir().join(format!("bindery-bad-{case}-{}", std::process::id()));
        let scratch = scratch.display().to_string();
        for args in [vec!["dump-ir", &spec], vec!["generate", &spec, "--out", &scratch], vec!["check", &spec]] {
            let out = Command::new(env!("CARGO_BIN_EXE_codegen")).current_dir(root()).args(&args).output().expect("codegen runs");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(!stderr.contains("panicked"), "{args:?} panicked:\n{stderr}");
            assert_eq!(out.status.code(), Some(2), "{args:?} should exit 2:\n{stderr}");
        }
        assert!(!Path::new(&scratch).exists(), "{case}: nothing may be written for a bad spec");
    }
}

/// Errors that are not about a spec also render as diagnostics with exit 2.
#[test]
fn cli_usage_errors_exit_2() {
    for args in
        [vec!["dump-ir", "no-such-target"], vec!["dump-ir", "fixture", "--after", "no-such-pass"], vec!["generate", "no-such-target"]]
    {
        let out = Command::new(env!("CARGO_BIN_EXE_codegen")).current_dir(root()).args(&args).output().expect("codegen runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}:\n{stderr}");
        assert!(stderr.starts_with("error[") && stderr.contains("= hint: "), "{args:?}:\n{stderr}");
    }
}

/// A warning (`spec-incomplete`) is printed with its location and hint, and
/// generation goes on: exit code 0 and the IR on stdout.
#[test]
fn unknown_result_lifetime_warns() {
    let out = Command::new(env!("CARGO_BIN_EXE_codegen"))
        .current_dir(root())
        .args(["dump-ir", "codegen/tests/warn_specs/unknown_result_lifetime/spec.toml"])
        .output()
        .expect("the codegen binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(0), "a warning must not fail generation\n{stderr}");
    assert!(!out.stdout.is_empty(), "the IR is still printed");
    assert!(stderr.contains("--> codegen/tests/bad_specs/shared/shapes.h:"), "points at the declaration\n{stderr}");
    insta::assert_snapshot!("unknown_result_lifetime_warns", stderr);
}
