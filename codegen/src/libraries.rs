//! The symbols the generated module links against: the `[c].libraries` and
//! pkg-config libraries, found the way the linker finds them (their `-L`
//! directories, then the compiler's search path), with the libraries they
//! need (`DT_NEEDED`), read as ELF. A header may declare a function no
//! library exports (GLib's `g_thread_init` lives in libgthread); calling it
//! would make the module fail at import with `undefined symbol`. When a
//! library cannot be found or read, nothing is known and nothing is checked.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use object::{Object, read::NameOrOrdinal};

/// What the linked libraries export.
#[derive(Clone, Debug, Default)]
pub struct Exports {
    /// The libraries linked by name (`-l`), for messages.
    pub libraries: Vec<String>,
    /// Every exported symbol name.
    pub symbols: HashSet<String>,
}

impl Exports {
    /// Whether some linked library exports `name`.
    pub fn has(&self, name: &str) -> bool {
        self.symbols.contains(name)
    }
}

/// The exports of `-l` libraries `names` searched in `dirs` first; `None`
/// when there are none or one cannot be found or read.
pub fn exports(names: &[String], dirs: &[PathBuf]) -> Option<Exports> {
    if names.is_empty() {
        return None;
    }
    let search: Vec<PathBuf> = dirs.iter().cloned().chain(compiler_dirs()).collect();
    let mut out = Exports { libraries: names.to_vec(), ..Exports::default() };
    let mut seen = BTreeSet::new();
    let mut queue: Vec<PathBuf> = names.iter().map(|n| find(&format!("lib{n}.so"), &search)).collect::<Option<_>>()?;
    while let Some(path) = queue.pop() {
        if !seen.insert(path.clone()) {
            continue;
        }
        let needed = read(&path, &mut out)?;
        // A needed library that is not found is the loader's business, not ours.
        queue.extend(needed.iter().filter_map(|n| find(n, &search)));
    }
    Some(out)
}

/// Adds `path`'s exports to `out`; returns the libraries it needs (for a
/// linker script such as Debian's `libm.so`, the files it names).
fn read(path: &Path, out: &mut Exports) -> Option<Vec<String>> {
    let data = std::fs::read(path).ok()?;
    if !data.starts_with(b"\x7fELF") {
        return linker_script_inputs(&String::from_utf8_lossy(&data));
    }
    let file = object::File::parse(&*data).ok()?;
    for export in file.exports().ok()?.filter_map(Result::ok) {
        if let NameOrOrdinal::Name(name) = export.name() {
            out.symbols.insert(String::from_utf8_lossy(name).into_owned());
        }
    }
    let needed = file.import_libraries().ok()?.filter_map(Result::ok).map(|l| String::from_utf8_lossy(l.name()).into_owned());
    Some(needed.collect())
}

/// The shared objects a GNU ld script (`GROUP ( /lib/libm.so.6 AS_NEEDED ( … ) )`) names.
fn linker_script_inputs(text: &str) -> Option<Vec<String>> {
    if !(text.contains("GROUP") || text.contains("INPUT")) {
        return None;
    }
    let words = text.split(|c: char| c.is_whitespace() || c == '(' || c == ')');
    Some(words.filter(|w| w.contains(".so")).map(str::to_string).collect())
}

/// `file` (a name, or an absolute path from a linker script) in the first directory holding it.
fn find(file: &str, dirs: &[PathBuf]) -> Option<PathBuf> {
    if Path::new(file).is_absolute() {
        return Some(PathBuf::from(file)).filter(|p| p.is_file());
    }
    dirs.iter().map(|d| d.join(file)).find(|p| p.is_file())
}

/// The compiler's library search path (`cc -print-search-dirs`), or the
/// usual system directories when there is no compiler to ask.
fn compiler_dirs() -> Vec<PathBuf> {
    let out = std::process::Command::new("cc").arg("-print-search-dirs").output();
    let text = out.map(|o| String::from_utf8_lossy(&o.stdout).into_owned()).unwrap_or_default();
    let listed = text.lines().find_map(|l| l.strip_prefix("libraries: =")).map(|l| l.split(':').map(PathBuf::from).collect::<Vec<_>>());
    listed.unwrap_or_else(|| ["/usr/local/lib", "/usr/lib", "/lib"].iter().map(PathBuf::from).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_libraries_means_nothing_known() {
        assert!(exports(&[], &[]).is_none());
    }

    #[test]
    fn a_missing_library_means_nothing_known() {
        assert!(exports(&["bindery_no_such_library".into()], &[]).is_none());
    }

    #[test]
    fn linker_scripts_name_their_inputs() {
        let script = "/* GNU ld script */\nOUTPUT_FORMAT(elf64-x86-64)\nGROUP ( /lib/x86_64-linux-gnu/libm.so.6  AS_NEEDED ( /lib/x86_64-linux-gnu/libmvec.so.1 ) )\n";
        assert_eq!(
            linker_script_inputs(script),
            Some(vec!["/lib/x86_64-linux-gnu/libm.so.6".into(), "/lib/x86_64-linux-gnu/libmvec.so.1".into()])
        );
        assert_eq!(linker_script_inputs("garbage"), None);
    }

    #[test]
    fn libraries_are_read_with_what_they_need() {
        // libm is on every Linux system the generator runs on; it needs libc.
        let Some(e) = exports(&["m".into()], &[]) else { panic!("libm not found on the compiler's search path") };
        assert!(e.has("cos"), "libm exports cos");
        assert!(e.has("malloc"), "libc, which libm needs, exports malloc");
        assert!(!e.has("bindery_no_such_symbol"));
    }
}
