//! Prints the plan's conversions as Rust: each [`Conv`] becomes a `let`
//! statement binding `a_NAME` plus the call arguments it feeds, and each
//! [`Ret`] an expression turning `__ret` into a Python object. Only
//! printing: which conversion applies was decided in `passes::rust_plan`.

use std::collections::BTreeMap;

use crate::ir::rust_conv::{Conv, Ret, Take};
use crate::ir::rust_plan::Arg;

/// Python class/enum name → Rust path of its generated wrapper.
pub type Paths = BTreeMap<String, String>;

fn path(paths: &Paths, name: &str) -> String {
    paths.get(name).cloned().unwrap_or_else(|| name.to_string())
}

/// The value expression of `conv` applied to the `&Bound<PyAny>` expression `o`.
pub fn value(conv: &Conv, o: &str, func: &str, paths: &Paths) -> String {
    let f = format!("{func:?}");
    match conv {
        Conv::Int => format!("rt::args::int64({f}, {o})?"),
        Conv::UInt64 => format!("rt::args::uint64({f}, {o})?"),
        Conv::Size => format!("rt::args::size({f}, {o})?"),
        Conv::Double => format!("rt::args::double({f}, {o})?"),
        Conv::Bool | Conv::Flag => format!("rt::args::bool_({f}, {o})?"),
        Conv::Bytes { .. } => format!("rt::args::bytes({f}, {o})?"),
        Conv::Str { .. } => format!("rt::args::string({f}, {o})?"),
        Conv::StrOf { .. } => format!("rt::args::stringified({f}, {o})?"),
        Conv::IntList => format!("rt::seq::list({f}, {o}, |e| rt::args::int64({f}, e))?"),
        Conv::Int32List => format!("rt::seq::list({f}, {o}, |e| rt::args::int32({f}, e))?"),
        Conv::FloatList => format!("rt::seq::float_list({f}, {o})?"),
        Conv::BoolList => format!("rt::seq::list({f}, {o}, |e| rt::args::bool_({f}, e))?"),
        Conv::BytesList => format!("rt::seq::list({f}, {o}, |e| rt::args::bytes({f}, e))?"),
        Conv::ClassList(c) => format!("rt::seq::list({f}, {o}, |e| {}::extract_value(e))?", path(paths, c)),
        Conv::BytesClassDict(c) => {
            format!("rt::seq::dict({f}, {o}, |k| rt::args::bytes({f}, k), |v| {}::extract_value(v))?", path(paths, c))
        }
        Conv::StrClassMap(c) => format!(
            "rt::seq::dict({f}, {o}, |k| rt::args::string({f}, k), |v| {}::extract_value(v).map_err(|_| PyRuntimeError::new_err(\"Unable to cast Python instance to C++ type\")))?.into_iter().collect::<std::collections::HashMap<_, _>>()",
            path(paths, c)
        ),
        Conv::ClassRef(c) | Conv::ClassVal(c) => format!("{}::extract_value({o})?", path(paths, c)),
        Conv::Enum(c) => format!("{}::extract_core({o})?", path(paths, c)),
        Conv::Observer(c) => format!("glue::observer::observer(rt::args::callable({f}, {o})?, {}::wrap_any)", path(paths, c)),
        Conv::Matrix => format!("glue::numpy::float32_values({f}, {o})?"),
        Conv::Array(_) => "()".into(),
        Conv::Optional(inner) => format!("Some({})", value(inner, o, func, paths)),
    }
}

/// The `let` statement binding argument `a` (its Python object is the parameter named like it).
pub fn bind(a: &Arg, required: bool, func: &str, paths: &Paths) -> String {
    let name = &a.py_name;
    if matches!(a.conv, Conv::Array(_)) {
        return String::new();
    }
    if required {
        return format!("let a_{name} = {};", value(&a.conv, name, func, paths));
    }
    let default = a.default.clone().unwrap_or_else(|| "Default::default()".into());
    let guard = if matches!(a.conv, Conv::Optional(_)) { " if !o.is_none()" } else { "" };
    format!("let a_{name} = match &{name} {{ Some(o){guard} => {}, _ => {default} }};", value(&a.conv, "o", func, paths))
}

