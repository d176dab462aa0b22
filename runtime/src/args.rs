//! Arguments of module functions that are raw pointers (`void*`, pointers the
//! headers leave untyped): which Python values may stand for an address.
//!
//! The rules are strict by default: a capsule (a tracked one must still be
//! alive), or any generated view object (its pointer, liveness checked).
//! `None` is NULL only for nullable parameters and an `int` is an address
//! only where the spec opts in (pyds's `hash(gst_buffer)` compatibility).
//! Everything else raises `TypeError`, so a stray number never reaches C as
//! a pointer. This module knows no generated class: the generated module
//! passes its [`AnyViews`] dispatcher (`rt::any_view!`), which recognises its own.

use std::ffi::c_void;

use pyo3::exceptions::{PyOverflowError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyCapsule, PyInt};

use crate::errors;
use crate::pointer::token_of;

pub use crate::call::AnyViews;

/// Which extra forms a raw-pointer parameter accepts.
#[derive(Clone, Copy, Debug, Default)]
pub struct AddressRules {
    /// `None` passes NULL.
    pub nullable: bool,
    /// A non-negative `int` is taken as an address.
    pub ints: bool,
}

/// The address a Python value stands for, under `rules`.
pub fn address(value: &Bound<'_, PyAny>, rules: AddressRules, views: AnyViews, what: &str) -> PyResult<*mut c_void> {
    if value.is_none() {
        return match rules.nullable {
            true => Ok(std::ptr::null_mut()),
            false => Err(PyTypeError::new_err(format!("{what}: None is not accepted (the parameter is not nullable)"))),
        };
    }
    if value.is_instance_of::<PyCapsule>() {
        return capsule_pointer(value, what);
    }
    if let Some(view) = views(value) {
        return view.address();
    }
    if value.is_instance_of::<PyInt>() && !value.is_instance_of::<PyBool>() {
        return int_address(value, rules.ints, what);
    }
    Err(PyTypeError::new_err(format!("{what}: expected a capsule or a bound object, got {}", crate::ints::type_name(value))))
}

/// A C function-pointer argument given by address, as pyds takes them
/// (`ctypes.cast(lib.fn, c_void_p).value`): an `int` or a capsule; `None`
/// passes NULL only when `nullable` (else `TypeError`), and a NULL address of
/// a non-nullable parameter raises `ValueError`. Nothing can check that the
/// address is code of the right C type: the caller vouches for it, as for
/// any function address handed to C.
pub fn function_address(value: &Bound<'_, PyAny>, nullable: bool, what: &str) -> PyResult<*mut c_void> {
    if value.is_none() && !nullable {
        return Err(PyTypeError::new_err(format!("{what}: None is not accepted (the parameter is not nullable)")));
    }
    if value.is_instance_of::<PyBool>() {
        return Err(PyTypeError::new_err(format!("{what}: expected a function address (int or capsule), got bool")));
    }
    let address = crate::pointer::address_of(value, what)?;
    if address.is_null() && !nullable {
        return Err(PyValueError::new_err(format!("{what}: the function address is NULL")));
    }
    Ok(address)
}

/// `value` itself, or `TypeError` for `None` (a non-nullable pointer argument).
pub fn not_none<'a, 'py>(value: &'a Bound<'py, PyAny>, what: &str) -> PyResult<&'a Bound<'py, PyAny>> {
    if value.is_none() {
        return Err(PyTypeError::new_err(format!("{what}: None is not accepted (the parameter is not nullable)")));
    }
    Ok(value)
}

/// The pointer of a capsule of any name; a tracked capsule whose memory is
/// gone raises `ReferenceError`.
pub fn capsule_pointer(value: &Bound<'_, PyAny>, what: &str) -> PyResult<*mut c_void> {
    if !token_of(value).is_alive() {
        return Err(errors::dead_view(what));
    }
    // SAFETY: the caller checked that `value` is a capsule; its own name is used to read it.
    unsafe {
        let name = pyo3::ffi::PyCapsule_GetName(value.as_ptr());
        let ptr = pyo3::ffi::PyCapsule_GetPointer(value.as_ptr(), name);
        if ptr.is_null() { Err(PyErr::fetch(value.py())) } else { Ok(ptr) }
    }
}

fn int_address(value: &Bound<'_, PyAny>, allowed: bool, what: &str) -> PyResult<*mut c_void> {
    if !allowed {
        return Err(PyTypeError::new_err(format!("{what}: an int is not accepted as an address here (pass a capsule or a bound object)")));
    }
    let addr: usize = value.extract().map_err(|_| PyOverflowError::new_err(format!("{what}: address out of range for a pointer")))?;
    Ok(addr as *mut c_void)
}

/// `ValueError` when two arguments that the C function needs apart are the
/// same memory (`[function.NAME] disjoint`): `a` and `b` are the addresses,
/// `lists_of_b` the heads of the GLists `b` holds. `a` overlaps a list when
/// it is *any* node of it, not only the head: copying `frame.obj_list.next`
/// into the frame would walk into the nodes it appends and never end.
///
/// # Safety
/// Each of `lists_of_b` is NULL or the head of a live, NULL-terminated GList.
pub unsafe fn disjoint(a: usize, b: usize, lists_of_b: &[usize], what: &str) -> PyResult<()> {
    // SAFETY: guaranteed by the caller.
    let in_lists = a != 0 && lists_of_b.iter().any(|head| unsafe { list_holds_node(*head, a) });
    if a == b || in_lists {
        return Err(PyValueError::new_err(format!("{what}: the arguments overlap (the function would read what it writes)")));
    }
    Ok(())
}

