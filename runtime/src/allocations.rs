//! A registry of memory spans a module knows the size of, for helpers that
//! keep an integer-address API (pyds's `alloc_buffer`, `get_string`,
//! `memdup`, `get_detections`): an address is only read, written or freed
//! when it lies in a span the registry holds, and never past its end.
//!
//! Two kinds of span: allocations the module made itself (owned: freed only
//! through [`Registry::take`], exactly once) and spans of C memory it handed
//! out (borrowed: valid while their liveness token is alive, e.g. an
//! inference layer's output buffer). Anything else raises `ValueError`.

use std::collections::BTreeMap;
use std::sync::Mutex;

use pyo3::PyResult;
use pyo3::exceptions::PyValueError;

use crate::token::Token;

/// Records the memory behind a sized `void*` field (`span` in the spec):
/// `count` elements of the size `sizes` lists for `selector` (1 byte when
/// it lists none), valid while `token` lives. Nothing is recorded for a NULL
/// pointer, an untracked view (its memory may be anything) or a struct
/// constructed in Python (no C producer set its fields).
pub fn record_field_span(
    ptr: *mut std::ffi::c_void,
    count: u64,
    selector: i64,
    sizes: &[(i64, u32)],
    token: &Token,
    origin: crate::view::Origin,
) {
    if ptr.is_null() || token.is_immortal() || origin == crate::view::Origin::Python {
        return;
    }
    let element = sizes.iter().find(|(value, _)| *value == selector).map_or(1, |(_, size)| *size);
    if let Some(bytes) = usize::try_from(count).ok().and_then(|n| n.checked_mul(element as usize)) {
        SPANS.insert_borrowed(ptr as usize, bytes, token.clone());
    }
}

/// One known span.
#[derive(Debug)]
struct Span {
    size: usize,
    /// `None` for the module's own allocations; the owner's token otherwise.
    token: Option<Token>,
}

/// Known spans by start address.
#[derive(Debug, Default)]
pub struct Registry {
    spans: Mutex<BTreeMap<usize, Span>>,
}

/// The module's registry: the one its integer-address helpers (pyds's
/// `alloc_buffer`, `get_string`) and generated code share, so a buffer
/// C frees through generated release functions ([`crate::c_owned`]) is
/// forgotten where the helpers look. Each extension module links its own
/// copy of this crate, so it is per module.
pub static SPANS: Registry = Registry::new();

/// Borrowed spans kept before dead ones are swept out.
const SWEEP_AT: usize = 4096;

impl Registry {
    /// An empty registry (usable in a `static`).
    pub const fn new() -> Self {
        Registry { spans: Mutex::new(BTreeMap::new()) }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<usize, Span>> {
        self.spans.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Records an allocation of `size` bytes at `addr` made by this module.
    pub fn insert_owned(&self, addr: usize, size: usize) {
        self.lock().insert(addr, Span { size, token: None });
    }

    /// Records C memory of `size` bytes at `addr`, valid while `token` lives.
    pub fn insert_borrowed(&self, addr: usize, size: usize, token: Token) {
        let mut spans = self.lock();
        if spans.len() >= SWEEP_AT {
            spans.retain(|_, s| s.token.as_ref().is_none_or(Token::is_alive));
        }
        spans.insert(addr, Span { size, token: Some(token) });
    }

    /// Removes the allocation starting at `addr` for the caller to free;
    /// `ValueError` when the module did not allocate it or it is already freed.
    pub fn take(&self, addr: usize, what: &str) -> PyResult<usize> {
        let mut spans = self.lock();
        match spans.get(&addr) {
            Some(Span { token: None, size }) => {
                let size = *size;
                spans.remove(&addr);
                Ok(size)
            }
            _ => Err(PyValueError::new_err(format!("{what}: {addr:#x} is not memory this module allocated (or it was already freed)"))),
        }
    }

    /// Forgets an allocation C freed itself (no error when unknown).
    pub fn forget(&self, addr: usize) {
        self.lock().remove(&addr);
    }

    /// How many bytes from `addr` to the end of the live span holding it;
    /// `ValueError` when no known live span holds `addr`.
    pub fn readable_from(&self, addr: usize, what: &str) -> PyResult<usize> {
        let spans = self.lock();
        let found = spans.range(..=addr).next_back().filter(|(start, s)| addr < **start + s.size);
        match found {
            Some((start, s)) if s.token.as_ref().is_none_or(Token::is_alive) => Ok(*start + s.size - addr),
            Some(_) => Err(crate::errors::dead_view(what)),
            None => Err(PyValueError::new_err(format!(
                "{what}: {addr:#x} is not inside memory this module knows (allocate it with alloc_buffer)"
            ))),
        }
    }

    /// Checks that `len` bytes from `addr` lie in one known live span.
    pub fn check(&self, addr: usize, len: usize, what: &str) -> PyResult<()> {
        let room = self.readable_from(addr, what)?;
        if len > room {
            return Err(PyValueError::new_err(format!(
                "{what}: {len} bytes at {addr:#x} run past the end of its buffer ({room} bytes left)"
            )));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owned_spans_are_freed_once_and_bounded() {
        pyo3::Python::initialize();
        let r = Registry::new();
        r.insert_owned(0x1000, 16);
        assert_eq!(r.readable_from(0x1004, "t").unwrap(), 12);
        assert!(r.check(0x1000, 16, "t").is_ok());
        assert!(r.check(0x1008, 9, "t").is_err(), "past the end");
        assert!(r.readable_from(0x1010, "t").is_err(), "one past the end");
        assert!(r.take(0x1004, "t").is_err(), "not the start");
        assert_eq!(r.take(0x1000, "t").unwrap(), 16);
        assert!(r.take(0x1000, "t").is_err(), "double free");
        assert!(r.readable_from(0x1000, "t").is_err());
    }

    #[test]
    fn borrowed_spans_die_with_their_token_and_cannot_be_freed() {
        pyo3::Python::initialize();
        let r = Registry::new();
        let token = Token::new();
        r.insert_borrowed(0x2000, 8, token.clone());
        assert!(r.check(0x2000, 8, "t").is_ok());
        assert!(r.take(0x2000, "t").is_err(), "C's memory is not ours to free");
        token.kill();
        assert!(r.check(0x2000, 8, "t").is_err());
    }
}
