//! What a [`Packet`] can carry: the closed [`Payload`] enum (one variant per
//! C++ type of the packet_creator / packet_getter table) and the
//! [`PacketType`] trait that maps a Rust type to its variant and C++ name.
//!
//! Design: a closed enum keeps every payload `Send + Sync`, printable and
//! matchable by the getters' multi-type dispatch (`get_int` accepts five
//! variants) without `Any` downcasts. Each creator is `Packet::new(value)`
//! and each single-type getter is `packet.get::<T>()`, one call each. The
//! C++ type names are exactly the strings the reference prints in
//! `Packet.__repr__` and in type-mismatch errors.
//!
//! Rust type ↔ C++ type: `bool`; `i8` signed char; `i16` short; `i32` int;
//! `i64` int64_t; `u8`..`u64` unsigned char / unsigned short / unsigned int /
//! uint64_t; `f32` float; `f64` double; `Vec<u8>` std::string (bytes, any
//! content); [`IntArray`] int []; [`FloatArray`] float []; `Vec<bool|i8|i16|
//! i32|i64|f32>` std::vector of the element; `[f32; 4]` / `[f32; 16]`
//! std::array; `Vec<Vec<u8>>` vector of strings; `Vec<Packet>`;
//! `Vec<Image>`; [`StringToPacketMap`]; [`ImageFrame`]; [`Image`];
//! [`Matrix`]; [`ProtoMessage`]; [`ProtoVector`].

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::image::Image;
use crate::image_frame::ImageFrame;
use crate::matrix::Matrix;
use crate::packet::Packet;
use crate::proto::{ProtoMessage, ProtoVector, cpp_type_name};

/// `int []` (from `create_int_array`): distinct from `std::vector<int>`.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct IntArray(pub Vec<i32>);

/// `float []` (from `create_float_array`): distinct from `std::vector<float>`.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct FloatArray(pub Vec<f32>);

/// `std::map<std::string, Packet>`: keys are bytes, ordered as std::string orders them.
pub type StringToPacketMap = BTreeMap<Vec<u8>, Packet>;

/// A Rust type that a packet can hold, with its C++ type name.
pub trait PacketType: Sized {
    /// The C++ type name the reference reports, e.g. `"int"`.
    const TYPE_NAME: &'static str;
    /// Wraps the value in its payload variant.
    fn into_payload(self) -> Payload;
    /// The value, if `payload` is this type's variant.
    fn from_payload(payload: &Payload) -> Option<&Self>;
}

