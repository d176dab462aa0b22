//! A cache of the two libclang parses' results (our frontend's IR module and
//! bindgen's FFI layer) under `target/bindery-cache/`, so regenerating an
//! unchanged target does not parse GLib and GStreamer again
//! (`docs/adr/0008-parse-cache.md`).
//!
//! An entry is valid only when everything the result depends on is unchanged:
//! the key (the generator binary, libclang's version, every option and
//! argument the parse used, supplied by the caller), the contents of every
//! header the parse read, and the modification times of the directories
//! those headers and the include directories are in (a new header that
//! could shadow one). A hit returns exactly what the parse returned when it
//! was stored. This module does not know what it caches and never touches
//! clang; `BINDERY_NO_CACHE=1` turns it off.

use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::UNIX_EPOCH;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

/// What a cached result depends on besides the headers the parse reports.
pub struct Key {
    /// Names the entry: the generator's path and the inputs (a rebuilt
    /// generator replaces its entries instead of adding to them).
    slot: u64,
    /// Every input that is not a file: options, arguments, names, the
    /// generator binary and libclang's version.
    material: String,
    /// Directories whose new or removed entries may change the result (`-I` dirs).
    dirs: Vec<PathBuf>,
}

impl Key {
    /// A key over `parts` (each printed with `{:?}`), the generator binary and libclang.
    pub fn new(parts: &[&dyn std::fmt::Debug], dirs: Vec<PathBuf>) -> Self {
        let inputs: String = parts.iter().map(|p| format!("{p:?}\n")).collect();
        let slot = hash_bytes(format!("{:?}\n{inputs}", std::env::current_exe().ok()).as_bytes());
        let material = format!("{:?}\n{}\n{inputs}", generator_identity(), libclang_version());
        Key { slot, material, dirs }
    }
}

/// One stored entry.
#[derive(Serialize, Deserialize)]
struct Entry {
    material: String,
    files: Vec<FileStamp>,
    dirs: Vec<DirStamp>,
    value: serde_json::Value,
}

/// A header's length and content hash.
#[derive(Serialize, Deserialize, PartialEq)]
struct FileStamp {
    path: PathBuf,
    len: u64,
    hash: u64,
}

/// A directory's modification time (nanoseconds since the epoch).
#[derive(Serialize, Deserialize, PartialEq)]
struct DirStamp {
    path: PathBuf,
    mtime: u128,
}

/// The cached value for `key`, else `compute`'s (a value and the files it
/// read), stored for the next call.
pub fn cached<T, E>(kind: &str, key: &Key, compute: impl FnOnce() -> Result<(T, Vec<PathBuf>), E>) -> Result<T, E>
where
    T: Serialize + DeserializeOwned,
{
    let path = entry_path(kind, key);
    if let Some(value) = path.as_deref().and_then(|p| load(p, key)) {
        return Ok(value);
    }
    let (value, files) = compute()?;
    if let Some(p) = path {
        store(&p, key, &files, &value);
    }
    Ok(value)
}

/// Where the entry of `key` lives (`None`: caching is off).
fn entry_path(kind: &str, key: &Key) -> Option<PathBuf> {
    if std::env::var("BINDERY_NO_CACHE").is_ok_and(|v| v == "1") {
        return None;
    }
    let dir = crate::paths::workspace_root().join("target").join("bindery-cache");
    Some(dir.join(format!("{kind}-{:016x}.json", key.slot)))
}

/// The entry's value, if it was stored for the same key and nothing it depends on changed.
fn load<T: DeserializeOwned>(path: &Path, key: &Key) -> Option<T> {
    let entry: Entry = serde_json::from_slice(&std::fs::read(path).ok()?).ok()?;
    let fresh = entry.material == key.material
        && entry.files.iter().all(|f| stamp_file(&f.path).as_ref() == Some(f))
        && entry.dirs.iter().all(|d| stamp_dir(&d.path).as_ref() == Some(d));
    fresh.then(|| serde_json::from_value(entry.value).ok()).flatten()
}

