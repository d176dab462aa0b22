//! `SurfacePin`: the base object of the arrays `get_nvds_buf_surface`
//! returns. It keeps what the array points into valid for as long as the
//! array lives: a reference on the GstBuffer's memory block (which owns the
//! `NvBufSurface` and its pixels; the buffer itself is not held, so it goes
//! back to its pool on time) and the frame's CPU mapping, which it makes
//! when the memory needs one (Jetson surface arrays) and which
//! `unmap_nvds_buf_surface` cannot undo while pins of that frame exist
//! (the unmap happens when the last pin dies).
//!
//! Why hand-written: GStreamer memory and NvBufSurface mappings are not
//! described by any header the generator reads.

use std::collections::BTreeMap;
use std::sync::Mutex;

use crate::*;

unsafe extern "C" {
    fn gst_buffer_n_memory(buffer: *mut c_void) -> u32;
    fn gst_buffer_peek_memory(buffer: *mut c_void, idx: u32) -> *mut c_void;
    fn gst_memory_ref(memory: *mut c_void) -> *mut c_void;
    fn gst_memory_unref(memory: *mut c_void);
}

/// Pins alive over one frame (surface address, batch index), and whether
/// to unmap it when the last one dies.
#[derive(Default)]
struct Pins {
    count: usize,
    unmap_at_release: bool,
}

/// Every pinned frame. An entry exists only while a pin holds its memory,
/// so a surface address cannot be reused while it is listed.
static PINNED: Mutex<BTreeMap<(usize, i32), Pins>> = Mutex::new(BTreeMap::new());

fn with_pins<R>(f: impl FnOnce(&mut BTreeMap<(usize, i32), Pins>) -> R) -> R {
    f(&mut PINNED.lock().unwrap_or_else(std::sync::PoisonError::into_inner))
}

/// Keeps one frame's pixels allocated and mapped while an array uses them.
#[pyclass(module = "pyds", frozen)]
pub(crate) struct SurfacePin {
    memory: usize,
    surface: usize,
    batch: i32,
    pixels: usize,
}

impl SurfacePin {
    /// Pins frame `batch` of `surface`, the NvBufSurface held by `buffer`'s only memory block.
    pub(crate) fn new(buffer: *mut c_void, surface: *mut ffi::NvBufSurface, batch: i32, what: &str) -> PyResult<Self> {
        // SAFETY: `buffer` is a checked, live GstBuffer.
        if unsafe { gst_buffer_n_memory(buffer) } != 1 {
            return Err(PyValueError::new_err(format!("{what}: the buffer does not hold exactly one NvBufSurface memory block")));
        }
        let (pixels, mapped_here) = cpu_address(surface, batch, what)?;
        // SAFETY: index 0 exists (checked above); the reference is dropped in Drop.
        let memory = unsafe { gst_memory_ref(gst_buffer_peek_memory(buffer, 0)) };
        with_pins(|pins| {
            let entry = pins.entry((surface as usize, batch)).or_default();
            entry.count += 1;
            entry.unmap_at_release |= mapped_here;
        });
        Ok(SurfacePin { memory: memory as usize, surface: surface as usize, batch, pixels: pixels as usize })
    }

    /// First byte of the frame's pixels, readable and writable by the CPU.
    pub(crate) fn pixels(&self) -> *mut c_void {
        self.pixels as *mut c_void
    }
}

impl Drop for SurfacePin {
    fn drop(&mut self) {
        let unmap = with_pins(|pins| {
            let key = (self.surface, self.batch);
            let entry = pins.get_mut(&key)?;
            entry.count -= 1;
            if entry.count > 0 {
                return None;
            }
            pins.remove(&key).map(|e| e.unmap_at_release)
        });
        // SAFETY: the memory reference keeps the surface alive until the unref below.
        unsafe {
            if unmap == Some(true) {
                ffi::NvBufSurfaceUnMap(self.surface as *mut ffi::NvBufSurface, self.batch, -1);
            }
            gst_memory_unref(self.memory as *mut c_void);
        }
    }
}

/// Whether an unmap of this frame must wait for its pins (and is now scheduled).
pub(crate) fn defer_unmap(surface: *mut ffi::NvBufSurface, batch: i32) -> bool {
    with_pins(|pins| pins.get_mut(&(surface as usize, batch)).map(|e| e.unmap_at_release = true).is_some())
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
    // SAFETY: a valid surface and index; the mapping is undone when the last pin dies.
    let ok = unsafe { ffi::NvBufSurfaceMap(surface, batch, -1, ffi::NvBufSurfaceMemMapFlags_NVBUF_MAP_READ_WRITE) } == 0;
    if !ok || mapped().is_null() {
        return Err(PyValueError::new_err(format!("{what}: frame {batch} cannot be mapped for the CPU (memType {mem}); on dGPU use CUDA unified memory (nvbuf-memory-type=3)")));
    }
    // SAFETY: as above; a failed sync leaves stale but mapped pixels.
    unsafe { ffi::NvBufSurfaceSyncForCpu(surface, batch, -1) };
    Ok((mapped(), true))
}

/// Nothing to register: pins are made by `get_nvds_buf_surface` only (the
/// class is reachable as an array's `base`, not as a module attribute).
pub(crate) fn register(_m: &Bound<'_, PyModule>) -> PyResult<()> {
    Ok(())
}
