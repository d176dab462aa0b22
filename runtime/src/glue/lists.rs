//! Python lists built directly with the C API on hot paths.

use pyo3::exceptions::PyOverflowError;
use pyo3::{Bound, Py, PyAny, PyErr, PyResult, Python, ffi};

use super::items;

/// A Python list of floats: one allocation for the list, one float per element.
pub fn float_list<T: Copy + Into<f64>>(py: Python<'_>, values: &[T]) -> PyResult<Py<PyAny>> {
    let len = ffi::Py_ssize_t::try_from(values.len()).map_err(|_| PyOverflowError::new_err("list too long"))?;
    // SAFETY: a new, unshared list of `len` slots is filled exactly once per
    // slot with a new reference (`list_fill` steals it); a NULL item fails
    // the whole call (the list, with its empty slots, is then dropped).
    unsafe {
        let list = ffi::PyList_New(len);
        let list = Bound::from_owned_ptr_or_err(py, list)?.unbind();
        for (i, v) in values.iter().enumerate() {
            let item = ffi::PyFloat_FromDouble((*v).into());
            if item.is_null() {
                return Err(PyErr::fetch(py));
            }
            if !items::list_fill(list.as_ptr(), i as ffi::Py_ssize_t, item) {
                return Err(PyErr::fetch(py));
            }
        }
        Ok(list)
    }
}
