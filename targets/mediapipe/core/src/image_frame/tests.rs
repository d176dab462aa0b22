//! Unit tests of frame geometry, copies, shared buffers and pixel access.

use std::sync::Arc;

use super::*;
use crate::{ErrorKind, StatusCode};

fn ramp(n: usize) -> Vec<u8> {
    (0..n).map(|i| (i % 251) as u8).collect()
}

#[test]
fn width_step_is_rounded_to_the_boundary() {
    let f = ImageFrame::new_zeroed(ImageFormat::Srgb, 641, 3, 4).unwrap();
    assert_eq!((f.row_bytes(), f.width_step()), (1923, 1924));
    assert!(!f.is_contiguous());
    let f = ImageFrame::new_zeroed(ImageFormat::Srgb, 640, 3, 4).unwrap();
    assert!(f.is_contiguous());
    let f = ImageFrame::new_zeroed(ImageFormat::Gray8, 5, 2, 4).unwrap();
    assert_eq!(f.width_step(), 8);
    assert!(!f.is_contiguous());
    let f = ImageFrame::new_zeroed(ImageFormat::Vec32f2, 3, 2, DEFAULT_ALIGNMENT_BOUNDARY).unwrap();
    assert_eq!(f.width_step(), 32);
    let f = ImageFrame::new_zeroed(ImageFormat::Gray16, 3, 2, 1).unwrap();
    assert_eq!(f.width_step(), 6);
    assert!(f.is_contiguous());
}

#[test]
fn bad_boundaries_and_sizes_are_errors() {
    assert!(ImageFrame::new_zeroed(ImageFormat::Srgb, 4, 4, 3).is_err());
    assert!(ImageFrame::new_zeroed(ImageFormat::Srgb, 4, 4, 0).is_err());
    assert!(ImageFrame::new_zeroed(ImageFormat::Srgba, usize::MAX / 2, 2, 4).is_err());
    assert!(ImageFrame::new_zeroed(ImageFormat::Srgb, usize::MAX / 8, usize::MAX / 8, 4).is_err());
}

#[test]
fn is_aligned_checks_stride_and_rejects_non_powers_of_two() {
    let f = ImageFrame::new_zeroed(ImageFormat::Srgb, 641, 2, 4).unwrap();
    assert!(f.is_aligned(1).unwrap() && f.is_aligned(4).unwrap());
    assert!(!f.is_aligned(8).unwrap());
    let f = ImageFrame::new_zeroed(ImageFormat::Srgba, 16, 2, 64).unwrap();
    assert!(f.is_aligned(64).unwrap());
    for bad in [0, 3, 6, 100] {
        let err = f.is_aligned(bad).unwrap_err();
        assert_eq!(err.code(), StatusCode::InvalidArgument);
    }
}

#[test]
fn copy_with_padding_realigns_rows() {
    // 5 GRAY8 pixels per row in a source with a 7-byte stride.
    let src: Vec<u8> = (0..7 * 3).map(|i| i as u8).collect();
    let f = ImageFrame::from_pixels(ImageFormat::Gray8, 5, 3, &src, 7, 4).unwrap();
    assert_eq!(f.width_step(), 8);
    assert_eq!(f.row(0).unwrap(), &[0, 1, 2, 3, 4]);
    assert_eq!(f.row(2).unwrap(), &[14, 15, 16, 17, 18]);
    assert_eq!(f.row(3), None);
    assert_eq!(f.to_contiguous_vec(), [0, 1, 2, 3, 4, 7, 8, 9, 10, 11, 14, 15, 16, 17, 18]);
    assert_eq!(f.pixel_data().len(), 8 * 2 + 5);
}

#[test]
fn contiguous_copy_is_exact_and_independent() {
    let mut src = ramp(640 * 4 * 3);
    let f = ImageFrame::from_pixels(ImageFormat::Srgb, 640, 4, &src, 1920, 4).unwrap();
    assert_eq!(f.pixel_data(), &src[..]);
    assert!(!f.is_shared() && f.is_contiguous());
    src[0] = 99;
    assert_eq!(f.pixel_data()[0], 0);
}

#[test]
fn short_sources_and_small_strides_are_errors() {
    let src = ramp(10);
    let err = ImageFrame::from_pixels(ImageFormat::Srgb, 2, 2, &src, 6, 4).unwrap_err();
    assert_eq!(err.message(), "pixel buffer holds 10 bytes but the image needs 12");
    assert!(ImageFrame::from_pixels(ImageFormat::Gray8, 4, 2, &src, 3, 4).is_err());
    let shared: SharedBytes = Arc::new(ramp(11));
    assert!(ImageFrame::from_shared(ImageFormat::Srgb, 2, 2, 6, shared).is_err());
}

#[test]
fn shared_frames_reference_the_buffer_without_copying() {
    let data: SharedBytes = Arc::new(ramp(4 * 3 * 3));
    let ptr = (*data).as_ref().as_ptr();
    let f = ImageFrame::from_shared(ImageFormat::Srgb, 4, 3, 12, data.clone()).unwrap();
    assert!(f.is_shared() && f.is_contiguous());
    assert_eq!(f.pixel_data().as_ptr(), ptr);
    assert_eq!(Arc::strong_count(&data), 2);
    let clone = f.clone();
    assert_eq!(Arc::strong_count(&data), 3);
    drop((f, clone));
    assert_eq!(Arc::strong_count(&data), 1);
}

