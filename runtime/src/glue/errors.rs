//! Builtin Python exceptions by name: the generated error mapping (the
//! spec's `[rust.errors]` table) names the exception of each error kind of
//! the wrapped library, and this module builds it. The names accepted are
//! [`BUILTIN_EXCEPTIONS`]; codegen checks the spec against the same list
//! (`builtin_exceptions.rs`, `include!`d by both crates).

use pyo3::PyErr;
use pyo3::exceptions::{
    PyFileExistsError, PyFileNotFoundError, PyIndexError, PyKeyError, PyMemoryError, PyNotImplementedError, PyOSError, PyOverflowError,
    PyPermissionError, PyRuntimeError, PyTimeoutError, PyTypeError, PyUnicodeDecodeError, PyValueError,
};

/// Every exception name [`exception`] knows (`builtin_exceptions.rs`, the
/// one list codegen also checks specs against).
pub const BUILTIN_EXCEPTIONS: &[&str] = include!("builtin_exceptions.rs");

/// The builtin exception `name` with `message` (a `UnicodeDecodeError` as
/// from decoding UTF-8 with `message` as its reason); an unknown name gives
/// a `RuntimeError` carrying the message.
pub fn exception(name: &str, message: String) -> PyErr {
    match name {
        "FileExistsError" => PyFileExistsError::new_err(message),
        "FileNotFoundError" => PyFileNotFoundError::new_err(message),
        "IndexError" => PyIndexError::new_err(message),
        "KeyError" => PyKeyError::new_err(message),
        "MemoryError" => PyMemoryError::new_err(message),
        "NotImplementedError" => PyNotImplementedError::new_err(message),
        "OSError" => PyOSError::new_err(message),
        "OverflowError" => PyOverflowError::new_err(message),
        "PermissionError" => PyPermissionError::new_err(message),
        "TimeoutError" => PyTimeoutError::new_err(message),
        "TypeError" => PyTypeError::new_err(message),
        "UnicodeDecodeError" => PyUnicodeDecodeError::new_err(("utf-8", Vec::<u8>::new(), 0usize, 0usize, message)),
        "ValueError" => PyValueError::new_err(message),
        _ => PyRuntimeError::new_err(message),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pyo3::Python;
    use pyo3::types::PyTypeMethods;

    #[test]
    fn every_listed_name_is_its_own_exception() {
        Python::initialize();
        Python::attach(|py| {
            for name in BUILTIN_EXCEPTIONS {
                let err = exception(name, "m".into());
                assert_eq!(err.get_type(py).name().unwrap().to_string(), *name);
            }
        });
    }
}
