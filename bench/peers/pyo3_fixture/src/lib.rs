//! A careful hand-written PyO3 binding of the fixture's frame/object/rect/mask
//! structs: the peer the generated `bindery_fixture` accessors are measured
//! against (bench/fixture_bench.py). Each view holds the struct pointer and a
//! strong reference to the Python object it was reached from, as a careful
//! binding would; it has no liveness token (it trusts the caller to keep the
//! frame alive), so it is the floor a generated binding with tokens can reach.
//! Only what the benchmark calls is bound.

use std::ffi::{c_char, c_void};

use numpy::npyffi::{self, NPY_ARRAY_WRITEABLE, npy_intp};
use numpy::{Element, PY_ARRAY_API, PyArrayDescrMethods};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;

/// `GList` (glib/glist.h).
#[repr(C)]
struct GList {
    data: *mut c_void,
    next: *mut GList,
    prev: *mut GList,
}

/// `FxColor`.
#[repr(C)]
struct FxColor {
    rgba: [f64; 4],
}

/// `FxRect`.
#[repr(C)]
struct FxRectC {
    left: f32,
    top: f32,
    width: f32,
    height: f32,
    border_color: FxColor,
    border_width: u32,
}

/// The leading fields of `FxObjectMeta` (the peer never allocates one).
#[repr(C)]
struct FxObjectMetaC {
    class_id: i32,
    object_id: u64,
    confidence: f32,
    rect: FxRectC,
    obj_label: [c_char; 32],
}

/// `FxMask`.
#[repr(C)]
struct FxMaskC {
    width: i32,
    height: i32,
    data: *mut i32,
}

/// The leading fields of `FxFrameMeta`.
#[repr(C)]
struct FxFrameMetaC {
    frame_num: u32,
    source_id: i32,
    pts: u64,
    num_objects: u32,
    obj_list: *mut GList,
    user_list: *mut GList,
    mask: *mut FxMaskC,
}

unsafe extern "C" {
    fn fx_frame_get_object(frame: *mut FxFrameMetaC, index: u32) -> *mut FxObjectMetaC;
}

/// A frame at a C address the caller vouches for.
#[pyclass(frozen, name = "FxFrameMeta", module = "pyo3_fixture")]
struct FxFrameMeta {
    ptr: *mut FxFrameMetaC,
}

/// An object of a frame; keeps the frame object alive.
#[pyclass(frozen, name = "FxObjectMeta", module = "pyo3_fixture")]
struct FxObjectMeta {
    ptr: *mut FxObjectMetaC,
    owner: Py<PyAny>,
}

/// An object's rectangle; keeps the frame object alive.
#[pyclass(frozen, name = "FxRect", module = "pyo3_fixture")]
struct FxRect {
    ptr: *mut FxRectC,
    _owner: Py<PyAny>,
}

/// A frame's mask; keeps the frame object alive.
#[pyclass(frozen, name = "FxMask", module = "pyo3_fixture")]
struct FxMask {
    ptr: *mut FxMaskC,
    _owner: Py<PyAny>,
}

/// Iterator over a frame's object list; keeps the frame object alive.
#[pyclass(name = "ObjIter", module = "pyo3_fixture")]
struct ObjIter {
    node: *mut GList,
    owner: Py<PyAny>,
}

// SAFETY (for the four impls): the pointers are only dereferenced with the GIL held.
unsafe impl Send for FxFrameMeta {}
unsafe impl Sync for FxFrameMeta {}
unsafe impl Send for FxObjectMeta {}
unsafe impl Sync for FxObjectMeta {}
unsafe impl Send for FxRect {}
unsafe impl Sync for FxRect {}
unsafe impl Send for FxMask {}
unsafe impl Sync for FxMask {}
unsafe impl Send for ObjIter {}
unsafe impl Sync for ObjIter {}

#[pymethods]
impl FxFrameMeta {
    #[staticmethod]
    fn cast(address: usize) -> PyResult<Self> {
        match address {
            0 => Err(PyValueError::new_err("NULL address")),
            a => Ok(FxFrameMeta { ptr: a as *mut _ }),
        }
    }

    #[getter]
    fn mask(slf: &Bound<'_, Self>) -> Option<FxMask> {
        // SAFETY: the frame pointer is valid while the caller keeps the frame.
        let ptr = unsafe { (*slf.get().ptr).mask };
        (!ptr.is_null()).then(|| FxMask { ptr, _owner: slf.clone().into_any().unbind() })
    }

    #[getter]
    fn obj_list(slf: &Bound<'_, Self>) -> ObjIter {
        // SAFETY: as above.
        let node = unsafe { (*slf.get().ptr).obj_list };
        ObjIter { node, owner: slf.clone().into_any().unbind() }
    }
}

#[pymethods]
impl ObjIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__(mut slf: PyRefMut<'_, Self>) -> Option<FxObjectMeta> {
        if slf.node.is_null() {
            return None;
        }
        // SAFETY: list nodes belong to the live frame.
        let (data, next) = unsafe { ((*slf.node).data, (*slf.node).next) };
        slf.node = next;
        let owner = slf.owner.clone_ref(slf.py());
        Some(FxObjectMeta { ptr: data.cast(), owner })
    }
}

