//! Inference output helpers: `get_nvds_LayerInfo`, `get_segmentation_masks`,
//! `get_optical_flow_vectors` and `NvDsInferTensorMeta.output_layers_info(i)`.
//!
//! Why hand-written: pyds defines them as binding-level functions with
//! index arguments; the header only has a pointer and a count. Here every
//! index is checked against the count (pyds reads past the array), and the
//! returned views share the tensor meta's liveness token.

use numpy::PyArray1;

use crate::*;

/// `data` itself when it is a `T`, else `T.cast(data)` (capsules, ints).
fn cast<'py, T: pyo3::PyTypeInfo + pyo3::PyClass>(data: &Bound<'py, PyAny>) -> PyResult<Bound<'py, T>> {
    if let Ok(view) = data.cast::<T>() {
        return Ok(view.clone());
    }
    let obj = data.py().get_type::<T>().call_method1("cast", (data,))?;
    Ok(obj.cast_into::<T>()?)
}

/// Layer `j` of a tensor meta, as a view sharing the meta's token.
fn layer(meta: &Bound<'_, NvDsInferTensorMeta>, j: i64) -> PyResult<NvDsInferLayerInfo> {
    let this = meta.get();
    let p = this.ptr()?;
    let (count, layers, host) = unsafe { ((*p).num_output_layers, (*p).output_layers_info, (*p).out_buf_ptrs_host) };
    let index = usize::try_from(j).ok().filter(|i| *i < count as usize).ok_or_else(|| {
        pyo3::exceptions::PyIndexError::new_err(format!("layer index {j} out of range (num_output_layers = {count})"))
    })?;
    if layers.is_null() {
        return Err(PyValueError::new_err("NvDsInferTensorMeta.output_layers_info is NULL"));
    }
    let element = unsafe { layers.add(index) };
    // pyds copies the host pointer into `buffer`; we only fill it when the producer left it unset.
    unsafe {
        if (*element).buffer.is_null() && !host.is_null() {
            (*element).buffer = *host.add(index);
        }
    }
    register_layer_buffer(element, this.view.token());
    Ok(NvDsInferLayerInfo::wrap(this.view.field(meta.as_any(), element)?))
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
        crate::__helper_memory::ALLOCATIONS.insert_borrowed(buffer as usize, count as usize * width, token.clone());
    }
}

/// Returns layer `j` of a tensor meta (`NvDsInferLayerInfo`); IndexError past `num_output_layers`.
#[pyfunction]
#[pyo3(name = "get_nvds_LayerInfo", signature = (data, j, /))]
fn get_nvds_layer_info(data: &Bound<'_, PyAny>, j: i64) -> PyResult<NvDsInferLayerInfo> {
    layer(&cast::<NvDsInferTensorMeta>(data)?, j)
}

/// The segmentation class map as a zero-copy int32 array (height, width)
/// whose base keeps the meta's view alive (pyds returns a copy).
#[pyfunction]
#[pyo3(signature = (data))]
fn get_segmentation_masks<'py>(data: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let meta = cast::<NvDsInferSegmentationMeta>(data)?;
    let p = meta.get().ptr()?;
    let (map, shape) = unsafe { ((*p).class_map, [i64::from((*p).height), i64::from((*p).width)]) };
    unsafe { rt::numpy_export::array_over::<i32>(data.py(), map, &shape, None, true, meta.into_any()) }
}

/// Optical flow vectors as a new float32 array of rows*cols*2 values (x, y pairs), as pyds.
#[pyfunction]
#[pyo3(signature = (data))]
fn get_optical_flow_vectors<'py>(data: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let meta = cast::<NvDsOpticalFlowMeta>(data)?;
    let p = meta.get().ptr()?;
    let (rows, cols, vectors) = unsafe { ((*p).rows as usize, (*p).cols as usize, (*p).data.cast::<ffi::NvOFFlowVector>()) };
    let count = rows.checked_mul(cols).ok_or_else(|| PyValueError::new_err("optical flow size overflows"))?;
    if vectors.is_null() && count > 0 {
        return Err(PyValueError::new_err("NvDsOpticalFlowMeta.data is NULL"));
    }
    let mut out = Vec::with_capacity(count * 2);
    for i in 0..count {
        let v = unsafe { &*vectors.add(i) };
        out.extend([f32::from(v.flowx), f32::from(v.flowy)]);
    }
    Ok(PyArray1::from_vec(data.py(), out).into_any())
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
    m.add_function(wrap_pyfunction!(get_segmentation_masks, m)?)?;
    m.add_function(wrap_pyfunction!(get_optical_flow_vectors, m)?)
}
