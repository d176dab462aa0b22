//! Raw addresses crossing into Python: `void*` fields and list elements as
//! PyCapsules (as pyds does), and the address forms that `cast` and pointer
//! setters accept.
//!
//! Capsules made here never own what they point to and carry no name (so
//! `ctypes.pythonapi.PyCapsule_GetPointer(capsule, None)` works, as with
//! pyds). *Tracked* ones carry the liveness token of the view they were read
//! from in their context (recognised by their destructor, which frees only
//! that context), so `Class.cast(capsule)` yields a view that still raises
//! `ReferenceError` once that memory is gone. *Typed* ones (a typed list's
//! `.data`) also carry the element's class name, and casting them to another
//! class raises `TypeError`.
//!
//! A raw `int` is an address only where the module opts in
//! ([`IntAddresses::Accepted`], spec `[module] int_addresses`); `cast` then
//! probes it for readability first ([`crate::probe`]). In every module an
//! `int` that is the `.address` of a live view of the class (recorded in
//! [`crate::address_book`]) casts to a view sharing that view's liveness.
//! Objects with an
//! `.address` attribute (views, list nodes) are never taken as addresses.

use std::ffi::c_void;
use std::ptr::NonNull;
use std::sync::Arc;

use pyo3::exceptions::{PyOverflowError, PyTypeError, PyValueError};
use pyo3::ffi;
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyCapsule, PyInt};

use crate::token::Token;
use crate::view::{Origin, View};

/// Whether a raw Python `int` may stand for an address (spec `[module] int_addresses`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntAddresses {
    /// Only capsules (and views of the right class) are addresses.
    Refused,
    /// `int`s are addresses too (pyds compatibility: `hash(gst_buffer)`).
    Accepted,
}

/// Wraps a pointer in an unnamed capsule; NULL becomes `None`.
// The pointer is stored in the capsule, never dereferenced here.
#[allow(clippy::not_unsafe_ptr_arg_deref)]
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

/// What a typed capsule carries: the token its element lives by and the
/// element's class name. One is shared (an `Arc`) by every capsule made
/// from the nodes of one list, so a `.data` read allocates nothing but
/// the capsule.
#[derive(Debug)]
pub struct Typed {
    token: Token,
    class: &'static str,
}

impl Typed {
    /// The context of the capsules of elements of `class` that live by `token`.
    pub fn new(token: Token, class: &'static str) -> Arc<Typed> {
        Arc::new(Typed { token, class })
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

unsafe extern "C" fn drop_typed(capsule: *mut ffi::PyObject) {
    // SAFETY: only called for our typed capsules, whose context is one
    // `Arc<Typed>` handle made by `Arc::into_raw`.
    unsafe {
        let ctx = ffi::PyCapsule_GetContext(capsule);
        if !ctx.is_null() {
            drop(Arc::from_raw(ctx.cast::<Typed>()));
        }
    }
}

/// Makes an unnamed capsule with `destructor` and `ctx` as its context
/// (`release` frees `ctx` when the capsule cannot be made).
fn capsule_with_context<'py>(
    py: Python<'py>,
    ptr: *mut c_void,
    destructor: unsafe extern "C" fn(*mut ffi::PyObject),
    ctx: *mut c_void,
    release: impl FnOnce(*mut c_void),
) -> PyResult<Bound<'py, PyAny>> {
    // SAFETY: non-null pointer; the destructor releases `ctx` once, and only
    // after the context was set (a capsule without context releases nothing).
    unsafe {
        let raw = ffi::PyCapsule_New(ptr, std::ptr::null(), Some(destructor));
        let capsule = match Bound::from_owned_ptr_or_err(py, raw) {
            Ok(c) => c,
            Err(e) => {
                release(ctx);
                return Err(e);
            }
        };
        if ffi::PyCapsule_SetContext(capsule.as_ptr(), ctx) != 0 {
            release(ctx);
            return Err(PyErr::fetch(py));
        }
        Ok(capsule)
    }
}

