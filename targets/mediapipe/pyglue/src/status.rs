//! Status → Python exception, by the core's `ExceptionKind` (INVALID_ARGUMENT
//! → ValueError, ALREADY_EXISTS → FileExistsError, UNIMPLEMENTED →
//! NotImplementedError, anything else → RuntimeError, plus the overrides the
//! core sets). The message is the status message alone, no code prefix.

use mediapipe_core::{ExceptionKind, Status};
use pyo3::PyErr;
use pyo3::exceptions::{
    PyFileExistsError, PyFileNotFoundError, PyIndexError, PyNotImplementedError, PyOverflowError, PyRuntimeError, PyTypeError,
    PyUnicodeDecodeError, PyValueError,
};

/// The Python exception for `status`.
pub fn raise(status: Status) -> PyErr {
    let msg = status.message().to_string();
    match status.exception_kind() {
        ExceptionKind::ValueError => PyValueError::new_err(msg),
        ExceptionKind::FileExistsError => PyFileExistsError::new_err(msg),
        ExceptionKind::FileNotFoundError => PyFileNotFoundError::new_err(msg),
        ExceptionKind::NotImplementedError => PyNotImplementedError::new_err(msg),
        ExceptionKind::RuntimeError => PyRuntimeError::new_err(msg),
        ExceptionKind::TypeError => PyTypeError::new_err(msg),
        ExceptionKind::OverflowError => PyOverflowError::new_err(msg),
        ExceptionKind::IndexError => PyIndexError::new_err(msg),
        ExceptionKind::UnicodeDecodeError => PyUnicodeDecodeError::new_err(("utf-8", Vec::<u8>::new(), 0usize, 0usize, msg)),
    }
}

/// `.or_raise()` on a core result: the error as its Python exception.
pub trait StatusExt<T> {
    /// Maps the error with [`raise`].
    fn or_raise(self) -> pyo3::PyResult<T>;
}

impl<T> StatusExt<T> for mediapipe_core::Result<T> {
    fn or_raise(self) -> pyo3::PyResult<T> {
        self.map_err(raise)
    }
}
