//! Zero-copy numpy arrays over C memory.
//!
//! The array's `base` is the Python object that keeps the memory valid (a
//! view, which in turn keeps its owner alive), so the memory outlives every
//! array made from it. Shapes and strides are checked before the array is
//! made: a negative or overflowing shape raises `ValueError`, a NULL data
//! pointer with a non-empty shape too. Copies of such memory ([`array_copy`],
//! an array Python owns) go through the same checks. Column building for bulk exporters
//! (one numpy array per field, filled in Rust) also lives here.

use std::ffi::c_void;
use std::sync::atomic::{AtomicPtr, Ordering};

use numpy::npyffi::{self, NPY_ARRAY_WRITEABLE, PyArray_Descr, npy_intp};
use numpy::{Element, PY_ARRAY_API, PyArray1, PyArrayDescrMethods, PyArrayMethods};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

use crate::view::Allocator;

/// An element type of the zero-copy exports: numpy's descriptor for it is
/// looked up once per process and cached (numpy's built-in descriptors are
/// never freed; the cache holds a reference of its own), so an export takes
/// one reference to it instead of calling `PyArray_DescrFromType`.
pub trait NumpyElement: Element {
    /// numpy's descriptor of `Self`, as a new reference.
    fn descr(py: Python<'_>) -> *mut PyArray_Descr;
}

macro_rules! numpy_element {
    ($($t:ty),* $(,)?) => {$(
        impl NumpyElement for $t {
            #[inline]
            fn descr(py: Python<'_>) -> *mut PyArray_Descr {
                static DESCR: AtomicPtr<PyArray_Descr> = AtomicPtr::new(std::ptr::null_mut());
                // The slot keeps the first lookup's reference for good.
                let descr = cached(py, &DESCR, |py| <$t as Element>::get_dtype(py).into_dtype_ptr());
                // SAFETY: the descriptor is alive (the slot's reference is never
                // released) and the GIL is held (`py`); this is the caller's reference.
                unsafe { pyo3::ffi::Py_INCREF(descr.cast()) };
                descr
            }
        }
    )*};
}

numpy_element!(i8, u8, i16, u16, i32, u32, i64, u64, f32, f64, bool);

/// numpy's `ndarray` type object (borrowed: numpy's types are static in its
/// extension module, which is never unloaded), looked up once.
#[inline]
fn array_type(py: Python<'_>) -> *mut pyo3::ffi::PyTypeObject {
    static ARRAY_TYPE: AtomicPtr<pyo3::ffi::PyTypeObject> = AtomicPtr::new(std::ptr::null_mut());
    // SAFETY: `get_type_object` imports numpy's C API (or fails the way every
    // numpy call of this module would) and returns its static type object.
    cached(py, &ARRAY_TYPE, |py| unsafe { npyffi::get_type_object(py, npyffi::NpyTypes::PyArray_Type) })
}

/// The pointer in `slot`, `make`'s the first time (kept for good). Two
/// threads racing to fill it store the same object (numpy's built-in
/// descriptors and types are singletons); a reference may then stay unused.
#[inline(always)]
fn cached<T>(py: Python<'_>, slot: &AtomicPtr<T>, make: impl FnOnce(Python<'_>) -> *mut T) -> *mut T {
    let object = slot.load(Ordering::Acquire);
    if object.is_null() { fill(py, slot, make) } else { object }
}

/// [`cached`]'s first call: makes the pointer and keeps it in `slot`.
#[cold]
#[inline(never)]
fn fill<T>(py: Python<'_>, slot: &AtomicPtr<T>, make: impl FnOnce(Python<'_>) -> *mut T) -> *mut T {
    let object = make(py);
    slot.store(object, Ordering::Release);
    object
}

/// Makes a numpy array of `T` over `data` with C-order `shape` (or explicit
/// byte `strides`, one per dimension), writable or not, whose base is `base`.
///
/// Dimensions are checked and copied on the stack in an array sized for the
/// common ranks (1 to 3), so an export allocates nothing but the array.
///
/// # Safety
/// `data` must point to memory that holds the whole array and stays valid as
/// long as `base` lives.
#[inline]
pub unsafe fn array_over<'py, T: NumpyElement>(
    py: Python<'py>,
    data: *mut T,
    shape: &[i64],
    strides: Option<&[i64]>,
    writable: bool,
    base: Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let request = Request { data: data.cast(), shape, strides, writable };
    // SAFETY (every arm): forwarded from this function's contract.
    match shape.len() {
        0 | 1 => unsafe { array_of_rank::<T, 1>(py, request, base) },
        2 => unsafe { array_of_rank::<T, 2>(py, request, base) },
        3 => unsafe { array_of_rank::<T, 3>(py, request, base) },
        _ => unsafe { array_of_rank::<T, MAX_DIMS>(py, request, base) },
    }
}

