//! GStreamer-level pyds functions: `gst_buffer_add_nvds_meta`, the two
//! per-stream event senders, and read-only access to the embedded GStreamer
//! structs pyds names but cannot convert (`NvDsMeta.meta`,
//! `NvDsBatchMeta.meta_mutex`, returned here as capsules of their address).
//!
//! Why hand-written: these take GStreamer objects by address (as pyds) and
//! combine two C calls (build an event, send it); no header says so.
//! Addresses are type-checked with GLib's type system before use
//! (`rt::gobject::instance`).

use std::ffi::c_char;

use crate::*;

type Copy = unsafe extern "C" fn(*mut c_void, *mut c_void) -> *mut c_void;
type Release = unsafe extern "C" fn(*mut c_void, *mut c_void);

unsafe extern "C" {
    fn gst_element_send_event(element: *mut c_void, event: *mut c_void) -> i32;
    fn gst_nvevent_infer_interval_update(stream_id: *mut c_char, interval: u32) -> *mut c_void;
}

fn buffer_at(value: &Bound<'_, PyAny>, what: &str) -> PyResult<*mut c_void> {
    let p = rt::gobject::instance(value, rt::gobject::GTypeRules { nullable: true, ..rt::gobject::buffer::BUFFER }, what)?;
    if p.is_null() {
        return Err(PyValueError::new_err(format!("{what}: the buffer is NULL")));
    }
    Ok(p)
}

/// The GstElement at an address (int or capsule) or a `Gst.Element`, type-checked.
fn element_at(value: &Bound<'_, PyAny>, what: &str) -> PyResult<*mut c_void> {
    rt::gobject::instance(value, rt::gobject::GTypeRules { type_name: "GstElement", nullable: false, ints: true }, what)
}

/// A C function pointer given as an address (int or capsule), or None.
fn function<F: Sized>(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Option<F>> {
    let p = rt::pointer::address_of(value, what)?;
    // SAFETY: a non-NULL code address supplied by the caller, as in pyds.
    Ok((!p.is_null()).then(|| unsafe { std::mem::transmute_copy::<*mut c_void, F>(&p) }))
}

/// Attaches an NvDsMeta to a writable buffer (all arguments are addresses:
/// int, capsule, a view of this module or None; the functions are C function addresses). Returns the meta or None.
#[pyfunction]
#[pyo3(signature = (buffer, meta_data, user_data, copy_func, release_func))]
fn gst_buffer_add_nvds_meta(
    buffer: &Bound<'_, PyAny>,
    meta_data: &Bound<'_, PyAny>,
    user_data: &Bound<'_, PyAny>,
    copy_func: &Bound<'_, PyAny>,
    release_func: &Bound<'_, PyAny>,
) -> PyResult<Option<NvDsMeta>> {
    let what = "gst_buffer_add_nvds_meta";
    let buffer = buffer_at(buffer, what)?;
    let rules = rt::args::AddressRules { nullable: true, ints: true };
    let data = rt::args::address(meta_data, rules, crate::functions::__bindery_view_address, what)?;
    let user = rt::args::address(user_data, rules, crate::functions::__bindery_view_address, what)?;
    let copy = function::<Copy>(copy_func, what)?;
    let release = function::<Release>(release_func, what)?;
    let meta = unsafe { ffi::gst_buffer_add_nvds_meta(buffer.cast(), data, user, copy, release) };
    if let (false, Ok(batch)) = (meta.is_null(), meta_data.cast::<NvDsBatchMeta>()) {
        // The buffer now holds the batch: destroying it from Python would free it twice.
        batch.get().view.mark_held();
    }
    Ok(NonNull::new(meta).map(|p| NvDsMeta::wrap(View::untracked(p))))
}

/// Sends a stream-reset event for `source_id` to the element at an address; returns whether it was handled.
#[pyfunction]
#[pyo3(signature = (gst_element, source_id, /))]
fn gst_element_send_nvevent_new_stream_reset(gst_element: &Bound<'_, PyAny>, source_id: u32) -> PyResult<bool> {
    let element = element_at(gst_element, "gst_element_send_nvevent_new_stream_reset")?;
    let event = unsafe { ffi::gst_nvevent_new_stream_reset(source_id) }.cast::<c_void>();
    if event.is_null() {
        return Err(PyValueError::new_err("gst_element_send_nvevent_new_stream_reset: could not build the event"));
    }
    Ok(unsafe { gst_element_send_event(element, event) } != 0)
}

/// Sends an inference-interval update for `stream_id` to the element at an address (GIL released).
#[pyfunction]
#[pyo3(signature = (gst_element, stream_id, interval, /))]
fn gst_element_send_nvevent_interval_update(py: Python<'_>, gst_element: &Bound<'_, PyAny>, stream_id: &Bound<'_, PyAny>, interval: u32) -> PyResult<bool> {
    let what = "gst_element_send_nvevent_interval_update";
    let element = rt::AssertSend(element_at(gst_element, what)?);
    let id = rt::strings::to_cstring(stream_id, what)?.ok_or_else(|| PyValueError::new_err(format!("{what}: stream_id must be a str")))?;
    let sent = py.detach(move || {
        let element = element.into_inner();
        let event = unsafe { gst_nvevent_infer_interval_update(id.as_ptr().cast_mut(), interval) };
        !event.is_null() && unsafe { gst_element_send_event(element, event) } != 0
    });
    Ok(sent)
}

#[pymethods]
impl NvDsMeta {
    /// Address of the embedded `GstMeta` header, as a capsule (GstMeta has no class here).
    #[getter]
    fn meta<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let p = self.ptr()?;
        rt::pointer::to_tracked_capsule(py, unsafe { &raw mut (*p).meta }.cast(), self.view.token())
    }
}

#[pymethods]
impl NvDsBatchMeta {
    /// Address of the embedded `GRecMutex`, as a capsule (use `nvds_acquire_meta_lock`).
    #[getter]
    fn meta_mutex<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let p = self.ptr()?;
        rt::pointer::to_tracked_capsule(py, unsafe { &raw mut (*p).meta_mutex }.cast(), self.view.token())
    }
}

/// Registers this helper's functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(gst_buffer_add_nvds_meta, m)?)?;
    m.add_function(wrap_pyfunction!(gst_element_send_nvevent_new_stream_reset, m)?)?;
    m.add_function(wrap_pyfunction!(gst_element_send_nvevent_interval_update, m)?)
}
