//! Pixel storage: [`AlignedBuffer`] (owned, zero-initialised, 64-byte
//! aligned heap memory) and [`PixelBuffer`] (owned or a shared, immutable
//! buffer owned by someone else, e.g. a numpy array held by the Python layer).
//!
//! This is the only module with `unsafe` code: raw allocation with a chosen
//! alignment. It does not know about image formats or strides.

use std::alloc::{Layout, alloc, alloc_zeroed, dealloc};
use std::ptr::NonNull;
use std::sync::Arc;

use crate::status::{Result, Status, StatusCode};

/// Alignment of every [`AlignedBuffer`] start address (a cache line; covers
/// every `is_aligned(n)` query up to 64 and SIMD loads).
pub const BUFFER_ALIGNMENT: usize = 64;

/// Owned, zero-initialised bytes whose start address is a multiple of
/// [`BUFFER_ALIGNMENT`].
pub struct AlignedBuffer {
    ptr: NonNull<u8>,
    len: usize,
    layout: Layout,
}

// Invariant: all `len` bytes are initialised (by `alloc_zeroed` or by
// `from_rows`, which writes every byte).
// SAFETY: the buffer exclusively owns plain bytes; shared access is read-only
// (`&self` only hands out `&[u8]`), mutation needs `&mut self`.
unsafe impl Send for AlignedBuffer {}
// SAFETY: see `Send`; no interior mutability.
unsafe impl Sync for AlignedBuffer {}

impl AlignedBuffer {
    /// `len` zero bytes. Sizes the allocator refuses are RESOURCE_EXHAUSTED.
    pub fn zeroed(len: usize) -> Result<AlignedBuffer> {
        let layout = Layout::from_size_align(len.max(1), BUFFER_ALIGNMENT).map_err(|_| too_large(len))?;
        // SAFETY: `layout` has a non-zero size.
        let raw = unsafe { alloc_zeroed(layout) };
        let ptr = NonNull::new(raw).ok_or_else(|| too_large(len))?;
        Ok(AlignedBuffer { ptr, len, layout })
    }

    /// A copy of `height` rows of `row_bytes` bytes taken from `src` (rows
    /// `src_stride` apart) into rows `dst_stride` apart, with the padding
    /// after each row zeroed. Every byte is written exactly once (no
    /// zero-fill pass): one memcpy when both layouts are packed, else one per row.
    pub fn from_rows(src: &[u8], src_stride: usize, row_bytes: usize, dst_stride: usize, height: usize) -> Result<AlignedBuffer> {
        let len = dst_stride.checked_mul(height).ok_or_else(|| too_large(usize::MAX))?;
        let src_needed = match height {
            0 => Some(0),
            h => src_stride.checked_mul(h - 1).and_then(|n| n.checked_add(row_bytes)),
        };
        let bad_geometry = dst_stride < row_bytes || (height > 1 && src_stride < row_bytes);
        if bad_geometry || src_needed.is_none_or(|n| n > src.len()) {
            return Err(Status::internal("AlignedBuffer::from_rows: source does not match the geometry"));
        }
        let layout = Layout::from_size_align(len.max(1), BUFFER_ALIGNMENT).map_err(|_| too_large(len))?;
        // SAFETY: `layout` has a non-zero size.
        let ptr = NonNull::new(unsafe { alloc(layout) }).ok_or_else(|| too_large(len))?;
        let dst = ptr.as_ptr();
        if src_stride == row_bytes && dst_stride == row_bytes {
            // SAFETY: `src` holds ≥ len = row_bytes × height bytes (checked
            // above) and `dst` has `len` writable bytes; the regions are distinct.
            unsafe { std::ptr::copy_nonoverlapping(src.as_ptr(), dst, len) };
        } else {
            for y in 0..height {
                let row = &src[y * src_stride..y * src_stride + row_bytes];
                // SAFETY: row y of the destination spans
                // [y × dst_stride, (y + 1) × dst_stride) ⊆ [0, len), and
                // row_bytes ≤ dst_stride; `row` is a checked slice of `src`.
                unsafe {
                    let d = dst.add(y * dst_stride);
                    std::ptr::copy_nonoverlapping(row.as_ptr(), d, row_bytes);
                    std::ptr::write_bytes(d.add(row_bytes), 0, dst_stride - row_bytes);
                }
            }
        }
        Ok(AlignedBuffer { ptr, len, layout })
    }

    /// The bytes.
    pub fn as_slice(&self) -> &[u8] {
        // SAFETY: `ptr` points to `layout.size() >= len` initialised bytes
        // owned by `self` and alive while `self` is borrowed.
        unsafe { std::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }

    /// The bytes, writable.
    pub fn as_mut_slice(&mut self) -> &mut [u8] {
        // SAFETY: as in `as_slice`, and `&mut self` makes the access exclusive.
        unsafe { std::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }

    /// Number of bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the buffer holds no bytes.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

impl Drop for AlignedBuffer {
    fn drop(&mut self) {
        // SAFETY: `ptr` came from `alloc`/`alloc_zeroed(self.layout)` and is freed once.
        unsafe { dealloc(self.ptr.as_ptr(), self.layout) }
    }
}

impl std::fmt::Debug for AlignedBuffer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "AlignedBuffer({} bytes)", self.len)
    }
}

