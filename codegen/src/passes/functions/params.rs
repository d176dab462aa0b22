//! `[function.NAME.param.PARAM]`: per-parameter options. Pointer options
//! (`nullable`, `address = "int"`, `list`, `python_made`) refine the default
//! kind; `out`, `buffer` and `output` turn a pointer into an out-parameter,
//! an input buffer or a caller-allocated output buffer and mark the integer
//! parameter carrying its size, which Python then does not pass;
//! `callback` and `function_pointer` decide function-pointer parameters (a
//! Python callable, or a C function's address).

use super::param_named;
use crate::diagnostic::{Diagnostic, Kind};
use crate::ir::{Capacity, Function, Module, OutValue, OutputMode, ParamKind, Prim, ScalarKind, TypeRef};
use crate::passes::field_kind::scalar;
use crate::passes::records::unknown;
use crate::spec::{self, FunctionSpec, LoadedSpec, ParamSpec};

type Found = Result<(), Diagnostic>;

/// Applies every parameter table of one function.
pub fn apply(spec: &LoadedSpec, module: &Module, f: &mut Function, fs: &FunctionSpec) -> Vec<Diagnostic> {
    let mut errors = vec![];
    for (name, ps) in &fs.param {
        if let Err(e) = one(spec, module, f, name, ps) {
            errors.push(e);
        }
    }
    errors
}

/// Kind-changing keys first (`out`, `buffer`, `output`, `callback`), then
/// the pointer options that refine the final kind.
fn one(spec: &LoadedSpec, module: &Module, f: &mut Function, name: &toml::Spanned<String>, ps: &ParamSpec) -> Found {
    let fname = f.name.clone();
    let p = param_named(spec, f, name)?;
    let invalid =
        |what: &str, hint: &str| spec.error(Kind::SpecInvalid, name.span(), format!("{fname}({}): {what}", name.get_ref())).hint(hint);
    if ps.out {
        p.kind = out_value(module, &p.ty).ok_or_else(|| {
            invalid("`out` needs a pointer to a number, enum or bound struct", "out-parameters are `T*` that the C function writes")
        })?;
    }
    if let Some(len) = &ps.buffer {
        p.kind = ParamKind::InBuffer { length: len.get_ref().clone() };
        mark_length(spec, f, len, name.get_ref(), false)?;
    }
    if let Some(mode) = &ps.output {
        output(spec, module, f, name, ps, mode)?;
    }
    if let Some(user_data) = &ps.callback {
        callable(spec, f, name, user_data)?;
    }
    if let Some(form) = &ps.function_pointer {
        function_address(spec, f, name, form)?;
    }
    if let Some(ty) = &ps.gobject {
        gobject(spec, f, name, ty)?;
    }
    if ps.in_buffer {
        in_buffer(spec, f, name)?;
    }
    pointer_options(spec, module, f, name, ps)
}

/// `python_made`, `nullable`, `address` and `list`, once the kind is final.
fn pointer_options(spec: &LoadedSpec, module: &Module, f: &mut Function, name: &toml::Spanned<String>, ps: &ParamSpec) -> Found {
    let fname = f.name.clone();
    let p = param_named(spec, f, name)?;
    let invalid =
        |what: &str, hint: &str| spec.error(Kind::SpecInvalid, name.span(), format!("{fname}({}): {what}", name.get_ref())).hint(hint);
    p.python_made = ps.python_made;
    if ps.nullable {
        *p.kind.nullable_mut().ok_or_else(|| invalid("`nullable` on a parameter that is not a pointer", "only pointers can be NULL"))? =
            true;
    }
    if let Some(a) = &ps.address {
        match (&mut p.kind, a.get_ref().as_str()) {
            (ParamKind::Address { ints, .. } | ParamKind::GObject { ints, .. }, "int") => *ints = true,
            (ParamKind::Handle { nullable, .. }, "int") => p.kind = ParamKind::Address { nullable: *nullable, ints: true },
            (ParamKind::Address { .. }, other) => {
                return Err(spec
                    .error(Kind::SpecInvalid, a.span(), format!("unknown `address` form `{other}`"))
                    .hint("the only form is \"int\""));
            }
            _ => {
                return Err(invalid(
                    "`address` on a parameter that is not a raw pointer",
                    "`address = \"int\"` applies to `void*` and pointers to unbound structs",
                ));
            }
        }
    }
    if let Some(l) = &ps.list {
        list_element(spec, module, &mut p.kind, l).map_err(|e| {
            e.unwrap_or_else(|| {
                invalid("`list` on a parameter that is not a GList*", "`list` names the element struct of a `GList*` parameter")
            })
        })?;
    }
    Ok(())
}

