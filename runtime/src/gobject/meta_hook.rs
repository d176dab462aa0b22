//! The payload of a GstMeta, with a liveness token that dies when GStreamer
//! frees that meta (`[gst.meta_payload.FUNCTION]`).
//!
//! Some libraries attach their data to a GstBuffer inside a GstMeta of their
//! own (a "carrier" struct embedding `GstMeta`, holding a payload pointer and
//! a release function that GStreamer's free function calls). A view of the
//! payload must die with the meta, which is freed when the buffer is
//! finalized *or* when a buffer pool recycles it (pool reset drops
//! non-pooled metas without finalizing the buffer, which a weak reference on
//! the buffer would miss). So the carrier's release function is chained:
//! ours kills the payload's token, then calls the original. Copies of a
//! hooked meta (GStreamer copies the release-function field with the rest)
//! call our hook with a payload it never saw; it calls the first original it
//! replaced for that carrier type. This module frees nothing itself.
//!
//! The carrier's layout comes from the generated code ([`Carrier`]).

use std::collections::HashMap;
use std::ffi::c_void;
use std::ptr::NonNull;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::symbols::{self, GType};
use crate::Token;

/// A carrier's release function: `(payload, user_data)`.
pub type Release = unsafe extern "C" fn(*mut c_void, *mut c_void);

/// A hooked payload: the release function we replaced and the token it kills.
struct Hooked {
    original: Option<Release>,
    token: Token,
}

/// The hooked payloads of one carrier type (a `static` of the generated code).
pub struct Hooks {
    hooked: Mutex<Option<HashMap<usize, Hooked>>>,
    /// The first release function replaced (0: none yet), for copies.
    fallback: AtomicUsize,
}

impl Hooks {
    /// An empty table (usable in a `static`).
    pub const fn new() -> Self {
        Hooks { hooked: Mutex::new(None), fallback: AtomicUsize::new(0) }
    }

    fn with<R>(&self, f: impl FnOnce(&mut HashMap<usize, Hooked>) -> R) -> R {
        let mut guard = self.hooked.lock().unwrap_or_else(|p| p.into_inner());
        f(guard.get_or_insert_with(HashMap::new))
    }

    fn fallback(&self) -> Option<Release> {
        let raw = self.fallback.load(Ordering::Acquire);
        // SAFETY: only ever stores a `Release` function pointer (or 0).
        (raw != 0).then(|| unsafe { std::mem::transmute::<usize, Release>(raw) })
    }
}

impl Default for Hooks {
    fn default() -> Self {
        Self::new()
    }
}

/// A struct embedding a `GstMeta` that carries a payload pointer and a
/// release function; implemented by the generated code for the spec's
/// `carrier` with its `payload` and `release` fields.
pub trait Carrier: 'static {
    /// The table of this carrier type's hooked payloads.
    fn hooks() -> &'static Hooks;
    /// The payload pointer of a carrier.
    ///
    /// # Safety
    /// `meta` points to a live carrier.
    unsafe fn payload(meta: *mut Self) -> *mut c_void;
    /// The carrier's release-function field.
    ///
    /// # Safety
    /// `meta` points to a live carrier.
    unsafe fn release_slot(meta: *mut Self) -> *mut Option<Release>;
}

/// Our release function for carriers of type `C`: kills the payload's token,
/// then runs the release function it replaced.
unsafe extern "C" fn release_hook<C: Carrier>(payload: *mut c_void, user_data: *mut c_void) {
    let hooks = C::hooks();
    let original = match hooks.with(|m| m.remove(&(payload as usize))) {
        Some(h) => {
            h.token.kill();
            h.original
        }
        None => hooks.fallback(),
    };
    if let Some(release) = original {
        // SAFETY: the release function GStreamer would have called.
        unsafe { release(payload, user_data) };
    }
}

/// The carrier of API type `api` on `buffer` whose payload is `payload`.
///
/// # Safety
/// `buffer` is a live GstBuffer; metas of API `api` are `C`s.
unsafe fn carrier_of<C: Carrier>(buffer: NonNull<c_void>, api: GType, payload: *mut c_void) -> Option<*mut C> {
    let gst = symbols::gst()?;
    let mut state: *mut c_void = std::ptr::null_mut();
    loop {
        // SAFETY: a live buffer (caller); `state` is GStreamer's iterator state.
        let meta = unsafe { (gst.buffer_iterate_meta_filtered)(buffer.as_ptr(), &mut state, api) }.cast::<C>();
        if meta.is_null() {
            return None;
        }
        // SAFETY: a live meta of API `api`, hence a `C` (caller).
        if unsafe { C::payload(meta) } == payload {
            return Some(meta);
        }
    }
}

