//! Unit tests of the timestamp value rules and text forms.

use super::*;

#[test]
fn special_values_have_reference_numbers() {
    assert_eq!(Timestamp::UNSET.value(), i64::MIN);
    assert_eq!(Timestamp::UNSTARTED.value(), i64::MIN + 1);
    assert_eq!(Timestamp::PRESTREAM.value(), i64::MIN + 2);
    assert_eq!(Timestamp::MIN.value(), i64::MIN + 3);
    assert_eq!(Timestamp::MAX.value(), i64::MAX - 3);
    assert_eq!(Timestamp::POSTSTREAM.value(), i64::MAX - 2);
    assert_eq!(Timestamp::ONE_OVER_POSTSTREAM.value(), i64::MAX - 1);
    assert_eq!(Timestamp::DONE.value(), i64::MAX);
    let accessors = [
        Timestamp::unset(),
        Timestamp::unstarted(),
        Timestamp::prestream(),
        Timestamp::min(),
        Timestamp::max(),
        Timestamp::poststream(),
        Timestamp::done(),
    ];
    let names: Vec<String> = accessors.iter().map(Timestamp::name_or_value).collect();
    assert_eq!(names, ["UNSET", "UNSTARTED", "PRESTREAM", "MIN", "MAX", "POSTSTREAM", "DONE"]);
}

#[test]
fn predicates_match_reference_table() {
    // (timestamp, special, range, allowed in stream)
    let table = [
        (Timestamp::UNSET, true, false, false),
        (Timestamp::UNSTARTED, true, false, false),
        (Timestamp::PRESTREAM, true, false, true),
        (Timestamp::MIN, true, true, true),
        (Timestamp::new(0).unwrap(), false, true, true),
        (Timestamp::MAX, true, true, true),
        (Timestamp::POSTSTREAM, true, false, true),
        (Timestamp::DONE, true, false, false),
    ];
    for (t, special, range, allowed) in table {
        assert_eq!(t.is_special_value(), special, "{t}");
        assert_eq!(t.is_range_value(), range, "{t}");
        assert_eq!(t.is_allowed_in_stream(), allowed, "{t}");
    }
}

#[test]
fn new_rejects_special_values() {
    for v in [i64::MIN, i64::MIN + 3, i64::MAX - 3, i64::MAX] {
        let err = Timestamp::new(v).unwrap_err();
        assert_eq!(err.code(), crate::StatusCode::InvalidArgument);
        assert!(err.message().starts_with("Cannot directly create a Timestamp with a special value"));
    }
    assert_eq!(Timestamp::new(i64::MIN + 4).unwrap().value(), i64::MIN + 4);
    assert_eq!(Timestamp::new(i64::MAX - 4).unwrap().value(), i64::MAX - 4);
}

#[test]
fn from_seconds_rounds_half_away_from_zero() {
    assert_eq!(Timestamp::from_seconds(1.5e-6).unwrap().value(), 2);
    assert_eq!(Timestamp::from_seconds(-1.0000005).unwrap().value(), -1000001);
    assert_eq!(Timestamp::from_seconds(0.0).unwrap().value(), 0);
    assert_eq!(Timestamp::from_seconds(2.0).unwrap().value(), 2_000_000);
    assert_eq!(Timestamp::from_seconds(-2.4e-6).unwrap().value(), -2);
}

#[test]
fn from_seconds_errors_instead_of_aborting() {
    for s in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1e300, -1e300, 9.3e12] {
        assert!(Timestamp::from_seconds(s).is_err(), "{s}");
    }
}

#[test]
fn seconds_of_special_and_ordinary_values() {
    assert_eq!(Timestamp::new(1_500_000).unwrap().seconds(), 1.5);
    assert_eq!(Timestamp::UNSET.seconds(), -9223372036854.775);
    assert_eq!(Timestamp::new(-7).unwrap().microseconds(), -7);
}

#[test]
fn display_uses_names_or_decimal() {
    assert_eq!(Timestamp::UNSET.to_string(), "<mediapipe.Timestamp with value: UNSET>");
    assert_eq!(Timestamp::DONE.to_string(), "<mediapipe.Timestamp with value: DONE>");
    assert_eq!(Timestamp::ONE_OVER_POSTSTREAM.to_string(), "<mediapipe.Timestamp with value: ONEOVERPOSTSTREAM>");
    assert_eq!(Timestamp::new(-42).unwrap().repr(), "<mediapipe.Timestamp with value: -42>");
    assert_eq!(Timestamp::PRESTREAM.name_or_value(), "PRESTREAM");
}

#[test]
fn ordering_follows_values() {
    let mut v = vec![Timestamp::DONE, Timestamp::new(5).unwrap(), Timestamp::UNSET, Timestamp::MIN];
    v.sort();
    assert_eq!(v, [Timestamp::UNSET, Timestamp::MIN, Timestamp::new(5).unwrap(), Timestamp::DONE]);
    assert!(Timestamp::PRESTREAM < Timestamp::MIN && Timestamp::MAX < Timestamp::POSTSTREAM);
    assert_eq!(Timestamp::default(), Timestamp::UNSET);
}

#[test]
fn stream_steps_and_saturating_add() {
    let t = Timestamp::new(10).unwrap();
    assert_eq!(t.next_allowed_in_stream().value(), 11);
    assert_eq!(t.previous_allowed_in_stream().value(), 9);
    assert_eq!(Timestamp::MAX.next_allowed_in_stream(), Timestamp::ONE_OVER_POSTSTREAM);
    assert_eq!(Timestamp::PRESTREAM.next_allowed_in_stream(), Timestamp::ONE_OVER_POSTSTREAM);
    assert_eq!(Timestamp::POSTSTREAM.previous_allowed_in_stream(), Timestamp::UNSTARTED);
    assert_eq!(Timestamp::MIN.previous_allowed_in_stream(), Timestamp::UNSTARTED);
    assert!(!Timestamp::MAX.has_next_allowed_in_stream() && t.has_next_allowed_in_stream());
    assert_eq!(t.checked_add(5).unwrap().value(), 15);
    assert_eq!(t.checked_add(i64::MAX).unwrap(), Timestamp::MAX);
    assert_eq!(Timestamp::new(-10).unwrap().checked_add(i64::MIN).unwrap(), Timestamp::MIN);
    assert_eq!(t.checked_add(i64::MIN).unwrap().value(), i64::MIN + 10);
    assert!(Timestamp::DONE.checked_add(1).is_err());
}

#[test]
fn ord_min_max_still_work_as_methods() {
    let (a, b) = (Timestamp::new(1).unwrap(), Timestamp::new(2).unwrap());
    assert_eq!(a.min(b), a);
    assert_eq!(a.max(b), b);
    assert_eq!(Timestamp::DONE.clamp(a, b), b);
}
