//! View-models of the trampolines that call a Python callable passed for a
//! function-pointer parameter (`[function.NAME.param.PARAM] callback`): the
//! C signature bindgen expects, how each C argument reaches Python and how
//! the result goes back to C.

use serde::Serialize;

use super::rust_types::{converted, erase_pointer, param_ident, rust_type};
use crate::ir::{Function, Module, Param, ParamKind, Prim, TypeRef};

/// One trampoline.
#[derive(Serialize)]
pub struct TrampolineVm {
    /// Rust fn name.
    pub name: String,
    /// `func(param)` for messages and `sys.unraisablehook`.
    pub site: String,
    /// C parameters: (name, Rust type).
    pub params: Vec<(String, String)>,
    /// Return type ("" for void); its `rt::callable::CallbackReturn` converts the result.
    pub ret: String,
    /// The parameter holding the callable (`user_data`), as `*mut c_void`.
    pub user_data: String,
    /// Python values of the other C arguments, in order.
    pub call_args: Vec<String>,
}

/// The trampolines one function needs.
pub fn trampolines(module: &Module, f: &Function) -> Vec<TrampolineVm> {
    f.params.iter().filter_map(|p| trampoline(module, f, p)).collect()
}

/// The trampoline's name for parameter `param` of `f`.
pub fn trampoline_name(f: &Function, param: &str) -> String {
    format!("__bindery_call_{}_{}", f.name, param)
}

fn trampoline(module: &Module, f: &Function, p: &Param) -> Option<TrampolineVm> {
    let ParamKind::Callable { args, ret, user_data_arg, .. } = &p.kind else { return None };
    // The C return type alone picks the conversion and the fallback
    // (`rt::callable::CallbackReturn`), so nothing is decided here.
    let ret_ty = if matches!(ret, TypeRef::Void) { String::new() } else { rust_type(ret) };
    Some(TrampolineVm {
        name: trampoline_name(f, &p.name),
        site: format!("{}({})", f.python_name, p.name),
        params: args.iter().enumerate().map(|(i, t)| (format!("a{i}"), rust_type(t))).collect(),
        ret: ret_ty,
        user_data: format!("a{user_data_arg}{}", args.get(*user_data_arg).map_or(" as *mut c_void", erase_pointer)),
        call_args: args.iter().enumerate().filter(|(i, _)| i != user_data_arg).map(|(i, t)| python_value(module, i, t)).collect(),
    })
}

/// The Python value of C argument `a{i}`: views and capsules carry the
/// invocation's token (`scope`), so keeping them past the call is safe.
fn python_value(module: &Module, i: usize, ty: &TypeRef) -> String {
    let a = format!("a{i}");
    match ty.pointee() {
        Some(TypeRef::Record { name }) if module.record(name).is_some() => {
            let class = module.record(name).map(|r| r.python_name.clone()).unwrap_or_default();
            format!("NonNull::new({a} as *mut ffi::{name}).map(|p| {class}::wrap(View::held(p, scope.token().clone()))).into_py_any(py)?")
        }
        Some(TypeRef::Prim { prim: Prim::Char, .. }) => {
            format!("unsafe {{ rt::strings::read_c_string(py, {a} as *const _) }}.into_py_any(py)?")
        }
        Some(_) => format!("rt::pointer::to_tracked_capsule(py, {a}{}, scope.token())?.unbind()", erase_pointer(ty)),
        None => match ty {
            TypeRef::Prim { prim: Prim::F32 | Prim::F64, .. } => format!("{}.into_py_any(py)?", converted(&a, ty, "f64")),
            TypeRef::Prim { prim: Prim::Bool, .. } => format!("({a} as i64 != 0).into_py_any(py)?"),
            _ => format!("{}.into_py_any(py)?", converted(&a, ty, "i64")),
        },
    }
}

/// Rust identifier of the parameter holding the callable for `Callable` param `p`.
pub fn user_data_ident(p: &Param) -> String {
    match &p.kind {
        ParamKind::Callable { user_data, .. } => param_ident(user_data),
        _ => String::new(),
    }
}
