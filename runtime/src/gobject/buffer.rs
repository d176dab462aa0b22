//! Liveness of memory a GstBuffer holds (its metas), and the metas of one
//! API type on a buffer (`[struct.NAME] buffer_meta_api`).
//!
//! A buffer's metas are freed when the buffer is finalized *or* when its
//! pool recycles it (the pool removes unpooled metas without finalizing the
//! buffer, so a weak reference on the buffer would miss it). So the token of
//! a writable buffer lives in a small meta of our own (`BinderyLiveness…`)
//! attached to it: GStreamer frees that meta together with the others, and
//! its free function kills the token; every view of the buffer's metas then
//! raises `ReferenceError`. A buffer that is not writable (someone else holds
//! a reference) cannot take a meta; its token instead holds a reference to
//! the buffer, released when the last view goes, so the buffer and its metas
//! outlive every view. Limits: a meta removed on its own
//! (`gst_buffer_remove_meta`) is not noticed, and a view read on one thread
//! while a streaming thread frees the buffer is a race no flag can close.

use std::ffi::{CString, c_int, c_void};
use std::ptr::NonNull;
use std::sync::OnceLock;

use pyo3::prelude::*;

use super::instance::{GTypeRules, instance};
use super::symbols::{self, GType, GstApi, MetaInfo};
use crate::{Token, View};

/// A GstBuffer argument: its PyGObject `Gst.Buffer`, a capsule or its
/// address (`hash(buffer)`, type-checked).
pub const BUFFER: GTypeRules = GTypeRules { type_name: "GstBuffer", nullable: false, ints: true };

/// `GstMeta`: the header of every meta.
#[repr(C)]
struct GstMeta {
    flags: u32,
    info: *const MetaInfo,
}

/// Our meta: the header and a raw token handle ([`Token::into_raw`]).
#[repr(C)]
struct LivenessMeta {
    meta: GstMeta,
    token: *const c_void,
}

/// The registered liveness meta: its API type and info (as addresses).
#[derive(Clone, Copy)]
struct Liveness {
    api: GType,
    info: usize,
}

unsafe extern "C" fn liveness_init(meta: *mut c_void, _params: *mut c_void, _buffer: *mut c_void) -> c_int {
    // SAFETY: GStreamer passes a meta of our registered size.
    unsafe { (*meta.cast::<LivenessMeta>()).token = std::ptr::null() };
    1
}

unsafe extern "C" fn liveness_free(meta: *mut c_void, _buffer: *mut c_void) {
    // SAFETY: a meta of our registered type; its token handle is released once, here.
    unsafe {
        let raw = std::mem::replace(&mut (*meta.cast::<LivenessMeta>()).token, std::ptr::null());
        if !raw.is_null() {
            Token::clone_from_raw(raw).kill();
            Token::release_raw(raw);
        }
    }
}

/// Registers the liveness meta once per copy of this runtime (the name
/// carries this copy's address, so two modules never share a free function).
fn liveness(gst: &GstApi) -> Option<Liveness> {
    static REGISTERED: OnceLock<Option<Liveness>> = OnceLock::new();
    *REGISTERED.get_or_init(|| {
        let id = liveness_free as *const () as usize;
        let api_name = CString::new(format!("BinderyLivenessAPI{id:x}")).ok()?;
        let impl_name = CString::new(format!("BinderyLiveness{id:x}")).ok()?;
        let no_tags: [*const std::ffi::c_char; 1] = [std::ptr::null()];
        // SAFETY: NUL-terminated names and tag list; the sizes and callbacks match `LivenessMeta`.
        unsafe {
            let api = (gst.meta_api_type_register)(api_name.as_ptr(), no_tags.as_ptr());
            let size = std::mem::size_of::<LivenessMeta>();
            let info = (gst.meta_register)(api, impl_name.as_ptr(), size, liveness_init, liveness_free, std::ptr::null());
            (api != 0 && !info.is_null()).then_some(Liveness { api, info: info as usize })
        }
    })
}

/// The token of the memory `buffer` holds. `buffer` must be a live
/// GstBuffer (as [`buffer_arg`] returns).
pub fn buffer_token(buffer: NonNull<c_void>) -> Token {
    let Some(gst) = symbols::gst() else { return Token::new() };
    let buffer = buffer.as_ptr();
    if let Some(live) = liveness(&gst) {
        // SAFETY: a live buffer; our meta type is registered.
        if let Some(token) = unsafe { meta_token(&gst, live, buffer) } {
            return token;
        }
    }
    held_token(&gst, buffer)
}

