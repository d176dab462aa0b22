//! numpy interop for the core's types, on `bindery_runtime::glue::ndarray`:
//! an array argument as the core's [`ArrayData`], and zero-copy read-only
//! views of frames and matrices whose `base` is the owning Python object.

use bindery_runtime::glue::ndarray::{ContiguousArray, cached_copy, readonly_view, with_contiguous};
pub use bindery_runtime::glue::ndarray::{Take, float32_values};
use bindery_runtime::numpy_export::NumpyElement;
use mediapipe_core::image_format::ElementType;
use mediapipe_core::pixel_data::{ArrayBytes, ArrayData};
use mediapipe_core::{ImageFrame, Matrix};
use pyo3::prelude::*;

/// Calls `f` with `obj` seen as [`ArrayData`] (rows and cols: the first two dimensions).
pub fn with_array<R>(func: &str, obj: &Bound<'_, PyAny>, take: Take, f: impl FnOnce(&ArrayData<'_>) -> R) -> PyResult<R> {
    with_contiguous(func, obj, take, |a: ContiguousArray<'_>| {
        let dim = |i: usize| a.shape.get(i).copied().unwrap_or(1);
        let bytes = a.shared.map_or(ArrayBytes::Borrowed(a.bytes), ArrayBytes::Shared);
        f(&ArrayData { dtype: a.dtype, rows: dim(0), cols: dim(1), bytes })
    })
}

/// `numpy_view()` of a frame owned by `owner`: a zero-copy read-only view
/// when contiguous; otherwise a contiguous copy cached on the instance
/// attribute `__contiguous_data` (so it does not reference the frame).
pub fn frame_view<'py>(owner: &Bound<'py, PyAny>, frame: &ImageFrame) -> PyResult<Bound<'py, PyAny>> {
    match frame.element_type() {
        ElementType::U8 => frame_view_of::<u8>(owner, frame),
        ElementType::U16 => frame_view_of::<u16>(owner, frame),
        ElementType::F32 => frame_view_of::<f32>(owner, frame),
    }
}

fn frame_view_of<'py, T: NumpyElement>(owner: &Bound<'py, PyAny>, frame: &ImageFrame) -> PyResult<Bound<'py, PyAny>> {
    if frame.is_contiguous() || frame.is_empty() {
        // SAFETY: the frame's pixels (elements `T`) are immutable and live as
        // long as the Python object that owns the frame (`owner`), which the view keeps.
        return unsafe { readonly_view::<T>(owner, frame.pixel_data().as_ptr().cast(), &frame.numpy_shape(), &frame.numpy_strides()) };
    }
    cached_copy::<T>(owner, "__contiguous_data", &frame.numpy_shape(), || frame.to_contiguous_vec())
}

/// `get_matrix`: a read-only F-contiguous float32 (rows, cols) view whose base is `owner`.
pub fn matrix_view<'py>(owner: &Bound<'py, PyAny>, m: &Matrix) -> PyResult<Bound<'py, PyAny>> {
    let strides = [4, 4 * m.rows().max(1)];
    // SAFETY: matrix data is immutable behind an Arc held by the packet `owner`.
    unsafe { readonly_view::<f32>(owner, m.column_major_data().as_ptr(), &[m.rows(), m.cols()], &strides) }
}