/// What [`array_over`] was asked for, before any check.
struct Request<'a> {
    data: *mut c_void,
    shape: &'a [i64],
    strides: Option<&'a [i64]>,
    writable: bool,
}

/// [`array_over`] with dimensions held in `[npy_intp; N]` (`shape.len() <= N`
/// is checked by [`checked_dims`]).
///
/// # Safety
/// As [`array_over`].
#[inline]
unsafe fn array_of_rank<'py, T: NumpyElement, const N: usize>(
    py: Python<'py>,
    request: Request<'_>,
    base: Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let (mut dims, total) = checked_dims::<N>(request.shape)?;
    if request.data.is_null() && total != 0 {
        return Err(null_data());
    }
    let mut stride_buf = match request.strides {
        Some(s) => Some(checked_strides::<N>(s, request.shape.len())?),
        None => None,
    };
    let strides_ptr = stride_buf.as_mut().map_or(std::ptr::null_mut(), |s| s.as_mut_ptr());
    let flags = if request.writable { NPY_ARRAY_WRITEABLE } else { 0 };
    // SAFETY: dims/strides describe memory the caller vouches for and hold
    // at least `shape.len()` entries; the descriptor reference is stolen by
    // NewFromDescr and `base` by SetBaseObject (also on its failure).
    unsafe {
        let raw = PY_ARRAY_API.PyArray_NewFromDescr(
            py,
            array_type(py),
            T::descr(py),
            request.shape.len() as std::ffi::c_int,
            dims.as_mut_ptr(),
            strides_ptr,
            request.data,
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

/// A numpy array Python owns holding a copy of the `shape` elements at
/// `data` (C order); a NULL `data` gives an empty one-dimensional array.
/// Shapes are checked as for [`array_over`].
///
/// # Safety
/// `data` must be NULL or point to memory that holds the whole array while
/// `base` lives.
pub unsafe fn array_copy<'py, T: NumpyElement>(
    py: Python<'py>,
    data: *mut T,
    shape: &[i64],
    base: Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    if data.is_null() {
        return Ok(PyArray1::<T>::zeros(py, 0, false).into_any());
    }
    // SAFETY: forwarded from this function's contract; the view is dropped
    // once `copy` has read it.
    let view = unsafe { array_over(py, data, shape, None, false, base) }?;
    view.call_method0("copy")
}

/// A new array of `U` holding the `shape` elements of `T` at `data` (C
/// order), each converted exactly (`U: From<T>`: int16 x/y pairs to
/// float32); a NULL `data` gives an empty one-dimensional array.
///
/// # Safety
/// `data` must be NULL or point to `shape`'s product of readable `T`s.
pub unsafe fn array_converted<'py, T: Copy, U: Element + From<T>>(
    py: Python<'py>,
    data: *const T,
    shape: &[i64],
) -> PyResult<Bound<'py, PyAny>> {
    if data.is_null() {
        return Ok(PyArray1::<U>::zeros(py, 0, false).into_any());
    }
    let dims: Vec<usize> = shape.iter().map(|d| usize::try_from(*d)).collect::<Result<_, _>>().map_err(|_| bad_shape(shape))?;
    let count = dims.iter().try_fold(1usize, |n, d| n.checked_mul(*d)).ok_or_else(|| bad_shape(shape))?;
    // SAFETY: forwarded from this function's contract.
    let values = unsafe { std::slice::from_raw_parts(data, count) };
    let converted: Vec<U> = values.iter().map(|v| U::from(*v)).collect();
    PyArray1::from_vec(py, converted).reshape(dims).map(Bound::into_any)
}

/// The element count of a `flat` exporter: the product of its dimensions
/// (`ValueError` when one is negative or the product overflows).
pub fn flat_len(dims: &[i64], what: &str) -> PyResult<i64> {
    dims.iter()
        .try_fold(1i64, |n, d| if *d < 0 { None } else { n.checked_mul(*d) })
        .ok_or_else(|| PyValueError::new_err(format!("{what}: the dimensions {dims:?} give no array length")))
}

