//! The GLib/GObject/GStreamer functions the interop needs, found in the
//! libraries the process has already loaded (`dlopen` with `RTLD_NOLOAD`).
//!
//! The runtime links none of these libraries: a module that never sees a
//! GObject pays nothing, and a module that does finds exactly the copies
//! PyGObject and the module itself use (never a second one). When a library
//! is not loaded, no instance of its types can exist, so callers report a
//! wrong type. This module only resolves symbols; it calls none of them.

use std::ffi::{CStr, c_char, c_int, c_void};
use std::sync::OnceLock;

/// A GType value.
pub type GType = usize;

/// `GstMetaInfo*` and `GstMeta*` stay opaque here.
pub type MetaInfo = c_void;

type MetaInit = unsafe extern "C" fn(*mut c_void, *mut c_void, *mut c_void) -> c_int;
type MetaFree = unsafe extern "C" fn(*mut c_void, *mut c_void);

/// GObject's type system (`libgobject-2.0`).
#[derive(Clone, Copy)]
pub struct GObjectApi {
    pub type_from_name: unsafe extern "C" fn(*const c_char) -> GType,
    pub type_fundamental: unsafe extern "C" fn(GType) -> GType,
    pub type_is_a: unsafe extern "C" fn(GType, GType) -> c_int,
    pub type_children: unsafe extern "C" fn(GType, *mut u32) -> *mut GType,
    pub type_check_instance_is_a: unsafe extern "C" fn(*mut c_void, GType) -> c_int,
    pub free: unsafe extern "C" fn(*mut c_void),
}

/// The GstBuffer and GstMeta part of `libgstreamer-1.0`.
#[derive(Clone, Copy)]
pub struct GstApi {
    pub buffer_get_type: unsafe extern "C" fn() -> GType,
    pub mini_object_ref: unsafe extern "C" fn(*mut c_void) -> *mut c_void,
    pub mini_object_unref: unsafe extern "C" fn(*mut c_void),
    pub mini_object_is_writable: unsafe extern "C" fn(*const c_void) -> c_int,
    pub buffer_get_meta: unsafe extern "C" fn(*mut c_void, GType) -> *mut c_void,
    pub buffer_iterate_meta_filtered: unsafe extern "C" fn(*mut c_void, *mut *mut c_void, GType) -> *mut c_void,
    pub buffer_add_meta: unsafe extern "C" fn(*mut c_void, *const MetaInfo, *mut c_void) -> *mut c_void,
    pub meta_api_type_register: unsafe extern "C" fn(*const c_char, *const *const c_char) -> GType,
    pub meta_register: unsafe extern "C" fn(GType, *const c_char, usize, MetaInit, MetaFree, *const c_void) -> *const MetaInfo,
}

/// GObject's functions, when `libgobject-2.0` is loaded.
pub fn gobject() -> Option<GObjectApi> {
    static API: OnceLock<Option<GObjectApi>> = OnceLock::new();
    // A library loaded later (PyGObject imported after a first failed look-up)
    // is found on a later call: only a success is cached.
    if let Some(api) = API.get() {
        return *api;
    }
    let api = load_gobject()?;
    Some(API.get_or_init(|| Some(api)).unwrap_or(api))
}

/// GStreamer's functions, when `libgstreamer-1.0` is loaded.
pub fn gst() -> Option<GstApi> {
    static API: OnceLock<Option<GstApi>> = OnceLock::new();
    if let Some(api) = API.get() {
        return *api;
    }
    let api = load_gst()?;
    Some(API.get_or_init(|| Some(api)).unwrap_or(api))
}

