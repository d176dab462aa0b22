//! Protobuf payloads: [`ProtoMessage`] (a message's full type name plus its
//! serialized bytes), [`ProtoVector`] (a vector of one message type) and the
//! process-wide registry of message types a packet may hold.
//!
//! The engine never parses message bytes here: the Python layer serializes
//! with the Python protobuf runtime and parses on the way back, finding the
//! class by full name. This module owns the registry and the C++ type names.

use std::collections::BTreeSet;
use std::sync::{LazyLock, RwLock};

use bindery_annotations as bindery;

use crate::status::{Result, Status};

/// Message types registered in the reference wheel (observed); more can be
/// added with [`register_message_type`].
const BUILTIN_TYPES: [&str; 14] = [
    "mediapipe.Detection",
    "mediapipe.DetectionList",
    "mediapipe.ClassificationList",
    "mediapipe.Landmark",
    "mediapipe.LandmarkList",
    "mediapipe.NormalizedLandmark",
    "mediapipe.NormalizedLandmarkList",
    "mediapipe.Joint",
    "mediapipe.JointList",
    "mediapipe.MatrixData",
    "mediapipe.TimeSeriesHeader",
    "mediapipe.MultiStreamTimeSeriesHeader",
    "mediapipe.FrameAnnotation",
    "mediapipe.tasks.vision.face_geometry.proto.FaceGeometry",
];

static REGISTRY: LazyLock<RwLock<BTreeSet<String>>> = LazyLock::new(|| RwLock::new(BUILTIN_TYPES.iter().map(|s| s.to_string()).collect()));

/// Adds `full_name` (e.g. `"mediapipe.Rect"`) to the registry. Returns
/// whether it was new. An empty or malformed name is INVALID_ARGUMENT.
pub fn register_message_type(full_name: &str) -> Result<bool> {
    let valid = !full_name.is_empty()
        && full_name.split('.').all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
    if !valid {
        return Err(Status::invalid_argument(format!("invalid proto message type name: {full_name:?}")));
    }
    let mut set = REGISTRY.write().unwrap_or_else(|poisoned| poisoned.into_inner());
    Ok(set.insert(full_name.to_string()))
}

/// Whether `full_name` is a registered message type.
pub fn is_registered_message_type(full_name: &str) -> bool {
    let set = REGISTRY.read().unwrap_or_else(|poisoned| poisoned.into_inner());
    set.contains(full_name)
}

/// All registered message type names, sorted.
pub fn registered_message_types() -> Vec<String> {
    let set = REGISTRY.read().unwrap_or_else(|poisoned| poisoned.into_inner());
    set.iter().cloned().collect()
}

/// The C++ spelling of a message type: `mediapipe.Detection` →
/// `::mediapipe::Detection`.
pub fn cpp_type_name(full_name: &str) -> String {
    format!("::{}", full_name.replace('.', "::"))
}

/// One serialized protobuf message of a registered type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProtoMessage {
    type_name: String,
    bytes: Vec<u8>,
}

impl ProtoMessage {
    /// `_create_proto(type_name, bytes)`: fails with the reference's
    /// `Unregistered proto message type: {name}` (RuntimeError) when the
    /// type is not registered.
    pub fn new(type_name: &str, bytes: Vec<u8>) -> Result<ProtoMessage> {
        if !is_registered_message_type(type_name) {
            return Err(Status::internal(format!("Unregistered proto message type: {type_name}")));
        }
        Ok(ProtoMessage { type_name: type_name.to_string(), bytes })
    }

    /// The full protobuf name, e.g. `mediapipe.Detection`.
    pub fn type_name(&self) -> &str {
        &self.type_name
    }

    /// The serialized message.
    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }
}

/// A `std::vector` of messages of one registered type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProtoVector {
    element_type: String,
    items: Vec<Vec<u8>>,
}

impl ProtoVector {
    /// A vector of serialized `element_type` messages (registered type only).
    pub fn new(element_type: &str, items: Vec<Vec<u8>>) -> Result<ProtoVector> {
        if !is_registered_message_type(element_type) {
            return Err(Status::internal(format!("Unregistered proto message type: {element_type}")));
        }
        Ok(ProtoVector { element_type: element_type.to_string(), items })
    }

    /// The elements' full protobuf name.
    pub fn element_type(&self) -> &str {
        &self.element_type
    }

    /// The serialized elements.
    pub fn items(&self) -> &[Vec<u8>] {
        &self.items
    }
}

/// `create_proto_vector`: not supported by the reference either; always the
/// reference's NotImplementedError.
#[bindery::function(module = "_packet_creator", name = "_create_proto_vector")]
pub fn create_proto_vector_unsupported() -> Result<()> {
    Err(Status::unimplemented("create_proto_vector is not implemented."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_types_are_registered_and_others_are_not() {
        assert!(is_registered_message_type("mediapipe.Detection"));
        assert!(is_registered_message_type("mediapipe.NormalizedLandmarkList"));
        assert!(!is_registered_message_type("mediapipe.CalculatorGraphConfig"));
        let err = ProtoMessage::new("mediapipe.Rect", vec![]).unwrap_err();
        assert_eq!(err.message(), "Unregistered proto message type: mediapipe.Rect");
        assert_eq!(err.kind(), crate::ErrorKind::Failed);
    }

    #[test]
    fn registering_adds_a_type_once_and_rejects_bad_names() {
        assert!(register_message_type("bindery.test.Registered").unwrap());
        assert!(!register_message_type("bindery.test.Registered").unwrap());
        assert!(ProtoMessage::new("bindery.test.Registered", vec![8, 1]).is_ok());
        assert!(registered_message_types().contains(&"bindery.test.Registered".to_string()));
        for bad in ["", "a..b", ".a", "a b", "a.b-c"] {
            assert!(register_message_type(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn cpp_names_and_unsupported_vector_creation() {
        assert_eq!(cpp_type_name("mediapipe.Detection"), "::mediapipe::Detection");
        let err = create_proto_vector_unsupported().unwrap_err();
        assert_eq!(err.message(), "create_proto_vector is not implemented.");
        assert_eq!(err.kind(), crate::ErrorKind::Unimplemented);
    }
}
