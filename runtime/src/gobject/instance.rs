//! One argument conversion: a Python value that must stand for an instance
//! of a GType (`[function.F.param.P] gobject = "GstBuffer"`).
//!
//! Accepted: a PyGObject wrapper (its pointer, type-checked with GObject's
//! own `g_type_check_instance_is_a` or the GType PyGObject recorded), a
//! capsule, and, where the spec allows it, an `int` address (pyds's
//! `hash(buffer)`); capsules and ints are checked by [`super::verify`]
//! before anything reads through them. `None`
//! (and, where ints are allowed, `0`) is NULL only when nullable.
//! Anything else, or an instance of another type, is a `TypeError`;
//! unreadable addresses are a `ValueError`.

use std::ffi::c_void;

use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyCapsule, PyInt};

use super::symbols::{self, GObjectApi, GType};
use super::verify::{self, Refusal};
use super::wrapper::{self, Wrapped};

/// What a GObject parameter accepts.
#[derive(Clone, Copy, Debug)]
pub struct GTypeRules {
    /// The GType name (`"GstBuffer"`, `"GstElement"`).
    pub type_name: &'static str,
    /// `None` passes NULL.
    pub nullable: bool,
    /// An `int` is taken as an address (then type-checked).
    pub ints: bool,
}

/// The pointer `value` stands for, checked to be an instance of `rules.type_name`.
pub fn instance(value: &Bound<'_, PyAny>, rules: GTypeRules, what: &str) -> PyResult<*mut c_void> {
    if value.is_none() {
        return match rules.nullable {
            true => Ok(std::ptr::null_mut()),
            false => Err(PyTypeError::new_err(format!("{what}: None is not accepted (expected a {})", rules.type_name))),
        };
    }
    let wrong = || wrong_type(value, rules, what);
    let address = raw_address(value, rules, what)?;
    if address.is_some_and(|ptr| ptr.is_null()) && rules.nullable {
        // `0` stands for NULL where None does, whether or not GObject is loaded.
        return Ok(std::ptr::null_mut());
    }
    let not_loaded = || match address {
        // No GObject or no such type in this process: no address can be one.
        Some(_) => PyTypeError::new_err(format!("{what}: the address is not a {} (none is loaded in this process)", rules.type_name)),
        None => wrong(),
    };
    let Some(api) = symbols::gobject() else { return Err(not_loaded()) };
    let Some(expected) = symbols::type_named(&api, rules.type_name) else { return Err(not_loaded()) };
    match address {
        Some(ptr) => checked(&api, ptr, expected, rules, what),
        None => wrapper::wrapped(value).and_then(|w| from_wrapper(&api, w, expected)).ok_or_else(wrong),
    }
}

/// The address a capsule or (where the rules allow) an `int` holds; None for
/// any other object (a PyGObject wrapper, or a wrong type).
fn raw_address(value: &Bound<'_, PyAny>, rules: GTypeRules, what: &str) -> PyResult<Option<*mut c_void>> {
    if value.is_instance_of::<PyCapsule>() {
        return crate::args::capsule_pointer(value, what).map(Some);
    }
    if rules.ints && value.is_instance_of::<PyInt>() && !value.is_instance_of::<PyBool>() {
        return int_address(value, what).map(Some);
    }
    Ok(None)
}

/// A wrapper's pointer when it holds an instance of `expected`.
fn from_wrapper(api: &GObjectApi, w: Wrapped, expected: GType) -> Option<*mut c_void> {
    match w {
        // SAFETY: PyGObject keeps `ptr` a live GObject while the wrapper lives.
        Wrapped::Object(ptr) if !ptr.is_null() && unsafe { (api.type_check_instance_is_a)(ptr, expected) } != 0 => Some(ptr),
        // SAFETY: both are registered types (the wrapper's came from PyGObject).
        Wrapped::Typed(ptr, ty) if !ptr.is_null() && unsafe { (api.type_is_a)(ty, expected) } != 0 => Some(ptr),
        _ => None,
    }
}

fn int_address(value: &Bound<'_, PyAny>, what: &str) -> PyResult<*mut c_void> {
    let address: usize = value.extract().map_err(|_| PyValueError::new_err(format!("{what}: {} is not an address", value)))?;
    Ok(address as *mut c_void)
}

fn checked(api: &GObjectApi, ptr: *mut c_void, expected: GType, rules: GTypeRules, what: &str) -> PyResult<*mut c_void> {
    match verify::address_is_a(api, ptr, expected) {
        Ok(()) => Ok(ptr),
        Err(Refusal::Unreadable) => {
            Err(PyValueError::new_err(format!("{what}: not a {} address (unreadable or misaligned)", rules.type_name)))
        }
        Err(Refusal::WrongType) => Err(PyTypeError::new_err(format!("{what}: the address is not a {}", rules.type_name))),
        Err(Refusal::Unverifiable) => Err(PyTypeError::new_err(format!(
            "{what}: a {} cannot be checked at a bare address; pass the PyGObject object",
            rules.type_name
        ))),
    }
}

fn wrong_type(value: &Bound<'_, PyAny>, rules: GTypeRules, what: &str) -> PyErr {
    let forms = if rules.ints { "its PyGObject object, its address (hash()) or a capsule" } else { "its PyGObject object or a capsule" };
    PyTypeError::new_err(format!("{what}: expected a {} ({forms}), got {}", rules.type_name, crate::ints::type_name(value)))
}
