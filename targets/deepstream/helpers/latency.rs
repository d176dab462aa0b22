//! `nvds_measure_buffer_latency(gst_buffer)` with pyds's signature: takes
//! the GstBuffer's address (`hash(gst_buffer)`), returns how many sources
//! the batch reported and prints one line per source, as pyds does. Returns
//! 0 without measuring unless NVDS_ENABLE_LATENCY_MEASUREMENT is exported.
//!
//! Why hand-written: C fills a caller-allocated array whose length is a
//! property of the buffer's batch (`max_frames_in_batch`), which no header
//! says; here the array is sized from the batch and read only up to what C
//! filled.

use crate::*;

/// Entries C may fill: one per frame of the batch, however the batch counts them.
fn capacity(batch: *mut ffi::NvDsBatchMeta) -> usize {
    // SAFETY: `batch` is the live batch of a checked GstBuffer; its frame list is read under its lock.
    unsafe {
        ffi::nvds_acquire_meta_lock(batch);
        let mut frames = 0usize;
        let mut node = (*batch).frame_meta_list;
        while !node.is_null() {
            frames += 1;
            node = (*node).next;
        }
        let counted = [(*batch).max_frames_in_batch as usize, (*batch).num_frames_in_batch as usize, frames];
        ffi::nvds_release_meta_lock(batch);
        counted.into_iter().max().unwrap_or(0)
    }
}

/// Measures the latency of every frame of the batch on `gst_buffer` up to
/// now and prints it; returns the number of sources (0 when measurement
/// is off or the buffer has no batch meta).
#[pyfunction]
#[pyo3(signature = (gst_buffer))]
fn nvds_measure_buffer_latency(py: Python<'_>, gst_buffer: &Bound<'_, PyAny>) -> PyResult<u32> {
    let what = "nvds_measure_buffer_latency";
    let buffer = rt::gobject::instance(gst_buffer, rt::gobject::GTypeRules { nullable: true, ..rt::gobject::buffer::BUFFER }, what)?;
    // SAFETY: a plain getter of the SDK.
    if buffer.is_null() || unsafe { ffi::nvds_get_enable_latency_measurement() } == 0 {
        return Ok(0);
    }
    // SAFETY: `buffer` was checked to be a live GstBuffer.
    let batch = unsafe { ffi::gst_buffer_get_nvds_batch_meta(buffer.cast()) };
    if batch.is_null() {
        py.import("builtins")?.call_method1("print", (format!("Batch meta not found for buffer {buffer:p}"),))?;
        return Ok(0);
    }
    // SAFETY: all-zero is a valid NvDsFrameLatencyInfo (integers and doubles).
    let mut info = vec![unsafe { std::mem::zeroed::<ffi::NvDsFrameLatencyInfo>() }; capacity(batch).max(1)];
    // SAFETY: `info` has room for one entry per frame of the batch, the most C fills.
    let sources = unsafe { ffi::nvds_measure_buffer_latency(buffer.cast(), info.as_mut_ptr()) };
    print_latency(py, &info[..(sources as usize).min(info.len())])?;
    Ok(sources)
}

/// pyds's report: a batch line, then one line per source.
fn print_latency(py: Python<'_>, info: &[ffi::NvDsFrameLatencyInfo]) -> PyResult<()> {
    let print = py.import("builtins")?.getattr("print")?;
    let batch = info.first().map_or(0, |i| i.frame_num);
    print.call1((format!("************BATCH-NUM = {batch}**************"),))?;
    for i in info {
        print.call1((format!("Source id = {} Frame_num = {} Frame latency = {} (ms) ", i.source_id, i.frame_num, i.latency),))?;
    }
    Ok(())
}

/// Registers this helper's function.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(nvds_measure_buffer_latency, m)?)
}
