//! Deep copy and free of C-owned blocks, with a string, a raw buffer and an extension.

use std::ffi::{CStr, c_char};
use std::mem::{offset_of, size_of};

use super::*;

#[repr(C)]
struct Ext {
    id: u32,
    name: *mut c_char,
}

#[repr(C)]
struct Event {
    kind: i32,
    text: *mut c_char,
    stamp: *mut c_char,
    ext: *mut c_void,
    ext_size: u32,
}

const EXT_STRINGS: &[OwnedString] = &[OwnedString { offset: offset_of!(Ext, name), allocator: Allocator::LIBC }];
const EXT_TYPES: &[ExtensionType] = &[ExtensionType { kind: 2, size: size_of::<Ext>(), strings: EXT_STRINGS }];
const LAYOUT: Layout = Layout {
    size: size_of::<Event>(),
    strings: &[OwnedString { offset: offset_of!(Event, text), allocator: Allocator::LIBC }],
    buffers: &[OwnedString { offset: offset_of!(Event, stamp), allocator: Allocator::LIBC }],
    extension: Some(Extension {
        pointer: offset_of!(Event, ext),
        kind: IntSlot { offset: offset_of!(Event, kind), bits: 32, signed: true },
        size: Some(IntSlot { offset: offset_of!(Event, ext_size), bits: 32, signed: false }),
        types: EXT_TYPES,
    }),
};

fn c_string(text: &str) -> *mut c_char {
    let owned = std::ffi::CString::new(text).unwrap();
    unsafe { duplicate_string(owned.as_ptr(), Allocator::LIBC) }.0
}

fn read(p: *const c_char) -> String {
    unsafe { CStr::from_ptr(p) }.to_str().unwrap().to_string()
}

fn event(kind: i32) -> *mut Event {
    pyo3::Python::initialize();
    let view = alloc::<Event>(Allocator::LIBC).unwrap();
    let ext = alloc::<Ext>(Allocator::LIBC).unwrap();
    let (e, x) = (view.ptr("Event").unwrap(), ext.ptr("Ext").unwrap());
    unsafe {
        *x = Ext { id: 9, name: c_string("car") };
        *e = Event { kind, text: c_string("hello"), stamp: c_string("2026"), ext: x.cast(), ext_size: 99 };
        SPANS.insert_owned((*e).stamp as usize, 5);
    }
    e
}

#[test]
fn a_copy_owns_its_strings_buffer_and_extension() {
    let src = event(2);
    let dst = unsafe { deep_copy(src.cast(), &LAYOUT, Allocator::LIBC) }.cast::<Event>();
    unsafe {
        assert_ne!((*dst).text, (*src).text);
        assert_eq!(read((*dst).text), "hello");
        assert_ne!((*dst).stamp, (*src).stamp);
        assert_eq!(SPANS.readable_from((*dst).stamp as usize, "t").unwrap(), 5, "the copied buffer is known by address");
        let (a, b) = ((*src).ext.cast::<Ext>(), (*dst).ext.cast::<Ext>());
        assert_ne!(a, b);
        assert_eq!(((*b).id, read((*b).name)), (9, "car".to_string()));
        assert_ne!((*a).name, (*b).name);
        assert_eq!((*dst).ext_size, 99);
        let stamp = (*dst).stamp as usize;
        deep_free(dst.cast(), &LAYOUT, Allocator::LIBC);
        assert!(SPANS.readable_from(stamp, "t").is_err(), "a freed buffer is forgotten");
        deep_free(src.cast(), &LAYOUT, Allocator::LIBC);
    }
}

#[test]
fn an_extension_of_an_unknown_kind_is_not_copied() {
    let src = event(7);
    let dst = unsafe { deep_copy(src.cast(), &LAYOUT, Allocator::LIBC) }.cast::<Event>();
    unsafe {
        assert!((*dst).ext.is_null());
        assert_eq!((*dst).ext_size, 0, "no extension: no size");
        deep_free(dst.cast(), &LAYOUT, Allocator::LIBC);
        // The source's unknown extension is freed as a block (its strings are not known).
        (*(*src).ext.cast::<Ext>()).name = std::ptr::null_mut();
        deep_free(src.cast(), &LAYOUT, Allocator::LIBC);
    }
}

