//! GObject interop: PyGObject objects (`Gst.Buffer`, `Gst.Pad`,
//! `Gst.Element`…) and raw addresses as arguments of C functions that take a
//! GObject or GstMiniObject pointer, always checked against the expected
//! GType, plus the liveness of metadata found on a GstBuffer ([`buffer`]).
//!
//! Pieces: [`symbols`] finds the GLib/GStreamer functions in the libraries
//! the process has loaded (the runtime links neither), [`wrapper`] reads the
//! C pointer out of a PyGObject wrapper, [`verify`] checks an untrusted
//! address's type without faulting, [`instance`] puts them together as one
//! argument conversion; [`meta_hook`] ties a GstMeta payload's token to
//! the meta's release; [`memory_pin`] finds the struct a buffer's memory
//! holds and pins that memory under numpy arrays. This module frees nothing
//! and holds no reference to any object except the buffer references
//! documented in [`buffer`] and the memory references of [`memory_pin`].

pub mod buffer;
pub mod instance;
pub mod memory_pin;
pub mod meta_hook;
pub mod symbols;
pub mod verify;
pub mod wrapper;

pub use instance::{GTypeRules, instance};