#[cold]
fn bad_shape(shape: &[i64]) -> PyErr {
    PyValueError::new_err(format!("cannot make an array of shape {shape:?}"))
}

#[cold]
fn null_data() -> PyErr {
    PyValueError::new_err("cannot make an array over a NULL pointer")
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

/// For a view nothing tracks (`untracked`: cast from an `int` address or a
/// foreign capsule, so only the struct itself was probed), checks that the
/// whole array at `data` (`shape` elements of `element` bytes) is readable
/// before an exporter reads it: `ValueError` otherwise, or when the size
/// overflows. Tracked views are not probed: their memory is alive; nor is a
/// NULL `data`, which the exporters never read (an error or an empty copy).
#[inline]
pub fn require_readable_if_untracked(untracked: bool, data: *const c_void, shape: &[i64], element: usize, what: &str) -> PyResult<()> {
    if !untracked || data.is_null() {
        return Ok(());
    }
    let bytes = shape.iter().try_fold(element, |n, &d| usize::try_from(d).ok().and_then(|d| n.checked_mul(d)));
    crate::probe::require_readable(data, bytes.unwrap_or(usize::MAX), what)
}

/// `data` itself when it is a `T`, else `T.cast(data)` (a capsule or an
/// address; `cast`'s errors are raised): the argument of a module function
/// standing for a method of `T`.
pub fn as_class<'py, T: pyo3::PyTypeInfo + pyo3::PyClass>(data: &Bound<'py, PyAny>) -> PyResult<Bound<'py, T>> {
    if let Ok(view) = data.cast::<T>() {
        return Ok(view.clone());
    }
    let obj = data.py().get_type::<T>().call_method1("cast", (data,))?;
    Ok(obj.cast_into::<T>()?)
}

/// The element count that integer fields describing the same memory give
/// (`width x height`), saturating instead of overflowing: for [`check_sized`].
pub fn extent(dims: &[u64]) -> u64 {
    dims.iter().fold(1u64, |n, &d| n.saturating_mul(d))
}

/// Replaces the memory at `*data` with zeroed memory for `extent(dims)`
/// elements of `element` bytes from `allocator`, frees the old memory with
/// it, and stores the new size in bytes in `*bytes`. A size that is zero,
/// overflows, or does not fit `B` raises `ValueError` before anything
/// changes; a failed allocation raises `MemoryError`.
///
/// # Safety
/// `data` and `bytes` must be valid for writes, and `*data` NULL or memory
/// from `allocator` that nothing else holds.
pub unsafe fn reallocate_zeroed<B: TryFrom<u64>>(
    allocator: Allocator,
    data: *mut *mut c_void,
    bytes: *mut B,
    dims: &[u64],
    element: usize,
    what: &str,
) -> PyResult<()> {
    let size = dims.iter().try_fold(element as u64, |n, &d| n.checked_mul(d)).filter(|&n| n > 0);
    let fitted = size.and_then(|n| Some((usize::try_from(n).ok()?, B::try_from(n).ok()?)));
    let Some((size, stored)) = fitted else {
        let shown: Vec<String> = dims.iter().map(u64::to_string).collect();
        return Err(PyValueError::new_err(format!("{what}: bad size {}", shown.join("x"))));
    };
    // SAFETY: the allocator returns zeroed memory of `size` bytes or NULL.
    let fresh = unsafe { (allocator.alloc_zeroed)(size) };
    if fresh.is_null() {
        return Err(pyo3::exceptions::PyMemoryError::new_err("out of memory"));
    }
    // SAFETY: the caller vouches that `*data` came from `allocator` and
    // nothing else holds it, and that both slots are writable.
    unsafe {
        (allocator.free)(*data);
        *data = fresh;
        *bytes = stored;
    }
    Ok(())
}

/// Most dimensions an exported array may have (numpy 1.x's NPY_MAXDIMS).
const MAX_DIMS: usize = 32;

/// The shape as numpy dimensions (room for `N`, the first `shape.len()`
/// used) and the element count; a negative or overflowing shape, or more
/// than `N` dimensions, raises `ValueError`.
#[inline]
fn checked_dims<const N: usize>(shape: &[i64]) -> PyResult<([npy_intp; N], i64)> {
    if shape.len() > N {
        return Err(too_many_dims(shape.len()));
    }
    let mut dims = [0 as npy_intp; N];
    let mut total: i64 = 1;
    for (slot, &d) in dims.iter_mut().zip(shape) {
        if d < 0 {
            return Err(PyValueError::new_err(format!("array dimension {d} is negative")));
        }
        total = total.checked_mul(d).ok_or_else(|| PyValueError::new_err("array shape overflows"))?;
        *slot = d as npy_intp;
    }
    Ok((dims, total))
}

