//! View-models of module functions: the result conversion, `disjoint`
//! checks and the helpers the function template needs; parameters are in
//! [`super::function_params`].

use serde::Serialize;

use super::function_params::{ParamVm, local_of, params_vm};
use super::model::{enum_static, with_origin};
use super::rust_types::{converted, erase_pointer, scalar_type};
use crate::ir::{Function, Module, Ownership, ParamKind, ReturnKind, ScalarKind, TypeRef};

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
    /// Parameter pairs that must not overlap.
    pub disjoint: Vec<DisjointVm>,
    /// Whether parameters add values to the result (out-parameters, buffers).
    pub returns_values: bool,
    /// So many parameters that the function needs `clippy::too_many_arguments` allowed.
    pub many_args: bool,
    /// Trampolines of callable parameters.
    pub trampolines: Vec<super::trampolines::TrampolineVm>,
}

/// One `disjoint` check.
#[derive(Serialize)]
pub struct DisjointVm {
    /// Local stem of the parameter read from.
    pub a: String,
    /// Local stem of the parameter written to.
    pub b: String,
    /// List fields of `b`'s struct (`a` must not be one of them).
    pub b_lists: Vec<String>,
}

/// The result conversion.
#[derive(Serialize, Default)]
pub struct RetVm {
    /// Conversion selector.
    pub kind: &'static str,
    /// The C result is a pointer (NULL reports failure to `transfers` of a `void*`).
    pub pointer: bool,
    /// Rust scalar type.
    pub ty: String,
    /// The scalar result converted to `ty` (`__bindery_ret`, cast where
    /// bindgen's type is not already `ty`).
    pub value: String,
    /// Calls turning a returned address into `*mut c_void`.
    pub erase: &'static str,
    /// Class of a returned view.
    pub class: String,
    /// Free helper for owned views.
    pub free: String,
    /// Local stem of the parameter a borrowed view derives from.
    pub from: String,
    /// How to reach that parameter's view: `view` (struct) or `elements(py)` (GList: the elements' token).
    pub from_view: String,
    /// That parameter may be None (the result is then untracked).
    pub from_nullable: bool,
    /// Success value of a status.
    pub success: i64,
    /// Status messages.
    pub messages: Vec<(i64, String)>,
    /// Enum static.
    pub enum_static: String,
}

/// Visible parameters from which the Rust function (which also takes
/// `Python`) exceeds `clippy::too_many_arguments`' limit of 7.
const MANY_ARGS: usize = 7;

/// Builds a function's view-model.
pub fn function_vm(module: &Module, f: &Function) -> FunctionVm {
    let params = params_vm(module, f);
    FunctionVm {
        c: f.name.clone(),
        rs: format!("__bindery_fn_{}", f.name),
        py: f.python_name.clone(),
        doc: with_origin(f.doc.text(), &format!("C function `{}`, declared at {}.", f.name, f.loc)),
        returns_values: params.iter().any(|p| p.returned),
        many_args: params.iter().filter(|p| p.visible).count() >= MANY_ARGS,
        trampolines: super::trampolines::trampolines(module, f),
        params,
        ret: ret_vm(module, f),
        release_gil: f.release_gil,
        list_edits: super::memory::list_edits(module, f),
        disjoint: f
            .disjoint
            .iter()
            .map(|d| DisjointVm { a: local_of(f, &d.a), b: local_of(f, &d.b), b_lists: d.b_lists.clone() })
            .collect(),
    }
}

/// (class, C struct) of every element type a typed list parameter needs.
pub fn list_param_elements(module: &Module) -> Vec<(String, String)> {
    let element = |k: &ParamKind| match k {
        ParamKind::List { element: Some(e), .. } => module.record(e).map(|r| (r.python_name.clone(), r.name.clone())),
        _ => None,
    };
    module.functions.iter().flat_map(|f| &f.params).filter_map(|p| element(&p.kind)).collect()
}

/// Whether any function has a struct out-parameter.
pub fn has_struct_outs(module: &Module) -> bool {
    let is_struct_out = |k: &ParamKind| matches!(k, ParamKind::Out { value: crate::ir::OutValue::Record { .. } });
    module.functions.iter().flat_map(|f| &f.params).any(|p| is_struct_out(&p.kind))
}

/// Whether a `void*` parameter is kept by a container (`__bindery_mark_held` is generated).
pub fn needs_view_held(module: &Module) -> bool {
    module.functions.iter().flat_map(|f| &f.params).any(|p| matches!(p.kind, ParamKind::Address { .. }) && p.transfer.is_some())
}

/// Whether any function takes a raw pointer (and so needs `__bindery_view_address`).
pub fn needs_view_address(module: &Module) -> bool {
    module.functions.iter().flat_map(|f| &f.params).any(|p| matches!(p.kind, ParamKind::Address { .. }))
}

fn scalar_kind(s: ScalarKind, ty: &mut String) -> &'static str {
    *ty = scalar_type(s);
    match s {
        ScalarKind::Int { .. } => "int",
        ScalarKind::Float { .. } => "float",
        ScalarKind::Bool { .. } => "bool",
    }
}

fn ret_vm(module: &Module, f: &Function) -> RetVm {
    let mut vm = RetVm { pointer: matches!(f.ret, TypeRef::Pointer { .. }), ..RetVm::default() };
    vm.kind = match &f.ret_kind {
        ReturnKind::Unit | ReturnKind::Undecided => "unit",
        ReturnKind::Scalar { scalar } => {
            let kind = scalar_kind(*scalar, &mut vm.ty);
            vm.value = converted("__bindery_ret", &f.ret, &vm.ty);
            kind
        }
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
                    let from = f.params.iter().find(|p| &p.name == param).map(|p| &p.kind);
                    if from.is_some_and(ParamKind::holds_metas) {
                        return RetVm { kind: "view_buffer", ..vm };
                    }
                    vm.from_view =
                        if matches!(from, Some(ParamKind::List { .. })) { "elements(__bindery_py)".into() } else { "view".into() };
                    vm.from_nullable =
                        from.is_some_and(|k| matches!(k, ParamKind::View { nullable: true, .. } | ParamKind::List { nullable: true, .. }));
                    "view_borrowed"
                }
            }
        }
        ReturnKind::Handle { name } => {
            vm.class = module.handle(name).map(|h| h.python_name.clone()).unwrap_or_default();
            "view_external"
        }
        ReturnKind::Str => "str",
        ReturnKind::Address => {
            vm.erase = erase_pointer(&f.ret);
            "address"
        }
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
            ReturnKind::View { record, ownership: Ownership::Owned { free } } => {
                Some((free_helper_name(free), record.clone(), free.clone()))
            }
            _ => None,
        })
        .collect();
    out.sort();
    out.dedup();
    out
}
