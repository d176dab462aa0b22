//! Event-message allocators: `alloc_nvds_event_msg_meta(user_meta)` (with C
//! copy/release functions installed on the user meta), `alloc_nvds_vehicle_object`,
//! `alloc_nvds_person_object`, `alloc_nvds_face_object`, `alloc_nvds_event`,
//! `alloc_nvds_payload`.
//!
//! Why hand-written: pyds defines them; no header does. The structs are
//! allocated with g_malloc0 and handed to C (the user meta's release frees
//! them), so Python does not own them. Differences from pyds, on purpose:
//! the release function also frees the `NvDsEventMsgMeta` block itself, and
//! copies handle the vehicle, person and face extensions by their real size
//! (pyds trusts `extMsgSize`, which its sample sets to a Python object size).
//! Every block allocated here carries a liveness token that the release
//! function kills when it frees the block, and freed strings leave the
//! memory helpers' registry, so views and addresses of them raise instead of
//! reading freed memory.

use std::collections::HashMap;
use std::ffi::c_char;
use std::sync::Mutex;

use crate::*;

unsafe extern "C" {
    fn g_malloc0(size: usize) -> *mut c_void;
    fn g_free(ptr: *mut c_void);
    fn g_strdup(s: *const c_char) -> *mut c_char;
    fn g_memdup2(mem: *const c_void, size: usize) -> *mut c_void;
}

/// Applies `$op` to every string field of an extension struct.
macro_rules! ext_strings {
    (vehicle, $p:expr, $op:ident) => { $op!($p, type_, make, model, color, region, license) };
    (person, $p:expr, $op:ident) => { $op!($p, gender, hair, cap, apparel) };
    (face, $p:expr, $op:ident) => { $op!($p, gender, hair, cap, glasses, facialhair, name, eyecolor) };
}
macro_rules! dup_strings { ($p:expr, $($f:ident),*) => {{ $( (*$p).$f = dup_string((*$p).$f); )* }} }

/// g_strdup, registered with the memory helpers so `get_string` reads the copy.
unsafe fn dup_string(s: *mut c_char) -> *mut c_char {
    // SAFETY: `s` is NULL or a C string of the event being copied.
    let copy = unsafe { g_strdup(s) };
    if !copy.is_null() {
        // SAFETY: g_strdup returned a NUL-terminated copy.
        let size = unsafe { std::ffi::CStr::from_ptr(copy) }.to_bytes_with_nul().len();
        crate::runtime_features::__BINDERY_RAW_MEMORY.insert_owned(copy as usize, size);
    }
    copy
}
macro_rules! free_strings { ($p:expr, $($f:ident),*) => {{ $( release_block((*$p).$f.cast()); )* }} }

/// Liveness tokens of the blocks `alloc` made, by address: freeing a block
/// kills its token, so Python views of it raise `ReferenceError`.
static TOKENS: Mutex<Option<HashMap<usize, rt::Token>>> = Mutex::new(None);

fn with_tokens<R>(f: impl FnOnce(&mut HashMap<usize, rt::Token>) -> R) -> R {
    let mut guard = TOKENS.lock().unwrap_or_else(|p| p.into_inner());
    f(guard.get_or_insert_with(HashMap::new))
}

/// Frees a block (string, extension or event) the C side is done with: its
/// views die and `get_string`/`free_buffer` no longer accept its address.
pub(crate) unsafe fn release_block(p: *mut c_void) {
    if p.is_null() {
        return;
    }
    if let Some(token) = with_tokens(|t| t.remove(&(p as usize))) {
        token.kill();
    }
    crate::runtime_features::__BINDERY_RAW_MEMORY.forget(p as usize);
    // SAFETY: the caller passes a g_malloc'ed block it owns, once.
    unsafe { g_free(p) };
}

/// Deep copy of the extension message of an event (NULL for unknown kinds).
unsafe fn copy_ext(meta: *const ffi::NvDsEventMsgMeta) -> *mut c_void {
    unsafe {
        let src = (*meta).extMsg;
        if src.is_null() || (*meta).extMsgSize == 0 {
            return std::ptr::null_mut();
        }
        match (*meta).objType {
            ffi::NvDsObjectType_NVDS_OBJECT_TYPE_VEHICLE => {
                let p = g_memdup2(src, size_of::<ffi::NvDsVehicleObject>()).cast::<ffi::NvDsVehicleObject>();
                ext_strings!(vehicle, p, dup_strings);
                p.cast()
            }
            ffi::NvDsObjectType_NVDS_OBJECT_TYPE_PERSON => {
                let p = g_memdup2(src, size_of::<ffi::NvDsPersonObject>()).cast::<ffi::NvDsPersonObject>();
                ext_strings!(person, p, dup_strings);
                p.cast()
            }
            ffi::NvDsObjectType_NVDS_OBJECT_TYPE_FACE => {
                let p = g_memdup2(src, size_of::<ffi::NvDsFaceObject>()).cast::<ffi::NvDsFaceObject>();
                ext_strings!(face, p, dup_strings);
                p.cast()
            }
            _ => std::ptr::null_mut(),
        }
    }
}

