//! View-models of the Rust-crate backend: the plan flattened into strings
//! and flags the templates print (one struct per item kind). Rust snippets
//! come from [`super::conv`]; nothing here decides Python behaviour.

use serde::Serialize;

use super::conv::{self, Paths};
use crate::ir::rust_conv::Ret;
use crate::ir::rust_plan::{Arg, Call, ClassPlan, EnumPlan, FnPlan};
use crate::ir::{MethodKind, Receiver};

/// One callable, ready to print.
#[derive(Debug, Serialize)]
pub struct CallVm {
    /// Python name.
    pub py_name: String,
    /// Rust identifier of the generated function.
    pub ident: String,
    /// `#[pyo3(signature = ...)]` text, if any.
    pub signature: Option<String>,
    /// Parameter declarations after `py`.
    pub params: Vec<String>,
    /// `**kwargs` keys, in declaration order (kwargs mode).
    pub kwargs: Vec<String>,
    /// `let` statements converting arguments.
    pub binds: Vec<String>,
    /// The statement computing `__ret`.
    pub call: String,
    /// The expression returning the Python result.
    pub ret: String,
    /// `none`, `ref` or `mut`.
    pub receiver: String,
    /// Docstring.
    pub doc: String,
    /// Origin.
    pub origin: String,
    /// A dunder method (no `#[pyo3(name, signature)]`).
    pub dunder: bool,
    /// First Python argument (implicit-conversion constructors).
    pub first_arg: Option<String>,
}

/// A class, ready to print.
#[derive(Debug, Serialize)]
pub struct ClassVm {
    /// Python name.
    pub name: String,
    /// Full dotted Python module.
    pub py_module: String,
    /// Wrapped Rust type.
    pub rust_path: String,
    /// Docstring.
    pub doc: String,
    /// Origin.
    pub origin: String,
    /// pyclass options (`subclass`, `dict`).
    pub options: String,
    /// Comparisons from `Ord`.
    pub ordered: bool,
    /// Implicit conversion from int: the `PyResult` expression building the value from `v: i64`.
    pub implicit: Option<String>,
    /// Copy constructor.
    pub copy_constructor: bool,
    /// `numpy_view()` frame expression over `value`.
    pub numpy_view: Option<String>,
    /// The wrapped value is held in `glue::DetachOnDrop`.
    pub detach_on_drop: bool,
    /// The wrapped type is Clone (values can be extracted).
    pub clone: bool,
    /// The wrapped value of a borrowed object `c`, by copy or clone.
    pub inner_value: String,
    /// Constructor.
    pub constructor: Option<CallVm>,
    /// Methods (including static).
    pub methods: Vec<CallVm>,
    /// Which methods are static (parallel to `methods`).
    pub statics: Vec<bool>,
    /// Getters.
    pub getters: Vec<CallVm>,
    /// Setters.
    pub setters: Vec<CallVm>,
    /// Static properties.
    pub static_getters: Vec<CallVm>,
}

/// An enumeration, ready to print.
#[derive(Debug, Serialize)]
pub struct EnumVm {
    /// Python name.
    pub name: String,
    /// Full dotted Python module.
    pub py_module: String,
    /// Rust path of the core enum.
    pub rust_path: String,
    /// Docstring.
    pub doc: String,
    /// Origin.
    pub origin: String,
    /// Named members: (Python name, Rust variant, value).
    pub members: Vec<(String, String, i64)>,
    /// Every variant (named or hidden): (Rust variant, value).
    pub variants: Vec<(String, i64)>,
    /// Export members into the module.
    pub export_values: bool,
}

fn is_required(a: &Arg, kwargs: bool) -> bool {
    !kwargs && a.default.is_none()
}

fn signature(call: &Call) -> Option<String> {
    if call.kwargs {
        return Some("**kwargs".into());
    }
    if call.py_name.starts_with("__") && call.py_name != "__init__" {
        return None;
    }
    let mut parts: Vec<String> =
        call.args.iter().map(|a| if a.default.is_some() { format!("{}=None", a.py_name) } else { a.py_name.clone() }).collect();
    if !call.keywords && !parts.is_empty() {
        parts.push("/".into());
    }
    Some(parts.join(", "))
}

