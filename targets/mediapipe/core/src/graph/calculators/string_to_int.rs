//! The `StringTo*Calculator` family: parses the string input side packet
//! into an integer output side packet when the node opens.

use std::str::FromStr;

use crate::graph::calculator::{Calculator, CalculatorContext, Contract, PortType};
use crate::graph::config::NodeConfig;
use crate::graph::registry::Registration;
use crate::packet::Packet;
use crate::payload::PacketType;
use crate::status::{Result, Status};

/// The family members: registered name and registration.
pub fn registrations() -> Vec<(&'static str, Registration)> {
    vec![
        ("StringToIntCalculator", registration::<i32>()),
        ("StringToUintCalculator", registration::<u32>()),
        ("StringToInt32Calculator", registration::<i32>()),
        ("StringToUint32Calculator", registration::<u32>()),
        ("StringToInt64Calculator", registration::<i64>()),
        ("StringToUint64Calculator", registration::<u64>()),
    ]
}

/// Integer types the family produces.
trait Target: PacketType + FromStr + Send + 'static {}
impl<T: PacketType + FromStr + Send + 'static> Target for T {}

fn registration<T: Target>() -> Registration {
    Registration { contract: contract::<T>, factory: factory::<T> }
}

fn contract<T: Target>(cc: &mut Contract<'_>) -> Result<()> {
    if cc.input_side_packets.name("", 0).is_none() || cc.output_side_packets.name("", 0).is_none() {
        return Err(cc.violation("needs an untagged input side packet (the string) and an untagged output side packet"));
    }
    cc.set_type("input_side", "", 0, PortType::Named("string"));
    cc.set_type("output_side", "", 0, PortType::Named(T::TYPE_NAME));
    Ok(())
}

fn factory<T: Target>(_node: &NodeConfig) -> Result<Box<dyn Calculator>> {
    Ok(Box::new(StringToInt::<T>(std::marker::PhantomData)))
}

struct StringToInt<T>(std::marker::PhantomData<T>);

/// Parses like `absl::SimpleAtoi`: surrounding ASCII whitespace and a
/// leading `+` are accepted.
fn parse<T: FromStr>(bytes: &[u8]) -> Option<T> {
    let text = std::str::from_utf8(bytes).ok()?.trim_ascii();
    let text = text.strip_prefix('+').filter(|t| !t.starts_with(['+', '-'])).unwrap_or(text);
    text.parse().ok()
}

impl<T: Target> Calculator for StringToInt<T> {
    fn open(&mut self, cc: &mut CalculatorContext) -> Result<()> {
        let text = cc.input_side_packet("", 0)?.get::<Vec<u8>>()?.clone();
        let number: T = parse(&text).ok_or_else(|| Status::invalid_argument("The string could not be parsed as an integer."))?;
        cc.set_output_side_packet("", 0, Packet::new(number))
    }

    fn process(&mut self, _cc: &mut CalculatorContext) -> Result<()> {
        Ok(())
    }
}