/// The Rust call arguments fed by `a`.
pub fn call_args(a: &Arg) -> Vec<String> {
    let name = &a.py_name;
    let amp = if a.pass_ref { "&" } else { "" };
    match &a.conv {
        Conv::Flag => vec![],
        Conv::Matrix => vec![format!("&a_{name}.0"), format!("&a_{name}.1")],
        Conv::Array(_) => vec!["__arr".into()],
        Conv::Optional(inner) => match **inner {
            Conv::Str { .. } | Conv::StrOf { .. } | Conv::Bytes { .. } if a.pass_ref => vec![format!("a_{name}.as_deref()")],
            _ if a.pass_ref => vec![format!("a_{name}.as_ref()")],
            _ => vec![format!("a_{name}")],
        },
        Conv::Bytes { .. } | Conv::Str { .. } | Conv::StrOf { .. } | Conv::IntList | Conv::Int32List | Conv::FloatList if a.pass_ref => {
            vec![format!("&a_{name}")]
        }
        _ => vec![format!("{amp}a_{name}")],
    }
}

/// Wraps `call` in `with_array` when an argument is a numpy array.
pub fn wrap_array(args: &[Arg], func: &str, call: String, required: &dyn Fn(&Arg) -> bool) -> String {
    let Some(a) = args.iter().find(|a| matches!(a.conv, Conv::Array(_))) else { return call };
    let take = match &a.conv {
        Conv::Array(Take::Strict) => "glue::numpy::Take::Strict".to_string(),
        Conv::Array(Take::Copy) => "glue::numpy::Take::Copy".to_string(),
        Conv::Array(Take::Flag(flag)) => {
            format!("if a_{flag} {{ glue::numpy::Take::Copy }} else {{ glue::numpy::Take::Share }}")
        }
        _ => return call,
    };
    let obj = if required(a) {
        a.py_name.clone()
    } else {
        format!("&{n}.clone().ok_or_else(|| rt::args::missing({func:?}, {n:?}))?", n = a.py_name)
    };
    format!("glue::numpy::with_array({func:?}, {obj}, {take}, |__arr| {call})?")
}

/// The expression turning `__ret` into `PyResult<Py<PyAny>>`; `owner` is
/// the first argument's Python object (matrix views).
pub fn ret(r: &Ret, owner: &str, paths: &Paths) -> String {
    match r {
        Ret::Plain => "__ret.into_py_any(py)".into(),
        Ret::Unit => "Ok(py.None())".into(),
        Ret::Class(c) => format!("{}::wrap_any(py, __ret)", path(paths, c)),
        Ret::Enum(c) => format!("{}::wrap_core(py, __ret)", path(paths, c)),
        Ret::ClassList(c) => {
            format!("__ret.into_iter().map(|v| {}::wrap_any(py, v)).collect::<PyResult<Vec<_>>>()?.into_py_any(py)", path(paths, c))
        }
        Ret::StrClassDict(c) => format!(
            "{{ let d = PyDict::new(py); for (k, v) in __ret {{ d.set_item(k, {}::wrap_any(py, v)?)?; }} d.into_py_any(py) }}",
            path(paths, c)
        ),
        Ret::ValueEnum(e) => {
            let arms: Vec<String> = e.variants.iter().map(|v| format!("{}::{v}(v) => v.into_py_any(py),", e.path)).collect();
            format!("match __ret {{ {} }}", arms.join(" "))
        }
        Ret::FloatList => "rt::lists::float_list(py, &__ret)".into(),
        Ret::MatrixView => format!("glue::numpy::matrix_view({owner}, &__ret).map(|a| a.unbind())"),
    }
}