/// Wraps a pointer in a capsule carrying `token` (plain capsule for the
/// immortal token); NULL becomes `None`.
pub fn to_tracked_capsule<'py>(py: Python<'py>, ptr: *mut c_void, token: &Token) -> PyResult<Bound<'py, PyAny>> {
    if ptr.is_null() || token.is_immortal() {
        return to_capsule(py, ptr);
    }
    let ctx = token.clone().into_raw().cast_mut();
    // SAFETY (release): `ctx` came from `into_raw` just above and is released once.
    capsule_with_context(py, ptr, drop_tracked, ctx, |c| unsafe { Token::release_raw(c) })
}

/// Wraps an element pointer of a typed list in a capsule carrying `typed`
/// (the element's token and class name; one handle, no allocation); NULL
/// becomes `None`.
pub fn to_typed_capsule<'py>(py: Python<'py>, ptr: *mut c_void, typed: &Arc<Typed>) -> PyResult<Bound<'py, PyAny>> {
    if ptr.is_null() {
        return to_capsule(py, ptr);
    }
    let ctx = Arc::into_raw(Arc::clone(typed)).cast_mut().cast::<c_void>();
    // SAFETY (release): `ctx` came from `Arc::into_raw` just above and is released once.
    capsule_with_context(py, ptr, drop_typed, ctx, |c| drop(unsafe { Arc::from_raw(c.cast::<Typed>()) }))
}

/// The token and (for typed capsules) class name a capsule of ours carries.
fn capsule_context(value: &Bound<'_, PyAny>) -> Option<(Token, Option<&'static str>)> {
    if !value.is_instance_of::<PyCapsule>() {
        return None;
    }
    type Destructor = unsafe extern "C" fn(*mut ffi::PyObject);
    // SAFETY: value is a capsule; ours have a non-NULL context of the kind
    // their destructor says (a raw Token handle, or an `Arc<Typed>` handle).
    unsafe {
        let destructor = ffi::PyCapsule_GetDestructor(value.as_ptr())?;
        let ctx = ffi::PyCapsule_GetContext(value.as_ptr());
        if ctx.is_null() {
            return None;
        }
        if std::ptr::fn_addr_eq(destructor, drop_tracked as Destructor) {
            Some((Token::clone_from_raw(ctx), None))
        } else if std::ptr::fn_addr_eq(destructor, drop_typed as Destructor) {
            let typed = &*ctx.cast::<Typed>();
            Some((typed.token.clone(), Some(typed.class)))
        } else {
            None
        }
    }
}

/// The token a tracked capsule carries; the immortal token for anything else.
pub fn token_of(value: &Bound<'_, PyAny>) -> Token {
    capsule_context(value).map(|(token, _)| token).unwrap_or_else(Token::immortal)
}

