//! Integer-address raw memory and C-string helpers (`[runtime] raw_memory`):
//! allocate, free, copy and read bytes by address, for modules that keep an
//! API where memory is an `int` (pyds's `alloc_buffer`, `get_string`,
//! `strdup`, `memdup`, ...).
//!
//! Safety property: every address goes through the module's
//! [`Registry`](crate::allocations::Registry): memory these helpers
//! allocated (and did not free yet) or C memory of known size the module
//! handed out. Reads and writes stay inside that span; any other address, a
//! read past the end, or a second free raises `ValueError` instead of being
//! dereferenced. Memory is allocated with the module's allocator
//! (`[c].allocator`), because the C library may free it; code that lets C
//! free an allocation calls `Registry::forget`.

use std::ffi::c_void;

use pyo3::exceptions::{PyIndexError, PyMemoryError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::allocations::Registry;
use crate::args::{AddressRules, AnyViews, address};
use crate::view::Allocator;

/// Largest allocation these helpers accept (1 GiB): a guard against typos.
pub const MAX_ALLOC: usize = 1 << 30;

/// The module's known spans and the allocator its raw memory comes from.
#[derive(Clone, Copy)]
pub struct RawMemory<'a> {
    /// Spans an address must lie in.
    pub spans: &'a Registry,
    /// Allocator of new memory (the one C frees with).
    pub allocator: Allocator,
}

/// A size argument in `1..=MAX_ALLOC`.
fn size_arg(size: i64, what: &str) -> PyResult<usize> {
    match usize::try_from(size) {
        Ok(s) if s > 0 && s <= MAX_ALLOC => Ok(s),
        _ => Err(PyValueError::new_err(format!("{what}: size must be between 1 and {MAX_ALLOC}, got {size}"))),
    }
}

/// The non-NULL address an int or capsule stands for.
fn non_null(value: &Bound<'_, PyAny>, what: &str) -> PyResult<usize> {
    let p = address(value, AddressRules { nullable: false, ints: true }, |_| None, what)?;
    if p.is_null() {
        return Err(crate::errors::null_address(what));
    }
    Ok(p as usize)
}

