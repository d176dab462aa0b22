//! Function tables: maker functions that take a payload and return a
//! `Handle` (one made without an annotation, so only the spec names it),
//! reader functions that return the payload, and named Rust types whose
//! conversions the spec gives (`&Buffer` argument, `Sample` result).

/// Result of the core crate.
pub type Result<T> = std::result::Result<T, String>;

/// Stands in for the glue crate's borrowed numpy array.
pub struct Buffer(pub Vec<u8>);

/// A sample read from a handle: an int or a float.
pub enum Sample {
    /// An integer sample.
    Int(i64),
    /// A floating-point sample.
    Float(f64),
}

/// An opaque value holder.
#[bindery::class(module = "values", name = "Handle")]
#[derive(Clone, Debug)]
pub struct Handle {
    bytes: Vec<u8>,
}

/// A handle holding `data`.
#[bindery::function(module = "_makers", name = "make_text")]
pub fn make_text(data: &[u8]) -> Handle {
    Handle { bytes: data.to_vec() }
}

/// A handle holding a copy of the array's bytes.
#[bindery::function(module = "_makers", name = "make_from_buffer")]
pub fn make_from_buffer(data: &Buffer) -> Handle {
    Handle { bytes: data.0.clone() }
}

/// A handle holding `value` (not annotated: a row names it with `rust =`).
pub fn make_int(value: i64) -> Result<Handle> {
    Ok(Handle { bytes: value.to_le_bytes().to_vec() })
}

/// The handle's bytes as text.
#[bindery::function(module = "_readers", name = "read_text")]
pub fn read_text(handle: &Handle) -> Result<String> {
    String::from_utf8(handle.bytes.clone()).map_err(|e| e.to_string())
}

/// The handle's first byte as a sample.
#[bindery::function(module = "_readers", name = "read_sample")]
pub fn read_sample(handle: &Handle) -> Sample {
    match handle.bytes.first() {
        Some(b) => Sample::Int(i64::from(*b)),
        None => Sample::Float(0.0),
    }
}