/// A pointer parameter that takes PyGObject objects of GType `ty`.
fn gobject(spec: &LoadedSpec, f: &mut Function, name: &toml::Spanned<String>, ty: &toml::Spanned<String>) -> Found {
    let fname = f.name.clone();
    let p = param_named(spec, f, name)?;
    let pointer = matches!(p.ty.pointee(), Some(TypeRef::Record { .. } | TypeRef::Void));
    if !pointer {
        return Err(spec
            .error(
                Kind::SpecInvalid,
                name.span(),
                format!("{fname}({}): `gobject` on a parameter that is not a struct or `void*` pointer", name.get_ref()),
            )
            .hint("`gobject` applies to pointers to GObject or GstMiniObject instances (`GstBuffer*`, `GstElement*`)"));
    }
    if !is_type_name(ty.get_ref()) {
        return Err(spec
            .error(Kind::SpecInvalid, ty.span(), format!("`{}` is not a GType name", ty.get_ref()))
            .hint("name the registered type as GLib spells it, e.g. \"GstBuffer\" or \"GstElement\""));
    }
    p.kind = ParamKind::GObject { type_name: ty.get_ref().clone(), nullable: p.header_nullable, ints: false, holds: None };
    Ok(())
}

/// `in_buffer`: a pointer to a bound struct taken as the GstBuffer whose memory holds it.
fn in_buffer(spec: &LoadedSpec, f: &mut Function, name: &toml::Spanned<String>) -> Found {
    let fname = f.name.clone();
    let p = param_named(spec, f, name)?;
    let record = match (p.ty.pointee(), &mut p.kind) {
        (Some(TypeRef::Record { name }), ParamKind::GObject { type_name, holds, .. }) if type_name == "GstBuffer" => {
            *holds = Some(name.clone());
            return Ok(());
        }
        (Some(TypeRef::Record { name }), _) => Some(name.clone()),
        _ => None,
    };
    let (what, hint) = match record {
        Some(_) => (
            "`in_buffer` without `gobject = \"GstBuffer\"`",
            "add `gobject = \"GstBuffer\"`: Python passes the buffer whose memory holds the struct",
        ),
        None => (
            "`in_buffer` on a parameter that is not a pointer to a bound struct",
            "`in_buffer` gives C the struct a GstBuffer's memory holds",
        ),
    };
    Err(spec.error(Kind::SpecInvalid, name.span(), format!("{fname}({}): {what}", name.get_ref())).hint(hint))
}

/// GType names: a letter or `_`, then letters, digits, `_`, `-` or `+` (GLib's rule), at least 3 characters.
fn is_type_name(name: &str) -> bool {
    let mut chars = name.chars();
    let first = chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    first && name.len() >= 3 && chars.all(|c| c.is_ascii_alphanumeric() || "_-+".contains(c))
}

