//! Every payload type survives `Packet::new` → `get::<T>()` unchanged, keeps
//! its C++ type name through `at`, and packets are shareable across threads.

use std::collections::BTreeMap;

use mediapipe_core::payload::{FloatArray, IntArray};
use mediapipe_core::proto::{ProtoMessage, ProtoVector};
use mediapipe_core::{Image, ImageFormat, ImageFrame, Matrix, Packet, PacketType, Timestamp};

/// Round-trips `value` and checks its type name is `T::TYPE_NAME`.
fn round_trip<T: PacketType + PartialEq + std::fmt::Debug + Clone>(value: T) {
    round_trip_named(value, T::TYPE_NAME);
}

/// Round-trips `value`, checks equality, the type name `name` and `at` sharing.
fn round_trip_named<T: PacketType + PartialEq + std::fmt::Debug + Clone>(value: T, name: &str) {
    let packet = Packet::new(value.clone());
    assert_eq!(packet.get::<T>().unwrap(), &value);
    assert_eq!(packet.type_name().unwrap(), name);
    let later = packet.at(Timestamp::new(7).unwrap());
    assert!(later.shares_payload_with(&packet));
    assert_eq!(later.get::<T>().unwrap(), &value);
}

#[test]
fn scalar_payloads_round_trip() {
    round_trip(true);
    round_trip(-3i8);
    round_trip(-300i16);
    round_trip(i32::MIN);
    round_trip(i64::MAX);
    round_trip(255u8);
    round_trip(65535u16);
    round_trip(u32::MAX);
    round_trip(u64::MAX);
    round_trip(1.25f32);
    round_trip(-0.1f64);
    round_trip(b"bytes\0\xff".to_vec());
}

#[test]
fn container_payloads_round_trip() {
    round_trip(IntArray(vec![1, -2, 3]));
    round_trip(FloatArray(vec![0.5, 1.5]));
    round_trip(vec![true, false]);
    round_trip(vec![1i32, 2]);
    round_trip(vec![-1i8]);
    round_trip(vec![-1i16]);
    round_trip(vec![i64::MIN]);
    round_trip(vec![0.25f32; 1000]);
    round_trip([1.0f32; 4]);
    round_trip([2.0f32; 16]);
    round_trip(vec![b"a".to_vec(), Vec::new()]);
    round_trip(Matrix::from_row_major(2, 1, &[1.0, 2.0]).unwrap());
    let message = ProtoMessage::new("mediapipe.Detection", vec![1, 2]).unwrap();
    round_trip_named(message, "::mediapipe::Detection");
    let vector = ProtoVector::new("mediapipe.Detection", vec![vec![3]]).unwrap();
    round_trip_named(vector, "::std::vector<::mediapipe::Detection>");
}

#[test]
fn packet_valued_payloads_keep_inner_packets() {
    let inner = Packet::new(5i32).at(Timestamp::new(11).unwrap());
    let vector = Packet::new(vec![inner.clone(), Packet::empty()]);
    let stored = vector.get::<Vec<Packet>>().unwrap();
    assert!(stored[0].shares_payload_with(&inner) && stored[1].is_empty());
    assert_eq!(stored[0].timestamp().value(), 11);
    let mut map = BTreeMap::new();
    map.insert(b"k".to_vec(), inner.clone());
    let packet = Packet::new(map);
    assert!(packet.get::<BTreeMap<Vec<u8>, Packet>>().unwrap()[&b"k".to_vec()].shares_payload_with(&inner));
}

#[test]
fn image_payloads_share_pixels() {
    let frame = ImageFrame::from_pixels(ImageFormat::Gray8, 3, 2, &[1, 2, 3, 4, 5, 6], 3, 4).unwrap();
    let packet = Packet::new(frame.clone());
    let stored = packet.get::<ImageFrame>().unwrap();
    assert_eq!(stored.pixel_data().as_ptr(), frame.pixel_data().as_ptr());
    assert_eq!(stored.to_contiguous_vec(), [1, 2, 3, 4, 5, 6]);
    let images = Packet::new(vec![Image::from_frame(frame.clone())]);
    assert_eq!(images.get::<Vec<Image>>().unwrap()[0].frame().pixel_data().as_ptr(), frame.pixel_data().as_ptr());
    assert_eq!(Packet::new(Image::from_frame(frame)).type_name().unwrap(), "::mediapipe::Image");
}

#[test]
fn packets_move_between_threads() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Packet>();
    assert_send_sync::<ImageFrame>();
    let packet = Packet::new(vec![1i32, 2, 3]).at(Timestamp::new(1).unwrap());
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let p = packet.clone();
            std::thread::spawn(move || p.at(Timestamp::new(i + 10).unwrap()))
        })
        .collect();
    for (i, h) in handles.into_iter().enumerate() {
        let p = h.join().unwrap();
        assert_eq!(p.timestamp().value(), i as i64 + 10);
        assert!(p.shares_payload_with(&packet));
    }
    assert_eq!(packet.timestamp().value(), 1);
}