/// Byte strides as numpy wants them: one per dimension (`rank`), else `ValueError`.
fn checked_strides<const N: usize>(strides: &[i64], rank: usize) -> PyResult<[npy_intp; N]> {
    if strides.len() != rank {
        return Err(PyValueError::new_err(format!("array has {rank} dimensions but {} strides", strides.len())));
    }
    if strides.len() > N {
        return Err(too_many_dims(strides.len()));
    }
    let mut out = [0 as npy_intp; N];
    for (slot, &s) in out.iter_mut().zip(strides) {
        *slot = s as npy_intp;
    }
    Ok(out)
}

#[cold]
fn too_many_dims(rank: usize) -> PyErr {
    PyValueError::new_err(format!("array has {rank} dimensions (at most {MAX_DIMS})"))
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
        assert!(checked_dims::<2>(&[2, -1]).is_err());
        assert!(checked_dims::<2>(&[i64::MAX, 4]).is_err());
        let (dims, total) = checked_dims::<2>(&[1080, 1920]).unwrap();
        assert_eq!(dims, [1080, 1920]);
        assert_eq!(total, 1080 * 1920);
        assert!(checked_dims::<MAX_DIMS>(&[1; MAX_DIMS + 1]).is_err());
        assert!(checked_dims::<2>(&[1, 2, 3]).is_err());
        let (dims, total) = checked_dims::<1>(&[]).unwrap();
        assert_eq!((dims, total), ([0], 1));
    }

    #[test]
    fn extent_saturates() {
        assert_eq!(extent(&[4, 5]), 20);
        assert_eq!(extent(&[u64::MAX, 2]), u64::MAX);
        assert_eq!(extent(&[]), 1);
    }

    #[test]
    fn reallocation_checks_the_size_before_touching_anything() {
        pyo3::Python::initialize();
        let mut data: *mut c_void = std::ptr::null_mut();
        let mut bytes: u8 = 7;
        for dims in [&[0u64, 4][..], &[8, 8], &[u64::MAX, 2]] {
            // SAFETY: both slots are locals; `data` is NULL.
            assert!(unsafe { reallocate_zeroed(Allocator::LIBC, &raw mut data, &raw mut bytes, dims, 4, "T.m") }.is_err());
            assert!(data.is_null() && bytes == 7, "nothing changes on {dims:?}");
        }
        // SAFETY: as above; the memory is freed below with the same allocator.
        unsafe { reallocate_zeroed(Allocator::LIBC, &raw mut data, &raw mut bytes, &[3, 5], 4, "T.m") }.unwrap();
        assert_eq!(bytes, 60);
        // SAFETY: 60 bytes were allocated zeroed at `data`.
        assert!(unsafe { std::slice::from_raw_parts(data.cast::<u8>(), 60) }.iter().all(|&b| b == 0));
        // SAFETY: `data` came from the same allocator and nothing else holds it.
        unsafe { (Allocator::LIBC.free)(data) };
    }

    #[test]
    fn strides_need_one_per_dimension() {
        assert_eq!(checked_strides::<3>(&[8, 1], 2).unwrap(), [8, 1, 0]);
        assert!(checked_strides::<3>(&[8], 2).is_err());
    }

    #[test]
    fn null_data_with_elements_is_refused_before_numpy_is_touched() {
        // (Arrays over real memory, their base and strides are covered by the
        // Python suites: this crate's test interpreter has no numpy.)
        Python::initialize();
        Python::attach(|py| {
            let base = py.None().into_bound(py);
            let err = unsafe { array_over::<i32>(py, std::ptr::null_mut(), &[2, 3], None, true, base.clone()) }.unwrap_err();
            assert!(err.is_instance_of::<PyValueError>(py));
            assert_eq!(err.value(py).to_string(), "cannot make an array over a NULL pointer");
            let err = unsafe { array_over::<i32>(py, std::ptr::null_mut(), &[], None, true, base.clone()) }.unwrap_err();
            assert!(err.is_instance_of::<PyValueError>(py), "a 0-d array has one element");
            let err = unsafe { array_over::<u8>(py, std::ptr::null_mut(), &[4, -1], None, true, base) }.unwrap_err();
            assert_eq!(err.value(py).to_string(), "array dimension -1 is negative");
        });
    }
}
