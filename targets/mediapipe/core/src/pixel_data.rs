//! The Python image constructors' rules: `ImageFrame(format, data)` /
//! `Image(format, data)` and `_create_image_frame_from_pixel_data(format,
//! data, copy)` / `_create_image_from_pixel_data`.
//!
//! The binding layer hands over a numpy array as [`ArrayData`]: its dtype
//! name, rows and cols (`shape[0]`, `shape[1]`) and its C-contiguous bytes, either
//! borrowed (copy mode) or shared (reference mode). This module checks the
//! format against the dtype with the reference's messages, converts
//! numpy-'safe' dtypes, and validates the byte length, so a shape that does
//! not fit the format is an error, not an out-of-bounds read.

use bindery_annotations as bindery;

use crate::buffer::SharedBytes;
use crate::image::Image;
use crate::image_format::{ElementType, ImageFormat};
use crate::image_frame::{GL_DEFAULT_ALIGNMENT_BOUNDARY, ImageFrame};
use crate::packet::Packet;
use crate::status::{ErrorKind, Result, Status};

/// Where an array's bytes come from.
#[derive(Clone)]
pub enum ArrayBytes<'a> {
    /// Bytes to copy (copy mode; the caller's array may change later).
    Borrowed(&'a [u8]),
    /// An immutable buffer to share without copying (reference mode).
    Shared(SharedBytes),
}

impl ArrayBytes<'_> {
    fn as_slice(&self) -> &[u8] {
        match self {
            ArrayBytes::Borrowed(b) => b,
            ArrayBytes::Shared(s) => (**s).as_ref(),
        }
    }
}

/// A C-contiguous numpy array as the binding layer sees it.
#[derive(Clone)]
pub struct ArrayData<'a> {
    /// The numpy dtype name (`"uint8"`, `"uint16"`, `"float32"`, `"float64"`, ...).
    pub dtype: &'a str,
    /// `shape[0]`: image rows.
    pub rows: usize,
    /// `shape[1]`: image columns.
    pub cols: usize,
    /// The array's bytes in C order.
    pub bytes: ArrayBytes<'a>,
}

/// Which class is being built: `Image` also accepts VEC32F4 float data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    ImageFrame,
    Image,
}

fn element_of(dtype: &str) -> Option<ElementType> {
    match dtype {
        "uint8" => Some(ElementType::U8),
        "uint16" => Some(ElementType::U16),
        "float32" => Some(ElementType::F32),
        _ => None,
    }
}

/// The constructor rule: each dtype allows a fixed set of formats
/// (RuntimeError otherwise, with the reference's message).
fn check_constructor_format(format: ImageFormat, element: ElementType, target: Target) -> Result<()> {
    use ImageFormat::*;
    let (ok, msg) = match element {
        ElementType::U8 => (
            matches!(format, Gray8 | Srgb | Srgba),
            "uint8 image data should be one of the GRAY8, SRGB, and SRGBA MediaPipe image formats.",
        ),
        ElementType::U16 => (
            matches!(format, Gray16 | Srgb48 | Srgba64),
            "uint16 image data should be one of the GRAY16, SRGB48, and SRGBA64 MediaPipe image formats.",
        ),
        ElementType::F32 => (
            matches!(format, Vec32f1 | Vec32f2) || (target == Target::Image && format == Vec32f4),
            "float image data should be either VEC32F1 or VEC32F2 MediaPipe image formats.",
        ),
    };
    if ok { Ok(()) } else { Err(runtime_error(msg)) }
}

fn runtime_error(message: impl Into<String>) -> Status {
    Status::invalid_argument(message).with_kind(ErrorKind::Failed)
}

/// The shared constructor rule of `ImageFrame(image_format, data)` and
/// `Image(image_format, data)`: the data must be uint8, uint16 or float32
/// (TypeError otherwise, as no overload matches) and fit the format; pixels
/// are copied with rows aligned to 4 bytes.
fn frame_from_constructor(format_value: i64, data: &ArrayData<'_>, target: Target) -> Result<ImageFrame> {
    let format = ImageFormat::from_value(format_value).map_err(|e| runtime_error(e.message()))?;
    let element = element_of(data.dtype).ok_or_else(|| {
        Status::wrong_type(format!(
            "__init__(): incompatible constructor arguments: image data of dtype {} is not uint8, uint16 or float32",
            data.dtype
        ))
    })?;
    check_constructor_format(format, element, target)?;
    copy_frame(format, data.rows, data.cols, data.bytes.as_slice())
}

#[bindery::methods]
impl ImageFrame {
    /// `ImageFrame(image_format, data)`: always copies, rows aligned to 4 bytes.
    #[bindery::constructor]
    pub fn from_array(format_value: i64, data: &ArrayData<'_>) -> Result<ImageFrame> {
        frame_from_constructor(format_value, data, Target::ImageFrame)
    }
}

