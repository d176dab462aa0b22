//! Structs that own `char*` strings: deep copy on assignment and deep free.
//!
//! A pass lists, per struct, every owned string reachable through nested
//! structs and struct arrays as an [`OwnedString`] (byte offset from the start
//! of the struct, and the allocator the string was made with). Assigning such
//! a struct into another ([`assign`]) must not leave two owners of one string,
//! and freeing a Python-owned one ([`free_strings`]) must not leak them.
//! Pointer fields a struct owns (spec `pointer = "owned"`) are listed as
//! [`OwnedPointer`]s: their targets cannot be duplicated (their size and
//! type are C's business), so [`assign`] refuses while one is set on either
//! side, instead of giving the target two owners (freed twice) or losing it.
//! This module knows nothing of field names or types beyond those offsets.

use std::ffi::{CStr, c_char, c_void};

use pyo3::PyResult;

use crate::view::Allocator;

/// One owned `char*` inside a struct.
#[derive(Clone, Copy, Debug)]
pub struct OwnedString {
    /// Byte offset of the `char*` slot from the start of the struct.
    pub offset: usize,
    /// Allocator that made (and frees) the string.
    pub allocator: Allocator,
}

/// One pointer field a struct owns (its target is freed with the struct).
#[derive(Clone, Copy, Debug)]
pub struct OwnedPointer {
    /// Byte offset of the pointer slot from the start of the struct.
    pub offset: usize,
    /// `Struct.field`, for the error message.
    pub name: &'static str,
}

/// `ValueError` when an owned pointer is set in the struct at `base` (`side`
/// names it in the message).
///
/// # Safety
/// `base` must point to a struct with a pointer at each `pointers` offset.
unsafe fn refuse_owned_pointers(base: *const c_void, pointers: &[OwnedPointer], side: &str) -> PyResult<()> {
    for p in pointers {
        // SAFETY: guaranteed by the caller.
        let target = unsafe { base.cast::<u8>().add(p.offset).cast::<*const c_void>().read_unaligned() };
        if !target.is_null() {
            return Err(pyo3::exceptions::PyValueError::new_err(format!(
                "cannot copy this struct: {} in the {side} is owned by it (a copy would give it two owners); assign the other fields one by one",
                p.name
            )));
        }
    }
    Ok(())
}

/// The `char*` slot of `string` inside the struct at `base`.
///
/// # Safety
/// `base` must point to a struct that has a `char*` at `string.offset`.
unsafe fn slot(base: *mut c_void, string: &OwnedString) -> *mut *mut c_char {
    // SAFETY: guaranteed by the caller.
    unsafe { base.cast::<u8>().add(string.offset).cast() }
}

/// Copies `*src` into `*dst`, giving `dst` its own copies of every owned
/// string: the destination's previous strings are freed, the source's are
/// duplicated with their allocators. Copying a struct onto itself does
/// nothing. On allocation failure nothing is changed (`MemoryError`); while
/// an owned pointer is set in either struct nothing is changed (`ValueError`).
///
/// # Safety
/// `dst` and `src` must point to valid `T`s whose owned strings (listed in
/// `strings`) are NULL or were made by the listed allocators, with a pointer
/// at each `pointers` offset.
pub unsafe fn assign<T>(dst: *mut T, src: *const T, strings: &[OwnedString], pointers: &[OwnedPointer]) -> PyResult<()> {
    if std::ptr::eq(dst.cast_const(), src) {
        return Ok(());
    }
    let (dst_base, src_base) = (dst.cast::<c_void>(), src.cast_mut().cast::<c_void>());
    // SAFETY: guaranteed by the caller.
    unsafe {
        refuse_owned_pointers(src_base, pointers, "source")?;
        refuse_owned_pointers(dst_base, pointers, "destination")?;
    }
    // Duplicate first: the source may share a string with the destination.
    let mut copies = Vec::with_capacity(strings.len());
    for s in strings {
        // SAFETY: guaranteed by the caller.
        match unsafe { duplicate(*slot(src_base, s), s.allocator) } {
            Ok(copy) => copies.push(copy),
            Err(e) => {
                copies.iter().zip(strings).for_each(|(c, s)| unsafe { release(*c, s.allocator) });
                return Err(e);
            }
        }
    }
    // SAFETY: guaranteed by the caller; `copies` match `strings` one to one.
    unsafe {
        free_strings(dst_base, strings);
        std::ptr::copy(src, dst, 1);
        for (s, copy) in strings.iter().zip(copies) {
            *slot(dst_base, s) = copy;
        }
    }
    Ok(())
}

