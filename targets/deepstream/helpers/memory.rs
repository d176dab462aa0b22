//! pyds's raw memory and string helpers (`alloc_buffer`, `get_string`,
//! `get_ptr`, `strdup`, `memdup`, `generate_ts_rfc3339`, ...).
//!
//! Why hand-written: these are binding-level functions of pyds, not SDK
//! functions, so no header declares them. They keep pyds's integer-address
//! API so old scripts keep working, but every address goes through
//! [`ALLOCATIONS`]: memory these helpers allocated (and did not free yet) or
//! C memory of known size handed out by other helpers (inference layers).
//! Reads and writes stay inside that span; any other address raises
//! `ValueError` instead of being dereferenced. Memory they allocate uses
//! GLib's allocator because the SDK frees it with `g_free` (helpers that
//! let C free it call [`ALLOCATIONS`]`.forget`). `get_string` also accepts a
//! `str`, because our `char*` fields already read as `str` where pyds
//! returned an address.

use crate::*;

unsafe extern "C" {
    fn g_malloc0(size: usize) -> *mut c_void;
    fn g_free(ptr: *mut c_void);
}

/// Largest allocation these helpers accept (1 GiB): a guard against typos.
const MAX_ALLOC: usize = 1 << 30;

fn size_arg(size: i64, what: &str) -> PyResult<usize> {
    match usize::try_from(size) {
        Ok(s) if s > 0 && s <= MAX_ALLOC => Ok(s),
        _ => Err(PyValueError::new_err(format!("{what}: size must be between 1 and {MAX_ALLOC}, got {size}"))),
    }
}

/// Spans of memory these helpers may touch (see the module doc).
pub(crate) use rt::allocations::SPANS as ALLOCATIONS;

/// The address an int or capsule stands for (`ValueError` for NULL).
fn address(value: &Bound<'_, PyAny>, what: &str) -> PyResult<usize> {
    let rules = rt::args::AddressRules { nullable: false, ints: true };
    let p = rt::args::address(value, rules, |_| None, what)?;
    if p.is_null() {
        return Err(rt::errors::null_address(what));
    }
    Ok(p as usize)
}

/// The address of `len` known bytes (`ValueError` unless they lie in one registered span).
fn span(value: &Bound<'_, PyAny>, len: usize, what: &str) -> PyResult<*mut u8> {
    let p = address(value, what)?;
    ALLOCATIONS.check(p, len, what)?;
    Ok(p as *mut u8)
}

/// The NUL-terminated string at a registered address, never read past its span.
fn c_str_at<'a>(value: &Bound<'_, PyAny>, what: &str) -> PyResult<&'a [u8]> {
    let p = address(value, what)?;
    let room = ALLOCATIONS.readable_from(p, what)?;
    // SAFETY: the registry holds `room` live bytes from `p`.
    let bytes = unsafe { std::slice::from_raw_parts(p as *const u8, room) };
    let end = bytes.iter().position(|b| *b == 0).ok_or_else(|| PyValueError::new_err(format!("{what}: no NUL before the end of the buffer")))?;
    Ok(&bytes[..=end])
}

/// `g_malloc0(size)`, registered.
fn allocate(size: usize) -> usize {
    // SAFETY: g_malloc0 returns zeroed memory of `size` bytes (it aborts rather than return NULL).
    let p = unsafe { g_malloc0(size) } as usize;
    ALLOCATIONS.insert_owned(p, size);
    p
}

/// Allocates `size` zeroed bytes with g_malloc0; returns the address as an int.
#[pyfunction]
#[pyo3(signature = (size))]
fn alloc_buffer(size: i64) -> PyResult<usize> {
    Ok(allocate(size_arg(size, "alloc_buffer")?))
}

/// Same as `alloc_buffer` (pyds keeps both names).
#[pyfunction]
#[pyo3(signature = (size, /))]
fn alloc_char_buffer(size: i64) -> PyResult<usize> {
    alloc_buffer(size)
}

/// Frees memory from `alloc_buffer`/`strdup`/`memdup` (int address or
/// capsule) with g_free; any other address, or a second free, raises `ValueError`.
#[pyfunction]
#[pyo3(signature = (buffer))]
fn free_buffer(buffer: &Bound<'_, PyAny>) -> PyResult<()> {
    let p = address(buffer, "free_buffer")?;
    ALLOCATIONS.take(p, "free_buffer")?;
    // SAFETY: the registry just handed over this allocation of ours, once.
    unsafe { g_free(p as *mut c_void) };
    Ok(())
}

