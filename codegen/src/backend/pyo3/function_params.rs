//! View-models of function parameters: the conversion selector, the C-side
//! expression passed to the call, ownership moves, buffer lengths and what
//! each parameter adds to the result, precomputed for the function template.

use serde::Serialize;

use super::model::enum_static;
use super::rust_types::{converted, param_ident, scalar_type};
use crate::backend::signature::reports_length;
use crate::ir::{Capacity, Function, Module, OutValue, OutputMode, Param, ParamKind, ScalarKind, Transfer};

/// One parameter.
#[derive(Serialize, Default)]
pub struct ParamVm {
    /// Rust identifier (PyO3 takes the keyword name from it).
    pub name: String,
    /// Keyword name.
    pub py: String,
    /// Stem of the wrapper's locals for this parameter (`__bindery_` prefix:
    /// no C parameter name can collide with them or with each other).
    pub local: String,
    /// Conversion selector.
    pub kind: &'static str,
    /// Whether Python passes it.
    pub visible: bool,
    /// Expression passed to the C function.
    pub arg: String,
    /// Rust scalar type (numbers, lengths, scalar outs).
    pub ty: String,
    /// A scalar out-value converted to `ty` (`LOCAL_v`, cast where bindgen's
    /// type is not already `ty`).
    pub value: String,
    /// Class of a view parameter or struct out-parameter.
    pub class: String,
    /// `func(param)` for messages.
    pub what: String,
    /// `None` passes NULL.
    pub nullable: bool,
    /// An `int` is an address.
    pub ints: bool,
    /// GType name of a `gobject` parameter.
    pub gtype: String,
    /// `in_buffer`: the struct (C name) the GstBuffer's memory holds; empty otherwise.
    pub holds: String,
    /// "none", "consumed", "invalidated", "into" or "held" (a `void*` a
    /// GstBuffer now keeps: a view passed there dies with the buffer).
    pub transfer: &'static str,
    /// `rt::Handover` variant for a transfer.
    pub handover: &'static str,
    /// A Python-constructed struct may be handed over.
    pub python_made: bool,
    /// Only C-made memory is accepted.
    pub c_made: bool,
    /// Local stem of the container parameter for "into", or of the GstBuffer keeping a "held" `void*`.
    pub container: String,
    /// Enum static for enum parameters and outs.
    pub enum_static: String,
    /// Class name of a typed list's element.
    pub element_class: String,
    /// Local stem of the length parameter of a buffer.
    pub length: String,
    /// That length is passed by pointer (C reports the written length).
    pub length_in_out: bool,
    /// Local stem of the buffer a length belongs to.
    pub of: String,
    /// Selector of the buffer a length belongs to.
    pub of_kind: &'static str,
    /// A length passed by pointer (capacity in, written length out).
    pub in_out: bool,
    /// Output buffer capacity: "python", "fixed" or "call".
    pub capacity: &'static str,
    /// Fixed capacity in bytes.
    pub capacity_bytes: u64,
    /// C function computing the capacity.
    pub capacity_call: String,
    /// Its arguments (C-side values).
    pub capacity_args: Vec<String>,
    /// Out-parameter selector: "int", "float", "bool", "enum" or "record".
    pub out: &'static str,
    /// Added to the result (outs, returned buffers, reported lengths).
    pub returned: bool,
    /// Trampoline of a callable parameter.
    pub tramp: String,
    /// Local stem of the parameter carrying a callable's `user_data` (or, for that slot, the callable).
    pub user_data: String,
}

/// Builds every parameter's view-model.
pub fn params_vm(module: &Module, f: &Function) -> Vec<ParamVm> {
    f.params.iter().map(|p| param_vm(module, f, p)).collect()
}

/// The stem of the wrapper's locals for C parameter `c_name` of `f`.
pub(crate) fn local_of(f: &Function, c_name: &str) -> String {
    let python = f.params.iter().find(|p| p.name == c_name).map_or(c_name, |p| p.python_name.as_str());
    format!("__bindery_{python}")
}

fn param_vm(module: &Module, f: &Function, p: &Param) -> ParamVm {
    let local = local_of(f, &p.name);
    let mut vm = ParamVm {
        arg: format!("{local}_c as _"),
        what: format!("{}({})", f.python_name, p.python_name),
        py: p.python_name.clone(),
        visible: p.kind.is_visible(),
        python_made: p.python_made,
        c_made: p.c_made,
        name: param_ident(&p.python_name),
        local,
        ..Default::default()
    };
    vm.kind = kind(module, f, p, &mut vm);
    (vm.transfer, vm.handover, vm.container) = match &p.transfer {
        None => ("none", "", String::new()),
        Some(Transfer::Consumed) => ("consumed", "Consume", String::new()),
        Some(Transfer::Invalidated) => ("invalidated", "Invalidate", String::new()),
        Some(Transfer::Into { container, .. }) if matches!(p.kind, ParamKind::Address { .. }) => ("held", "", local_of(f, container)),
        Some(Transfer::Into { container, owned: false }) => ("into", "Store", local_of(f, container)),
        Some(Transfer::Into { container, owned: true }) => ("into", "Give", local_of(f, container)),
    };
    vm
}

fn class(module: &Module, record: &str) -> String {
    module.record(record).map(|r| r.python_name.clone()).unwrap_or_default()
}

