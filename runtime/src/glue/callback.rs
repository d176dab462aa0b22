//! Python callables called from threads the wrapped library owns: the call
//! takes the GIL, and an exception it raises comes back as text for the
//! library's own error value (a worker thread has no Python caller to
//! raise into).

use pyo3::prelude::*;
use pyo3::types::PyTuple;

/// Calls `callback(*args(py))` with the GIL held; a raised exception (from
/// building the arguments or from the call) is returned as `"KIND: text"`.
pub fn call_with_gil(callback: &Py<PyAny>, args: impl FnOnce(Python<'_>) -> PyResult<Py<PyTuple>>) -> Result<(), String> {
    Python::attach(|py| {
        let call = args(py).and_then(|a| callback.call1(py, a.into_bound(py)));
        call.map(|_| ()).map_err(|err| describe(py, &err))
    })
}

/// `"KIND: text"` of a Python exception.
fn describe(py: Python<'_>, err: &PyErr) -> String {
    let text = err.value(py).str().map(|s| s.to_string()).unwrap_or_default();
    let kind = err.get_type(py).name().map(|n| n.to_string()).unwrap_or_else(|_| "Exception".into());
    format!("{kind}: {text}")
}
