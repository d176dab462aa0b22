//! Raw method descriptors for the argument-less methods of a generated class
//! that return a new object per call: the numpy exporters (`mask.as_array()`).
//! The method is a CPython `PyMethodDef` (`METH_NOARGS`) whose C function is
//! made by [`raw_method!`](crate::raw_method!), not a PyO3 `#[pymethods]`
//! entry.
//!
//! Why: PyO3's method trampoline keeps a thread-local attach count (two
//! `__tls_get_addr` calls in a shared library), checks its deferred-decref
//! pool and re-checks `self`'s type, which CPython's method descriptor has
//! already checked; for a ~150 ns zero-copy export that is several percent.
//! The C function here does only what the call needs: it views `self` as
//! the class (the descriptor checked it), calls the method's Rust body, and
//! returns its object. The body is the same function the PyO3 method was
//! (`fn as_array(slf: &Bound<Self>) -> PyResult<Bound<PyAny>>`), so its
//! checks and messages are unchanged; an error it returns is raised from a
//! cold path that attaches through [`Python::attach`], and a panic becomes
//! a `PanicException` instead of unwinding into CPython.
//!
//! A class lists such methods in [`RawMethods`], one
//! [`raw_method!`](crate::raw_method!) per method; the module's init calls
//! [`install`] right after `add_class`. The `PyMethodDef`s are leaked on
//! purpose: CPython requires them to live as long as the type, which lives
//! as long as the process.

use std::ffi::CStr;

use pyo3::ffi;
use pyo3::panic::PanicException;
use pyo3::prelude::*;

/// One argument-less method served by a raw descriptor.
#[derive(Debug)]
pub struct RawMethod {
    /// Python method name.
    pub name: &'static CStr,
    /// Docstring, starting with the `name($self)\n--\n\n` signature line
    /// CPython turns into `__text_signature__`.
    pub doc: &'static CStr,
    /// The `METH_NOARGS` C function.
    pub call: ffi::PyCFunction,
}

/// The raw methods of a generated class, each a [`raw_method!`](crate::raw_method!).
pub trait RawMethods: pyo3::PyTypeInfo {
    /// Every method served by a raw descriptor.
    const RAW_METHODS: &'static [RawMethod];
}

/// Adds a method descriptor for every entry of `R::RAW_METHODS` to `R`'s
/// type (call right after `add_class`, before anything copies the attributes).
pub fn install<R: RawMethods>(py: Python<'_>) -> PyResult<()> {
    let ty = R::type_object(py);
    for method in R::RAW_METHODS {
        let def: &'static mut ffi::PyMethodDef = Box::leak(Box::new(ffi::PyMethodDef {
            ml_name: method.name.as_ptr(),
            ml_meth: ffi::PyMethodDefPointer { PyCFunction: method.call },
            ml_flags: ffi::METH_NOARGS,
            ml_doc: method.doc.as_ptr(),
        }));
        // SAFETY: `ty` is a live type object and `def` lives for the rest of
        // the process (leaked), as CPython requires of a method definition.
        let descr = unsafe { Bound::from_owned_ptr_or_err(py, ffi::PyDescr_NewMethod(ty.as_type_ptr(), def))? };
        ty.setattr(&*method.name.to_string_lossy(), descr)?;
    }
    Ok(())
}

/// The body of a raw method's C function: `body(self)`'s object as a new
/// reference, or NULL with its error (or a `PanicException`) raised.
///
/// # Safety
/// Called by CPython for a `METH_NOARGS` method of `R`'s type: the GIL is
/// held and `slf` is a live instance of `R` (the method descriptor checked
/// its type before calling).
#[inline(always)]
pub unsafe fn call_noargs<R: pyo3::PyClass>(
    slf: *mut ffi::PyObject,
    body: impl for<'py> FnOnce(&Bound<'py, R>) -> PyResult<Bound<'py, PyAny>>,
) -> *mut ffi::PyObject {
    // SAFETY: CPython calls methods with the GIL held (the contract).
    let py = unsafe { Python::assume_attached() };
    // SAFETY: `slf` is a live instance of `R` for this call (contract);
    // `ref_from_ptr` (PyO3's own accessor for its macros) only reinterprets it.
    let this = unsafe { Bound::ref_from_ptr(py, &slf).cast_unchecked::<R>() };
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| body(this))) {
        Ok(Ok(object)) => object.into_ptr(),
        Ok(Err(err)) => raise(err),
        Err(payload) => raise(panicked(payload)),
    }
}

/// Raises `err` from a raw method (attached the way PyO3 attaches); NULL.
#[cold]
#[inline(never)]
fn raise(err: PyErr) -> *mut ffi::PyObject {
    Python::attach(|py| err.restore(py));
    std::ptr::null_mut()
}

/// The `PanicException` PyO3 raises for a panic, with the panic's message.
#[cold]
#[inline(never)]
fn panicked(payload: Box<dyn std::any::Any + Send>) -> PyErr {
    let message = match payload.downcast::<String>() {
        Ok(s) => *s,
        Err(payload) => payload.downcast_ref::<&str>().map_or_else(|| "panic in a raw method".to_string(), |s| (*s).to_string()),
    };
    PanicException::new_err(message)
}

/// One [`RawMethod`] entry of [`RawMethods::RAW_METHODS`]:
/// `raw_method!(Class, rust_fn, "py_name", "doc")`, where `Class::rust_fn`
/// is `fn(&Bound<'py, Class>) -> PyResult<Bound<'py, PyAny>>`.
#[macro_export]
macro_rules! raw_method {
    ($class:ty, $method:ident, $py:literal, $doc:literal $(,)?) => {{
        unsafe extern "C" fn call(
            slf: *mut $crate::pyo3::ffi::PyObject,
            _args: *mut $crate::pyo3::ffi::PyObject,
        ) -> *mut $crate::pyo3::ffi::PyObject {
            // SAFETY: CPython calls this `METH_NOARGS` function of `$class`'s
            // method descriptor with the GIL held and `slf` an instance of
            // `$class` (the descriptor checks it).
            unsafe { $crate::raw_methods::call_noargs::<$class>(slf, <$class>::$method) }
        }
        $crate::raw_methods::RawMethod {
            name: $crate::getset::c_str(concat!($py, "\0")),
            doc: $crate::getset::c_str(concat!($py, "($self)\n--\n\n", $doc, "\0")),
            call,
        }
    }};
}
