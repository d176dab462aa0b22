//! Sequence and dict arguments with pybind11's list/map caster rules: any
//! object passing `PySequence_Check` except str and bytes (lists, tuples,
//! numpy arrays); generators, sets and strings are rejected with TypeError.
//! Element conversion is a closure, so generated code decides the element
//! rule (strict int, strict float, a generated class, ...).

use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyDict, PyList, PyString, PyTuple};

use super::args::incompatible;

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