#[test]
fn releasing_a_block_kills_its_views() {
    pyo3::Python::initialize();
    let view = alloc::<Event>(Allocator::LIBC).unwrap();
    let p = view.ptr("Event").unwrap();
    unsafe { deep_free(p.cast(), &LAYOUT, Allocator::LIBC) };
    assert!(view.ptr("Event").is_err(), "a view of a freed block raises");
    unsafe { deep_free(std::ptr::null_mut(), &LAYOUT, Allocator::LIBC) };
    assert!(unsafe { deep_copy(std::ptr::null(), &LAYOUT, Allocator::LIBC) }.is_null());
}

#[test]
fn blocks_not_made_here_are_not_freed() {
    pyo3::Python::initialize();
    let mut foreign = Ext { id: 1, name: std::ptr::null_mut() };
    let view = alloc::<Event>(Allocator::LIBC).unwrap();
    let e = view.ptr("Event").unwrap();
    unsafe {
        (*e).kind = 2;
        (*e).ext = (&raw mut foreign).cast();
        // The extension is not a block made here (a struct Python owns): only the event is freed.
        deep_free(e.cast(), &LAYOUT, Allocator::LIBC);
        let mut stack_event =
            Event { kind: 0, text: std::ptr::null_mut(), stamp: std::ptr::null_mut(), ext: std::ptr::null_mut(), ext_size: 0 };
        deep_free((&raw mut stack_event).cast(), &LAYOUT, Allocator::LIBC); // not made here: untouched
    }
    assert!(view.ptr("Event").is_err());
    assert_eq!(foreign.id, 1);
}

/// A user meta holding an `Event` payload, as C declares one.
#[repr(C)]
struct Owner {
    tag: u64,
    payload: *mut c_void,
}

struct EventPayload;

impl OwnedPayload for EventPayload {
    const LAYOUT: Layout = LAYOUT;
    const ALLOCATOR: Allocator = Allocator::LIBC;
    const PAYLOAD_OFFSET: usize = offset_of!(Owner, payload);
}

#[test]
fn payload_functions_copy_and_release_the_owners_block() {
    let e = event(2);
    let mut owner = Owner { tag: 7, payload: e.cast() };
    let owner_ptr = (&raw mut owner).cast::<c_void>();
    let copy = unsafe { copy_payload::<EventPayload>(owner_ptr, std::ptr::null_mut()) }.cast::<Event>();
    assert!(!copy.is_null() && copy != e);
    assert_eq!(read(unsafe { (*copy).text }), "hello");
    unsafe { release_payload::<EventPayload>(owner_ptr, std::ptr::null_mut()) };
    assert!(owner.payload.is_null());
    assert!(!is_tracked(e.cast()));
    assert!(is_tracked(copy.cast()));
    unsafe { deep_free(copy.cast(), &LAYOUT, Allocator::LIBC) };
    let null_owner = std::ptr::null_mut();
    assert!(unsafe { copy_payload::<EventPayload>(null_owner, null_owner) }.is_null());
    unsafe { release_payload::<EventPayload>(null_owner, null_owner) };
}

#[test]
fn an_untracked_block_is_not_freed_by_deep_free() {
    pyo3::Python::initialize();
    let view = alloc::<Event>(Allocator::LIBC).unwrap();
    let p = view.address() as *mut c_void;
    untrack(p);
    assert!(!is_tracked(p));
    // Something else (a buffer's release function) frees it, not deep_free.
    unsafe { deep_free(p, &LAYOUT, Allocator::LIBC) };
    assert!(view.token().is_alive(), "deep_free left the block alone");
    unsafe { (Allocator::LIBC.free)(p) };
}