/// Frees the extension message of an event and its strings.
unsafe fn free_ext(meta: *mut ffi::NvDsEventMsgMeta) {
    unsafe {
        let ext = (*meta).extMsg;
        if ext.is_null() {
            return;
        }
        match (*meta).objType {
            ffi::NvDsObjectType_NVDS_OBJECT_TYPE_VEHICLE => ext_strings!(vehicle, ext.cast::<ffi::NvDsVehicleObject>(), free_strings),
            ffi::NvDsObjectType_NVDS_OBJECT_TYPE_PERSON => ext_strings!(person, ext.cast::<ffi::NvDsPersonObject>(), free_strings),
            ffi::NvDsObjectType_NVDS_OBJECT_TYPE_FACE => ext_strings!(face, ext.cast::<ffi::NvDsFaceObject>(), free_strings),
            _ => {}
        }
        release_block(ext);
        (*meta).extMsg = std::ptr::null_mut();
        (*meta).extMsgSize = 0;
    }
}

/// `copy_func` of event-message user metas: a deep copy of the payload.
unsafe extern "C" fn event_msg_copy(data: *mut c_void, _user_data: *mut c_void) -> *mut c_void {
    unsafe {
        let user_meta = data.cast::<ffi::NvDsUserMeta>();
        let src = if user_meta.is_null() { std::ptr::null_mut() } else { (*user_meta).user_meta_data.cast::<ffi::NvDsEventMsgMeta>() };
        if src.is_null() {
            return std::ptr::null_mut();
        }
        let dst = g_memdup2(src.cast(), size_of::<ffi::NvDsEventMsgMeta>()).cast::<ffi::NvDsEventMsgMeta>();
        dup_strings!(dst, ts, objectId, sensorStr, otherAttrs, videoPath);
        (*dst).extMsg = copy_ext(src);
        if (*dst).extMsg.is_null() {
            (*dst).extMsgSize = 0;
        }
        dst.cast()
    }
}

/// `release_func` of event-message user metas: frees strings, extension and the block.
unsafe extern "C" fn event_msg_release(data: *mut c_void, _user_data: *mut c_void) {
    unsafe {
        let user_meta = data.cast::<ffi::NvDsUserMeta>();
        if user_meta.is_null() {
            return;
        }
        let meta = (*user_meta).user_meta_data.cast::<ffi::NvDsEventMsgMeta>();
        if meta.is_null() {
            return;
        }
        free_strings!(meta, ts, objectId, sensorStr, otherAttrs, videoPath);
        free_ext(meta);
        release_block(meta.cast());
        (*user_meta).user_meta_data = std::ptr::null_mut();
    }
}

/// g_malloc0 of one `T`, as a view Python does not own; it dies when the
/// release function frees the block.
pub(crate) fn alloc<T>() -> PyResult<View<T>> {
    // SAFETY: g_malloc0 returns zeroed memory of the requested size.
    let p = unsafe { g_malloc0(size_of::<T>()) }.cast::<T>();
    let p = NonNull::new(p).ok_or_else(|| pyo3::exceptions::PyMemoryError::new_err("out of memory"))?;
    let token = rt::Token::new();
    with_tokens(|t| t.insert(p.as_ptr() as usize, token.clone()));
    Ok(View::external(p, token))
}

/// Allocates an `NvDsEventMsgMeta` and installs copy/release functions on
/// `user_meta` that deep-copy and free it (set `user_meta_data` to the result).
#[pyfunction]
#[pyo3(signature = (user_meta, /))]
fn alloc_nvds_event_msg_meta(user_meta: &Bound<'_, NvDsUserMeta>) -> PyResult<NvDsEventMsgMeta> {
    let um = user_meta.get().ptr()?;
    let meta = alloc::<ffi::NvDsEventMsgMeta>()?;
    unsafe {
        (*um).base_meta.copy_func = Some(event_msg_copy);
        (*um).base_meta.release_func = Some(event_msg_release);
    }
    Ok(NvDsEventMsgMeta::wrap(meta))
}

macro_rules! allocators {
    ($($name:ident => $class:ident),* $(,)?) => {
        $(
            #[doc = concat!("Allocates a zeroed `", stringify!($class), "` with g_malloc0 (freed by the C side).")]
            #[pyfunction]
            fn $name() -> PyResult<$class> {
                Ok($class::wrap(alloc::<ffi::$class>()?))
            }
        )*
        fn register_allocators(m: &Bound<'_, PyModule>) -> PyResult<()> {
            $(m.add_function(wrap_pyfunction!($name, m)?)?;)*
            Ok(())
        }
    };
}

allocators! {
    alloc_nvds_vehicle_object => NvDsVehicleObject,
    alloc_nvds_person_object => NvDsPersonObject,
    alloc_nvds_face_object => NvDsFaceObject,
    alloc_nvds_event => NvDsEvent,
    alloc_nvds_payload => NvDsPayload,
}

/// Registers this helper's functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(alloc_nvds_event_msg_meta, m)?)?;
    register_allocators(m)
}
