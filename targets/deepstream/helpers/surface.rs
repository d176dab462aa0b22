//! Frame pixels of an NVMM GstBuffer: `get_nvds_buf_surface`,
//! `get_nvds_buf_surface_gpu`, `unmap_nvds_buf_surface`, and
//! `nvds_obj_enc_process`, which pyds calls with the GstBuffer's address
//! where C takes the `NvBufSurface*` inside it.
//!
//! Why hand-written: the buffer is a GStreamer object given by address and
//! its memory maps to an `NvBufSurface`; no header describes that. Unlike
//! pyds, the returned array keeps a reference on the GstBuffer (its base is a
//! capsule that unrefs the buffer when the array dies), so the pixels cannot
//! be freed under it; it is writable only when the buffer is writable.

use crate::*;

/// GStreamer's `GstMapInfo` (stable public layout).
#[repr(C)]
struct MapInfo {
    memory: *mut c_void,
    flags: u32,
    data: *mut u8,
    size: usize,
    maxsize: usize,
    user_data: [*mut c_void; 4],
    reserved: [*mut c_void; 4],
}

unsafe extern "C" {
    fn gst_buffer_map(buffer: *mut c_void, info: *mut MapInfo, flags: u32) -> i32;
    fn gst_buffer_unmap(buffer: *mut c_void, info: *mut MapInfo);
    fn gst_mini_object_ref(obj: *mut c_void) -> *mut c_void;
    fn gst_mini_object_unref(obj: *mut c_void);
    fn gst_mini_object_is_writable(obj: *const c_void) -> i32;
}

const GST_MAP_READ: u32 = 1;
const NAME: &std::ffi::CStr = c"pyds.GstBuffer";

/// The GstBuffer at `address` (type-checked), or an error.
fn buffer_at(address: &Bound<'_, PyAny>, what: &str) -> PyResult<*mut c_void> {
    let p = crate::__helper_buffer::gst_buffer_address(address, what)?;
    if p.is_null() {
        return Err(PyValueError::new_err(format!("{what}: the buffer is NULL")));
    }
    Ok(p)
}

/// The NvBufSurface inside the buffer's memory (mapped and unmapped at once, as pyds).
fn surface_of(buffer: *mut c_void, what: &str) -> PyResult<*mut ffi::NvBufSurface> {
    let mut info: MapInfo = unsafe { std::mem::zeroed() };
    if unsafe { gst_buffer_map(buffer, &mut info, GST_MAP_READ) } == 0 {
        return Err(PyValueError::new_err(format!("{what}: cannot map the buffer")));
    }
    let (data, size) = (info.data, info.size);
    unsafe { gst_buffer_unmap(buffer, &mut info) };
    // An NVMM buffer maps to exactly one NvBufSurface; anything else is pixels.
    let surface = data.cast::<ffi::NvBufSurface>();
    let plausible = !data.is_null()
        && size == std::mem::size_of::<ffi::NvBufSurface>()
        && unsafe { (*surface).numFilled <= (*surface).batchSize && !(*surface).surfaceList.is_null() };
    if !plausible {
        return Err(PyValueError::new_err(format!("{what}: the buffer does not hold an NvBufSurface (is it memory:NVMM?)")));
    }
    Ok(surface)
}

/// Entry `batch_id` of the surface's list, checked against `numFilled`.
fn params_of(surface: *mut ffi::NvBufSurface, batch_id: i64, what: &str) -> PyResult<*mut ffi::NvBufSurfaceParams> {
    let (filled, list) = unsafe { ((*surface).numFilled, (*surface).surfaceList) };
    match usize::try_from(batch_id) {
        Ok(i) if i < filled as usize && !list.is_null() => Ok(unsafe { list.add(i) }),
        _ => Err(pyo3::exceptions::PyIndexError::new_err(format!("{what}: batchID {batch_id} out of range (numFilled = {filled})"))),
    }
}

/// Channels of a packed RGB(A) format, or an error for other formats.
fn channels(format: ffi::NvBufSurfaceColorFormat, what: &str) -> PyResult<i64> {
    match format {
        ffi::NvBufSurfaceColorFormat_NVBUF_COLOR_FORMAT_RGBA | ffi::NvBufSurfaceColorFormat_NVBUF_COLOR_FORMAT_BGRA => Ok(4),
        ffi::NvBufSurfaceColorFormat_NVBUF_COLOR_FORMAT_RGB | ffi::NvBufSurfaceColorFormat_NVBUF_COLOR_FORMAT_BGR => Ok(3),
        other => Err(PyValueError::new_err(format!("{what}: only RGBA/BGRA/RGB/BGR surfaces are supported (colorFormat {other})"))),
    }
}

unsafe extern "C" fn unref_capsule(capsule: *mut pyo3::ffi::PyObject) {
    unsafe {
        let p = pyo3::ffi::PyCapsule_GetPointer(capsule, NAME.as_ptr());
        if !p.is_null() {
            gst_mini_object_unref(p);
        }
    }
}

/// A capsule holding a reference on the buffer, released with the capsule.
fn buffer_ref<'py>(py: Python<'py>, buffer: *mut c_void) -> PyResult<Bound<'py, PyAny>> {
    unsafe {
        gst_mini_object_ref(buffer);
        let raw = pyo3::ffi::PyCapsule_New(buffer, NAME.as_ptr(), Some(unref_capsule));
        if raw.is_null() {
            gst_mini_object_unref(buffer);
        }
        Bound::from_owned_ptr_or_err(py, raw)
    }
}