/// Fills the kind-specific fields and returns the selector.
fn kind(module: &Module, f: &Function, p: &Param, vm: &mut ParamVm) -> &'static str {
    match &p.kind {
        ParamKind::Scalar { scalar } => scalar_kind(*scalar, &mut vm.ty),
        ParamKind::View { record, nullable } => {
            (vm.class, vm.nullable) = (class(module, record), *nullable);
            "view"
        }
        ParamKind::Handle { name, nullable } => {
            vm.class = module.handle(name).map(|h| h.python_name.clone()).unwrap_or_default();
            vm.nullable = *nullable;
            "view"
        }
        ParamKind::List { element, nullable } => {
            vm.nullable = *nullable;
            if let Some(e) = element {
                vm.element_class = class(module, e);
            }
            "list"
        }
        ParamKind::Str { nullable } => {
            vm.nullable = *nullable;
            "str"
        }
        ParamKind::Address { nullable, ints } => {
            (vm.nullable, vm.ints) = (*nullable, *ints);
            "address"
        }
        ParamKind::Enum { name } => {
            vm.enum_static = enum_static(name);
            "enum"
        }
        ParamKind::GObject { type_name, nullable, ints, holds } => {
            (vm.gtype, vm.nullable, vm.ints) = (type_name.clone(), *nullable, *ints);
            vm.holds = holds.clone().unwrap_or_default();
            "gobject"
        }
        ParamKind::Out { value } => out(module, p, value, vm),
        ParamKind::InBuffer { length } => {
            vm.length = local_of(f, length);
            "in_buffer"
        }
        ParamKind::OutBuffer { mode, length, .. } => {
            (vm.length, vm.returned) = (local_of(f, length), *mode != OutputMode::Into);
            vm.length_in_out = f.params.iter().any(|l| &l.name == length && matches!(l.kind, ParamKind::Length { in_out: true, .. }));
            match mode {
                OutputMode::Bytes => "out_bytes",
                OutputMode::Str => "out_str",
                OutputMode::Into => "into_buffer",
            }
        }
        ParamKind::Length { of, scalar, in_out, .. } => length(f, of, *scalar, *in_out, vm),
        ParamKind::Callable { nullable, user_data, .. } => {
            vm.tramp = super::trampolines::trampoline_name(f, &p.name);
            vm.user_data = local_of(f, user_data);
            vm.nullable = *nullable;
            vm.arg = format!("{}_c", vm.local);
            "callable"
        }
        ParamKind::FunctionAddress { ty, nullable } => {
            (vm.ty, vm.nullable) = (super::rust_types::rust_type(ty), *nullable);
            "function_address"
        }
        ParamKind::UserData { of } => {
            vm.user_data = local_of(f, of);
            "user_data"
        }
        ParamKind::Undecided => "address",
    }
}

fn scalar_kind(s: ScalarKind, ty: &mut String) -> &'static str {
    *ty = scalar_type(s);
    match s {
        ScalarKind::Int { .. } => "int",
        ScalarKind::Float { .. } => "float",
        ScalarKind::Bool { .. } => "bool",
    }
}

fn out(module: &Module, p: &Param, value: &OutValue, vm: &mut ParamVm) -> &'static str {
    vm.returned = true;
    vm.arg = format!("{}_c", vm.local);
    vm.out = match value {
        OutValue::Scalar { scalar } => {
            let kind = scalar_kind(*scalar, &mut vm.ty);
            let local = format!("{}_v", vm.local);
            vm.value = p.ty.pointee().map_or_else(|| format!("({local} as {})", vm.ty), |t| converted(&local, t, &vm.ty));
            kind
        }
        OutValue::Enum { name } => {
            vm.enum_static = enum_static(name);
            "enum"
        }
        OutValue::Record { record } => {
            vm.class = class(module, record);
            "record"
        }
    };
    "out"
}

fn length(f: &Function, of: &str, scalar: ScalarKind, in_out: bool, vm: &mut ParamVm) -> &'static str {
    vm.ty = scalar_type(scalar);
    vm.of = local_of(f, of);
    vm.in_out = in_out;
    vm.returned = in_out && reports_length(f, of);
    let buffer = f.params.iter().find(|p| p.name == of).map(|p| &p.kind);
    vm.of_kind = match buffer {
        Some(ParamKind::InBuffer { .. }) => "in_buffer",
        Some(ParamKind::OutBuffer { mode: OutputMode::Into, .. }) => "into_buffer",
        _ => "out_buffer",
    };
    if let Some(ParamKind::OutBuffer { capacity, .. }) = buffer {
        set_capacity(f, capacity, vm);
    }
    "length"
}

fn set_capacity(f: &Function, capacity: &Capacity, vm: &mut ParamVm) {
    vm.capacity = match capacity {
        Capacity::FromPython => "python",
        Capacity::Fixed { bytes } => {
            vm.capacity_bytes = *bytes;
            "fixed"
        }
        Capacity::Call { function, args } => {
            vm.capacity_call = function.clone();
            vm.capacity_args = args.iter().map(|a| value_of(f, a)).collect();
            "call"
        }
    };
}

/// The C value of an integer parameter (a length's value, not its pointer).
fn value_of(f: &Function, name: &str) -> String {
    let is_length = f.params.iter().any(|p| p.name == name && matches!(p.kind, ParamKind::Length { .. }));
    format!("{}{}", local_of(f, name), if is_length { "_v" } else { "_c" })
}
