//! Integer and float conversion at exact C width, with one error wording.
//!
//! Setting a C integer field from Python goes through [`to_c_int`]: a value
//! that is not an `int` raises `TypeError`, one outside the C type's range
//! raises `OverflowError` naming the field and the range. Nothing is ever
//! truncated silently. Floats accept `int` and `float` only.

use pyo3::exceptions::{PyOverflowError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyFloat, PyInt};

/// A C integer type with its C spelling for messages.
pub trait CInt: Copy + TryFrom<i128> + Into<i128> {
    /// The C spelling used in error messages (e.g. `int8_t`).
    const C_NAME: &'static str;
    /// Smallest value.
    const MIN_I128: i128;
    /// Largest value.
    const MAX_I128: i128;
}

macro_rules! c_int {
    ($($t:ty => $name:literal),* $(,)?) => {$(
        impl CInt for $t {
            const C_NAME: &'static str = $name;
            const MIN_I128: i128 = <$t>::MIN as i128;
            const MAX_I128: i128 = <$t>::MAX as i128;
        }
    )*};
}

c_int!(i8 => "int8_t", i16 => "int16_t", i32 => "int32_t", i64 => "int64_t",
       u8 => "uint8_t", u16 => "uint16_t", u32 => "uint32_t", u64 => "uint64_t");

/// Converts a Python `int` to the C integer type `T`, for the field or
/// parameter called `what` (e.g. `FxObjectMeta.class_id`).
///
/// The common case (an `int` that fits in `i64` and in `T`) is inlined into
/// the caller; everything else, including every error, goes through
/// [`to_c_int_general`], so messages and exception types do not depend on
/// which path ran.
#[inline(always)]
pub fn to_c_int<T: CInt>(value: &Bound<'_, PyAny>, what: &str) -> PyResult<T> {
    if value.is_instance_of::<PyInt>() {
        if let Ok(v) = value.extract::<i64>() {
            if let Ok(narrow) = T::try_from(v as i128) {
                return Ok(narrow);
            }
        }
    }
    to_c_int_general(value, what)
}

/// [`to_c_int`] for values beyond `i64`, out of `T`'s range, or not `int`s.
#[inline(never)]
fn to_c_int_general<T: CInt>(value: &Bound<'_, PyAny>, what: &str) -> PyResult<T> {
    if !value.is_instance_of::<PyInt>() {
        return Err(not_an_int(value, what));
    }
    let wide: i128 = match value.extract::<i64>() {
        Ok(v) => v as i128,
        Err(_) => match value.extract::<u64>() {
            Ok(v) => v as i128,
            Err(_) => return Err(out_of_range::<T>(value, what)),
        },
    };
    T::try_from(wide).map_err(|_| out_of_range::<T>(value, what))
}

/// Converts a Python `bool` or `int` to a C boolean (0 or 1 stored as `T`).
pub fn to_c_bool<T: CInt>(value: &Bound<'_, PyAny>, what: &str) -> PyResult<T> {
    let truth: i128 =
        if value.is_instance_of::<pyo3::types::PyBool>() { value.is_truthy()? as i128 } else { to_c_int::<i64>(value, what)? as i128 };
    T::try_from(truth).map_err(|_| out_of_range::<T>(value, what))
}

/// Converts a Python `float` or `int` to a C `double`; anything else is a `TypeError`.
///
/// An exact `float` (the common case) is read directly, with one type
/// comparison; `float` subclasses and `int`s take the general path, whose
/// errors (e.g. `OverflowError` for an `int` beyond double range) are Python's.
#[inline]
pub fn to_c_double(value: &Bound<'_, PyAny>, what: &str) -> PyResult<f64> {
    match exact_float(value) {
        Some(v) => Ok(v),
        None => to_c_double_general(value, what),
    }
}

/// The value of an exact `float` (not a subclass), or None for anything else.
#[inline(always)]
fn exact_float(value: &Bound<'_, PyAny>) -> Option<f64> {
    if value.is_exact_instance_of::<PyFloat>() {
        // SAFETY: the object's type is exactly `float`.
        Some(unsafe { value.cast_unchecked::<PyFloat>() }.value())
    } else {
        None
    }
}

/// [`to_c_double`] for everything but an exact `float`: `float` subclasses and `int`s.
#[inline(never)]
fn to_c_double_general(value: &Bound<'_, PyAny>, what: &str) -> PyResult<f64> {
    if value.is_instance_of::<PyFloat>() || value.is_instance_of::<PyInt>() {
        value.extract::<f64>()
    } else {
        Err(PyTypeError::new_err(format!("{what}: expected float, got {}", type_name(value))))
    }
}

/// Converts to a C `float` (rounded to single precision, as C stores it). A
/// finite value that rounds to infinity in single precision (beyond
/// `FLT_MAX`) raises `OverflowError`; nan and ±inf are stored as such.
#[inline]
pub fn to_c_float(value: &Bound<'_, PyAny>, what: &str) -> PyResult<f32> {
    let wide = to_c_double(value, what)?;
    let narrow = wide as f32;
    if narrow.is_infinite() && wide.is_finite() {
        return Err(float_out_of_range(wide, what));
    }
    Ok(narrow)
}

