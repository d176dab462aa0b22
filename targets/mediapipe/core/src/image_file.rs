//! `Image.create_from_file(file_name)`: decodes a PNG or JPEG file into an
//! 8-bit [`Image`] (GRAY8, SRGB or SRGBA for 1, 3 or 4 channels), the way the
//! reference does with stb_image.
//!
//! This module owns file reading, format sniffing and the decoders' glue
//! (`png`, `zune-jpeg`). Failures are RuntimeError statuses in the
//! reference's form `Image decoding failed ({reason}): {path}`; a decoder
//! panic on a hostile file is caught and reported the same way.

use std::io::Read;
use std::panic::{AssertUnwindSafe, catch_unwind};

use bindery_annotations as bindery;

use crate::image::Image;
use crate::image_format::ImageFormat;
use crate::image_frame::ImageFrame;
use crate::status::{ErrorKind, Result, Status};

const PNG_MAGIC: &[u8] = b"\x89PNG\r\n\x1a\n";
const JPEG_MAGIC: &[u8] = b"\xff\xd8\xff";

/// Decoded 8-bit pixels, packed rows.
struct Decoded {
    width: usize,
    height: usize,
    channels: usize,
    pixels: Vec<u8>,
}

fn decode_error(reason: &str, path: &str) -> Status {
    Status::unknown(format!("Image decoding failed ({reason}): {path}")).with_kind(ErrorKind::Failed)
}

fn decode_png(bytes: &[u8]) -> std::result::Result<Decoded, String> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(|e| e.to_string())?;
    let size = reader.output_buffer_size().ok_or("image too large")?;
    let mut pixels = vec![0; size];
    let info = reader.next_frame(&mut pixels).map_err(|e| e.to_string())?;
    pixels.truncate(info.buffer_size());
    let channels = info.color_type.samples();
    let (width, height) = (info.width as usize, info.height as usize);
    Ok(Decoded { width, height, channels, pixels })
}

fn decode_jpeg(bytes: &[u8]) -> std::result::Result<Decoded, String> {
    use zune_jpeg::zune_core::colorspace::ColorSpace;
    use zune_jpeg::zune_core::options::DecoderOptions;
    let mut decoder = zune_jpeg::JpegDecoder::new(std::io::Cursor::new(bytes));
    decoder.decode_headers().map_err(|e| e.to_string())?;
    let gray = decoder.input_colorspace() == Some(ColorSpace::Luma);
    let out = if gray { ColorSpace::Luma } else { ColorSpace::RGB };
    decoder.set_options(DecoderOptions::default().jpeg_set_out_colorspace(out));
    let pixels = decoder.decode().map_err(|e| e.to_string())?;
    let info = decoder.info().ok_or("missing JPEG header")?;
    let channels = if gray { 1 } else { 3 };
    Ok(Decoded { width: usize::from(info.width), height: usize::from(info.height), channels, pixels })
}

/// Reads `path` whole once its first bytes name a known image type. An
/// unknown type is decided from those bytes alone, as stb_image does, so an
/// endless file (a device such as `/dev/zero`) is never read to its end.
fn read_image_file(path: &str) -> Result<Vec<u8>> {
    let unreadable = |_| decode_error("can't fopen", path);
    let mut file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    (&mut file).take(PNG_MAGIC.len() as u64).read_to_end(&mut bytes).map_err(unreadable)?;
    if !(bytes.starts_with(PNG_MAGIC) || bytes.starts_with(JPEG_MAGIC)) {
        return Err(decode_error("unknown image type", path));
    }
    file.read_to_end(&mut bytes).map_err(unreadable)?;
    Ok(bytes)
}

/// Picks the decoder from the file's magic bytes; `None` for unknown types.
fn decode_bytes(bytes: &[u8]) -> Option<std::result::Result<Decoded, String>> {
    let decode: fn(&[u8]) -> std::result::Result<Decoded, String> = if bytes.starts_with(PNG_MAGIC) {
        decode_png
    } else if bytes.starts_with(JPEG_MAGIC) {
        decode_jpeg
    } else {
        return None;
    };
    Some(catch_unwind(AssertUnwindSafe(|| decode(bytes))).unwrap_or_else(|_| Err("corrupt image".into())))
}

fn format_for(channels: usize) -> Option<ImageFormat> {
    match channels {
        1 => Some(ImageFormat::Gray8),
        3 => Some(ImageFormat::Srgb),
        4 => Some(ImageFormat::Srgba),
        _ => None,
    }
}

#[bindery::methods]
impl Image {
    /// `Image.create_from_file(file_name)`: decodes a PNG or JPEG file into
    /// a contiguous GRAY8 / SRGB / SRGBA image. Unreadable files, unknown
    /// types, corrupt data and 2-channel (gray + alpha) images are
    /// RuntimeError statuses `Image decoding failed ({reason}): {path}`.
    #[bindery::staticmethod]
    pub fn create_from_file(file_name: &str) -> Result<Image> {
        let bytes = read_image_file(file_name)?;
        let decoded = decode_bytes(&bytes)
            .ok_or_else(|| decode_error("unknown image type", file_name))?
            .map_err(|reason| decode_error(&reason, file_name))?;
        let format = format_for(decoded.channels)
            .ok_or_else(|| decode_error(&format!("unsupported channel count {}", decoded.channels), file_name))?;
        let Decoded { width, height, pixels, .. } = decoded;
        let frame = ImageFrame::from_pixels(format, width, height, &pixels, width * format.pixel_bytes(), 1)?;
        Ok(Image::from_frame(frame))
    }
}

#[cfg(test)]
mod tests;
