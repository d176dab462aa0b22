//! numpy arrays in and out of a wrapped library, with no knowledge of it.
//!
//! In: [`with_contiguous`] reads an ndarray argument as its dtype name,
//! shape and C-contiguous bytes, borrowed for a call (copied by the
//! library) or shared (the library keeps a reference to the array, which
//! stays alive and unmoved), with pybind11's noconvert strictness where
//! asked; [`float32_values`] reads any array-like as float32 values.
//! Out: [`readonly_view`] is a zero-copy read-only view over memory an
//! owning Python object keeps alive, and [`cached_copy`] a contiguous copy
//! cached on the owner (for memory a view cannot describe).

use std::sync::Arc;

use numpy::{Element, PyArrayDescrMethods, PyArrayMethods, PyUntypedArray, PyUntypedArrayMethods};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use super::args::incompatible;
use crate::numpy_export::array_over;

/// How an array argument is taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Take {
    /// pybind11 noconvert: a C-contiguous ndarray only; anything else is TypeError.
    Strict,
    /// Any ndarray, made C-contiguous first; its bytes are borrowed for the call.
    Copy,
    /// A C-contiguous ndarray whose memory the callee keeps (+1 reference).
    Share,
}

/// Memory the callee may keep: an array held alive by a Python reference.
pub type SharedArray = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// A C-contiguous array argument as the callee sees it.
pub struct ContiguousArray<'a> {
    /// The numpy dtype name (`uint8`, `float32`, ...).
    pub dtype: &'a str,
    /// The array's shape.
    pub shape: &'a [usize],
    /// Its bytes, valid for the call.
    pub bytes: &'a [u8],
    /// The same bytes as memory to keep ([`Take::Share`] only).
    pub shared: Option<SharedArray>,
}

/// Holds a numpy array so its memory can be kept past the call.
struct ArrayHolder {
    _array: Py<PyAny>,
    ptr: usize,
    len: usize,
}

impl AsRef<[u8]> for ArrayHolder {
    fn as_ref(&self) -> &[u8] {
        // SAFETY: the array is kept alive by `_array`; numpy never moves or
        // resizes the data of an array that has other references.
        unsafe { std::slice::from_raw_parts(self.ptr as *const u8, self.len) }
    }
}

/// Calls `f` with `obj` read as a [`ContiguousArray`] taken per `take`;
/// `func` names the function in pybind11-style TypeErrors.
pub fn with_contiguous<R>(func: &str, obj: &Bound<'_, PyAny>, take: Take, f: impl FnOnce(ContiguousArray<'_>) -> R) -> PyResult<R> {
    let arr = contiguous(func, obj, take)?;
    let dtype = dtype_name(&arr)?;
    let len = arr.len() * arr.dtype().itemsize();
    let ptr = if len == 0 {
        std::ptr::NonNull::<u8>::dangling().as_ptr().cast_const()
    } else {
        // SAFETY: `arr` is a valid ndarray; its data pointer addresses `len`
        // contiguous bytes (C-contiguous, checked above).
        unsafe { (*numpy::npyffi::objects::_PyArray_GET_ITEM_DATA(arr.as_array_ptr())).data as *const u8 }
    };
    let shared = (take == Take::Share)
        .then(|| Arc::new(ArrayHolder { _array: arr.clone().into_any().unbind(), ptr: ptr as usize, len }) as SharedArray);
    // SAFETY: as above; `arr` lives (GIL held) for the duration of `f`.
    let bytes = unsafe { std::slice::from_raw_parts(ptr, len) };
    Ok(f(ContiguousArray { dtype: &dtype, shape: arr.shape(), bytes, shared }))
}

/// `obj` as a C-contiguous ndarray: converted in [`Take::Copy`] mode, an
/// error otherwise when it is not one.
fn contiguous<'py>(func: &str, obj: &Bound<'py, PyAny>, take: Take) -> PyResult<Bound<'py, PyUntypedArray>> {
    let arr = obj.cast::<PyUntypedArray>().map_err(|_| incompatible(func, obj))?;
    match take {
        _ if arr.is_c_contiguous() => Ok(arr.clone()),
        Take::Strict => Err(incompatible(func, obj)),
        Take::Share => Err(PyValueError::new_err(format!("{func}(): a shared array must be C-contiguous"))),
        Take::Copy => Ok(obj.py().import("numpy")?.call_method1("ascontiguousarray", (arr,))?.cast_into::<PyUntypedArray>()?),
    }
}

/// The numpy dtype name: the common element types without a Python call,
/// anything else through `str(dtype)`.
fn dtype_name(arr: &Bound<'_, PyUntypedArray>) -> PyResult<String> {
    let (py, d) = (arr.py(), arr.dtype());
    let known = [("uint8", numpy::dtype::<u8>(py)), ("uint16", numpy::dtype::<u16>(py)), ("float32", numpy::dtype::<f32>(py))];
    match known.into_iter().find(|(_, k)| d.is_equiv_to(k)) {
        Some((name, _)) => Ok(name.to_string()),
        None => Ok(d.str()?.to_string()),
    }
}

/// `np.ascontiguousarray(obj, dtype=float32)` as (shape, C-order values);
/// what numpy cannot convert is a pybind11-style TypeError.
pub fn float32_values(func: &str, obj: &Bound<'_, PyAny>) -> PyResult<(Vec<usize>, Vec<f32>)> {
    let np = obj.py().import("numpy")?;
    let converted = np.call_method1("ascontiguousarray", (obj, "float32")).map_err(|_| incompatible(func, obj))?;
    let arr = converted.cast_into::<numpy::PyArrayDyn<f32>>()?;
    let values = arr.readonly().as_slice().map_err(|_| incompatible(func, obj))?.to_vec();
    Ok((arr.shape().to_vec(), values))
}

/// A read-only ndarray of `T` over `data` with `shape` and byte `strides`,
/// whose `base` is `owner`.
///
/// # Safety
/// `data` must stay valid, unmoved and unchanged while `owner` lives, and
/// `shape`/`strides` must stay inside it.
pub unsafe fn readonly_view<'py, T: crate::numpy_export::NumpyElement>(
    owner: &Bound<'py, PyAny>,
    data: *const T,
    shape: &[usize],
    strides: &[usize],
) -> PyResult<Bound<'py, PyAny>> {
    let shape: Vec<i64> = shape.iter().map(|&d| d as i64).collect();
    let strides: Vec<i64> = strides.iter().map(|&s| s as i64).collect();
    // SAFETY: forwarded from this function's contract; the view is read-only.
    unsafe { array_over::<T>(owner.py(), data.cast_mut(), &shape, Some(&strides), false, owner.clone()) }
}

/// A C-contiguous ndarray of `T` with `shape` over a copy of `bytes()`,
/// cached on `owner`'s attribute `attr` (so the copy is made once and does
/// not reference the owner).
pub fn cached_copy<'py, T: Element>(
    owner: &Bound<'py, PyAny>,
    attr: &str,
    shape: &[usize],
    bytes: impl FnOnce() -> Vec<u8>,
) -> PyResult<Bound<'py, PyAny>> {
    if let Ok(cached) = owner.getattr(attr) {
        return Ok(cached);
    }
    let py = owner.py();
    let flat = py.import("numpy")?.call_method1("frombuffer", (PyBytes::new(py, &bytes()), numpy::dtype::<T>(py)))?;
    let arr = flat.call_method1("reshape", (shape.to_vec(),))?;
    owner.setattr(attr, &arr)?;
    Ok(arr)
}
