//! `mediapipe-core`: MediaPipe's framework core (packets, timestamps, image
//! frames, images, matrices, calculator graphs) as a plain Rust library.
//!
//! The Python API of mediapipe 0.10.21's framework is generated from the
//! `bindery` annotations on these types; this crate has no Python
//! dependency. Every failure is a [`Status`] (never a panic or an abort),
//! including the inputs that kill the reference implementation.
//!
//! Modules: [`status`] (errors), [`timestamp`], [`packet`] and [`payload`]
//! (values in packets), [`creator`] / [`getter`] (the Python
//! `_packet_creator` / `_packet_getter` functions), [`image_format`],
//! [`buffer`], [`image_frame`], [`pixel_data`] (Python image constructors),
//! [`image`] and [`image_file`] (PNG/JPEG decoding), [`matrix`], [`proto`]
//! (protobuf payloads and their registry), and `graph` (calculator graphs).

pub mod buffer;
pub mod creator;
pub mod getter;
pub mod graph;
pub mod image;
pub mod image_file;
pub mod image_format;
pub mod image_frame;
pub mod matrix;
pub mod packet;
pub mod payload;
pub mod pixel_data;
pub mod proto;
pub mod resource;
pub mod status;
pub mod timestamp;

pub use image::Image;
pub use image_format::{ElementType, ImageFormat};
pub use image_frame::ImageFrame;
pub use matrix::Matrix;
pub use packet::Packet;
pub use payload::{PacketType, Payload};
pub use status::{ErrorKind, Result, Status, StatusCode};
pub use timestamp::Timestamp;
