//! The `str` of a short `char[N]` value, reused while the bytes are the
//! same: labels such as `obj_label` repeat a few values ("car", "person")
//! over every object of every frame, and making and freeing a new `str`
//! per read is most of such a read's cost.
//!
//! A direct-mapped table of [`SLOTS`] entries, indexed by a hash of the
//! bytes, holds one reference to the last `str` made for each slot and the
//! bytes it was decoded from; a read whose bytes equal the slot's returns
//! that `str` (immutable, so sharing it is invisible but for `is`), any other
//! read decodes and replaces the slot. Values longer than [`MAX_LEN`] bytes
//! are always decoded. The table is touched only with the GIL held (the
//! callers are descriptor functions CPython calls attached); builds without
//! a GIL skip it. At most [`SLOTS`] small `str`s stay alive.

use std::cell::UnsafeCell;

use pyo3::ffi;

/// Entries in the table.
const SLOTS: usize = 64;

/// Longest value kept, in bytes.
const MAX_LEN: usize = 23;

/// One entry: the bytes of a value and its `str` (NULL: empty).
struct Slot {
    len: usize,
    bytes: [u8; MAX_LEN],
    object: *mut ffi::PyObject,
}

struct Table(UnsafeCell<[Slot; SLOTS]>);

// SAFETY: the table is read and written only with the GIL held (see
// `decode`'s contract), which serialises every access; the pointers it holds
// are `str` objects of the one interpreter that imports the module (PyO3
// modules refuse sub-interpreters).
unsafe impl Sync for Table {}

static TABLE: Table = Table(UnsafeCell::new([const { Slot { len: 0, bytes: [0; MAX_LEN], object: std::ptr::null_mut() } }; SLOTS]));

/// The slot of `bytes` (at most `MAX_LEN` long).
#[inline(always)]
fn index(bytes: &[u8]) -> usize {
    let (first, middle, last) = match bytes {
        [] => (0, 0, 0),
        _ => (bytes[0], bytes[bytes.len() / 2], bytes[bytes.len() - 1]),
    };
    (bytes.len() * 31 + usize::from(first) * 7 + usize::from(middle) * 13 + usize::from(last)) % SLOTS
}

/// A new `str` of `bytes` decoded as UTF-8, invalid bytes replaced (NULL
/// with `MemoryError` set on failure).
///
/// # Safety
/// The GIL is held.
#[inline(always)]
unsafe fn decode_new(bytes: &[u8]) -> *mut ffi::PyObject {
    // SAFETY: `bytes` is readable (a slice); with "replace" only MemoryError can fail (contract: GIL held).
    unsafe { ffi::PyUnicode_DecodeUTF8(bytes.as_ptr().cast(), bytes.len() as ffi::Py_ssize_t, c"replace".as_ptr()) }
}

/// A new reference to the `str` of `bytes` decoded as UTF-8 with invalid
/// bytes replaced (what `PyUnicode_DecodeUTF8(…, "replace")` gives), reused
/// from the table when the same bytes were read last in their slot. NULL
/// with `MemoryError` set on failure.
///
/// # Safety
/// The GIL is held, and no other call of this function is running (true of
/// every caller holding the GIL: nothing here runs Python code while the
/// table is borrowed, a `str`'s deallocation included).
#[inline]
pub unsafe fn decode(bytes: &[u8]) -> *mut ffi::PyObject {
    if bytes.len() > MAX_LEN || cfg!(Py_GIL_DISABLED) {
        // SAFETY: forwarded contract.
        return unsafe { decode_new(bytes) };
    }
    // SAFETY: the GIL is held and no other borrow of the table is alive (contract).
    let slot = unsafe { &mut (*TABLE.0.get())[index(bytes)] };
    if !slot.object.is_null() && slot.bytes[..slot.len] == *bytes {
        // SAFETY: the slot holds a reference to a live `str`; the GIL is held.
        unsafe { ffi::Py_IncRef(slot.object) };
        return slot.object;
    }
    // SAFETY: forwarded contract.
    let object = unsafe { decode_new(bytes) };
    if !object.is_null() {
        // SAFETY: a new live `str`; the slot takes a reference of its own. The
        // one it held is released last: a `str`'s deallocation runs no Python code.
        unsafe {
            ffi::Py_IncRef(object);
            let old = std::mem::replace(&mut slot.object, object);
            slot.len = bytes.len();
            slot.bytes[..bytes.len()].copy_from_slice(bytes);
            if !old.is_null() {
                ffi::Py_DecRef(old);
            }
        }
    }
    object
}

#[cfg(test)]
mod tests {
    use super::*;
    use pyo3::prelude::*;

    fn text(object: *mut ffi::PyObject) -> String {
        Python::attach(|py| unsafe { Bound::from_owned_ptr(py, object) }.extract().unwrap())
    }

    #[test]
    fn same_bytes_share_one_str_and_other_bytes_replace_it() {
        Python::initialize();
        Python::attach(|_| unsafe {
            let (a, b) = (decode(b"car"), decode(b"car"));
            assert_eq!(a, b, "the same bytes give the cached str");
            let c = decode(b"cas");
            assert_ne!(a, c);
            assert_eq!((text(a), text(b), text(c)), ("car".into(), "car".into(), "cas".into()));
            let long = [b'x'; MAX_LEN + 1];
            let (d, e) = (decode(&long), decode(&long));
            assert_ne!(d, e, "long values are never cached");
            assert_eq!(text(d).len(), MAX_LEN + 1);
            drop(text(e));
            assert_eq!(text(decode(b"\xffok")), "\u{fffd}ok", "invalid UTF-8 is replaced");
            assert_eq!(text(decode(b"")), "");
        });
    }
}