fn call_vm(call: &Call, ident: String, owner_path: Option<&str>, paths: &Paths, func: &str) -> CallVm {
    let kwargs = call.kwargs;
    let params = if kwargs {
        vec!["kwargs: Option<&Bound<'py, PyDict>>".into()]
    } else {
        call.args
            .iter()
            .map(|a| {
                if is_required(a, kwargs) {
                    format!("{}: &Bound<'py, PyAny>", a.py_name)
                } else {
                    format!("{}: Option<Bound<'py, PyAny>>", a.py_name)
                }
            })
            .collect()
    };
    let binds = call.args.iter().map(|a| conv::bind(a, is_required(a, kwargs), func, paths)).filter(|s| !s.is_empty()).collect();
    let args: Vec<String> = call.args.iter().flat_map(conv::call_args).collect();
    let target = match (call.receiver, owner_path) {
        (Receiver::None, Some(owner)) => format!("{owner}::{}", call.rust),
        (Receiver::None, None) => call.rust.clone(),
        _ => format!("__inner.{}", call.rust),
    };
    let mut expr = format!("{target}({})", args.join(", "));
    if call.release_gil {
        expr = format!("py.detach(|| {expr})");
    }
    let expr = conv::wrap_array(&call.args, func, expr, &|a| is_required(a, kwargs));
    let question = if call.fallible { ".or_raise()?" } else { "" };
    let owner_obj = call.args.first().map(|a| format!("{}.as_any()", a.py_name)).unwrap_or_else(|| "py.None().bind(py)".into());
    CallVm {
        py_name: call.py_name.clone(),
        ident,
        signature: signature(call),
        params,
        kwargs: if kwargs { call.args.iter().map(|a| a.py_name.clone()).collect() } else { vec![] },
        binds,
        call: match call.ret {
            Ret::Unit => format!("{expr}{question};"),
            _ => format!("let __ret = {expr}{question};"),
        },
        ret: conv::ret(&call.ret, &owner_obj, paths),
        receiver: match call.receiver {
            Receiver::None => "none",
            Receiver::Ref => "ref",
            Receiver::Mut => "mut",
        }
        .into(),
        doc: call.doc.clone(),
        origin: call.origin.clone(),
        dunder: call.py_name.starts_with("__") && call.py_name != "__init__",
        first_arg: call.args.first().map(|a| a.py_name.clone()),
    }
}

/// Adds `NAME(other)` copying to a constructor.
fn add_copy(mut k: CallVm) -> CallVm {
    let sig = k.signature.take().unwrap_or_default();
    k.signature = Some(if sig.is_empty() { "other=None, /".into() } else { format!("other=None, {sig}") });
    k.params.insert(0, "other: Option<Bound<'py, PyAny>>".into());
    k.binds.insert(0, "if let Some(o) = &other { return Ok(Self::from_inner(Self::extract_value(o)?)); }".into());
    k
}

/// The view-model of a class.
pub fn class(c: &ClassPlan, native: &str, paths: &Paths) -> ClassVm {
    let owner = Some(c.rust_path.as_str());
    let func = |m: &Call| if m.kind == MethodKind::Constructor { c.py_name.clone() } else { m.py_name.clone() };
    let mk = |m: &Call, prefix: &str| {
        let ident = if m.py_name.starts_with("__") { m.py_name.clone() } else { format!("{prefix}{}", m.py_name) };
        call_vm(m, ident, owner, paths, &func(m))
    };
    let implicit = c.implicit_from_int.then(|| {
        let ctor = c.constructor.as_ref();
        let name = ctor.map(|k| k.rust.clone()).unwrap_or_else(|| "new".into());
        match ctor.is_some_and(|k| k.fallible) {
            true => format!("{}::{name}(v).or_raise()", c.rust_path),
            false => format!("Ok({}::{name}(v))", c.rust_path),
        }
    });
    let mut options = vec![];
    if c.subclass {
        options.push("subclass");
    }
    if c.dynamic_attr {
        options.push("dict");
    }
    ClassVm {
        name: c.py_name.clone(),
        py_module: format!("{native}.{}", c.module),
        rust_path: c.rust_path.clone(),
        doc: c.doc.clone(),
        origin: c.origin.clone(),
        options: options.iter().map(|o| format!(", {o}")).collect(),
        ordered: c.ordered,
        implicit,
        copy_constructor: c.copy_constructor,
        numpy_view: c.numpy_view.clone(),
        detach_on_drop: c.release_gil_on_drop,
        clone: c.clone,
        inner_value: if c.copy { "c.borrow().inner".into() } else { "c.borrow().inner.clone()".into() },
        constructor: c.constructor.as_ref().map(|k| mk(k, "__new_")).map(|k| if c.copy_constructor { add_copy(k) } else { k }),
        statics: c.methods.iter().map(|m| m.receiver == Receiver::None).collect(),
        methods: c.methods.iter().map(|m| mk(m, "__m_")).collect(),
        getters: c.getters.iter().map(|m| mk(m, "__get_")).collect(),
        setters: c.setters.iter().map(|m| mk(m, "__set_")).collect(),
        static_getters: c.static_getters.iter().map(|m| mk(m, "__static_")).collect(),
    }
}

/// The view-model of a module-level function.
pub fn function(f: &FnPlan, paths: &Paths) -> CallVm {
    call_vm(&f.call, format!("__fn_{}", f.call.py_name), None, paths, &f.call.py_name)
}

/// The view-model of an enumeration.
pub fn enumeration(e: &EnumPlan, native: &str) -> EnumVm {
    EnumVm {
        name: e.py_name.clone(),
        py_module: format!("{native}.{}", e.module),
        rust_path: e.rust_path.clone(),
        doc: e.doc.clone(),
        origin: e.origin.clone(),
        members: e.members.iter().filter_map(|(py, rust, v)| py.clone().map(|p| (p, rust.clone(), *v))).collect(),
        variants: e.members.iter().map(|(_, rust, v)| (rust.clone(), *v)).collect(),
        export_values: e.export_values,
    }
}