impl RawMemory<'_> {
    /// The address of `len` bytes lying in one known span.
    fn span(&self, value: &Bound<'_, PyAny>, len: usize, what: &str) -> PyResult<*mut u8> {
        let p = non_null(value, what)?;
        self.spans.check(p, len, what)?;
        Ok(p as *mut u8)
    }

    /// The NUL-terminated string at a known address (NUL included), never read past its span.
    fn c_str_at<'s>(&self, value: &Bound<'_, PyAny>, what: &str) -> PyResult<&'s [u8]> {
        let p = non_null(value, what)?;
        let room = self.spans.readable_from(p, what)?;
        // SAFETY: the registry holds `room` live bytes from `p`.
        let bytes = unsafe { std::slice::from_raw_parts(p as *const u8, room) };
        let end = bytes
            .iter()
            .position(|b| *b == 0)
            .ok_or_else(|| PyValueError::new_err(format!("{what}: no NUL before the end of the buffer")))?;
        Ok(&bytes[..=end])
    }

    /// `size` zeroed bytes from the allocator, registered as owned.
    fn allocate(&self, size: usize, what: &str) -> PyResult<usize> {
        // SAFETY: the allocator returns `size` zeroed bytes or NULL.
        let p = unsafe { (self.allocator.alloc_zeroed)(size) } as usize;
        if p == 0 {
            return Err(PyMemoryError::new_err(format!("{what}: cannot allocate {size} bytes")));
        }
        self.spans.insert_owned(p, size);
        Ok(p)
    }

    /// `alloc_buffer(size)`: `size` zeroed bytes; their address as an int.
    pub fn alloc_buffer(&self, size: i64, what: &str) -> PyResult<usize> {
        self.allocate(size_arg(size, what)?, what)
    }

    /// `free_buffer(buffer)`: frees memory of [`Self::alloc_buffer`],
    /// [`Self::strdup`] or [`Self::memdup`]; any other address, or a second
    /// free, raises `ValueError`.
    pub fn free_buffer(&self, buffer: &Bound<'_, PyAny>, what: &str) -> PyResult<()> {
        let p = non_null(buffer, what)?;
        self.spans.take(p, what)?;
        // SAFETY: the registry just handed over this allocation of ours, once.
        unsafe { (self.allocator.free)(p as *mut c_void) };
        Ok(())
    }

    /// `get_string(ptr)`: the `str` at a known C string address; a `str` is returned as is.
    pub fn get_string<'py>(&self, ptr: &Bound<'py, PyAny>, what: &str) -> PyResult<Bound<'py, PyAny>> {
        if ptr.is_instance_of::<PyString>() {
            return Ok(ptr.clone());
        }
        let bytes = self.c_str_at(ptr, what)?;
        let text = std::str::from_utf8(&bytes[..bytes.len() - 1]).map_err(|e| PyValueError::new_err(format!("{what}: not UTF-8 ({e})")))?;
        Ok(PyString::new(ptr.py(), text).into_any())
    }

    /// `strdup(ptr)`: a registered copy of the C string at a known address; its address.
    pub fn strdup(&self, ptr: &Bound<'_, PyAny>, what: &str) -> PyResult<usize> {
        let bytes = self.c_str_at(ptr, what)?;
        let copy = self.allocate(bytes.len(), what)?;
        // SAFETY: `copy` holds bytes.len() fresh bytes; the source lies in a live span.
        unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), copy as *mut u8, bytes.len()) };
        Ok(copy)
    }

    /// `memdup(ptr, size)`: a registered copy of `size` bytes at a known address; its address.
    pub fn memdup(&self, ptr: &Bound<'_, PyAny>, size: i64, what: &str) -> PyResult<usize> {
        let size = size_arg(size, what)?;
        let source = self.span(ptr, size, what)?;
        let copy = self.allocate(size, what)?;
        // SAFETY: both spans hold `size` bytes (checked and fresh).
        unsafe { std::ptr::copy_nonoverlapping(source, copy as *mut u8, size) };
        Ok(copy)
    }

    /// `generate_ts_rfc3339(buffer, size)`: writes the current UTC time as
    /// RFC 3339 into at most `size` known bytes at `buffer`, NUL included.
    pub fn generate_ts_rfc3339(&self, buffer: &Bound<'_, PyAny>, size: i64, what: &str) -> PyResult<()> {
        let size = size_arg(size, what)?;
        let p = self.span(buffer, size, what)?;
        let text = rfc3339_now();
        let n = text.len().min(size - 1);
        // SAFETY: the registry holds `size` bytes at `p`; n + 1 <= size.
        unsafe {
            std::ptr::copy_nonoverlapping(text.as_ptr(), p, n);
            *p.add(n) = 0;
        }
        Ok(())
    }

    /// `get_detections(data, i)`: the float at index `i` of a known float
    /// buffer; `IndexError` past its end.
    pub fn get_detections(&self, data: &Bound<'_, PyAny>, i: i64, what: &str) -> PyResult<f64> {
        let p = non_null(data, what)?;
        let count = self.spans.readable_from(p, what)? / std::mem::size_of::<f32>();
        let i = usize::try_from(i)
            .ok()
            .filter(|i| *i < count)
            .ok_or_else(|| PyIndexError::new_err(format!("{what}: index {i} out of range ({count} floats)")))?;
        // SAFETY: index i lies inside a live span of `count` floats.
        Ok(f64::from(unsafe { std::ptr::read_unaligned((p as *const f32).add(i)) }))
    }
}

/// `get_ptr(ptr)`: the address an int, capsule or view stands for, as an
/// int; None gives 0. Nothing is read.
pub fn get_ptr(ptr: &Bound<'_, PyAny>, views: AnyViews, what: &str) -> PyResult<usize> {
    Ok(address(ptr, AddressRules { nullable: true, ints: true }, views, what)? as usize)
}

