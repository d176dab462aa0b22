//! [`Timestamp`]: a point on a stream's time axis, in microseconds (int64),
//! with MediaPipe's special values at both ends of the range.
//!
//! This module owns the value rules (which ints are special, which are allowed
//! in a stream, rounding of seconds, saturating steps) and the Python text
//! form. It never aborts: where the reference CHECK-fails (building a
//! timestamp from a special int, `from_seconds(nan)`), it returns a `Status`.

use std::fmt;

use bindery_annotations as bindery;

use crate::status::{Result, Status};

/// A timestamp in microseconds. Ordinary values lie strictly between
/// [`Timestamp::MIN`] and [`Timestamp::MAX`]; the rest are special values,
/// available only through the associated constants.
#[bindery::class(module = "timestamp", name = "Timestamp")]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

/// Special values and their Python names, in ascending order.
const SPECIAL_NAMES: [(Timestamp, &str); 8] = [
    (Timestamp::UNSET, "UNSET"),
    (Timestamp::UNSTARTED, "UNSTARTED"),
    (Timestamp::PRESTREAM, "PRESTREAM"),
    (Timestamp::MIN, "MIN"),
    (Timestamp::MAX, "MAX"),
    (Timestamp::POSTSTREAM, "POSTSTREAM"),
    (Timestamp::ONE_OVER_POSTSTREAM, "ONEOVERPOSTSTREAM"),
    (Timestamp::DONE, "DONE"),
];

#[bindery::methods]
impl Timestamp {
    /// Not set (the default of a packet): −2^63.
    pub const UNSET: Timestamp = Timestamp(i64::MIN);
    /// Before any valid timestamp (the input timestamp during Open): −2^63+1.
    pub const UNSTARTED: Timestamp = Timestamp(i64::MIN + 1);
    /// For "header" packets processed before all others: −2^63+2.
    pub const PRESTREAM: Timestamp = Timestamp(i64::MIN + 2);
    /// The smallest range value: −2^63+3.
    pub const MIN: Timestamp = Timestamp(i64::MIN + 3);
    /// The largest range value: 2^63−4.
    pub const MAX: Timestamp = Timestamp(i64::MAX - 3);
    /// For "footer" packets processed after all others: 2^63−3.
    pub const POSTSTREAM: Timestamp = Timestamp(i64::MAX - 2);
    /// The bound after POSTSTREAM (not exposed to Python): 2^63−2.
    pub const ONE_OVER_POSTSTREAM: Timestamp = Timestamp(i64::MAX - 1);
    /// The stream is finished: 2^63−1.
    pub const DONE: Timestamp = Timestamp(i64::MAX);

    /// `Timestamp(int)`: an ordinary timestamp. Special values (v ≤ MIN or
    /// v ≥ MAX) are an INVALID_ARGUMENT error (the reference aborts).
    #[bindery::constructor]
    pub fn new(micros: i64) -> Result<Timestamp> {
        let t = Timestamp(micros);
        if t.is_special_value() {
            return Err(Status::invalid_argument(format!(
                "Cannot directly create a Timestamp with a special value: {}",
                t.name_or_value()
            )));
        }
        Ok(t)
    }

    /// Any int64 as a timestamp, special values included (for engine code
    /// that has already validated the value, e.g. a stored bound).
    pub const fn from_raw(micros: i64) -> Timestamp {
        Timestamp(micros)
    }

    /// `Timestamp.from_seconds(float)`: `round(seconds * 1e6)` with halves
    /// rounded away from zero. NaN, infinities and results that are special
    /// or beyond int64 are INVALID_ARGUMENT errors.
    #[bindery::staticmethod]
    pub fn from_seconds(seconds: f64) -> Result<Timestamp> {
        let micros = (seconds * 1e6).round();
        // 2^63 is exactly representable; every finite f64 below it fits in i64.
        const LIMIT: f64 = 9_223_372_036_854_775_808.0;
        if !(-LIMIT..LIMIT).contains(&micros) {
            return Err(Status::invalid_argument(format!(
                "Timestamp.from_seconds: {seconds} seconds is not representable as an int64 number of microseconds"
            )));
        }
        Timestamp::new(micros as i64)
    }

    /// The raw int64 value (Python property `value`).
    #[bindery::getter(name = "value")]
    pub fn value(&self) -> i64 {
        self.0
    }

    /// The value in microseconds (same as [`Timestamp::value`]).
    #[bindery::method(name = "microseconds")]
    pub fn microseconds(&self) -> i64 {
        self.0
    }

    /// The value in seconds (`value / 1e6`), also for special values.
    #[bindery::method(name = "seconds")]
    pub fn seconds(&self) -> f64 {
        self.0 as f64 / 1e6
    }

