//! Tracker and object-encoder methods pyds adds: `NvDsTargetMiscData*.list()`,
//! `NvDsObjReid.get_host_reid_vector()`, `NvDsObjEncOutParams.outBuffer()`.
//!
//! Why hand-written: the header has a pointer plus a count, which the spec's
//! field kinds cannot pair. Elements are views sharing the parent's token;
//! only the filled entries are returned (`numFilled`, or `numObj` for an
//! object's frames), never more than `numAllocated`; the counts are read-only
//! from Python (spec) so a script cannot make these read past the arrays.

use numpy::PyArray1;

use crate::*;

macro_rules! misc_list {
    ($class:ident, $element:ident, $c_element:ty, $count:ident) => {
        #[pymethods]
        impl $class {
            /// The filled entries of `list` (count field given per class), as views into the array.
            fn list(slf: &Bound<'_, Self>) -> PyResult<Vec<$element>> {
                let this = slf.get();
                let p = this.ptr()?;
                // SAFETY: `p` is alive; the producer sized `list` for `numAllocated` entries.
                let (first, filled) = unsafe { ((*p).list.cast::<$c_element>(), (*p).$count.min((*p).numAllocated) as usize) };
                if first.is_null() {
                    return Ok(vec![]);
                }
                (0..filled).map(|i| Ok($element::wrap(this.view.field(slf.as_any(), unsafe { first.add(i) })?))).collect()
            }
        }
    };
}

misc_list!(NvDsTargetMiscDataBatch, NvDsTargetMiscDataStream, ffi::NvDsTargetMiscDataStream, numFilled);
misc_list!(NvDsTargetMiscDataStream, NvDsTargetMiscDataObject, ffi::NvDsTargetMiscDataObject, numFilled);
misc_list!(NvDsTargetMiscDataObject, NvDsTargetMiscDataFrame, ffi::NvDsTargetMiscDataFrame, numObj);

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
