//! Inference output helpers: `get_nvds_LayerInfo`, `get_optical_flow_vectors`
//! and `NvDsInferTensorMeta.output_layers_info(i)` (`get_segmentation_masks`
//! is the spec's numpy exporter `class_map_array` with `function`).
//!
//! Why hand-written: pyds defines them as binding-level functions with
//! index arguments; the header only has a pointer and a count. Here every
//! index is checked against the count (pyds reads past the array), and the
//! returned views share the tensor meta's liveness token.

use numpy::PyArray1;

use crate::*;

/// Layer `j` of a tensor meta, as a view sharing the meta's token. A meta
/// nothing tracks (cast from an `int` or a foreign capsule) may be any
/// readable bytes: its layer array is probed and never written.
fn layer(meta: &Bound<'_, NvDsInferTensorMeta>, j: i64) -> PyResult<NvDsInferLayerInfo> {
    let this = meta.get();
    let p = this.ptr()?;
    // SAFETY: `p` is a live tensor meta, or untracked: an int address `cast` probed readable, or a
    // foreign capsule trusted as pyds and ctypes trust it (docs/memory-model.md, untracked views).
    let (count, layers, host) = unsafe { ((*p).num_output_layers, (*p).output_layers_info, (*p).out_buf_ptrs_host) };
    let index = usize::try_from(j).ok().filter(|i| *i < count as usize).ok_or_else(|| {
        pyo3::exceptions::PyIndexError::new_err(format!("layer index {j} out of range (num_output_layers = {count})"))
    })?;
    if layers.is_null() {
        return Err(PyValueError::new_err("NvDsInferTensorMeta.output_layers_info is NULL"));
    }
    let element = layers.wrapping_add(index);
    if this.view.token().is_immortal() {
        let what = "NvDsInferTensorMeta.output_layers_info";
        rt::probe::require_readable(element.cast(), std::mem::size_of::<ffi::NvDsInferLayerInfo>(), what)?;
    } else {
        // SAFETY: `element` is within the live meta's array (index checked above).
        unsafe { fill_layer_buffer(element, host, index) };
        register_layer_buffer(element, this.view.token());
    }
    Ok(NvDsInferLayerInfo::wrap(this.view.field(meta.as_any(), element)?))
}

/// pyds copies the host pointer into `buffer`; we only fill it when the producer left it unset.
///
/// # Safety
/// `element` is layer `index` of a live tensor meta whose `out_buf_ptrs_host` is `host`.
unsafe fn fill_layer_buffer(element: *mut ffi::NvDsInferLayerInfo, host: *mut *mut std::ffi::c_void, index: usize) {
    // SAFETY: per the contract; `host` holds one pointer per output layer.
    unsafe {
        if (*element).buffer.is_null() && !host.is_null() {
            (*element).buffer = *host.add(index);
        }
    }
}

/// Records the layer's host buffer (its size from the shape and element
/// type) so `get_detections(layer.buffer, i)` can check `i`; the span dies
/// with the tensor meta.
fn register_layer_buffer(element: *mut ffi::NvDsInferLayerInfo, token: &rt::Token) {
    // SAFETY: `element` is a live layer of the meta (index checked by the caller).
    let (buffer, ty, count) = unsafe { ((*element).buffer, (*element).dataType, (*element).__bindgen_anon_1.inferDims.numElements) };
    let width = match ty {
        ffi::NvDsInferDataType_FLOAT | ffi::NvDsInferDataType_INT32 => 4,
        ffi::NvDsInferDataType_HALF => 2,
        ffi::NvDsInferDataType_INT64 => 8,
        _ => 1,
    };
    if !buffer.is_null() {
        crate::runtime_features::__BINDERY_RAW_MEMORY.insert_borrowed(buffer as usize, count as usize * width, token.clone());
    }
}

/// Returns layer `j` of a tensor meta (`NvDsInferLayerInfo`); IndexError past `num_output_layers`.
#[pyfunction]
#[pyo3(name = "get_nvds_LayerInfo", signature = (data, j, /))]
fn get_nvds_layer_info(data: &Bound<'_, PyAny>, j: i64) -> PyResult<NvDsInferLayerInfo> {
    layer(&rt::numpy_export::as_class::<NvDsInferTensorMeta>(data)?, j)
}

/// Optical flow vectors as a new float32 array of rows*cols*2 values (x, y pairs), as pyds.
#[pyfunction]
#[pyo3(signature = (data))]
fn get_optical_flow_vectors<'py>(data: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let meta = rt::numpy_export::as_class::<NvDsOpticalFlowMeta>(data)?;
    let this = meta.get();
    let p = this.ptr()?;
    // SAFETY: `p` is a live meta, or untracked: an int address `cast` probed readable, or a
    // foreign capsule trusted as pyds and ctypes trust it (docs/memory-model.md, untracked views).
    let (rows, cols, vectors) = unsafe { ((*p).rows as usize, (*p).cols as usize, (*p).data.cast::<ffi::NvOFFlowVector>()) };
    let count = rows.checked_mul(cols).ok_or_else(|| PyValueError::new_err("optical flow size overflows"))?;
    if vectors.is_null() && count > 0 {
        return Err(PyValueError::new_err("NvDsOpticalFlowMeta.data is NULL"));
    }
    let flow = flow_vectors(vectors, count, this.view.token().is_immortal())?;
    let out: Vec<f32> = flow.iter().flat_map(|v| [f32::from(v.flowx), f32::from(v.flowy)]).collect();
    Ok(PyArray1::from_vec(data.py(), out).into_any())
}

/// The `count` vectors at `vectors`: copied by the kernel for a meta nothing
/// tracks (`ValueError` when unreadable), read directly for a live one.
fn flow_vectors(vectors: *const ffi::NvOFFlowVector, count: usize, untracked: bool) -> PyResult<Vec<ffi::NvOFFlowVector>> {
    if count == 0 {
        return Ok(vec![]);
    }
    if untracked {
        // SAFETY: NvOFFlowVector is two i16s, valid for any bits.
        return unsafe { rt::probe::read_values(vectors, count) }
            .ok_or_else(|| PyValueError::new_err("NvDsOpticalFlowMeta.data is not readable memory"));
    }
    // SAFETY: a live meta's `data` holds rows*cols vectors.
    Ok(unsafe { std::slice::from_raw_parts(vectors, count) }.to_vec())
}

#[pymethods]
impl NvDsInferTensorMeta {
    /// Output layer `i` (`NvDsInferLayerInfo`); IndexError past `num_output_layers`.
    #[pyo3(name = "output_layers_info")]
    fn output_layers_info_at(slf: &Bound<'_, Self>, i: i64) -> PyResult<NvDsInferLayerInfo> {
        layer(slf, i)
    }
}

/// Registers this helper's functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(get_nvds_layer_info, m)?)?;
    m.add_function(wrap_pyfunction!(get_optical_flow_vectors, m)?)
}