#[bindery::methods]
impl Image {
    /// `Image(image_format, data)`: as `ImageFrame(...)`, also accepting VEC32F4 floats.
    #[bindery::constructor]
    pub fn from_array(format_value: i64, data: &ArrayData<'_>) -> Result<Image> {
        frame_from_constructor(format_value, data, Target::Image).map(Image::from_frame)
    }
}

/// Copies C-contiguous pixel bytes into a new frame aligned to 4 bytes.
fn copy_frame(format: ImageFormat, rows: usize, cols: usize, bytes: &[u8]) -> Result<ImageFrame> {
    let row_bytes = cols.checked_mul(format.pixel_bytes()).ok_or_else(|| Status::invalid_argument("image dimensions overflow"))?;
    ImageFrame::from_pixels(format, cols, rows, bytes, row_bytes, GL_DEFAULT_ALIGNMENT_BOUNDARY)
}

/// The dtype `_create_image_frame_from_pixel_data` requires for `format`;
/// formats outside the nine it supports are RuntimeError
/// `Unsupported ImageFormat: {value}`.
fn required_element(format_value: i64) -> Result<(ImageFormat, ElementType)> {
    let unsupported = || runtime_error(format!("Unsupported ImageFormat: {format_value}"));
    let format = ImageFormat::from_value(format_value).map_err(|_| unsupported())?;
    if format == ImageFormat::Sbgra {
        return Err(unsupported());
    }
    Ok((format, format.element_type()))
}

/// numpy's 'safe' casts among the three storage types (u8→u16, u8→f32, u16→f32).
fn safe_cast(from: ElementType, to: ElementType) -> bool {
    use ElementType::*;
    from == to || matches!((from, to), (U8, U16) | (U8, F32) | (U16, F32))
}

/// Converts native-endian elements of `from` to `to` (a safe cast).
fn convert_elements(bytes: &[u8], from: ElementType, to: ElementType) -> Vec<u8> {
    let values: Vec<f64> = match from {
        ElementType::U8 => bytes.iter().map(|&b| f64::from(b)).collect(),
        ElementType::U16 => bytes.chunks_exact(2).map(|c| f64::from(u16::from_ne_bytes([c[0], c[1]]))).collect(),
        ElementType::F32 => bytes.chunks_exact(4).map(|c| f64::from(f32::from_ne_bytes([c[0], c[1], c[2], c[3]]))).collect(),
    };
    match to {
        ElementType::U8 => values.iter().map(|&v| v as u8).collect(),
        ElementType::U16 => values.iter().flat_map(|&v| (v as u16).to_ne_bytes()).collect(),
        ElementType::F32 => values.iter().flat_map(|&v| (v as f32).to_ne_bytes()).collect(),
    }
}

/// `_create_image_frame_from_pixel_data(format, data, copy)`: copy mode
/// aligns rows to 4 bytes; reference mode ([`ArrayBytes::Shared`]) builds a
/// contiguous frame over the shared bytes without copying. A dtype numpy
/// cannot cast safely is numpy's TypeError text.
pub fn frame_from_pixel_data(format_value: i64, data: &ArrayData<'_>) -> Result<ImageFrame> {
    let (format, required) = required_element(format_value)?;
    let cast_error = || {
        Status::wrong_type(format!(
            "Cannot cast array data from dtype('{}') to dtype('{}') according to the rule 'safe'",
            data.dtype,
            required.numpy_name()
        ))
    };
    let given = element_of(data.dtype).ok_or_else(cast_error)?;
    if !safe_cast(given, required) {
        return Err(cast_error());
    }
    if given != required {
        let converted = convert_elements(data.bytes.as_slice(), given, required);
        return copy_frame(format, data.rows, data.cols, &converted);
    }
    match &data.bytes {
        ArrayBytes::Borrowed(bytes) => copy_frame(format, data.rows, data.cols, bytes),
        ArrayBytes::Shared(shared) => {
            let step = data.cols.saturating_mul(format.pixel_bytes());
            ImageFrame::from_shared(format, data.cols, data.rows, step, shared.clone())
        }
    }
}

/// `_create_image_frame_from_pixel_data` as a packet.
#[bindery::function(module = "_packet_creator", name = "_create_image_frame_from_pixel_data")]
pub fn create_image_frame_from_pixel_data(format_value: i64, data: &ArrayData<'_>) -> Result<Packet> {
    Ok(Packet::new(frame_from_pixel_data(format_value, data)?))
}

/// `_create_image_from_pixel_data` as a packet.
#[bindery::function(module = "_packet_creator", name = "_create_image_from_pixel_data")]
pub fn create_image_from_pixel_data(format_value: i64, data: &ArrayData<'_>) -> Result<Packet> {
    Ok(Packet::new(Image::from_frame(frame_from_pixel_data(format_value, data)?)))
}

#[cfg(test)]
mod tests;
