//! The `_packet_getter` functions: one call per Python getter, with the
//! reference's dispatch (get_int accepts int/int8/int16/int32/int64, ...) and
//! its error messages (ValueError for mismatches; RuntimeError for empty
//! packets in the generic getters, ValueError in the dispatching ones).
//!
//! Values are returned as plain Rust data (ints widened to i64/u64, floats
//! to f64 after float32 narrowing); building Python objects is the binding
//! layer's job.

use bindery_annotations as bindery;

use crate::image::Image;
use crate::image_frame::ImageFrame;
use crate::matrix::Matrix;
use crate::packet::Packet;
use crate::payload::Payload;
use crate::proto::ProtoVector;
use crate::status::{ErrorKind, Result, Status};

/// Decodes UTF-8 like Python's `bytes.decode()`, failing with a
/// UnicodeDecodeError-kind status and Python's message text.
pub fn decode_utf8(bytes: &[u8]) -> Result<String> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => {
            let pos = e.valid_up_to();
            let byte = bytes[pos];
            let reason = match e.error_len() {
                None => "unexpected end of data",
                Some(_) if (0x80..0xc2).contains(&byte) || byte > 0xf4 => "invalid start byte",
                Some(_) => "invalid continuation byte",
            };
            Err(Status::invalid_argument(format!("'utf-8' codec can't decode byte 0x{byte:02x} in position {pos}: {reason}"))
                .with_kind(ErrorKind::InvalidUtf8))
        }
    }
}

/// The payload, or a ValueError with `message` for an empty packet.
fn dispatch_payload<'a>(packet: &'a Packet, message: &str) -> Result<&'a Payload> {
    packet.payload().ok_or_else(|| Status::invalid_argument(message))
}

/// `get_str`: a `std::string` decoded as UTF-8.
#[bindery::function(module = "_packet_getter", name = "get_str")]
pub fn get_str(packet: &Packet) -> Result<String> {
    decode_utf8(packet.get::<Vec<u8>>()?)
}

/// `get_bytes`: a `std::string` as bytes.
#[bindery::function(module = "_packet_getter", name = "get_bytes")]
pub fn get_bytes(packet: &Packet) -> Result<Vec<u8>> {
    packet.get::<Vec<u8>>().cloned()
}

/// `get_bool`.
#[bindery::function(module = "_packet_getter", name = "get_bool")]
pub fn get_bool(packet: &Packet) -> Result<bool> {
    packet.get::<bool>().copied()
}

/// `get_int`: int, int8, int16, int32 or int64 (not unsigned, not bool).
#[bindery::function(module = "_packet_getter", name = "get_int")]
pub fn get_int(packet: &Packet) -> Result<i64> {
    const MSG: &str = "Packet doesn't contain int, int8, int16, int32, or int64 data.";
    match dispatch_payload(packet, MSG)? {
        Payload::Int(v) => Ok(i64::from(*v)),
        Payload::Int8(v) => Ok(i64::from(*v)),
        Payload::Int16(v) => Ok(i64::from(*v)),
        Payload::Int64(v) => Ok(*v),
        _ => Err(Status::invalid_argument(MSG)),
    }
}

/// `get_uint`: uint8, uint16, uint32 or uint64.
#[bindery::function(module = "_packet_getter", name = "get_uint")]
pub fn get_uint(packet: &Packet) -> Result<u64> {
    const MSG: &str = "Packet doesn't contain uint8, uint16, uint32, or uint64 data.";
    match dispatch_payload(packet, MSG)? {
        Payload::Uint8(v) => Ok(u64::from(*v)),
        Payload::Uint16(v) => Ok(u64::from(*v)),
        Payload::Uint32(v) => Ok(u64::from(*v)),
        Payload::Uint64(v) => Ok(*v),
        _ => Err(Status::invalid_argument(MSG)),
    }
}

/// `get_float`: float, or double narrowed to float32 (0.42 → 0.41999998688697815).
#[bindery::function(module = "_packet_getter", name = "get_float")]
pub fn get_float(packet: &Packet) -> Result<f64> {
    const MSG: &str = "Packet doesn't contain float or double data.";
    match dispatch_payload(packet, MSG)? {
        Payload::Float(v) => Ok(f64::from(*v)),
        Payload::Double(v) => Ok(f64::from(*v as f32)),
        _ => Err(Status::invalid_argument(MSG)),
    }
}

/// `get_int_list`: a vector of int, int8, int16, int32 or int64 (`int []` is rejected).
#[bindery::function(module = "_packet_getter", name = "get_int_list")]
pub fn get_int_list(packet: &Packet) -> Result<Vec<i64>> {
    const MSG: &str = "Packet doesn't contain int, int8, int16, int32, or int64 containers.";
    match dispatch_payload(packet, MSG)? {
        Payload::IntVector(v) => Ok(v.iter().map(|&x| i64::from(x)).collect()),
        Payload::Int8Vector(v) => Ok(v.iter().map(|&x| i64::from(x)).collect()),
        Payload::Int16Vector(v) => Ok(v.iter().map(|&x| i64::from(x)).collect()),
        Payload::Int64Vector(v) => Ok(v.clone()),
        _ => Err(Status::invalid_argument(MSG)),
    }
}

