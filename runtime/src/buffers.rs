//! Byte buffers crossing into C function calls without copies: input
//! buffers from any buffer-protocol object (`bytes`, `bytearray`,
//! `memoryview`, numpy arrays; C-contiguous), writable buffers C fills in
//! place, and caller-allocated output buffers returned as `bytes` or `str`.
//!
//! A [`PyBytesBuffer`] holds the Python buffer export for the whole call, so
//! the memory can neither move nor be resized (a `bytearray` refuses to
//! resize while exported) even with the GIL released. Sizes reach C through
//! [`PyBytesBuffer::length`] with an exact range check: a buffer larger than
//! the C length type raises `OverflowError`, it is never truncated.

use std::ffi::c_void;

use pyo3::exceptions::{PyOverflowError, PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use crate::ints::CInt;

/// A Python buffer export (read-only or writable), released on drop.
pub struct PyBytesBuffer {
    view: Box<pyo3::ffi::Py_buffer>,
}

impl PyBytesBuffer {
    /// Borrows the bytes of `obj` for reading.
    pub fn read(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Self> {
        Self::get(obj, pyo3::ffi::PyBUF_C_CONTIGUOUS, what)
    }

    /// Borrows the bytes of `obj` for C to write into.
    pub fn write(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<Self> {
        Self::get(obj, pyo3::ffi::PyBUF_C_CONTIGUOUS | pyo3::ffi::PyBUF_WRITABLE, what)
    }

    fn get(obj: &Bound<'_, PyAny>, flags: std::os::raw::c_int, what: &str) -> PyResult<Self> {
        let mut view = Box::new(std::mem::MaybeUninit::<pyo3::ffi::Py_buffer>::zeroed());
        // SAFETY: `view` is writable storage for one Py_buffer; on success it is released exactly once in Drop.
        let rc = unsafe { pyo3::ffi::PyObject_GetBuffer(obj.as_ptr(), view.as_mut_ptr(), flags) };
        if rc != 0 {
            return Err(refused(obj, PyErr::fetch(obj.py()), flags & pyo3::ffi::PyBUF_WRITABLE != 0, what));
        }
        // SAFETY: PyObject_GetBuffer succeeded, so the struct is initialised.
        Ok(PyBytesBuffer { view: unsafe { Box::from_raw(Box::into_raw(view).cast()) } })
    }

    /// The first byte.
    pub fn ptr(&self) -> *mut c_void {
        self.view.buf
    }

    /// Size in bytes.
    pub fn len(&self) -> usize {
        self.view.len as usize
    }

    /// Whether the buffer holds no bytes.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The size as the C length type `T` (`OverflowError` when it does not fit).
    pub fn length<T: CInt>(&self, what: &str) -> PyResult<T> {
        to_length(self.len(), what)
    }
}

impl std::fmt::Debug for PyBytesBuffer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PyBytesBuffer").field("ptr", &self.ptr()).field("len", &self.len()).finish()
    }
}

impl Drop for PyBytesBuffer {
    fn drop(&mut self) {
        // SAFETY: the export succeeded in `get` and is released once; the GIL is taken for it.
        Python::attach(|_| unsafe { pyo3::ffi::PyBuffer_Release(&mut *self.view) });
    }
}

fn refused(obj: &Bound<'_, PyAny>, err: PyErr, writable: bool, what: &str) -> PyErr {
    let py = obj.py();
    let got = crate::ints::type_name(obj);
    if err.is_instance_of::<PyTypeError>(py) {
        return PyTypeError::new_err(format!(
            "{what}: expected a bytes-like object (bytes, bytearray, memoryview, numpy array), got {got}"
        ));
    }
    let need = if writable { "a writable C-contiguous buffer" } else { "a C-contiguous buffer" };
    PyValueError::new_err(format!("{what}: expected {need}, got {got} ({})", err.value(py)))
}

/// A size as the C length type `T`, or `OverflowError`.
pub fn to_length<T: CInt>(len: usize, what: &str) -> PyResult<T> {
    T::try_from(len as i128).map_err(|_| PyOverflowError::new_err(format!("{what}: {len} bytes do not fit in {}", T::C_NAME)))
}

/// A capacity the caller (or a C function) gave, widened from any C integer
/// type, as a byte count: a negative one raises `ValueError`.
pub fn capacity(value: i128, what: &str) -> PyResult<usize> {
    usize::try_from(value).map_err(|_| PyValueError::new_err(format!("{what}: capacity must not be negative, got {value}")))
}

/// A zeroed buffer the C function writes into, turned into `bytes` or `str`.
#[derive(Debug)]
pub struct OutBytes {
    data: Vec<u8>,
}

impl OutBytes {
    /// `capacity` zeroed bytes (`MemoryError` when they cannot be allocated).
    pub fn new(capacity: usize) -> PyResult<Self> {
        let mut data = Vec::new();
        data.try_reserve_exact(capacity).map_err(|_| pyo3::exceptions::PyMemoryError::new_err("out of memory"))?;
        data.resize(capacity, 0);
        Ok(OutBytes { data })
    }

    /// The first byte, for C.
    pub fn ptr(&mut self) -> *mut c_void {
        self.data.as_mut_ptr().cast()
    }

    /// The first `written` bytes (all when C does not report a length);
    /// a length beyond the capacity is a C bug and raises `RuntimeError`.
    pub fn into_bytes<'py>(self, py: Python<'py>, written: Option<usize>, what: &str) -> PyResult<Bound<'py, PyBytes>> {
        let n = self.written(written, what)?;
        Ok(PyBytes::new(py, &self.data[..n]))
    }

    /// The text up to the first NUL (or the written length), as UTF-8.
    pub fn into_str<'py>(self, py: Python<'py>, written: Option<usize>, what: &str) -> PyResult<Bound<'py, PyString>> {
        let n = self.written(written, what)?;
        let text = &self.data[..n];
        let end = text.iter().position(|b| *b == 0).unwrap_or(n);
        let s = std::str::from_utf8(&text[..end])
            .map_err(|e| PyValueError::new_err(format!("{what}: the C function wrote invalid UTF-8 ({e})")))?;
        Ok(PyString::new(py, s))
    }

    fn written(&self, written: Option<usize>, what: &str) -> PyResult<usize> {
        match written {
            Some(n) if n > self.data.len() => Err(PyRuntimeError::new_err(format!(
                "{what}: the C function reports {n} bytes written into a {}-byte buffer",
                self.data.len()
            ))),
            Some(n) => Ok(n),
            None => Ok(self.data.len()),
        }
    }
}

