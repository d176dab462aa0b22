//! Module functions: default conversions from the Rust types, a spec
//! argument list with a default, an optional argument and a fallible call.

/// Result of the core crate.
pub type Result<T> = std::result::Result<T, String>;

/// Sum of `values`, plus `start` when given.
#[bindery::function(module = "ops", name = "total")]
pub fn total(values: &[i64], start: Option<i64>) -> i64 {
    values.iter().sum::<i64>() + start.unwrap_or(0)
}

/// `data` repeated `times` times (the spec gives the conversions).
#[bindery::function(module = "ops", name = "repeat")]
pub fn repeat(data: &[u8], times: usize) -> Vec<u8> {
    data.repeat(times)
}

/// Mean of `values`; fails on an empty list.
#[bindery::function(module = "ops", name = "mean")]
pub fn mean(values: Vec<f64>) -> Result<f64> {
    if values.is_empty() {
        return Err("empty".into());
    }
    Ok(values.iter().sum::<f64>() / values.len() as f64)
}

/// `name` greeted, loudly when `shout`.
#[bindery::function(module = "ops", name = "greet")]
pub fn greet(name: &str, shout: bool) -> String {
    let s = format!("hello {name}");
    if shout { s.to_uppercase() } else { s }
}