/// `get_float_list`: `std::vector<float>`, `std::array<float, 4>` or
/// `std::array<float, 16>` (`float []` is rejected).
#[bindery::function(module = "_packet_getter", name = "get_float_list")]
pub fn get_float_list(packet: &Packet) -> Result<Vec<f32>> {
    const MSG: &str = "Packet doesn't contain std::vector<float> or std::array<float, 4 / 16> containers.";
    match dispatch_payload(packet, MSG)? {
        Payload::FloatVector(v) => Ok(v.clone()),
        Payload::FloatArray4(v) => Ok(v.to_vec()),
        Payload::FloatArray16(v) => Ok(v.to_vec()),
        _ => Err(Status::invalid_argument(MSG)),
    }
}

/// `get_bool_list`.
#[bindery::function(module = "_packet_getter", name = "get_bool_list")]
pub fn get_bool_list(packet: &Packet) -> Result<Vec<bool>> {
    packet.get::<Vec<bool>>().cloned()
}

/// `get_str_list`: each element decoded as UTF-8.
#[bindery::function(module = "_packet_getter", name = "get_str_list")]
pub fn get_str_list(packet: &Packet) -> Result<Vec<String>> {
    packet.get::<Vec<Vec<u8>>>()?.iter().map(|s| decode_utf8(s)).collect()
}

/// `get_image_list`: the images, sharing pixels with the packet.
#[bindery::function(module = "_packet_getter", name = "get_image_list")]
pub fn get_image_list(packet: &Packet) -> Result<Vec<Image>> {
    packet.get::<Vec<Image>>().cloned()
}

/// `get_packet_list`: the packets with their own timestamps.
#[bindery::function(module = "_packet_getter", name = "get_packet_list")]
pub fn get_packet_list(packet: &Packet) -> Result<Vec<Packet>> {
    packet.get::<Vec<Packet>>().cloned()
}

/// `get_str_to_packet_dict`: entries in key order, keys decoded as UTF-8.
#[bindery::function(module = "_packet_getter", name = "get_str_to_packet_dict")]
pub fn get_str_to_packet_dict(packet: &Packet) -> Result<Vec<(String, Packet)>> {
    let map = packet.get::<crate::payload::StringToPacketMap>()?;
    map.iter().map(|(k, p)| Ok((decode_utf8(k)?, p.clone()))).collect()
}

/// `get_image_frame`: shares the packet's pixels (no copy).
#[bindery::function(module = "_packet_getter", name = "get_image_frame")]
pub fn get_image_frame(packet: &Packet) -> Result<ImageFrame> {
    packet.get::<ImageFrame>().cloned()
}

/// `get_image`: shares the packet's pixels (no copy).
#[bindery::function(module = "_packet_getter", name = "get_image")]
pub fn get_image(packet: &Packet) -> Result<Image> {
    packet.get::<Image>().cloned()
}

/// `get_matrix`: shares the packet's column-major data (no copy).
#[bindery::function(module = "_packet_getter", name = "get_matrix")]
pub fn get_matrix(packet: &Packet) -> Result<Matrix> {
    packet.get::<Matrix>().cloned()
}

/// `_get_proto_type_name`: the full protobuf name (e.g. `mediapipe.Detection`).
/// A non-proto or empty packet is an error (the reference aborts).
#[bindery::function(module = "_packet_getter", name = "_get_proto_type_name")]
pub fn get_proto_type_name(packet: &Packet) -> Result<String> {
    Ok(packet.get::<crate::proto::ProtoMessage>()?.type_name().to_string())
}

/// `_get_serialized_proto`: the message bytes (errors as `_get_proto_type_name`).
#[bindery::function(module = "_packet_getter", name = "_get_serialized_proto")]
pub fn get_serialized_proto(packet: &Packet) -> Result<Vec<u8>> {
    Ok(packet.get::<crate::proto::ProtoMessage>()?.bytes().to_vec())
}

/// The proto vector, with the reference's errors: RuntimeError
/// `Packet is empty.`; ValueError `The Packet stores "{T}"which is not
/// convertible to vector<proto_ns::MessageLite*>.` (sic, no space).
fn proto_vector(packet: &Packet) -> Result<&ProtoVector> {
    match packet.payload() {
        None => Err(Status::failed_precondition("Packet is empty.")),
        Some(Payload::ProtoVector(v)) => Ok(v),
        Some(other) => Err(Status::invalid_argument(format!(
            "The Packet stores \"{}\"which is not convertible to vector<proto_ns::MessageLite*>.",
            other.type_name()
        ))),
    }
}

/// `_get_proto_vector_size`.
#[bindery::function(module = "_packet_getter", name = "_get_proto_vector_size")]
pub fn get_proto_vector_size(packet: &Packet) -> Result<usize> {
    Ok(proto_vector(packet)?.items().len())
}

/// `_get_proto_vector_element_type_name`: the elements' full protobuf name.
#[bindery::function(module = "_packet_getter", name = "_get_proto_vector_element_type_name")]
pub fn get_proto_vector_element_type_name(packet: &Packet) -> Result<String> {
    Ok(proto_vector(packet)?.element_type().to_string())
}

/// `_get_serialized_proto_list`: the serialized elements.
#[bindery::function(module = "_packet_getter", name = "_get_serialized_proto_list")]
pub fn get_serialized_proto_list(packet: &Packet) -> Result<Vec<Vec<u8>>> {
    Ok(proto_vector(packet)?.items().to_vec())
}

#[cfg(test)]
mod tests;