/// The raw-memory module functions (pyds's names and signatures) over a
/// generated module's [`SPANS`](crate::allocations::SPANS) and allocator, and
/// `fn add_raw_memory_functions(module)` that registers them:
/// `raw_memory_functions!(allocator = A, alloc = "g_malloc0", free = "g_free",
/// views = any_view_fn)`. `alloc`/`free` name the allocator's C functions in
/// the docstrings; `views` recognises the module's view classes (`get_ptr`).
/// The same for every spec that sets `[runtime] raw_memory` (ADR 0012).
#[macro_export]
macro_rules! raw_memory_functions {
    (allocator = $allocator:expr, alloc = $alloc:literal, free = $free:literal, views = $views:path $(,)?) => {
        /// The raw-memory helpers over this module's spans and allocator.
        fn __bindery_raw() -> $crate::raw_memory::RawMemory<'static> {
            $crate::raw_memory::RawMemory { spans: &$crate::allocations::SPANS, allocator: $allocator }
        }

        #[doc = concat!("Allocates `size` zeroed bytes with ", $alloc, "; returns the address as an int.")]
        #[::pyo3::pyfunction]
        #[pyo3(signature = (size))]
        fn alloc_buffer(size: i64) -> ::pyo3::PyResult<usize> {
            __bindery_raw().alloc_buffer(size, "alloc_buffer")
        }

        /// Same as `alloc_buffer` (pyds keeps both names).
        #[::pyo3::pyfunction]
        #[pyo3(signature = (size, /))]
        fn alloc_char_buffer(size: i64) -> ::pyo3::PyResult<usize> {
            __bindery_raw().alloc_buffer(size, "alloc_buffer")
        }

        #[doc = concat!("Frees memory from `alloc_buffer`/`strdup`/`memdup` (int address or\ncapsule) with ", $free, "; any other address, or a second free, raises `ValueError`.")]
        #[::pyo3::pyfunction]
        #[pyo3(signature = (buffer))]
        fn free_buffer(buffer: &::pyo3::Bound<'_, ::pyo3::PyAny>) -> ::pyo3::PyResult<()> {
            __bindery_raw().free_buffer(buffer, "free_buffer")
        }

        /// Frees GLib-allocated memory given as a capsule (or int address).
        #[::pyo3::pyfunction]
        #[pyo3(signature = (buffer))]
        fn free_gbuffer(buffer: &::pyo3::Bound<'_, ::pyo3::PyAny>) -> ::pyo3::PyResult<()> {
            __bindery_raw().free_buffer(buffer, "free_buffer")
        }

        /// The `str` at a registered C string address (int or capsule); a `str` is returned as is.
        #[::pyo3::pyfunction]
        #[pyo3(signature = (ptr))]
        fn get_string<'py>(ptr: &::pyo3::Bound<'py, ::pyo3::PyAny>) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
            __bindery_raw().get_string(ptr, "get_string")
        }

        /// The address held by a capsule (or int) as an int; None gives 0.
        #[::pyo3::pyfunction]
        #[pyo3(signature = (ptr))]
        fn get_ptr(ptr: &::pyo3::Bound<'_, ::pyo3::PyAny>) -> ::pyo3::PyResult<usize> {
            $crate::raw_memory::get_ptr(ptr, $views, "get_ptr")
        }

        /// A registered copy of the C string at a registered address; returns the new address.
        #[::pyo3::pyfunction]
        #[pyo3(signature = (ptr, /))]
        fn strdup(ptr: &::pyo3::Bound<'_, ::pyo3::PyAny>) -> ::pyo3::PyResult<usize> {
            __bindery_raw().strdup(ptr, "strdup")
        }

        /// The C string at an address as a `str` (copy).
        #[::pyo3::pyfunction]
        #[pyo3(signature = (ptr, /))]
        fn strdup2str<'py>(ptr: &::pyo3::Bound<'py, ::pyo3::PyAny>) -> ::pyo3::PyResult<::pyo3::Bound<'py, ::pyo3::PyAny>> {
            __bindery_raw().get_string(ptr, "get_string")
        }

        /// A registered copy of `size` bytes at a registered address; returns the new address.
        #[::pyo3::pyfunction]
        #[pyo3(signature = (ptr, size))]
        fn memdup(ptr: &::pyo3::Bound<'_, ::pyo3::PyAny>, size: i64) -> ::pyo3::PyResult<usize> {
            __bindery_raw().memdup(ptr, size, "memdup")
        }

        /// Writes the current UTC time as RFC 3339 (`2024-01-02T03:04:05.678Z`) into
        /// the buffer at `buffer`, at most `size` bytes including the NUL.
        #[::pyo3::pyfunction]
        #[pyo3(signature = (buffer, size))]
        fn generate_ts_rfc3339(buffer: &::pyo3::Bound<'_, ::pyo3::PyAny>, size: i64) -> ::pyo3::PyResult<()> {
            __bindery_raw().generate_ts_rfc3339(buffer, size, "generate_ts_rfc3339")
        }

        /// The float at index `i` of a float buffer (int address or capsule) of
        /// known size (C memory of known size this module handed out, or
        /// `alloc_buffer` memory): `IndexError` past its end.
        #[::pyo3::pyfunction]
        #[pyo3(signature = (data, i, /))]
        fn get_detections(data: &::pyo3::Bound<'_, ::pyo3::PyAny>, i: i64) -> ::pyo3::PyResult<f64> {
            __bindery_raw().get_detections(data, i, "get_detections")
        }

        /// Registers the raw-memory functions on `m`.
        fn add_raw_memory_functions(m: &::pyo3::Bound<'_, ::pyo3::types::PyModule>) -> ::pyo3::PyResult<()> {
            use ::pyo3::types::PyModuleMethods as _;
            for f in [
                ::pyo3::wrap_pyfunction!(alloc_buffer, m)?,
                ::pyo3::wrap_pyfunction!(alloc_char_buffer, m)?,
                ::pyo3::wrap_pyfunction!(free_buffer, m)?,
                ::pyo3::wrap_pyfunction!(free_gbuffer, m)?,
                ::pyo3::wrap_pyfunction!(get_string, m)?,
                ::pyo3::wrap_pyfunction!(get_ptr, m)?,
                ::pyo3::wrap_pyfunction!(strdup, m)?,
                ::pyo3::wrap_pyfunction!(strdup2str, m)?,
                ::pyo3::wrap_pyfunction!(memdup, m)?,
                ::pyo3::wrap_pyfunction!(generate_ts_rfc3339, m)?,
                ::pyo3::wrap_pyfunction!(get_detections, m)?,
            ] {
                m.add_function(f)?;
            }
            Ok(())
        }
    };
}