#[pymethods]
impl FxObjectMeta {
    #[getter]
    fn class_id(&self) -> i32 {
        // SAFETY: the object belongs to the live frame.
        unsafe { (*self.ptr).class_id }
    }

    #[setter]
    fn set_class_id(&self, value: i32) {
        // SAFETY: as above.
        unsafe { (*self.ptr).class_id = value }
    }

    #[getter]
    fn object_id(&self) -> u64 {
        // SAFETY: as above.
        unsafe { (*self.ptr).object_id }
    }

    #[getter]
    fn confidence(&self) -> f32 {
        // SAFETY: as above.
        unsafe { (*self.ptr).confidence }
    }

    #[setter]
    fn set_confidence(&self, value: f32) {
        // SAFETY: as above.
        unsafe { (*self.ptr).confidence = value }
    }

    #[getter]
    fn rect(&self, py: Python<'_>) -> FxRect {
        // SAFETY: as above; the field address stays inside the object.
        let ptr = unsafe { &raw mut (*self.ptr).rect };
        FxRect { ptr, _owner: self.owner.clone_ref(py) }
    }

    #[getter]
    fn obj_label<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        // SAFETY: as above.
        let label = unsafe { &(*self.ptr).obj_label };
        let len = label.iter().position(|c| *c == 0).unwrap_or(label.len());
        // SAFETY: `len` bytes of the label are readable; invalid UTF-8 is replaced.
        unsafe {
            let raw = pyo3::ffi::PyUnicode_DecodeUTF8(label.as_ptr(), len as _, c"replace".as_ptr());
            Bound::from_owned_ptr_or_err(py, raw)
        }
    }

    #[setter]
    fn set_obj_label(&self, value: &Bound<'_, PyString>) -> PyResult<()> {
        let bytes = value.to_str()?.as_bytes();
        if bytes.len() >= 32 || bytes.contains(&0) {
            return Err(PyValueError::new_err("label must be under 32 bytes without NUL"));
        }
        // SAFETY: as above; `bytes` fits with its terminator.
        let label = unsafe { &mut (*self.ptr).obj_label };
        for (dst, src) in label.iter_mut().zip(bytes) {
            *dst = *src as c_char;
        }
        label[bytes.len()..].fill(0);
        Ok(())
    }
}

#[pymethods]
impl FxRect {
    #[getter]
    fn left(&self) -> f32 {
        // SAFETY: the rect lies in the live object.
        unsafe { (*self.ptr).left }
    }

    #[getter]
    fn top(&self) -> f32 {
        // SAFETY: as above.
        unsafe { (*self.ptr).top }
    }

    #[getter]
    fn width(&self) -> f32 {
        // SAFETY: as above.
        unsafe { (*self.ptr).width }
    }

    #[getter]
    fn height(&self) -> f32 {
        // SAFETY: as above.
        unsafe { (*self.ptr).height }
    }
}

#[pymethods]
impl FxMask {
    /// Zero-copy (height, width) int32 array whose base is this mask object.
    fn as_array<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        // SAFETY: the mask belongs to the live frame.
        let m = unsafe { &*slf.get().ptr };
        if m.width < 0 || m.height < 0 || (m.data.is_null() && m.width * m.height != 0) {
            return Err(PyValueError::new_err("bad mask"));
        }
        let mut dims = [m.height as npy_intp, m.width as npy_intp];
        let py = slf.py();
        // SAFETY: dims describe the mask's data; the dtype reference is stolen
        // by NewFromDescr and the base reference by SetBaseObject.
        unsafe {
            let raw = PY_ARRAY_API.PyArray_NewFromDescr(
                py,
                npyffi::get_type_object(py, npyffi::NpyTypes::PyArray_Type),
                i32::get_dtype(py).into_dtype_ptr(),
                2,
                dims.as_mut_ptr(),
                std::ptr::null_mut(),
                m.data.cast(),
                NPY_ARRAY_WRITEABLE,
                std::ptr::null_mut(),
            );
            let array = Bound::from_owned_ptr_or_err(py, raw)?;
            if PY_ARRAY_API.PyArray_SetBaseObject(py, raw.cast(), slf.clone().into_any().into_ptr()) != 0 {
                return Err(PyErr::fetch(py));
            }
            Ok(array)
        }
    }
}

/// The `index`-th object of `frame`, or None.
#[pyfunction(name = "fx_frame_get_object")]
fn get_object(frame: &Bound<'_, FxFrameMeta>, index: u32) -> Option<FxObjectMeta> {
    // SAFETY: the frame pointer is valid while the caller keeps the frame.
    let ptr = unsafe { fx_frame_get_object(frame.get().ptr, index) };
    (!ptr.is_null()).then(|| FxObjectMeta { ptr, owner: frame.clone().into_any().unbind() })
}

#[pymodule]
fn pyo3_fixture(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<FxFrameMeta>()?;
    m.add_class::<FxObjectMeta>()?;
    m.add_class::<FxRect>()?;
    m.add_class::<FxMask>()?;
    m.add_class::<ObjIter>()?;
    m.add_function(wrap_pyfunction!(get_object, m)?)
}