/// A written length reported by C (through an in/out length parameter),
/// widened from any C integer type, as a byte count.
pub fn written(value: i128, what: &str) -> PyResult<Option<usize>> {
    capacity(value, what).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_bytes_without_copy_and_refuses_str() {
        Python::initialize();
        Python::attach(|py| {
            let b = PyBytes::new(py, b"abc");
            let buf = PyBytesBuffer::read(b.as_any(), "f(data)").unwrap();
            assert_eq!(buf.len(), 3);
            assert_eq!(buf.ptr() as *const u8, b.as_bytes().as_ptr(), "no copy");
            assert_eq!(buf.length::<u8>("f").unwrap(), 3u8);
            let s = PyString::new(py, "abc");
            assert!(PyBytesBuffer::read(s.as_any(), "f").unwrap_err().is_instance_of::<PyTypeError>(py));
            assert!(PyBytesBuffer::write(b.as_any(), "f").unwrap_err().is_instance_of::<PyValueError>(py), "bytes are read-only");
        });
    }

    #[test]
    fn lengths_are_range_checked() {
        Python::initialize();
        assert!(to_length::<u8>(300, "f").is_err());
        assert_eq!(to_length::<u64>(300, "f").unwrap(), 300);
        assert!(capacity(-1, "f").is_err());
    }

    #[test]
    fn out_bytes_cut_to_written_length() {
        Python::initialize();
        Python::attach(|py| {
            let mut out = OutBytes::new(8).unwrap();
            unsafe { std::ptr::copy_nonoverlapping(b"hi\0xx".as_ptr(), out.ptr().cast::<u8>(), 5) };
            assert_eq!(OutBytes { data: out.data.clone() }.into_bytes(py, Some(2), "f").unwrap().as_bytes(), b"hi");
            assert_eq!(OutBytes { data: out.data.clone() }.into_str(py, None, "f").unwrap().to_str().unwrap(), "hi");
            assert!(out.into_bytes(py, Some(9), "f").is_err(), "more than the capacity");
        });
    }
}
