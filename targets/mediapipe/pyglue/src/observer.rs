//! Graph output observers backed by Python callables. The core calls the
//! observer on a worker thread; `bindery_runtime::glue::callback` takes the
//! GIL and calls `callback_fn(stream_name, packet)` with the packet wrapped
//! by the generated class (a function from generated code); an exception
//! becomes a graph error (the reference terminates the process instead). A
//! batch of packets for one observer is delivered under one GIL acquisition
//! (see [`with_gil`]).

use bindery_runtime::glue::callback::call_with_gil;
use mediapipe_core::graph::ObserverFn;
use mediapipe_core::{Packet, Status};
use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

/// Wraps a core packet as its Python object.
pub type WrapPacket = fn(Python<'_>, Packet) -> PyResult<Py<PyAny>>;

/// An [`ObserverFn`] calling `callback` with the GIL held.
pub fn observer(callback: Py<PyAny>, wrap: WrapPacket) -> ObserverFn {
    mediapipe_core::graph::set_observer_batch_scope(with_gil);
    Box::new(move |stream: &str, packet: &Packet| {
        let args = |py: Python<'_>| Ok(PyTuple::new(py, [stream.into_py_any(py)?, wrap(py, packet.clone())?])?.unbind());
        call_with_gil(&callback, args).map_err(|raised| Status::unknown(format!("Python observer callback raised {raised}")))
    })
}

/// Runs a batch of observer calls with the GIL held throughout: the worker
/// thread's Python thread state is created once per batch, not per packet
/// (each callback's own `attach` is then a nested, cheap one).
fn with_gil(batch: &mut dyn FnMut()) {
    Python::attach(|_py| batch());
}
