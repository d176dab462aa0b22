//! Python callables called from threads the wrapped library owns: the call
//! takes the GIL, and an exception it raises comes back as text for the
//! library's own error value (a worker thread has no Python caller to
//! raise into). [`name_value_callback`] is the common `(name, value)`
//! shape (stream observers, event handlers), and [`with_gil`] a batch hook
//! for libraries that deliver several callbacks under one acquisition.

use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

/// Wraps a library value as its Python object (a generated class's `wrap_any`).
pub type Wrap<T> = fn(Python<'_>, T) -> PyResult<Py<PyAny>>;

/// A callback calling `callback(name, wrap(value.clone()))` with the GIL
/// held; a raised exception comes back as its `"KIND: text"`.
pub fn name_value_callback<T: Clone>(callback: Py<PyAny>, wrap: Wrap<T>) -> impl FnMut(&str, &T) -> Result<(), String> + Send {
    move |name: &str, value: &T| {
        let args = |py: Python<'_>| Ok(PyTuple::new(py, [name.into_py_any(py)?, wrap(py, value.clone())?])?.unbind());
        call_with_gil(&callback, args)
    }
}

/// Runs `batch` with the GIL held throughout: a worker thread's Python
/// thread state is created once for the batch, and each callback's own
/// acquisition inside it is a nested, cheap one.
pub fn with_gil(batch: &mut dyn FnMut()) {
    Python::attach(|_py| batch());
}

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

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CString;

    fn wrap_int(py: Python<'_>, v: i64) -> PyResult<Py<PyAny>> {
        v.into_py_any(py)
    }

    #[test]
    fn name_value_callback_passes_the_wrapped_value_and_reports_a_raise() {
        Python::initialize();
        let (record, fail) = Python::attach(|py| {
            let code = CString::new("seen = []\ndef record(n, v): seen.append((n, v))\ndef fail(n, v): raise KeyError(n)\n").unwrap();
            let m = PyModule::from_code(py, &code, c"cb.py", c"cb").unwrap();
            (m.getattr("record").unwrap().unbind(), m.getattr("fail").unwrap().unbind())
        });
        let mut call = name_value_callback::<i64>(Python::attach(|py| record.clone_ref(py)), wrap_int);
        assert_eq!(call("out", &7), Ok(()));
        let mut call = name_value_callback::<i64>(fail, wrap_int);
        assert_eq!(call("out", &7), Err("KeyError: 'out'".to_string()));
        Python::attach(|py| {
            let seen = record.bind(py).getattr("__globals__").unwrap().get_item("seen").unwrap();
            assert_eq!(seen.str().unwrap().to_string(), "[('out', 7)]");
        });
    }
}
