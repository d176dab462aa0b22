//! Python exceptions raised by generated code, with one wording each so that
//! messages are the same across every generated module.

use pyo3::PyErr;
use pyo3::exceptions::{PyReferenceError, PyTypeError, PyValueError};
use pyo3::prelude::*;

/// The error for a view whose memory has been freed or handed away.
#[cold]
#[inline(never)]
pub fn dead_view(type_name: &str) -> PyErr {
    PyReferenceError::new_err(format!("{type_name}: the underlying C memory has been freed (its owner is gone)"))
}

/// The error for a NULL address given where memory is required.
pub fn null_address(type_name: &str) -> PyErr {
    PyValueError::new_err(format!("{type_name}: cannot view a NULL address"))
}

/// The error for a C return code that the spec maps to an exception.
pub fn return_code(function: &str, code: i64, meaning: &str) -> PyErr {
    PyValueError::new_err(format!("{function} failed with code {code}: {meaning}"))
}

/// The error for an argument or value of the wrong class.
pub fn wrong_type(value: &Bound<'_, PyAny>, expected: &str, what: &str) -> PyErr {
    PyTypeError::new_err(format!("{what}: expected {expected}, got {}", crate::ints::type_name(value)))
}

/// The error for a Python-constructed (zeroed) struct passed where C needs one it made.
pub fn python_made(what: &str) -> PyErr {
    PyValueError::new_err(format!(
        "{what}: this object was constructed in Python (zeroed memory); the C function needs one the C library made"
    ))
}

/// The error for handing C, to keep, memory a Python object frees when it dies.
pub fn owned_by_python(what: &str) -> PyErr {
    PyValueError::new_err(format!(
        "{what}: this object owns its memory (Python frees it when the object dies), but C keeps what it is given here; pass memory the C library allocated"
    ))
}

/// The error for storing an object that was already handed to a container.
pub fn already_stored(what: &str) -> PyErr {
    PyValueError::new_err(format!("{what}: this object was already handed to a container; it cannot be stored twice"))
}

/// The error for setting a pointer field whose target the struct owns
/// (spec `pointer = "owned"`): C frees the target with the struct, so a
/// new value would have two owners and the old one none.
pub fn owned_pointer(what: &str) -> PyErr {
    PyValueError::new_err(format!(
        "{what}: the struct owns what this field points to (C frees it with the struct); \
         it cannot be replaced from Python: set the fields of the current target instead"
    ))
}

/// The error for giving a container memory Python does not own.
pub fn not_owned(what: &str) -> PyErr {
    PyValueError::new_err(format!(
        "{what}: the container takes ownership, and this object is not Python's to give \
         (it belongs to another container or a parent struct, or was already handed over)"
    ))
}

/// The error for destroying memory that belongs to something else.
pub fn held_elsewhere(what: &str) -> PyErr {
    PyValueError::new_err(format!(
        "{what}: this memory belongs to another object (a container, a buffer or a parent struct) and cannot be freed on its own"
    ))
}
