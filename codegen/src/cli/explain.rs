//! `codegen explain TARGET ITEM`: what the generator decided for one header
//! item (a struct, `Struct.field`, enum or member, function, macro): bound
//! as what, or skipped and why, with its header:line.

use std::fmt::Write;
use std::process::ExitCode;

use crate::diagnostic::{Diagnostic, Kind};
use crate::ir::{EnumDef, Field, FieldKind, Function, Module, Ownership, ParamKind, Record, ReturnKind, ScalarKind, Transfer};
use crate::pipeline;

use super::targets;

/// Runs the command.
pub fn run(target: &str, item: &str) -> Result<ExitCode, Vec<Diagnostic>> {
    let t = targets::resolve(target)?;
    if crate::spec::is_rust_spec(&t.spec) {
        return Err(vec![
            Diagnostic::new(Kind::SpecInvalid, format!("`explain` reads C targets; {target} is an annotated Rust crate"))
                .hint("use `codegen dump-ir TARGET` for Rust targets"),
        ]);
    }
    let (_, module) = pipeline::build_ir(&t.spec, None)?;
    match explain(&module, item) {
        Some(text) => {
            super::emit(&text);
            Ok(ExitCode::SUCCESS)
        }
        None => Err(vec![not_found(&module, item)]),
    }
}

/// The explanation of `item`, if the headers declare it.
pub fn explain(module: &Module, item: &str) -> Option<String> {
    if let Some((record, field)) = item.split_once('.') {
        let r = module.records.iter().find(|r| r.name == record || r.python_name == record)?;
        return r.field(field).or_else(|| r.fields.iter().find(|f| f.python_name == field)).map(|f| field_line(r, f));
    }
    if let Some(r) = module.records.iter().find(|r| r.name == item || r.python_name == item) {
        return Some(record(r));
    }
    if let Some(e) = module.enums.iter().find(|e| e.name == item || e.python_name == item) {
        return Some(enumeration(e));
    }
    if let Some(e) = module.enums.iter().find(|e| e.values.iter().any(|v| v.name == item)) {
        let value = e.values.iter().find(|v| v.name == item).map_or(0, |v| v.value);
        return Some(format!("`{item}` = {value}: member of enum `{}` ({}), bound as `{}.{item}`\n", e.name, e.loc, e.python_name));
    }
    if let Some(f) = module.functions.iter().find(|f| f.name == item || f.python_name == item) {
        return Some(function(f));
    }
    if let Some(c) = module.constants.iter().find(|c| c.name == item) {
        return Some(format!("macro `{}` ({}): bound as the module constant `{}` = {}\n", c.name, c.loc, c.name, c.value));
    }
    let s = module.skipped.iter().find(|s| s.name == item)?;
    Some(format!("{} `{}` ({}): not bound, {}: {}\n", s.item.noun(), s.name, s.loc, s.reason.label(), s.detail))
}

fn not_found(module: &Module, item: &str) -> Diagnostic {
    let names = module.records.iter().map(|r| r.name.as_str()).chain(module.enums.iter().map(|e| e.name.as_str()));
    let names = names.chain(module.functions.iter().map(|f| f.name.as_str())).chain(module.skipped.iter().map(|s| s.name.as_str()));
    let best = names.min_by_key(|c| similar::TextDiff::from_chars(item, *c).ratio().mul_add(-1000.0, 1000.0) as i64);
    let hint = best.map_or("the bound headers declare no items".to_string(), |b| {
        format!("did you mean `{b}`? (items outside the bound headers are not seen: see [expose].headers)")
    });
    Diagnostic::new(Kind::SpecUnknownItem, format!("no item named `{item}` in the bound headers")).hint(hint)
}

