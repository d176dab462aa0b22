//! Combining several failures into one status, as MediaPipe's
//! `tool::CombinedStatus` does: the common code (UNKNOWN when codes differ)
//! and `"{prefix}\n{message 1}\n{message 2}..."`.

use crate::status::{Status, StatusCode};

/// The combined status, or `None` when `statuses` is empty.
pub fn combined(prefix: &str, statuses: &[Status]) -> Option<Status> {
    let first = statuses.first()?;
    let code = if statuses.iter().all(|s| s.code() == first.code()) { first.code() } else { StatusCode::Unknown };
    let messages: Vec<&str> = statuses.iter().map(Status::message).collect();
    Some(Status::new(code, format!("{prefix}\n{}", messages.join("\n"))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_a_shared_code_and_joins_messages() {
        let one = combined("P:", &[Status::invalid_argument("a")]).unwrap();
        assert_eq!(one.to_string(), "INVALID_ARGUMENT: P:\na");
        let two = combined("P:", &[Status::invalid_argument("a"), Status::internal("b")]).unwrap();
        assert_eq!(two.code(), StatusCode::Unknown);
        assert_eq!(two.message(), "P:\na\nb");
        assert!(combined("P:", &[]).is_none());
    }
}
