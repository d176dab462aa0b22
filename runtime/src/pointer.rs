//! Raw addresses crossing into Python: `void*` fields as PyCapsules (as pyds
//! does) and the address forms that `cast` accepts (a capsule or an `int`).
//!
//! Capsules made here carry no name and no destructor: they never own what
//! they point to.

use std::ffi::c_void;

use pyo3::exceptions::{PyOverflowError, PyTypeError};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyInt};

/// Wraps a pointer in an unnamed capsule; NULL becomes `None`.
pub fn to_capsule<'py>(py: Python<'py>, ptr: *mut c_void) -> PyResult<Bound<'py, PyAny>> {
    if ptr.is_null() {
        return Ok(py.None().into_bound(py));
    }
    // SAFETY: the pointer is non-null; no name and no destructor.
    unsafe {
        let raw = ffi::PyCapsule_New(ptr, std::ptr::null(), None);
        Bound::from_owned_ptr_or_err(py, raw)
    }
}

/// Reads an address from `None` (NULL), an `int`, or a capsule of any name.
pub fn address_of(value: &Bound<'_, PyAny>, what: &str) -> PyResult<*mut c_void> {
    if value.is_none() {
        return Ok(std::ptr::null_mut());
    }
    if value.is_instance_of::<PyInt>() {
        let addr: usize = value.extract().map_err(|_| {
            PyOverflowError::new_err(format!("{what}: address out of range for a pointer"))
        })?;
        return Ok(addr as *mut c_void);
    }
    if value.is_instance_of::<PyCapsule>() {
        // SAFETY: value is a capsule; we read its pointer with its own name.
        unsafe {
            let name = ffi::PyCapsule_GetName(value.as_ptr());
            let ptr = ffi::PyCapsule_GetPointer(value.as_ptr(), name);
            if ptr.is_null() {
                return Err(PyErr::fetch(value.py()));
            }
            return Ok(ptr);
        }
    }
    if let Ok(addr) = value.getattr(pyo3::intern!(value.py(), "address")) {
        if addr.is_instance_of::<PyInt>() {
            return address_of(&addr, what);
        }
    }
    Err(PyTypeError::new_err(format!(
        "{what}: expected an int address, a capsule or None, got {}",
        crate::ints::type_name(value)
    )))
}

/// Like [`address_of`], but for `cast`: `None` raises `TypeError`, a NULL address `ValueError`.
pub fn non_null_address(value: &Bound<'_, PyAny>, what: &str) -> PyResult<std::ptr::NonNull<c_void>> {
    if value.is_none() {
        return Err(PyTypeError::new_err(format!("{what}: expected an int address or a capsule, got None")));
    }
    std::ptr::NonNull::new(address_of(value, what)?).ok_or_else(|| crate::errors::null_address(what))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capsule_round_trip_and_forms() {
        Python::initialize();
        Python::attach(|py| {
            let mut x = 5u32;
            let p = (&mut x as *mut u32).cast::<c_void>();
            let cap = to_capsule(py, p).unwrap();
            assert_eq!(address_of(&cap, "t").unwrap(), p);
            let as_int = (p as usize).into_pyobject(py).unwrap().into_any();
            assert_eq!(address_of(&as_int, "t").unwrap(), p);
            assert!(to_capsule(py, std::ptr::null_mut()).unwrap().is_none());
            let none = py.None().into_bound(py);
            assert!(non_null_address(&none, "t").unwrap_err().is_instance_of::<PyTypeError>(py));
            let zero = 0i64.into_pyobject(py).unwrap().into_any();
            assert!(non_null_address(&zero, "t").unwrap_err().is_instance_of::<pyo3::exceptions::PyValueError>(py));
            let s = "x".into_pyobject(py).unwrap().into_any();
            assert!(address_of(&s, "t").unwrap_err().is_instance_of::<PyTypeError>(py));
            let neg = (-1i64).into_pyobject(py).unwrap().into_any();
            assert!(address_of(&neg, "t").is_err());
        });
    }
}