/// A function-pointer parameter called with a Python callable; its
/// `user_data` parameter carries the callable and is hidden from Python.
fn callable(spec: &LoadedSpec, f: &mut Function, name: &toml::Spanned<String>, user_data: &toml::Spanned<String>) -> Found {
    let fname = f.name.clone();
    let slot = param_named(spec, f, user_data)?;
    if !matches!(slot.ty.pointee(), Some(TypeRef::Void)) {
        return Err(spec
            .error(Kind::SpecInvalid, user_data.span(), format!("{fname}({}) is not a `void*`", user_data.get_ref()))
            .hint("`callback` names the `void*` parameter the C function passes back to the callback"));
    }
    slot.kind = ParamKind::UserData { of: name.get_ref().clone() };
    let p = param_named(spec, f, name)?;
    let TypeRef::FnPtr { ret, params, .. } = &p.ty else {
        return Err(spec
            .error(Kind::SpecInvalid, name.span(), format!("{fname}({}) is not a function pointer", name.get_ref()))
            .hint("`callback` applies to function-pointer parameters"));
    };
    let Some(user_data_arg) = params.iter().rposition(|t| matches!(t.pointee(), Some(TypeRef::Void))) else {
        return Err(spec
            .error(Kind::SpecInvalid, name.span(), format!("the callback type of {fname}({}) has no `void*` argument", name.get_ref()))
            .hint("the callable reaches the callback through its `void*` (user data) argument"));
    };
    let (args, ret) = (params.clone(), (**ret).clone());
    p.kind = ParamKind::Callable { args, ret, user_data: user_data.get_ref().clone(), user_data_arg, nullable: p.header_nullable };
    Ok(())
}

/// `function_pointer = "address"`: a function-pointer parameter Python
/// passes as the C function's address (an `int` or capsule).
fn function_address(
    spec: &LoadedSpec,
    f: &mut Function,
    name: &toml::Spanned<String>,
    form: &toml::Spanned<spec::FunctionPointerForm>,
) -> Found {
    let fname = f.name.clone();
    let p = param_named(spec, f, name)?;
    if !matches!(p.ty, TypeRef::FnPtr { .. }) {
        return Err(spec
            .error(
                Kind::SpecInvalid,
                form.span(),
                format!("{fname}({}): `function_pointer` on a parameter that is not a function pointer", name.get_ref()),
            )
            .hint("`function_pointer = \"address\"` applies to parameters whose C type is a function pointer"));
    }
    if matches!(p.kind, ParamKind::Callable { .. }) {
        return Err(spec
            .error(Kind::SpecInvalid, form.span(), format!("{fname}({}): both `callback` and `function_pointer`", name.get_ref()))
            .hint(
                "a function-pointer parameter takes either a Python callable (`callback`) or a C function's address (`function_pointer`)",
            ));
    }
    match form.get_ref() {
        spec::FunctionPointerForm::Address => p.kind = ParamKind::FunctionAddress { ty: p.ty.clone(), nullable: p.header_nullable },
    }
    Ok(())
}

fn list_element(spec: &LoadedSpec, module: &Module, kind: &mut ParamKind, l: &toml::Spanned<String>) -> Result<(), Option<Diagnostic>> {
    let ParamKind::List { element, .. } = kind else { return Err(None) };
    if module.record(l.get_ref()).is_none() {
        return Err(Some(unknown(spec, l, "struct", module.records.iter().map(|r| r.name.as_str()))));
    }
    *element = Some(l.get_ref().clone());
    Ok(())
}

fn out_value(module: &Module, ty: &TypeRef) -> Option<ParamKind> {
    let pointee = ty.pointee()?;
    let value = match pointee {
        TypeRef::Prim { .. } => OutValue::Scalar { scalar: scalar(pointee)? },
        TypeRef::Enum { name, .. } => OutValue::Enum { name: name.clone() },
        TypeRef::Record { name } if module.record(name).is_some() => OutValue::Record { record: name.clone() },
        _ => return None,
    };
    Some(ParamKind::Out { value })
}

