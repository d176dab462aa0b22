//! Raw addresses crossing into Python: `void*` fields as PyCapsules (as pyds
//! does) and the address forms that `cast` accepts (a capsule or an `int`).
//!
//! Capsules made here never own what they point to and carry no name (so
//! `ctypes.pythonapi.PyCapsule_GetPointer(capsule, None)` works, as with
//! pyds). *Tracked* ones carry the liveness token of the view they were read
//! from in their context (recognised by their destructor, which frees only
//! that boxed token), so
//! `Class.cast(capsule)` yields a view that still raises `ReferenceError` once
//! that memory is gone (e.g. `NvDsFrameMeta.cast(l_frame.data)` after its
//! GstBuffer was freed).

use std::ffi::c_void;

use pyo3::exceptions::{PyOverflowError, PyTypeError};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyInt};

use crate::token::Token;

/// Wraps a pointer in an unnamed capsule; NULL becomes `None`.
pub fn to_capsule<'py>(py: Python<'py>, ptr: *mut c_void) -> PyResult<Bound<'py, PyAny>> {
    if ptr.is_null() {
        return Ok(py.None().into_bound(py));
    }
    // SAFETY: the pointer is non-null; no name and no destructor.
    unsafe {
        let raw = ffi::PyCapsule_New(ptr, std::ptr::null(), None);
        Bound::from_owned_ptr_or_err(py, raw)
    }
}

unsafe extern "C" fn drop_tracked(capsule: *mut ffi::PyObject) {
    // SAFETY: only called for our tracked capsules, whose context is a raw Token handle.
    unsafe {
        let ctx = ffi::PyCapsule_GetContext(capsule);
        if !ctx.is_null() {
            Token::release_raw(ctx);
        }
    }
}

/// Wraps a pointer in a capsule carrying `token` (plain capsule for the
/// immortal token); NULL becomes `None`.
pub fn to_tracked_capsule<'py>(py: Python<'py>, ptr: *mut c_void, token: &Token) -> PyResult<Bound<'py, PyAny>> {
    if ptr.is_null() || token.same_as(&Token::immortal()) {
        return to_capsule(py, ptr);
    }
    // SAFETY: non-null pointer; the destructor releases the token handle once.
    unsafe {
        let raw = ffi::PyCapsule_New(ptr, std::ptr::null(), Some(drop_tracked));
        let capsule = Bound::from_owned_ptr_or_err(py, raw)?;
        let ctx = token.clone().into_raw();
        if ffi::PyCapsule_SetContext(capsule.as_ptr(), ctx.cast_mut()) != 0 {
            Token::release_raw(ctx);
            return Err(PyErr::fetch(py));
        }
        Ok(capsule)
    }
}

/// The token a tracked capsule carries; the immortal token for anything else.
pub fn token_of(value: &Bound<'_, PyAny>) -> Token {
    if !value.is_instance_of::<PyCapsule>() {
        return Token::immortal();
    }
    // SAFETY: value is a capsule; one with our destructor has a live raw Token context.
    unsafe {
        let ours = ffi::PyCapsule_GetDestructor(value.as_ptr())
            .is_some_and(|d| std::ptr::fn_addr_eq(d, drop_tracked as unsafe extern "C" fn(*mut ffi::PyObject)));
        if !ours {
            return Token::immortal();
        }
        let ctx = ffi::PyCapsule_GetContext(value.as_ptr());
        if ctx.is_null() { Token::immortal() } else { Token::clone_from_raw(ctx) }
    }
}

/// For `cast`: the non-NULL address plus the token it should be checked
/// against (from a tracked capsule, else immortal).
pub fn cast_target(value: &Bound<'_, PyAny>, what: &str) -> PyResult<(std::ptr::NonNull<c_void>, Token)> {
    let ptr = non_null_address(value, what)?;
    Ok((ptr, token_of(value)))
}

