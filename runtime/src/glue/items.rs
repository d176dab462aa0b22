//! CPython list, tuple and float access on hot paths: the inline macros
//! (`PyList_GET_ITEM`, `PyFloat_AS_DOUBLE`, ...: a load each) on full-API
//! builds, the limited API's exported functions under `cfg(Py_LIMITED_API)`
//! (abi3 wheels; the cfg comes from `runtime/build.rs`), where the macros do
//! not exist. Same contracts either way; callers check types and bounds.

use pyo3::ffi::{Py_ssize_t, PyObject};

#[cfg(not(any(Py_LIMITED_API, PyPy, GraalPy)))]
mod imp {
    use pyo3::ffi::{self, Py_ssize_t, PyObject};

    #[inline(always)]
    pub(super) unsafe fn list_len(list: *mut PyObject) -> Py_ssize_t {
        // SAFETY: the caller passes a live list.
        unsafe { ffi::PyList_GET_SIZE(list) }
    }
    #[inline(always)]
    pub(super) unsafe fn list_item(list: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
        // SAFETY: the caller passes a live list and an index below its length.
        unsafe { ffi::PyList_GET_ITEM(list, i) }
    }
    #[inline(always)]
    pub(super) unsafe fn list_fill(list: *mut PyObject, i: Py_ssize_t, item: *mut PyObject) -> bool {
        // SAFETY: the caller passes a new list, an empty slot below its length and a new reference (stolen).
        unsafe { ffi::PyList_SET_ITEM(list, i, item) };
        true
    }
    #[inline(always)]
    pub(super) unsafe fn tuple_len(tuple: *mut PyObject) -> Py_ssize_t {
        // SAFETY: the caller passes a live tuple.
        unsafe { ffi::PyTuple_GET_SIZE(tuple) }
    }
    #[inline(always)]
    pub(super) unsafe fn tuple_item(tuple: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
        // SAFETY: the caller passes a live tuple and an index below its length.
        unsafe { ffi::PyTuple_GET_ITEM(tuple, i) }
    }
    #[inline(always)]
    pub(super) unsafe fn float_value(float: *mut PyObject) -> f64 {
        // SAFETY: the caller passes a live float (or float subclass).
        unsafe { ffi::PyFloat_AS_DOUBLE(float) }
    }
}

#[cfg(any(Py_LIMITED_API, PyPy, GraalPy))]
mod imp {
    use pyo3::ffi::{self, Py_ssize_t, PyObject};

    pub(super) unsafe fn list_len(list: *mut PyObject) -> Py_ssize_t {
        // SAFETY: the caller passes a live list.
        unsafe { ffi::PyList_Size(list) }
    }
    pub(super) unsafe fn list_item(list: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
        // SAFETY: the caller passes a live list (the call is bounds-checked).
        unsafe { ffi::PyList_GetItem(list, i) }
    }
    pub(super) unsafe fn list_fill(list: *mut PyObject, i: Py_ssize_t, item: *mut PyObject) -> bool {
        // SAFETY: the caller passes a live list and a new reference (stolen even on failure).
        unsafe { ffi::PyList_SetItem(list, i, item) == 0 }
    }
    pub(super) unsafe fn tuple_len(tuple: *mut PyObject) -> Py_ssize_t {
        // SAFETY: the caller passes a live tuple.
        unsafe { ffi::PyTuple_Size(tuple) }
    }
    pub(super) unsafe fn tuple_item(tuple: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
        // SAFETY: the caller passes a live tuple (the call is bounds-checked).
        unsafe { ffi::PyTuple_GetItem(tuple, i) }
    }
    pub(super) unsafe fn float_value(float: *mut PyObject) -> f64 {
        // SAFETY: the caller passes a live float (or float subclass): no error is possible.
        unsafe { ffi::PyFloat_AsDouble(float) }
    }
}

/// Length of a list.
///
/// # Safety
/// `list` is a live list; the GIL is held.
#[inline(always)]
pub unsafe fn list_len(list: *mut PyObject) -> Py_ssize_t {
    // SAFETY: forwarded contract.
    unsafe { imp::list_len(list) }
}

/// Borrowed item `i` of a list (NULL only on the limited API, out of bounds).
///
/// # Safety
/// `list` is a live list and `i < list_len(list)`; the GIL is held.
#[inline(always)]
pub unsafe fn list_item(list: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    // SAFETY: forwarded contract.
    unsafe { imp::list_item(list, i) }
}

/// Fills the empty slot `i` of a new list with `item` (a new reference,
/// stolen); false when it failed (limited API only; a Python error is set).
///
/// # Safety
/// `list` is a list from `PyList_New` not yet shared, slot `i` is within it
/// and still empty; the GIL is held.
#[inline(always)]
pub unsafe fn list_fill(list: *mut PyObject, i: Py_ssize_t, item: *mut PyObject) -> bool {
    // SAFETY: forwarded contract.
    unsafe { imp::list_fill(list, i, item) }
}

/// Length of a tuple.
///
/// # Safety
/// `tuple` is a live tuple; the GIL is held.
#[inline(always)]
pub unsafe fn tuple_len(tuple: *mut PyObject) -> Py_ssize_t {
    // SAFETY: forwarded contract.
    unsafe { imp::tuple_len(tuple) }
}

/// Borrowed item `i` of a tuple (NULL only on the limited API, out of bounds).
///
/// # Safety
/// `tuple` is a live tuple and `i < tuple_len(tuple)`; the GIL is held.
#[inline(always)]
pub unsafe fn tuple_item(tuple: *mut PyObject, i: Py_ssize_t) -> *mut PyObject {
    // SAFETY: forwarded contract.
    unsafe { imp::tuple_item(tuple, i) }
}

/// The value of a float or float subclass.
///
/// # Safety
/// `float` passes `PyFloat_Check`; the GIL is held.
#[inline(always)]
pub unsafe fn float_value(float: *mut PyObject) -> f64 {
    // SAFETY: forwarded contract.
    unsafe { imp::float_value(float) }
}