/// The `OverflowError` for a finite double beyond single precision's range.
#[cold]
fn float_out_of_range(wide: f64, what: &str) -> PyErr {
    PyOverflowError::new_err(format!("{what}: {wide} is out of range for float (at most {:e} in magnitude)", f32::MAX))
}

fn not_an_int(value: &Bound<'_, PyAny>, what: &str) -> PyErr {
    PyTypeError::new_err(format!("{what}: expected int, got {}", type_name(value)))
}

fn out_of_range<T: CInt>(value: &Bound<'_, PyAny>, what: &str) -> PyErr {
    let shown = value.str().map(|s| s.to_string()).unwrap_or_else(|_| "?".into());
    PyOverflowError::new_err(format!("{what}: {shown} is out of range for {} ({}..={})", T::C_NAME, T::MIN_I128, T::MAX_I128))
}

/// The Python type name of a value, for messages.
pub fn type_name(value: &Bound<'_, PyAny>) -> String {
    value.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "object".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_py<R>(f: impl FnOnce(Python<'_>) -> R) -> R {
        Python::initialize();
        Python::attach(f)
    }

    #[test]
    fn in_range_values_convert_exactly() {
        with_py(|py| {
            let v = (-128i64).into_pyobject(py).unwrap().into_any();
            assert_eq!(to_c_int::<i8>(&v, "f").unwrap(), -128);
            let big = u64::MAX.into_pyobject(py).unwrap().into_any();
            assert_eq!(to_c_int::<u64>(&big, "f").unwrap(), u64::MAX);
        });
    }

    #[test]
    fn out_of_range_is_overflow_with_range_in_message() {
        with_py(|py| {
            let v = 128i64.into_pyobject(py).unwrap().into_any();
            let err = to_c_int::<i8>(&v, "Obj.i8").unwrap_err();
            assert!(err.is_instance_of::<PyOverflowError>(py));
            assert_eq!(err.value(py).to_string(), "Obj.i8: 128 is out of range for int8_t (-128..=127)");
            let neg = (-1i64).into_pyobject(py).unwrap().into_any();
            assert!(to_c_int::<u16>(&neg, "f").is_err());
            let huge = py.eval(c"2**64", None, None).unwrap();
            assert!(to_c_int::<u64>(&huge, "f").unwrap_err().is_instance_of::<PyOverflowError>(py));
        });
    }

    #[test]
    fn non_int_is_type_error() {
        with_py(|py| {
            let f = 1.5f64.into_pyobject(py).unwrap().into_any();
            let err = to_c_int::<i32>(&f, "Obj.x").unwrap_err();
            assert!(err.is_instance_of::<PyTypeError>(py));
            assert_eq!(err.value(py).to_string(), "Obj.x: expected int, got float");
            let s = "3".into_pyobject(py).unwrap().into_any();
            assert!(to_c_double(&s, "f").unwrap_err().is_instance_of::<PyTypeError>(py));
        });
    }

    #[test]
    fn floats_round_to_single_precision() {
        with_py(|py| {
            let v = 0.1f64.into_pyobject(py).unwrap().into_any();
            assert_eq!(to_c_float(&v, "f").unwrap(), 0.1f32);
            let i = 3i64.into_pyobject(py).unwrap().into_any();
            assert_eq!(to_c_double(&i, "f").unwrap(), 3.0);
        });
    }

    #[test]
    fn float_beyond_flt_max_overflows_but_nan_and_inf_pass() {
        with_py(|py| {
            let huge = 1e39f64.into_pyobject(py).unwrap().into_any();
            assert!(to_c_float(&huge, "T.x").unwrap_err().is_instance_of::<PyOverflowError>(py));
            let neg = (-1e300f64).into_pyobject(py).unwrap().into_any();
            assert!(to_c_float(&neg, "T.x").is_err());
            let max = (f32::MAX as f64).into_pyobject(py).unwrap().into_any();
            assert_eq!(to_c_float(&max, "T.x").unwrap(), f32::MAX);
            let inf = f64::INFINITY.into_pyobject(py).unwrap().into_any();
            assert_eq!(to_c_float(&inf, "T.x").unwrap(), f32::INFINITY);
            let nan = f64::NAN.into_pyobject(py).unwrap().into_any();
            assert!(to_c_float(&nan, "T.x").unwrap().is_nan());
            let big_int = py.eval(c"10**40", None, None).unwrap();
            assert!(to_c_float(&big_int, "T.x").is_err());
        });
    }

    #[test]
    fn float_subclasses_bools_and_huge_ints_take_the_general_path() {
        with_py(|py| {
            let sub = py.eval(c"type('F', (float,), {})(2.5)", None, None).unwrap();
            assert_eq!(to_c_double(&sub, "T.x").unwrap(), 2.5);
            let flag = py.eval(c"True", None, None).unwrap();
            assert_eq!(to_c_double(&flag, "T.x").unwrap(), 1.0);
            let huge = py.eval(c"10**400", None, None).unwrap();
            assert!(to_c_double(&huge, "T.x").unwrap_err().is_instance_of::<PyOverflowError>(py));
            let none = py.None().into_bound(py);
            let err = to_c_double(&none, "T.x").unwrap_err();
            assert_eq!(err.value(py).to_string(), "T.x: expected float, got NoneType");
        });
    }
}
