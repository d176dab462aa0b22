//! Frame pixels of an NVMM GstBuffer: `get_nvds_buf_surface`,
//! `get_nvds_buf_surface_gpu` and `unmap_nvds_buf_surface`
//! (`nvds_obj_enc_process`, which takes the buffer where C takes the
//! `NvBufSurface*` inside it, is spec: `in_buffer`).
//!
//! Why hand-written: what stays here is NvBufSurface's own layout and API
//! (which batch entry, which colour formats are packed RGB(A), which memory
//! types the CPU sees, `NvBufSurfaceMap`/`UnMap`/`SyncForCpu`), which no
//! header describes in a way a generic mechanism could read. The GStreamer
//! half is the runtime's (`rt::gobject::memory_pin`): the buffer is found
//! by address (type-checked), its memory must map to exactly one
//! `NvBufSurface`, and the array's base is a `MemoryPin`.
//!
//! The array is writable, as pyds's (samples draw on the frame in a probe),
//! and cannot outlive the pixels: its pin holds a reference on the buffer's
//! memory block (which owns the surface and its pixels; the buffer itself
//! is not held, so it goes back to its pool on time) and keeps the CPU
//! mapping: `unmap_nvds_buf_surface` while arrays over that frame exist is
//! carried out when the last of them dies, and a mapping this module made
//! is undone then.

use crate::*;

/// The GstBuffer at `address` (type-checked), or an error.
fn buffer_at(address: &Bound<'_, PyAny>, what: &str) -> PyResult<NonNull<c_void>> {
    let rules = rt::gobject::GTypeRules { nullable: true, ..rt::gobject::buffer::BUFFER };
    let p = rt::gobject::instance(address, rules, what)?;
    NonNull::new(p).ok_or_else(|| PyValueError::new_err(format!("{what}: the buffer is NULL")))
}

