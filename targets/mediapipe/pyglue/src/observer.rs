//! Graph output observers backed by Python callables: the runtime's
//! `(name, value)` callback calls `callback_fn(stream_name, packet)` with
//! the GIL held on the core's worker thread (the packet wrapped by the
//! generated class); an exception becomes a graph error (the reference
//! terminates the process instead). Each batch of packets for one observer
//! is delivered under one GIL acquisition (the runtime's `with_gil`).

use bindery_runtime::glue::callback::{Wrap, name_value_callback, with_gil};
use mediapipe_core::graph::ObserverFn;
use mediapipe_core::{Packet, Status};
use pyo3::prelude::*;

/// An [`ObserverFn`] calling `callback` with the GIL held.
pub fn observer(callback: Py<PyAny>, wrap: Wrap<Packet>) -> ObserverFn {
    mediapipe_core::graph::set_observer_batch_scope(with_gil);
    let mut call = name_value_callback(callback, wrap);
    Box::new(move |stream: &str, packet: &Packet| {
        call(stream, packet).map_err(|raised| Status::unknown(format!("Python observer callback raised {raised}")))
    })
}
