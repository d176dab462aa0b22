//! Strings in C memory: fixed `char[N]` arrays and heap `char*` strings.
//!
//! Writes are bounded: a `char[N]` accepts at most N-1 UTF-8 bytes and is
//! always NUL-terminated; a longer value raises `ValueError` and writes
//! nothing. Strings containing NUL are rejected (they would be truncated
//! silently on the next read). Reads decode UTF-8, replacing invalid bytes.

use std::ffi::{CStr, c_char};

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::view::Allocator;

/// Reads a `char[N]` field up to its first NUL (or all N bytes when none).
pub fn read_char_array<'py>(py: Python<'py>, array: &[c_char]) -> Bound<'py, PyString> {
    // SAFETY: c_char and u8 have the same size and alignment.
    let bytes = unsafe { std::slice::from_raw_parts(array.as_ptr().cast::<u8>(), array.len()) };
    let end = bytes.iter().position(|b| *b == 0).unwrap_or(bytes.len());
    decode(py, &bytes[..end])
}

/// Writes `value` into a `char[N]` field, NUL-terminated, or raises without writing.
///
/// The bytes are copied straight from the `str`'s own UTF-8 buffer (no
/// intermediate copy); inlined so the generated setter knows `N`.
#[inline]
pub fn write_char_array(array: &mut [c_char], value: &Bound<'_, PyAny>, what: &str) -> PyResult<()> {
    let bytes = checked_bytes(as_str(value, what)?, what)?;
    if bytes.len() >= array.len() {
        return Err(too_long(bytes.len(), array.len(), what));
    }
    let (text, rest) = array.split_at_mut(bytes.len());
    // SAFETY: c_char and u8 have the same size and alignment; `text` is
    // exactly `bytes.len()` long and does not overlap the Python buffer.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), text.as_mut_ptr().cast::<u8>(), bytes.len()) };
    rest.fill(0);
    Ok(())
}

/// The `ValueError` for a string that does not fit in `char[capacity]` with its NUL.
#[cold]
fn too_long(len: usize, capacity: usize, what: &str) -> PyErr {
    PyValueError::new_err(format!(
        "{what}: string of {len} bytes does not fit in char[{capacity}] (at most {} bytes)",
        capacity.saturating_sub(1)
    ))
}

/// Reads a NUL-terminated `char*`; NULL reads as `None`.
///
/// # Safety
/// `ptr` must be NULL or point to a NUL-terminated string.
pub unsafe fn read_c_string<'py>(py: Python<'py>, ptr: *const c_char) -> Option<Bound<'py, PyString>> {
    if ptr.is_null() {
        return None;
    }
    // SAFETY: guaranteed by the caller.
    let bytes = unsafe { CStr::from_ptr(ptr) }.to_bytes();
    Some(decode(py, bytes))
}

/// Replaces an owned `char*` field: allocates a copy of `value` (or stores
/// NULL for `None`) with `allocator` and frees the previous string.
///
/// # Safety
/// `slot` must point to a `char*` that is NULL or was allocated by `allocator`.
pub unsafe fn replace_owned_c_string(slot: *mut *mut c_char, value: &Bound<'_, PyAny>, allocator: Allocator, what: &str) -> PyResult<()> {
    let fresh = if value.is_none() { std::ptr::null_mut() } else { alloc_c_string(value, allocator, what)? };
    // SAFETY: guaranteed by the caller; the old string is ours to free.
    unsafe {
        let old = *slot;
        *slot = fresh;
        if !old.is_null() {
            (allocator.free)(old.cast());
        }
    }
    Ok(())
}

/// Sets a `char*` field that the C side never frees (e.g. a font name): the
/// field points at a process-lifetime copy shared by every field set to the
/// same text, so repeated sets do not leak. `None` stores NULL.
///
/// # Safety
/// `slot` must point to a writable `char*`.
pub unsafe fn set_interned_c_string(slot: *mut *mut c_char, value: &Bound<'_, PyAny>, what: &str) -> PyResult<()> {
    use std::collections::HashMap;
    use std::sync::{Mutex, OnceLock};
    static TABLE: OnceLock<Mutex<HashMap<Vec<u8>, std::ffi::CString>>> = OnceLock::new();
    let fresh = match to_cstring(value, what)? {
        None => std::ptr::null_mut(),
        Some(text) => {
            let mut table = TABLE.get_or_init(Default::default).lock().unwrap_or_else(|p| p.into_inner());
            // The CString's heap buffer never moves, even when the map grows.
            table.entry(text.as_bytes().to_vec()).or_insert(text).as_ptr().cast_mut()
        }
    };
    // SAFETY: guaranteed by the caller.
    unsafe { *slot = fresh };
    Ok(())
}

/// Allocates a NUL-terminated copy of a Python `str` with `allocator`.
pub fn alloc_c_string(value: &Bound<'_, PyAny>, allocator: Allocator, what: &str) -> PyResult<*mut c_char> {
    let bytes = checked_bytes(as_str(value, what)?, what)?;
    // SAFETY: the allocation is len+1 zeroed bytes; we copy len bytes into it.
    unsafe {
        let raw = (allocator.alloc_zeroed)(bytes.len() + 1).cast::<u8>();
        if raw.is_null() {
            return Err(pyo3::exceptions::PyMemoryError::new_err("out of memory"));
        }
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), raw, bytes.len());
        Ok(raw.cast())
    }
}