fn record(r: &Record) -> String {
    let what = if r.is_union { "union" } else { "struct" };
    let built = if r.constructible { "constructible from Python" } else { "not constructible (views and `cast` only)" };
    let mut out = format!("{what} `{}` ({}): bound as class `{}`, {} bytes, {built}\n", r.name, r.loc, r.python_name, r.size);
    for f in &r.fields {
        let _ = write!(out, "  {}", field_line(r, f));
    }
    out
}

fn field_line(r: &Record, f: &Field) -> String {
    let access = if f.readonly { ", read-only" } else { "" };
    match &f.kind {
        FieldKind::Skipped { reason } => format!("field `{}.{}` ({}, `{}`): not bound: {reason}\n", r.name, f.name, f.loc, f.ty.spelling()),
        kind => format!(
            "field `{}.{}` ({}, `{}`): attribute `{}`, {}{access}\n",
            r.name,
            f.name,
            f.loc,
            f.ty.spelling(),
            f.python_name,
            field_kind(kind)
        ),
    }
}

fn field_kind(kind: &FieldKind) -> String {
    match kind {
        FieldKind::Scalar { scalar } => scalar_text(*scalar),
        FieldKind::Nested { record } => format!("view of the embedded `{record}`"),
        FieldKind::PtrView { record, owned: false } => format!("view of the `{record}` pointed to, or None"),
        FieldKind::PtrView { record, owned: true } => {
            format!("view of the `{record}` pointed to (owned by the struct: not settable), or None")
        }
        FieldKind::CharArray { len } => format!("str stored in char[{len}] (at most {} bytes)", len.saturating_sub(1)),
        FieldKind::CString { owned: true, allocator, .. } => format!("str owned by the struct (allocator {allocator})"),
        FieldKind::CString { interned: true, .. } => "str, set to a process-lifetime copy".into(),
        FieldKind::CString { .. } => "str or None, read-only".into(),
        FieldKind::VoidPtr => "address (capsule)".into(),
        FieldKind::EmbeddedAddress => "address of the embedded struct (read-only capsule)".into(),
        FieldKind::List { element: Some(e) } => format!("GList of `{e}` views"),
        FieldKind::List { element: None } => "untyped GList".into(),
        FieldKind::StructArray { record, len } => format!("list of {len} `{record}` views"),
        FieldKind::NumericArray { dtype, len, .. } => format!("numpy {dtype}[{len}] view"),
        FieldKind::Enum { name, .. } => format!("member of enum `{name}`"),
        FieldKind::Callback { key_path, .. } => format!("Python callable registered per `{}`", key_path.join(".")),
        FieldKind::Std { shape } => format!(
            "C++ {} copied on every read through the C++ shim, read-only",
            match shape {
                crate::ir::StdShape::Str => "std::string as str",
                crate::ir::StdShape::List { .. } => "std::vector as list",
                crate::ir::StdShape::Dict { .. } => "map as dict",
            }
        ),
        FieldKind::Skipped { reason } => format!("not bound: {reason}"),
        FieldKind::Undecided => "undecided".into(),
    }
}

fn scalar_text(s: ScalarKind) -> String {
    match s {
        ScalarKind::Int { bits, signed } => format!("int ({}{bits}, range-checked)", if signed { "i" } else { "u" }),
        ScalarKind::Float { bits } => format!("float (f{bits})"),
        ScalarKind::Bool { .. } => "bool".into(),
    }
}

fn enumeration(e: &EnumDef) -> String {
    let export = if e.export_values { ", members also at module level" } else { "" };
    let open = if e.open { ", open (any integer accepted)" } else { "" };
    format!("enum `{}` ({}): bound as IntEnum `{}` with {} members{export}{open}\n", e.name, e.loc, e.python_name, e.values.len())
}

