//! Python package: an error type whose kinds the spec's `[rust.errors]`
//! table maps to Python exceptions, a class, an enum and a table of maker
//! functions that generated pure-Python modules re-export and alias.

/// Why an operation failed.
#[derive(Clone, Copy, Debug)]
pub enum ErrorKind {
    /// The argument is not acceptable.
    BadArgument,
    /// Nothing has that name.
    Missing,
    /// Anything else.
    Other,
}

/// A failed operation.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    text: String,
}

impl Error {
    /// Why it failed.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// What went wrong.
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// Result of the core crate.
pub type Result<T> = std::result::Result<T, Error>;

/// A colour channel.
#[bindery::enumeration(module = "values", name = "Channel")]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Channel {
    /// Red.
    Red = 0,
    /// Green.
    Green = 1,
}

/// An opaque value holder.
#[bindery::class(module = "values", name = "Handle")]
#[derive(Clone, Debug)]
pub struct Handle {
    value: i64,
}

/// A handle holding `value`; negative values are a bad argument.
#[bindery::function(module = "_makers", name = "make_int")]
pub fn make_int(value: i64) -> Result<Handle> {
    if value < 0 {
        return Err(Error { kind: ErrorKind::BadArgument, text: "negative".into() });
    }
    Ok(Handle { value })
}

/// A handle holding `data`'s length (private: the tail wraps it).
#[bindery::function(module = "_makers", name = "_make_len")]
pub fn make_len(data: &[u8]) -> Handle {
    Handle { value: data.len() as i64 }
}
