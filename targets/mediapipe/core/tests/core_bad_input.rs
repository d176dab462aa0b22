//! Bad input never panics (a panic fails the test): sweeps of hostile values through the timestamp,
//! creator, getter, image and matrix entry points must return `Ok` or
//! `Err(Status)`, and the reference's process-killing inputs are errors.

use std::sync::Arc;

use mediapipe_core::pixel_data::{self, ArrayBytes, ArrayData};
use mediapipe_core::{Image, ImageFrame, Matrix, Packet, Timestamp, creator, getter};

const INTS: [i64; 10] = [i64::MIN, i64::MIN + 3, -129, -1, 0, 1, 255, 1 << 31, i64::MAX - 3, i64::MAX];

#[test]
fn reference_killers_are_errors() {
    assert!(Timestamp::new(i64::MIN).is_err());
    assert!(Timestamp::from_seconds(f64::NAN).is_err());
    assert!(Timestamp::from_seconds(1e300).is_err());
    assert!(Packet::new(1i32).at_micros(i64::MAX).is_err());
    assert!(getter::get_serialized_proto(&Packet::empty()).is_err());
    assert!(getter::get_proto_type_name(&Packet::new(1i32)).is_err());
    let frame = ImageFrame::new_zeroed(mediapipe_core::ImageFormat::Srgb, 2, 2, 4).unwrap();
    assert!(frame.is_aligned(3).is_err());
    assert!(frame.get_pixel(&[-1, 0, 0]).is_err());
}

#[test]
fn timestamp_and_creator_sweeps_do_not_panic() {
    {
        for &v in &INTS {
            let _ = Timestamp::new(v);
            let _ = Timestamp::from_seconds(v as f64);
            let _ = creator::create_int(v);
            let _ = creator::create_int8(v);
            let _ = creator::create_uint16(v);
            let _ = creator::create_uint32(v);
            let _ = creator::create_int_vector(&[v as i32, 0]);
            let _ = Packet::empty().at_micros(v);
        }
        for s in [f64::NAN, f64::INFINITY, -0.0, 9.2e12, -9.2e12, 1e-300] {
            let _ = Timestamp::from_seconds(s);
        }
    }
}

#[test]
fn getter_sweep_over_every_packet_kind_does_not_panic() {
    let packets = vec![
        Packet::empty(),
        creator::create_int(1).unwrap(),
        creator::create_string(b"\xff\xfe"),
        creator::create_float_array(&[1.0]),
        creator::create_matrix(&[0, 0], &[], false).unwrap(),
        creator::create_proto("mediapipe.Detection", b"\xff").unwrap(),
    ];
    {
        for p in &packets {
            let _ = getter::get_str(p);
            let _ = getter::get_int(p);
            let _ = getter::get_uint(p);
            let _ = getter::get_float(p);
            let _ = getter::get_int_list(p);
            let _ = getter::get_float_list(p);
            let _ = getter::get_str_to_packet_dict(p);
            let _ = getter::get_image_frame(p);
            let _ = getter::get_matrix(p);
            let _ = getter::get_proto_vector_size(p);
            let _ = getter::get_serialized_proto(p);
        }
    }
}

#[test]
fn image_and_matrix_sweeps_do_not_panic() {
    let bytes = vec![0u8; 64];
    {
        for format in [-1i64, 0, 1, 3, 4, 9, 11, 12, 13, 99] {
            for (rows, cols) in [(0, 0), (1, 64), (4, 4), (usize::MAX, 2), (2, usize::MAX)] {
                for dtype in ["uint8", "uint16", "float32", "float64", ""] {
                    let data = ArrayData { dtype, rows, cols, bytes: ArrayBytes::Borrowed(&bytes) };
                    let _ = ImageFrame::from_array(format, &data);
                    let _ = Image::from_array(format, &data);
                    let _ = pixel_data::create_image_frame_from_pixel_data(format, &data);
                    let shared = ArrayBytes::Shared(Arc::new(bytes.clone()));
                    let data = ArrayData { dtype, rows, cols, bytes: shared };
                    let _ = pixel_data::create_image_from_pixel_data(format, &data);
                }
            }
        }
        for shape in [&[][..], &[3], &[usize::MAX, usize::MAX], &[1, 2, 3]] {
            let _ = Matrix::from_array(shape, &[1.0, 2.0, 3.0], true);
        }
    }
}
