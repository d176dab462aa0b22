//! Python lists built directly with the C API on hot paths.

use pyo3::exceptions::PyOverflowError;
use pyo3::{Bound, Py, PyAny, PyErr, PyResult, Python, ffi};

/// A Python list of floats: one allocation for the list, one float per element.
pub fn float_list<T: Copy + Into<f64>>(py: Python<'_>, values: &[T]) -> PyResult<Py<PyAny>> {
    let len = ffi::Py_ssize_t::try_from(values.len()).map_err(|_| PyOverflowError::new_err("list too long"))?;
    // SAFETY: a new list of `len` slots is filled exactly once per slot with a
    // new reference (PyList_SetItem steals it; the limited API's call, so abi3 builds compile); a NULL item fails the whole call.
    unsafe {
        let list = ffi::PyList_New(len);
        let list = Bound::from_owned_ptr_or_err(py, list)?.unbind();
        for (i, v) in values.iter().enumerate() {
            let item = ffi::PyFloat_FromDouble((*v).into());
            if item.is_null() {
                return Err(PyErr::fetch(py));
            }
            if ffi::PyList_SetItem(list.as_ptr(), i as ffi::Py_ssize_t, item) != 0 {
                return Err(PyErr::fetch(py));
            }
        }
        Ok(list)
    }
}
