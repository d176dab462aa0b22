//! A cannot-fault check that a raw address is readable, for helpers that
//! must accept a bare address from Python (pyds's `hash(gst_buffer)`)
//! before reading a type tag through it.
//!
//! The kernel reads the bytes for us: writing them into a private pipe fails
//! with `EFAULT` instead of crashing when the address is not mapped. This
//! tells mapped from unmapped memory only: a mapped address of the wrong
//! object still needs a type check by the caller. On platforms other than
//! Linux every non-NULL address is reported readable.

use std::ffi::c_void;
use std::sync::{Mutex, OnceLock};

#[cfg(target_os = "linux")]
unsafe extern "C" {
    fn pipe2(fds: *mut i32, flags: i32) -> i32;
    fn write(fd: i32, buf: *const c_void, count: usize) -> isize;
    fn read(fd: i32, buf: *mut c_void, count: usize) -> isize;
}

#[cfg(target_os = "linux")]
const O_NONBLOCK: i32 = 0o4000;
#[cfg(target_os = "linux")]
const O_CLOEXEC: i32 = 0o2000000;

/// The probe pipe (read end, write end), made once; `None` when it cannot be made.
fn pipe() -> Option<&'static Mutex<(i32, i32)>> {
    static PIPE: OnceLock<Option<Mutex<(i32, i32)>>> = OnceLock::new();
    PIPE.get_or_init(|| {
        let mut fds = [0i32; 2];
        // SAFETY: `fds` has room for the two descriptors pipe2 writes.
        let ok = unsafe { pipe2(fds.as_mut_ptr(), O_NONBLOCK | O_CLOEXEC) } == 0;
        ok.then(|| Mutex::new((fds[0], fds[1])))
    })
    .as_ref()
}

/// Whether `len` bytes (at most 4096) at `addr` can be read without a fault.
#[cfg(target_os = "linux")]
pub fn readable(addr: usize, len: usize) -> bool {
    if addr == 0 {
        return false;
    }
    let len = len.clamp(1, 4096);
    let Some(pipe) = pipe() else { return true };
    let Ok(fds) = pipe.lock() else { return true };
    // SAFETY: the kernel copies from `addr` with fault handling (EFAULT), so a bad address cannot crash us.
    let written = unsafe { write(fds.1, addr as *const c_void, len) };
    if written <= 0 {
        return false;
    }
    let mut sink = [0u8; 4096];
    // SAFETY: drains what was just written into a local buffer of sufficient size.
    unsafe { read(fds.0, sink.as_mut_ptr().cast(), written as usize) };
    written as usize == len
}

/// Whether `addr` is non-NULL (no probe on this platform).
#[cfg(not(target_os = "linux"))]
pub fn readable(addr: usize, _len: usize) -> bool {
    addr != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_mapped_from_unmapped() {
        let value = 7u64;
        assert!(readable(&value as *const u64 as usize, 8));
        assert!(!readable(0, 8));
        assert!(!readable(8, 8), "the first page is never mapped");
        assert!(!readable(usize::MAX - 4096, 8));
        assert!(readable(&value as *const u64 as usize, 8), "the pipe was drained");
    }
}