// Each transmute's target type is the struct field it initialises.
#[allow(clippy::missing_transmute_annotations)]
fn load_gobject() -> Option<GObjectApi> {
    let lib = loaded(c"libgobject-2.0.so.0")?;
    // SAFETY: each symbol has the C signature of the field it is stored in
    // (GObject's public API, stable since GLib 2.0).
    unsafe {
        Some(GObjectApi {
            type_from_name: std::mem::transmute::<*mut c_void, _>(symbol(lib, c"g_type_from_name")?),
            type_fundamental: std::mem::transmute::<*mut c_void, _>(symbol(lib, c"g_type_fundamental")?),
            type_is_a: std::mem::transmute::<*mut c_void, _>(symbol(lib, c"g_type_is_a")?),
            type_children: std::mem::transmute::<*mut c_void, _>(symbol(lib, c"g_type_children")?),
            type_check_instance_is_a: std::mem::transmute::<*mut c_void, _>(symbol(lib, c"g_type_check_instance_is_a")?),
            free: std::mem::transmute::<*mut c_void, _>(symbol(lib, c"g_free")?),
        })
    }
}

// Each transmute's target type is the struct field it initialises.
#[allow(clippy::missing_transmute_annotations)]
fn load_gst() -> Option<GstApi> {
    let lib = loaded(c"libgstreamer-1.0.so.0")?;
    // SAFETY: each symbol has the C signature of the field it is stored in
    // (GStreamer 1.x public API).
    unsafe {
        Some(GstApi {
            buffer_get_type: std::mem::transmute::<*mut c_void, _>(symbol(lib, c"gst_buffer_get_type")?),
            mini_object_ref: std::mem::transmute::<*mut c_void, _>(symbol(lib, c"gst_mini_object_ref")?),
            mini_object_unref: std::mem::transmute::<*mut c_void, _>(symbol(lib, c"gst_mini_object_unref")?),
            mini_object_is_writable: std::mem::transmute::<*mut c_void, _>(symbol(lib, c"gst_mini_object_is_writable")?),
            buffer_get_meta: std::mem::transmute::<*mut c_void, _>(symbol(lib, c"gst_buffer_get_meta")?),
            buffer_iterate_meta_filtered: std::mem::transmute::<*mut c_void, _>(symbol(lib, c"gst_buffer_iterate_meta_filtered")?),
            buffer_add_meta: std::mem::transmute::<*mut c_void, _>(symbol(lib, c"gst_buffer_add_meta")?),
            meta_api_type_register: std::mem::transmute::<*mut c_void, _>(symbol(lib, c"gst_meta_api_type_register")?),
            meta_register: std::mem::transmute::<*mut c_void, _>(symbol(lib, c"gst_meta_register")?),
        })
    }
}

/// A handle to `name` when the process has already loaded it.
pub(crate) fn loaded(name: &CStr) -> Option<*mut c_void> {
    // SAFETY: RTLD_NOLOAD never loads anything; it only returns a handle to
    // an object already mapped (raising its reference count, never dropped:
    // the library then stays loaded, as it would anyway).
    let handle = unsafe { libc::dlopen(name.as_ptr(), libc::RTLD_NOLOAD | libc::RTLD_LAZY) };
    (!handle.is_null()).then_some(handle)
}

/// The address of `name` in `lib`, when it exports it.
pub(crate) fn symbol(lib: *mut c_void, name: &CStr) -> Option<*mut c_void> {
    // SAFETY: `lib` is a live handle from `dlopen`; `name` is NUL-terminated.
    let ptr = unsafe { libc::dlsym(lib, name.as_ptr()) };
    (!ptr.is_null()).then_some(ptr)
}

/// A GType by name (`"GstBuffer"`), when it is registered: a type nobody
/// registered has no instances.
pub fn type_named(api: &GObjectApi, name: &str) -> Option<GType> {
    let name = std::ffi::CString::new(name).ok()?;
    // SAFETY: `name` is a NUL-terminated string; the call only looks it up.
    let ty = unsafe { (api.type_from_name)(name.as_ptr()) };
    (ty != 0).then_some(ty)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unloaded_library_gives_none() {
        assert!(loaded(c"libbindery-does-not-exist.so.0").is_none());
    }

    #[test]
    fn loaded_library_resolves_symbols() {
        // libc is always loaded in a test binary.
        let lib = loaded(c"libc.so.6").expect("libc is loaded");
        assert!(symbol(lib, c"malloc").is_some());
        assert!(symbol(lib, c"bindery_no_such_symbol").is_none());
    }
}