/// Writes the entry (atomically: concurrent runs may share the cache); a
/// failure only means the next run parses again.
fn store<T: Serialize>(path: &Path, key: &Key, files: &[PathBuf], value: &T) {
    let files: Option<Vec<FileStamp>> = unique(files.to_vec()).iter().map(|f| stamp_file(f)).collect();
    let dirs: Vec<PathBuf> =
        files.iter().flatten().filter_map(|f| f.path.parent().map(Path::to_path_buf)).chain(key.dirs.iter().cloned()).collect();
    let dirs: Option<Vec<DirStamp>> = unique(dirs).iter().map(|d| stamp_dir(d)).collect();
    let (Some(files), Some(dirs), Ok(value)) = (files, dirs, serde_json::to_value(value)) else { return };
    let entry = Entry { material: key.material.clone(), files, dirs, value };
    let Ok(text) = serde_json::to_vec(&entry) else { return };
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let tmp = path.with_extension(format!("{}-{}.tmp", std::process::id(), NEXT.fetch_add(1, Ordering::Relaxed)));
    let written = path.parent().is_some_and(|d| std::fs::create_dir_all(d).is_ok()) && std::fs::write(&tmp, text).is_ok();
    if !written || std::fs::rename(&tmp, path).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

fn unique(mut paths: Vec<PathBuf>) -> Vec<PathBuf> {
    paths.sort();
    paths.dedup();
    paths
}

fn stamp_file(path: &Path) -> Option<FileStamp> {
    let bytes = std::fs::read(path).ok()?;
    Some(FileStamp { path: path.to_path_buf(), len: bytes.len() as u64, hash: hash_bytes(&bytes) })
}

fn stamp_dir(path: &Path) -> Option<DirStamp> {
    let mtime = std::fs::metadata(path).ok()?.modified().ok()?.duration_since(UNIX_EPOCH).ok()?.as_nanos();
    Some(DirStamp { path: path.to_path_buf(), mtime })
}

/// A digest of `text` for a key's material (a long input, such as every
/// symbol a library exports, in a few characters).
pub fn digest(text: &str) -> String {
    format!("{:016x}", hash_bytes(text.as_bytes()))
}

/// SipHash of `bytes`: stable within one generator binary, which is part of every key.
fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = DefaultHasher::new();
    h.write(bytes);
    h.finish()
}

/// The running generator binary (its size and modification time): a rebuilt
/// generator, whose parse or bindgen may differ, misses every entry.
fn generator_identity() -> Option<(u64, u128)> {
    let meta = std::fs::metadata(std::env::current_exe().ok()?).ok()?;
    Some((meta.len(), meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?.as_nanos()))
}

/// libclang's version (the process's one instance, [`crate::libclang`]).
fn libclang_version() -> &'static str {
    static VERSION: OnceLock<String> = OnceLock::new();
    VERSION.get_or_init(crate::libclang::version)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(material: &str, dir: &Path) -> Key {
        Key { slot: 0, material: material.into(), dirs: vec![dir.to_path_buf()] }
    }

    #[test]
    fn a_changed_header_or_key_misses_and_an_unchanged_one_hits() {
        let tmp = tempfile::tempdir().unwrap();
        let header = tmp.path().join("a.h");
        std::fs::write(&header, "int a;").unwrap();
        let cache = tempfile::tempdir().unwrap();
        let entry = cache.path().join("entry.json");
        store(&entry, &key("k", tmp.path()), std::slice::from_ref(&header), &"parsed".to_string());
        assert_eq!(load::<String>(&entry, &key("k", tmp.path())).as_deref(), Some("parsed"));
        assert_eq!(load::<String>(&entry, &key("other", tmp.path())), None, "another key");
        std::fs::write(&header, "int b;").unwrap();
        assert_eq!(load::<String>(&entry, &key("k", tmp.path())), None, "same length, other contents");
    }

    #[test]
    fn a_new_file_beside_the_headers_misses() {
        let tmp = tempfile::tempdir().unwrap();
        let header = tmp.path().join("a.h");
        std::fs::write(&header, "int a;").unwrap();
        let cache = tempfile::tempdir().unwrap();
        let entry = cache.path().join("entry.json");
        store(&entry, &key("k", tmp.path()), &[header], &1u32);
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(tmp.path().join("b.h"), "").unwrap();
        assert_eq!(load::<u32>(&entry, &key("k", tmp.path())), None);
    }
}
