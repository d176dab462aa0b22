//! Text format in the layout of C++ `Message::DebugString()`: fields in
//! number order, one per line, nested messages as `name {` … `}` with
//! two-space indentation, repeated fields repeated, extensions as
//! `[full.name]`, `Any` expanded as `[type.googleapis.com/T]` when `T` is
//! bundled, bytes and strings C-escaped.

use std::fmt::Write;

use prost_reflect::{DynamicMessage, Kind, ReflectMessage, Value};

use super::proto;

/// `DebugString()` of `message`.
pub fn debug_string(message: &DynamicMessage) -> String {
    let mut out = String::new();
    write_message(&mut out, message, 0);
    out
}

fn write_message(out: &mut String, message: &DynamicMessage, depth: usize) {
    if message.descriptor().full_name() == "google.protobuf.Any" && write_any(out, message, depth) {
        return;
    }
    let mut entries: Vec<(u32, String, Kind, &Value)> =
        message.fields().map(|(f, v)| (f.number(), f.name().to_string(), f.kind(), v)).collect();
    entries.extend(message.extensions().map(|(e, v)| (e.number(), format!("[{}]", e.full_name()), e.kind(), v)));
    entries.sort_by_key(|(number, ..)| *number);
    for (_, name, kind, value) in entries {
        match value {
            Value::List(items) => items.iter().for_each(|v| write_field(out, &name, &kind, v, depth)),
            Value::Map(_) => {}
            v => write_field(out, &name, &kind, v, depth),
        }
    }
}

/// Expands an `Any` whose type is bundled; returns false otherwise.
fn write_any(out: &mut String, any: &DynamicMessage, depth: usize) -> bool {
    let url = any.get_field_by_name("type_url").and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
    let bytes = match any.get_field_by_name("value").as_deref() {
        Some(Value::Bytes(b)) => b.clone(),
        _ => return false,
    };
    let type_name = url.rsplit('/').next().unwrap_or_default();
    let Ok(desc) = proto::message_descriptor(type_name) else { return false };
    let Ok(inner) = DynamicMessage::decode(desc, bytes) else { return false };
    let indent = "  ".repeat(depth);
    let _ = writeln!(out, "{indent}[{url}] {{");
    write_message(out, &inner, depth + 1);
    let _ = writeln!(out, "{indent}}}");
    true
}

fn write_field(out: &mut String, name: &str, kind: &Kind, value: &Value, depth: usize) {
    let indent = "  ".repeat(depth);
    if let Value::Message(m) = value {
        let _ = writeln!(out, "{indent}{name} {{");
        write_message(out, m, depth + 1);
        let _ = writeln!(out, "{indent}}}");
        return;
    }
    let _ = writeln!(out, "{indent}{name}: {}", scalar(kind, value));
}

fn scalar(kind: &Kind, value: &Value) -> String {
    match value {
        Value::Bool(b) => b.to_string(),
        Value::I32(v) => v.to_string(),
        Value::I64(v) => v.to_string(),
        Value::U32(v) => v.to_string(),
        Value::U64(v) => v.to_string(),
        Value::F32(v) => float(f64::from(*v), v.to_string()),
        Value::F64(v) => float(*v, v.to_string()),
        Value::String(s) => format!("\"{}\"", escape(s.as_bytes())),
        Value::Bytes(b) => format!("\"{}\"", escape(b)),
        Value::EnumNumber(n) => match kind {
            Kind::Enum(e) => e.get_value(*n).map_or(n.to_string(), |v| v.name().to_string()),
            _ => n.to_string(),
        },
        Value::Message(_) | Value::List(_) | Value::Map(_) => String::new(),
    }
}

fn float(value: f64, shortest: String) -> String {
    if value.is_nan() {
        "nan".into()
    } else if value.is_infinite() {
        if value > 0.0 { "inf".into() } else { "-inf".into() }
    } else {
        shortest
    }
}

/// C-style escaping as `absl::CEscape` does it.
fn escape(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for &b in bytes {
        match b {
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            b'"' => out.push_str("\\\""),
            b'\'' => out.push_str("\\'"),
            b'\\' => out.push_str("\\\\"),
            0x20..=0x7e => out.push(b as char),
            _ => {
                let _ = write!(out, "\\{b:03o}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_cescape() {
        assert_eq!(escape(b"a\"b\n\x01\xff"), "a\\\"b\\n\\001\\377");
    }
}
