//! Unit tests of the packet getters: dispatch, narrowing and messages.

use super::*;
use crate::StatusCode;
use crate::creator::*;
use crate::payload::IntArray;
use crate::proto::ProtoMessage;

#[test]
fn get_int_accepts_signed_types_only() {
    assert_eq!(get_int(&create_int(-5).unwrap()).unwrap(), -5);
    assert_eq!(get_int(&create_int8(-8).unwrap()).unwrap(), -8);
    assert_eq!(get_int(&create_int16(300).unwrap()).unwrap(), 300);
    assert_eq!(get_int(&create_int64(i64::MIN)).unwrap(), i64::MIN);
    let msg = "Packet doesn't contain int, int8, int16, int32, or int64 data.";
    for p in [create_uint8(1).unwrap(), create_bool(true), Packet::empty()] {
        let err = get_int(&p).unwrap_err();
        assert_eq!((err.message(), err.code()), (msg, StatusCode::InvalidArgument));
    }
}

#[test]
fn get_uint_and_get_float_dispatch() {
    assert_eq!(get_uint(&create_uint64(u64::MAX)).unwrap(), u64::MAX);
    assert_eq!(get_uint(&create_uint16(7).unwrap()).unwrap(), 7);
    assert_eq!(get_uint(&create_int(1).unwrap()).unwrap_err().message(), "Packet doesn't contain uint8, uint16, uint32, or uint64 data.");
    assert_eq!(get_float(&create_double(0.42)).unwrap(), 0.41999998688697815);
    assert_eq!(get_float(&create_float(1.5)).unwrap(), 1.5);
    assert_eq!(get_float(&Packet::empty()).unwrap_err().message(), "Packet doesn't contain float or double data.");
}

#[test]
fn list_getters_dispatch_and_reject_arrays() {
    assert_eq!(get_int_list(&create_int_vector(&[1, -2])).unwrap(), [1, -2]);
    assert_eq!(get_int_list(&Packet::new(vec![5i64])).unwrap(), [5]);
    assert_eq!(get_int_list(&Packet::new(vec![-1i8])).unwrap(), [-1]);
    let err = get_int_list(&Packet::new(IntArray(vec![1]))).unwrap_err();
    assert_eq!(err.message(), "Packet doesn't contain int, int8, int16, int32, or int64 containers.");
    assert_eq!(get_float_list(&Packet::new([1.0f32; 4])).unwrap(), [1.0; 4]);
    assert_eq!(get_float_list(&Packet::new([2.0f32; 16])).unwrap().len(), 16);
    let err = get_float_list(&create_float_array(&[1.0])).unwrap_err();
    assert_eq!(err.message(), "Packet doesn't contain std::vector<float> or std::array<float, 4 / 16> containers.");
    assert_eq!(get_bool_list(&create_bool_vector(vec![true, false])).unwrap(), [true, false]);
}

#[test]
fn generic_getters_use_mismatch_and_empty_messages() {
    let err = get_str(&create_int(1).unwrap()).unwrap_err();
    assert_eq!(err.message(), "The Packet stores \"int\", but \"string\" was requested.");
    let err = get_str(&Packet::empty()).unwrap_err();
    assert_eq!(err.message(), "Expected a Packet of type: string, but received an empty Packet.");
    assert_eq!(err.kind(), ErrorKind::Failed);
    let err = get_image_frame(&create_bool(true)).unwrap_err();
    assert_eq!(err.message(), "The Packet stores \"bool\", but \"::mediapipe::ImageFrame\" was requested.");
    assert!(get_bool(&create_string(b"x")).is_err());
    assert!(get_matrix(&Packet::empty()).is_err());
}

#[test]
fn strings_decode_as_utf8_with_python_errors() {
    assert_eq!(get_str(&create_string("héllo".as_bytes())).unwrap(), "héllo");
    assert_eq!(get_bytes(&create_string(b"\xff\0")).unwrap(), b"\xff\0");
    let err = get_str(&create_string(b"a\xff")).unwrap_err();
    assert_eq!(err.message(), "'utf-8' codec can't decode byte 0xff in position 1: invalid start byte");
    assert_eq!(err.kind(), ErrorKind::InvalidUtf8);
    assert!(decode_utf8(b"\xc3").unwrap_err().message().ends_with("unexpected end of data"));
    assert!(decode_utf8(b"\xc3(").unwrap_err().message().ends_with("invalid continuation byte"));
    let list = create_string_vector(vec![b"a".to_vec(), "ü".as_bytes().to_vec()]);
    assert_eq!(get_str_list(&list).unwrap(), ["a", "ü"]);
}

#[test]
fn packet_containers_round_trip() {
    let inner = create_int(3).unwrap().at(crate::Timestamp::new(9).unwrap());
    let list = get_packet_list(&create_packet_vector(vec![inner.clone(), Packet::empty()])).unwrap();
    assert_eq!(list[0].timestamp().value(), 9);
    assert!(list[0].shares_payload_with(&inner) && list[1].is_empty());
    let map = create_string_to_packet_map(vec![(b"z".to_vec(), inner.clone()), (b"a".to_vec(), Packet::empty())]);
    let entries = get_str_to_packet_dict(&map).unwrap();
    assert_eq!(entries.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(), ["a", "z"]);
}

#[test]
fn image_and_matrix_getters_share_data() {
    let frame = ImageFrame::new_zeroed(crate::ImageFormat::Srgb, 3, 2, 4).unwrap();
    let packet = Packet::new(frame.clone());
    assert_eq!(get_image_frame(&packet).unwrap().pixel_data().as_ptr(), frame.pixel_data().as_ptr());
    let image = Image::from_frame(frame);
    assert_eq!(get_image(&Packet::new(image.clone())).unwrap().step(), image.step());
    assert_eq!(get_image_list(&create_image_vector(vec![image])).unwrap().len(), 1);
    let m = get_matrix(&create_matrix(&[2, 2], &[1., 2., 3., 4.], false).unwrap()).unwrap();
    assert_eq!(m.column_major_data(), &[1., 3., 2., 4.]);
}

#[test]
fn proto_getters_and_their_errors() {
    let p = create_proto("mediapipe.Detection", &[8, 1]).unwrap();
    assert_eq!(get_proto_type_name(&p).unwrap(), "mediapipe.Detection");
    assert_eq!(get_serialized_proto(&p).unwrap(), [8, 1]);
    assert!(get_proto_type_name(&Packet::empty()).is_err());
    assert!(get_serialized_proto(&create_int(1).unwrap()).is_err());
    let v = ProtoVector::new("mediapipe.Landmark", vec![vec![1], vec![]]).unwrap();
    let vp = Packet::new(v);
    assert_eq!(vp.type_name().unwrap(), "::std::vector<::mediapipe::Landmark>");
    assert_eq!(get_proto_vector_size(&vp).unwrap(), 2);
    assert_eq!(get_proto_vector_element_type_name(&vp).unwrap(), "mediapipe.Landmark");
    assert_eq!(get_serialized_proto_list(&vp).unwrap(), [vec![1], vec![]]);
    let err = get_proto_vector_size(&create_int(1).unwrap()).unwrap_err();
    assert_eq!(err.message(), "The Packet stores \"int\"which is not convertible to vector<proto_ns::MessageLite*>.");
    let err = get_serialized_proto_list(&Packet::empty()).unwrap_err();
    assert_eq!((err.message(), err.kind()), ("Packet is empty.", ErrorKind::Failed));
    assert!(Packet::new(ProtoMessage::new("mediapipe.Joint", vec![]).unwrap()).holds::<ProtoMessage>());
}
