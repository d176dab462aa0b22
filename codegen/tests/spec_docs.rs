//! Keeps `docs/spec.md` and the spec's serde types in step, with the serde
//! types as the only list of keys:
//!
//! - the page's complete example (the ```` ```toml spec-complete ```` block)
//!   loads as a [`Spec`], round-trips through canonical TOML unchanged, and
//!   sets every key the types have (found by asking serde: a probe key added
//!   to each table makes `deny_unknown_fields` list the table's real keys);
//! - every key of every table has a row in that table's section of the page;
//! - every row and every key of every example on the page is a real key.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use bindery_codegen::spec::Spec;
use toml::{Table, Value};

/// Keys of a table, or `None` for a map with user-chosen keys (`[struct.NAME]`).
type Schema = BTreeMap<String, Option<BTreeSet<String>>>;

const PROBE: &str = "__bindery_probe";

fn page() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/spec.md")).expect("docs/spec.md exists")
}

/// The TOML code blocks of the page: (info string, body).
fn toml_blocks(page: &str) -> Vec<(String, String)> {
    let mut blocks = vec![];
    let mut lines = page.lines();
    while let Some(line) = lines.next() {
        if let Some(info) = line.strip_prefix("```toml") {
            let body: Vec<&str> = lines.by_ref().take_while(|l| !l.starts_with("```")).collect();
            blocks.push((info.trim().to_string(), body.join("\n") + "\n"));
        }
    }
    blocks
}

fn complete_example(page: &str) -> String {
    let blocks = toml_blocks(page);
    let found = blocks.into_iter().find(|(info, _)| info == "spec-complete");
    found.expect("docs/spec.md has a ```toml spec-complete block").1
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_string() } else { format!("{path}.{key}") }
}

/// The keys serde expects in the table at `at` (a path of real keys), or None for a map.
fn expected_keys(doc: &Table, at: &[String]) -> Option<BTreeSet<String>> {
    let mut probed = doc.clone();
    let mut table = &mut probed;
    for key in at {
        table = match table.get_mut(key) {
            Some(Value::Table(t)) => t,
            _ => panic!("{at:?} is not a table"),
        };
    }
    table.insert(PROBE.into(), Value::Integer(0));
    let text = toml::to_string(&probed).expect("serializes");
    let err = toml::from_str::<Spec>(&text).expect_err("the probe key is rejected");
    let message = err.message().to_string();
    if !message.starts_with(&format!("unknown field `{PROBE}`")) {
        return None;
    }
    let listed = message.split_once("expected").map(|(_, l)| l).unwrap_or("");
    Some(listed.split('`').skip(1).step_by(2).map(str::to_string).collect())
}

/// Walks the example, recording every table's keys under its generic path (`struct.*.fields.*`).
fn schema_of(doc: &Table, at: &mut Vec<String>, generic: &str, schema: &mut Schema) {
    let keys = expected_keys(doc, at);
    schema.insert(generic.to_string(), keys.clone());
    let mut table = doc;
    for key in at.iter() {
        table = table[key].as_table().expect("table");
    }
    for (key, value) in table.clone() {
        if let Value::Table(_) = value {
            let child = join(generic, if keys.is_some() { &key } else { "*" });
            at.push(key);
            schema_of(doc, at, &child, schema);
            at.pop();
        }
    }
}

fn schema() -> (Table, Schema) {
    let doc: Table = complete_example(&page()).parse().expect("the complete example is TOML");
    let mut schema = Schema::new();
    schema_of(&doc, &mut vec![], "", &mut schema);
    (doc, schema)
}

#[test]
fn complete_example_round_trips_through_canonical_toml() {
    let example = complete_example(&page());
    let spec: Spec = toml::from_str(&example).unwrap_or_else(|e| panic!("complete example does not load: {e}"));
    let canonical = toml::to_string(&spec).expect("a spec serializes");
    let again: Spec = toml::from_str(&canonical).unwrap_or_else(|e| panic!("canonical TOML does not load: {e}\n{canonical}"));
    assert_eq!(toml::to_string(&again).expect("serializes"), canonical, "spec → TOML → spec changed something");
    let written: Table = example.parse().expect("TOML");
    let canonical: Table = canonical.parse().expect("TOML");
    assert_within(&written, &canonical, "");
}

/// Every value of `written` is in `canonical` unchanged (canonical may add defaults).
fn assert_within(written: &Table, canonical: &Table, path: &str) {
    for (key, value) in written {
        let here = join(path, key);
        match (value, canonical.get(key)) {
            (Value::Table(w), Some(Value::Table(c))) => assert_within(w, c, &here),
            (w, Some(c)) => assert_eq!(w, c, "`{here}` changed in the round trip"),
            (_, None) => panic!("`{here}` was lost in the round trip"),
        }
    }
}

