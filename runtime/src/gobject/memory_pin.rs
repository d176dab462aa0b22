//! Memory of a GstBuffer for numpy arrays: the struct a buffer's memory
//! maps to ([`struct_in_buffer`], for libraries whose buffers carry a
//! descriptor struct instead of pixels), and [`MemoryPin`], the base object
//! of an array over that memory.
//!
//! Safety property: an array cannot outlive what it points into. Its pin
//! holds a reference on the buffer's (only) memory block, which owns the
//! descriptor and the data (the buffer itself is not held, so it goes back
//! to its pool on time), and counts the pins of each frame (descriptor
//! address, index): a release of that frame's CPU mapping requested while
//! pins exist ([`defer_release`]) is carried out by the last pin, and so is
//! a mapping the caller made for the pin. The descriptor address cannot be
//! reused while it is listed, because a pin holds its memory.

use std::collections::BTreeMap;
use std::ffi::{c_int, c_void};
use std::ptr::NonNull;
use std::sync::{Mutex, OnceLock};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use super::symbols;

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

const GST_MAP_READ: u32 = 1;

/// The GstBuffer memory functions, found in the loaded `libgstreamer-1.0`.
#[derive(Clone, Copy)]
struct MemoryApi {
    map: unsafe extern "C" fn(*mut c_void, *mut MapInfo, u32) -> c_int,
    unmap: unsafe extern "C" fn(*mut c_void, *mut MapInfo),
    n_memory: unsafe extern "C" fn(*mut c_void) -> u32,
    peek_memory: unsafe extern "C" fn(*mut c_void, u32) -> *mut c_void,
    memory_ref: unsafe extern "C" fn(*mut c_void) -> *mut c_void,
    memory_unref: unsafe extern "C" fn(*mut c_void),
}

// Each transmute's target type is the struct field it initialises.
#[allow(clippy::missing_transmute_annotations)]
fn memory_api() -> Option<MemoryApi> {
    static API: OnceLock<Option<MemoryApi>> = OnceLock::new();
    *API.get_or_init(|| {
        let lib = symbols::loaded(c"libgstreamer-1.0.so.0")?;
        // SAFETY: each symbol has the C signature of the field it is stored in (GStreamer 1.x public API).
        unsafe {
            Some(MemoryApi {
                map: std::mem::transmute::<*mut c_void, _>(symbols::symbol(lib, c"gst_buffer_map")?),
                unmap: std::mem::transmute::<*mut c_void, _>(symbols::symbol(lib, c"gst_buffer_unmap")?),
                n_memory: std::mem::transmute::<*mut c_void, _>(symbols::symbol(lib, c"gst_buffer_n_memory")?),
                peek_memory: std::mem::transmute::<*mut c_void, _>(symbols::symbol(lib, c"gst_buffer_peek_memory")?),
                memory_ref: std::mem::transmute::<*mut c_void, _>(symbols::symbol(lib, c"gst_mini_object_ref")?),
                memory_unref: std::mem::transmute::<*mut c_void, _>(symbols::symbol(lib, c"gst_mini_object_unref")?),
            })
        }
    })
}

fn no_gstreamer(what: &str) -> PyErr {
    PyValueError::new_err(format!("{what}: GStreamer is not loaded"))
}

/// The `T` a buffer's memory maps to: the buffer must map to exactly
/// `size_of::<T>()` bytes and `plausible` must accept them (mapped and
/// unmapped at once: the struct lives in the memory block, not the mapping).
/// `ValueError` with `not_t` otherwise.
///
/// # Safety
/// `buffer` is a live, type-checked GstBuffer.
pub unsafe fn struct_in_buffer<T>(
    buffer: NonNull<c_void>,
    plausible: impl FnOnce(&T) -> bool,
    not_t: &str,
    what: &str,
) -> PyResult<*mut T> {
    let api = memory_api().ok_or_else(|| no_gstreamer(what))?;
    // SAFETY: all-zero is the documented initial GstMapInfo.
    let mut info: MapInfo = unsafe { std::mem::zeroed() };
    // SAFETY: a live buffer (caller); a read mapping, undone just below.
    if unsafe { (api.map)(buffer.as_ptr(), &mut info, GST_MAP_READ) } == 0 {
        return Err(PyValueError::new_err(format!("{what}: cannot map the buffer")));
    }
    let (data, size) = (info.data, info.size);
    // SAFETY: the mapping made above.
    unsafe { (api.unmap)(buffer.as_ptr(), &mut info) };
    let candidate = data.cast::<T>();
    // SAFETY: `size` bytes of the buffer's memory, which it still holds, are a `T` when the size matches.
    let found = !data.is_null() && size == std::mem::size_of::<T>() && candidate.is_aligned() && plausible(unsafe { &*candidate });
    if !found {
        return Err(PyValueError::new_err(format!("{what}: {not_t}")));
    }
    Ok(candidate)
}

