//! The `_packet_creator` functions: one call per Python creator, each
//! returning a [`Packet`] at UNSET, with the reference's range rules and
//! messages (int32 and smaller → OverflowError with upstream's "execeeds"
//! spelling; vector elements outside int32 → TypeError).
//!
//! Python-side argument conversion (which Python types are accepted) is the
//! binding layer's job; this module receives plain Rust values. Image
//! creators are in [`crate::pixel_data`].

use bindery_annotations as bindery;

use crate::image::Image;
use crate::image_frame::{GL_DEFAULT_ALIGNMENT_BOUNDARY, ImageFrame};
use crate::matrix::Matrix;
use crate::packet::Packet;
use crate::payload::{FloatArray, IntArray, Payload, StringToPacketMap};
use crate::proto::ProtoMessage;
use crate::status::{Result, Status};

/// `value` if `min ≤ value ≤ max`, else the reference's OverflowError.
pub fn check_int_range(value: i64, min: i64, max: i64) -> Result<i64> {
    if value > max {
        return Err(Status::overflow(format!("{value} execeeds the maximum value ({max}) the data type can have.")));
    }
    if value < min {
        return Err(Status::overflow(format!("{value} goes below the minimum value ({min}) the data type can have.")));
    }
    Ok(value)
}

/// Defines a creator for an integer type narrower than int64.
macro_rules! int_creator {
    ($(#[$doc:meta])* $fn_name:ident, $py:literal, $ty:ty) => {
        $(#[$doc])*
        #[bindery::function(module = "_packet_creator", name = $py)]
        pub fn $fn_name(value: i64) -> Result<Packet> {
            let v = check_int_range(value, <$ty>::MIN as i64, <$ty>::MAX as i64)?;
            // The range check above makes the narrowing exact.
            Ok(Packet::new(v as $ty))
        }
    };
}

int_creator!(
    /// `create_int`: a C++ `int` (int32); outside int32 is an OverflowError.
    create_int, "create_int", i32
);
int_creator!(
    /// `create_int8`: a `signed char`.
    create_int8, "create_int8", i8
);
int_creator!(
    /// `create_int16`: a `short`.
    create_int16, "create_int16", i16
);
int_creator!(
    /// `create_int32`: an `int`.
    create_int32, "create_int32", i32
);
int_creator!(
    /// `create_uint8`: an `unsigned char`; −1 is an OverflowError.
    create_uint8, "create_uint8", u8
);
int_creator!(
    /// `create_uint16`: an `unsigned short`.
    create_uint16, "create_uint16", u16
);
int_creator!(
    /// `create_uint32`: an `unsigned int`.
    create_uint32, "create_uint32", u32
);

/// `create_string`: a `std::string` from str (UTF-8) or bytes; NULs kept.
#[bindery::function(module = "_packet_creator", name = "create_string")]
pub fn create_string(data: &[u8]) -> Packet {
    Packet::new(data.to_vec())
}

/// `create_bool`.
#[bindery::function(module = "_packet_creator", name = "create_bool")]
pub fn create_bool(value: bool) -> Packet {
    Packet::new(value)
}

/// `create_int64`: an `int64_t`.
#[bindery::function(module = "_packet_creator", name = "create_int64")]
pub fn create_int64(value: i64) -> Packet {
    Packet::new(value)
}

/// `create_uint64`: a `uint64_t`.
#[bindery::function(module = "_packet_creator", name = "create_uint64")]
pub fn create_uint64(value: u64) -> Packet {
    Packet::new(value)
}

/// `create_float`: the double is narrowed to float32 (1e300 → inf).
#[bindery::function(module = "_packet_creator", name = "create_float")]
pub fn create_float(value: f64) -> Packet {
    Packet::new(value as f32)
}

/// `create_double`.
#[bindery::function(module = "_packet_creator", name = "create_double")]
pub fn create_double(value: f64) -> Packet {
    Packet::new(value)
}

/// `create_int_array`: an `int []` (int32 elements; a binding rejects wider ints).
#[bindery::function(module = "_packet_creator", name = "create_int_array")]
pub fn create_int_array(values: &[i32]) -> Packet {
    Packet::new(IntArray(values.to_vec()))
}

/// `create_float_array`: a `float []` (elements narrowed to float32).
#[bindery::function(module = "_packet_creator", name = "create_float_array")]
pub fn create_float_array(values: &[f64]) -> Packet {
    Packet::new(FloatArray(values.iter().map(|&v| v as f32).collect()))
}

/// `create_int_vector`: a `std::vector<int>` (int32 elements, as `create_int_array`).
#[bindery::function(module = "_packet_creator", name = "create_int_vector")]
pub fn create_int_vector(values: &[i32]) -> Packet {
    Packet::new(values.to_vec())
}

/// `create_bool_vector`.
#[bindery::function(module = "_packet_creator", name = "create_bool_vector")]
pub fn create_bool_vector(values: Vec<bool>) -> Packet {
    Packet::new(values)
}

/// `create_float_vector`: a `std::vector<float>` (elements narrowed).
#[bindery::function(module = "_packet_creator", name = "create_float_vector")]
pub fn create_float_vector(values: &[f64]) -> Packet {
    Packet::new(values.iter().map(|&v| v as f32).collect::<Vec<f32>>())
}

/// `create_string_vector`: elements as bytes (str elements UTF-8 encoded).
#[bindery::function(module = "_packet_creator", name = "create_string_vector")]
pub fn create_string_vector(values: Vec<Vec<u8>>) -> Packet {
    Packet::new(values)
}

/// `create_image_vector`.
#[bindery::function(module = "_packet_creator", name = "create_image_vector")]
pub fn create_image_vector(values: Vec<Image>) -> Packet {
    Packet::new(values)
}

/// `create_packet_vector`: elements keep their own timestamps.
#[bindery::function(module = "_packet_creator", name = "create_packet_vector")]
pub fn create_packet_vector(values: Vec<Packet>) -> Packet {
    Packet::new(values)
}

/// `create_string_to_packet_map`: entries in dict order; for a repeated key
/// (str and bytes spelling the same bytes) the first entry wins, as with
/// `std::map::emplace`.
#[bindery::function(module = "_packet_creator", name = "create_string_to_packet_map")]
pub fn create_string_to_packet_map(entries: Vec<(Vec<u8>, Packet)>) -> Packet {
    let mut map = StringToPacketMap::new();
    for (key, packet) in entries {
        map.entry(key).or_insert(packet);
    }
    Packet::new(map)
}

/// `create_matrix(matrix, transpose=False)`: `shape` and C-ordered float32
/// `values` of the converted array; see [`Matrix::from_array`].
#[bindery::function(module = "_packet_creator", name = "create_matrix")]
pub fn create_matrix(shape: &[usize], values: &[f32], transpose: bool) -> Result<Packet> {
    Ok(Packet::new(Matrix::from_array(shape, values, transpose)?))
}

/// `_create_image_frame_from_image_frame`: a copy aligned to 4 bytes.
#[bindery::function(module = "_packet_creator", name = "_create_image_frame_from_image_frame")]
pub fn create_image_frame_from_image_frame(frame: &ImageFrame) -> Result<Packet> {
    Ok(Packet::new(frame.copy_aligned(GL_DEFAULT_ALIGNMENT_BOUNDARY)?))
}

/// `_create_image_from_image`: a copy aligned to 4 bytes.
#[bindery::function(module = "_packet_creator", name = "_create_image_from_image")]
pub fn create_image_from_image(image: &Image) -> Result<Packet> {
    let frame = image.frame().copy_aligned(GL_DEFAULT_ALIGNMENT_BOUNDARY)?;
    Ok(Packet::new(Image::from_frame(frame)))
}

/// `_create_proto(type_name, bytes)`: RuntimeError
/// `Unregistered proto message type: {type_name}` for unknown types.
#[bindery::function(module = "_packet_creator", name = "_create_proto")]
pub fn create_proto(type_name: &str, bytes: &[u8]) -> Result<Packet> {
    let message = ProtoMessage::new(type_name, bytes.to_vec())?;
    Ok(Packet::from_payload(Payload::Proto(message)))
}

#[cfg(test)]
mod tests;
