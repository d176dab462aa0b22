//! Unit tests of packet identity, timestamps, repr and typed access.

use super::*;
use crate::payload::IntArray;
use crate::{ErrorKind, StatusCode};

#[test]
fn empty_packet_repr_and_errors() {
    let p = Packet::empty();
    assert!(p.is_empty());
    assert_eq!(p.timestamp(), Timestamp::UNSET);
    assert_eq!(p.repr(), "<mediapipe.Packet with timestamp: UNSET and no data>");
    let err = p.get::<Vec<u8>>().unwrap_err();
    assert_eq!(err.message(), "Expected a Packet of type: string, but received an empty Packet.");
    assert_eq!(err.kind(), ErrorKind::Failed);
}

#[test]
fn mismatch_message_names_both_types() {
    let err = Packet::new(1i32).get::<Vec<u8>>().unwrap_err();
    assert_eq!(err.message(), "The Packet stores \"int\", but \"string\" was requested.");
    assert_eq!(err.code(), StatusCode::InvalidArgument);
    let err = Packet::new(vec![1i32]).get::<IntArray>().unwrap_err();
    assert_eq!(err.message(), "The Packet stores \"::std::vector<int>\", but \"int []\" was requested.");
}

#[test]
fn at_returns_new_packet_sharing_the_value() {
    let p = Packet::new(b"hello".to_vec());
    let q = p.at(Timestamp::new(100).unwrap());
    assert_eq!(p.timestamp(), Timestamp::UNSET);
    assert_eq!(q.timestamp().value(), 100);
    assert!(p.shares_payload_with(&q));
    assert_eq!(q.get::<Vec<u8>>().unwrap(), b"hello");
    let c = q.clone();
    assert!(c.shares_payload_with(&p) && c.timestamp() == q.timestamp());
    assert!(!Packet::empty().shares_payload_with(&Packet::empty()));
}

#[test]
fn int_timestamps_reject_special_values() {
    let mut p = Packet::new(true);
    assert!(p.at_micros(i64::MIN).is_err());
    assert!(p.at_micros(i64::MAX - 3).is_err());
    assert_eq!(p.at_micros(-5).unwrap().timestamp().value(), -5);
    p.set_timestamp_micros(42).unwrap();
    assert_eq!(p.timestamp().value(), 42);
    assert!(p.set_timestamp_micros(i64::MAX).is_err());
    assert_eq!(p.timestamp().value(), 42);
}

#[test]
fn repr_shows_cpp_type_and_timestamp() {
    let p = Packet::new(7i32).at(Timestamp::new(3).unwrap());
    assert_eq!(p.repr(), "<mediapipe.Packet with timestamp: 3 and C++ type: int>");
    let p = Packet::new(vec![1.0f32]).at(Timestamp::POSTSTREAM);
    assert_eq!(format!("{p:?}"), "<mediapipe.Packet with timestamp: POSTSTREAM and C++ type: ::std::vector<float>>");
}

#[test]
fn holds_checks_the_variant() {
    let p = Packet::new(5u64);
    assert!(p.holds::<u64>() && !p.holds::<i64>());
    assert!(!Packet::empty().holds::<u64>());
    assert_eq!(*p.get::<u64>().unwrap(), 5);
}
