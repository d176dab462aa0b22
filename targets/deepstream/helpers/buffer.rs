//! `gst_buffer_get_nvds_batch_meta(address)`: the entry point of every probe.
//!
//! Why hand-written: pyds takes the `GstBuffer` as an integer address
//! (`hash(gst_buffer)`), and the batch it returns must carry a liveness token
//! that dies with the batch, which no header can describe.
//!
//! How the token dies: the batch is the payload of an `NvDsMeta` (a GstMeta)
//! on the buffer. We chain our own release function in front of that meta's
//! `freefunc`; when GStreamer frees the meta — because the buffer was
//! finalized, *or* because a buffer pool recycled it (pool reset drops
//! non-pooled metas without finalizing the buffer, which a weak ref on the
//! buffer would miss) — the hook kills the token, then calls the original
//! release function. Every view derived from the batch (frames, objects,
//! capsules from `.data` passed to `cast`) then raises `ReferenceError`.
//! This module frees nothing itself.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::*;

type Release = unsafe extern "C" fn(*mut c_void, *mut c_void);

unsafe extern "C" {
    fn gst_buffer_iterate_meta_filtered(buffer: *mut c_void, state: *mut *mut c_void, api: usize) -> *mut ffi::NvDsMeta;
}

/// `NVDS_BATCH_GST_META`: the NvDsMeta kind that carries a batch.
const BATCH_GST_META: ffi::GstNvDsMetaType = ffi::GstNvDsMetaType_NVDS_BATCH_GST_META;

/// A hooked batch: the release function we replaced and the token it kills.
struct Hooked {
    original: Option<Release>,
    token: rt::Token,
}

/// Hooked batches by batch address.
static HOOKED: Mutex<Option<HashMap<usize, Hooked>>> = Mutex::new(None);
/// The first release function replaced: used for copies of a hooked meta
/// (GStreamer copies `freefunc`, so copies call our hook with a new batch).
static FALLBACK: AtomicUsize = AtomicUsize::new(0);

fn with_hooked<R>(f: impl FnOnce(&mut HashMap<usize, Hooked>) -> R) -> R {
    let mut guard = HOOKED.lock().unwrap_or_else(|p| p.into_inner());
    f(guard.get_or_insert_with(HashMap::new))
}

/// Our `freefunc`: kills the batch's token, then runs the original release.
unsafe extern "C" fn release_hook(data: *mut c_void, user_data: *mut c_void) {
    let hooked = with_hooked(|m| m.remove(&(data as usize)));
    let original = match hooked {
        Some(h) => {
            h.token.kill();
            h.original
        }
        None => fallback(),
    };
    if let Some(release) = original {
        // SAFETY: the release function GStreamer would have called.
        unsafe { release(data, user_data) };
    }
}

fn fallback() -> Option<Release> {
    let raw = FALLBACK.load(Ordering::Acquire);
    // SAFETY: only ever stores a `Release` function pointer (or 0).
    (raw != 0).then(|| unsafe { std::mem::transmute::<usize, Release>(raw) })
}

/// The NvDsMeta carrying `batch` on `buffer`, if any.
unsafe fn batch_gst_meta(buffer: *mut c_void, batch: *mut ffi::NvDsBatchMeta) -> Option<*mut ffi::NvDsMeta> {
    let mut state: *mut c_void = std::ptr::null_mut();
    loop {
        // SAFETY: buffer is a live GstBuffer (checked by the caller).
        let meta = unsafe { gst_buffer_iterate_meta_filtered(buffer, &mut state, ffi::nvds_meta_api_get_type() as usize) };
        if meta.is_null() {
            return None;
        }
        // SAFETY: metas of the NvDsMeta API are NvDsMeta structs.
        let m = unsafe { &*meta };
        if m.meta_type == BATCH_GST_META && m.meta_data == batch.cast() {
            return Some(meta);
        }
    }
}

/// The token of `batch`, installing the release hook on first use.
unsafe fn batch_token(buffer: *mut c_void, batch: *mut ffi::NvDsBatchMeta) -> rt::Token {
    // SAFETY: forwarded from the caller.
    let Some(meta) = (unsafe { batch_gst_meta(buffer, batch) }) else { return rt::Token::new() };
    with_hooked(|hooked| {
        if let Some(h) = hooked.get(&(batch as usize)) {
            return h.token.clone();
        }
        // SAFETY: the meta is alive while the caller holds the buffer.
        let slot = unsafe { &mut (*meta).freefunc };
        let original = match *slot {
            Some(f) if f as *const () == release_hook as *const () => fallback(),
            other => other,
        };
        if let Some(f) = original {
            let _ = FALLBACK.compare_exchange(0, f as usize, Ordering::AcqRel, Ordering::Acquire);
        }
        *slot = Some(release_hook);
        let token = rt::Token::new();
        hooked.insert(batch as usize, Hooked { original, token: token.clone() });
        token
    })
}

/// The address of a GstBuffer given as pyds takes it (`hash(gst_buffer)`),
/// as a PyGObject `Gst.Buffer`, or as a capsule; `None` (or `0`) gives
/// NULL. The runtime reads a `Gst.Buffer`'s pointer from PyGObject's
/// wrapper, probes a bare address without faulting before its type tag is
/// read, and raises for anything that is not a GstBuffer
/// (`TypeError`/`ValueError`).
pub(crate) fn gst_buffer_address(value: &Bound<'_, PyAny>, what: &str) -> PyResult<*mut c_void> {
    rt::gobject::instance(value, rt::gobject::GTypeRules { nullable: true, ..rt::gobject::buffer::BUFFER }, what)
}

/// Returns the NvDsBatchMeta attached to a GstBuffer, or None.
///
/// `buffer` is the buffer's address as pyds takes it (`hash(gst_buffer)` in a
/// pad probe), a `Gst.Buffer` or a capsule. The returned views raise `ReferenceError` once
/// the batch is released (buffer freed or recycled by its pool).
#[pyfunction]
#[pyo3(signature = (buffer))]
fn gst_buffer_get_nvds_batch_meta(buffer: &Bound<'_, PyAny>) -> PyResult<Option<NvDsBatchMeta>> {
    let buffer = gst_buffer_address(buffer, "gst_buffer_get_nvds_batch_meta")?;
    if buffer.is_null() {
        return Ok(None);
    }
    let batch = unsafe { ffi::gst_buffer_get_nvds_batch_meta(buffer.cast()) };
    let Some(ptr) = NonNull::new(batch) else { return Ok(None) };
    let token = unsafe { batch_token(buffer, batch) };
    // The buffer holds the batch: it may be read and written, never destroyed from Python.
    Ok(Some(NvDsBatchMeta::wrap(View::held(ptr, token))))
}

/// Registers this helper's functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(gst_buffer_get_nvds_batch_meta, m)?)
}
