//! [`Packet`]: an immutable, type-erased value with a [`Timestamp`]. Cloning
//! is cheap (an `Arc` bump); re-stamping with [`Packet::at`] shares the value.
//!
//! This module owns packet identity, timestamps, the repr text and typed
//! access with the reference's error messages. The value types themselves
//! are in [`crate::payload`]; the Python creator/getter functions with their
//! multi-type rules are in [`crate::creator`] and [`crate::getter`].

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use bindery_annotations as bindery;

use crate::payload::{PacketType, Payload};
use crate::status::{Result, Status};
use crate::timestamp::Timestamp;

/// A value (or nothing) at a timestamp. `Packet::default()` is empty at UNSET.
#[bindery::class(module = "packet", name = "Packet")]
#[derive(Clone, Default)]
pub struct Packet {
    payload: Option<Arc<Payload>>,
    timestamp: Timestamp,
}

/// The generic type-mismatch error (ValueError):
/// `The Packet stores "{actual}", but "{requested}" was requested.`
pub fn mismatch_error(actual: &str, requested: &str) -> Status {
    Status::invalid_argument(format!("The Packet stores \"{actual}\", but \"{requested}\" was requested."))
}

/// The generic empty-packet error (RuntimeError):
/// `Expected a Packet of type: {requested}, but received an empty Packet.`
pub fn empty_error(requested: &str) -> Status {
    Status::failed_precondition(format!("Expected a Packet of type: {requested}, but received an empty Packet."))
}

#[bindery::methods]
impl Packet {
    /// `Packet()`: an empty packet at UNSET.
    #[bindery::constructor]
    pub fn empty() -> Packet {
        Packet::default()
    }

    /// A packet holding `value`, at UNSET.
    pub fn new<T: PacketType>(value: T) -> Packet {
        Packet::from_payload(value.into_payload())
    }

    /// A packet holding `payload`, at UNSET.
    pub fn from_payload(payload: Payload) -> Packet {
        Packet { payload: Some(Arc::new(payload)), timestamp: Timestamp::UNSET }
    }

    /// A new packet with the same value at `timestamp`; `self` is unchanged.
    #[bindery::method(name = "at")]
    pub fn at(&self, timestamp: Timestamp) -> Packet {
        Packet { payload: self.payload.clone(), timestamp }
    }

    /// `at(int)`: like [`Packet::at`] with `Timestamp(micros)`; special values
    /// are an INVALID_ARGUMENT error (the reference aborts).
    pub fn at_micros(&self, micros: i64) -> Result<Packet> {
        Ok(self.at(Timestamp::new(micros)?))
    }

    /// The packet's timestamp (Python property `timestamp`).
    #[bindery::getter(name = "timestamp")]
    pub fn timestamp(&self) -> Timestamp {
        self.timestamp
    }

    /// The `timestamp` property setter: takes an int and replaces the packet
    /// with `self.at(Timestamp(micros))`; special values are errors.
    #[bindery::setter(name = "timestamp")]
    pub fn set_timestamp_micros(&mut self, micros: i64) -> Result<()> {
        self.timestamp = Timestamp::new(micros)?;
        Ok(())
    }

    /// Whether the packet holds no value.
    #[bindery::method(name = "is_empty")]
    pub fn is_empty(&self) -> bool {
        self.payload.is_none()
    }

    /// The value, if any.
    pub fn payload(&self) -> Option<&Payload> {
        self.payload.as_deref()
    }

    /// The C++ type name of the value, `None` when empty.
    pub fn type_name(&self) -> Option<Cow<'static, str>> {
        self.payload().map(Payload::type_name)
    }

    /// The value as a `T`: the generic mismatch error (ValueError) for another
    /// type, the generic empty-packet error (RuntimeError) for no value.
    pub fn get<T: PacketType>(&self) -> Result<&T> {
        let payload = self.payload().ok_or_else(|| empty_error(T::TYPE_NAME))?;
        T::from_payload(payload).ok_or_else(|| mismatch_error(&payload.type_name(), T::TYPE_NAME))
    }

    /// Whether the value is a `T` (false when empty).
    pub fn holds<T: PacketType>(&self) -> bool {
        self.payload().and_then(T::from_payload).is_some()
    }

    /// Whether both packets share one value allocation (true for `at` copies).
    pub fn shares_payload_with(&self, other: &Packet) -> bool {
        match (&self.payload, &other.payload) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// `<mediapipe.Packet with timestamp: {TS} and C++ type: {T}>` or
    /// `<mediapipe.Packet with timestamp: {TS} and no data>`.
    #[bindery::method(name = "__repr__")]
    pub fn repr(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Packet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ts = self.timestamp.name_or_value();
        match self.type_name() {
            Some(t) => write!(f, "<mediapipe.Packet with timestamp: {ts} and C++ type: {t}>"),
            None => write!(f, "<mediapipe.Packet with timestamp: {ts} and no data>"),
        }
    }
}

impl fmt::Debug for Packet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

#[cfg(test)]
mod tests;