/// Reads an address from `None` (NULL), an `int`, or a capsule of any name.
pub fn address_of(value: &Bound<'_, PyAny>, what: &str) -> PyResult<*mut c_void> {
    if value.is_none() {
        return Ok(std::ptr::null_mut());
    }
    if value.is_instance_of::<PyInt>() {
        let addr: usize = value.extract().map_err(|_| {
            PyOverflowError::new_err(format!("{what}: address out of range for a pointer"))
        })?;
        return Ok(addr as *mut c_void);
    }
    if value.is_instance_of::<PyCapsule>() {
        // SAFETY: value is a capsule; we read its pointer with its own name.
        unsafe {
            let name = ffi::PyCapsule_GetName(value.as_ptr());
            let ptr = ffi::PyCapsule_GetPointer(value.as_ptr(), name);
            if ptr.is_null() {
                return Err(PyErr::fetch(value.py()));
            }
            return Ok(ptr);
        }
    }
    if let Ok(addr) = value.getattr(pyo3::intern!(value.py(), "address")) {
        if addr.is_instance_of::<PyInt>() {
            return address_of(&addr, what);
        }
    }
    Err(PyTypeError::new_err(format!(
        "{what}: expected an int address, a capsule or None, got {}",
        crate::ints::type_name(value)
    )))
}

/// Like [`address_of`], but for `cast`: `None` raises `TypeError`, a NULL address `ValueError`.
pub fn non_null_address(value: &Bound<'_, PyAny>, what: &str) -> PyResult<std::ptr::NonNull<c_void>> {
    if value.is_none() {
        return Err(PyTypeError::new_err(format!("{what}: expected an int address or a capsule, got None")));
    }
    std::ptr::NonNull::new(address_of(value, what)?).ok_or_else(|| crate::errors::null_address(what))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capsule_round_trip_and_forms() {
        Python::initialize();
        Python::attach(|py| {
            let mut x = 5u32;
            let p = (&mut x as *mut u32).cast::<c_void>();
            let cap = to_capsule(py, p).unwrap();
            assert_eq!(address_of(&cap, "t").unwrap(), p);
            let as_int = (p as usize).into_pyobject(py).unwrap().into_any();
            assert_eq!(address_of(&as_int, "t").unwrap(), p);
            assert!(to_capsule(py, std::ptr::null_mut()).unwrap().is_none());
            let none = py.None().into_bound(py);
            assert!(non_null_address(&none, "t").unwrap_err().is_instance_of::<PyTypeError>(py));
            let zero = 0i64.into_pyobject(py).unwrap().into_any();
            assert!(non_null_address(&zero, "t").unwrap_err().is_instance_of::<pyo3::exceptions::PyValueError>(py));
            let s = "x".into_pyobject(py).unwrap().into_any();
            assert!(address_of(&s, "t").unwrap_err().is_instance_of::<PyTypeError>(py));
            let neg = (-1i64).into_pyobject(py).unwrap().into_any();
            assert!(address_of(&neg, "t").is_err());
        });
    }

    #[test]
    fn tracked_capsule_carries_its_token() {
        Python::initialize();
        Python::attach(|py| {
            let mut x = 9u32;
            let p = (&mut x as *mut u32).cast::<c_void>();
            let token = Token::new();
            let cap = to_tracked_capsule(py, p, &token).unwrap();
            assert_eq!(address_of(&cap, "t").unwrap(), p);
            assert!(unsafe { ffi::PyCapsule_GetName(cap.as_ptr()) }.is_null(), "unnamed, as pyds capsules");
            let (ptr, got) = cast_target(&cap, "t").unwrap();
            assert_eq!(ptr.as_ptr(), p);
            assert!(got.same_as(&token));
            token.kill();
            assert!(!token_of(&cap).is_alive());
            let plain = to_capsule(py, p).unwrap();
            assert!(token_of(&plain).same_as(&Token::immortal()));
            let immortal = to_tracked_capsule(py, p, &Token::immortal()).unwrap();
            assert!(token_of(&immortal).same_as(&Token::immortal()));
        });
    }
}
