//! [`ImageFrame`]: a CPU image of one [`ImageFormat`], `height` rows of
//! `width` pixels, rows `width_step` bytes apart.
//!
//! This module owns geometry (row size, stride, alignment), construction by
//! copy (any source stride, rows re-aligned to a boundary) or by reference to
//! a shared immutable buffer (no copy), and raw/row access for zero-copy
//! exports. Pixel indexing lives in `image_frame/index.rs`; the Python
//! constructors' dtype/format rules live in [`crate::pixel_data`].

use bindery_annotations as bindery;

use crate::buffer::{AlignedBuffer, PixelBuffer, SharedBytes};
use crate::image_format::{ElementType, ImageFormat};
use crate::status::{Result, Status};

mod index;

pub use index::PixelValue;

/// MediaPipe's default row alignment for new frames (`kDefaultAlignmentBoundary`).
pub const DEFAULT_ALIGNMENT_BOUNDARY: usize = 16;
/// The row alignment the Python API uses for copies (`kGlDefaultAlignmentBoundary`).
pub const GL_DEFAULT_ALIGNMENT_BOUNDARY: usize = 4;

/// An immutable CPU image. Cloning shares the pixel storage.
#[bindery::class(module = "image_frame", name = "ImageFrame")]
#[derive(Clone, Debug)]
pub struct ImageFrame {
    format: ImageFormat,
    width: usize,
    height: usize,
    width_step: usize,
    /// `None` for an empty frame (no pixel data).
    buffer: Option<PixelBuffer>,
}

/// Rounds `n` up to a multiple of `boundary` (a power of two).
fn round_up(n: usize, boundary: usize) -> Option<usize> {
    n.checked_add(boundary - 1).map(|m| m & !(boundary - 1))
}

/// Checks that `boundary` is 1 or a power of two.
fn check_boundary(boundary: usize) -> Result<()> {
    if boundary.is_power_of_two() {
        Ok(())
    } else {
        Err(Status::invalid_argument(format!("alignment boundary must be 1 or a power of two, got {boundary}")))
    }
}

/// Bytes needed for `height` rows of `row_bytes`, `stride` apart.
fn span(height: usize, row_bytes: usize, stride: usize) -> Option<usize> {
    if height == 0 {
        return Some(0);
    }
    stride.checked_mul(height - 1)?.checked_add(row_bytes)
}

/// (row bytes, width step) for `width` pixels with rows aligned to `boundary`.
fn row_geometry(format: ImageFormat, width: usize, boundary: usize) -> Result<(usize, usize)> {
    check_boundary(boundary)?;
    let row_bytes = width.checked_mul(format.pixel_bytes()).ok_or_else(|| size_error("row"))?;
    let width_step = round_up(row_bytes, boundary).ok_or_else(|| size_error("row"))?;
    Ok((row_bytes, width_step))
}

fn size_error(what: &str) -> Status {
    Status::invalid_argument(format!("image dimensions overflow: {what}"))
}

#[bindery::methods]
impl ImageFrame {
    /// An empty frame (no pixel data), like a default-constructed C++ frame.
    pub fn empty(format: ImageFormat) -> ImageFrame {
        ImageFrame { format, width: 0, height: 0, width_step: 0, buffer: None }
    }

    /// A zero-filled frame whose rows are padded to `alignment_boundary`
    /// bytes (1 = contiguous). The boundary must be a power of two.
    pub fn new_zeroed(format: ImageFormat, width: usize, height: usize, alignment_boundary: usize) -> Result<ImageFrame> {
        let (_, width_step) = row_geometry(format, width, alignment_boundary)?;
        let total = width_step.checked_mul(height).ok_or_else(|| size_error("frame"))?;
        let buffer = Some(PixelBuffer::Owned(AlignedBuffer::zeroed(total)?.into()));
        Ok(ImageFrame { format, width, height, width_step, buffer })
    }

    /// A frame holding a copy of `src`, whose rows are `src_stride` bytes
    /// apart (≥ the row size). The copy's rows are aligned to
    /// `alignment_boundary`; when both layouts are contiguous this is one
    /// memcpy, otherwise one copy per row (see [`AlignedBuffer::from_rows`]).
    pub fn from_pixels(
        format: ImageFormat,
        width: usize,
        height: usize,
        src: &[u8],
        src_stride: usize,
        alignment_boundary: usize,
    ) -> Result<ImageFrame> {
        let (row_bytes, width_step) = row_geometry(format, width, alignment_boundary)?;
        check_source(row_bytes, height, src, src_stride)?;
        width_step.checked_mul(height).ok_or_else(|| size_error("frame"))?;
        let buffer = AlignedBuffer::from_rows(src, src_stride, row_bytes, width_step, height)?;
        let buffer = Some(PixelBuffer::Owned(buffer.into()));
        Ok(ImageFrame { format, width, height, width_step, buffer })
    }

    /// A frame over `buffer` without copying: rows start every `width_step`
    /// bytes from the start of the buffer. The buffer must be long enough.
    pub fn from_shared(format: ImageFormat, width: usize, height: usize, width_step: usize, buffer: SharedBytes) -> Result<ImageFrame> {
        let row_bytes = width.checked_mul(format.pixel_bytes()).ok_or_else(|| size_error("row"))?;
        check_source(row_bytes, height, (*buffer).as_ref(), width_step)?;
        let buffer = Some(PixelBuffer::Shared(buffer));
        Ok(ImageFrame { format, width, height, width_step, buffer })
    }

