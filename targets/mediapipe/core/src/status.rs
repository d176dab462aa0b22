//! Error values of the framework: an absl-style [`Status`] with a
//! [`StatusCode`] and a message, plus the crate-wide [`Result`] alias.
//!
//! This module owns the error vocabulary only. It does not decide which
//! operation fails with which code: callers do. Each status also has an
//! [`ErrorKind`] ([`Status::kind`]): INVALID_ARGUMENT, ALREADY_EXISTS and
//! UNIMPLEMENTED have kinds of their own, every other code is
//! [`ErrorKind::Failed`], and a caller may set another kind (a wrong type,
//! an overflow, an index out of bounds, ...). The engine knows no Python:
//! the bindings' spec maps kinds to exceptions (`[rust.errors]`).

use std::fmt;

/// The absl status codes (numeric values as in `absl::StatusCode`).
/// There is no `Ok` member: success is `Result::Ok`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StatusCode {
    /// The operation was cancelled.
    Cancelled = 1,
    /// An unknown error.
    Unknown = 2,
    /// The caller passed an invalid argument.
    InvalidArgument = 3,
    /// A deadline expired.
    DeadlineExceeded = 4,
    /// A requested entity was not found.
    NotFound = 5,
    /// The entity the caller tried to create already exists.
    AlreadyExists = 6,
    /// The caller lacks permission.
    PermissionDenied = 7,
    /// A resource (queue slots, memory, ...) is exhausted.
    ResourceExhausted = 8,
    /// The system is not in the state the operation requires.
    FailedPrecondition = 9,
    /// The operation was aborted.
    Aborted = 10,
    /// A value is outside its valid range.
    OutOfRange = 11,
    /// The operation is not implemented or not supported.
    Unimplemented = 12,
    /// An internal invariant was broken.
    Internal = 13,
    /// The service is unavailable (e.g. a full queue in ADD_IF_NOT_FULL mode).
    Unavailable = 14,
    /// Unrecoverable data loss or corruption.
    DataLoss = 15,
    /// The request lacks valid authentication.
    Unauthenticated = 16,
}

impl StatusCode {
    /// The absl spelling, e.g. `"INVALID_ARGUMENT"` (used by `Status::to_string`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Cancelled => "CANCELLED",
            Self::Unknown => "UNKNOWN",
            Self::InvalidArgument => "INVALID_ARGUMENT",
            Self::DeadlineExceeded => "DEADLINE_EXCEEDED",
            Self::NotFound => "NOT_FOUND",
            Self::AlreadyExists => "ALREADY_EXISTS",
            Self::PermissionDenied => "PERMISSION_DENIED",
            Self::ResourceExhausted => "RESOURCE_EXHAUSTED",
            Self::FailedPrecondition => "FAILED_PRECONDITION",
            Self::Aborted => "ABORTED",
            Self::OutOfRange => "OUT_OF_RANGE",
            Self::Unimplemented => "UNIMPLEMENTED",
            Self::Internal => "INTERNAL",
            Self::Unavailable => "UNAVAILABLE",
            Self::DataLoss => "DATA_LOSS",
            Self::Unauthenticated => "UNAUTHENTICATED",
        }
    }

    /// The kind of a status with this code, unless the status sets its own.
    pub fn default_kind(self) -> ErrorKind {
        match self {
            Self::InvalidArgument => ErrorKind::InvalidArgument,
            Self::AlreadyExists => ErrorKind::AlreadyExists,
            Self::Unimplemented => ErrorKind::Unimplemented,
            _ => ErrorKind::Failed,
        }
    }
}

impl fmt::Display for StatusCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why an operation failed, as callers of the framework tell failures
/// apart. A binding maps each kind to its own error type (the Python
/// exceptions are the spec's `[rust.errors]` table).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorKind {
    /// The caller passed an invalid value.
    InvalidArgument,
    /// The entity to create already exists.
    AlreadyExists,
    /// A file does not exist.
    FileNotFound,
    /// The operation is not implemented.
    Unimplemented,
    /// Any other failure.
    Failed,
    /// A value of the wrong type (the reference's overload-resolution failures).
    WrongType,
    /// An integer does not fit the payload type (range checks of the packet creators).
    Overflow,
    /// An index outside the data (pixel indexing).
    IndexOutOfBounds,
    /// Bytes that are not UTF-8 where text is expected.
    InvalidUtf8,
}

/// A failed operation: a code, a message and an optional kind override.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    code: StatusCode,
    message: String,
    kind: Option<ErrorKind>,
}

/// The crate's result type.
pub type Result<T> = std::result::Result<T, Status>;

impl Status {
    /// A status with `code` and `message`.
    pub fn new(code: StatusCode, message: impl Into<String>) -> Self {
        Status { code, message: message.into(), kind: None }
    }

