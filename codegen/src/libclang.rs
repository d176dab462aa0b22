//! libclang, found and loaded once per process and shared by every parse on
//! every thread: our frontend's (through the `clang` crate) and bindgen's.
//!
//! Both crates load libclang at run time through `clang-sys`, which keeps the
//! loaded library per thread. Left alone, every `Clang::new` searched the
//! disk for libclang again (`llvm-config`, globbing the library directories,
//! reading each candidate) and bindgen did the same once more: a cost paid
//! per target by `codegen check`. Here the first caller loads it and each
//! parse installs the same instance on its own thread (bindgen then uses the
//! one it finds installed).

use std::sync::{Arc, OnceLock};

use clang::Clang;

/// The loaded library and the `clang` crate's token for it.
struct Loaded {
    /// Never dropped (it lives in a static): dropping it would unload the
    /// library of whichever thread dropped it.
    clang: Clang,
    library: Arc<clang_sys::SharedLibrary>,
}

// SAFETY: `Clang` is a zero-sized marker that libclang is loaded on the
// current thread; `Clang::new` makes it neither `Send` nor `Sync` because
// clang-sys keeps the library per thread. `for_this_thread` installs the
// library on the calling thread before it hands out the marker, and the
// marker is never dropped, so every use happens with the library loaded.
unsafe impl Sync for Loaded {}
// SAFETY: as above; the static that owns it is never dropped, so no thread
// but the loading one ever takes it.
unsafe impl Send for Loaded {}

/// Loads libclang on the calling thread (the first call in the process
/// finds and opens it; later calls install the same instance) and returns
/// the `clang` crate's token for it.
pub fn for_this_thread() -> Result<&'static Clang, String> {
    static LOADED: OnceLock<Result<Loaded, String>> = OnceLock::new();
    let loaded = LOADED.get_or_init(load).as_ref().map_err(Clone::clone)?;
    clang_sys::set_library(Some(loaded.library.clone()));
    Ok(&loaded.clang)
}

/// libclang's version string (`Ubuntu clang version 14.0.6`), or empty if it cannot be loaded.
pub fn version() -> String {
    if for_this_thread().is_err() {
        return String::new();
    }
    clang::get_version()
}

/// Finds and loads libclang (the `clang` crate's search).
fn load() -> Result<Loaded, String> {
    let clang = Clang::new()?;
    let library = clang_sys::get_library().ok_or("libclang was loaded but is not installed on this thread")?;
    Ok(Loaded { clang, library })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_thread_gets_the_same_library_and_the_version_reads() {
        let library = || for_this_thread().map(|_| clang_sys::get_library().map(|l| Arc::as_ptr(&l) as usize));
        let here = library().expect("libclang loads");
        let there = std::thread::spawn(move || library().expect("libclang loads")).join().unwrap();
        assert!(here.is_some());
        assert_eq!(here, there);
        assert!(version().contains("clang version"), "{}", version());
    }
}