/// Whether `node` is one of the nodes of the GList starting at `head`.
///
/// # Safety
/// `head` is NULL or the head of a live, NULL-terminated GList.
unsafe fn list_holds_node(head: usize, node: usize) -> bool {
    let mut at = head as *const crate::glist::GListNode;
    while !at.is_null() {
        if at as usize == node {
            return true;
        }
        // SAFETY: `at` is a live node of the list (guaranteed by the caller).
        at = unsafe { (*at).next };
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn no_views<'a>(_: &'a Bound<'_, PyAny>) -> Option<&'a dyn crate::call::AnyView> {
        None
    }

    #[test]
    fn none_and_ints_only_where_allowed() {
        Python::initialize();
        Python::attach(|py| {
            let none = py.None().into_bound(py);
            let strict = AddressRules::default();
            assert!(address(&none, strict, no_views, "f(p)").unwrap_err().is_instance_of::<PyTypeError>(py));
            let nullable = AddressRules { nullable: true, ints: false };
            assert!(address(&none, nullable, no_views, "f(p)").unwrap().is_null());
            let int = 4096usize.into_pyobject(py).unwrap().into_any();
            assert!(address(&int, strict, no_views, "f(p)").unwrap_err().is_instance_of::<PyTypeError>(py));
            let ints = AddressRules { nullable: false, ints: true };
            assert_eq!(address(&int, ints, no_views, "f(p)").unwrap() as usize, 4096);
            let neg = (-1i64).into_pyobject(py).unwrap().into_any();
            assert!(address(&neg, ints, no_views, "f(p)").unwrap_err().is_instance_of::<PyOverflowError>(py));
            let yes = true.into_pyobject(py).unwrap().to_owned().into_any();
            assert!(address(&yes, ints, no_views, "f(p)").is_err(), "bool is not an address");
        });
    }

    #[test]
    fn function_addresses_are_ints_or_capsules() {
        Python::initialize();
        Python::attach(|py| {
            let none = py.None().into_bound(py);
            assert!(function_address(&none, true, "f(cb)").unwrap().is_null());
            assert!(function_address(&none, false, "f(cb)").unwrap_err().is_instance_of::<PyTypeError>(py));
            let int = 4096usize.into_pyobject(py).unwrap().into_any();
            assert_eq!(function_address(&int, false, "f(cb)").unwrap() as usize, 4096);
            let zero = 0usize.into_pyobject(py).unwrap().into_any();
            assert!(function_address(&zero, false, "f(cb)").unwrap_err().is_instance_of::<PyValueError>(py));
            assert!(function_address(&zero, true, "f(cb)").unwrap().is_null());
            let yes = true.into_pyobject(py).unwrap().to_owned().into_any();
            assert!(function_address(&yes, true, "f(cb)").unwrap_err().is_instance_of::<PyTypeError>(py));
            let text = "f".into_pyobject(py).unwrap().into_any();
            assert!(function_address(&text, true, "f(cb)").unwrap_err().is_instance_of::<PyTypeError>(py));
        });
    }

    #[test]
    fn capsules_keep_their_liveness_check() {
        Python::initialize();
        Python::attach(|py| {
            let mut x = 1u8;
            let token = crate::Token::new();
            let cap = crate::pointer::to_tracked_capsule(py, (&mut x as *mut u8).cast(), &token).unwrap();
            let strict = AddressRules::default();
            assert_eq!(address(&cap, strict, no_views, "f(p)").unwrap(), (&mut x as *mut u8).cast());
            token.kill();
            assert!(address(&cap, strict, no_views, "f(p)").unwrap_err().is_instance_of::<pyo3::exceptions::PyReferenceError>(py));
        });
    }

    #[test]
    fn disjoint_refuses_same_or_contained() {
        Python::initialize();
        use crate::glist::GListNode;
        let mut second = GListNode { data: std::ptr::null_mut(), next: std::ptr::null_mut(), prev: std::ptr::null_mut() };
        let mut first = GListNode { data: std::ptr::null_mut(), next: &mut second, prev: std::ptr::null_mut() };
        let (head, tail) = (&mut first as *mut GListNode as usize, &mut second as *mut GListNode as usize);
        // SAFETY: the lists passed are NULL or the two-node list above.
        unsafe {
            assert!(disjoint(1, 2, &[0], "f").is_ok());
            assert!(disjoint(2, 2, &[], "f").is_err());
            assert!(disjoint(head, 2, &[head], "f").is_err(), "the head of a list of b");
            assert!(disjoint(tail, 2, &[0, head], "f").is_err(), "any node of a list of b");
            assert!(disjoint(tail, 2, &[0], "f").is_ok());
            assert!(disjoint(0, 2, &[0], "f").is_ok(), "an empty list is no overlap");
        }
    }
}
