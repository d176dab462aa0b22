//! Tracker and object-encoder methods pyds adds: `NvDsObjReid.get_host_reid_vector()`,
//! `NvDsObjEncOutParams.outBuffer()` (`NvDsTargetMiscData*.list()` comes from
//! the spec's `arrays`).
//!
//! Why hand-written: a copied float vector and a byte buffer as numpy arrays
//! from a pointer plus a count, which the spec's numpy exporters do not cover
//! (a copy; a 64-bit length).

use numpy::PyArray1;

use crate::*;

#[pymethods]
impl NvDsObjReid {
    /// A copy of the host re-id feature vector (float32, `featureSize` values).
    fn get_host_reid_vector<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let p = self.ptr()?;
        let (data, n) = unsafe { ((*p).ptr_host, (*p).featureSize as usize) };
        if data.is_null() {
            return Ok(PyArray1::<f32>::zeros(py, 0, false).into_any());
        }
        let values = unsafe { std::slice::from_raw_parts(data, n) }.to_vec();
        Ok(PyArray1::from_vec(py, values).into_any())
    }
}

#[pymethods]
impl NvDsObjEncOutParams {
    /// The encoded JPEG bytes as a zero-copy uint8 array (`outLen` bytes).
    #[pyo3(name = "outBuffer")]
    fn out_buffer<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        let p = slf.get().ptr()?;
        let (data, len) = unsafe { ((*p).outBuffer, (*p).outLen) };
        let len = i64::try_from(len).map_err(|_| PyValueError::new_err("outLen out of range"))?;
        unsafe { rt::numpy_export::array_over::<u8>(slf.py(), data, &[len], None, false, slf.clone().into_any()) }
    }
}

/// Registers this helper (methods only).
pub(crate) fn register(_m: &Bound<'_, PyModule>) -> PyResult<()> {
    Ok(())
}