/// Frees GLib-allocated memory given as a capsule (or int address).
#[pyfunction]
#[pyo3(signature = (buffer))]
fn free_gbuffer(buffer: &Bound<'_, PyAny>) -> PyResult<()> {
    free_buffer(buffer)
}

/// The `str` at a registered C string address (int or capsule); a `str` is returned as is.
#[pyfunction]
#[pyo3(signature = (ptr))]
fn get_string<'py>(ptr: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    if ptr.is_instance_of::<PyString>() {
        return Ok(ptr.clone());
    }
    let bytes = c_str_at(ptr, "get_string")?;
    let text = std::str::from_utf8(&bytes[..bytes.len() - 1]).map_err(|e| PyValueError::new_err(format!("get_string: not UTF-8 ({e})")))?;
    Ok(PyString::new(ptr.py(), text).into_any())
}

/// The address held by a capsule (or int) as an int; None gives 0.
#[pyfunction]
#[pyo3(signature = (ptr))]
fn get_ptr(ptr: &Bound<'_, PyAny>) -> PyResult<usize> {
    let rules = rt::args::AddressRules { nullable: true, ints: true };
    Ok(rt::args::address(ptr, rules, crate::functions::__bindery_view_address, "get_ptr")? as usize)
}

/// A registered copy of the C string at a registered address; returns the new address.
#[pyfunction]
#[pyo3(signature = (ptr, /))]
fn strdup(ptr: &Bound<'_, PyAny>) -> PyResult<usize> {
    let bytes = c_str_at(ptr, "strdup")?;
    let copy = allocate(bytes.len());
    // SAFETY: `copy` holds bytes.len() fresh bytes; the source lies in a live span.
    unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), copy as *mut u8, bytes.len()) };
    Ok(copy)
}

/// The C string at an address as a `str` (copy).
#[pyfunction]
#[pyo3(signature = (ptr, /))]
fn strdup2str<'py>(ptr: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    get_string(ptr)
}

/// A registered copy of `size` bytes at a registered address; returns the new address.
#[pyfunction]
#[pyo3(signature = (ptr, size))]
fn memdup(ptr: &Bound<'_, PyAny>, size: i64) -> PyResult<usize> {
    let size = size_arg(size, "memdup")?;
    let source = span(ptr, size, "memdup")?;
    let copy = allocate(size);
    // SAFETY: both spans hold `size` bytes (checked and fresh).
    unsafe { std::ptr::copy_nonoverlapping(source, copy as *mut u8, size) };
    Ok(copy)
}

/// Writes the current UTC time as RFC 3339 (`2024-01-02T03:04:05.678Z`) into
/// the buffer at `buffer`, at most `size` bytes including the NUL.
#[pyfunction]
#[pyo3(signature = (buffer, size))]
fn generate_ts_rfc3339(buffer: &Bound<'_, PyAny>, size: i64) -> PyResult<()> {
    let size = size_arg(size, "generate_ts_rfc3339")?;
    let p = span(buffer, size, "generate_ts_rfc3339")?;
    let text = rfc3339_now();
    let n = text.len().min(size - 1);
    // SAFETY: the registry holds `size` bytes at `p`; n + 1 <= size.
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

/// The float at index `i` of a float buffer (int address or capsule) of
/// known size (a layer buffer from `get_nvds_LayerInfo`, or `alloc_buffer`
/// memory): `IndexError` past its end, as pyds does not check.
#[pyfunction]
#[pyo3(signature = (data, i, /))]
fn get_detections(data: &Bound<'_, PyAny>, i: i64) -> PyResult<f64> {
    let what = "get_detections";
    let p = address(data, what)?;
    let count = ALLOCATIONS.readable_from(p, what)? / std::mem::size_of::<f32>();
    let i = usize::try_from(i).ok().filter(|i| *i < count).ok_or_else(|| {
        pyo3::exceptions::PyIndexError::new_err(format!("{what}: index {i} out of range ({count} floats)"))
    })?;
    // SAFETY: index i lies inside a live span of `count` floats.
    Ok(f64::from(unsafe { std::ptr::read_unaligned((p as *const f32).add(i)) }))
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
