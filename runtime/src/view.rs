//! Views: a typed pointer into C memory plus what keeps that memory valid.
//!
//! Every generated class wraps one [`View`]. Three provenances exist
//! (DESIGN §2): *owned* (allocated for Python, freed once when the owning
//! Python object dies or an explicit free function consumes it), *borrowed*
//! (a field or list element of another view: shares its token and keeps its
//! owner alive) and *external* (memory owned by C; the token is killed by the
//! owner's release hook, or never dies for bare addresses). This module does
//! not know field types; generated getters call [`View::ptr`] and read.
//!
//! Independently of who frees it, every view records its [`Origin`]: zeroed by
//! our allocator for a Python constructor, made by C as a standalone object,
//! or memory inside something else. Functions that free, pool or store their
//! arguments check it (see [`View::for_transfer`]) so that a zeroed Python
//! struct never reaches a C destroy function and memory another owner holds
//! (a field, a list element, a GstBuffer's batch) is never destroyed on its own.

use std::ffi::c_void;
use std::ptr::NonNull;
use std::sync::atomic::{AtomicU8, Ordering};

use pyo3::prelude::*;
use pyo3::{Py, PyAny, PyResult};

use crate::errors;
use crate::token::Token;

/// How owned memory is allocated and freed (the spec names it per target).
#[derive(Clone, Copy, Debug)]
pub struct Allocator {
    /// Allocates zeroed memory of the given size, or returns NULL.
    pub alloc_zeroed: unsafe extern "C" fn(usize) -> *mut c_void,
    /// Frees memory returned by `alloc_zeroed`.
    pub free: unsafe extern "C" fn(*mut c_void),
}

unsafe extern "C" fn libc_alloc_zeroed(size: usize) -> *mut c_void {
    unsafe { calloc(1, size.max(1)) }
}

unsafe extern "C" {
    fn calloc(count: usize, size: usize) -> *mut c_void;
    fn free(ptr: *mut c_void);
}

// GLib's allocator, linked by the generated crates that use it (their
// `[c]` settings link GLib); this crate itself does not link GLib, and a
// crate that never names `Allocator::GLIB` never references these symbols.
// `gsize` is `unsigned long`, the same width as `usize` on the LP64 targets
// we build for.
unsafe extern "C" {
    fn g_malloc0(size: usize) -> *mut c_void;
    fn g_free(ptr: *mut c_void);
}

impl Allocator {
    /// The C library's `calloc`/`free`.
    pub const LIBC: Allocator = Allocator { alloc_zeroed: libc_alloc_zeroed, free };
    /// GLib's `g_malloc0`/`g_free` (the crate using it must link GLib).
    pub const GLIB: Allocator = Allocator { alloc_zeroed: g_malloc0, free: g_free };
}

/// The value stored in a pointer field: an address and, when Python owns the
/// memory there, the Python object that must outlive the field.
#[derive(Debug)]
pub struct Target<T> {
    /// The address stored.
    pub ptr: *mut T,
    /// The Python owner of the memory (None for C memory and raw addresses).
    pub owner: Option<Py<PyAny>>,
}

impl<T> Target<T> {
    /// A raw address nothing in Python owns (a capsule, an opted-in `int`); NULL gives None.
    pub fn address(ptr: *mut T) -> Option<Self> {
        (!ptr.is_null()).then_some(Target { ptr, owner: None })
    }

    /// The same target as an untyped pointer (for `void*` fields).
    pub fn erase(self) -> Target<c_void> {
        Target { ptr: self.ptr.cast(), owner: self.owner }
    }
}

/// Where the memory behind a view was made (decides which C functions may take it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Origin {
    /// Zeroed by our allocator for a Python constructor (`Class()`): no C
    /// invariants were ever established on it.
    Python = 0,
    /// Made by C and handed to Python as a whole object (a creator function's
    /// result, an address given to `cast`): C's free/destroy functions may take it.
    C = 1,
    /// Memory inside, or owned by, something else (a field, a list element, a
    /// result derived from an argument, metadata attached to a GstBuffer):
    /// it may go back to its container's pool but never be destroyed on its own.
    Within = 2,
}