/// The frame at `batchID` as a uint8 array (height, width, channels) over
/// the surface memory (RGBA/BGRA/RGB/BGR only).
#[pyfunction]
#[pyo3(signature = (gst_buffer, batchID))]
#[allow(non_snake_case)]
fn get_nvds_buf_surface<'py>(py: Python<'py>, gst_buffer: &Bound<'py, PyAny>, batchID: i64) -> PyResult<Bound<'py, PyAny>> {
    let what = "get_nvds_buf_surface";
    let buffer = buffer_at(gst_buffer, what)?;
    let params = params_of(surface_of(buffer, what)?, batchID, what)?;
    let p = unsafe { &*params };
    let c = channels(p.colorFormat, what)?;
    let data = if p.mappedAddr.addr[0].is_null() { p.dataPtr } else { p.mappedAddr.addr[0] };
    let shape = [i64::from(p.height), i64::from(p.width), c];
    let strides = [i64::from(p.pitch), c, 1];
    let writable = unsafe { gst_mini_object_is_writable(buffer) } != 0;
    unsafe { rt::numpy_export::array_over::<u8>(py, data.cast(), &shape, Some(&strides), writable, buffer_ref(py, buffer)?) }
}

/// `(dtype, shape, strides, dataPtr capsule, size)` of a CUDA surface, for building a CuPy array.
#[pyfunction]
#[pyo3(signature = (gst_buffer, batchID))]
#[allow(non_snake_case)]
fn get_nvds_buf_surface_gpu<'py>(py: Python<'py>, gst_buffer: &Bound<'py, PyAny>, batchID: i64) -> PyResult<Bound<'py, PyAny>> {
    let what = "get_nvds_buf_surface_gpu";
    let surface = surface_of(buffer_at(gst_buffer, what)?, what)?;
    let mem = unsafe { (*surface).memType };
    if !matches!(mem, ffi::NvBufSurfaceMemType_NVBUF_MEM_CUDA_DEVICE | ffi::NvBufSurfaceMemType_NVBUF_MEM_CUDA_UNIFIED | ffi::NvBufSurfaceMemType_NVBUF_MEM_CUDA_PINNED) {
        return Err(PyValueError::new_err(format!("{what}: the surface is not in CUDA memory (memType {mem})")));
    }
    let p = unsafe { &*params_of(surface, batchID, what)? };
    let c = channels(p.colorFormat, what)?;
    let dtype = py.import("numpy")?.getattr("uint8")?;
    let shape = (p.height, p.width, c);
    let strides = (p.pitch, c, 1);
    let ptr = rt::pointer::to_capsule(py, p.dataPtr)?;
    (dtype, shape, strides, ptr, p.dataSize).into_pyobject(py).map(Bound::into_any)
}

/// Unmaps surface `batchID` of the buffer if it is mapped (Jetson clean-up in pyds).
#[pyfunction]
#[pyo3(signature = (gst_buffer, batchID))]
#[allow(non_snake_case)]
fn unmap_nvds_buf_surface(gst_buffer: &Bound<'_, PyAny>, batchID: i64) -> PyResult<()> {
    let what = "unmap_nvds_buf_surface";
    let surface = surface_of(buffer_at(gst_buffer, what)?, what)?;
    let p = params_of(surface, batchID, what)?;
    if !unsafe { (*p).mappedAddr.addr[0] }.is_null() {
        unsafe { ffi::NvBufSurfaceUnMap(surface, batchID as i32, -1) };
    }
    Ok(())
}

/// Queues a JPEG crop of `obj_meta` (or the whole frame with `args.isFrame`)
/// from the NVMM buffer at `gst_buffer`; returns whether it was accepted.
#[pyfunction]
#[pyo3(signature = (ctx, args, gst_buffer, obj_meta, frame_meta))]
fn nvds_obj_enc_process(
    ctx: &Bound<'_, NvDsObjEncCtx>,
    args: &Bound<'_, NvDsObjEncUsrArgs>,
    gst_buffer: &Bound<'_, PyAny>,
    obj_meta: &Bound<'_, PyAny>,
    frame_meta: &Bound<'_, NvDsFrameMeta>,
) -> PyResult<bool> {
    let what = "nvds_obj_enc_process";
    let ctx = ctx.get().ptr()?;
    let surface = surface_of(buffer_at(gst_buffer, what)?, what)?;
    let obj = if obj_meta.is_none() {
        std::ptr::null_mut()
    } else {
        obj_meta.cast::<NvDsObjectMeta>().map_err(|_| rt::errors::wrong_type(obj_meta, "NvDsObjectMeta or None", what))?.get().ptr()?
    };
    let (args, frame) = (args.get().ptr()?, frame_meta.get().ptr()?);
    Ok(unsafe { ffi::nvds_obj_enc_process(ctx.cast(), args, surface, obj, frame) })
}

/// Registers this helper's functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(get_nvds_buf_surface, m)?)?;
    m.add_function(wrap_pyfunction!(get_nvds_buf_surface_gpu, m)?)?;
    m.add_function(wrap_pyfunction!(unmap_nvds_buf_surface, m)?)?;
    m.add_function(wrap_pyfunction!(nvds_obj_enc_process, m)?)
}
