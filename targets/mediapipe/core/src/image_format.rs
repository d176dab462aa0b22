//! [`ImageFormat`] (the pixel formats of `ImageFormat.Format` that the CPU
//! image types support) and [`ElementType`] (the storage type of one channel).
//!
//! This module owns the per-format facts: numeric value, Python name, channel
//! count, channel storage type and byte depth. It knows nothing of buffers.

use bindery_annotations as bindery;

use crate::status::{Result, Status};

/// A pixel format, with the numeric values of MediaPipe's `ImageFormat.Format`.
///
/// Python exposes the first nine members; `Vec32f4` (13) exists in the C++
/// proto and is accepted as `ImageFormat(13)` but is not a named Python member.
#[bindery::enumeration(module = "image_frame", name = "ImageFormat")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ImageFormat {
    /// sRGB, 3 × uint8 per pixel.
    Srgb = 1,
    /// sRGB with alpha, 4 × uint8.
    Srgba = 2,
    /// Grayscale, 1 × uint8.
    Gray8 = 3,
    /// Grayscale, 1 × uint16.
    Gray16 = 4,
    /// sRGB, 3 × uint16.
    Srgb48 = 7,
    /// sRGB with alpha, 4 × uint16.
    Srgba64 = 8,
    /// One float32 channel.
    Vec32f1 = 9,
    /// sBGR with alpha, 4 × uint8.
    Sbgra = 11,
    /// Two float32 channels.
    Vec32f2 = 12,
    /// Four float32 channels (not a named Python member).
    Vec32f4 = 13,
}

/// The storage type of one channel value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ElementType {
    /// `uint8`.
    U8,
    /// `uint16`.
    U16,
    /// `float32`.
    F32,
}

impl ElementType {
    /// Bytes per channel value: 1, 2 or 4.
    pub fn size(self) -> usize {
        match self {
            Self::U8 => 1,
            Self::U16 => 2,
            Self::F32 => 4,
        }
    }

    /// The numpy dtype name: `"uint8"`, `"uint16"` or `"float32"`.
    pub fn numpy_name(self) -> &'static str {
        match self {
            Self::U8 => "uint8",
            Self::U16 => "uint16",
            Self::F32 => "float32",
        }
    }
}

/// Every format, in value order.
const ALL_FORMATS: [ImageFormat; 10] = [
    ImageFormat::Srgb,
    ImageFormat::Srgba,
    ImageFormat::Gray8,
    ImageFormat::Gray16,
    ImageFormat::Srgb48,
    ImageFormat::Srgba64,
    ImageFormat::Vec32f1,
    ImageFormat::Sbgra,
    ImageFormat::Vec32f2,
    ImageFormat::Vec32f4,
];

impl ImageFormat {
    /// The format with numeric value `value`; other values are INVALID_ARGUMENT.
    pub fn from_value(value: i64) -> Result<ImageFormat> {
        ALL_FORMATS
            .iter()
            .copied()
            .find(|f| f.value() == value)
            .ok_or_else(|| Status::invalid_argument(format!("Unsupported ImageFormat: {value}")))
    }

    /// The numeric value (e.g. 1 for SRGB).
    pub fn value(self) -> i64 {
        self as i64
    }

    /// The Python member name, e.g. `"SRGB"`; `None` for VEC32F4, which
    /// Python prints as `???`.
    pub fn python_name(self) -> Option<&'static str> {
        Some(match self {
            Self::Srgb => "SRGB",
            Self::Srgba => "SRGBA",
            Self::Gray8 => "GRAY8",
            Self::Gray16 => "GRAY16",
            Self::Srgb48 => "SRGB48",
            Self::Srgba64 => "SRGBA64",
            Self::Vec32f1 => "VEC32F1",
            Self::Sbgra => "SBGRA",
            Self::Vec32f2 => "VEC32F2",
            Self::Vec32f4 => return None,
        })
    }

    /// Channels per pixel.
    pub fn channels(self) -> usize {
        match self {
            Self::Gray8 | Self::Gray16 | Self::Vec32f1 => 1,
            Self::Vec32f2 => 2,
            Self::Srgb | Self::Srgb48 => 3,
            Self::Srgba | Self::Sbgra | Self::Srgba64 | Self::Vec32f4 => 4,
        }
    }

    /// The storage type of each channel.
    pub fn element_type(self) -> ElementType {
        match self {
            Self::Srgb | Self::Srgba | Self::Sbgra | Self::Gray8 => ElementType::U8,
            Self::Gray16 | Self::Srgb48 | Self::Srgba64 => ElementType::U16,
            Self::Vec32f1 | Self::Vec32f2 | Self::Vec32f4 => ElementType::F32,
        }
    }

    /// Bytes per channel value (1, 2 or 4).
    pub fn byte_depth(self) -> usize {
        self.element_type().size()
    }

    /// Bytes per pixel (channels × byte depth).
    pub fn pixel_bytes(self) -> usize {
        self.channels() * self.byte_depth()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_names_match_reference() {
        let expected = [
            ("SRGB", 1),
            ("SRGBA", 2),
            ("GRAY8", 3),
            ("GRAY16", 4),
            ("SRGB48", 7),
            ("SRGBA64", 8),
            ("VEC32F1", 9),
            ("SBGRA", 11),
            ("VEC32F2", 12),
        ];
        for (name, value) in expected {
            let f = ImageFormat::from_value(value).unwrap();
            assert_eq!(f.python_name(), Some(name));
            assert_eq!(f.value(), value);
        }
        assert_eq!(ImageFormat::from_value(13).unwrap().python_name(), None);
        for bad in [0, 5, 6, 10, 14, -1] {
            let err = ImageFormat::from_value(bad).unwrap_err();
            assert_eq!(err.message(), format!("Unsupported ImageFormat: {bad}"));
        }
    }

    #[test]
    fn channels_and_depth_per_format() {
        let expected = [
            (ImageFormat::Srgb, 3, 1),
            (ImageFormat::Srgba, 4, 1),
            (ImageFormat::Sbgra, 4, 1),
            (ImageFormat::Gray8, 1, 1),
            (ImageFormat::Gray16, 1, 2),
            (ImageFormat::Srgb48, 3, 2),
            (ImageFormat::Srgba64, 4, 2),
            (ImageFormat::Vec32f1, 1, 4),
            (ImageFormat::Vec32f2, 2, 4),
            (ImageFormat::Vec32f4, 4, 4),
        ];
        for (f, channels, depth) in expected {
            assert_eq!((f.channels(), f.byte_depth()), (channels, depth), "{f:?}");
            assert_eq!(f.pixel_bytes(), channels * depth);
        }
        assert_eq!(ElementType::U16.numpy_name(), "uint16");
    }
}
