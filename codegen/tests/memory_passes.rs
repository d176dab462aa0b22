//! The memory-model passes: `owned_strings` (paths to owned `char*` through
//! nested structs and struct arrays) and `list_edits` (functions whose calls
//! free list nodes), run on the golden cases' headers and specs, plus the
//! diagnostics of a wrong `edits_lists` entry.

use std::path::{Path, PathBuf};

use bindery_codegen::ir::{Module, OwnedString};
use bindery_codegen::pipeline::build_ir;

fn case(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/cases").join(name).join("spec.toml")
}

fn ir(spec: &Path, until: &str) -> Module {
    build_ir(spec, Some(until)).map(|(_, m)| m).unwrap_or_else(|e| panic!("{e:?}"))
}

/// `field[index].field...` spelling of a path, for readable assertions.
fn spelled(s: &OwnedString) -> String {
    let steps: Vec<String> = s
        .path
        .iter()
        .map(|p| match &p.element {
            Some((i, _)) => format!("{}[{i}]", p.field),
            None => p.field.clone(),
        })
        .collect();
    format!("{} ({})", steps.join("."), s.allocator)
}

fn strings_of(m: &Module, record: &str) -> Vec<String> {
    m.record(record).expect("record").owned_strings.iter().map(spelled).collect()
}

#[test]
fn owned_strings_follow_nested_structs_and_struct_arrays() {
    let m = ir(&case("owned_strings"), "owned_strings");
    assert_eq!(strings_of(&m, "OwLabel"), ["text (glib)", "font (libc)"]);
    assert_eq!(
        strings_of(&m, "OwCard"),
        [
            "title.text (glib)",
            "title.font (libc)",
            "lines[0].text (glib)",
            "lines[0].font (libc)",
            "lines[1].text (glib)",
            "lines[1].font (libc)",
            "note (glib)",
        ]
    );
    assert_eq!(strings_of(&m, "OwHolder").len(), 7, "the nested card's strings, not the pointed-to card's");
    assert!(strings_of(&m, "OwHolder").iter().all(|s| s.starts_with("copy.")));
    assert!(strings_of(&m, "OwChoice").is_empty(), "unions are not walked");
}

#[test]
fn list_edits_are_inferred_from_invalidated_elements_and_declared() {
    let m = ir(&case("list_epochs"), "list_edits");
    let edits = |f: &str| {
        let f = m.functions.iter().find(|g| g.name == f).expect("function");
        f.list_edits.iter().map(|e| format!("{}:{}", e.param, e.fields.join(","))).collect::<Vec<_>>()
    };
    assert_eq!(edits("le_bag_remove_item"), ["bag:items"], "only the lists holding the invalidated type");
    assert_eq!(edits("le_bag_clear"), ["bag:items,notes"]);
    assert!(edits("le_bag_add_item").is_empty(), "adding never bumps an epoch");
}

#[test]
fn edits_lists_errors_point_at_the_spec() {
    let dir = std::env::temp_dir().join(format!("bindery-list-edits-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    std::fs::copy(case("list_epochs").with_file_name("epochs.h"), dir.join("epochs.h")).expect("header");
    let spec =
        std::fs::read_to_string(case("list_epochs")).expect("spec") + "\n[function.le_bag_add_item]\nedits_lists = [\"itme\", \"item\"]\n";
    std::fs::write(dir.join("spec.toml"), spec).expect("spec");
    let errors = build_ir(&dir.join("spec.toml"), None).expect_err("two errors");
    let text: Vec<String> = errors.iter().map(|e| format!("{e:?}")).collect();
    assert_eq!(errors.len(), 2, "{text:#?}");
    assert!(text[0].contains("itme") && text[0].contains("did you mean"), "{}", text[0]);
    assert!(text[1].contains("LeItem, which has no GList* fields"), "{}", text[1]);
    std::fs::remove_dir_all(&dir).ok();
}