/// Frees every owned string of the struct at `base` and sets its slot to NULL.
///
/// # Safety
/// As for [`assign`]'s `dst`.
pub unsafe fn free_strings<T>(base: *mut T, strings: &[OwnedString]) {
    for s in strings {
        // SAFETY: guaranteed by the caller.
        unsafe {
            let slot = slot(base.cast(), s);
            release(*slot, s.allocator);
            *slot = std::ptr::null_mut();
        }
    }
}

/// A copy of a NUL-terminated string made with `allocator` (NULL stays NULL).
unsafe fn duplicate(text: *const c_char, allocator: Allocator) -> PyResult<*mut c_char> {
    if text.is_null() {
        return Ok(std::ptr::null_mut());
    }
    // SAFETY: the caller's string is NUL-terminated; the copy has room for the NUL.
    unsafe {
        let bytes = CStr::from_ptr(text).to_bytes_with_nul();
        let copy = (allocator.alloc_zeroed)(bytes.len()).cast::<u8>();
        if copy.is_null() {
            return Err(pyo3::exceptions::PyMemoryError::new_err("out of memory"));
        }
        std::ptr::copy_nonoverlapping(bytes.as_ptr(), copy, bytes.len());
        Ok(copy.cast())
    }
}

unsafe fn release(text: *mut c_char, allocator: Allocator) {
    if !text.is_null() {
        // SAFETY: the string was made by `allocator`.
        unsafe { (allocator.free)(text.cast()) };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[repr(C)]
    struct Label {
        id: u32,
        text: *mut c_char,
        other: *mut c_char,
    }

    const STRINGS: &[OwnedString] = &[
        OwnedString { offset: std::mem::offset_of!(Label, text), allocator: Allocator::LIBC },
        OwnedString { offset: std::mem::offset_of!(Label, other), allocator: Allocator::LIBC },
    ];

    fn label(id: u32, text: &str) -> Label {
        let text = unsafe { duplicate(std::ffi::CString::new(text).unwrap().as_ptr(), Allocator::LIBC) }.unwrap();
        Label { id, text, other: std::ptr::null_mut() }
    }

    fn text(l: &Label) -> String {
        unsafe { CStr::from_ptr(l.text) }.to_str().unwrap().to_string()
    }

    #[test]
    fn assign_gives_the_destination_its_own_strings() {
        pyo3::Python::initialize();
        let src = label(1, "source");
        let mut dst = label(2, "old");
        unsafe { assign(&mut dst, &src, STRINGS, &[]) }.unwrap();
        assert_eq!(dst.id, 1);
        assert_eq!(text(&dst), "source");
        assert_ne!(dst.text, src.text, "two owners of one string would double free");
        assert!(dst.other.is_null());
        unsafe {
            free_strings(&mut dst as *mut Label, STRINGS);
            free_strings(&src as *const Label as *mut Label, STRINGS);
        }
        assert!(dst.text.is_null());
    }

    #[test]
    fn self_assignment_and_shared_strings_are_safe() {
        pyo3::Python::initialize();
        let mut a = label(3, "same");
        let p: *mut Label = &mut a;
        unsafe { assign(p, p, STRINGS, &[]) }.unwrap();
        assert_eq!(text(&a), "same");
        let mut b = Label { id: 4, text: a.text, other: std::ptr::null_mut() };
        unsafe { assign(&mut b, &a, STRINGS, &[]) }.unwrap();
        // b's old string was a's: the copy was made before it was freed.
        assert_eq!(text(&b), "same");
        unsafe { free_strings(&mut b as *mut Label, STRINGS) };
    }

    #[test]
    fn owned_pointers_are_never_copied() {
        pyo3::Python::initialize();
        // `other` stands for a pointer field the struct owns (not a string here).
        const POINTERS: &[OwnedPointer] = &[OwnedPointer { offset: std::mem::offset_of!(Label, other), name: "Label.other" }];
        let mut target = 7u8;
        let src = Label { id: 1, text: std::ptr::null_mut(), other: (&raw mut target).cast() };
        let mut dst = Label { id: 2, text: std::ptr::null_mut(), other: std::ptr::null_mut() };
        let err = unsafe { assign(&mut dst, &src, &[], POINTERS) }.unwrap_err();
        assert!(err.to_string().contains("Label.other in the source"), "{err}");
        assert_eq!(dst.id, 2, "nothing is copied");
        let err = unsafe { assign(&mut dst as *mut Label, &Label { id: 3, ..dst }, &[], POINTERS) };
        assert!(err.is_ok(), "both NULL: a plain copy");
        assert_eq!(dst.id, 3);
    }
}