/// Current UTC time in RFC 3339 with milliseconds (`2024-01-02T03:04:05.678Z`).
pub fn rfc3339_now() -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    rfc3339(now.as_secs() as i64, now.subsec_millis())
}

/// `secs` since the epoch plus `millis` in RFC 3339.
fn rfc3339(secs: i64, millis: u32) -> String {
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{millis:03}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

/// Days since 1970-01-01 → (year, month, day) in the proleptic Gregorian calendar.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_formats_known_instants() {
        assert_eq!(rfc3339(0, 0), "1970-01-01T00:00:00.000Z");
        assert_eq!(rfc3339(951_782_400, 5), "2000-02-29T00:00:00.005Z");
        assert_eq!(rfc3339(1_704_164_645, 678), "2024-01-02T03:04:05.678Z");
    }

    #[test]
    fn allocations_are_bounded_freed_once_and_copied() {
        Python::initialize();
        Python::attach(|py| {
            let spans = Registry::new();
            let raw = RawMemory { spans: &spans, allocator: Allocator::LIBC };
            assert!(raw.alloc_buffer(0, "t").is_err());
            assert!(raw.alloc_buffer(MAX_ALLOC as i64 + 1, "t").is_err());
            let p = raw.alloc_buffer(8, "t").unwrap();
            let addr = p.into_pyobject(py).unwrap().into_any();
            // SAFETY: 8 fresh bytes; "hi\0" fits.
            unsafe { std::ptr::copy_nonoverlapping(c"hi".as_ptr().cast::<u8>(), p as *mut u8, 3) };
            assert_eq!(raw.get_string(&addr, "t").unwrap().extract::<String>().unwrap(), "hi");
            let copy = raw.strdup(&addr, "t").unwrap();
            assert!(raw.memdup(&addr, 9, "t").is_err(), "past the end");
            raw.generate_ts_rfc3339(&addr, 8, "t").unwrap();
            assert_eq!(raw.get_string(&addr, "t").unwrap().extract::<String>().unwrap().len(), 7);
            assert!(raw.get_detections(&addr, 2, "t").is_err(), "8 bytes hold 2 floats");
            raw.free_buffer(&addr, "t").unwrap();
            assert!(raw.free_buffer(&addr, "t").is_err(), "double free");
            assert!(raw.get_string(&addr, "t").is_err(), "freed");
            raw.free_buffer(&copy.into_pyobject(py).unwrap().into_any(), "t").unwrap();
        });
    }
}