/// The class name a typed capsule carries (None for any other value).
pub fn class_of(value: &Bound<'_, PyAny>) -> Option<&'static str> {
    capsule_context(value).and_then(|(_, class)| class)
}

/// For `Class.cast(value)`: the non-NULL address of a `size`-byte struct,
/// the token to check it against and where its memory was made. Accepts a
/// capsule (typed capsules only for `class`) and an `int` that is the
/// `.address` of a live view of `class` this module handed out (its token
/// and origin, see [`crate::address_book`]); with [`IntAddresses::Accepted`]
/// any other `int` whose `size` bytes are readable, untracked.
pub fn cast_target(
    value: &Bound<'_, PyAny>,
    class: &'static str,
    size: usize,
    ints: IntAddresses,
) -> PyResult<(NonNull<c_void>, Token, Origin)> {
    if value.is_exact_instance_of::<PyCapsule>() {
        return capsule_target(value, class);
    }
    if value.is_instance_of::<PyBool>() {
        return Err(bool_error(&format!("{class}.cast")));
    }
    if value.is_instance_of::<PyInt>() {
        if let Some(known) = known_int(value, class) {
            return Ok(known);
        }
        if ints == IntAddresses::Accepted {
            return probed_int(value, class, size);
        }
    }
    Err(not_an_address(value, &format!("{class}.cast"), "a capsule", ints))
}

/// [`cast_target`] of a capsule (the `.data` of a list node, the common
/// case: no allocation, no formatting unless it fails). A typed capsule of
/// another class raises `TypeError`.
#[inline]
fn capsule_target(value: &Bound<'_, PyAny>, class: &'static str) -> PyResult<(NonNull<c_void>, Token, Origin)> {
    let (token, typed) = capsule_context(value).unwrap_or_else(|| (Token::immortal(), None));
    if let Some(element) = typed.filter(|e| *e != class) {
        return Err(PyTypeError::new_err(format!("{class}.cast: this capsule points to a {element}, not a {class}")));
    }
    let ptr = NonNull::new(capsule_pointer(value)?).ok_or_else(|| crate::errors::null_address(class))?;
    Ok((ptr, token, Origin::C))
}

/// [`capsule_target`] when it succeeds, None otherwise (not a capsule, a
/// typed capsule of another class): the raw `cast` of [`crate::raw_cast`]
/// takes this path and leaves every other case, and its error, to
/// [`cast_target`]. Creates no error.
#[inline]
pub fn capsule_cast(value: &Bound<'_, PyAny>, class: &'static str) -> Option<(NonNull<c_void>, Token, Origin)> {
    if !value.is_exact_instance_of::<PyCapsule>() {
        return None;
    }
    let (token, typed) = capsule_context(value).unwrap_or_else(|| (Token::immortal(), None));
    if typed.is_some_and(|element| element != class) {
        return None;
    }
    // SAFETY: `value` is a capsule; its pointer is read with its own name
    // (which cannot fail for a live capsule: CPython refuses NULL pointers).
    let ptr = unsafe { ffi::PyCapsule_GetPointer(value.as_ptr(), ffi::PyCapsule_GetName(value.as_ptr())) };
    match NonNull::new(ptr) {
        Some(ptr) => Some((ptr, token, Origin::C)),
        None => {
            // SAFETY: the GIL is held (`value`); the fallback reads the capsule again and raises.
            unsafe { ffi::PyErr_Clear() };
            None
        }
    }
}

/// A view for `Class.cast(value)` (see [`cast_target`]).
pub fn cast_view<T>(value: &Bound<'_, PyAny>, class: &'static str, ints: IntAddresses) -> PyResult<View<T>> {
    let (ptr, token, origin) = cast_target(value, class, std::mem::size_of::<T>(), ints)?;
    Ok(View::known(ptr.cast(), token, origin))
}

/// The token and origin of a live view of `class` whose `.address` is `value`.
fn known_int(value: &Bound<'_, PyAny>, class: &'static str) -> Option<(NonNull<c_void>, Token, Origin)> {
    let ptr = NonNull::new(value.extract::<usize>().ok()? as *mut c_void)?;
    let (token, origin) = crate::address_book::lookup(ptr.as_ptr() as usize, class)?;
    Some((ptr, token, origin))
}

/// An `int` address nothing tracks: probed for `size` readable bytes, untracked.
fn probed_int(value: &Bound<'_, PyAny>, class: &str, size: usize) -> PyResult<(NonNull<c_void>, Token, Origin)> {
    let ptr = NonNull::new(int_address(value, class)?).ok_or_else(|| crate::errors::null_address(class))?;
    if !crate::probe::readable(ptr.as_ptr(), size) {
        return Err(PyValueError::new_err(format!("{class}.cast: address {:#x} is not readable memory", ptr.as_ptr() as usize)));
    }
    Ok((ptr, Token::immortal(), Origin::C))
}

/// Reads an address from `None` (NULL), an `int`, or a capsule of any name,
/// without probing it (helpers that check addresses against what they know,
/// callback results C receives as they are).
pub fn address_of(value: &Bound<'_, PyAny>, what: &str) -> PyResult<*mut c_void> {
    if value.is_none() {
        Ok(std::ptr::null_mut())
    } else if value.is_instance_of::<PyCapsule>() {
        capsule_pointer(value)
    } else if value.is_instance_of::<PyInt>() {
        int_address(value, what)
    } else {
        Err(not_an_address(value, what, "a capsule or None", IntAddresses::Accepted))
    }
}

/// Like [`address_of`], for a required address: `None` raises `TypeError`, a NULL address `ValueError`.
pub fn non_null_address(value: &Bound<'_, PyAny>, what: &str) -> PyResult<NonNull<c_void>> {
    if value.is_none() {
        return Err(PyTypeError::new_err(format!("{what}: expected an int address or a capsule, got None")));
    }
    NonNull::new(address_of(value, what)?).ok_or_else(|| crate::errors::null_address(what))
}

/// The value of a `void*` field setter: `None` (NULL), a capsule, or an
/// `int` when the module accepts [`IntAddresses`]: 0 is NULL, any other
/// `int` must be readable memory (`ValueError` otherwise). A `bool` is
/// never an address.
pub fn field_address(value: &Bound<'_, PyAny>, what: &str, ints: IntAddresses) -> PyResult<*mut c_void> {
    refuse_bool(value, what)?;
    if value.is_none() {
        Ok(std::ptr::null_mut())
    } else if value.is_instance_of::<PyCapsule>() {
        capsule_pointer(value)
    } else if value.is_instance_of::<PyInt>() && ints == IntAddresses::Accepted {
        readable_int(value, what)
    } else {
        Err(not_an_address(value, what, "a capsule or None", ints))
    }
}

/// An `int` address that is NULL or has a readable first byte.
fn readable_int(value: &Bound<'_, PyAny>, what: &str) -> PyResult<*mut c_void> {
    let ptr = int_address(value, what)?;
    if !ptr.is_null() && !crate::probe::readable(ptr, 1) {
        return Err(PyValueError::new_err(format!("{what}: address {:#x} is not readable memory", ptr as usize)));
    }
    Ok(ptr)
}

/// `TypeError` for `True`/`False`, which are `int`s to Python but never addresses.
fn refuse_bool(value: &Bound<'_, PyAny>, what: &str) -> PyResult<()> {
    if value.is_instance_of::<PyBool>() {
        return Err(bool_error(what));
    }
    Ok(())
}

#[cold]
fn bool_error(what: &str) -> PyErr {
    PyTypeError::new_err(format!("{what}: a bool is not an address"))
}

fn capsule_pointer(value: &Bound<'_, PyAny>) -> PyResult<*mut c_void> {
    // SAFETY: value is a capsule; we read its pointer with its own name.
    unsafe {
        let name = ffi::PyCapsule_GetName(value.as_ptr());
        let ptr = ffi::PyCapsule_GetPointer(value.as_ptr(), name);
        if ptr.is_null() { Err(PyErr::fetch(value.py())) } else { Ok(ptr) }
    }
}

fn int_address(value: &Bound<'_, PyAny>, what: &str) -> PyResult<*mut c_void> {
    let addr: usize = value.extract().map_err(|_| PyOverflowError::new_err(format!("{what}: address out of range for a pointer")))?;
    Ok(addr as *mut c_void)
}

/// The `TypeError` for a value that is not an accepted address form; objects
/// with an `.address` (views, list nodes) get a hint towards `.data`.
fn not_an_address(value: &Bound<'_, PyAny>, what: &str, expected: &str, ints: IntAddresses) -> PyErr {
    let got = crate::ints::type_name(value);
    let forms = match ints {
        IntAddresses::Accepted => format!("{expected} or an int address"),
        IntAddresses::Refused => expected.to_string(),
    };
    let hint = if value.hasattr(pyo3::intern!(value.py(), "address")).unwrap_or(false) {
        format!("; a {got} is not an address (for a list node, pass its `.data`)")
    } else if value.is_instance_of::<PyInt>() {
        "; this module does not take raw int addresses".to_string()
    } else {
        String::new()
    };
    PyTypeError::new_err(format!("{what}: expected {forms}, got {got}{hint}"))
}

#[cfg(test)]
mod tests;