/// A parameter with `gobject = "GstBuffer"` and `in_buffer` in the spec:
/// the `T` the memory of the GstBuffer `value` holds (a `Gst.Buffer`, a
/// capsule, or an `int` with `ints`; type-checked), for a C function that
/// takes the struct (an NVMM buffer's `NvBufSurface`). `None` (with
/// `nullable`) gives NULL; a buffer whose memory is not exactly one `T`
/// raises `ValueError`.
pub fn struct_of_buffer<T>(value: &Bound<'_, PyAny>, nullable: bool, ints: bool, what: &str) -> PyResult<*mut T> {
    let rules = super::GTypeRules { nullable, ints, ..super::buffer::BUFFER };
    let Some(buffer) = NonNull::new(super::instance(value, rules, what)?) else { return Ok(std::ptr::null_mut()) };
    let not_t = format!("the buffer's memory does not hold one {}", std::any::type_name::<T>().rsplit("::").next().unwrap_or("struct"));
    // SAFETY: `instance` type-checked `buffer` as a live GstBuffer.
    unsafe { struct_in_buffer(buffer, |_: &T| true, &not_t, what) }
}

/// Releases frame `index` of the descriptor at an address (a CPU unmap).
pub type ReleaseMapping = unsafe fn(usize, i32);

/// Pins alive over one frame, its release, and whether the last pin runs it.
struct Pins {
    count: usize,
    release: ReleaseMapping,
    release_at_last: bool,
}

/// Every pinned frame by (descriptor address, index).
static PINNED: Mutex<BTreeMap<(usize, i32), Pins>> = Mutex::new(BTreeMap::new());

fn with_pins<R>(f: impl FnOnce(&mut BTreeMap<(usize, i32), Pins>) -> R) -> R {
    f(&mut PINNED.lock().unwrap_or_else(std::sync::PoisonError::into_inner))
}

/// The base of an array over one frame of a buffer's memory: keeps the
/// memory block allocated and the frame's CPU mapping in place while the
/// array lives (see the module doc).
#[pyclass(module = "bindery_runtime", frozen)]
pub struct MemoryPin {
    memory: usize,
    frame: (usize, i32),
}

impl MemoryPin {
    /// Pins frame `index` of the descriptor at `descriptor`, held by
    /// `buffer`'s only memory block. `made_mapping`: the caller mapped the
    /// frame for this pin, and `release` undoes it when the last pin goes.
    ///
    /// # Safety
    /// `buffer` is a live, type-checked GstBuffer whose memory block owns
    /// the descriptor; `release` may be called with this frame while the
    /// block is alive.
    pub unsafe fn new(
        buffer: NonNull<c_void>,
        descriptor: usize,
        index: i32,
        made_mapping: bool,
        release: ReleaseMapping,
        what: &str,
    ) -> PyResult<Self> {
        let api = memory_api().ok_or_else(|| no_gstreamer(what))?;
        // SAFETY: a live buffer (caller).
        if unsafe { (api.n_memory)(buffer.as_ptr()) } != 1 {
            return Err(PyValueError::new_err(format!("{what}: the buffer does not hold exactly one memory block")));
        }
        // SAFETY: index 0 exists (checked above); the reference is dropped in Drop.
        let memory = unsafe { (api.memory_ref)((api.peek_memory)(buffer.as_ptr(), 0)) };
        with_pins(|pins| {
            let entry = pins.entry((descriptor, index)).or_insert(Pins { count: 0, release, release_at_last: false });
            entry.count += 1;
            entry.release_at_last |= made_mapping;
        });
        Ok(MemoryPin { memory: memory as usize, frame: (descriptor, index) })
    }
}

impl Drop for MemoryPin {
    fn drop(&mut self) {
        let release = with_pins(|pins| {
            let entry = pins.get_mut(&self.frame)?;
            entry.count -= 1;
            if entry.count > 0 {
                return None;
            }
            pins.remove(&self.frame).filter(|e| e.release_at_last).map(|e| e.release)
        });
        // SAFETY: the memory reference keeps the descriptor alive until the unref below.
        unsafe {
            if let Some(release) = release {
                release(self.frame.0, self.frame.1);
            }
            if let Some(api) = memory_api() {
                (api.memory_unref)(self.memory as *mut c_void);
            }
        }
    }
}

/// Whether a release of frame `index` of `descriptor` must wait for its pins
/// (it is then scheduled: the last pin runs the release it was made with).
pub fn defer_release(descriptor: usize, index: i32) -> bool {
    with_pins(|pins| pins.get_mut(&(descriptor, index)).map(|e| e.release_at_last = true).is_some())
}