#[test]
fn copy_aligned_reads_through_the_source_stride() {
    let src = ramp(3 * 2 * 2);
    let contiguous = ImageFrame::from_pixels(ImageFormat::Gray16, 3, 2, &src, 6, 1).unwrap();
    let aligned = contiguous.copy_aligned(4).unwrap();
    assert_eq!(aligned.width_step(), 8);
    assert_eq!(aligned.to_contiguous_vec(), src);
    assert!(ImageFrame::empty(ImageFormat::Srgb).copy_aligned(4).unwrap().is_empty());
}

#[test]
fn pixel_access_per_element_type() {
    let f = ImageFrame::from_pixels(ImageFormat::Srgb, 2, 2, &ramp(12), 6, 4).unwrap();
    assert_eq!(f.get_pixel(&[1, 1, 2]).unwrap(), PixelValue::Int(11));
    let words: Vec<u8> = [1u16, 300, 65535, 7].iter().flat_map(|v| v.to_ne_bytes()).collect();
    let f = ImageFrame::from_pixels(ImageFormat::Gray16, 2, 2, &words, 4, 4).unwrap();
    assert_eq!(f.get_pixel(&[1, 0]).unwrap(), PixelValue::Int(65535));
    let floats: Vec<u8> = [0.5f32, -2.25].iter().flat_map(|v| v.to_ne_bytes()).collect();
    let f = ImageFrame::from_pixels(ImageFormat::Vec32f2, 1, 1, &floats, 8, 4).unwrap();
    assert_eq!(f.get_pixel(&[0, 0, 1]).unwrap(), PixelValue::Float(-2.25));
}

#[test]
fn pixel_index_errors_match_reference() {
    let rgb = ImageFrame::new_zeroed(ImageFormat::Srgb, 4, 4, 4).unwrap();
    let err = rgb.get_pixel(&[0, 0]).unwrap_err();
    assert_eq!(err.message(), "Invalid index dimension: 2");
    assert_eq!(err.kind(), ErrorKind::IndexOutOfBounds);
    let gray = ImageFrame::new_zeroed(ImageFormat::Gray8, 4, 4, 4).unwrap();
    assert_eq!(gray.get_pixel(&[0, 0, 0]).unwrap_err().message(), "index dimension mismatch: 3 (ndim = 2)");
    assert_eq!(gray.get_pixel(&[4, 0]).unwrap_err().message(), "index 4 is out of bounds for axis 0 with size 4");
    assert_eq!(rgb.get_pixel(&[0, 0, 3]).unwrap_err().message(), "index 3 is out of bounds for axis 2 with size 3");
    assert_eq!(gray.get_pixel(&[0, -1]).unwrap_err().message(), "index -1 is out of bounds for axis 1 with size 4");
    assert_eq!(gray.get_pixel(&[1]).unwrap_err().message(), "Invalid index dimension: 1");
    assert!(ImageFrame::empty(ImageFormat::Gray8).get_pixel(&[0, 0]).is_err());
}

#[test]
fn numpy_shape_and_strides() {
    let f = ImageFrame::new_zeroed(ImageFormat::Srgb48, 5, 2, 4).unwrap();
    assert_eq!(f.numpy_shape(), [2, 5, 3]);
    assert_eq!(f.numpy_strides(), [32, 6, 2]);
    let g = ImageFrame::new_zeroed(ImageFormat::Vec32f1, 5, 2, 4).unwrap();
    assert_eq!((g.numpy_shape(), g.numpy_strides()), (vec![2, 5], vec![20, 4]));
}

#[test]
fn empty_frame_properties() {
    let f = ImageFrame::empty(ImageFormat::Gray8);
    assert!(f.is_empty() && f.pixel_data().is_empty());
    assert_eq!(f.row(0), None);
    let zero = ImageFrame::new_zeroed(ImageFormat::Gray8, 0, 0, 4).unwrap();
    assert!(!zero.is_empty() && zero.pixel_data().is_empty());
}

#[test]
fn owned_frames_are_writable_until_shared() {
    let mut f = ImageFrame::new_zeroed(ImageFormat::Gray8, 2, 1, 4).unwrap();
    f.pixel_data_mut().unwrap()[1] = 9;
    assert_eq!(f.get_pixel(&[0, 1]).unwrap(), PixelValue::Int(9));
    let clone = f.clone();
    assert!(f.pixel_data_mut().is_none());
    drop(clone);
    assert!(f.pixel_data_mut().is_some());
}

/// A misbehaving shared buffer whose visible length can shrink.
struct Shrinking {
    visible: std::sync::atomic::AtomicUsize,
    bytes: Vec<u8>,
}

impl AsRef<[u8]> for Shrinking {
    fn as_ref(&self) -> &[u8] {
        &self.bytes[..self.visible.load(std::sync::atomic::Ordering::SeqCst)]
    }
}

#[test]
fn shrinking_shared_buffer_gives_errors_not_panics() {
    let buf = Arc::new(Shrinking { visible: 16.into(), bytes: vec![1; 16] });
    let f = ImageFrame::from_shared(ImageFormat::Gray8, 4, 4, 4, buf.clone()).unwrap();
    assert_eq!(f.get_pixel(&[3, 3]).unwrap(), PixelValue::Int(1));
    buf.visible.store(2, std::sync::atomic::Ordering::SeqCst);
    assert!(f.pixel_data().is_empty());
    assert_eq!(f.row(0), None);
    assert!(f.get_pixel(&[3, 3]).is_err());
    assert!(f.to_contiguous_vec().is_empty());
}