fn function(f: &Function) -> String {
    let names: Vec<&str> = f.params.iter().map(|p| p.python_name.as_str()).collect();
    let shim = if f.shim { ", called through the generated C shim (the header defines it `static`)" } else { "" };
    let gil = if f.release_gil { ", GIL released during the call" } else { "" };
    let mut out = format!("function `{}` ({}): bound as `{}({})`{shim}{gil}\n", f.name, f.loc, f.python_name, names.join(", "));
    for p in &f.params {
        let transfer = match &p.transfer {
            Some(Transfer::Consumed) => ", consumed (its object dies)",
            Some(Transfer::Invalidated) => ", invalidated (its views die)",
            Some(Transfer::Into { .. }) => ", ownership moves into its container",
            None => "",
        };
        let _ = writeln!(out, "  parameter `{}` (`{}`): {}{transfer}", p.python_name, p.ty.spelling(), param_kind(&p.kind));
    }
    let _ = writeln!(out, "  result (`{}`): {}", f.ret.spelling(), return_kind(&f.ret_kind));
    out
}

fn param_kind(kind: &ParamKind) -> String {
    let or_none = |t: String, nullable: bool| if nullable { format!("{t} or None") } else { t };
    match kind {
        ParamKind::Scalar { scalar } => scalar_text(*scalar),
        ParamKind::View { record, nullable } => or_none(format!("`{record}` view"), *nullable),
        ParamKind::Handle { name, nullable } => or_none(format!("handle of `{name}` (only values this module returned)"), *nullable),
        ParamKind::List { element, nullable } => {
            or_none(format!("GList{}", element.as_ref().map(|e| format!(" of `{e}`")).unwrap_or_default()), *nullable)
        }
        ParamKind::Str { nullable } => or_none("str".into(), *nullable),
        ParamKind::Address { nullable, ints } => {
            or_none(format!("address (capsule or view{})", if *ints { ", or int" } else { "" }), *nullable)
        }
        ParamKind::Enum { name } => format!("member of enum `{name}`"),
        ParamKind::GObject { type_name, nullable, ints, holds } => {
            let held = holds.as_ref().map(|h| format!("; C receives the `{h}` its memory holds")).unwrap_or_default();
            or_none(
                format!("`{type_name}` (PyGObject object or capsule{}, type-checked{held})", if *ints { ", or int" } else { "" }),
                *nullable,
            )
        }
        ParamKind::Out { .. } => "out-parameter: filled by C, returned".into(),
        ParamKind::InBuffer { length } => format!("bytes-like input, its size passed as `{length}`"),
        ParamKind::OutBuffer { length, .. } => format!("output buffer, its size passed as `{length}`"),
        ParamKind::Callable { user_data, .. } => format!("Python callable, passed through `{user_data}`"),
        ParamKind::FunctionAddress { nullable, .. } => or_none("C function address (int or capsule)".into(), *nullable),
        ParamKind::UserData { of } => format!("filled in: carries the callable of `{of}`"),
        ParamKind::Length { of, .. } => format!("filled in: size of `{of}`"),
        ParamKind::Undecided => "undecided".into(),
    }
}

fn return_kind(kind: &ReturnKind) -> String {
    match kind {
        ReturnKind::Unit => "None".into(),
        ReturnKind::Scalar { scalar } => scalar_text(*scalar),
        ReturnKind::Status { success, .. } => format!("status: None when {success}, ValueError otherwise"),
        ReturnKind::View { record, ownership } => format!("`{record}` view or None, {}", ownership_text(ownership)),
        ReturnKind::Handle { name } => format!("handle of `{name}` or None"),
        ReturnKind::Str => "str or None".into(),
        ReturnKind::Address => "address (capsule) or None".into(),
        ReturnKind::Enum { name } => format!("member of enum `{name}`"),
        ReturnKind::Undecided => "undecided".into(),
    }
}

fn ownership_text(o: &Ownership) -> String {
    match o {
        Ownership::External => "owned by C (lifetime not tracked)".into(),
        Ownership::Owned { free } => format!("owned by Python, freed with `{free}`"),
        Ownership::BorrowedFrom { param } => format!("lives inside argument `{param}`"),
    }
}