/// What a C function does with a view argument, for [`View::for_transfer`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handover {
    /// The function frees the memory (`consumes`, free/destroy functions).
    Consume,
    /// The function returns the memory to a C pool (`invalidates`).
    Invalidate,
    /// The function stores the memory in a C container (`transfers`).
    Store,
    /// The function stores the memory in a C container that will free it
    /// (`transfers` of a struct Python can own): only memory this view
    /// owns may go, so an object is never in two containers.
    Give,
}

/// A typed pointer into C memory with its liveness token and keep-alive.
#[derive(Debug)]
pub struct View<T> {
    ptr: NonNull<T>,
    token: Token,
    keep: Option<Py<PyAny>>,
    free: Option<unsafe fn(*mut T)>,
    origin: OriginCell,
}

/// An [`Origin`] that can change once C takes the memory over (`mark_held`).
#[derive(Debug)]
struct OriginCell(AtomicU8);

impl OriginCell {
    fn new(origin: Origin) -> Self {
        OriginCell(AtomicU8::new(origin as u8))
    }

    fn get(&self) -> Origin {
        match self.0.load(Ordering::Acquire) {
            0 => Origin::Python,
            1 => Origin::C,
            _ => Origin::Within,
        }
    }
}

// SAFETY: a View is only dereferenced while holding the GIL (every generated
// accessor takes `Python` or `&self` of a pyclass), and the token's checks are
// atomic. The pointer itself is plain data.
unsafe impl<T> Send for View<T> {}
unsafe impl<T> Sync for View<T> {}

impl<T> View<T> {
    /// A view of memory our allocator zeroed for a Python constructor:
    /// `free` runs exactly once, when this view is dropped or when ownership
    /// is taken with [`View::take_ownership`]. Its origin is [`Origin::Python`].
    pub fn owned(ptr: NonNull<T>, free: unsafe fn(*mut T)) -> Self {
        View { ptr, token: Token::new_owned(), keep: None, free: Some(free), origin: OriginCell::new(Origin::Python) }
    }

    /// A view of memory a C function made and handed to Python to own
    /// (`returns = "owned"`): freed with `free` like [`View::owned`], but C-made.
    pub fn c_owned(ptr: NonNull<T>, free: unsafe fn(*mut T)) -> Self {
        View { ptr, token: Token::new_owned(), keep: None, free: Some(free), origin: OriginCell::new(Origin::C) }
    }

    /// A view of memory owned by C, valid while `token` lives (origin [`Origin::C`]).
    pub fn external(ptr: NonNull<T>, token: Token) -> Self {
        View { ptr, token, keep: None, free: None, origin: OriginCell::new(Origin::C) }
    }

    /// A view of C memory that another owner holds (e.g. a GstBuffer's batch
    /// metadata), valid while `token` lives (origin [`Origin::Within`]).
    pub fn held(ptr: NonNull<T>, token: Token) -> Self {
        View { ptr, token, keep: None, free: None, origin: OriginCell::new(Origin::Within) }
    }

    /// A view of memory another view already tracks, found again by its
    /// address (`cast`): shares that memory's `token` and `origin`, owns nothing.
    pub fn known(ptr: NonNull<T>, token: Token, origin: Origin) -> Self {
        View { ptr, token, keep: None, free: None, origin: OriginCell::new(origin) }
    }

    /// A view of an untracked address (e.g. from `cast`): never invalidated.
    pub fn untracked(ptr: NonNull<T>) -> Self {
        Self::external(ptr, Token::immortal())
    }

    /// A view of memory inside (or reachable from) a parent view: shares the
    /// parent's token and keeps `owner` (the parent's owning Python object) alive.
    #[inline]
    pub fn borrowed(ptr: NonNull<T>, token: Token, owner: Option<Py<PyAny>>) -> Self {
        View { ptr, token, keep: owner, free: None, origin: OriginCell::new(Origin::Within) }
    }

    /// A view of memory reachable from this one (a field, a list element, a
    /// pointer target): shares this view's token and keeps the owning Python
    /// object alive (`this` is this view's Python object). NULL gives None.
    #[inline]
    pub fn derive<U>(&self, this: &Bound<'_, PyAny>, ptr: *mut U) -> Option<View<U>> {
        let ptr = NonNull::new(ptr)?;
        Some(View::borrowed(ptr, self.token.clone(), self.python_owner(this)))
    }

