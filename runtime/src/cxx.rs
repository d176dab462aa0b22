//! Values of C++ standard-library members (`std::string`, `std::vector`,
//! maps), copied out through a generated C++ shim. The shim walks the
//! container and calls a [`Sink`] once per value, in order (a map gives key,
//! value, key, value…); [`collect`] gathers them into [`Item`]s before any
//! Python object is made, and [`to_str`], [`to_list`] and [`to_dict`] turn
//! them into Python values. Nothing here knows a particular struct: the shim
//! function is a parameter.

use std::ffi::{c_char, c_void};

use pyo3::IntoPyObjectExt;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

/// One value the shim reported.
#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    /// A `std::string` (bytes, decoded when converted).
    Str(Vec<u8>),
    /// A signed integer or enum.
    Int(i64),
    /// An unsigned integer.
    UInt(u64),
    /// A floating-point number.
    Float(f64),
    /// A `bool`.
    Bool(bool),
    /// The address of a struct stored in the container.
    Ptr(*mut c_void),
}

/// The receiver the C++ shim calls (`struct Sink` in the generated
/// `src/cxx_shim.cpp`, same field order).
#[repr(C)]
pub struct Sink {
    ctx: *mut c_void,
    str_: unsafe extern "C" fn(*mut c_void, *const c_char, usize),
    int: unsafe extern "C" fn(*mut c_void, i64),
    uint: unsafe extern "C" fn(*mut c_void, u64),
    float: unsafe extern "C" fn(*mut c_void, f64),
    boolean: unsafe extern "C" fn(*mut c_void, bool),
    ptr: unsafe extern "C" fn(*mut c_void, *const c_void),
}

/// A shim function: reads one member of the struct at its first argument.
pub type ShimFn = unsafe extern "C" fn(*const c_void, *const Sink);

/// Runs `shim` over the struct at `p` and returns the values it reported.
///
/// # Safety
/// `p` must point to a live struct of the type `shim` was generated for.
pub unsafe fn collect(p: *const c_void, shim: ShimFn) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    let sink =
        Sink { ctx: (&raw mut items).cast(), str_: on_str, int: on_int, uint: on_uint, float: on_float, boolean: on_bool, ptr: on_ptr };
    // SAFETY: `p` is live (caller); `sink` and `items` outlive the call, and
    // the shim calls back only during it.
    unsafe { shim(p, &sink) };
    items
}

/// # Safety
/// `ctx` is the `Vec<Item>` of the running [`collect`].
unsafe fn push(ctx: *mut c_void, item: Item) {
    // SAFETY: see the function's contract.
    unsafe { (*ctx.cast::<Vec<Item>>()).push(item) }
}

unsafe extern "C" fn on_str(ctx: *mut c_void, data: *const c_char, len: usize) {
    let bytes = match data.is_null() {
        true => Vec::new(),
        // SAFETY: the shim passes a std::string's data() and size().
        false => unsafe { std::slice::from_raw_parts(data.cast::<u8>(), len) }.to_vec(),
    };
    // SAFETY: called by the shim during `collect`.
    unsafe { push(ctx, Item::Str(bytes)) }
}

unsafe extern "C" fn on_int(ctx: *mut c_void, v: i64) {
    // SAFETY: called by the shim during `collect`.
    unsafe { push(ctx, Item::Int(v)) }
}

unsafe extern "C" fn on_uint(ctx: *mut c_void, v: u64) {
    // SAFETY: called by the shim during `collect`.
    unsafe { push(ctx, Item::UInt(v)) }
}

unsafe extern "C" fn on_float(ctx: *mut c_void, v: f64) {
    // SAFETY: called by the shim during `collect`.
    unsafe { push(ctx, Item::Float(v)) }
}

unsafe extern "C" fn on_bool(ctx: *mut c_void, v: bool) {
    // SAFETY: called by the shim during `collect`.
    unsafe { push(ctx, Item::Bool(v)) }
}

unsafe extern "C" fn on_ptr(ctx: *mut c_void, p: *const c_void) {
    // SAFETY: called by the shim during `collect`.
    unsafe { push(ctx, Item::Ptr(p.cast_mut())) }
}

