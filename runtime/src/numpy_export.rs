//! Zero-copy numpy arrays over C memory.
//!
//! The array's `base` is the Python object that keeps the memory valid (a
//! view, which in turn keeps its owner alive), so the memory outlives every
//! array made from it. Shapes and strides are checked before the array is
//! made: a negative or overflowing shape raises `ValueError`, a NULL data
//! pointer with a non-empty shape too. Column building for bulk exporters
//! (one numpy array per field, filled in Rust) also lives here.

use std::ffi::c_void;

use numpy::npyffi::{self, NPY_ARRAY_WRITEABLE, npy_intp};
use numpy::{Element, PY_ARRAY_API, PyArray1, PyArrayDescrMethods};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// Makes a numpy array of `T` over `data` with C-order `shape` (or explicit
/// byte `strides`), writable or not, whose base is `base`.
///
/// # Safety
/// `data` must point to memory that holds the whole array and stays valid as
/// long as `base` lives.
pub unsafe fn array_over<'py, T: Element>(
    py: Python<'py>,
    data: *mut T,
    shape: &[i64],
    strides: Option<&[i64]>,
    writable: bool,
    base: Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let mut dims = checked_dims(shape)?;
    if data.is_null() && dims.product() != 0 {
        return Err(PyValueError::new_err("cannot make an array over a NULL pointer"));
    }
    let mut stride_buf = match strides {
        Some(s) => Some(checked_dims_of(s, |_| Ok(()))?),
        None => None,
    };
    let strides_ptr = stride_buf.as_mut().map_or(std::ptr::null_mut(), |s| s.values.as_mut_ptr());
    let flags = if writable { NPY_ARRAY_WRITEABLE } else { 0 };
    // SAFETY: dims/strides describe memory the caller vouches for; the
    // descriptor reference is stolen by NewFromDescr and `base` by SetBaseObject.
    unsafe {
        let raw = PY_ARRAY_API.PyArray_NewFromDescr(
            py,
            npyffi::get_type_object(py, npyffi::NpyTypes::PyArray_Type),
            T::get_dtype(py).into_dtype_ptr(),
            dims.len as std::ffi::c_int,
            dims.values.as_mut_ptr(),
            strides_ptr,
            data.cast::<c_void>(),
            flags,
            std::ptr::null_mut(),
        );
        let array = Bound::from_owned_ptr_or_err(py, raw)?;
        if PY_ARRAY_API.PyArray_SetBaseObject(py, raw.cast(), base.into_ptr()) != 0 {
            return Err(PyErr::fetch(py));
        }
        Ok(array)
    }
}

/// Refuses an export whose data pointer is NULL while one of the struct's
/// size fields (`sizes`: field name and value) says there is data: the
/// fields and the pointer disagree, and no array can stand for both
/// (`ValueError`, naming the fields). Exporters whose shape comes from other
/// fields than the ones describing the memory call it before [`array_over`].
pub fn check_sized(data: *const c_void, sizes: &[(&str, u64)], what: &str) -> PyResult<()> {
    if !data.is_null() {
        return Ok(());
    }
    match sizes.iter().find(|(_, v)| *v != 0) {
        Some((field, value)) => Err(PyValueError::new_err(format!("{what}: the data pointer is NULL but {field} is {value}"))),
        None => Ok(()),
    }
}

/// Most dimensions an exported array may have (numpy 1.x's NPY_MAXDIMS).
const MAX_DIMS: usize = 32;

/// Dimensions (or strides) on the stack: exporting an array allocates nothing but the array.
struct Dims {
    values: [npy_intp; MAX_DIMS],
    len: usize,
}

impl Dims {
    fn product(&self) -> npy_intp {
        self.values[..self.len].iter().product()
    }
}

/// The shape as numpy dimensions; negative or overflowing shapes raise `ValueError`.
fn checked_dims(shape: &[i64]) -> PyResult<Dims> {
    let mut total: i64 = 1;
    checked_dims_of(shape, |d| {
        if d < 0 {
            return Err(PyValueError::new_err(format!("array dimension {d} is negative")));
        }
        total = total.checked_mul(d).ok_or_else(|| PyValueError::new_err("array shape overflows"))?;
        Ok(())
    })
}

/// Copies `values` into [`Dims`] after `check` accepted each one.
fn checked_dims_of(values: &[i64], mut check: impl FnMut(i64) -> PyResult<()>) -> PyResult<Dims> {
    if values.len() > MAX_DIMS {
        return Err(PyValueError::new_err(format!("array has {} dimensions (at most {MAX_DIMS})", values.len())));
    }
    let mut dims = Dims { values: [0; MAX_DIMS], len: values.len() };
    for (slot, &d) in dims.values.iter_mut().zip(values) {
        check(d)?;
        *slot = d as npy_intp;
    }
    Ok(dims)
}

/// A growable column of one field's values for a bulk exporter.
#[derive(Debug)]
pub struct Column<T>(Vec<T>);

impl<T: Element + Copy> Column<T> {
    /// An empty column with room for `capacity` rows.
    pub fn with_capacity(capacity: usize) -> Self {
        Column(Vec::with_capacity(capacity))
    }

    /// Appends one row's value.
    #[inline]
    pub fn push(&mut self, value: T) {
        self.0.push(value);
    }

    /// Moves the values into a new 1-D numpy array (no further copy).
    pub fn into_array<'py>(self, py: Python<'py>) -> Bound<'py, PyArray1<T>> {
        PyArray1::from_vec(py, self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negative_and_overflowing_shapes_are_rejected() {
        assert!(checked_dims(&[2, -1]).is_err());
        assert!(checked_dims(&[i64::MAX, 4]).is_err());
        let dims = checked_dims(&[1080, 1920]).unwrap();
        assert_eq!(&dims.values[..dims.len], &[1080, 1920]);
        assert_eq!(dims.product(), 1080 * 1920);
        assert!(checked_dims(&[1; MAX_DIMS + 1]).is_err());
    }
}
