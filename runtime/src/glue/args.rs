//! Scalar argument conversion with pybind11's rules, so wrong types fail the
//! way a pybind11 module does: `TypeError` for anything its casters reject
//! (including ints beyond the C type, which pybind cannot hold), never a
//! silent conversion pybind11 would not make.

use pyo3::exceptions::{PyOverflowError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyByteArray, PyBytes, PyFloat, PyString};

/// pybind11's overload-resolution failure for `func` called with `obj`.
pub fn incompatible(func: &str, obj: &Bound<'_, PyAny>) -> PyErr {
    let shown = obj.repr().map(|r| r.to_string()).unwrap_or_else(|_| "<unprintable>".into());
    PyTypeError::new_err(format!(
        "{func}(): incompatible function arguments. The following argument types are supported: see help({func}).\n\nInvoked with: {shown}"
    ))
}

/// Maps an OverflowError (value beyond the C type) to pybind11's TypeError.
fn overflow_as_type_error(err: PyErr, func: &str, obj: &Bound<'_, PyAny>) -> PyErr {
    if err.is_instance_of::<PyOverflowError>(obj.py()) || err.is_instance_of::<PyTypeError>(obj.py()) {
        incompatible(func, obj)
    } else {
        err
    }
}

/// noconvert int64: Python ints, bools, numpy ints and other `__index__`
/// objects; floats (Python or numpy) and ints beyond int64 are TypeError.
pub fn int64(func: &str, obj: &Bound<'_, PyAny>) -> PyResult<i64> {
    if obj.is_instance_of::<PyFloat>() {
        return Err(incompatible(func, obj));
    }
    obj.extract::<i64>().map_err(|e| overflow_as_type_error(e, func, obj))
}

/// noconvert int32 (a C++ `int`): as [`int64`], and a value beyond int32 is
/// TypeError too (pybind11's caster rejects it).
pub fn int32(func: &str, obj: &Bound<'_, PyAny>) -> PyResult<i32> {
    i32::try_from(int64(func, obj)?).map_err(|_| incompatible(func, obj))
}

/// convert-mode uint64: like [`int64`] but via `int(obj)` for objects without
/// `__index__` (np.float32(3.7) → 3); a Python float, a negative value or
/// one beyond uint64 is TypeError.
pub fn uint64(func: &str, obj: &Bound<'_, PyAny>) -> PyResult<u64> {
    if obj.is_exact_instance_of::<PyFloat>() || obj.is_instance_of::<PyString>() {
        return Err(incompatible(func, obj));
    }
    if let Ok(v) = obj.extract::<u64>() {
        return Ok(v);
    }
    let as_int = obj.call_method0("__int__").map_err(|_| incompatible(func, obj))?;
    as_int.extract::<u64>().map_err(|_| incompatible(func, obj))
}

/// convert-mode double: anything with `__float__` or `__index__`.
pub fn double(func: &str, obj: &Bound<'_, PyAny>) -> PyResult<f64> {
    if obj.is_instance_of::<PyString>() {
        return Err(incompatible(func, obj));
    }
    obj.extract::<f64>().map_err(|_| incompatible(func, obj))
}

/// noconvert double (sequence elements): Python floats and their subclasses
/// (np.float64) only; ints and np.float32 are TypeError.
pub fn strict_double(func: &str, obj: &Bound<'_, PyAny>) -> PyResult<f64> {
    match obj.cast::<PyFloat>() {
        Ok(f) => Ok(f.value()),
        Err(_) => Err(incompatible(func, obj)),
    }
}

/// noconvert bool: True/False or a numpy bool; `1` is TypeError.
pub fn bool_(func: &str, obj: &Bound<'_, PyAny>) -> PyResult<bool> {
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(b.is_true());
    }
    if is_numpy_bool(obj) {
        return obj.is_truthy();
    }
    Err(incompatible(func, obj))
}

fn is_numpy_bool(obj: &Bound<'_, PyAny>) -> bool {
    let ty = obj.get_type();
    let module = ty.module().map(|m| m.to_string()).unwrap_or_default();
    let name = ty.name().map(|n| n.to_string()).unwrap_or_default();
    module == "numpy" && (name == "bool_" || name == "bool")
}

/// A `std::string` argument: str (UTF-8), bytes or bytearray.
pub fn bytes(func: &str, obj: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(s.to_str()?.as_bytes().to_vec());
    }
    if let Ok(b) = obj.cast::<PyBytes>() {
        return Ok(b.as_bytes().to_vec());
    }
    if let Ok(b) = obj.cast::<PyByteArray>() {
        return Ok(b.to_vec());
    }
    Err(incompatible(func, obj))
}

/// A `str` argument (no bytes).
pub fn string(func: &str, obj: &Bound<'_, PyAny>) -> PyResult<String> {
    match obj.cast::<PyString>() {
        Ok(s) => Ok(s.to_str()?.to_string()),
        Err(_) => Err(incompatible(func, obj)),
    }
}

/// `str(obj)`: an argument read as its text (a protobuf message prints as text format).
pub fn stringified(_func: &str, obj: &Bound<'_, PyAny>) -> PyResult<String> {
    Ok(obj.str()?.to_str()?.to_string())
}

/// A non-negative size (`size_t`); negatives and non-ints are TypeError.
pub fn size(func: &str, obj: &Bound<'_, PyAny>) -> PyResult<usize> {
    let v = int64(func, obj)?;
    usize::try_from(v).map_err(|_| incompatible(func, obj))
}

/// A callable argument (callbacks); anything else is TypeError.
pub fn callable(func: &str, obj: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
    if obj.is_callable() { Ok(obj.clone().unbind()) } else { Err(incompatible(func, obj)) }
}

/// The TypeError for a required argument that was not given.
pub fn missing(func: &str, name: &str) -> PyErr {
    PyTypeError::new_err(format!("{func}() missing required argument '{name}'"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use pyo3::types::PyFloat;

    #[test]
    fn int32_takes_the_int32_range_only() {
        Python::initialize();
        Python::attach(|py| {
            let int = |v: i64| v.into_pyobject(py).unwrap().into_any();
            assert_eq!(int32("f", &int(i64::from(i32::MIN))).unwrap(), i32::MIN);
            assert_eq!(int32("f", &int(i64::from(i32::MAX))).unwrap(), i32::MAX);
            for bad in [int(1 << 31), int(-(1 << 31) - 1), PyFloat::new(py, 1.0).into_any()] {
                let err = int32("f", &bad).unwrap_err();
                assert!(err.is_instance_of::<PyTypeError>(py));
                assert!(err.value(py).to_string().starts_with("f(): incompatible function arguments."));
            }
        });
    }
}