/// The NvBufSurface inside the buffer's memory (an NVMM buffer maps to exactly one; anything else is pixels).
fn surface_of(buffer: NonNull<c_void>, what: &str) -> PyResult<*mut ffi::NvBufSurface> {
    let plausible = |s: &ffi::NvBufSurface| s.numFilled <= s.batchSize && !s.surfaceList.is_null();
    let not_surface = "the buffer does not hold an NvBufSurface (is it memory:NVMM?)";
    // SAFETY: `buffer` is a type-checked, live GstBuffer.
    unsafe { rt::gobject::memory_pin::struct_in_buffer(buffer, plausible, not_surface, what) }
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

/// The frame at `batchID` as a uint8 array (height, width, channels) over
/// the surface memory (RGBA/BGRA/RGB/BGR only).
#[pyfunction]
#[pyo3(signature = (gst_buffer, batchID))]
#[allow(non_snake_case)]
fn get_nvds_buf_surface<'py>(py: Python<'py>, gst_buffer: &Bound<'py, PyAny>, batchID: i64) -> PyResult<Bound<'py, PyAny>> {
    let what = "get_nvds_buf_surface";
    let buffer = buffer_at(gst_buffer, what)?;
    let surface = surface_of(buffer, what)?;
    // SAFETY: params_of checked the index against numFilled.
    let p = unsafe { &*params_of(surface, batchID, what)? };
    let c = channels(p.colorFormat, what)?;
    let (pixels, mapped_here) = cpu_address(surface, batchID as i32, what)?;
    // SAFETY: a checked buffer whose only memory block owns `surface`; `unmap` takes that frame.
    let pin = unsafe { rt::gobject::memory_pin::MemoryPin::new(buffer, surface as usize, batchID as i32, mapped_here, unmap, what) };
    let pin = match pin {
        Ok(pin) => Bound::new(py, pin)?,
        Err(e) => {
            if mapped_here {
                // SAFETY: the mapping made just above, not used by any array.
                unsafe { unmap(surface as usize, batchID as i32) };
            }
            return Err(e);
        }
    };
    let data = pixels;
    let shape = [i64::from(p.height), i64::from(p.width), c];
    let strides = [i64::from(p.pitch), c, 1];
    // SAFETY: the pin keeps the memory block and the CPU mapping of these pixels while the array lives.
    unsafe { rt::numpy_export::array_over::<u8>(py, data.cast(), &shape, Some(&strides), true, pin.into_any()) }
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

/// Unmaps surface `batchID` of the buffer if it is mapped (Jetson clean-up in
/// pyds); while arrays from `get_nvds_buf_surface` over it exist, when the last one dies.
#[pyfunction]
#[pyo3(signature = (gst_buffer, batchID))]
#[allow(non_snake_case)]
fn unmap_nvds_buf_surface(gst_buffer: &Bound<'_, PyAny>, batchID: i64) -> PyResult<()> {
    let what = "unmap_nvds_buf_surface";
    let surface = surface_of(buffer_at(gst_buffer, what)?, what)?;
    let p = params_of(surface, batchID, what)?;
    // Deferred while arrays over this frame exist: they would point at unmapped memory.
    if rt::gobject::memory_pin::defer_release(surface as usize, batchID as i32) || unsafe { (*p).mappedAddr.addr[0] }.is_null() {
        return Ok(());
    }
    // SAFETY: no array of this module reads the mapping (checked just above).
    unsafe { ffi::NvBufSurfaceUnMap(surface, batchID as i32, -1) };
    Ok(())
}

/// Memory the CPU can use as it is.
fn cpu_visible(mem: ffi::NvBufSurfaceMemType) -> bool {
    matches!(mem, ffi::NvBufSurfaceMemType_NVBUF_MEM_SYSTEM | ffi::NvBufSurfaceMemType_NVBUF_MEM_CUDA_PINNED | ffi::NvBufSurfaceMemType_NVBUF_MEM_CUDA_UNIFIED)
}

/// The CPU address of frame `batch`'s first plane: its mapping, its data
/// when the CPU sees that memory, else a new read-write mapping (`true`: made here).
fn cpu_address(surface: *mut ffi::NvBufSurface, batch: i32, what: &str) -> PyResult<(*mut c_void, bool)> {
    // SAFETY: the caller checked `batch` against numFilled of this live surface.
    let (params, mem) = unsafe { ((*surface).surfaceList.add(batch as usize), (*surface).memType) };
    let mapped = || unsafe { (*params).mappedAddr.addr[0] };
    if !mapped().is_null() {
        return Ok((mapped(), false));
    }
    let data = unsafe { (*params).dataPtr };
    if cpu_visible(mem) && !data.is_null() {
        return Ok((data, false));
    }
    // SAFETY: a valid surface and index; the mapping is undone when the last pin dies (or at once if pinning fails).
    let ok = unsafe { ffi::NvBufSurfaceMap(surface, batch, -1, ffi::NvBufSurfaceMemMapFlags_NVBUF_MAP_READ_WRITE) } == 0;
    if !ok || mapped().is_null() {
        return Err(PyValueError::new_err(format!("{what}: frame {batch} cannot be mapped for the CPU (memType {mem}); on dGPU use CUDA unified memory (nvbuf-memory-type=3)")));
    }
    // SAFETY: as above; a failed sync leaves stale but mapped pixels.
    unsafe { ffi::NvBufSurfaceSyncForCpu(surface, batch, -1) };
    Ok((mapped(), true))
}

/// Undoes the CPU mapping of frame `batch` of the surface at `surface` (a pin's release).
///
/// # Safety
/// `surface` is a live NvBufSurface and `batch` one of its frames.
unsafe fn unmap(surface: usize, batch: i32) {
    // SAFETY: forwarded from the caller.
    unsafe { ffi::NvBufSurfaceUnMap(surface as *mut ffi::NvBufSurface, batch, -1) };
}

/// Registers this helper's functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(get_nvds_buf_surface, m)?)?;
    m.add_function(wrap_pyfunction!(get_nvds_buf_surface_gpu, m)?)?;
    m.add_function(wrap_pyfunction!(unmap_nvds_buf_surface, m)?)
}