    /// The Python object that owns this view's memory: `this` (this view's
    /// own object) when it owns it, the root it borrows from when that root
    /// is Python-owned, None for memory C owns.
    #[inline]
    pub fn python_owner(&self, this: &Bound<'_, PyAny>) -> Option<Py<PyAny>> {
        match &self.keep {
            Some(k) => Some(k.clone_ref(this.py())),
            None if self.is_owner() => Some(this.clone().unbind()),
            None => None,
        }
    }

    /// This view as the value of a pointer field: its (live) address and
    /// the Python object owning its memory, if Python owns it.
    pub fn target(&self, this: &Bound<'_, PyAny>, type_name: &str) -> PyResult<Target<T>> {
        Ok(Target { ptr: self.ptr(type_name)?, owner: self.python_owner(this) })
    }

    /// Stores `target` (None for NULL) in the pointer field at `slot` inside
    /// this view's memory. A target whose memory Python owns is anchored on
    /// this view's token so it lives as long as this memory; memory that
    /// nothing tracks (an untracked `cast`) cannot hold such a target
    /// (`ValueError`). C-made targets are stored as they are.
    ///
    /// # Safety
    /// `slot` must be the address of a pointer field inside this view's
    /// memory (it is written once the view is known to be alive).
    pub unsafe fn set_pointer<U>(&self, this: &Bound<'_, PyAny>, slot: *mut *mut U, target: Option<Target<U>>, what: &str) -> PyResult<()> {
        let (ptr, anchor) = match target {
            Some(t) => (t.ptr, t.owner),
            None => (std::ptr::null_mut(), None),
        };
        let own = self.python_owner(this);
        let anchor = anchor.filter(|a| own.as_ref().is_none_or(|o| !o.is(a)));
        if anchor.is_some() && self.token.is_immortal() {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "{what}: cannot point untracked memory at a Python-owned object (it would dangle once that object dies); \
                 use memory made by the C library, or a tracked view of this struct"
            )));
        }
        self.token.anchor(slot as usize, anchor);
        // SAFETY: the caller passes the address of a pointer field inside this
        // view's live memory.
        unsafe { *slot = ptr };
        Ok(())
    }

    /// Like [`View::derive`], for a pointer known to be non-NULL (a field address).
    #[inline]
    pub fn field<U>(&self, this: &Bound<'_, PyAny>, ptr: *mut U) -> PyResult<View<U>> {
        self.derive(this, ptr).ok_or_else(|| errors::null_address("field"))
    }

    /// Moves ownership into a C container: this memory now lives and dies with
    /// `container` (whose Python owner is kept alive). No-op when Python did not own it.
    pub fn adopt_into<C>(&self, container: &View<C>, container_obj: &Bound<'_, PyAny>) {
        if self.free.is_some() && self.token.take_ownership() {
            self.token.follow(&container.token, container.python_owner(container_obj));
        }
    }

    /// The pointer, or `ReferenceError` when the memory is gone.
    #[inline]
    pub fn ptr(&self, type_name: &str) -> PyResult<*mut T> {
        if self.token.is_alive() { Ok(self.ptr.as_ptr()) } else { Err(errors::dead_view(type_name)) }
    }

    /// The pointer while the memory is alive, None once it is gone: for
    /// callers that raise their own error from a cold path (the raw field
    /// descriptors of [`crate::getset`]).
    #[inline(always)]
    pub fn live_ptr(&self) -> Option<*mut T> {
        self.token.is_alive().then_some(self.ptr.as_ptr())
    }

    /// A borrowed view of the same address under another token and keep-alive
    /// (e.g. a list node standing for its elements, which live by the struct's token).
    pub fn with_token(&self, token: Token, keep: Option<Py<PyAny>>) -> View<T> {
        View::borrowed(self.ptr, token, keep)
    }

    /// The address as the `int` a script sees (`view.address`), recorded in
    /// [`crate::address_book`] so that `class.cast(int)` finds this view's
    /// liveness again.
    pub fn published_address(&self, class: &'static str) -> usize {
        let addr = self.address();
        crate::address_book::record(addr, class, &self.token, self.origin());
        addr
    }

    /// The raw address, whether or not the memory is alive.
    pub fn address(&self) -> usize {
        self.ptr.as_ptr() as usize
    }

    /// The liveness token shared with derived views.
    pub fn token(&self) -> &Token {
        &self.token
    }

    /// The Python object that owns the memory (None for external memory).
    pub fn keep(&self) -> Option<&Py<PyAny>> {
        self.keep.as_ref()
    }

    /// Whether this view owns its memory and still must free it.
    #[inline]
    pub fn is_owner(&self) -> bool {
        self.free.is_some() && self.token.is_owned()
    }

    /// Where the memory was made.
    pub fn origin(&self) -> Origin {
        self.origin.get()
    }

    /// Records that something else now holds this memory (e.g. a batch
    /// attached to a GstBuffer): from now on it cannot be consumed.
    pub fn mark_held(&self) {
        self.origin.0.store(Origin::Within as u8, Ordering::Release);
    }

    /// The pointer for a C function that frees, pools or stores this memory,
    /// after checking that the memory may go there (`ValueError` otherwise,
    /// `ReferenceError` when it is gone). Python-constructed memory is refused
    /// unless `python_made` allows it; memory held by something else cannot be
    /// consumed, and an object already handed to a container cannot be
    /// stored again; [`Handover::Give`] takes only memory this view owns. A
    /// consumed or pooled view that Python owned stops owning it (C frees it
    /// now); a stored one is handed over by [`View::adopt_into`].
    pub fn for_transfer(&self, what: &str, handover: Handover, python_made: bool) -> PyResult<*mut T> {
        let ptr = self.ptr(what)?;
        let origin = self.origin();
        let handed_over = self.free.is_some() && !self.token.is_owned();
        let held = origin == Origin::Within || handed_over;
        match (origin, handover) {
            (Origin::Python, _) if !python_made => return Err(errors::python_made(what)),
            (_, Handover::Consume) if held => return Err(errors::held_elsewhere(what)),
            (_, Handover::Store) if handed_over => return Err(errors::already_stored(what)),
            (_, Handover::Give) if !self.is_owner() => return Err(errors::not_owned(what)),
            _ => {}
        }
        let moves_now = matches!(handover, Handover::Consume | Handover::Invalidate);
        if moves_now && self.free.is_some() && !self.token.take_ownership() {
            return Err(errors::held_elsewhere(what));
        }
        Ok(ptr)
    }

    /// The pointer for a parameter that accepts only memory C made
    /// (`c_made`): `ValueError` for a struct constructed in Python (C would
    /// hand it to a pool it never came from), `ReferenceError` when gone.
    pub fn c_made_ptr(&self, what: &str) -> PyResult<*mut T> {
        let ptr = self.ptr(what)?;
        if self.origin() == Origin::Python {
            return Err(errors::python_made(what));
        }
        Ok(ptr)
    }

    /// Takes the memory out of Python's hands (it will not be freed on drop):
    /// for functions that consume or adopt it. `ReferenceError` when the memory
    /// is gone, `ValueError` when Python does not own it.
    pub fn take_ownership(&self, type_name: &str) -> PyResult<*mut T> {
        let ptr = self.ptr(type_name)?;
        if self.free.is_none() || !self.token.take_ownership() {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "{type_name}: this object is not owned by Python, so it cannot be freed or handed over"
            )));
        }
        Ok(ptr)
    }
}

