//! [`GraphInputStreamAddMode`]: what `add_packet_to_input_stream` does when
//! a graph input stream's readers have full queues.

use bindery_annotations as bindery;

/// Behaviour of `CalculatorGraph::add_packet_to_input_stream` under
/// back-pressure (values as in MediaPipe).
#[bindery::enumeration(module = "calculator_graph", name = "GraphInputStreamAddMode")]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[repr(i32)]
pub enum GraphInputStreamAddMode {
    /// Block until the queues have room (the default).
    #[default]
    WaitTillNotFull = 0,
    /// Fail with UNAVAILABLE ("Graph is throttled.") instead of blocking.
    AddIfNotFull = 1,
}

impl GraphInputStreamAddMode {
    /// The mode with numeric value `value`, if any.
    pub fn from_value(value: i32) -> Option<GraphInputStreamAddMode> {
        match value {
            0 => Some(Self::WaitTillNotFull),
            1 => Some(Self::AddIfNotFull),
            _ => None,
        }
    }

    /// MediaPipe's name, e.g. `"WAIT_TILL_NOT_FULL"`.
    pub fn name(self) -> &'static str {
        match self {
            Self::WaitTillNotFull => "WAIT_TILL_NOT_FULL",
            Self::AddIfNotFull => "ADD_IF_NOT_FULL",
        }
    }
}
