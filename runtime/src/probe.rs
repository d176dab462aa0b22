//! Readability probe for raw addresses: whether `len` bytes at an address can
//! be read without faulting, asked of the kernel so that a bad address gives
//! an error code instead of a segfault.
//!
//! Used where a module opts into raw `int` addresses (`[module] int_addresses`)
//! before the first read through such an address. It proves only that the
//! bytes are mapped and readable now, not that they hold the claimed struct.
//! This module reads nothing itself and keeps no state but a pipe for the
//! fallback path.

use std::ffi::c_void;
use std::sync::{Mutex, OnceLock};

/// Bytes moved per step of the pipe fallback (below any pipe's capacity).
const CHUNK: usize = 4096;

/// Bytes copied per step of a readability probe: large sizes are probed
/// piecewise, so a wild length costs no allocation of its size.
const PROBE_CHUNK: usize = 64 * 1024;

/// Whether `len` bytes starting at `ptr` are readable by this process. The
/// last piece is probed first (a wild length usually ends in unmapped
/// memory), then every piece from the start, stopping at the first fault.
pub fn readable(ptr: *const c_void, len: usize) -> bool {
    if ptr.is_null() || (ptr as usize).checked_add(len).is_none() {
        return false;
    }
    let mut scratch = vec![0u8; PROBE_CHUNK.min(len)];
    let last = len.saturating_sub(PROBE_CHUNK);
    let mut piece =
        |start: usize| piece_readable(ptr.cast::<u8>().wrapping_add(start).cast(), &mut scratch[..PROBE_CHUNK.min(len - start)]);
    piece(last) && (0..last).step_by(PROBE_CHUNK).all(piece)
}

/// `ValueError` (naming `what` and the address) unless `len` bytes at `ptr`
/// are readable; nothing to read (`len == 0`) is always fine. For helpers
/// reading through a view nothing tracks (an `int` address a `cast` probed
/// only for the struct itself): check what it points to before reading.
pub fn require_readable(ptr: *const c_void, len: usize, what: &str) -> pyo3::PyResult<()> {
    if len == 0 || readable(ptr, len) {
        return Ok(());
    }
    Err(pyo3::exceptions::PyValueError::new_err(format!("{what}: {len} bytes at {ptr:p} are not readable memory")))
}

/// Whether `local.len()` bytes at `ptr` are readable (copied into `local`).
fn piece_readable(ptr: *const c_void, local: &mut [u8]) -> bool {
    match copy_into(ptr, local) {
        Ok(()) => true,
        Err(libc::EFAULT) => false,
        Err(_) => readable_by_pipe(ptr, local.len()),
    }
}

/// The machine word at `ptr` (any alignment), copied by the kernel: `None`
/// when it is not readable. No load of `ptr` happens in this process, so a
/// word of freed heap is not a use-after-free read (valgrind stays quiet).
pub fn read_word(ptr: *const c_void) -> Option<usize> {
    let mut word = 0usize;
    let size = std::mem::size_of::<usize>();
    if ptr.is_null() || (ptr as usize).checked_add(size).is_none() {
        return None;
    }
    // SAFETY: `word` is `size` writable bytes.
    let local = unsafe { std::slice::from_raw_parts_mut((&raw mut word).cast::<u8>(), size) };
    match copy_into(ptr, local) {
        Ok(()) => Some(word),
        Err(libc::EFAULT) => None,
        // SAFETY: the pipe probe showed these bytes are mapped and readable.
        Err(_) => readable_by_pipe(ptr, size).then(|| unsafe { ptr.cast::<usize>().read_unaligned() }),
    }
}

/// `count` values of `T` at `ptr`, copied by the kernel: `None` when any of
/// the bytes is unreadable or their size overflows. Like [`read_word`], no
/// load of `ptr` happens in this process.
///
/// # Safety
/// Every bit pattern must be a valid `T` (plain C data: integers, floats,
/// raw pointers and structs of them).
pub unsafe fn read_values<T: Copy>(ptr: *const T, count: usize) -> Option<Vec<T>> {
    let len = count.checked_mul(std::mem::size_of::<T>())?;
    if !readable(ptr.cast(), len) {
        return None; // probed first: a wild count allocates nothing
    }
    let mut values: Vec<T> = Vec::with_capacity(count);
    // SAFETY: the vector has capacity for `len` bytes; they are only exposed
    // as `T`s (valid for any bits, by the caller) once all were written: by
    // the kernel, or (fallback) copied after the pipe probe showed them readable.
    unsafe {
        let local = std::slice::from_raw_parts_mut(values.as_mut_ptr().cast::<u8>(), len);
        match copy_into(ptr.cast(), local) {
            Ok(()) => {}
            Err(libc::EFAULT) => return None,
            Err(_) if readable_by_pipe(ptr.cast(), len) => std::ptr::copy_nonoverlapping(ptr, values.as_mut_ptr(), count),
            Err(_) => return None,
        }
        values.set_len(count);
    }
    Some(values)
}

