//! OSD helper methods: `NvOSD_MaskParams.get_mask_array()` /
//! `alloc_mask_array()` (`NvOSD_ColorParams.set` comes from the spec's `setters`).
//!
//! Why hand-written: pyds adds these methods; they are not C functions.
//! `get_mask_array` is a zero-copy view whose base keeps the mask params'
//! view alive; `alloc_mask_array` allocates with GLib because the SDK frees
//! `mask_params.data` with `g_free` when the object is released.

use crate::*;

unsafe extern "C" {
    fn g_malloc0(size: usize) -> *mut c_void;
    fn g_free(ptr: *mut c_void);
}

#[pymethods]
impl NvOSD_MaskParams {
    /// The mask as a zero-copy float32 array of `size / 4` values (as pyds).
    fn get_mask_array<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let p = slf.get().ptr()?;
        // SAFETY: the view is alive, so its fields are readable.
        let (data, size, w, h) = unsafe { ((*p).data, (*p).size, (*p).width, (*p).height) };
        let area = u64::from(w) * u64::from(h);
        rt::numpy_export::check_sized(data.cast(), &[("size", size.into()), ("width x height", area)], "NvOSD_MaskParams.get_mask_array")?;
        let n = i64::from(size) / 4;
        unsafe { rt::numpy_export::array_over::<f32>(slf.py(), data, &[n], None, true, slf.clone().into_any()) }
    }

    /// Allocates a zeroed width*height float32 mask (freeing the old one),
    /// sets `size`, and returns it as a zero-copy array.
    fn alloc_mask_array<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let p = slf.get().ptr()?;
        let (w, h) = unsafe { ((*p).width as usize, (*p).height as usize) };
        let bytes = w.checked_mul(h).and_then(|n| n.checked_mul(4)).filter(|b| *b > 0 && *b <= u32::MAX as usize);
        let bytes = bytes.ok_or_else(|| PyValueError::new_err(format!("NvOSD_MaskParams: bad mask size {w}x{h}")))?;
        unsafe {
            let fresh = g_malloc0(bytes).cast::<f32>();
            if fresh.is_null() {
                return Err(pyo3::exceptions::PyMemoryError::new_err("out of memory"));
            }
            g_free((*p).data.cast());
            (*p).data = fresh;
            (*p).size = bytes as u32;
        }
        Self::get_mask_array(slf)
    }
}

/// Registers this helper (methods only).
pub(crate) fn register(_m: &Bound<'_, PyModule>) -> PyResult<()> {
    Ok(())
}
