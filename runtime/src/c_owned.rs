//! Blocks allocated for C to free (`[allocator.NAME]` in the spec): a zeroed
//! struct handed to C, whose owner (a user meta) gets copy and release
//! functions that deep-copy and free it.
//!
//! A [`Layout`] lists what a block owns besides its own bytes: owned `char*`
//! strings ([`OwnedString`]s, duplicated with their allocator), raw string
//! buffers (`address` strings, duplicated and recorded in
//! [`SPANS`] so the integer-address helpers read the copy) and at most one
//! [`Extension`]: a pointer to one of several structs chosen by an integer
//! field (an event's `extMsg` by its `objType`), copied at the size of the
//! struct it names, never at a size the block claims.
//!
//! Every block [`alloc`] or [`deep_copy`] made carries a liveness token;
//! [`release_block`] kills it when it frees the block and forgets the block
//! in [`SPANS`], so Python views and addresses of freed memory raise instead
//! of reading it. [`deep_free`] frees only such blocks (the payload and its
//! extension): a struct Python owns, stored there from Python, is left to
//! Python instead of being freed twice.
//! The copy and release functions run on C's threads without the GIL: nothing
//! here touches Python objects. This module knows nothing of field names.

use std::collections::HashMap;
use std::ffi::{CStr, c_char, c_void};
use std::ptr::NonNull;
use std::sync::Mutex;

use pyo3::PyResult;

use crate::allocations::{Registry, SPANS};
use crate::owned::OwnedString;
use crate::token::Token;
use crate::view::{Allocator, View, alloc_zeroed};

/// An integer field: byte offset, width in bits, signedness.
#[derive(Clone, Copy, Debug)]
pub struct IntSlot {
    /// Byte offset from the start of the struct.
    pub offset: usize,
    /// Width in bits (8, 16, 32 or 64).
    pub bits: u8,
    /// Whether the integer is signed.
    pub signed: bool,
}

impl IntSlot {
    /// The value of the field in the struct at `base`.
    ///
    /// # Safety
    /// `base` must point to a struct with this integer at `offset`.
    unsafe fn read(&self, base: *const c_void) -> i64 {
        // SAFETY: guaranteed by the caller.
        unsafe {
            let at = base.cast::<u8>().add(self.offset);
            match (self.bits, self.signed) {
                (8, true) => i64::from(at.cast::<i8>().read_unaligned()),
                (8, false) => i64::from(at.read_unaligned()),
                (16, true) => i64::from(at.cast::<i16>().read_unaligned()),
                (16, false) => i64::from(at.cast::<u16>().read_unaligned()),
                (32, true) => i64::from(at.cast::<i32>().read_unaligned()),
                (32, false) => i64::from(at.cast::<u32>().read_unaligned()),
                _ => at.cast::<i64>().read_unaligned(),
            }
        }
    }

    /// Sets the field in the struct at `base` to zero.
    ///
    /// # Safety
    /// As for [`IntSlot::read`], and the struct must be writable.
    unsafe fn clear(&self, base: *mut c_void) {
        // SAFETY: guaranteed by the caller.
        unsafe { base.cast::<u8>().add(self.offset).write_bytes(0, usize::from(self.bits / 8)) };
    }
}

/// One struct an [`Extension`] pointer may point to.
#[derive(Clone, Copy, Debug)]
pub struct ExtensionType {
    /// Value of the kind field that selects it.
    pub kind: i64,
    /// Size of the struct.
    pub size: usize,
    /// Its owned strings.
    pub strings: &'static [OwnedString],
}

/// A pointer whose target's type an integer field of the same struct names.
#[derive(Clone, Copy, Debug)]
pub struct Extension {
    /// Byte offset of the pointer.
    pub pointer: usize,
    /// The field naming the target's type.
    pub kind: IntSlot,
    /// A field holding the target's size (cleared when no copy is made).
    pub size: Option<IntSlot>,
    /// The structs it may point to; another kind is not copied.
    pub types: &'static [ExtensionType],
}

