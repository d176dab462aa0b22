//! The built-in calculators and their registration table.
//!
//! Each submodule owns one calculator family: its contract (port checks
//! with MediaPipe's messages) and its behaviour. Nothing here schedules.

mod flow_limiter;
mod gate;
mod packet_cloner;
mod pass_through;
mod side_packet_to_stream;
mod string_to_int;

use super::registry::Registration;

/// The built-in calculators, by registered name.
pub fn builtins() -> Vec<(String, Registration)> {
    let mut all = vec![
        ("PassThroughCalculator", pass_through::REGISTRATION),
        ("GateCalculator", gate::REGISTRATION),
        ("PacketClonerCalculator", packet_cloner::REGISTRATION),
        ("FlowLimiterCalculator", flow_limiter::REGISTRATION),
        ("SidePacketToStreamCalculator", side_packet_to_stream::REGISTRATION),
    ];
    all.extend(string_to_int::registrations());
    all.into_iter().map(|(name, reg)| (name.to_string(), reg)).collect()
}