fn too_large(len: usize) -> Status {
    Status::new(StatusCode::ResourceExhausted, format!("cannot allocate {len} bytes of pixel data"))
}

/// Immutable bytes owned elsewhere and shared without copying. The Python
/// layer implements `AsRef<[u8]>` on a holder of the numpy array (its memory
/// must not move or change size while the holder lives, which numpy
/// guarantees while a reference is held). `Vec<u8>`, `Box<[u8]>` and
/// `Arc<[u8]>` work as they are.
pub type SharedBytes = Arc<dyn AsRef<[u8]> + Send + Sync>;

/// The storage behind an image frame: cheap to clone, read-only once shared.
#[derive(Clone)]
pub enum PixelBuffer {
    /// Memory the frame allocated (aligned, see [`AlignedBuffer`]).
    Owned(Arc<AlignedBuffer>),
    /// Memory borrowed from an external owner, kept alive by the `Arc`.
    Shared(SharedBytes),
}

impl PixelBuffer {
    /// The bytes.
    pub fn as_slice(&self) -> &[u8] {
        match self {
            PixelBuffer::Owned(buf) => buf.as_slice(),
            PixelBuffer::Shared(bytes) => (**bytes).as_ref(),
        }
    }

    /// Whether the storage is shared with an external owner (reference mode).
    pub fn is_shared(&self) -> bool {
        matches!(self, PixelBuffer::Shared(_))
    }

    /// Writable bytes, if the storage is owned and not shared with another frame.
    pub fn as_mut_slice(&mut self) -> Option<&mut [u8]> {
        match self {
            PixelBuffer::Owned(buf) => Arc::get_mut(buf).map(AlignedBuffer::as_mut_slice),
            PixelBuffer::Shared(_) => None,
        }
    }
}

impl std::fmt::Debug for PixelBuffer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = if self.is_shared() { "Shared" } else { "Owned" };
        write!(f, "PixelBuffer::{kind}({} bytes)", self.as_slice().len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligned_buffer_is_zeroed_aligned_and_writable() {
        for len in [0, 1, 63, 64, 1000] {
            let mut buf = AlignedBuffer::zeroed(len).unwrap();
            assert_eq!(buf.len(), len);
            assert_eq!(buf.as_slice().as_ptr() as usize % BUFFER_ALIGNMENT, 0);
            assert!(buf.as_slice().iter().all(|&b| b == 0));
            if len > 0 {
                buf.as_mut_slice()[len - 1] = 7;
                assert_eq!(buf.as_slice()[len - 1], 7);
            }
        }
    }

    #[test]
    fn from_rows_copies_rows_and_zeroes_padding() {
        let src: Vec<u8> = (1..=12).collect();
        let buf = AlignedBuffer::from_rows(&src, 5, 3, 4, 2).unwrap();
        assert_eq!(buf.as_slice(), &[1, 2, 3, 0, 6, 7, 8, 0]);
        assert_eq!(buf.as_slice().as_ptr() as usize % BUFFER_ALIGNMENT, 0);
        let packed = AlignedBuffer::from_rows(&src, 6, 6, 6, 2).unwrap();
        assert_eq!(packed.as_slice(), &src[..]);
        assert!(AlignedBuffer::from_rows(&src, 6, 6, 6, 3).is_err());
        assert!(AlignedBuffer::from_rows(&src, 2, 3, 4, 2).is_err());
        assert!(AlignedBuffer::from_rows(&src, 3, 3, 2, 1).is_err());
        assert!(AlignedBuffer::from_rows(&src, 3, 3, usize::MAX, 3).is_err());
        assert_eq!(AlignedBuffer::from_rows(&[], 0, 0, 0, 0).unwrap().len(), 0);
    }

    #[test]
    fn huge_allocation_is_an_error_not_an_abort() {
        let err = AlignedBuffer::zeroed(usize::MAX - 8).unwrap_err();
        assert_eq!(err.code(), StatusCode::ResourceExhausted);
    }

    #[test]
    fn shared_buffer_is_not_copied_or_writable() {
        let data: SharedBytes = Arc::new(vec![1u8, 2, 3]);
        let ptr = (*data).as_ref().as_ptr();
        let mut buf = PixelBuffer::Shared(data.clone());
        assert_eq!(buf.as_slice().as_ptr(), ptr);
        assert!(buf.is_shared() && buf.as_mut_slice().is_none());
        assert_eq!(Arc::strong_count(&data), 2);
    }
}
