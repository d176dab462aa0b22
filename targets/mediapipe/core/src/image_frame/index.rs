//! Pixel indexing of an [`ImageFrame`] (`frame[i, j]` / `frame[i, j, k]` in
//! Python), with the reference's IndexError messages and full bounds checks
//! (negative indices are rejected; the reference reads out of bounds).

use bindery_annotations as bindery;

use super::ImageFrame;
use crate::image_format::ElementType;
use crate::status::{Result, Status};

/// One channel value: an int for uint8/uint16 formats, a float for float32.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PixelValue {
    /// A uint8 or uint16 channel value.
    Int(i64),
    /// A float32 channel value (widened to f64).
    Float(f64),
}

#[bindery::methods]
impl ImageFrame {
    /// The channel value at `[row, col]` (one-channel formats) or
    /// `[row, col, channel]`. Wrong dimension counts and out-of-bounds
    /// indices are IndexError-kind errors; an empty frame is an error too.
    #[bindery::method(name = "__getitem__")]
    pub fn get_pixel(&self, indices: &[i64]) -> Result<PixelValue> {
        let (row, col, ch) = self.resolve_indices(indices)?;
        if self.is_empty() {
            return Err(Status::failed_precondition("ImageFrame is empty"));
        }
        let depth = self.byte_depth();
        let offset = row * self.width_step + (col * self.channels() + ch) * depth;
        let bytes =
            self.pixel_data().get(offset..offset + depth).ok_or_else(|| Status::internal("pixel buffer is shorter than the frame"))?;
        Ok(match self.element_type() {
            ElementType::U8 => PixelValue::Int(i64::from(bytes[0])),
            ElementType::U16 => PixelValue::Int(i64::from(u16::from_ne_bytes([bytes[0], bytes[1]]))),
            ElementType::F32 => {
                let raw = [bytes[0], bytes[1], bytes[2], bytes[3]];
                PixelValue::Float(f64::from(f32::from_ne_bytes(raw)))
            }
        })
    }

    /// Checks the index count against the channel count and each index
    /// against its axis, returning (row, col, channel).
    fn resolve_indices(&self, indices: &[i64]) -> Result<(usize, usize, usize)> {
        let one_channel = self.channels() == 1;
        match (indices.len(), one_channel) {
            (2, true) | (3, false) => {}
            (3, true) => {
                return Err(Status::index_out_of_bounds("index dimension mismatch: 3 (ndim = 2)"));
            }
            (n, _) => return Err(Status::index_out_of_bounds(format!("Invalid index dimension: {n}"))),
        }
        let sizes = [self.height, self.width, self.channels()];
        let mut out = [0usize; 3];
        for (axis, &index) in indices.iter().enumerate() {
            out[axis] = check_axis(index, axis, sizes[axis])?;
        }
        Ok((out[0], out[1], out[2]))
    }
}

/// `index` as a position on an axis of `size`, or numpy's IndexError message.
fn check_axis(index: i64, axis: usize, size: usize) -> Result<usize> {
    match usize::try_from(index) {
        Ok(i) if i < size => Ok(i),
        _ => Err(Status::index_out_of_bounds(format!("index {index} is out of bounds for axis {axis} with size {size}"))),
    }
}
