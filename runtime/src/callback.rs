//! Callbacks from C into Python: a per-site, per-key registry of Python
//! callables and the guard every trampoline runs its body in.
//!
//! C function pointers carry no closure, so a generated trampoline finds its
//! Python callable by *site* (e.g. `FxUserMeta.copy_func`) and *key* (a value
//! read from the C arguments, such as a meta type), never from one global
//! slot. [`guard`] takes the GIL, runs the body, reports any Python exception
//! through `sys.unraisablehook` and catches panics, so nothing unwinds into C.
//! [`callback_trampoline!`](crate::callback_trampoline!) declares a generated
//! trampoline in one item, its body [`dispatch`], so the `unsafe` reads of
//! C's arguments and their `SAFETY` reasons live here.

use std::collections::HashMap;
use std::ptr::NonNull;
use std::sync::Mutex;

use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::record::Record;
use crate::view::View;

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

/// The body of a generated trampoline for a callback registered on a field
/// of struct `R`, run in [`guard`]: reads the key from the struct `arg`
/// points to (`key`), finds the callable for `(site, key)` and calls it
/// with the Python arguments `args` builds from a view of the struct, then
/// converts the result for C (`convert`). A NULL struct, no callable, an
/// exception or a panic return `fallback`.
///
/// # Safety
/// `arg` must be NULL or point to a live `R::C` for the duration of the call
/// (what C passes a callback of that struct's field).
pub unsafe fn dispatch<R: Record, T: Copy>(
    registry: &Registry,
    site: &'static str,
    fallback: T,
    arg: *mut R::C,
    key: impl FnOnce(&R::C) -> i64,
    args: impl FnOnce(Python<'_>, Py<R>) -> PyResult<Vec<Py<PyAny>>>,
    convert: impl FnOnce(&Bound<'_, PyAny>) -> PyResult<T>,
) -> T {
    guard(site, fallback, |py| {
        let Some(view) = NonNull::new(arg) else { return Ok(fallback) };
        // SAFETY: `arg` is a live `R::C` (the function's contract); the key
        // is read through a shared reference that ends with the closure.
        let key = key(unsafe { view.as_ref() });
        let Some(callable) = registry.get(py, site, key) else { return Ok(fallback) };
        let argument = Py::new(py, R::wrap(View::untracked(view)))?;
        let args = PyTuple::new(py, args(py, argument)?)?;
        convert(callable.bind(py).call1(args)?.as_any())
    })
}

/// A C callback trampoline (an `unsafe extern "C" fn` C can store in a
/// function-pointer field) whose body is [`dispatch`]:
///
/// ```ignore
/// rt::callback_trampoline!(
///     __bindery_callback_Meta_copy_func, "Meta.copy_func", __BINDERY_CALLBACKS,
///     fn(a0: *mut c_void, a1: *mut c_void) -> *mut c_void,
///     a0 as UserMeta, key base_meta.meta_type, address,
///     |py, argument| Ok(vec![argument.into_any(), rt::pointer::to_capsule(py, a1)?.unbind()])
/// );
/// ```
///
/// `a0 as UserMeta`: the parameter that points to the struct, and its class;
/// `key` the struct's field holding the registry key; then how the callable's
/// result converts for C: `unit` (ignored), `address` (a pointer; NULL on
/// failure) or `int` (checked for range; 0 on failure); last, the Python
/// arguments from the GIL token and the struct's view.
#[macro_export]
macro_rules! callback_trampoline {
    (
        $name:ident, $site:literal, $registry:expr,
        fn($($a:ident: $t:ty),* $(,)?) $(-> $ret:ty)?,
        $arg:ident as $class:ty, key $($key:ident).+, $result:ident,
        |$py:pat_param, $argument:pat_param| $args:expr $(,)?
    ) => {
        #[doc = concat!(" Trampoline for `", $site, "`.")]
        pub(crate) unsafe extern "C" fn $name($($a: $t),*) $(-> $ret)? {
            let (fallback, convert) = $crate::callback_trampoline!(@result $result, $site);
            // SAFETY: C calls a trampoline stored in a field of a `$class`
            // struct with the arguments of that field's function-pointer
            // type: `$arg` is NULL or that struct, alive for the call.
            unsafe {
                $crate::callback::dispatch::<$class, _>(&$registry, $site, fallback, $arg.cast(), |c| c.$($key).+ as i64, |$py, $argument| $args, convert)
            }
        }
    };
    (@result unit, $site:literal) => {
        ((), |_: &$crate::pyo3::Bound<'_, $crate::pyo3::PyAny>| Ok(()))
    };
    (@result address, $site:literal) => {
        (::std::ptr::null_mut(), |r: &$crate::pyo3::Bound<'_, $crate::pyo3::PyAny>| Ok($crate::pointer::address_of(r, $site)? as _))
    };
    (@result int, $site:literal) => {
        (0, |r: &$crate::pyo3::Bound<'_, $crate::pyo3::PyAny>| Ok($crate::ints::to_c_int::<i64>(r, $site)? as _))
    };
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
