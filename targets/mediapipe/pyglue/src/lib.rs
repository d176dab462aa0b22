//! `mediapipe-pyglue`: the MediaPipe-specific Python-side helpers of the
//! generated `mediapipe.python._framework_bindings` crate. The
//! target-agnostic glue (strict argument conversion, sequences and dicts,
//! numpy arguments and views, static properties, the status table's
//! exceptions, callbacks with the GIL) is `bindery_runtime::glue`; what
//! stays here adapts it to the core's types: [`numpy`] reads arrays as the
//! core's pixel data and views frames and matrices, [`observer`] wraps a
//! Python callable as a graph observer.

pub mod numpy;
pub mod observer;
