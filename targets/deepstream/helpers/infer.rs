//! `get_optical_flow_vectors(of_meta)`: the meta's rows*cols flow vectors
//! (int16 x, y pairs) as a new 1-D float32 array of rows*cols*2 values, as
//! pyds returns them. (Layers, `get_nvds_LayerInfo` and
//! `get_segmentation_masks` come from the spec: a counted array with
//! `function`/`fill`, and a numpy exporter with `function`.)
//!
//! Why hand-written: the data is a `void*` of C structs converted element by
//! element to another type; numpy exporters export numbers as they are.

use numpy::PyArray1;

use crate::*;

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

/// Registers this helper's function.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(get_optical_flow_vectors, m)?)
}
