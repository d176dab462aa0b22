//! Sequence and dict arguments with pybind11's list/map caster rules: any
//! object passing `PySequence_Check` except str and bytes (lists, tuples,
//! numpy arrays); generators, sets and strings are rejected with TypeError.
//! Element conversion is a closure, so generated code decides the element
//! rule (strict int, strict float, a generated class, ...).

use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyString, PyTuple};

use super::args::{incompatible, strict_double};
use super::items;

/// Whether `obj` is a sequence pybind11's list caster accepts.
pub fn is_sequence(obj: &Bound<'_, PyAny>) -> bool {
    if obj.is_instance_of::<PyString>() || obj.is_instance_of::<PyBytes>() || obj.is_instance_of::<PyByteArray>() {
        return false;
    }
    // SAFETY: `obj` is a valid, GIL-bound object pointer.
    unsafe { pyo3::ffi::PySequence_Check(obj.as_ptr()) == 1 }
}

/// Converts every element of a sequence with `convert`.
pub fn list<'py, T>(func: &str, obj: &Bound<'py, PyAny>, mut convert: impl FnMut(&Bound<'py, PyAny>) -> PyResult<T>) -> PyResult<Vec<T>> {
    if let Ok(l) = obj.cast::<PyList>() {
        return l.iter().map(|e| convert(&e).map_err(|_| incompatible(func, obj))).collect();
    }
    if let Ok(t) = obj.cast::<PyTuple>() {
        return t.iter().map(|e| convert(&e).map_err(|_| incompatible(func, obj))).collect();
    }
    if !is_sequence(obj) {
        return Err(incompatible(func, obj));
    }
    let n = obj.len()?;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let item = obj.get_item(i)?;
        out.push(convert(&item).map_err(|_| incompatible(func, obj))?);
    }
    Ok(out)
}

/// The (key, value) pairs of a dict, in dict order; anything but a dict is TypeError.
pub fn dict<'py, K, V>(
    func: &str,
    obj: &Bound<'py, PyAny>,
    mut key: impl FnMut(&Bound<'py, PyAny>) -> PyResult<K>,
    mut value: impl FnMut(&Bound<'py, PyAny>) -> PyResult<V>,
) -> PyResult<Vec<(K, V)>> {
    let d = obj.cast::<PyDict>().map_err(|_| incompatible(func, obj))?;
    d.iter().map(|(k, v)| Ok((key(&k)?, value(&v)?))).collect()
}

/// A `float_list` argument (pybind11's list caster with noconvert double
/// elements) in one pass into one buffer: lists and tuples are read in
/// place, without a reference count change per element; other sequences
/// (numpy arrays, ...) go through [`list`] with [`strict_double`]. Same
/// acceptance as `list(func, obj, strict_double)`: floats and float
/// subclasses (np.float64) only, anything else is TypeError.
pub fn float_list(func: &str, obj: &Bound<'_, PyAny>) -> PyResult<Vec<f64>> {
    let floats = if let Ok(l) = obj.cast::<PyList>() {
        // SAFETY: `l` is a live list; `read_floats` reads items below its length.
        unsafe { read_floats(l.as_ptr(), items::list_len(l.as_ptr()), |o, i| items::list_item(o, i)) }
    } else if let Ok(t) = obj.cast::<PyTuple>() {
        // SAFETY: `t` is a live tuple; items below its length, as above.
        unsafe { read_floats(t.as_ptr(), items::tuple_len(t.as_ptr()), |o, i| items::tuple_item(o, i)) }
    } else {
        return list(func, obj, |e| strict_double(func, e));
    };
    floats.ok_or_else(|| incompatible(func, obj))
}

/// Reads `len` items of a list or tuple as floats (`None` at the first
/// element that is not a float). No Python code runs while reading, so the
/// container cannot change under the borrowed item pointers.
///
/// # Safety
/// `seq` is a live list or tuple of at least `len` items and `item` reads
/// its borrowed item pointers (for `i < len`); the GIL is held.
unsafe fn read_floats(
    seq: *mut pyo3::ffi::PyObject,
    len: pyo3::ffi::Py_ssize_t,
    item: impl Fn(*mut pyo3::ffi::PyObject, pyo3::ffi::Py_ssize_t) -> *mut pyo3::ffi::PyObject,
) -> Option<Vec<f64>> {
    let mut out = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    for i in 0..len {
        let e = item(seq, i);
        // SAFETY: `e` is a valid borrowed reference (see the contract);
        // PyFloat_Check is true for floats and their subclasses, whose
        // value `float_value` reads without running Python code (and
        // without failing: `e` is a float).
        unsafe {
            if e.is_null() || pyo3::ffi::PyFloat_Check(e) == 0 {
                return None;
            }
            out.push(items::float_value(e));
        }
    }
    Some(out)
}