/// The token of `payload`, held by a carrier meta of API `api()` on
/// `buffer`: it dies when GStreamer frees that meta. The release hook is
/// installed on first use; a payload no carrier on the buffer holds gets a
/// fresh token (nothing to hook).
///
/// # Safety
/// `buffer` is a live GstBuffer (checked by the caller) held for the call;
/// metas of API `api()` on it are `C`s.
pub unsafe fn payload_token<C: Carrier, G: TryInto<GType>>(
    buffer: NonNull<c_void>,
    api: unsafe extern "C" fn() -> G,
    payload: NonNull<c_void>,
) -> Token {
    // SAFETY: the generated code passes the API's `*_api_get_type` function.
    let Ok(api) = unsafe { api() }.try_into() else { return Token::new() };
    let payload = payload.as_ptr();
    // SAFETY: forwarded from the caller.
    let Some(meta) = (unsafe { carrier_of::<C>(buffer, api, payload) }) else { return Token::new() };
    let hooks = C::hooks();
    hooks.with(|hooked| {
        if let Some(h) = hooked.get(&(payload as usize)) {
            return h.token.clone();
        }
        // SAFETY: the meta is alive while the caller holds the buffer.
        let slot = unsafe { &mut *C::release_slot(meta) };
        let ours: Release = release_hook::<C>;
        let original = match *slot {
            Some(f) if std::ptr::fn_addr_eq(f, ours) => hooks.fallback(),
            other => other,
        };
        if let Some(f) = original {
            let _ = hooks.fallback.compare_exchange(0, f as *const () as usize, Ordering::AcqRel, Ordering::Acquire);
        }
        *slot = Some(ours);
        let token = Token::new();
        hooked.insert(payload as usize, Hooked { original, token: token.clone() });
        token
    })
}

/// Implements [`Carrier`] for the generated `ffi` struct `$carrier`, with
/// its table of hooked payloads in a new static `$hooks`:
/// `meta_carrier!(ffi::Carrier, HOOKS, payload = field, release = field)`.
#[macro_export]
macro_rules! meta_carrier {
    ($carrier:ty, $hooks:ident, payload = $payload:ident, release = $release:ident) => {
        /// Hooked payloads of this carrier type.
        static $hooks: $crate::gobject::meta_hook::Hooks = $crate::gobject::meta_hook::Hooks::new();

        impl $crate::gobject::meta_hook::Carrier for $carrier {
            fn hooks() -> &'static $crate::gobject::meta_hook::Hooks {
                &$hooks
            }

            unsafe fn payload(meta: *mut Self) -> *mut std::ffi::c_void {
                // SAFETY: a live carrier (the trait's contract); the field is named by the spec.
                unsafe { (*meta).$payload }.cast()
            }

            unsafe fn release_slot(meta: *mut Self) -> *mut Option<$crate::gobject::meta_hook::Release> {
                // SAFETY: a live carrier (the trait's contract); the field is named by the spec.
                unsafe { &raw mut (*meta).$release }
            }
        }
    };
}

/// The payload a getter finds on GstBuffer `$buffer` (a `NonNull`), as a
/// view that dies with its carrier meta; `None` when there is none:
/// `meta_payload!(buffer, ffi::getter, ffi::Carrier, ffi::api_get_type)`.
#[macro_export]
macro_rules! meta_payload {
    ($buffer:expr, $($get:ident)::+, $carrier:ty, $($api:ident)::+) => {{
        let buffer: std::ptr::NonNull<std::ffi::c_void> = $buffer;
        // SAFETY: `buffer` is a type-checked, live GstBuffer the caller holds
        // (`rt::gobject::instance`); the getter only looks its metas up.
        let payload = unsafe { $($get)::+(buffer.as_ptr().cast()) };
        std::ptr::NonNull::new(payload).map(|ptr| {
            // SAFETY: the same buffer; metas of this API type are `$carrier`s (the spec says so).
            let token = unsafe { $crate::gobject::meta_hook::payload_token::<$carrier, _>(buffer, $($api)::+, ptr.cast()) };
            $crate::view::View::held(ptr, token)
        })
    }};
}

#[cfg(test)]
mod tests {
    use pyo3::Python;

    use super::*;

    /// A carrier laid out by hand (no GStreamer needed to test the hook).
    #[repr(C)]
    struct TestCarrier {
        payload: *mut c_void,
        release: Option<Release>,
    }

    static TEST_HOOKS: Hooks = Hooks::new();
    static RELEASED: AtomicUsize = AtomicUsize::new(0);

    impl Carrier for TestCarrier {
        fn hooks() -> &'static Hooks {
            &TEST_HOOKS
        }
        unsafe fn payload(meta: *mut Self) -> *mut c_void {
            // SAFETY: a live carrier (caller).
            unsafe { (*meta).payload }
        }
        unsafe fn release_slot(meta: *mut Self) -> *mut Option<Release> {
            // SAFETY: a live carrier (caller).
            unsafe { &raw mut (*meta).release }
        }
    }

    unsafe extern "C" fn count_release(_payload: *mut c_void, _user: *mut c_void) {
        RELEASED.fetch_add(1, Ordering::SeqCst);
    }

    #[test]
    fn hook_kills_the_token_then_chains_and_copies_use_the_fallback() {
        Python::initialize();
        let mut data = 0u8;
        let mut carrier = TestCarrier { payload: (&raw mut data).cast(), release: Some(count_release) };
        let token = Token::new();
        TEST_HOOKS.with(|m| m.insert(carrier.payload as usize, Hooked { original: carrier.release, token: token.clone() }));
        let _ = TEST_HOOKS.fallback.compare_exchange(0, count_release as *const () as usize, Ordering::AcqRel, Ordering::Acquire);
        carrier.release = Some(release_hook::<TestCarrier>);
        // SAFETY: the hook with a payload it hooked, then with a copy's payload.
        unsafe {
            release_hook::<TestCarrier>(carrier.payload, std::ptr::null_mut());
            assert!(!token.is_alive());
            assert_eq!(RELEASED.load(Ordering::SeqCst), 1);
            release_hook::<TestCarrier>(std::ptr::null_mut(), std::ptr::null_mut());
        }
        assert_eq!(RELEASED.load(Ordering::SeqCst), 2, "a copy's release goes to the original");
    }
}
