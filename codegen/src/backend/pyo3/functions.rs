//! View-models of module functions: the result conversion, `disjoint`
//! checks and the helpers the function template needs; parameters are in
//! [`super::function_params`].

use serde::Serialize;

use super::function_params::{ParamVm, local_of, params_vm};
use super::model::{enum_static, with_origin};
use super::rust_types::{converted, erase_pointer, scalar_type};
use crate::ir::{Function, Module, Ownership, ParamKind, ResultConversion, ReturnKind, TypeRef};

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
    /// List slots whose node views die after the call.
    pub list_edits: Vec<super::memory::ListEditVm>,
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

/// The result conversion: `kind` is the [`ResultConversion`] variant the
/// template prints one runtime call for; the other fields are its operands.
#[derive(Serialize, Default)]
pub struct RetVm {
    /// The lowered conversion's variant (`nothing`, `number`, `flag`, `str`,
    /// `capsule`, `enum`, `external`, `owned`, `derived`, `buffer_meta`).
    pub kind: &'static str,
    /// C returns a value the wrapper keeps (`let __bindery_ret = …`).
    pub has_value: bool,
    /// The value is a status code checked against `success`.
    pub status: bool,
    /// The C result is a pointer (NULL reports failure to `transfers` of a `void*`).
    pub pointer: bool,
    /// A number result converted to its Rust type (`__bindery_ret`, cast
    /// where bindgen's type is not already that type).
    pub value: String,
    /// Calls turning a returned address into `*mut c_void`.
    pub erase: &'static str,
    /// Class of a returned view.
    pub class: String,
    /// Free helper for owned views.
    pub free: String,
    /// Local stem of the parameter a derived view lives in.
    pub from: String,
    /// How to reach that parameter's view: `view` (struct) or `elements(__bindery_py)` (GList: the elements' token).
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

/// Whether a `void*` parameter is kept by a container (it is marked held after the call).
pub fn needs_view_held(module: &Module) -> bool {
    module.functions.iter().flat_map(|f| &f.params).any(|p| matches!(p.kind, ParamKind::Address { .. }) && p.transfer.is_some())
}

/// Whether any function takes a raw pointer (and so needs the any-view dispatcher).
pub fn needs_view_address(module: &Module) -> bool {
    module.functions.iter().flat_map(|f| &f.params).any(|p| matches!(p.kind, ParamKind::Address { .. }))
}

fn ret_vm(module: &Module, f: &Function) -> RetVm {
    let mut vm = RetVm {
        pointer: matches!(f.ret, TypeRef::Pointer { .. }),
        has_value: !matches!(f.ret_kind, ReturnKind::Unit | ReturnKind::Undecided),
        ..RetVm::default()
    };
    if let ReturnKind::Status { success, messages } = &f.ret_kind {
        (vm.status, vm.success, vm.messages) = (true, *success, messages.clone());
    }
    let class = |name: &str| module.record(name).map(|r| r.python_name.clone());
    vm.kind = match &f.result {
        ResultConversion::Undecided => "undecided",
        ResultConversion::Nothing => "nothing",
        ResultConversion::Number { scalar } => {
            vm.value = converted("__bindery_ret", &f.ret, &scalar_type(*scalar));
            "number"
        }
        ResultConversion::Flag => "flag",
        ResultConversion::Str => "str",
        ResultConversion::Capsule => {
            vm.erase = erase_pointer(&f.ret);
            "capsule"
        }
        ResultConversion::Enum { name } => {
            vm.enum_static = enum_static(name);
            "enum"
        }
        ResultConversion::External { class: name } => {
            vm.class = class(name).or_else(|| module.handle(name).map(|h| h.python_name.clone())).unwrap_or_default();
            "external"
        }
        ResultConversion::Owned { record, free } => {
            (vm.class, vm.free) = (class(record).unwrap_or_default(), free_helper_name(free));
            "owned"
        }
        ResultConversion::Derived { record, from, list, nullable } => {
            (vm.class, vm.from, vm.from_nullable) = (class(record).unwrap_or_default(), local_of(f, from), *nullable);
            vm.from_view = if *list { "elements(__bindery_py)".into() } else { "view".into() };
            "derived"
        }
        ResultConversion::BufferMeta { record, buffer } => {
            (vm.class, vm.from) = (class(record).unwrap_or_default(), local_of(f, buffer));
            "buffer_meta"
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
