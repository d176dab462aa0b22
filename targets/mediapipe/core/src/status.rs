//! Error values of the framework: an absl-style [`Status`] with a
//! [`StatusCode`] and a message, plus the crate-wide [`Result`] alias.
//!
//! This module owns the error vocabulary only. It does not decide which
//! operation fails with which code: callers do. The Python layer turns a
//! `Status` into an exception with [`Status::exception_kind`]; the default
//! mapping is the reference's (INVALID_ARGUMENT → `ValueError`,
//! ALREADY_EXISTS → `FileExistsError`, UNIMPLEMENTED → `NotImplementedError`,
//! anything else → `RuntimeError`). Errors that the reference raises from
//! pybind11 itself rather than from an absl status (`TypeError`,
//! `OverflowError`, `IndexError`, ...) carry an explicit override.

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

    /// The Python exception the reference raises for a status with this code.
    pub fn default_exception(self) -> ExceptionKind {
        match self {
            Self::InvalidArgument => ExceptionKind::ValueError,
            Self::AlreadyExists => ExceptionKind::FileExistsError,
            Self::Unimplemented => ExceptionKind::NotImplementedError,
            _ => ExceptionKind::RuntimeError,
        }
    }
}

impl fmt::Display for StatusCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The Python exception class a [`Status`] becomes in the Python layer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ExceptionKind {
    /// `ValueError`.
    ValueError,
    /// `FileExistsError`.
    FileExistsError,
    /// `FileNotFoundError`.
    FileNotFoundError,
    /// `NotImplementedError`.
    NotImplementedError,
    /// `RuntimeError`.
    RuntimeError,
    /// `TypeError` (pybind11 overload-resolution failures in the reference).
    TypeError,
    /// `OverflowError` (integer range checks of the packet creators).
    OverflowError,
    /// `IndexError` (pixel indexing).
    IndexError,
    /// `UnicodeDecodeError` (string getters on bytes that are not UTF-8).
    UnicodeDecodeError,
}

/// A failed operation: a code, a message and an optional exception override.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Status {
    code: StatusCode,
    message: String,
    exception: Option<ExceptionKind>,
}

/// The crate's result type.
pub type Result<T> = std::result::Result<T, Status>;

impl Status {
    /// A status with `code` and `message`.
    pub fn new(code: StatusCode, message: impl Into<String>) -> Self {
        Status { code, message: message.into(), exception: None }
    }

    /// Overrides the Python exception this status maps to.
    pub fn with_exception(mut self, kind: ExceptionKind) -> Self {
        self.exception = Some(kind);
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

    /// An INVALID_ARGUMENT status that Python raises as `TypeError`.
    pub fn type_error(message: impl Into<String>) -> Self {
        Self::invalid_argument(message).with_exception(ExceptionKind::TypeError)
    }

    /// An OUT_OF_RANGE status that Python raises as `OverflowError`.
    pub fn overflow_error(message: impl Into<String>) -> Self {
        Self::out_of_range(message).with_exception(ExceptionKind::OverflowError)
    }

    /// An OUT_OF_RANGE status that Python raises as `IndexError`.
    pub fn index_error(message: impl Into<String>) -> Self {
        Self::out_of_range(message).with_exception(ExceptionKind::IndexError)
    }

    /// The status code.
    pub fn code(&self) -> StatusCode {
        self.code
    }

    /// The message alone (what the Python exception shows).
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The Python exception class: the override if set, else the code's default.
    pub fn exception_kind(&self) -> ExceptionKind {
        self.exception.unwrap_or_else(|| self.code.default_exception())
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
    fn exception_mapping_follows_reference() {
        assert_eq!(Status::invalid_argument("").exception_kind(), ExceptionKind::ValueError);
        assert_eq!(Status::already_exists("").exception_kind(), ExceptionKind::FileExistsError);
        assert_eq!(Status::unimplemented("").exception_kind(), ExceptionKind::NotImplementedError);
        for code in [StatusCode::Internal, StatusCode::NotFound, StatusCode::Unknown] {
            assert_eq!(Status::new(code, "").exception_kind(), ExceptionKind::RuntimeError);
        }
        assert_eq!(Status::type_error("t").exception_kind(), ExceptionKind::TypeError);
        assert_eq!(Status::type_error("t").code(), StatusCode::InvalidArgument);
        assert_eq!(Status::index_error("i").exception_kind(), ExceptionKind::IndexError);
    }

    #[test]
    fn codes_have_absl_numbers_and_names() {
        assert_eq!(StatusCode::Cancelled as i32, 1);
        assert_eq!(StatusCode::Unauthenticated as i32, 16);
        assert_eq!(StatusCode::FailedPrecondition.as_str(), "FAILED_PRECONDITION");
        assert_eq!(Status::internal("x").with_prefix("; ").message(), "; x");
    }
}
