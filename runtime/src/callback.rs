//! Callbacks from C into Python: a per-site, per-key registry of Python
//! callables and the guard every trampoline runs its body in.
//!
//! C function pointers carry no closure, so a generated trampoline finds its
//! Python callable by *site* (e.g. `FxUserMeta.copy_func`) and *key* (a value
//! read from the C arguments, such as a meta type), never from one global
//! slot. [`guard`] takes the GIL, runs the body, reports any Python exception
//! through `sys.unraisablehook` and catches panics, so nothing unwinds into C.

use std::collections::HashMap;
use std::sync::Mutex;

use pyo3::prelude::*;

/// Callables registered for one process: (site, key) → callable.
#[derive(Default)]
pub struct Registry {
    slots: Mutex<HashMap<(&'static str, i64), Py<PyAny>>>,
}

impl Registry {
    /// An empty registry (usable in a `static`).
    pub fn new() -> Self {
        Registry { slots: Mutex::new(HashMap::new()) }
    }

    /// Registers `callable` for `(site, key)`, replacing any earlier one.
    pub fn set(&self, site: &'static str, key: i64, callable: Py<PyAny>) {
        self.lock().insert((site, key), callable);
    }

    /// Removes the callable for `(site, key)`.
    pub fn clear(&self, site: &'static str, key: i64) {
        self.lock().remove(&(site, key));
    }

    /// Removes every registered callable (e.g. before interpreter exit);
    /// returns how many were removed. The callables are dropped after the lock is released.
    pub fn clear_all(&self) -> usize {
        let removed: Vec<Py<PyAny>> = self.lock().drain().map(|(_, c)| c).collect();
        removed.len()
    }

    /// The callable registered for `(site, key)`, if any.
    pub fn get(&self, py: Python<'_>, site: &'static str, key: i64) -> Option<Py<PyAny>> {
        self.lock().get(&(site, key)).map(|c| c.clone_ref(py))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(&'static str, i64), Py<PyAny>>> {
        self.slots.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl std::fmt::Debug for Registry {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Registry").field("slots", &self.lock().len()).finish()
    }
}

/// Runs a trampoline body with the GIL held. A Python error is written to
/// `sys.unraisablehook` (naming `site`) and a panic is caught; both return
/// `fallback` to C.
pub fn guard<R>(site: &'static str, fallback: R, body: impl FnOnce(Python<'_>) -> PyResult<R>) -> R {
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        Python::attach(|py| match body(py) {
            Ok(value) => Some(value),
            Err(err) => {
                let context = pyo3::types::PyString::new(py, site);
                err.write_unraisable(py, Some(context.as_any()));
                None
            }
        })
    }));
    match outcome {
        Ok(Some(value)) => value,
        _ => fallback,
    }
}

/// Checks that `func` is callable (`TypeError` naming `what` otherwise): the
/// whole of a `[callbacks] accept_only` function.
pub fn accept_callable(func: &Bound<'_, PyAny>, what: &str) -> PyResult<()> {
    if func.is_callable() { Ok(()) } else { Err(crate::errors::wrong_type(func, "a callable", what)) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_per_site_and_key() {
        Python::initialize();
        Python::attach(|py| {
            let registry = Registry::new();
            let a = py.eval(c"lambda m: 1", None, None).unwrap().unbind();
            let b = py.eval(c"lambda m: 2", None, None).unwrap().unbind();
            registry.set("T.copy", 1, a);
            registry.set("T.copy", 2, b);
            let got = registry.get(py, "T.copy", 2).unwrap();
            assert_eq!(got.call1(py, (0,)).unwrap().extract::<i32>(py).unwrap(), 2);
            assert!(registry.get(py, "T.release", 1).is_none());
            registry.clear("T.copy", 1);
            assert!(registry.get(py, "T.copy", 1).is_none());
        });
    }

    #[test]
    fn clear_all_empties_every_site() {
        Python::initialize();
        Python::attach(|py| {
            let registry = Registry::new();
            let f = py.eval(c"lambda m: 1", None, None).unwrap().unbind();
            registry.set("T.copy", 1, f.clone_ref(py));
            registry.set("T.release", 9, f);
            assert_eq!(registry.clear_all(), 2);
            assert!(registry.get(py, "T.copy", 1).is_none());
            assert_eq!(registry.clear_all(), 0);
        });
    }

    #[test]
    fn guard_turns_errors_and_panics_into_fallback() {
        Python::initialize();
        let r = guard("t", -1, |py| py.eval(c"1/0", None, None).map(|_| 0));
        assert_eq!(r, -1);
        let p: i32 = guard("t", -2, |_| panic!("boom"));
        assert_eq!(p, -2);
        assert_eq!(guard("t", -3, |_| Ok(7)), 7);
    }
}
