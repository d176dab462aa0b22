//! Embeds the runtime crate (`../runtime`: its `Cargo.toml`, `build.rs` and
//! every file under `src/`) into the generator as a `&[(relative path, contents)]`
//! table, so `codegen generate --runtime vendored` can copy it into a
//! generated crate from any installed `codegen` binary.

use std::fmt::Write;
use std::path::{Path, PathBuf};

fn main() {
    let runtime = Path::new(env!("CARGO_MANIFEST_DIR")).join("../runtime");
    let mut files = vec![];
    collect(&runtime.join("src"), &mut files);
    files.sort();
    files.insert(0, runtime.join("Cargo.toml"));
    files.insert(1, runtime.join("build.rs"));
    for file in &files {
        println!("cargo:rerun-if-changed={}", file.display());
    }
    let mut table = String::from("&[\n");
    for file in &files {
        let relative = file.strip_prefix(&runtime).expect("collected under runtime/");
        let _ = writeln!(table, "    ({:?}, include_str!({:?})),", relative.display().to_string(), file.display().to_string());
    }
    table.push_str("]\n");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(out.join("runtime_files.rs"), table).expect("OUT_DIR is writable");
}

/// Every file under `dir`, recursively. Each directory walked is also a
/// `rerun-if-changed` path: adding or removing a file changes its
/// directory's modification time, so a new file under `runtime/src/glue`
/// reruns this script (watching the files alone would not notice it).
fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    println!("cargo:rerun-if-changed={}", dir.display());
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}
