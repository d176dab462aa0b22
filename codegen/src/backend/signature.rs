//! The Python signature of a bound C function, shared by the stubs and the
//! API reference: the parameters Python passes (out-parameters, lengths and
//! returned buffers are filled in by the wrapper) and the result type (the
//! C return, unless it is a status or `void`, then every returned value).

use crate::ir::{Function, Module, OutValue, OutputMode, ParamKind, ReturnKind, ScalarKind};

/// `name: type` for every parameter Python passes.
pub fn params(module: &Module, f: &Function) -> Vec<String> {
    f.params.iter().filter(|p| p.kind.is_visible()).map(|p| format!("{}: {}", p.python_name, param_type(module, &p.kind))).collect()
}

/// The result annotation.
pub fn result(module: &Module, f: &Function) -> String {
    let mut parts: Vec<String> = match &f.ret_kind {
        ReturnKind::Unit | ReturnKind::Status { .. } | ReturnKind::Undecided => vec![],
        other => vec![return_type(module, other)],
    };
    parts.extend(f.params.iter().filter_map(|p| returned_type(module, f, &p.kind)));
    match parts.len() {
        0 => "None".into(),
        1 => parts.remove(0),
        _ => format!("tuple[{}]", parts.join(", ")),
    }
}

fn class(module: &Module, record: &str) -> String {
    module.record(record).map(|r| r.python_name.clone()).unwrap_or_else(|| "Any".into())
}

fn handle(module: &Module, name: &str) -> String {
    module.handle(name).map(|h| h.python_name.clone()).unwrap_or_else(|| "Any".into())
}

fn or_none(t: String, nullable: bool) -> String {
    if nullable { format!("{t} | None") } else { t }
}

fn param_type(module: &Module, kind: &ParamKind) -> String {
    match kind {
        ParamKind::Scalar { scalar: ScalarKind::Float { .. } } => "float".into(),
        ParamKind::Scalar { .. } | ParamKind::Enum { .. } | ParamKind::Length { .. } => "int".into(),
        ParamKind::View { record, nullable } => or_none(class(module, record), *nullable),
        ParamKind::List { nullable, .. } => or_none("GList".into(), *nullable),
        ParamKind::Handle { name, nullable } => or_none(handle(module, name), *nullable),
        ParamKind::Str { nullable } => or_none("str".into(), *nullable),
        ParamKind::InBuffer { .. } => "bytes | bytearray | memoryview | npt.NDArray[Any]".into(),
        ParamKind::OutBuffer { .. } => "bytearray | memoryview | npt.NDArray[Any]".into(),
        ParamKind::Address { nullable, .. } | ParamKind::GObject { nullable, .. } => or_none("Any".into(), *nullable),
        ParamKind::Callable { nullable, .. } => or_none("Callable[..., Any]".into(), *nullable),
        ParamKind::FunctionAddress { nullable, .. } => or_none("Any".into(), *nullable),
        ParamKind::Out { .. } | ParamKind::UserData { .. } | ParamKind::Undecided => "Any".into(),
    }
}

fn return_type(module: &Module, kind: &ReturnKind) -> String {
    match kind {
        ReturnKind::Scalar { scalar: ScalarKind::Float { .. } } => "float".into(),
        ReturnKind::Scalar { scalar: ScalarKind::Bool { .. } } => "bool".into(),
        ReturnKind::Scalar { .. } | ReturnKind::Enum { .. } => "int".into(),
        ReturnKind::View { record, .. } => format!("{} | None", class(module, record)),
        ReturnKind::Handle { name } => format!("{} | None", handle(module, name)),
        ReturnKind::Str => "str | None".into(),
        _ => "Any".into(),
    }
}

fn returned_type(module: &Module, f: &Function, kind: &ParamKind) -> Option<String> {
    match kind {
        ParamKind::Out { value: OutValue::Scalar { scalar: ScalarKind::Float { .. } } } => Some("float".into()),
        ParamKind::Out { value: OutValue::Scalar { scalar: ScalarKind::Bool { .. } } } => Some("bool".into()),
        ParamKind::Out { value: OutValue::Scalar { .. } | OutValue::Enum { .. } } => Some("int".into()),
        ParamKind::Out { value: OutValue::Record { record } } => Some(class(module, record)),
        ParamKind::OutBuffer { mode: OutputMode::Bytes, .. } => Some("bytes".into()),
        ParamKind::OutBuffer { mode: OutputMode::Str, .. } => Some("str".into()),
        ParamKind::Length { in_out: true, of, .. } if reports_length(f, of) => Some("int".into()),
        _ => None,
    }
}

/// Whether the written length of buffer `of` is returned as an `int`: for
/// an `into` buffer (the length of a returned `bytes`/`str` is its own).
pub fn reports_length(f: &Function, of: &str) -> bool {
    f.params.iter().any(|p| p.name == of && matches!(p.kind, ParamKind::OutBuffer { mode: OutputMode::Into, .. }))
}
