//! Unit tests of the Python image constructors' rules.

use std::sync::Arc;

use super::*;
use crate::image_frame::PixelValue;

fn array<'a>(dtype: &'a str, rows: usize, cols: usize, bytes: &'a [u8]) -> ArrayData<'a> {
    ArrayData { dtype, rows, cols, bytes: ArrayBytes::Borrowed(bytes) }
}

#[test]
fn constructor_checks_format_against_dtype() {
    let bytes = [0u8; 64];
    let err = ImageFrame::from_array(9, &array("uint8", 2, 2, &bytes)).unwrap_err();
    assert_eq!(err.message(), "uint8 image data should be one of the GRAY8, SRGB, and SRGBA MediaPipe image formats.");
    assert_eq!(err.kind(), ErrorKind::Failed);
    let err = ImageFrame::from_array(11, &array("uint8", 2, 2, &bytes)).unwrap_err();
    assert!(err.message().starts_with("uint8 image data"));
    let err = ImageFrame::from_array(1, &array("uint16", 2, 2, &bytes)).unwrap_err();
    assert_eq!(err.message(), "uint16 image data should be one of the GRAY16, SRGB48, and SRGBA64 MediaPipe image formats.");
    let err = ImageFrame::from_array(13, &array("float32", 2, 2, &bytes)).unwrap_err();
    assert_eq!(err.message(), "float image data should be either VEC32F1 or VEC32F2 MediaPipe image formats.");
    assert!(Image::from_array(13, &array("float32", 2, 2, &bytes)).is_ok());
    let err = ImageFrame::from_array(1, &array("float64", 2, 2, &bytes)).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::WrongType);
}

#[test]
fn constructor_copies_and_aligns_rows_to_four_bytes() {
    let bytes: Vec<u8> = (0..2 * 641 * 3).map(|i| (i % 256) as u8).collect();
    let frame = ImageFrame::from_array(1, &array("uint8", 2, 641, &bytes)).unwrap();
    assert_eq!((frame.width(), frame.height(), frame.width_step()), (641, 2, 1924));
    assert!(!frame.is_contiguous() && frame.is_aligned(4).unwrap());
    assert_eq!(frame.to_contiguous_vec(), bytes);
    let image = Image::from_array(1, &array("uint8", 2, 641, &bytes)).unwrap();
    assert_eq!(image.step(), 1924);
}

#[test]
fn shape_that_does_not_fit_the_format_is_an_error() {
    // A 2-D 4x4 uint8 array with a 3-channel format: the reference reads past the end.
    let bytes = [0u8; 16];
    let err = ImageFrame::from_array(1, &array("uint8", 4, 4, &bytes)).unwrap_err();
    assert_eq!(err.message(), "pixel buffer holds 16 bytes but the image needs 48");
    assert!(frame_from_pixel_data(1, &array("uint8", 4, 4, &bytes)).is_err());
}

#[test]
fn pixel_data_rejects_unsupported_formats_and_unsafe_casts() {
    let bytes = [0u8; 64];
    let err = frame_from_pixel_data(11, &array("uint8", 2, 2, &bytes)).unwrap_err();
    assert_eq!(err.message(), "Unsupported ImageFormat: 11");
    assert_eq!(err.kind(), ErrorKind::Failed);
    assert_eq!(frame_from_pixel_data(0, &array("uint8", 2, 2, &bytes)).unwrap_err().message(), "Unsupported ImageFormat: 0");
    let err = frame_from_pixel_data(1, &array("float32", 2, 2, &bytes)).unwrap_err();
    assert_eq!(err.message(), "Cannot cast array data from dtype('float32') to dtype('uint8') according to the rule 'safe'");
    assert_eq!(err.kind(), ErrorKind::WrongType);
    assert!(frame_from_pixel_data(9, &array("float64", 2, 2, &bytes)).is_err());
}

#[test]
fn pixel_data_applies_safe_casts() {
    let bytes = [1u8, 2, 250, 4];
    let frame = frame_from_pixel_data(4, &array("uint8", 2, 2, &bytes)).unwrap();
    assert_eq!(frame.format(), ImageFormat::Gray16);
    assert_eq!(frame.get_pixel(&[1, 0]).unwrap(), PixelValue::Int(250));
    let frame = frame_from_pixel_data(9, &array("uint8", 2, 2, &bytes)).unwrap();
    assert_eq!(frame.get_pixel(&[0, 1]).unwrap(), PixelValue::Float(2.0));
}

#[test]
fn reference_mode_shares_the_buffer() {
    let data: crate::buffer::SharedBytes = Arc::new(vec![5u8; 3 * 5]);
    let ptr = (*data).as_ref().as_ptr();
    let arr = ArrayData { dtype: "uint8", rows: 5, cols: 1, bytes: ArrayBytes::Shared(data.clone()) };
    let packet = create_image_frame_from_pixel_data(1, &arr).unwrap();
    let frame = packet.get::<ImageFrame>().unwrap();
    assert_eq!(frame.pixel_data().as_ptr(), ptr);
    assert!(frame.is_contiguous() && frame.is_shared());
    assert_eq!(frame.width_step(), 3);
    let image_packet = create_image_from_pixel_data(1, &arr).unwrap();
    assert_eq!(image_packet.type_name().unwrap(), "::mediapipe::Image");
    drop((packet, image_packet, arr));
    assert_eq!(Arc::strong_count(&data), 1);
}