#[test]
fn complete_example_sets_every_key() {
    let (doc, schema) = schema();
    assert!(schema.len() > 8, "walked too few tables: {schema:?}");
    for (path, keys) in &schema {
        let Some(keys) = keys else { continue };
        let mut set = BTreeSet::new();
        for table in tables_at(&doc, path) {
            set.extend(table.keys().cloned());
        }
        let missing: Vec<&String> = keys.difference(&set).collect();
        assert!(missing.is_empty(), "the complete example in docs/spec.md does not set {missing:?} in [{path}]");
    }
}

/// Every concrete table of the example matching a generic path (`*` = any map entry).
fn tables_at<'t>(doc: &'t Table, generic: &str) -> Vec<&'t Table> {
    let mut tables = vec![doc];
    for part in generic.split('.').filter(|p| !p.is_empty()) {
        tables = tables
            .into_iter()
            .flat_map(|t| if part == "*" { t.values().collect::<Vec<_>>() } else { t.get(part).into_iter().collect() })
            .filter_map(Value::as_table)
            .collect();
    }
    tables
}

/// Sections of the page by the table path in their heading (`[struct.NAME]` → `struct.*`).
fn sections(page: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in page.lines() {
        if line.starts_with('#') {
            current = line.rfind("`[").and_then(|i| line[i + 2..].split_once("]`")).map(|(path, _)| generic_heading(path));
            if let Some(c) = &current {
                out.entry(c.clone()).or_insert_with(String::new);
            }
        } else if let Some(c) = &current {
            let body = out.get_mut(c).expect("inserted at its heading");
            body.push_str(line);
            body.push('\n');
        }
    }
    out
}

/// `struct.NAME.fields.FIELD` → `struct.*.fields.*` (placeholders are in capitals).
fn generic_heading(path: &str) -> String {
    let parts: Vec<&str> = path.split('.').map(|p| if p.chars().all(|c| c.is_ascii_uppercase()) { "*" } else { p }).collect();
    parts.join(".")
}

/// Keys with a row (`| `key` | ...`) in a section.
fn documented_keys(section: &str) -> BTreeSet<String> {
    section.lines().filter_map(|l| l.strip_prefix("| `")).filter_map(|l| l.split_once('`')).map(|(k, _)| k.to_string()).collect()
}

#[test]
fn every_key_has_a_row_in_its_section() {
    let (_, schema) = schema();
    let sections = sections(&page());
    let top: BTreeSet<String> = sections.keys().map(|s| s.split('.').next().unwrap_or("").to_string()).collect();
    for (path, keys) in &schema {
        let Some(keys) = keys else { continue };
        if path.is_empty() {
            let missing: Vec<&String> = keys.difference(&top).collect();
            assert!(missing.is_empty(), "top-level tables without a section in docs/spec.md: {missing:?}");
            continue;
        }
        let section = sections.get(path).unwrap_or_else(|| panic!("docs/spec.md has no section headed `[{path}]` (capitals for names)"));
        let documented = documented_keys(section);
        let missing: Vec<&String> = keys.difference(&documented).collect();
        assert!(missing.is_empty(), "[{path}] keys without a row in docs/spec.md: {missing:?}");
        let unknown: Vec<&String> = documented.difference(keys).collect();
        assert!(unknown.is_empty(), "[{path}] rows in docs/spec.md for keys the spec types do not have: {unknown:?}");
    }
}

/// Checks every key of an example table against the schema.
fn check_example(table: &Table, generic: &str, schema: &Schema, block: &str) {
    let keys = schema.get(generic).unwrap_or_else(|| panic!("example uses table [{generic}], which the spec types do not have:\n{block}"));
    for (key, value) in table {
        if let Some(keys) = keys {
            assert!(keys.contains(key), "example uses unknown key `{key}` in [{generic}]:\n{block}");
        }
        if let Value::Table(child) = value {
            check_example(child, &join(generic, if keys.is_some() { key } else { "*" }), schema, block);
        }
    }
}

#[test]
fn every_example_on_the_page_uses_real_keys() {
    let (_, schema) = schema();
    let blocks = toml_blocks(&page());
    assert!(blocks.len() > 10, "expected an example per table, found {}", blocks.len());
    for (_, body) in &blocks {
        let table: Table = body.parse().unwrap_or_else(|e| panic!("example is not TOML: {e}\n{body}"));
        check_example(&table, "", &schema, body);
    }
}

/// The probe itself: a misspelt key is reported with the table's real keys.
#[test]
fn probe_lists_real_keys() {
    let doc: Table = "[module]\nname = \"m\"\n[c]\nheaders = []\n".parse().expect("TOML");
    let keys = expected_keys(&doc, &["module".to_string()]).expect("module is a struct table");
    assert_eq!(keys, ["aliases", "doc", "int_addresses", "name", "version"].iter().map(|s| s.to_string()).collect());
}
