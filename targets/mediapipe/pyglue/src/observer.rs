//! Graph output observers backed by Python callables. The core calls the
//! observer on a worker thread; the trampoline takes the GIL, wraps the
//! packet with the generated class (a closure from generated code), calls
//! `callback_fn(stream_name, packet)`, and turns a raised exception into a
//! graph error (the reference terminates the process instead). A batch of
//! packets for one observer is delivered under one GIL acquisition (see
//! [`with_gil`]).

use mediapipe_core::graph::ObserverFn;
use mediapipe_core::{Packet, Status};
use pyo3::prelude::*;

/// Wraps a core packet as its Python object.
pub type WrapPacket = fn(Python<'_>, Packet) -> PyResult<Py<PyAny>>;

/// An [`ObserverFn`] calling `callback` with the GIL held.
pub fn observer(callback: Py<PyAny>, wrap: WrapPacket) -> ObserverFn {
    mediapipe_core::graph::set_observer_batch_scope(with_gil);
    Box::new(move |stream: &str, packet: &Packet| {
        Python::attach(|py| {
            let call = wrap(py, packet.clone()).and_then(|p| callback.call1(py, (stream, p)));
            call.map(|_| ()).map_err(|err| callback_error(py, err))
        })
    })
}

/// Runs a batch of observer calls with the GIL held throughout: the worker
/// thread's Python thread state is created once per batch, not per packet
/// (each callback's own `attach` is then a nested, cheap one).
fn with_gil(batch: &mut dyn FnMut()) {
    Python::attach(|_py| batch());
}

/// The graph error for a callback that raised: the exception's text.
fn callback_error(py: Python<'_>, err: PyErr) -> Status {
    let text = err.value(py).str().map(|s| s.to_string()).unwrap_or_default();
    let kind = err.get_type(py).name().map(|n| n.to_string()).unwrap_or_else(|_| "Exception".into());
    Status::unknown(format!("Python observer callback raised {kind}: {text}"))
}