/// What a block owns besides its own bytes.
#[derive(Clone, Copy, Debug)]
pub struct Layout {
    /// Size of the block's struct.
    pub size: usize,
    /// Owned `char*` strings.
    pub strings: &'static [OwnedString],
    /// Raw string buffers (`address` strings), recorded in [`SPANS`].
    pub buffers: &'static [OwnedString],
    /// The extension pointer, if any.
    pub extension: Option<Extension>,
}

/// Liveness tokens of the blocks [`alloc`] made, by address.
static TOKENS: Mutex<Option<HashMap<usize, Token>>> = Mutex::new(None);

fn with_tokens<R>(f: impl FnOnce(&mut HashMap<usize, Token>) -> R) -> R {
    let mut guard = TOKENS.lock().unwrap_or_else(|p| p.into_inner());
    f(guard.get_or_insert_with(HashMap::new))
}

/// Records a block made here, with its liveness token.
fn track(p: *mut c_void) -> Token {
    let token = Token::new();
    with_tokens(|t| t.insert(p as usize, token.clone()));
    token
}

/// Forgets a block made here that something else frees from now on (a
/// GstBuffer's release function, see [`crate::call::kept_by_buffer`]): once
/// freed, its address may belong to other memory, which [`deep_free`] must
/// not free, and the table does not keep growing.
pub fn untrack(p: *mut c_void) {
    with_tokens(|t| t.remove(&(p as usize)));
}

/// Whether `p` is a block made here and not freed yet.
fn is_tracked(p: *mut c_void) -> bool {
    with_tokens(|t| t.contains_key(&(p as usize)))
}

/// A zeroed `T` from `allocator` for C to free, as a view Python does not
/// own; it dies when [`release_block`] frees the block.
pub fn alloc<T>(allocator: Allocator) -> PyResult<View<T>> {
    let p = alloc_zeroed::<T>(allocator)?;
    let token = track(p.as_ptr().cast());
    Ok(View::external(p, token))
}

/// Frees a block (struct, extension or string) C is done with: its views
/// die and the integer-address helpers no longer accept its address.
///
/// # Safety
/// `p` is NULL or a block made by `allocator`, owned by the caller, freed once.
pub unsafe fn release_block(p: *mut c_void, allocator: Allocator, spans: &Registry) {
    if p.is_null() {
        return;
    }
    if let Some(token) = with_tokens(|t| t.remove(&(p as usize))) {
        token.kill();
    }
    spans.forget(p as usize);
    // SAFETY: guaranteed by the caller.
    unsafe { (allocator.free)(p) };
}

/// A copy of `size` bytes at `src` made by `allocator` (NULL when it fails).
unsafe fn duplicate_bytes(src: *const c_void, size: usize, allocator: Allocator) -> *mut c_void {
    // SAFETY: the allocator returns `size` bytes or NULL; the caller's `src` has `size` bytes.
    unsafe {
        let copy = (allocator.alloc_zeroed)(size);
        if !copy.is_null() {
            std::ptr::copy_nonoverlapping(src.cast::<u8>(), copy.cast::<u8>(), size);
        }
        copy
    }
}

/// A copy of a NUL-terminated string made by `allocator`, with its size
/// (NULL stays NULL; NULL when the allocation fails).
///
/// # Safety
/// `text` is NULL or a NUL-terminated string.
pub(crate) unsafe fn duplicate_string(text: *const c_char, allocator: Allocator) -> (*mut c_char, usize) {
    if text.is_null() {
        return (std::ptr::null_mut(), 0);
    }
    // SAFETY: guaranteed by the caller.
    let len = unsafe { CStr::from_ptr(text) }.to_bytes_with_nul().len();
    // SAFETY: `text` has `len` bytes.
    (unsafe { duplicate_bytes(text.cast(), len, allocator) }.cast(), len)
}

/// The pointer slot at `offset` in the struct at `base`.
unsafe fn slot<T>(base: *mut c_void, offset: usize) -> *mut *mut T {
    // SAFETY: the caller's struct has a pointer at `offset`.
    unsafe { base.cast::<u8>().add(offset).cast() }
}