    /// Overrides the kind of this status (default: its code's).
    pub fn with_kind(mut self, kind: ErrorKind) -> Self {
        self.kind = Some(kind);
        self
    }

    /// An INVALID_ARGUMENT status.
    pub fn invalid_argument(message: impl Into<String>) -> Self {
        Self::new(StatusCode::InvalidArgument, message)
    }

    /// An INTERNAL status.
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(StatusCode::Internal, message)
    }

    /// A NOT_FOUND status.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(StatusCode::NotFound, message)
    }

    /// An ALREADY_EXISTS status.
    pub fn already_exists(message: impl Into<String>) -> Self {
        Self::new(StatusCode::AlreadyExists, message)
    }

    /// A FAILED_PRECONDITION status.
    pub fn failed_precondition(message: impl Into<String>) -> Self {
        Self::new(StatusCode::FailedPrecondition, message)
    }

    /// An OUT_OF_RANGE status.
    pub fn out_of_range(message: impl Into<String>) -> Self {
        Self::new(StatusCode::OutOfRange, message)
    }

    /// An UNIMPLEMENTED status.
    pub fn unimplemented(message: impl Into<String>) -> Self {
        Self::new(StatusCode::Unimplemented, message)
    }

    /// An UNAVAILABLE status.
    pub fn unavailable(message: impl Into<String>) -> Self {
        Self::new(StatusCode::Unavailable, message)
    }

    /// An UNKNOWN status.
    pub fn unknown(message: impl Into<String>) -> Self {
        Self::new(StatusCode::Unknown, message)
    }

    /// An INVALID_ARGUMENT status of kind [`ErrorKind::WrongType`].
    pub fn wrong_type(message: impl Into<String>) -> Self {
        Self::invalid_argument(message).with_kind(ErrorKind::WrongType)
    }

    /// An OUT_OF_RANGE status of kind [`ErrorKind::Overflow`].
    pub fn overflow(message: impl Into<String>) -> Self {
        Self::out_of_range(message).with_kind(ErrorKind::Overflow)
    }

    /// An OUT_OF_RANGE status of kind [`ErrorKind::IndexOutOfBounds`].
    pub fn index_out_of_bounds(message: impl Into<String>) -> Self {
        Self::out_of_range(message).with_kind(ErrorKind::IndexOutOfBounds)
    }

    /// The status code.
    pub fn code(&self) -> StatusCode {
        self.code
    }

    /// The message alone, without the code.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Why it failed: the override if set, else the code's default.
    pub fn kind(&self) -> ErrorKind {
        self.kind.unwrap_or_else(|| self.code.default_kind())
    }

    /// A copy with `prefix` put in front of the message (context for callers).
    pub fn with_prefix(mut self, prefix: &str) -> Self {
        self.message.insert_str(0, prefix);
        self
    }
}

/// `CODE: message`, as `absl::Status::ToString()` prints it.
impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code, self.message)
    }
}

impl std::error::Error for Status {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_matches_absl_to_string() {
        let s = Status::invalid_argument("CalculatorGraph::Run() failed: x");
        assert_eq!(s.to_string(), "INVALID_ARGUMENT: CalculatorGraph::Run() failed: x");
        assert_eq!(s.message(), "CalculatorGraph::Run() failed: x");
        assert_eq!(Status::unavailable("full").to_string(), "UNAVAILABLE: full");
    }

    #[test]
    fn kinds_default_from_codes_unless_overridden() {
        assert_eq!(Status::invalid_argument("").kind(), ErrorKind::InvalidArgument);
        assert_eq!(Status::already_exists("").kind(), ErrorKind::AlreadyExists);
        assert_eq!(Status::unimplemented("").kind(), ErrorKind::Unimplemented);
        for code in [StatusCode::Internal, StatusCode::NotFound, StatusCode::Unknown] {
            assert_eq!(Status::new(code, "").kind(), ErrorKind::Failed);
        }
        assert_eq!(Status::wrong_type("t").kind(), ErrorKind::WrongType);
        assert_eq!(Status::wrong_type("t").code(), StatusCode::InvalidArgument);
        assert_eq!(Status::index_out_of_bounds("i").kind(), ErrorKind::IndexOutOfBounds);
    }

    #[test]
    fn codes_have_absl_numbers_and_names() {
        assert_eq!(StatusCode::Cancelled as i32, 1);
        assert_eq!(StatusCode::Unauthenticated as i32, 16);
        assert_eq!(StatusCode::FailedPrecondition.as_str(), "FAILED_PRECONDITION");
        assert_eq!(Status::internal("x").with_prefix("; ").message(), "; x");
    }
}
