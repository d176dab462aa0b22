//! [`Image`]: MediaPipe's device-neutral image, here CPU only: a wrapper
//! around an [`ImageFrame`] that shares its pixels.
//!
//! This module owns the Image-specific surface (`step`, `uses_gpu`, GPU
//! refusals). Geometry and pixel rules are the frame's; GPU operations return
//! an UNIMPLEMENTED status instead of pretending.

use bindery_annotations as bindery;

use crate::image_format::ImageFormat;
use crate::image_frame::{ImageFrame, PixelValue};
use crate::status::{Result, Status};

/// A CPU image backed by an [`ImageFrame`]. Cloning shares the pixels.
#[bindery::class(module = "image", name = "Image")]
#[derive(Clone, Debug)]
pub struct Image {
    frame: ImageFrame,
}

impl From<ImageFrame> for Image {
    fn from(frame: ImageFrame) -> Image {
        Image { frame }
    }
}

#[bindery::methods]
impl Image {
    /// An image sharing `frame`'s pixels.
    pub fn from_frame(frame: ImageFrame) -> Image {
        Image { frame }
    }

    /// The underlying CPU frame.
    pub fn frame(&self) -> &ImageFrame {
        &self.frame
    }

    /// The pixel format (Python property `image_format`).
    #[bindery::getter(name = "image_format")]
    pub fn format(&self) -> ImageFormat {
        self.frame.format()
    }

    /// Width in pixels.
    #[bindery::getter(name = "width")]
    pub fn width(&self) -> usize {
        self.frame.width()
    }

    /// Height in pixels.
    #[bindery::getter(name = "height")]
    pub fn height(&self) -> usize {
        self.frame.height()
    }

    /// Channels per pixel.
    #[bindery::getter(name = "channels")]
    pub fn channels(&self) -> usize {
        self.frame.channels()
    }

    /// Row stride in bytes (e.g. 1924 for a 641-pixel SRGB row aligned to 4).
    #[bindery::getter(name = "step")]
    pub fn step(&self) -> usize {
        self.frame.width_step()
    }

    /// Whether rows follow each other without padding.
    #[bindery::method(name = "is_contiguous")]
    pub fn is_contiguous(&self) -> bool {
        self.frame.is_contiguous()
    }

    /// Whether the image has no pixel data.
    #[bindery::method(name = "is_empty")]
    pub fn is_empty(&self) -> bool {
        self.frame.is_empty()
    }

    /// See [`ImageFrame::is_aligned`].
    #[bindery::method(name = "is_aligned")]
    pub fn is_aligned(&self, alignment_boundary: usize) -> Result<bool> {
        self.frame.is_aligned(alignment_boundary)
    }

    /// Always false: this implementation keeps images on the CPU.
    #[bindery::method(name = "uses_gpu")]
    pub fn uses_gpu(&self) -> bool {
        false
    }

    /// See [`ImageFrame::get_pixel`].
    #[bindery::method(name = "__getitem__")]
    pub fn get_pixel(&self, indices: &[i64]) -> Result<PixelValue> {
        self.frame.get_pixel(indices)
    }

    /// GPU transfer is not available: always an UNIMPLEMENTED status.
    pub fn convert_to_gpu(&self) -> Result<Image> {
        Err(Status::unimplemented("GPU images are not supported: this Image is CPU only"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::StatusCode;

    #[test]
    fn image_reports_frame_geometry_and_cpu_only() {
        let frame = ImageFrame::new_zeroed(ImageFormat::Srgb, 641, 2, 4).unwrap();
        let image = Image::from_frame(frame.clone());
        assert_eq!((image.width(), image.height(), image.channels()), (641, 2, 3));
        assert_eq!(image.step(), 1924);
        assert!(!image.is_contiguous() && !image.is_empty() && !image.uses_gpu());
        assert_eq!(image.frame().pixel_data().as_ptr(), frame.pixel_data().as_ptr());
        assert_eq!(image.convert_to_gpu().unwrap_err().code(), StatusCode::Unimplemented);
        assert_eq!(image.get_pixel(&[1, 640, 2]).unwrap(), PixelValue::Int(0));
    }
}
