//! Unit tests of the packet creators: type names, range rules and messages.

use super::*;
use crate::ErrorKind;
use crate::timestamp::Timestamp;

fn type_of(p: &Packet) -> String {
    p.type_name().unwrap().into_owned()
}

#[test]
fn creators_report_reference_type_names() {
    let cases: Vec<(Packet, &str)> = vec![
        (create_string(b"a"), "string"),
        (create_bool(true), "bool"),
        (create_int(1).unwrap(), "int"),
        (create_int8(1).unwrap(), "signed char"),
        (create_int16(1).unwrap(), "short"),
        (create_int32(1).unwrap(), "int"),
        (create_int64(1), "int64_t"),
        (create_uint8(1).unwrap(), "unsigned char"),
        (create_uint16(1).unwrap(), "unsigned short"),
        (create_uint32(1).unwrap(), "unsigned int"),
        (create_uint64(1), "uint64_t"),
        (create_float(1.0), "float"),
        (create_double(1.0), "double"),
        (create_int_array(&[1]), "int []"),
        (create_float_array(&[1.0]), "float []"),
        (create_int_vector(&[1]), "::std::vector<int>"),
        (create_bool_vector(vec![true]), "::std::vector<bool>"),
        (create_float_vector(&[1.0]), "::std::vector<float>"),
        (create_string_vector(vec![b"a".to_vec()]), "::std::vector<std::string>"),
        (create_image_vector(vec![]), "::std::vector<::mediapipe::Image>"),
        (create_packet_vector(vec![]), "::std::vector<::mediapipe::Packet>"),
        (create_string_to_packet_map(vec![]), "::std::map<std::string,::mediapipe::Packet>"),
        (create_matrix(&[1, 1], &[1.0], false).unwrap(), "Eigen::Matrix<float, -1, -1, 0, -1, -1>"),
        (create_proto("mediapipe.Detection", b"").unwrap(), "::mediapipe::Detection"),
    ];
    for (packet, name) in cases {
        assert_eq!(type_of(&packet), name);
        assert_eq!(packet.timestamp(), Timestamp::UNSET);
    }
}

#[test]
fn int_range_errors_use_upstream_messages() {
    let err = create_int(2_147_483_648).unwrap_err();
    assert_eq!(err.message(), "2147483648 execeeds the maximum value (2147483647) the data type can have.");
    assert_eq!(err.kind(), ErrorKind::Overflow);
    let err = create_int8(-129).unwrap_err();
    assert_eq!(err.message(), "-129 goes below the minimum value (-128) the data type can have.");
    let err = create_uint8(-1).unwrap_err();
    assert_eq!(err.message(), "-1 goes below the minimum value (0) the data type can have.");
    let err = create_uint32(1 << 32).unwrap_err();
    assert_eq!(err.message(), "4294967296 execeeds the maximum value (4294967295) the data type can have.");
    assert!(create_int16(32768).is_err() && create_uint16(65536).is_err());
    assert_eq!(*create_int16(-32768).unwrap().get::<i16>().unwrap(), -32768);
    assert_eq!(*create_uint32(4_294_967_295).unwrap().get::<u32>().unwrap(), u32::MAX);
}

#[test]
fn floats_are_narrowed_to_float32() {
    assert_eq!(*create_float(1e300).get::<f32>().unwrap(), f32::INFINITY);
    assert_eq!(*create_float(0.1).get::<f32>().unwrap(), 0.1f32);
    assert_eq!(create_float_vector(&[0.1, 2.5]).get::<Vec<f32>>().unwrap(), &[0.1f32, 2.5]);
    assert_eq!(create_float_array(&[0.5]).get::<FloatArray>().unwrap().0, [0.5f32]);
    assert_eq!(*create_double(0.1).get::<f64>().unwrap(), 0.1);
}

#[test]
fn string_keeps_embedded_nuls_and_map_keeps_first_key() {
    assert_eq!(create_string(b"a\0b").get::<Vec<u8>>().unwrap(), b"a\0b");
    let first = create_int(1).unwrap();
    let map = create_string_to_packet_map(vec![
        (b"b".to_vec(), create_int(2).unwrap()),
        (b"a".to_vec(), first.clone()),
        (b"a".to_vec(), create_int(3).unwrap()),
    ]);
    let stored = map.get::<StringToPacketMap>().unwrap();
    assert_eq!(stored.keys().collect::<Vec<_>>(), [b"a", b"b"]);
    assert!(stored[&b"a".to_vec()].shares_payload_with(&first));
}

#[test]
fn image_copies_are_aligned_to_four_bytes() {
    let frame = ImageFrame::from_pixels(crate::ImageFormat::Gray8, 5, 2, &[7; 10], 5, 1).unwrap();
    assert!(frame.is_contiguous());
    let packet = create_image_frame_from_image_frame(&frame).unwrap();
    let copy = packet.get::<ImageFrame>().unwrap();
    assert_eq!(copy.width_step(), 8);
    assert_ne!(copy.pixel_data().as_ptr(), frame.pixel_data().as_ptr());
    assert_eq!(copy.to_contiguous_vec(), vec![7; 10]);
    let image = create_image_from_image(&Image::from_frame(frame)).unwrap();
    assert_eq!(image.get::<Image>().unwrap().step(), 8);
}

#[test]
fn unregistered_proto_is_a_runtime_error() {
    let err = create_proto("mediapipe.NormalizedRect", b"").unwrap_err();
    assert_eq!(err.message(), "Unregistered proto message type: mediapipe.NormalizedRect");
    assert_eq!(err.kind(), ErrorKind::Failed);
}