/// Replaces every listed string of the copy at `base` with its own duplicate;
/// `spans` records the duplicates (raw buffers read by address).
unsafe fn duplicate_strings(base: *mut c_void, strings: &[OwnedString], spans: Option<&Registry>) {
    for s in strings {
        // SAFETY: the caller's struct has a `char*` at each offset.
        unsafe {
            let at = slot::<c_char>(base, s.offset);
            let (copy, len) = duplicate_string(*at, s.allocator);
            if let (Some(spans), false) = (spans, copy.is_null()) {
                spans.insert_owned(copy as usize, len);
            }
            *at = copy;
        }
    }
}

/// Frees every listed string of the struct at `base` and clears its slot.
unsafe fn free_strings(base: *mut c_void, strings: &[OwnedString], spans: &Registry) {
    for s in strings {
        // SAFETY: the caller's struct has a `char*` at each offset, owned by it.
        unsafe {
            let at = slot::<c_char>(base, s.offset);
            release_block((*at).cast(), s.allocator, spans);
            *at = std::ptr::null_mut();
        }
    }
}

/// The extension type the struct at `base` names, if its pointer is set.
unsafe fn extension_of(base: *const c_void, ext: &Extension) -> Option<(&'static ExtensionType, *mut c_void)> {
    // SAFETY: the caller's struct has the extension's fields.
    let (target, kind) = unsafe { (*slot::<c_void>(base.cast_mut(), ext.pointer), ext.kind.read(base)) };
    let found = ext.types.iter().find(|t| t.kind == kind)?;
    (!target.is_null()).then_some((found, target))
}

/// Gives the copy at `dst` its own extension (cleared when none is copied).
unsafe fn copy_extension(dst: *mut c_void, ext: &Extension, allocator: Allocator) {
    // SAFETY: `dst` is a byte copy of the source: the same extension pointer and kind.
    unsafe {
        let copy = match extension_of(dst, ext) {
            Some((t, target)) => {
                let copy = duplicate_bytes(target, t.size, allocator);
                if !copy.is_null() {
                    duplicate_strings(copy, t.strings, None);
                    track(copy);
                }
                copy
            }
            None => std::ptr::null_mut(),
        };
        *slot::<c_void>(dst, ext.pointer) = copy;
        if let (Some(size), true) = (ext.size, copy.is_null()) {
            size.clear(dst);
        }
    }
}

/// Frees the extension of the struct at `base` with its strings, when it is
/// a block made here (anything else is not the struct's to free).
unsafe fn free_extension(base: *mut c_void, ext: &Extension, allocator: Allocator, spans: &Registry) {
    // SAFETY: the struct owns its extension when it is a tracked block.
    unsafe {
        let target = *slot::<c_void>(base, ext.pointer);
        if is_tracked(target) {
            if let Some((t, _)) = extension_of(base, ext) {
                free_strings(target, t.strings, spans);
            }
            release_block(target, allocator, spans);
        }
        *slot::<c_void>(base, ext.pointer) = std::ptr::null_mut();
        if let Some(size) = ext.size {
            size.clear(base);
        }
    }
}

/// A deep copy of the block at `src` (NULL for NULL or when allocating fails).
///
/// # Safety
/// `src` is NULL or a struct described by `layout` whose strings and
/// extension are NULL or valid.
pub unsafe fn deep_copy(src: *const c_void, layout: &Layout, allocator: Allocator) -> *mut c_void {
    if src.is_null() {
        return std::ptr::null_mut();
    }
    // SAFETY: guaranteed by the caller; the copy has the source's bytes.
    unsafe {
        let dst = duplicate_bytes(src, layout.size, allocator);
        if dst.is_null() {
            return dst;
        }
        duplicate_strings(dst, layout.strings, None);
        duplicate_strings(dst, layout.buffers, Some(&SPANS));
        if let Some(ext) = &layout.extension {
            copy_extension(dst, ext, allocator);
        }
        track(dst);
        dst
    }
}

