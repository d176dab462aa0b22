//! pyds's raw memory and string helpers (`alloc_buffer`, `get_string`,
//! `get_ptr`, `strdup`, `memdup`, `generate_ts_rfc3339`, ...).
//!
//! Why hand-written: these are binding-level functions of pyds, not SDK
//! functions, so no header declares them. They work on raw addresses (ints or
//! capsules) exactly as pyds does, so old scripts keep working; memory they
//! allocate uses GLib's allocator because the SDK frees it with `g_free`.
//! `get_string` also accepts a `str`, because our `char*` fields already read
//! as `str` where pyds returned an address.

use std::ffi::c_char;

use crate::*;

unsafe extern "C" {
    fn g_malloc0(size: usize) -> *mut c_void;
    fn g_free(ptr: *mut c_void);
    fn g_strdup(s: *const c_char) -> *mut c_char;
    fn g_memdup2(mem: *const c_void, size: usize) -> *mut c_void;
}

/// Largest allocation these helpers accept (1 GiB): a guard against typos.
const MAX_ALLOC: usize = 1 << 30;

fn size_arg(size: i64, what: &str) -> PyResult<usize> {
    match usize::try_from(size) {
        Ok(s) if s > 0 && s <= MAX_ALLOC => Ok(s),
        _ => Err(PyValueError::new_err(format!("{what}: size must be between 1 and {MAX_ALLOC}, got {size}"))),
    }
}

fn non_null(value: &Bound<'_, PyAny>, what: &str) -> PyResult<*mut c_void> {
    Ok(rt::pointer::non_null_address(value, what)?.as_ptr())
}

/// Allocates `size` zeroed bytes with g_malloc0; returns the address as an int.
#[pyfunction]
#[pyo3(signature = (size))]
fn alloc_buffer(size: i64) -> PyResult<usize> {
    let size = size_arg(size, "alloc_buffer")?;
    Ok(unsafe { g_malloc0(size) } as usize)
}

/// Same as `alloc_buffer` (pyds keeps both names).
#[pyfunction]
#[pyo3(signature = (size, /))]
fn alloc_char_buffer(size: i64) -> PyResult<usize> {
    alloc_buffer(size)
}

/// Frees memory from `alloc_buffer` (int address or capsule) with g_free.
#[pyfunction]
#[pyo3(signature = (buffer))]
fn free_buffer(buffer: &Bound<'_, PyAny>) -> PyResult<()> {
    let p = rt::pointer::address_of(buffer, "free_buffer")?;
    unsafe { g_free(p) };
    Ok(())
}

/// Frees GLib-allocated memory given as a capsule (or int address).
#[pyfunction]
#[pyo3(signature = (buffer))]
fn free_gbuffer(buffer: &Bound<'_, PyAny>) -> PyResult<()> {
    free_buffer(buffer)
}

/// The `str` at a C string address (int or capsule); a `str` is returned as is.
#[pyfunction]
#[pyo3(signature = (ptr))]
fn get_string<'py>(ptr: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    if ptr.is_instance_of::<PyString>() {
        return Ok(ptr.clone());
    }
    let p = non_null(ptr, "get_string")?;
    Ok(unsafe { rt::strings::read_c_string(ptr.py(), p.cast()) }.expect("non-NULL").into_any())
}

/// The address held by a capsule (or int) as an int; None gives 0.
#[pyfunction]
#[pyo3(signature = (ptr))]
fn get_ptr(ptr: &Bound<'_, PyAny>) -> PyResult<usize> {
    Ok(rt::pointer::address_of(ptr, "get_ptr")? as usize)
}

/// g_strdup of the C string at an address; returns the new address.
#[pyfunction]
#[pyo3(signature = (ptr, /))]
fn strdup(ptr: &Bound<'_, PyAny>) -> PyResult<usize> {
    let p = non_null(ptr, "strdup")?;
    Ok(unsafe { g_strdup(p.cast()) } as usize)
}

/// The C string at an address as a `str` (copy).
#[pyfunction]
#[pyo3(signature = (ptr, /))]
fn strdup2str<'py>(ptr: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    get_string(ptr)
}

/// g_memdup2 of `size` bytes at an address; returns the new address.
#[pyfunction]
#[pyo3(signature = (ptr, size))]
fn memdup(ptr: &Bound<'_, PyAny>, size: i64) -> PyResult<usize> {
    let p = non_null(ptr, "memdup")?;
    let size = size_arg(size, "memdup")?;
    Ok(unsafe { g_memdup2(p, size) } as usize)
}

/// Writes the current UTC time as RFC 3339 (`2024-01-02T03:04:05.678Z`) into
/// the buffer at `buffer`, at most `size` bytes including the NUL.
#[pyfunction]
#[pyo3(signature = (buffer, size))]
fn generate_ts_rfc3339(buffer: &Bound<'_, PyAny>, size: i64) -> PyResult<()> {
    let p = non_null(buffer, "generate_ts_rfc3339")?.cast::<u8>();
    let size = size_arg(size, "generate_ts_rfc3339")?;
    let text = rfc3339_now();
    let n = text.len().min(size - 1);
    unsafe {
        std::ptr::copy_nonoverlapping(text.as_ptr(), p, n);
        *p.add(n) = 0;
    }
    Ok(())
}

/// Current UTC time in RFC 3339 with milliseconds.
fn rfc3339_now() -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
    let secs = now.as_secs() as i64;
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}.{:03}Z", rem / 3600, rem % 3600 / 60, rem % 60, now.subsec_millis())
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

/// The float at index `i` of a float buffer (int address or capsule), as pyds.
#[pyfunction]
#[pyo3(signature = (data, i, /))]
fn get_detections(data: &Bound<'_, PyAny>, i: i64) -> PyResult<f64> {
    let p = non_null(data, "get_detections")?.cast::<f32>();
    let i = usize::try_from(i).map_err(|_| PyValueError::new_err(format!("get_detections: index must be >= 0, got {i}")))?;
    Ok(f64::from(unsafe { *p.add(i) }))
}

/// Registers this helper's functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(alloc_buffer, m)?)?;
    m.add_function(wrap_pyfunction!(alloc_char_buffer, m)?)?;
    m.add_function(wrap_pyfunction!(free_buffer, m)?)?;
    m.add_function(wrap_pyfunction!(free_gbuffer, m)?)?;
    m.add_function(wrap_pyfunction!(get_string, m)?)?;
    m.add_function(wrap_pyfunction!(get_ptr, m)?)?;
    m.add_function(wrap_pyfunction!(strdup, m)?)?;
    m.add_function(wrap_pyfunction!(strdup2str, m)?)?;
    m.add_function(wrap_pyfunction!(memdup, m)?)?;
    m.add_function(wrap_pyfunction!(generate_ts_rfc3339, m)?)?;
    m.add_function(wrap_pyfunction!(get_detections, m)?)
}