    /// True for UNSET, UNSTARTED, PRESTREAM, MIN, MAX, POSTSTREAM, ONEOVERPOSTSTREAM, DONE.
    #[bindery::method(name = "is_special_value")]
    pub fn is_special_value(&self) -> bool {
        *self <= Self::MIN || *self >= Self::MAX
    }

    /// True for MIN ≤ t ≤ MAX.
    #[bindery::method(name = "is_range_value")]
    pub fn is_range_value(&self) -> bool {
        Self::MIN <= *self && *self <= Self::MAX
    }

    /// True for range values, PRESTREAM and POSTSTREAM.
    #[bindery::method(name = "is_allowed_in_stream")]
    pub fn is_allowed_in_stream(&self) -> bool {
        self.is_range_value() || *self == Self::PRESTREAM || *self == Self::POSTSTREAM
    }

    /// The smallest timestamp a stream may carry after this one: `t + 1`, or
    /// ONE_OVER_POSTSTREAM after MAX, PRESTREAM and anything at or above MAX.
    pub fn next_allowed_in_stream(&self) -> Timestamp {
        if *self >= Self::MAX || *self == Self::PRESTREAM { Self::ONE_OVER_POSTSTREAM } else { Timestamp(self.0 + 1) }
    }

    /// The largest timestamp before this one a stream may carry: `t − 1`, or
    /// UNSTARTED for MIN and below and for POSTSTREAM.
    pub fn previous_allowed_in_stream(&self) -> Timestamp {
        if *self <= Self::MIN || *self == Self::POSTSTREAM { Self::UNSTARTED } else { Timestamp(self.0 - 1) }
    }

    /// Whether [`Timestamp::next_allowed_in_stream`] is a timestamp a packet may use.
    pub fn has_next_allowed_in_stream(&self) -> bool {
        *self < Self::MAX && *self != Self::PRESTREAM
    }

    /// `self + micros` for a range value, saturating at MIN / MAX like
    /// MediaPipe's `Timestamp + TimestampDiff`. A special `self` is an error.
    pub fn checked_add(&self, micros: i64) -> Result<Timestamp> {
        if !self.is_range_value() {
            return Err(Status::invalid_argument(format!("Cannot add to the special timestamp {}", self.name_or_value())));
        }
        let sum = self.0.saturating_add(micros);
        Ok(Timestamp(sum.clamp(Self::MIN.0, Self::MAX.0)))
    }

    /// The special value's Python name (`"UNSET"`, ...) or the decimal value.
    pub fn name_or_value(&self) -> String {
        match SPECIAL_NAMES.iter().find(|(t, _)| t == self) {
            Some((_, name)) => (*name).to_string(),
            None => self.0.to_string(),
        }
    }

    /// The Python `repr`/`str`: `<mediapipe.Timestamp with value: {TS}>`.
    #[bindery::method(name = "__repr__")]
    pub fn repr(&self) -> String {
        self.to_string()
    }
}

/// The special values as Python static read-only properties
/// (`Timestamp.UNSET`, ...): each access returns a new object.
#[bindery::methods]
impl Timestamp {
    /// `Timestamp.UNSET`.
    #[bindery::staticmethod]
    #[bindery::getter(name = "UNSET")]
    pub fn unset() -> Timestamp {
        Self::UNSET
    }

    /// `Timestamp.UNSTARTED`.
    #[bindery::staticmethod]
    #[bindery::getter(name = "UNSTARTED")]
    pub fn unstarted() -> Timestamp {
        Self::UNSTARTED
    }

    /// `Timestamp.PRESTREAM`.
    #[bindery::staticmethod]
    #[bindery::getter(name = "PRESTREAM")]
    pub fn prestream() -> Timestamp {
        Self::PRESTREAM
    }

    /// `Timestamp.MIN`.
    #[bindery::staticmethod]
    #[bindery::getter(name = "MIN")]
    pub fn min() -> Timestamp {
        Self::MIN
    }

    /// `Timestamp.MAX`.
    #[bindery::staticmethod]
    #[bindery::getter(name = "MAX")]
    pub fn max() -> Timestamp {
        Self::MAX
    }

    /// `Timestamp.POSTSTREAM`.
    #[bindery::staticmethod]
    #[bindery::getter(name = "POSTSTREAM")]
    pub fn poststream() -> Timestamp {
        Self::POSTSTREAM
    }

    /// `Timestamp.DONE`.
    #[bindery::staticmethod]
    #[bindery::getter(name = "DONE")]
    pub fn done() -> Timestamp {
        Self::DONE
    }
}

impl Default for Timestamp {
    /// UNSET, the timestamp of a new packet.
    fn default() -> Self {
        Self::UNSET
    }
}

/// `<mediapipe.Timestamp with value: {TS}>` with `{TS}` from
/// [`Timestamp::name_or_value`].
impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "<mediapipe.Timestamp with value: {}>", self.name_or_value())
    }
}

#[cfg(test)]
mod tests;
