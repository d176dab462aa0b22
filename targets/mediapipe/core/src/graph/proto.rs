//! The protobuf schema of graph configs and the text/binary codecs.
//!
//! Owns the descriptor pool compiled (once, at first use, in pure Rust with
//! protox) from the `.proto` files under the crate's `proto/` directory, and
//! the conversions between text format, binary wire format and
//! [`DynamicMessage`]. It knows nothing about graph semantics: reading
//! fields into graph types is `config`'s job.

use std::sync::OnceLock;

use prost::Message;
use prost_reflect::{DescriptorPool, DynamicMessage, MessageDescriptor};
use protox::file::{ChainFileResolver, File, FileResolver, GoogleFileResolver};

use crate::status::{Result, Status};

/// Full protobuf name of the graph config message.
pub const GRAPH_CONFIG_TYPE: &str = "mediapipe.CalculatorGraphConfig";

/// Pairs an import path with the file's text, embedded at compile time.
macro_rules! proto_source {
    ($path:literal) => {
        ($path, include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/proto/", $path)))
    };
}
/// The `.proto` sources bundled into the crate, by import path.
const SOURCES: &[(&str, &str)] = &[
    proto_source!("mediapipe/framework/mediapipe_options.proto"),
    proto_source!("mediapipe/framework/calculator_options.proto"),
    proto_source!("mediapipe/framework/stream_handler.proto"),
    proto_source!("mediapipe/framework/packet_factory.proto"),
    proto_source!("mediapipe/framework/packet_generator.proto"),
    proto_source!("mediapipe/framework/status_handler.proto"),
    proto_source!("mediapipe/framework/calculator.proto"),
    proto_source!("mediapipe/framework/formats/annotation/rasterization.proto"),
    proto_source!("mediapipe/framework/formats/location_data.proto"),
    proto_source!("mediapipe/framework/formats/detection.proto"),
    proto_source!("mediapipe/calculators/core/gate_calculator.proto"),
    proto_source!("mediapipe/calculators/core/flow_limiter_calculator.proto"),
    proto_source!("mediapipe/calculators/core/packet_cloner_calculator.proto"),
];

/// Serves the embedded sources to protox by import path.
struct EmbeddedFiles;

impl FileResolver for EmbeddedFiles {
    fn open_file(&self, name: &str) -> std::result::Result<File, protox::Error> {
        match SOURCES.iter().find(|(path, _)| *path == name) {
            Some((path, text)) => File::from_source(path, text),
            None => Err(protox::Error::file_not_found(name)),
        }
    }
}

fn compile_pool() -> std::result::Result<DescriptorPool, String> {
    let mut resolver = ChainFileResolver::new();
    resolver.add(EmbeddedFiles);
    resolver.add(GoogleFileResolver::new());
    let mut compiler = protox::Compiler::with_file_resolver(resolver);
    compiler.include_imports(true);
    let paths: Vec<&str> = SOURCES.iter().map(|(path, _)| *path).collect();
    compiler.open_files(paths).map_err(|e| e.to_string())?;
    Ok(compiler.descriptor_pool())
}

/// The descriptor pool holding every bundled message type.
pub fn pool() -> Result<&'static DescriptorPool> {
    static POOL: OnceLock<std::result::Result<DescriptorPool, String>> = OnceLock::new();
    POOL.get_or_init(compile_pool).as_ref().map_err(|e| Status::internal(format!("bundled .proto files do not compile: {e}")))
}

/// The descriptor of a bundled message type by full name.
pub fn message_descriptor(full_name: &str) -> Result<MessageDescriptor> {
    pool()?.get_message_by_name(full_name).ok_or_else(|| Status::not_found(format!("Unknown proto message type: {full_name}")))
}

/// The serialized `FileDescriptorSet` of every bundled `.proto` file (for
/// generating Python `_pb2` modules or registering types elsewhere).
pub fn file_descriptor_set_bytes() -> Result<Vec<u8>> {
    Ok(pool()?.encode_to_vec())
}

/// Parses text format into a `CalculatorGraphConfig` message.
/// Failure: INVALID_ARGUMENT with the parser's message.
pub fn parse_text(text: &str) -> Result<DynamicMessage> {
    let desc = message_descriptor(GRAPH_CONFIG_TYPE)?;
    DynamicMessage::parse_text_format(desc, text).map_err(|e| Status::invalid_argument(format!("Failed to parse: {text}\n{e}")))
}

/// Decodes wire format into a `CalculatorGraphConfig` message.
/// Failure: INVALID_ARGUMENT with the decoder's message.
pub fn parse_binary(bytes: &[u8]) -> Result<DynamicMessage> {
    let desc = message_descriptor(GRAPH_CONFIG_TYPE)?;
    DynamicMessage::decode(desc, bytes).map_err(|e| Status::invalid_argument(format!("Failed to parse the binary graph: {e}")))
}

/// Multi-line text format in the layout of C++ `DebugString()`.
pub fn to_text(message: &DynamicMessage) -> String {
    super::debug_string::debug_string(message)
}

/// Wire-format bytes of a message.
pub fn to_binary(message: &DynamicMessage) -> Vec<u8> {
    message.encode_to_vec()
}
