//! numpy interop: reading an ndarray as the core's [`ArrayData`] (copied or
//! shared), and building read-only zero-copy views over frame and matrix
//! memory whose `base` is the owning Python object, so the memory outlives
//! every view.

use bindery_runtime::numpy_export::array_over;
use mediapipe_core::image_format::ElementType;
use mediapipe_core::pixel_data::{ArrayBytes, ArrayData};
use mediapipe_core::{ImageFrame, Matrix};
use numpy::{PyArrayDescrMethods, PyArrayMethods, PyUntypedArray, PyUntypedArrayMethods};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use bindery_runtime::glue::args::incompatible;

/// How an array argument is taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Take {
    /// pybind noconvert: a C-contiguous ndarray only (constructors).
    Strict,
    /// Copy mode: any ndarray, made C-contiguous first.
    Copy,
    /// Reference mode: share the C-contiguous array's memory (+1 refcount).
    Share,
}

/// Holds a numpy array so its memory can back a frame (reference mode).
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

/// Calls `f` with `obj` seen as [`ArrayData`] taken per `take`.
pub fn with_array<R>(func: &str, obj: &Bound<'_, PyAny>, take: Take, f: impl FnOnce(&ArrayData<'_>) -> R) -> PyResult<R> {
    let py = obj.py();
    let mut arr = obj.cast::<PyUntypedArray>().map_err(|_| incompatible(func, obj))?.clone();
    if !arr.is_c_contiguous() {
        match take {
            Take::Strict => return Err(incompatible(func, obj)),
            Take::Share => return Err(PyValueError::new_err("Reference mode is unavailable if 'data' is not c_contiguous.")),
            Take::Copy => {
                let np = py.import("numpy")?;
                arr = np.call_method1("ascontiguousarray", (arr,))?.cast_into::<PyUntypedArray>()?;
            }
        }
    }
    let dtype = dtype_name(&arr)?;
    let shape = arr.shape();
    let rows = shape.first().copied().unwrap_or(1);
    let cols = shape.get(1).copied().unwrap_or(1);
    let len = arr.len() * arr.dtype().itemsize();
    // SAFETY: a C-contiguous array's data pointer addresses `len` bytes.
    let ptr = unsafe { (*numpy::npyffi::objects::_PyArray_GET_ITEM_DATA(arr.as_array_ptr())).data as *const u8 };
    let bytes = if take == Take::Share {
        ArrayBytes::Shared(std::sync::Arc::new(ArrayHolder { _array: arr.clone().into_any().unbind(), ptr: ptr as usize, len }))
    } else if len == 0 {
        ArrayBytes::Borrowed(&[])
    } else {
        // SAFETY: as above; the array lives (GIL held) for the duration of `f`.
        ArrayBytes::Borrowed(unsafe { std::slice::from_raw_parts(ptr, len) })
    };
    Ok(f(&ArrayData { dtype: &dtype, rows, cols, bytes }))
}

/// The numpy dtype name (`uint8`, ...): the three pixel types without a
/// Python call, anything else through `str(dtype)`.
fn dtype_name(arr: &Bound<'_, PyUntypedArray>) -> PyResult<String> {
    let py = arr.py();
    let d = arr.dtype();
    for (name, known) in [("uint8", numpy::dtype::<u8>(py)), ("uint16", numpy::dtype::<u16>(py)), ("float32", numpy::dtype::<f32>(py))] {
        if d.is_equiv_to(&known) {
            return Ok(name.to_string());
        }
    }
    Ok(d.str()?.to_string())
}

/// `np.ascontiguousarray(obj, dtype=float32)` as (shape, C-order values).
pub fn float32_values(func: &str, obj: &Bound<'_, PyAny>) -> PyResult<(Vec<usize>, Vec<f32>)> {
    let np = obj.py().import("numpy")?;
    let arr = np
        .call_method1("ascontiguousarray", (obj, "float32"))
        .map_err(|_| incompatible(func, obj))?
        .cast_into::<numpy::PyArrayDyn<f32>>()?;
    let ro = arr.readonly();
    let values = ro.as_slice().map_err(|_| incompatible(func, obj))?.to_vec();
    Ok((arr.shape().to_vec(), values))
}

fn descr<'py>(py: Python<'py>, et: ElementType) -> Bound<'py, numpy::PyArrayDescr> {
    match et {
        ElementType::U8 => numpy::dtype::<u8>(py),
        ElementType::U16 => numpy::dtype::<u16>(py),
        ElementType::F32 => numpy::dtype::<f32>(py),
    }
}

/// A read-only ndarray over `data` (elements `et`) with `base = owner`,
/// made by the runtime's [`array_over`].
///
/// # Safety
/// `data` must stay valid, unmoved and unchanged while `owner` lives, and
/// `shape`/`strides` (bytes) must stay inside it.
unsafe fn readonly_view<'py>(
    owner: &Bound<'py, PyAny>,
    et: ElementType,
    data: *const u8,
    shape: &[usize],
    strides: &[usize],
) -> PyResult<Bound<'py, PyAny>> {
    let (py, base) = (owner.py(), owner.clone());
    let shape: Vec<i64> = shape.iter().map(|&d| d as i64).collect();
    let strides: Vec<i64> = strides.iter().map(|&s| s as i64).collect();
    let strides = Some(strides.as_slice());
    // SAFETY: forwarded from this function's contract; the views are read-only.
    unsafe {
        match et {
            ElementType::U8 => array_over::<u8>(py, data.cast_mut(), &shape, strides, false, base),
            ElementType::U16 => array_over::<u16>(py, data.cast_mut().cast(), &shape, strides, false, base),
            ElementType::F32 => array_over::<f32>(py, data.cast_mut().cast(), &shape, strides, false, base),
        }
    }
}

/// `numpy_view()` of a frame owned by `owner`: a zero-copy read-only view
/// when contiguous; otherwise a contiguous copy cached on the instance
/// attribute `__contiguous_data` (so it does not reference the frame).
pub fn frame_view<'py>(owner: &Bound<'py, PyAny>, frame: &ImageFrame) -> PyResult<Bound<'py, PyAny>> {
    let et = frame.element_type();
    if frame.is_contiguous() || frame.is_empty() {
        // SAFETY: the frame's pixels are immutable and live as long as the
        // Python object that owns the frame (`owner`), which the view keeps.
        return unsafe { readonly_view(owner, et, frame.pixel_data().as_ptr(), &frame.numpy_shape(), &frame.numpy_strides()) };
    }
    if let Ok(cached) = owner.getattr("__contiguous_data") {
        return Ok(cached);
    }
    let py = owner.py();
    let bytes = pyo3::types::PyBytes::new(py, &frame.to_contiguous_vec());
    let np = py.import("numpy")?;
    let flat = np.call_method1("frombuffer", (bytes, descr(py, et)))?;
    let arr = flat.call_method1("reshape", (frame.numpy_shape(),))?;
    owner.setattr("__contiguous_data", &arr)?;
    Ok(arr)
}

/// `get_matrix`: a read-only F-contiguous float32 (rows, cols) view whose base is `owner`.
pub fn matrix_view<'py>(owner: &Bound<'py, PyAny>, m: &Matrix) -> PyResult<Bound<'py, PyAny>> {
    let data = m.column_major_data();
    let shape = [m.rows(), m.cols()];
    let strides = [4, 4 * m.rows().max(1)];
    // SAFETY: matrix data is immutable behind an Arc held by the packet `owner`.
    unsafe { readonly_view(owner, ElementType::F32, data.as_ptr().cast(), &shape, &strides) }
}
