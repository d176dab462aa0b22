//! Whether an untrusted address (an `int` or a capsule from Python) holds an
//! instance of an expected GType, decided without faulting and without
//! handing a possibly bogus GType to GLib.
//!
//! Only two layouts can be checked that way: GObject instances (a pointer to
//! their class, whose first word is the instance's GType) and boxed types
//! whose instances start with their own GType (`GstMiniObject`: GstBuffer,
//! GstCaps, GstEvent…; `GstStructure`). Every word is probed before it is
//! read (`crate::probe`), and the GType found is compared with the expected
//! type and the types registered below it (from `g_type_children`), so a
//! garbage value is only ever compared, never dereferenced. A match proves
//! the bytes look like such an instance now, not that the object is alive
//! (as with pyds's integer addresses).

use std::ffi::c_void;

use super::symbols::{GObjectApi, GType};
use crate::probe;

/// `G_TYPE_OBJECT`.
pub const G_TYPE_OBJECT: GType = 20 << 2;
/// `G_TYPE_BOXED`.
pub const G_TYPE_BOXED: GType = 18 << 2;

/// Why an address was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Unreadable or misaligned memory.
    Unreadable,
    /// Readable, but not an instance of the expected type.
    WrongType,
    /// The expected type's instances cannot be checked at an address.
    Unverifiable,
}

/// Checks that `ptr` holds an instance of `expected`.
pub fn address_is_a(api: &GObjectApi, ptr: *mut c_void, expected: GType) -> Result<(), Refusal> {
    // SAFETY: only looks the (valid, registered) expected type up.
    let fundamental = unsafe { (api.type_fundamental)(expected) };
    let found = match fundamental {
        G_TYPE_OBJECT => read_word(read_word(ptr as usize)?)?,
        G_TYPE_BOXED => read_word(ptr as usize)?,
        _ => return Err(Refusal::Unverifiable),
    };
    if found == expected || descends_from(api, found, expected) { Ok(()) } else { Err(Refusal::WrongType) }
}

/// The aligned machine word at `address`, copied by the kernel (an int from
/// Python may point anywhere, freed heap included: it is never loaded directly).
fn read_word(address: usize) -> Result<usize, Refusal> {
    if address % std::mem::size_of::<usize>() != 0 {
        return Err(Refusal::Unreadable);
    }
    probe::read_word(address as *const c_void).ok_or(Refusal::Unreadable)
}

/// Whether `found` is one of the types registered below `ancestor`, found by
/// walking down from `ancestor` (`found` itself is never looked up).
fn descends_from(api: &GObjectApi, found: GType, ancestor: GType) -> bool {
    children(api, ancestor).into_iter().any(|child| child == found || descends_from(api, found, child))
}

fn children(api: &GObjectApi, ty: GType) -> Vec<GType> {
    let mut n = 0u32;
    // SAFETY: `ty` is a registered type; GLib returns a new array of `n` types.
    let array = unsafe { (api.type_children)(ty, &mut n) };
    if array.is_null() {
        return vec![];
    }
    // SAFETY: the array holds `n` GTypes; we copy them, then free it with g_free.
    unsafe {
        let out = std::slice::from_raw_parts(array, n as usize).to_vec();
        (api.free)(array.cast());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_word_refuses_null_misaligned_and_unmapped() {
        assert_eq!(read_word(0), Err(Refusal::Unreadable));
        let word = 7usize;
        let at = &word as *const usize as usize;
        assert_eq!(read_word(at + 1), Err(Refusal::Unreadable));
        assert_eq!(read_word(at), Ok(7));
        assert_eq!(read_word(8), Err(Refusal::Unreadable));
    }
}