/// Copies `local.len()` bytes from `ptr` into `local` with `process_vm_readv`.
fn copy_into(ptr: *const c_void, local: &mut [u8]) -> Result<(), i32> {
    let len = local.len();
    let local = libc::iovec { iov_base: local.as_mut_ptr().cast(), iov_len: len };
    let remote = libc::iovec { iov_base: ptr.cast_mut(), iov_len: len };
    // SAFETY: the kernel reads `remote` (reporting EFAULT instead of faulting)
    // and writes into `local`, which is `len` bytes long.
    let copied = unsafe { libc::process_vm_readv(libc::getpid(), &local, 1, &remote, 1, 0) };
    match copied {
        n if n >= 0 && n as usize == len => Ok(()),
        n if n >= 0 => Err(libc::EFAULT),
        _ => Err(std::io::Error::last_os_error().raw_os_error().unwrap_or(libc::EIO)),
    }
}

/// Fallback where `process_vm_readv` is unavailable: `write()` reports
/// EFAULT for an unreadable source buffer; each chunk is read back out.
fn readable_by_pipe(ptr: *const c_void, len: usize) -> bool {
    static PIPE: OnceLock<Option<Mutex<[i32; 2]>>> = OnceLock::new();
    let Some(pipe) = PIPE.get_or_init(open_pipe) else { return false };
    let fds = pipe.lock().unwrap_or_else(|p| p.into_inner());
    let mut sink = [0u8; CHUNK];
    (0..len).step_by(CHUNK).all(|start| {
        let n = CHUNK.min(len - start);
        // SAFETY: the kernel checks the source range and returns EFAULT instead
        // of faulting; reading back drains exactly what was written into `sink`.
        unsafe {
            let written = libc::write(fds[1], ptr.cast::<u8>().add(start).cast(), n);
            if written > 0 {
                libc::read(fds[0], sink.as_mut_ptr().cast(), written as usize);
            }
            written == n as isize
        }
    })
}

fn open_pipe() -> Option<Mutex<[i32; 2]>> {
    let mut fds = [0i32; 2];
    // SAFETY: `fds` has room for the two descriptors.
    let ok = unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } == 0;
    ok.then(|| Mutex::new(fds))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mapped_memory_is_readable() {
        let data = [7u64; 64];
        assert!(readable(data.as_ptr().cast(), std::mem::size_of_val(&data)));
        assert!(readable_by_pipe(data.as_ptr().cast(), std::mem::size_of_val(&data)));
    }

    #[test]
    fn require_readable_names_what_it_refuses() {
        pyo3::Python::initialize();
        let data = [1u8; 16];
        assert!(require_readable(data.as_ptr().cast(), 16, "x").is_ok());
        assert!(require_readable(std::ptr::null(), 0, "x").is_ok(), "nothing to read");
        let err = require_readable(std::ptr::null(), 4, "Meta.data").unwrap_err();
        assert!(err.to_string().contains("Meta.data: 4 bytes at 0x0 are not readable memory"), "{err}");
    }

    #[test]
    fn unmapped_and_null_addresses_are_not() {
        assert!(!readable(std::ptr::null(), 8));
        assert!(!readable(0x10 as *const c_void, 8));
        assert!(!readable(usize::MAX as *const c_void, 8));
        assert!(!readable_by_pipe(0x10 as *const c_void, 8));
    }

    #[test]
    fn words_are_copied_or_refused() {
        let data = [0x1122_3344_5566_7788usize, 42];
        assert_eq!(read_word(data.as_ptr().cast()), Some(data[0]));
        assert_eq!(read_word(data[1..].as_ptr().cast()), Some(42));
        assert_eq!(read_word(std::ptr::null()), None);
        assert_eq!(read_word(0x10 as *const c_void), None);
        assert_eq!(read_word(usize::MAX as *const c_void), None);
    }

    #[test]
    fn values_are_copied_or_refused() {
        let data = [1i16, -2, 3, -4];
        // SAFETY: i16 is valid for any bits.
        unsafe {
            assert_eq!(read_values(data.as_ptr(), 4), Some(data.to_vec()));
            assert_eq!(read_values(data.as_ptr(), 0), Some(vec![]));
            assert_eq!(read_values(0x10 as *const i16, 2), None);
            assert_eq!(read_values(data.as_ptr(), usize::MAX), None);
            assert_eq!(read_values(data.as_ptr(), usize::MAX / 4), None); // no allocation of that size
        }
    }

    #[test]
    fn large_ranges_are_probed_piecewise() {
        let data = vec![1u8; 3 * PROBE_CHUNK + 5];
        assert!(readable(data.as_ptr().cast(), data.len()));
        assert!(!readable(data.as_ptr().cast(), 1 << 50));
    }
}