/// The token stored in the buffer's liveness meta, adding one when the
/// buffer is writable; None when it is not.
unsafe fn meta_token(gst: &GstApi, live: Liveness, buffer: *mut c_void) -> Option<Token> {
    // SAFETY: forwarded from the caller.
    unsafe {
        let mut meta = (gst.buffer_get_meta)(buffer, live.api).cast::<LivenessMeta>();
        if meta.is_null() {
            if (gst.mini_object_is_writable)(buffer) == 0 {
                return None;
            }
            meta = (gst.buffer_add_meta)(buffer, live.info as *const MetaInfo, std::ptr::null_mut()).cast();
        }
        let meta = meta.as_mut()?;
        if meta.token.is_null() {
            meta.token = Token::new().into_raw();
        }
        Some(Token::clone_from_raw(meta.token))
    }
}

/// A token holding a reference to `buffer`, dropped with the token.
fn held_token(gst: &GstApi, buffer: *mut c_void) -> Token {
    let token = Token::new();
    // SAFETY: a live buffer; the reference is dropped exactly once, by the guard.
    let reference = BufferRef { ptr: unsafe { (gst.mini_object_ref)(buffer) } as usize, unref: gst.mini_object_unref };
    Python::attach(|py| {
        if let Ok(guard) = Py::new(py, reference) {
            token.anchor(0, Some(guard.into_any()));
        }
    });
    token
}

/// A reference to a GstBuffer, dropped with this object.
#[pyclass(frozen, module = "bindery_runtime")]
struct BufferRef {
    ptr: usize,
    unref: unsafe extern "C" fn(*mut c_void),
}

impl Drop for BufferRef {
    fn drop(&mut self) {
        // SAFETY: the reference taken in `held_token`, released once.
        unsafe { (self.unref)(self.ptr as *mut c_void) }
    }
}

/// A view of a struct a C function found on (or added to) `buffer`, living
/// as long as the buffer holds it; NULL gives None.
pub fn meta_view<T>(ptr: *mut T, buffer: *mut c_void) -> Option<View<T>> {
    let ptr = NonNull::new(ptr)?;
    let token = NonNull::new(buffer).map_or_else(Token::new, buffer_token);
    Some(View::held(ptr, token))
}

/// A GstBuffer argument (see [`BUFFER`]), never NULL.
pub fn buffer_arg(value: &Bound<'_, PyAny>, what: &str) -> PyResult<NonNull<c_void>> {
    let ptr = instance(value, BUFFER, what)?;
    NonNull::new(ptr).ok_or_else(|| crate::errors::null_address("GstBuffer"))
}

/// The first meta of API type `api()` (bindgen's `GType`, any integer type) on the buffer `value` stands for, with
/// the buffer's token; None when the buffer has none.
pub fn find_meta<G: TryInto<GType>>(
    value: &Bound<'_, PyAny>,
    api: unsafe extern "C" fn() -> G,
    what: &str,
) -> PyResult<Option<(NonNull<c_void>, Token)>> {
    Ok(metas(value, api, what)?.into_iter().next())
}

/// Every meta of API type `api()` on the buffer `value` stands for, in the
/// buffer's order, each with the buffer's token.
pub fn metas<G: TryInto<GType>>(
    value: &Bound<'_, PyAny>,
    api: unsafe extern "C" fn() -> G,
    what: &str,
) -> PyResult<Vec<(NonNull<c_void>, Token)>> {
    let buffer = buffer_arg(value, what)?;
    let Some(gst) = symbols::gst() else { return Ok(vec![]) };
    // SAFETY: the generated code passes the API's `*_api_get_type` function.
    let Ok(api) = unsafe { api() }.try_into() else { return Ok(vec![]) };
    let mut found = vec![];
    let mut state: *mut c_void = std::ptr::null_mut();
    loop {
        // SAFETY: a live buffer (checked above); `state` is GStreamer's iterator state.
        let meta = unsafe { (gst.buffer_iterate_meta_filtered)(buffer.as_ptr(), &mut state, api) };
        let Some(meta) = NonNull::new(meta) else { break };
        found.push(meta);
    }
    if found.is_empty() {
        return Ok(vec![]);
    }
    let token = buffer_token(buffer);
    Ok(found.into_iter().map(|m| (m, token.clone())).collect())
}
