//! pyds's user-meta callback registration: `user_copyfunc`,
//! `user_releasefunc`, their deprecated `set_*`/`register_*` forms and
//! `unset_callback_funcs`.
//!
//! Why hand-written: these are pyds API names, not C functions. They only
//! assign `meta.base_meta.copy_func` / `release_func`, which the spec binds
//! as callbacks registered *per meta type* (pyds keeps one process-wide
//! slot, so a second user-meta type replaced the first one's callbacks).

use crate::*;

/// Sets a callback field of a user meta given as an `NvDsUserMeta` (its
/// liveness kept) or as a capsule/address `NvDsUserMeta.cast` accepts.
fn assign(meta: &Bound<'_, PyAny>, field: &str, func: &Bound<'_, PyAny>) -> PyResult<()> {
    let user_meta = match meta.cast::<NvDsUserMeta>() {
        Ok(view) => view.clone().into_any(),
        Err(_) => meta.py().get_type::<NvDsUserMeta>().call_method1("cast", (meta,))?,
    };
    user_meta.getattr("base_meta")?.setattr(field, func)
}

/// Sets the copy function of a user meta's type: `func(user_meta, user_data)`
/// returns the new payload (capsule or int address).
#[pyfunction]
#[pyo3(signature = (meta, func))]
fn user_copyfunc(meta: &Bound<'_, PyAny>, func: &Bound<'_, PyAny>) -> PyResult<()> {
    assign(meta, "copy_func", func)
}

/// Sets the release function of a user meta's type: `func(user_meta, user_data)` frees the payload.
#[pyfunction]
#[pyo3(signature = (meta, func))]
fn user_releasefunc(meta: &Bound<'_, PyAny>, func: &Bound<'_, PyAny>) -> PyResult<()> {
    assign(meta, "release_func", func)
}

/// Deprecated positional form of `user_copyfunc`.
#[pyfunction]
#[pyo3(signature = (meta, func, /))]
fn set_user_copyfunc(meta: &Bound<'_, PyAny>, func: &Bound<'_, PyAny>) -> PyResult<()> {
    assign(meta, "copy_func", func)
}

/// Deprecated positional form of `user_releasefunc`.
#[pyfunction]
#[pyo3(signature = (meta, func, /))]
fn set_user_releasefunc(meta: &Bound<'_, PyAny>, func: &Bound<'_, PyAny>) -> PyResult<()> {
    assign(meta, "release_func", func)
}

/// No-op kept for old scripts (pyds: backward compatibility); checks `func` is callable.
#[pyfunction]
#[pyo3(signature = (func, /))]
fn register_user_copyfunc(func: &Bound<'_, PyAny>) -> PyResult<()> {
    callable(func, "register_user_copyfunc")
}

/// No-op kept for old scripts (pyds: backward compatibility); checks `func` is callable.
#[pyfunction]
#[pyo3(signature = (func, /))]
fn register_user_releasefunc(func: &Bound<'_, PyAny>) -> PyResult<()> {
    callable(func, "register_user_releasefunc")
}

fn callable(func: &Bound<'_, PyAny>, what: &str) -> PyResult<()> {
    if func.is_callable() { Ok(()) } else { Err(rt::errors::wrong_type(func, "a callable", what)) }
}

/// Forgets every registered Python callback; returns how many were removed.
/// Metas still pointing at a trampoline then copy to NULL and release nothing.
#[pyfunction]
fn unset_callback_funcs() -> usize {
    __BINDERY_CALLBACKS.clear_all()
}

/// Registers this helper's functions.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(user_copyfunc, m)?)?;
    m.add_function(wrap_pyfunction!(user_releasefunc, m)?)?;
    m.add_function(wrap_pyfunction!(set_user_copyfunc, m)?)?;
    m.add_function(wrap_pyfunction!(set_user_releasefunc, m)?)?;
    m.add_function(wrap_pyfunction!(register_user_copyfunc, m)?)?;
    m.add_function(wrap_pyfunction!(register_user_releasefunc, m)?)?;
    m.add_function(wrap_pyfunction!(unset_callback_funcs, m)?)
}