/// A NUL-terminated copy of a Python `str` argument (`None` gives `None`, for NULL).
pub fn to_cstring(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Option<std::ffi::CString>> {
    if value.is_none() {
        return Ok(None);
    }
    let bytes = checked_bytes(as_str(value, what)?, what)?;
    Ok(Some(std::ffi::CString::new(bytes.to_vec()).expect("NUL bytes were rejected above")))
}

#[inline]
fn as_str<'a, 'py>(value: &'a Bound<'py, PyAny>, what: &str) -> PyResult<&'a Bound<'py, PyString>> {
    if value.is_instance_of::<PyString>() {
        // SAFETY: the object is a `str` (or a subclass of it).
        Ok(unsafe { value.cast_unchecked::<PyString>() })
    } else {
        Err(not_a_str(value, what))
    }
}

#[cold]
fn not_a_str(value: &Bound<'_, PyAny>, what: &str) -> PyErr {
    PyTypeError::new_err(format!("{what}: expected str, got {}", crate::ints::type_name(value)))
}

/// The UTF-8 bytes of `text`, borrowed from the `str` itself (CPython caches
/// them; ASCII strings need no conversion at all), or `ValueError` on NUL.
#[inline]
fn checked_bytes<'a>(text: &'a Bound<'_, PyString>, what: &str) -> PyResult<&'a [u8]> {
    let bytes = text.to_str()?.as_bytes();
    if bytes.contains(&0) {
        return Err(contains_nul(what));
    }
    Ok(bytes)
}

#[cold]
fn contains_nul(what: &str) -> PyErr {
    PyValueError::new_err(format!("{what}: string contains a NUL character"))
}

/// A `str` from UTF-8 bytes in one pass, invalid sequences replaced by U+FFFD.
pub(crate) fn decode<'py>(py: Python<'py>, bytes: &[u8]) -> Bound<'py, PyString> {
    // SAFETY: `bytes` is readable for its length; with "replace" a NULL
    // result can only be MemoryError (handled below like `PyString::new` does).
    let raw = unsafe { pyo3::ffi::PyUnicode_DecodeUTF8(bytes.as_ptr().cast(), bytes.len() as pyo3::ffi::Py_ssize_t, c"replace".as_ptr()) };
    // SAFETY: `raw` is a new reference to a str, or NULL with an exception set.
    match unsafe { Bound::from_owned_ptr_or_opt(py, raw) } {
        // SAFETY: PyUnicode_DecodeUTF8 returns a str.
        Some(text) => unsafe { text.cast_into_unchecked() },
        None => {
            drop(PyErr::take(py));
            PyString::new(py, &String::from_utf8_lossy(bytes))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_py<R>(f: impl FnOnce(Python<'_>) -> R) -> R {
        Python::initialize();
        Python::attach(f)
    }

    #[test]
    fn char_array_round_trip_and_bounds() {
        with_py(|py| {
            let mut field = [0x41 as c_char; 8];
            let v = PyString::new(py, "abcdefg").into_any();
            write_char_array(&mut field, &v, "T.f").unwrap();
            assert_eq!(field[7], 0);
            assert_eq!(read_char_array(py, &field).to_str().unwrap(), "abcdefg");
            let long = PyString::new(py, "abcdefgh").into_any();
            let before = field;
            let err = write_char_array(&mut field, &long, "T.f").unwrap_err();
            assert!(err.is_instance_of::<PyValueError>(py));
            assert_eq!(field, before, "a failed write must not change the field");
        });
    }

    #[test]
    fn char_array_rejects_nul_and_non_str() {
        with_py(|py| {
            let mut field = [0 as c_char; 8];
            let nul = PyString::new(py, "a\0b").into_any();
            assert!(write_char_array(&mut field, &nul, "T.f").is_err());
            let num = 5i32.into_pyobject(py).unwrap().into_any();
            assert!(write_char_array(&mut field, &num, "T.f").unwrap_err().is_instance_of::<PyTypeError>(py));
        });
    }

    #[test]
    fn owned_string_replaces_and_frees() {
        with_py(|py| {
            let mut slot: *mut c_char = std::ptr::null_mut();
            let v = PyString::new(py, "héllo").into_any();
            unsafe { replace_owned_c_string(&mut slot, &v, Allocator::LIBC, "T.s").unwrap() };
            let read = unsafe { read_c_string(py, slot) }.unwrap();
            assert_eq!(read.to_str().unwrap(), "héllo");
            unsafe { replace_owned_c_string(&mut slot, &py.None().into_bound(py), Allocator::LIBC, "T.s").unwrap() };
            assert!(slot.is_null());
            assert!(unsafe { read_c_string(py, slot) }.is_none());
        });
    }

    #[test]
    fn interned_strings_are_shared_and_stable() {
        with_py(|py| {
            let (mut a, mut b): (*mut c_char, *mut c_char) = (std::ptr::null_mut(), std::ptr::null_mut());
            let serif = PyString::new(py, "Serif").into_any();
            unsafe { set_interned_c_string(&mut a, &serif, "T.font").unwrap() };
            for i in 0..100 {
                let other = PyString::new(py, &format!("font{i}")).into_any();
                unsafe { set_interned_c_string(&mut b, &other, "T.font").unwrap() };
            }
            unsafe { set_interned_c_string(&mut b, &serif, "T.font").unwrap() };
            assert_eq!(a, b, "one copy per text");
            assert_eq!(unsafe { read_c_string(py, a) }.unwrap().to_str().unwrap(), "Serif");
            unsafe { set_interned_c_string(&mut a, &py.None().into_bound(py), "T.font").unwrap() };
            assert!(a.is_null());
            let bad = 5i64.into_pyobject(py).unwrap().into_any();
            assert!(unsafe { set_interned_c_string(&mut b, &bad, "T.font") }.is_err());
        });
    }
}
