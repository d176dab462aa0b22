//! `mediapipe-pyglue`: the MediaPipe-specific Python-side helpers of the
//! generated `mediapipe.python._framework_bindings` crate. The
//! target-agnostic glue (strict argument conversion, sequences and dicts,
//! static properties, the status table's exceptions, callbacks with the GIL)
//! is `bindery_runtime::glue`; what stays here needs the core's types:
//! [`numpy`] reads arrays as the core's pixel data and builds zero-copy
//! read-only views of frames and matrices, [`observer`] wraps a Python
//! callable as a graph observer, and [`pixel`] returns a pixel channel.
//! Class-specific work is passed in as closures.

pub mod numpy;
pub mod observer;

use mediapipe_core::image_frame::PixelValue;
use pyo3::{IntoPyObjectExt, Py, PyAny, PyResult, Python};

/// A pixel channel value as a Python int or float.
pub fn pixel(py: Python<'_>, value: PixelValue) -> PyResult<Py<PyAny>> {
    match value {
        PixelValue::Int(v) => v.into_py_any(py),
        PixelValue::Float(v) => v.into_py_any(py),
    }
}