    /// A copy of this frame with rows aligned to `alignment_boundary`.
    pub fn copy_aligned(&self, alignment_boundary: usize) -> Result<ImageFrame> {
        if self.is_empty() {
            return Ok(Self::empty(self.format));
        }
        let (w, h, step) = (self.width, self.height, self.width_step);
        Self::from_pixels(self.format, w, h, self.pixel_data(), step, alignment_boundary)
    }

    /// The pixel format (Python property `image_format`).
    #[bindery::getter(name = "image_format")]
    pub fn format(&self) -> ImageFormat {
        self.format
    }

    /// Width in pixels.
    #[bindery::getter(name = "width")]
    pub fn width(&self) -> usize {
        self.width
    }

    /// Height in pixels (rows).
    #[bindery::getter(name = "height")]
    pub fn height(&self) -> usize {
        self.height
    }

    /// Channels per pixel.
    #[bindery::getter(name = "channels")]
    pub fn channels(&self) -> usize {
        self.format.channels()
    }

    /// Bytes per channel value.
    #[bindery::getter(name = "byte_depth")]
    pub fn byte_depth(&self) -> usize {
        self.format.byte_depth()
    }

    /// Storage type of a channel value.
    pub fn element_type(&self) -> ElementType {
        self.format.element_type()
    }

    /// Distance between row starts in bytes.
    pub fn width_step(&self) -> usize {
        self.width_step
    }

    /// Bytes of pixel data in one row (`width × channels × byte_depth`).
    pub fn row_bytes(&self) -> usize {
        self.width * self.format.pixel_bytes()
    }

    /// Whether the frame has no pixel data.
    #[bindery::method(name = "is_empty")]
    pub fn is_empty(&self) -> bool {
        self.buffer.is_none()
    }

    /// Whether rows follow each other without padding.
    #[bindery::method(name = "is_contiguous")]
    pub fn is_contiguous(&self) -> bool {
        self.width_step == self.row_bytes()
    }

    /// Whether the data address and the row stride are multiples of
    /// `alignment_boundary`, which must be 1 or a power of two (else an
    /// INVALID_ARGUMENT error; the reference aborts).
    #[bindery::method(name = "is_aligned")]
    pub fn is_aligned(&self, alignment_boundary: usize) -> Result<bool> {
        check_boundary(alignment_boundary)?;
        let addr = self.pixel_data().as_ptr() as usize;
        Ok(addr % alignment_boundary == 0 && self.width_step % alignment_boundary == 0)
    }

    /// Whether the pixels live in a shared external buffer (reference mode).
    pub fn is_shared(&self) -> bool {
        self.buffer.as_ref().is_some_and(PixelBuffer::is_shared)
    }

    /// All pixel bytes, from the first pixel to the end of the last row
    /// (`width_step × (height − 1) + row_bytes` bytes; empty for an empty frame).
    /// With `width_step` this is what a zero-copy numpy view needs.
    pub fn pixel_data(&self) -> &[u8] {
        let len = span(self.height, self.row_bytes(), self.width_step).unwrap_or(0);
        // A shared buffer that shrank after validation reads as empty
        // rather than panicking.
        self.buffer.as_ref().and_then(|buf| buf.as_slice().get(..len)).unwrap_or_default()
    }

    /// Writable pixel bytes, when the storage is owned and not shared.
    pub fn pixel_data_mut(&mut self) -> Option<&mut [u8]> {
        self.buffer.as_mut()?.as_mut_slice()
    }

    /// Row `y` (its `row_bytes` bytes, no padding); `None` past the last row.
    pub fn row(&self, y: usize) -> Option<&[u8]> {
        if y >= self.height || self.is_empty() {
            return None;
        }
        let start = y * self.width_step;
        self.pixel_data().get(start..start + self.row_bytes())
    }

    /// The pixels packed without padding (a contiguous copy, row by row).
    pub fn to_contiguous_vec(&self) -> Vec<u8> {
        let row_bytes = self.row_bytes();
        if self.is_contiguous() {
            return self.pixel_data().to_vec();
        }
        let mut out = Vec::with_capacity(row_bytes * self.height);
        for y in 0..self.height {
            out.extend_from_slice(self.row(y).unwrap_or(&[]));
        }
        out
    }

    /// The numpy shape: `[h, w]` for one channel, else `[h, w, c]`.
    pub fn numpy_shape(&self) -> Vec<usize> {
        match self.channels() {
            1 => vec![self.height, self.width],
            c => vec![self.height, self.width, c],
        }
    }

    /// The numpy byte strides matching [`ImageFrame::numpy_shape`] over
    /// [`ImageFrame::pixel_data`].
    pub fn numpy_strides(&self) -> Vec<usize> {
        let depth = self.byte_depth();
        match self.channels() {
            1 => vec![self.width_step, depth],
            c => vec![self.width_step, c * depth, depth],
        }
    }
}

/// Checks that `src` holds `height` rows of `row_bytes`, `stride` apart.
fn check_source(row_bytes: usize, height: usize, src: &[u8], stride: usize) -> Result<()> {
    if height > 1 && stride < row_bytes {
        return Err(Status::invalid_argument(format!("row stride {stride} is smaller than the row size {row_bytes}")));
    }
    let needed = span(height, row_bytes, stride).ok_or_else(|| size_error("source"))?;
    if src.len() < needed {
        return Err(Status::invalid_argument(format!("pixel buffer holds {} bytes but the image needs {needed}", src.len())));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