impl<T> Drop for View<T> {
    fn drop(&mut self) {
        if let Some(free) = self.free {
            if self.token.take_ownership() {
                self.token.kill();
                // SAFETY: Python owned the memory and this is the single release.
                unsafe { free(self.ptr.as_ptr()) };
            }
        }
    }
}

/// Allocates one zeroed `T` with `allocator`, or raises `MemoryError`.
pub fn alloc_zeroed<T>(allocator: Allocator) -> PyResult<NonNull<T>> {
    // SAFETY: the allocator returns zeroed memory of the requested size or NULL.
    let raw = unsafe { (allocator.alloc_zeroed)(std::mem::size_of::<T>()) };
    NonNull::new(raw.cast::<T>()).ok_or_else(|| pyo3::exceptions::PyMemoryError::new_err("out of memory"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    static FREED: AtomicUsize = AtomicUsize::new(0);

    unsafe fn count_free(ptr: *mut u64) {
        FREED.fetch_add(1, Ordering::SeqCst);
        unsafe { drop(Box::from_raw(ptr)) };
    }

    fn boxed() -> NonNull<u64> {
        NonNull::new(Box::into_raw(Box::new(7u64))).unwrap()
    }

    #[test]
    fn owned_view_frees_exactly_once_and_kills_token() {
        let before = FREED.load(Ordering::SeqCst);
        let view = View::owned(boxed(), count_free);
        let child_token = view.token().clone();
        drop(view);
        assert_eq!(FREED.load(Ordering::SeqCst), before + 1);
        assert!(!child_token.is_alive());
    }

    #[test]
    fn taken_ownership_is_not_freed_on_drop() {
        let view = View::owned(boxed(), count_free);
        let ptr = view.take_ownership("T").unwrap();
        assert!(view.take_ownership("T").is_err(), "second take must fail");
        drop(view);
        unsafe { drop(Box::from_raw(ptr)) };
    }

    #[test]
    fn dead_token_makes_ptr_fail() {
        let token = Token::new();
        let mut value = 5u64;
        let view = View::external(NonNull::from(&mut value), token.clone());
        assert!(view.ptr("T").is_ok());
        token.kill();
        pyo3::Python::initialize();
        assert!(view.ptr("T").is_err());
    }

    #[test]
    fn origin_decides_what_may_be_handed_over() {
        pyo3::Python::initialize();
        let python = View::owned(boxed(), count_free);
        assert_eq!(python.origin(), Origin::Python);
        assert!(python.for_transfer("T", Handover::Store, false).is_err(), "zeroed struct refused");
        assert!(python.for_transfer("T", Handover::Store, true).is_ok(), "unless the spec allows it");
        let made = View::c_owned(boxed(), count_free);
        let ptr = made.for_transfer("T", Handover::Consume, false).unwrap();
        assert!(!made.is_owner(), "C frees a consumed object, not the view");
        unsafe { count_free(ptr) };
        let mut value = 3u64;
        let held = View::held(NonNull::from(&mut value), Token::new());
        assert!(held.for_transfer("T", Handover::Consume, false).is_err(), "held memory is not destroyed alone");
        assert!(held.for_transfer("T", Handover::Invalidate, false).is_ok(), "but may go back to its pool");
        let external = View::external(NonNull::from(&mut value), Token::new());
        assert!(external.for_transfer("T", Handover::Consume, false).is_ok());
        external.mark_held();
        assert!(external.for_transfer("T", Handover::Consume, false).is_err(), "attached to a new owner");
    }

    #[test]
    fn give_takes_only_what_python_owns_and_store_happens_once() {
        pyo3::Python::initialize();
        pyo3::Python::attach(|py| {
            let container = View::c_owned(boxed(), count_free);
            let obj = py.None().into_bound(py);
            let item = View::c_owned(boxed(), count_free);
            assert!(item.for_transfer("T", Handover::Give, false).is_ok());
            item.adopt_into(&container, &obj);
            assert!(item.for_transfer("T", Handover::Give, false).is_err(), "already given");
            assert!(item.for_transfer("T", Handover::Store, false).is_err(), "already stored");
            let borrowed = container.derive(&obj, container.ptr("T").unwrap()).unwrap();
            assert!(borrowed.for_transfer("T", Handover::Give, false).is_err(), "not Python's to give");
            assert!(borrowed.for_transfer("T", Handover::Store, false).is_ok(), "pool-style storing stays");
        });
    }

    #[test]
    fn c_made_refuses_python_made_memory_only() {
        pyo3::Python::initialize();
        let python = View::owned(boxed(), count_free);
        assert!(python.c_made_ptr("T").is_err());
        let made = View::c_owned(boxed(), count_free);
        assert!(made.c_made_ptr("T").is_ok());
        assert!(made.is_owner(), "nothing changes hands");
    }

    #[test]
    fn adopted_object_cannot_be_consumed() {
        pyo3::Python::initialize();
        pyo3::Python::attach(|py| {
            let container = View::c_owned(boxed(), count_free);
            let item = View::c_owned(boxed(), count_free);
            let obj = py.None().into_bound(py);
            item.adopt_into(&container, &obj);
            assert!(item.for_transfer("T", Handover::Consume, false).is_err());
        });
    }

    #[test]
    fn libc_allocator_zeroes() {
        let ptr = alloc_zeroed::<[u8; 64]>(Allocator::LIBC).unwrap();
        assert!(unsafe { ptr.as_ref() }.iter().all(|b| *b == 0));
        unsafe { (Allocator::LIBC.free)(ptr.as_ptr().cast()) };
    }
}