/// Marks `len` as the size parameter of buffer `of`: an integer, or a
/// pointer to one (capacity in, length out).
fn mark_length(spec: &LoadedSpec, f: &mut Function, len: &toml::Spanned<String>, of: &str, capacity_arg: bool) -> Found {
    let fname = f.name.clone();
    let p = param_named(spec, f, len)?;
    let (ty, in_out) = match &p.ty {
        TypeRef::Pointer { pointee, .. } => (&**pointee, true),
        other => (other, false),
    };
    let Some(s @ ScalarKind::Int { .. }) = scalar(ty) else {
        return Err(spec
            .error(Kind::SpecInvalid, len.span(), format!("{fname}({}) is not an integer (or a pointer to one)", len.get_ref()))
            .hint("a buffer's length parameter holds its size in bytes"));
    };
    p.kind = ParamKind::Length { of: of.to_string(), scalar: s, in_out, capacity_arg };
    Ok(())
}

fn output(
    spec: &LoadedSpec,
    module: &Module,
    f: &mut Function,
    name: &toml::Spanned<String>,
    ps: &ParamSpec,
    mode: &toml::Spanned<String>,
) -> Found {
    let mode = match mode.get_ref().as_str() {
        "bytes" => OutputMode::Bytes,
        "str" => OutputMode::Str,
        "into" => OutputMode::Into,
        other => {
            return Err(spec
                .error(Kind::SpecInvalid, mode.span(), format!("unknown `output` mode `{other}`"))
                .hint("use \"bytes\", \"str\" (returned) or \"into\" (a writable buffer Python passes)"));
        }
    };
    let Some(len) = &ps.length else {
        return Err(spec
            .error(Kind::SpecInvalid, name.span(), format!("{}({}): `output` needs `length`", f.name, name.get_ref()))
            .hint("name the parameter that carries the buffer's size, e.g. `length = \"size\"`"));
    };
    check_byte_pointer(spec, f, name)?;
    let capacity = capacity(spec, module, f, ps.capacity.as_ref(), mode, name.span())?;
    let from_python = capacity == Capacity::FromPython && mode != OutputMode::Into;
    mark_length(spec, f, len, name.get_ref(), from_python)?;
    param_named(spec, f, name)?.kind = ParamKind::OutBuffer { mode, length: len.get_ref().clone(), capacity };
    Ok(())
}

fn check_byte_pointer(spec: &LoadedSpec, f: &mut Function, name: &toml::Spanned<String>) -> Found {
    let fname = f.name.clone();
    let p = param_named(spec, f, name)?;
    let bytes = matches!(p.ty.pointee(), Some(TypeRef::Void) | Some(TypeRef::Prim { prim: Prim::Char | Prim::Int(8) | Prim::UInt(8), .. }));
    if bytes {
        Ok(())
    } else {
        Err(spec
            .error(Kind::SpecInvalid, name.span(), format!("{fname}({}) is not a byte pointer", name.get_ref()))
            .hint("`output` and `buffer` apply to `void*`, `char*` and 8-bit integer pointers"))
    }
}

fn capacity(
    spec: &LoadedSpec,
    module: &Module,
    f: &mut Function,
    c: Option<&spec::Capacity>,
    mode: OutputMode,
    at: std::ops::Range<usize>,
) -> Result<Capacity, Diagnostic> {
    match (c, mode) {
        (None, _) => Ok(Capacity::FromPython),
        (Some(spec::Capacity::Fixed(bytes)), OutputMode::Bytes | OutputMode::Str) => Ok(Capacity::Fixed { bytes: *bytes }),
        (Some(spec::Capacity::Call { call, args }), OutputMode::Bytes | OutputMode::Str) => {
            let at_name = |n: &String| toml::Spanned::new(at.clone(), n.clone());
            if !module.functions.iter().any(|g| &g.name == call) {
                return Err(unknown(spec, &at_name(call), "function", module.functions.iter().map(|g| g.name.as_str())));
            }
            for a in args {
                param_named(spec, f, &at_name(a))?;
            }
            Ok(Capacity::Call { function: call.clone(), args: args.clone() })
        }
        (Some(_), OutputMode::Into) => Err(spec
            .error(Kind::SpecInvalid, at, format!("{}: `capacity` with `output = \"into\"`", f.name))
            .hint("an `into` buffer's capacity is its own size; drop `capacity`")),
    }
}
