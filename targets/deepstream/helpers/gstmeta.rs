//! GStreamer-level pyds functions: the two per-stream event senders.
//! `gst_buffer_add_nvds_meta` is generated (spec: `function_pointer =
//! "address"`, `transfers` into the buffer), and so are `NvDsMeta.meta` and
//! `NvDsBatchMeta.meta_mutex` (`embedded = "address"`: capsules of the
//! embedded GStreamer structs' addresses).
//!
//! Why hand-written: the senders take GStreamer objects by address (as pyds)
//! and combine two C calls (build an event, send it); no header says so.
//! Addresses are type-checked with GLib's type system before use
//! (`rt::gobject::instance`).

use std::ffi::c_char;

use crate::*;

unsafe extern "C" {
    fn gst_element_send_event(element: *mut c_void, event: *mut c_void) -> i32;
    fn gst_nvevent_infer_interval_update(stream_id: *mut c_char, interval: u32) -> *mut c_void;
}

/// The GstElement at an address (int or capsule) or a `Gst.Element`, type-checked.
fn element_at(value: &Bound<'_, PyAny>, what: &str) -> PyResult<*mut c_void> {
    rt::gobject::instance(value, rt::gobject::GTypeRules { type_name: "GstElement", nullable: false, ints: true }, what)
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

/// Registers this helper's functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(gst_element_send_nvevent_new_stream_reset, m)?)?;
    m.add_function(wrap_pyfunction!(gst_element_send_nvevent_interval_update, m)?)
}
