//! `Class.cast` of a generated class served by a raw CPython method for its
//! common case, a capsule (a list node's `.data`, once per element in the
//! pyds idiom `Class.cast(l.data)`).
//!
//! Why: PyO3's method trampoline (attach count, panic guard, fastcall
//! argument parsing into a `Bound`) costs about as much as the rest of the
//! cast. The raw method ([`install`]) takes exactly one positional capsule
//! without attaching through PyO3: it reads the capsule as
//! [`crate::pointer::capsule_cast`] does and makes the view `record::cast`
//! would make. Anything else (a view of the class, an `int`, no argument,
//! keywords, a typed capsule of another class) is passed on unchanged to
//! the `cast` PyO3 generated for the class, which the raw method keeps as
//! its `self`: every check, its order and its message stay that method's.
//! `__doc__` and `__text_signature__` are copied from it.

use std::ffi::CString;

use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyCFunction, PyDict, PyTuple, PyType};

use crate::record::Record;
use crate::view::View;

/// Replaces the PyO3 `cast` of `R`'s type `ty` with the raw method (the
/// PyO3 one stays reachable as its fallback); nothing when the class has
/// no PyO3 `cast`.
pub fn install<R: Record>(ty: &Bound<'_, PyType>) -> PyResult<()> {
    let py = ty.py();
    let Ok(fallback) = ty.getattr("cast") else { return Ok(()) };
    if !fallback.is_instance_of::<PyCFunction>() {
        return Ok(());
    }
    let def: &'static mut ffi::PyMethodDef = Box::leak(Box::new(ffi::PyMethodDef {
        ml_name: c"cast".as_ptr(),
        ml_meth: ffi::PyMethodDefPointer { PyCFunctionFastWithKeywords: cast::<R> },
        ml_flags: ffi::METH_FASTCALL | ffi::METH_KEYWORDS,
        ml_doc: Box::leak(method_doc(&fallback)?.into_boxed_c_str()).as_ptr(),
    }));
    // SAFETY: `def` lives for the rest of the process (leaked), as CPython
    // requires; the function keeps its own reference to `fallback`.
    let function = unsafe { Bound::from_owned_ptr_or_err(py, ffi::PyCFunction_NewEx(def, fallback.as_ptr(), std::ptr::null_mut()))? };
    let method = py.import("builtins")?.getattr("staticmethod")?.call1((function,))?;
    ty.setattr("cast", method)
}

/// The `ml_doc` of the raw method: the PyO3 method's text signature and doc.
fn method_doc(fallback: &Bound<'_, PyAny>) -> PyResult<CString> {
    let doc: Option<String> = fallback.getattr("__doc__")?.extract()?;
    let signature: Option<String> = fallback.getattr("__text_signature__")?.extract()?;
    let text = match signature {
        Some(signature) => format!("cast{signature}\n--\n\n{}", doc.unwrap_or_default()),
        None => doc.unwrap_or_default(),
    };
    CString::new(text).map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))
}

/// The raw `cast` of `R`: a view of the struct behind one positional
/// capsule, else the PyO3 `cast` (`fallback`) with the same arguments.
///
/// # Safety
/// Called by CPython as a `METH_FASTCALL | METH_KEYWORDS` function made by
/// [`install`]: the GIL is held, `fallback` is the PyO3 `cast`, `args`
/// holds `nargs` positional values followed by one per name in `kwnames`.
unsafe extern "C" fn cast<R: Record>(
    fallback: *mut ffi::PyObject,
    args: *const *mut ffi::PyObject,
    nargs: ffi::Py_ssize_t,
    kwnames: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    if nargs == 1 && kwnames.is_null() {
        // SAFETY: CPython calls methods with the GIL held (contract).
        let py = unsafe { Python::assume_attached() };
        // SAFETY: `args` holds one live value (contract); `ref_from_ptr` only reinterprets it.
        let value = unsafe { Bound::ref_from_ptr(py, &*args) };
        if let Some((ptr, token, origin)) = crate::pointer::capsule_cast(value, R::TYPE) {
            return match Bound::new(py, R::wrap(View::known(ptr.cast(), token, origin))) {
                Ok(object) => object.into_ptr(),
                Err(err) => {
                    crate::getset::raise(|| err);
                    std::ptr::null_mut()
                }
            };
        }
    }
    // SAFETY: forwarded contract.
    unsafe { call_fallback(fallback, args, nargs, kwnames) }
}

/// Calls the PyO3 `cast` with the raw method's arguments (its result or
/// its error). A panic here becomes a Python exception.
///
/// # Safety
/// As [`cast`].
#[cold]
#[inline(never)]
unsafe fn call_fallback(
    fallback: *mut ffi::PyObject,
    args: *const *mut ffi::PyObject,
    nargs: ffi::Py_ssize_t,
    kwnames: *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    Python::attach(|py| {
        let call = || -> PyResult<*mut ffi::PyObject> {
            // SAFETY: `fallback` is live and, with `kwnames` (NULL or a tuple
            // of str), owned by the caller for this call (contract).
            let (fallback, names) = unsafe { (Bound::from_borrowed_ptr(py, fallback), Bound::from_borrowed_ptr_or_opt(py, kwnames)) };
            let keywords = names.as_ref().map(|n| n.len()).transpose()?.unwrap_or(0);
            // SAFETY: `args` holds `nargs` positional values and one per keyword name (contract).
            let values = unsafe { std::slice::from_raw_parts(args, nargs as usize + keywords) };
            // SAFETY: every value is live for this call (contract).
            let value = |p: &*mut ffi::PyObject| unsafe { Bound::from_borrowed_ptr(py, *p) };
            let positional = PyTuple::new(py, values[..nargs as usize].iter().map(value))?;
            let kwargs = match names {
                Some(names) => {
                    let kwargs = PyDict::new(py);
                    for (name, v) in names.try_iter()?.zip(&values[nargs as usize..]) {
                        kwargs.set_item(name?, value(v))?;
                    }
                    Some(kwargs)
                }
                None => None,
            };
            Ok(fallback.call(positional, kwargs.as_ref())?.into_ptr())
        };
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(call))
            .unwrap_or_else(|_| Err(pyo3::exceptions::PyTypeError::new_err("cast: the arguments could not be passed on")));
        result.unwrap_or_else(|err| {
            err.restore(py);
            std::ptr::null_mut()
        })
    })
}