/// A copied value as a Python object (a struct address is an error here:
/// [`to_list`] turns those into views).
pub fn to_python<'py>(py: Python<'py>, item: &Item) -> PyResult<Bound<'py, PyAny>> {
    match item {
        Item::Str(bytes) => Ok(crate::strings::decode(py, bytes).into_any()),
        Item::Int(v) => v.into_bound_py_any(py),
        Item::UInt(v) => v.into_bound_py_any(py),
        Item::Float(v) => v.into_bound_py_any(py),
        Item::Bool(v) => v.into_bound_py_any(py),
        Item::Ptr(_) => Err(PyValueError::new_err("internal error: a struct address where a value was expected")),
    }
}

/// A `std::string` member: exactly one string item.
pub fn to_str<'py>(py: Python<'py>, items: Vec<Item>) -> PyResult<Bound<'py, PyAny>> {
    match items.as_slice() {
        [item @ Item::Str(_)] => to_python(py, item),
        _ => Err(PyValueError::new_err("internal error: the C++ shim did not report one string")),
    }
}

/// A `std::vector` member; struct elements become `view(address)`.
pub fn to_list<'py>(
    py: Python<'py>,
    items: Vec<Item>,
    view: impl Fn(*mut c_void) -> PyResult<Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let values = items
        .iter()
        .map(|item| match item {
            Item::Ptr(p) => view(*p),
            other => to_python(py, other),
        })
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, values)
}

/// A `std::vector` member of numbers, bools or strings.
pub fn to_values<'py>(py: Python<'py>, items: Vec<Item>) -> PyResult<Bound<'py, PyList>> {
    to_list(py, items, |p| to_python(py, &Item::Ptr(p)))
}

/// A map member: items alternate key, value.
pub fn to_dict<'py>(py: Python<'py>, items: Vec<Item>) -> PyResult<Bound<'py, PyDict>> {
    if items.len() % 2 != 0 {
        return Err(PyValueError::new_err("internal error: the C++ shim reported a key without a value"));
    }
    let dict = PyDict::new(py);
    for pair in items.chunks(2) {
        dict.set_item(to_python(py, &pair[0])?, to_python(py, &pair[1])?)?;
    }
    Ok(dict)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A stand-in for a generated shim: reports a map {"a": 1, "b": true}.
    unsafe extern "C" fn fake_map(_p: *const c_void, sink: *const Sink) {
        // SAFETY: `collect` passes a live sink.
        unsafe {
            let s = &*sink;
            (s.str_)(s.ctx, c"a".as_ptr(), 1);
            (s.uint)(s.ctx, 1);
            (s.str_)(s.ctx, c"b".as_ptr(), 1);
            (s.boolean)(s.ctx, true);
        }
    }

    unsafe extern "C" fn fake_odd(_p: *const c_void, sink: *const Sink) {
        // SAFETY: `collect` passes a live sink.
        unsafe { ((*sink).int)((*sink).ctx, -3) }
    }

    #[test]
    fn collects_in_order() {
        let items = unsafe { collect(std::ptr::null(), fake_map) };
        assert_eq!(items, vec![Item::Str(b"a".to_vec()), Item::UInt(1), Item::Str(b"b".to_vec()), Item::Bool(true)]);
    }

    #[test]
    fn converts_to_python() {
        Python::initialize();
        Python::attach(|py| {
            let dict = to_dict(py, unsafe { collect(std::ptr::null(), fake_map) }).unwrap();
            assert_eq!(dict.get_item("a").unwrap().unwrap().extract::<u64>().unwrap(), 1);
            assert!(dict.get_item("b").unwrap().unwrap().extract::<bool>().unwrap());
            let odd = unsafe { collect(std::ptr::null(), fake_odd) };
            assert!(to_dict(py, odd.clone()).is_err(), "a key without a value is an error");
            assert!(to_str(py, odd.clone()).is_err(), "an int is not a string");
            let list = to_list(py, odd, |_| unreachable!()).unwrap();
            assert_eq!(list.extract::<Vec<i64>>().unwrap(), vec![-3]);
            let views = to_list(py, vec![Item::Ptr(8 as *mut c_void)], |p| (p as usize).into_bound_py_any(py)).unwrap();
            assert_eq!(views.extract::<Vec<usize>>().unwrap(), vec![8]);
        });
    }
}
