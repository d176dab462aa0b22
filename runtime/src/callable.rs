//! Python callables passed to C functions that take a function pointer and
//! a `user_data` slot (`qsort_r`-style APIs, `g_list_foreach`): the wrapper
//! keeps the callable alive for the call and passes its address as
//! `user_data`; the generated trampoline gets it back with [`from_user_data`].
//!
//! Each trampoline invocation gets a [`CallScope`]: views of C arguments
//! made for the callable carry its token, which dies when the callable
//! returns, so a view kept past the callback raises `ReferenceError`.
//! Exceptions and panics never reach C (see [`crate::callback::guard`]).

use std::ffi::c_void;

use pyo3::prelude::*;

use crate::token::Token;

/// A callable held for the duration of one C call.
#[derive(Debug)]
pub struct CallableArg(Box<Py<PyAny>>);

impl CallableArg {
    /// Holds `value` (`TypeError` when it is not callable).
    pub fn new(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Self> {
        if !value.is_callable() {
            return Err(crate::errors::wrong_type(value, "a callable", what));
        }
        Ok(CallableArg(Box::new(value.clone().unbind())))
    }

    /// The `user_data` pointer to pass to C (valid while `self` lives).
    pub fn user_data(&self) -> *mut c_void {
        (&*self.0 as *const Py<PyAny>).cast_mut().cast()
    }
}

/// The callable behind a `user_data` pointer.
///
/// # Safety
/// `user_data` must come from [`CallableArg::user_data`] of a value that is
/// still alive (the C function calls back during the wrapper's call).
pub unsafe fn from_user_data<'py>(py: Python<'py>, user_data: *mut c_void) -> Bound<'py, PyAny> {
    // SAFETY: guaranteed by the caller.
    unsafe { &*user_data.cast::<Py<PyAny>>() }.bind(py).clone()
}

/// The callable a generated trampoline gets back as `user_data`:
/// `user_data_callable!(py, user_data)`.
#[macro_export]
macro_rules! user_data_callable {
    ($py:expr, $user_data:expr) => {
        // SAFETY: C hands the trampoline back the `user_data` the wrapper
        // passed, from a `CallableArg` the wrapper holds until the C call
        // returns (a function-pointer parameter is called back only during it).
        unsafe { $crate::callable::from_user_data($py, $user_data) }
    };
}

/// The liveness of the C arguments of one callback invocation.
#[derive(Debug)]
pub struct CallScope(Token);

impl CallScope {
    /// A new scope (its token is alive until the scope is dropped).
    pub fn new() -> Self {
        CallScope(Token::new())
    }

    /// The token for views of this invocation's arguments.
    pub fn token(&self) -> &Token {
        &self.0
    }
}

impl Default for CallScope {
    fn default() -> Self {
        Self::new()
    }
}

impl Drop for CallScope {
    fn drop(&mut self) {
        self.0.kill();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_data_round_trip_and_scope() {
        Python::initialize();
        Python::attach(|py| {
            let f = py.eval(c"len", None, None).unwrap();
            let held = CallableArg::new(&f, "t").unwrap();
            let back = unsafe { from_user_data(py, held.user_data()) };
            assert!(back.is(&f));
            let one = 1i32.into_pyobject(py).unwrap();
            assert!(CallableArg::new(one.as_any(), "t").is_err());
            let scope = CallScope::new();
            let token = scope.token().clone();
            drop(scope);
            assert!(!token.is_alive());
        });
    }
}

/// What a callable trampoline hands back to C: the Python result converted
/// to the C return type, or [`CallbackReturn::fallback`] when the callable
/// raised (see [`crate::callback::guard`]). The generated trampoline names
/// neither: its C return type picks the implementation.
pub trait CallbackReturn: Sized {
    /// The value C gets when the callable raised or panicked.
    fn fallback() -> Self;
    /// The callable's result as the C return type; `what` names the site in messages.
    fn from_result(result: &Bound<'_, PyAny>, what: &str) -> PyResult<Self>;
}

impl CallbackReturn for () {
    fn fallback() -> Self {}
    fn from_result(_: &Bound<'_, PyAny>, _: &str) -> PyResult<Self> {
        Ok(())
    }
}

impl CallbackReturn for f64 {
    fn fallback() -> Self {
        0.0
    }
    fn from_result(result: &Bound<'_, PyAny>, what: &str) -> PyResult<Self> {
        crate::ints::to_c_double(result, what)
    }
}

impl CallbackReturn for f32 {
    fn fallback() -> Self {
        0.0
    }
    fn from_result(result: &Bound<'_, PyAny>, what: &str) -> PyResult<Self> {
        crate::ints::to_c_float(result, what)
    }
}

impl CallbackReturn for bool {
    fn fallback() -> Self {
        false
    }
    fn from_result(result: &Bound<'_, PyAny>, _: &str) -> PyResult<Self> {
        result.is_truthy()
    }
}

impl<T> CallbackReturn for *mut T {
    fn fallback() -> Self {
        std::ptr::null_mut()
    }
    /// `None` or a capsule: the same rules as a nullable `void*` argument
    /// that takes no plain int.
    fn from_result(result: &Bound<'_, PyAny>, what: &str) -> PyResult<Self> {
        let rules = crate::args::AddressRules { nullable: true, ints: false };
        crate::args::address(result, rules, |_| None, what).map(|p| p.cast())
    }
}

impl<T> CallbackReturn for *const T {
    fn fallback() -> Self {
        std::ptr::null()
    }
    fn from_result(result: &Bound<'_, PyAny>, what: &str) -> PyResult<Self> {
        <*mut T>::from_result(result, what).map(|p| p.cast_const())
    }
}

/// Integers are range-checked: a result that does not fit the C type is an
/// `OverflowError` reported like any other, never a truncated value.
macro_rules! int_callback_return {
    ($($t:ty),*) => {$(
        impl CallbackReturn for $t {
            fn fallback() -> Self {
                0
            }
            fn from_result(result: &Bound<'_, PyAny>, what: &str) -> PyResult<Self> {
                crate::ints::to_c_int::<$t>(result, what)
            }
        }
    )*};
}

int_callback_return!(i8, i16, i32, i64, u8, u16, u32, u64);
