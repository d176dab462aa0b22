//! View-models of module functions: per-parameter conversion, ownership
//! moves and the result conversion, precomputed for the function template.

use serde::Serialize;

use super::model::{enum_static, with_origin};
use super::rust_types::{param_ident, scalar_type};
use crate::ir::{Function, Module, Ownership, ParamKind, ReturnKind, ScalarKind, Transfer};

/// One function.
#[derive(Serialize)]
pub struct FunctionVm {
    /// C name.
    pub c: String,
    /// Rust wrapper name.
    pub rs: String,
    /// Python name.
    pub py: String,
    /// Docstring with origin.
    pub doc: String,
    /// Parameters.
    pub params: Vec<ParamVm>,
    /// Result conversion.
    pub ret: RetVm,
    /// Release the GIL around the call.
    pub release_gil: bool,
    /// List slots whose node views die after the call: (struct pointer variable, offset expression).
    pub list_edits: Vec<(String, String)>,
}

/// One parameter.
#[derive(Serialize, Default)]
pub struct ParamVm {
    /// Rust identifier.
    pub name: String,
    /// Keyword name.
    pub py: String,
    /// Conversion selector.
    pub kind: &'static str,
    /// Rust scalar type.
    pub ty: String,
    /// Class of a view parameter.
    pub class: String,
    /// `func(param)` for messages.
    pub what: String,
    /// "none", "consumed" or "into".
    pub transfer: &'static str,
    /// Container parameter for "into".
    pub container: String,
    /// Enum static for enum parameters.
    pub enum_static: String,
}

/// The result conversion.
#[derive(Serialize, Default)]
pub struct RetVm {
    /// Conversion selector.
    pub kind: &'static str,
    /// Rust scalar type.
    pub ty: String,
    /// Class of a returned view.
    pub class: String,
    /// Free helper for owned views.
    pub free: String,
    /// Parameter a borrowed view derives from.
    pub from: String,
    /// Success value of a status.
    pub success: i64,
    /// Status messages.
    pub messages: Vec<(i64, String)>,
    /// Enum static.
    pub enum_static: String,
}

/// Builds a function's view-model.
pub fn function_vm(module: &Module, f: &Function) -> FunctionVm {
    let class = |c: &str| module.record(c).map(|r| r.python_name.clone()).unwrap_or_default();
    let params = f
        .params
        .iter()
        .map(|p| {
            let mut vm = ParamVm { name: param_ident(&p.name), py: p.name.clone(), what: format!("{}({})", f.python_name, p.name), ..Default::default() };
            vm.kind = match &p.kind {
                ParamKind::Scalar { scalar } => scalar_kind(*scalar, &mut vm.ty),
                ParamKind::View { record, nullable } => {
                    vm.class = class(record);
                    if *nullable { "view_or_none" } else { "view" }
                }
                ParamKind::Str => "str",
                ParamKind::Address => "address",
                ParamKind::Enum { name } => {
                    vm.enum_static = enum_static(name);
                    "enum"
                }
                ParamKind::Undecided => "address",
            };
            (vm.transfer, vm.container) = match &p.transfer {
                None => ("none", String::new()),
                Some(Transfer::Consumed) => ("consumed", String::new()),
                Some(Transfer::Invalidated) => ("invalidated", String::new()),
                Some(Transfer::Into { container }) => ("into", param_ident(container)),
            };
            vm
        })
        .collect();
    FunctionVm {
        c: f.name.clone(),
        rs: format!("__bindery_fn_{}", f.name),
        py: f.python_name.clone(),
        doc: with_origin(f.doc.text(), &format!("C function `{}`, declared at {}.", f.name, f.loc)),
        params,
        ret: ret_vm(module, &f.ret_kind),
        release_gil: f.release_gil,
        list_edits: super::memory::list_edits(module, f),
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

fn ret_vm(module: &Module, r: &ReturnKind) -> RetVm {
    let mut vm = RetVm::default();
    vm.kind = match r {
        ReturnKind::Unit | ReturnKind::Undecided => "unit",
        ReturnKind::Scalar { scalar } => scalar_kind(*scalar, &mut vm.ty),
        ReturnKind::Status { success, messages } => {
            vm.success = *success;
            vm.messages = messages.clone();
            "status"
        }
        ReturnKind::View { record, ownership } => {
            vm.class = module.record(record).map(|r| r.python_name.clone()).unwrap_or_default();
            match ownership {
                Ownership::External => "view_external",
                Ownership::Owned { free } => {
                    vm.free = free_helper_name(free);
                    "view_owned"
                }
                Ownership::BorrowedFrom { param } => {
                    vm.from = param_ident(param);
                    "view_borrowed"
                }
            }
        }
        ReturnKind::Str => "str",
        ReturnKind::Address => "address",
        ReturnKind::Enum { name } => {
            vm.enum_static = enum_static(name);
            "enum"
        }
    };
    vm
}

fn free_helper_name(free: &str) -> String {
    format!("__bindery_free_{free}")
}

/// Free helpers needed by owned results and constructors: (helper, C type, C function).
pub fn free_helpers(module: &Module) -> Vec<(String, String, String)> {
    let mut out: Vec<(String, String, String)> = module
        .functions
        .iter()
        .filter_map(|f| match &f.ret_kind {
            ReturnKind::View { record, ownership: Ownership::Owned { free } } => Some((free_helper_name(free), record.clone(), free.clone())),
            _ => None,
        })
        .collect();
    out.sort();
    out.dedup();
    out
}