/// Frees the block at `p` with everything `layout` says it owns; its views
/// die. A block not made here ([`alloc`], [`deep_copy`]) is left alone: it
/// is someone else's to free (a struct Python owns, set from Python).
///
/// # Safety
/// `p` is NULL or a struct described by `layout` that the caller owns, freed once.
pub unsafe fn deep_free(p: *mut c_void, layout: &Layout, allocator: Allocator) {
    if !is_tracked(p) {
        return;
    }
    // SAFETY: guaranteed by the caller.
    unsafe {
        free_strings(p, layout.strings, &SPANS);
        free_strings(p, layout.buffers, &SPANS);
        if let Some(ext) = &layout.extension {
            free_extension(p, ext, allocator, &SPANS);
        }
        release_block(p, allocator, &SPANS);
    }
}

/// The payload pointer slot at `offset` of an owner (NULL owner: none).
///
/// # Safety
/// `owner` is NULL or a struct with a pointer at `offset`.
pub unsafe fn payload_slot(owner: *mut c_void, offset: usize) -> Option<*mut *mut c_void> {
    // SAFETY: guaranteed by the caller.
    NonNull::new(owner).map(|o| unsafe { slot::<c_void>(o.as_ptr(), offset) })
}

/// A block kind whose owner (a user meta) holds it in a payload pointer
/// field and calls copy and release functions on it: implemented once per
/// `[allocator.NAME]` with an owner (by [`c_owned_payload!`](crate::c_owned_payload!)),
/// it gives [`copy_payload`] and [`release_payload`] their layout.
pub trait OwnedPayload {
    /// What the block owns besides its bytes.
    const LAYOUT: Layout;
    /// The allocator of the block and of its copies.
    const ALLOCATOR: Allocator;
    /// Byte offset of the payload pointer inside the owner struct.
    const PAYLOAD_OFFSET: usize;
}

/// The owner's copy function for payload kind `P`: a deep copy of the block
/// its payload field points to (NULL for a NULL owner or payload).
///
/// # Safety
/// C calls it with NULL or the owner whose copy function this is, alive for
/// the call; its payload field is NULL or a block of `P`'s layout.
pub unsafe extern "C" fn copy_payload<P: OwnedPayload>(owner: *mut c_void, _user_data: *mut c_void) -> *mut c_void {
    // SAFETY: `owner` is NULL or a struct with the payload pointer at
    // `P::PAYLOAD_OFFSET`, which is NULL or a block of `P::LAYOUT` (the contract).
    unsafe {
        match payload_slot(owner, P::PAYLOAD_OFFSET) {
            Some(slot) => deep_copy(*slot, &P::LAYOUT, P::ALLOCATOR),
            None => std::ptr::null_mut(),
        }
    }
}

/// The owner's release function for payload kind `P`: frees the block its
/// payload field points to, with what the block owns, and clears the field.
///
/// # Safety
/// C calls it with NULL or the owner whose release function this is, once;
/// the owner owns its payload, NULL or a block of `P`'s layout.
pub unsafe extern "C" fn release_payload<P: OwnedPayload>(owner: *mut c_void, _user_data: *mut c_void) {
    // SAFETY: as for `copy_payload`; the owner gives up the block here, so
    // it is freed once, and the field no longer points to it afterwards.
    unsafe {
        if let Some(slot) = payload_slot(owner, P::PAYLOAD_OFFSET) {
            deep_free(*slot, &P::LAYOUT, P::ALLOCATOR);
            *slot = std::ptr::null_mut();
        }
    }
}

/// Declares the [`OwnedPayload`] kind of an `[allocator.NAME]` with an owner:
/// `c_owned_payload!(Kind, LAYOUT, ALLOCATOR, ffi::Owner, payload.field)`.
/// Its copy and release functions are `copy_payload::<Kind>` and
/// `release_payload::<Kind>`.
#[macro_export]
macro_rules! c_owned_payload {
    ($(#[$doc:meta])* $kind:ident, $layout:expr, $allocator:expr, $owner:ty, $($field:ident).+) => {
        $(#[$doc])*
        pub(crate) struct $kind;

        impl $crate::c_owned::OwnedPayload for $kind {
            const LAYOUT: $crate::c_owned::Layout = $layout;
            const ALLOCATOR: $crate::view::Allocator = $allocator;
            const PAYLOAD_OFFSET: usize = ::std::mem::offset_of!($owner, $($field).+);
        }
    };
}

#[cfg(test)]
mod tests;