/// Declares the payload enum, its C++ names and a `PacketType` impl per variant.
macro_rules! payloads {
    ($($(#[$doc:meta])* $variant:ident($ty:ty) = $name:expr;)*) => {
        /// The value inside a packet. See the module docs for the type table.
        #[derive(Clone, Debug)]
        pub enum Payload {
            $($(#[$doc])* $variant($ty),)*
            /// A serialized protobuf message (C++ name from its full name).
            Proto(ProtoMessage),
            /// A vector of serialized protobuf messages of one type.
            ProtoVector(ProtoVector),
        }

        impl Payload {
            /// The C++ type name shown in `Packet.__repr__` and in errors.
            pub fn type_name(&self) -> Cow<'static, str> {
                match self {
                    $(Payload::$variant(_) => Cow::Borrowed($name),)*
                    Payload::Proto(m) => Cow::Owned(cpp_type_name(m.type_name())),
                    Payload::ProtoVector(v) => {
                        Cow::Owned(format!("::std::vector<{}>", cpp_type_name(v.element_type())))
                    }
                }
            }
        }

        $(impl PacketType for $ty {
            const TYPE_NAME: &'static str = $name;
            fn into_payload(self) -> Payload {
                Payload::$variant(self)
            }
            fn from_payload(payload: &Payload) -> Option<&Self> {
                match payload {
                    Payload::$variant(v) => Some(v),
                    _ => None,
                }
            }
        })*
    };
}

payloads! {
    /// `bool`.
    Bool(bool) = "bool";
    /// `signed char` (create_int8).
    Int8(i8) = "signed char";
    /// `short` (create_int16).
    Int16(i16) = "short";
    /// `int` (create_int, create_int32).
    Int(i32) = "int";
    /// `int64_t` (create_int64).
    Int64(i64) = "int64_t";
    /// `unsigned char` (create_uint8).
    Uint8(u8) = "unsigned char";
    /// `unsigned short` (create_uint16).
    Uint16(u16) = "unsigned short";
    /// `unsigned int` (create_uint32).
    Uint32(u32) = "unsigned int";
    /// `uint64_t` (create_uint64).
    Uint64(u64) = "uint64_t";
    /// `float`.
    Float(f32) = "float";
    /// `double`.
    Double(f64) = "double";
    /// `std::string`, as bytes (embedded NULs and non-UTF-8 allowed).
    String(Vec<u8>) = "string";
    /// `int []`.
    IntArray(IntArray) = "int []";
    /// `float []`.
    FloatArray(FloatArray) = "float []";
    /// `std::vector<bool>`.
    BoolVector(Vec<bool>) = "::std::vector<bool>";
    /// `std::vector<int>`.
    IntVector(Vec<i32>) = "::std::vector<int>";
    /// `std::vector<int8_t>` (accepted by get_int_list).
    Int8Vector(Vec<i8>) = "::std::vector<signed char>";
    /// `std::vector<int16_t>` (accepted by get_int_list).
    Int16Vector(Vec<i16>) = "::std::vector<short>";
    /// `std::vector<int64_t>` (accepted by get_int_list).
    Int64Vector(Vec<i64>) = "::std::vector<int64_t>";
    /// `std::vector<float>`.
    FloatVector(Vec<f32>) = "::std::vector<float>";
    /// `std::array<float, 4>` (accepted by get_float_list).
    FloatArray4([f32; 4]) = "::std::array<float, 4>";
    /// `std::array<float, 16>` (accepted by get_float_list).
    FloatArray16([f32; 16]) = "::std::array<float, 16>";
    /// `std::vector<std::string>`, elements as bytes.
    StringVector(Vec<Vec<u8>>) = "::std::vector<std::string>";
    /// `std::vector<Packet>` (elements keep their timestamps).
    PacketVector(Vec<Packet>) = "::std::vector<::mediapipe::Packet>";
    /// `std::vector<Image>`.
    ImageVector(Vec<Image>) = "::std::vector<::mediapipe::Image>";
    /// `std::map<std::string, Packet>`.
    StringToPacketMap(StringToPacketMap) = "::std::map<std::string,::mediapipe::Packet>";
    /// `mediapipe::ImageFrame`.
    ImageFrame(ImageFrame) = "::mediapipe::ImageFrame";
    /// `mediapipe::Image`.
    Image(Image) = "::mediapipe::Image";
    /// `Eigen::MatrixXf`.
    Matrix(Matrix) = "Eigen::Matrix<float, -1, -1, 0, -1, -1>";
}

/// The name used when a protobuf message of any type is requested.
pub const PROTO_REQUEST_NAME: &str = "proto_ns::MessageLite";

impl PacketType for ProtoMessage {
    const TYPE_NAME: &'static str = PROTO_REQUEST_NAME;
    fn into_payload(self) -> Payload {
        Payload::Proto(self)
    }
    fn from_payload(payload: &Payload) -> Option<&Self> {
        match payload {
            Payload::Proto(m) => Some(m),
            _ => None,
        }
    }
}

impl PacketType for ProtoVector {
    const TYPE_NAME: &'static str = "vector<proto_ns::MessageLite*>";
    fn into_payload(self) -> Payload {
        Payload::ProtoVector(self)
    }
    fn from_payload(payload: &Payload) -> Option<&Self> {
        match payload {
            Payload::ProtoVector(v) => Some(v),
            _ => None,
        }
    }
}
