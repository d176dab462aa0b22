//! The C pointer inside a PyGObject wrapper (`gi.repository` objects).
//!
//! PyGObject's wrappers are C structs that start with the Python object
//! header followed by the wrapped pointer: `PyGObject { PyObject_HEAD;
//! GObject *obj; … }`, `PyGBoxed { PyObject_HEAD; gpointer boxed; GType
//! gtype; … }`, `PyGPointer { PyObject_HEAD; gpointer pointer; GType
//! gtype; }` (`gi.Boxed` and `gi.Struct` extend the last two). A Python
//! subclass cannot change that prefix, so an instance of one of these base
//! types (checked with `isinstance` against the classes of `gi._gi`, never
//! by name) holds a pointer PyGObject itself put there. Overridable Python
//! attributes (`__hash__`, `__gtype__`) are never trusted. This module reads
//! wrappers only; it never imports `gi` (no wrapper can exist before it is
//! imported).

use std::ffi::c_void;

use pyo3::prelude::*;
use pyo3::types::PyDict;

use super::symbols::GType;

/// What a PyGObject wrapper holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wrapped {
    /// A `GObject.Object`: the instance pointer (its class says its type).
    Object(*mut c_void),
    /// A boxed value or registered struct: the pointer and the GType
    /// PyGObject recorded for it.
    Typed(*mut c_void, GType),
}

/// The wrapped pointer when `value` is a PyGObject wrapper, else None.
pub fn wrapped(value: &Bound<'_, PyAny>) -> Option<Wrapped> {
    let gi = loaded_gi(value.py())?;
    let is = |name: &str| gi.getattr(name).is_ok_and(|base| value.is_instance(&base).unwrap_or(false));
    if is("GObject") {
        // SAFETY: `value` is an instance of PyGObject's `GObject` type, whose
        // C struct stores the `GObject*` right after the object header.
        return Some(Wrapped::Object(unsafe { word_after_header(value, 0) } as *mut c_void));
    }
    if is("GBoxed") || is("GPointer") {
        // SAFETY: `PyGBoxed` and `PyGPointer` store the pointer, then its
        // GType, right after the object header.
        let (ptr, ty) = unsafe { (word_after_header(value, 0), word_after_header(value, 1)) };
        return Some(Wrapped::Typed(ptr as *mut c_void, ty));
    }
    None
}

/// PyGObject's extension module, if something imported it.
fn loaded_gi(py: Python<'_>) -> Option<Bound<'_, PyAny>> {
    let modules = py.import("sys").ok()?.getattr("modules").ok()?;
    let modules = modules.cast_into::<PyDict>().ok()?;
    modules.get_item("gi._gi").ok().flatten()
}

/// The `index`th machine word after the Python object header of `value`.
///
/// # Safety
/// `value`'s C struct must have at least `index + 1` words after the header.
unsafe fn word_after_header(value: &Bound<'_, PyAny>, index: usize) -> usize {
    let header = std::mem::size_of::<pyo3::ffi::PyObject>();
    // SAFETY: guaranteed by the caller; the object is alive (we hold a reference).
    unsafe { *value.as_ptr().cast::<u8>().add(header).cast::<usize>().add(index) }
}
