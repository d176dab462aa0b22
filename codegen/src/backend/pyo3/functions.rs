//! View-models of module functions: per-parameter conversion, ownership
//! moves and the result conversion, precomputed for the function template.

use serde::Serialize;

use super::model::{enum_static, with_origin};
use super::rust_types::{param_ident, scalar_type};
use crate::ir::{Function, Module, Ownership, ParamKind, ReturnKind, ScalarKind, Transfer, TypeRef};

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
    /// Rust identifier (PyO3 takes the keyword name from it).
    pub name: String,
    /// Keyword name.
    pub py: String,
    /// Stem of the wrapper's locals for this parameter (`__bindery_` prefix:
    /// no C parameter name can collide with them).
    pub local: String,
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
    /// Local stem of the parameter a borrowed view derives from.
    pub from: String,
    /// The returned pointer as `*mut T` (C may declare it `const T*`).
    pub ptr: String,
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
            let mut vm = ParamVm {
                name: param_ident(&p.python_name),
                py: p.python_name.clone(),
                local: local_of(f, &p.name),
                what: format!("{}({})", f.python_name, p.python_name),
                ..Default::default()
            };
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
                Some(Transfer::Into { container }) => ("into", local_of(f, container)),
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
        ret: ret_vm(module, f),
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

/// The stem of the locals of C parameter `c_name` of `f`.
pub(crate) fn local_of(f: &Function, c_name: &str) -> String {
    let python = f.params.iter().find(|p| p.name == c_name).map_or(c_name, |p| p.python_name.as_str());
    format!("__bindery_{python}")
}

fn ret_vm(module: &Module, f: &Function) -> RetVm {
    let is_const = matches!(f.ret, TypeRef::Pointer { is_const: true, .. });
    let mut vm = RetVm { ptr: if is_const { "__bindery_ret.cast_mut().cast()".into() } else { "__bindery_ret.cast()".into() }, ..RetVm::default() };
    vm.kind = match &f.ret_kind {
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
                    vm.from = local_of(f, param);
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
