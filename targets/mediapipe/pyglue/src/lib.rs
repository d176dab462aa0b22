//! `mediapipe-pyglue`: the hand-written Python-side runtime of the generated
//! `mediapipe.python._framework_bindings` crate (the Rust-path counterpart of
//! `bindery-runtime`).
//!
//! Generated code calls these helpers instead of emitting logic: [`status`]
//! turns a core `Status` into the Python exception the reference raises,
//! [`args`] converts Python arguments with pybind11's strictness
//! (noconvert ints, strict bools, sequences that are not str/bytes),
//! [`numpy`] builds zero-copy read-only views and reads arrays,
//! [`observer`] wraps a Python callable as a graph observer, and
//! [`descriptor`] provides static read-only properties. This crate knows the
//! core's types but none of the generated classes; class-specific work is
//! passed in as closures.

pub mod args;
pub mod descriptor;
pub mod numpy;
pub mod observer;
pub mod seq;
pub mod status;

pub use status::{StatusExt, raise};

use mediapipe_core::image_frame::PixelValue;
use pyo3::{IntoPyObjectExt, Py, PyAny, PyResult, Python};

/// A pixel channel value as a Python int or float.
pub fn pixel(py: Python<'_>, value: PixelValue) -> PyResult<Py<PyAny>> {
    match value {
        PixelValue::Int(v) => v.into_py_any(py),
        PixelValue::Float(v) => v.into_py_any(py),
    }
}

/// Holds a value whose drop may block on threads that need the GIL (a
/// running graph joining workers that call Python observers): dropping it
/// releases the GIL first, so deleting the Python object cannot deadlock.
pub struct DetachOnDrop<T: Send>(Option<T>);

impl<T: Send> DetachOnDrop<T> {
    /// Wraps `value`.
    pub fn new(value: T) -> Self {
        DetachOnDrop(Some(value))
    }
}

impl<T: Send> std::ops::Deref for DetachOnDrop<T> {
    type Target = T;
    fn deref(&self) -> &T {
        // Only `drop` takes the value out.
        self.0.as_ref().expect("DetachOnDrop value is present until drop")
    }
}

impl<T: Send> std::ops::DerefMut for DetachOnDrop<T> {
    fn deref_mut(&mut self) -> &mut T {
        self.0.as_mut().expect("DetachOnDrop value is present until drop")
    }
}

impl<T: Send> Drop for DetachOnDrop<T> {
    fn drop(&mut self) {
        if let Some(value) = self.0.take() {
            Python::attach(|py| py.detach(move || drop(value)));
        }
    }
}

/// A Python list of floats built directly with the C API (the hot path of
/// `get_float_list`): one allocation for the list, one float per element.
pub fn float_list<T: Copy + Into<f64>>(py: Python<'_>, values: &[T]) -> PyResult<Py<PyAny>> {
    let len = pyo3::ffi::Py_ssize_t::try_from(values.len()).map_err(|_| pyo3::exceptions::PyOverflowError::new_err("list too long"))?;
    // SAFETY: a new list of `len` slots is filled exactly once per slot with a
    // new reference (SET_ITEM steals it); a NULL item fails the whole call.
    unsafe {
        let list = pyo3::ffi::PyList_New(len);
        let list = pyo3::Bound::from_owned_ptr_or_err(py, list)?.unbind();
        for (i, v) in values.iter().enumerate() {
            let item = pyo3::ffi::PyFloat_FromDouble((*v).into());
            if item.is_null() {
                return Err(pyo3::PyErr::fetch(py));
            }
            pyo3::ffi::PyList_SET_ITEM(list.as_ptr(), i as pyo3::ffi::Py_ssize_t, item);
        }
        Ok(list)
    }
}
