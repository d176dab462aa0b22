//! `alloc_custom_struct(user_meta)`: pyds's example user payload
//! (`CustomDataStruct`, declared in helpers/custom_data.h) with C copy and
//! release functions installed on the user meta.
//!
//! Why hand-written: a pyds helper, not an SDK function. The payload is
//! g_malloc0'd and owned by the user meta: the copy function duplicates it
//! (and its message), the release function frees both and kills the
//! payload's liveness token (blocks come from `schema.rs`'s allocator), so
//! its Python view raises `ReferenceError` afterwards.

use std::ffi::c_char;

use crate::*;

use crate::__helper_schema::{alloc, release_block};

unsafe extern "C" {
    fn g_strdup(s: *const c_char) -> *mut c_char;
    fn g_memdup2(mem: *const c_void, size: usize) -> *mut c_void;
}

fn payload(data: *mut c_void) -> *mut ffi::CustomDataStruct {
    let user_meta = data.cast::<ffi::NvDsUserMeta>();
    if user_meta.is_null() { std::ptr::null_mut() } else { unsafe { (*user_meta).user_meta_data.cast() } }
}

unsafe extern "C" fn custom_copy(data: *mut c_void, _user_data: *mut c_void) -> *mut c_void {
    let src = payload(data);
    if src.is_null() {
        return std::ptr::null_mut();
    }
    unsafe {
        let dst = g_memdup2(src.cast(), size_of::<ffi::CustomDataStruct>()).cast::<ffi::CustomDataStruct>();
        (*dst).message = g_strdup((*src).message);
        dst.cast()
    }
}

unsafe extern "C" fn custom_release(data: *mut c_void, _user_data: *mut c_void) {
    let p = payload(data);
    if p.is_null() {
        return;
    }
    // SAFETY: the payload and its message are g_malloc'ed blocks this user meta owns.
    unsafe {
        release_block((*p).message.cast());
        release_block(p.cast());
        (*data.cast::<ffi::NvDsUserMeta>()).user_meta_data = std::ptr::null_mut();
    }
}

/// Allocates a `CustomDataStruct` and installs copy/release functions on
/// `meta` that duplicate and free it (set `user_meta_data` to the result).
#[pyfunction]
#[pyo3(signature = (meta, /))]
fn alloc_custom_struct(meta: &Bound<'_, NvDsUserMeta>) -> PyResult<CustomDataStruct> {
    let um = meta.get().ptr()?;
    let view = alloc::<ffi::CustomDataStruct>()?;
    unsafe {
        (*um).base_meta.copy_func = Some(custom_copy);
        (*um).base_meta.release_func = Some(custom_release);
    }
    Ok(CustomDataStruct::wrap(view))
}

/// Registers this helper's functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(alloc_custom_struct, m)?)
}
