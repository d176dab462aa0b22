//! View-models for the PyO3 templates: everything a template prints is
//! computed here from the decided IR (identifiers, conversions, origins), so
//! templates only loop and print.

use serde::Serialize;

use super::rust_types::{cast_suffix, converted, erase_pointer, param_ident, rust_ident, rust_type, scalar_type};
use crate::ir::{
    BulkExporter, CountedArray, EnumDef, Field, FieldKind, Module, NumpyExporter, Record, ScalarKind, Setter, StdElement, StdShape, TypeRef,
};

/// The whole module.
#[derive(Serialize)]
pub struct ModuleVm {
    /// Python module name.
    pub name: String,
    /// Docstring.
    pub doc: String,
    /// Classes.
    pub records: Vec<RecordVm>,
    /// Enums.
    pub enums: Vec<EnumVm>,
    /// Functions.
    pub functions: Vec<super::functions::FunctionVm>,
    /// Constants: (name, Rust literal).
    pub constants: Vec<(String, String)>,
    /// Callback trampolines.
    pub callbacks: Vec<CallbackVm>,
    /// Whether any list field exists (emit the GList class).
    pub has_lists: bool,
    /// Element classes of typed lists: (class, C type).
    pub list_elements: Vec<(String, String)>,
    /// Whether functions take raw pointers (they need the any-view dispatcher).
    pub view_address: bool,
    /// Whether a `void*` argument can be held by a container (`rt::call::mark_held` is called).
    pub view_held: bool,
    /// Whether the any-view dispatcher (`rt::any_view!`) is generated: set by
    /// the backend when a consumer needs it (raw-pointer arguments, their
    /// `transfers`, or the raw-memory feature's `get_ptr`).
    pub any_view: bool,
    /// Handle classes: (Python/Rust class name, C struct name).
    pub handles: Vec<(String, String)>,
    /// Whether functions have struct out-parameters (`__bindery_free_zeroed` is generated).
    pub struct_outs: bool,
    /// Functions used to free owned results: (helper name, C type, C function).
    pub frees: Vec<(String, String, String)>,
    /// Whether raw ints are addresses: an `rt::pointer::IntAddresses` path.
    pub int_addresses: &'static str,
    /// Readers of C++ std:: members in the C++ shim.
    pub cxx_readers: Vec<super::cxx_shim::ReaderVm>,
    /// Module aliases: (name, attribute path from the module).
    pub aliases: Vec<(String, Vec<String>)>,
    /// `[allocator.NAME]` functions.
    pub allocators: Vec<super::allocators::AllocatorVm>,
    /// `[field_setter.NAME]` functions.
    pub field_setters: Vec<FieldSetterVm>,
    /// `[callbacks]` functions.
    pub callback_functions: CallbackFunctionsVm,
    /// Numpy exporters' module functions: (function, class, method, dtype).
    pub numpy_functions: Vec<(String, String, String)>,
    /// Counted arrays' module functions (`[struct.NAME.arrays.METHOD] function`).
    pub array_functions: Vec<ArrayFunctionVm>,
}

/// The `[callbacks]` functions.
#[derive(Debug, Serialize)]
pub struct CallbackFunctionsVm {
    /// The function forgetting every callback (empty: none).
    pub clear_all: String,
    /// Functions only checking their argument is callable.
    pub accept_only: Vec<String>,
}

/// A `[field_setter.NAME]` function.
#[derive(Debug, Serialize)]
pub struct FieldSetterVm {
    /// Python name.
    pub name: String,
    /// Rust class of the first argument.
    pub class: String,
    /// Python attribute path.
    pub path: Vec<String>,
    /// Rust identifiers of the two parameters.
    pub params: [String; 2],
    /// Positional-only.
    pub positional: bool,
    /// Docstring.
    pub doc: String,
}

fn field_setter_vm(f: &crate::ir::FieldSetter) -> FieldSetterVm {
    FieldSetterVm {
        name: f.name.clone(),
        class: f.class.clone(),
        path: f.path.clone(),
        params: [param_ident(&f.params[0]), param_ident(&f.params[1])],
        positional: f.positional,
        doc: f.doc.clone(),
    }
}

/// One class.
#[derive(Serialize)]
pub struct RecordVm {
    /// Rust struct name of the class.
    pub rs: String,
    /// Python class name.
    pub py: String,
    /// Further module-level names of the class.
    pub aliases: Vec<String>,
    /// Further attribute names of fields: (alias, attribute).
    pub attr_aliases: Vec<(String, String)>,
    /// C type name in `ffi`.
    pub c: String,
    /// Docstring including the origin.
    pub doc: String,
    /// Python may construct it.
    pub constructible: bool,
    /// Exposed fields.
    pub fields: Vec<FieldVm>,
    /// Settable attribute names (for keyword construction).
    pub settable: Vec<String>,
    /// Numpy exporters.
    pub numpy: Vec<NumpyVm>,
    /// Bulk exporters.
    pub bulk: Vec<BulkVm>,
    /// Multi-field set methods.
    pub setters: Vec<SetterVm>,
    /// Counted-pointer array methods.
    pub arrays: Vec<CountedArrayVm>,
    /// Owned strings reachable from the struct (`rt::owned::OwnedString` expressions).
    pub owned_strings: Vec<String>,
    /// Owned pointer fields reachable from the struct (`rt::owned::OwnedPointer` expressions).
    pub owned_pointers: Vec<String>,
    /// `ffi` function returning the GstMeta API type (`get`/`iterate` on buffers), or empty.
    pub buffer_meta_api: String,
}

/// One field's accessors.
#[derive(Serialize, Default)]
pub struct FieldVm {
    /// Template macro selector.
    pub kind: &'static str,
    /// Rust field name in `ffi`.
    pub c: String,
    /// Rust access path from the struct (through anonymous members).
    pub access: String,
    /// Python attribute name.
    pub py: String,
    /// `Class.attr` for messages.
    pub what: String,
    /// Rust value type (scalar / array element).
    pub ty: String,
    /// ` as TYPE` converting the C value to the getter's type, or empty
    /// where bindgen's type already is that type.
    pub cast: String,
    /// A plain `char` integer field (`c_char`, whose signedness is the platform's).
    pub c_char: bool,
    /// Calls turning a `void*`-like field into `*mut c_void`.
    pub erase: &'static str,
    /// `(count, selector, sizes)` expressions of a sized `void*` field
    /// (`span`): reading it records that memory for the raw-memory helpers.
    pub span: Option<(String, String, String)>,
    /// Runtime conversion of a float value (`to_c_float` / `to_c_double`).
    pub convert: &'static str,
    /// Rust class of the target (nested, pointer, list element).
    pub class: String,
    /// Read-only.
    pub readonly: bool,
    /// Owned C string.
    pub owned: bool,
    /// Interned C string (never freed by C).
    pub interned: bool,
    /// `void*` field: its setter also takes a view of any bound struct
    /// (a pointer to an unbound type takes only capsules: no type confusion).
    pub any_view: bool,
    /// Allocator constant for owned strings.
    pub allocator: String,
    /// Array length.
    pub len: usize,
    /// Enum static name.
    pub enum_static: String,
    /// Callback trampoline name and registry site.
    pub tramp: String,
    /// Registry key expression (an `rt::field_get!` of the class object).
    pub key_expr: String,
    /// C++ shim reader of a std:: member.
    pub reader: String,
    /// Python value of a std:: member: `str`, `list` or `dict`.
    pub std_shape: &'static str,
    /// Doc comment including origin.
    pub doc: String,
    /// Served by a raw getset descriptor of the runtime (`rt::scalar_field!`
    /// kind `int` / `float` / `bool` / `chars` / `nested` / `pointer`) instead of PyO3
    /// accessors; empty: PyO3.
    pub raw: &'static str,
    /// The field's exact Rust type in `ffi`, for a raw descriptor (the
    /// class for a nested struct or a pointer's target).
    pub raw_ty: String,
    /// A raw descriptor's setter: `writable`, `readonly`, or `owned` (a
    /// pointer the struct owns: its setter refuses).
    pub raw_access: &'static str,
}

/// A numpy exporter method.
#[derive(Serialize)]
pub struct NumpyVm {
    /// Method name.
    pub method: String,
    /// Data field.
    pub data: String,
    /// `(local, field)`: the data pointer (local `data`) and every integer
    /// field the shape and size checks use, copied out by one `rt::fields_get!`.
    pub reads: Vec<(String, String)>,
    /// Dimensions: expressions of the locals in `reads`, or integer literals.
    pub shape: Vec<String>,
    /// Element type.
    pub ty: String,
    /// Writable (`true`/`false` as Rust source).
    pub writable: &'static str,
    /// Returns a copy instead of a view.
    pub copy: bool,
    /// Rust type a copy converts each element to (empty: none).
    pub convert: String,
    /// `(label, u64 expression)` sizes checked against a NULL pointer (`bytes`, `extent`).
    pub sizes: Vec<(String, String)>,
    /// Docstring (the Rust function's and the raw method's).
    pub doc: String,
    /// The `allocate` method, if any.
    pub allocate: Option<NumpyAllocVm>,
    /// `Record.method` for errors.
    pub what: String,
    /// Module function standing for the method (empty: none).
    pub function: String,
}

/// The `allocate` method of a numpy exporter.
#[derive(Debug, Serialize)]
pub struct NumpyAllocVm {
    /// Method name.
    pub method: String,
    /// Byte-count field set to the new size.
    pub bytes: String,
    /// `(local, field)`: the extent fields, copied out by one `rt::fields_get!`.
    pub reads: Vec<(String, String)>,
    /// `u64` expressions of the extent fields' locals.
    pub dims: Vec<String>,
    /// Docstring.
    pub doc: String,
    /// `Record.method` for errors.
    pub what: String,
}

/// A counted array's module function: `name(data[, index])` is `class.method`.
#[derive(Serialize)]
pub struct ArrayFunctionVm {
    /// Python function name.
    pub name: String,
    /// Class of the struct (Rust/Python name).
    pub class: String,
    /// The method it calls.
    pub method: String,
    /// The method takes an index.
    pub index: bool,
    /// Element class (Rust/Python name).
    pub element: String,
}

/// A counted-pointer array method.
#[derive(Serialize)]
pub struct CountedArrayVm {
    /// Python method name.
    pub method: String,
    /// Rust field name of the pointer.
    pub data: String,
    /// Element class (Rust/Python name).
    pub class: String,
    /// Element C type in `ffi`.
    pub element: String,
    /// Count expression (an `rt::field_get!` of `this`).
    pub count: String,
    /// Capacity expression (`Some(rt::field_get!(..))` or `None`).
    pub capacity: String,
    /// The method takes an index.
    pub index: bool,
    /// `fill`: (element field access, struct `from` field access).
    pub fill: Option<(String, String)>,
    /// Also a module function (the method is then callable from it).
    pub function: bool,
    /// `Class.method` for messages.
    pub what: String,
}

/// A multi-field set method.
#[derive(Serialize)]
pub struct SetterVm {
    /// Python method name.
    pub method: String,
    /// Rust function name.
    pub rs: String,
    /// The pyo3 signature's parameter list (`red, green`).
    pub signature: String,
    /// Parameters: (Python attribute name, Rust identifier).
    pub params: Vec<(String, String)>,
    /// Docstring.
    pub doc: String,
}

/// A bulk exporter method.
#[derive(Serialize)]
pub struct BulkVm {
    /// Method name.
    pub method: String,
    /// List field.
    pub list: String,
    /// Element C type.
    pub element: String,
    /// Columns: (key, Rust type, expression over `e`).
    pub columns: Vec<(String, String, String)>,
}

/// An enum.
#[derive(Serialize)]
pub struct EnumVm {
    /// Static holding the class.
    pub static_name: String,
    /// Python name.
    pub py: String,
    /// Docstring.
    pub doc: String,
    /// (name, value).
    pub values: Vec<(String, i64)>,
    /// Export values at module level.
    pub export_values: bool,
    /// Accept non-member values.
    pub open: bool,
}

/// A callback trampoline.
#[derive(Serialize)]
pub struct CallbackVm {
    /// Trampoline fn name (also the registry site).
    pub tramp: String,
    /// Site string.
    pub site: String,
    /// Parameters: (name, Rust type).
    pub params: Vec<(String, String)>,
    /// Expressions of the Python call's arguments, each a `Py<PyAny>` (`argument` is the struct view, `py` the GIL token).
    pub call_args: Vec<String>,
    /// Return type ("" for void).
    pub ret: String,
    /// Which parameter is the struct.
    pub arg: String,
    /// Class of the struct parameter.
    pub class: String,
    /// The struct's field holding the registry key (`a.b`).
    pub key_path: String,
    /// How the Python result converts: "unit", "address", "int".
    pub ret_conv: &'static str,
}

/// Builds the module view-model.
pub fn module_vm(module: &Module) -> ModuleVm {
    let records: Vec<RecordVm> = module.records.iter().map(|r| record_vm(module, r)).collect();
    let callbacks = module.records.iter().flat_map(|r| r.fields.iter().filter_map(move |f| callback_vm(module, r, f))).collect();
    let mut list_elements: Vec<(String, String)> = module
        .records
        .iter()
        .flat_map(|r| r.fields.iter())
        .filter_map(|f| match &f.kind {
            FieldKind::List { element: Some(e) } => module.record(e).map(|r| (r.python_name.clone(), r.name.clone())),
            _ => None,
        })
        .chain(super::functions::list_param_elements(module))
        .collect();
    list_elements.sort();
    list_elements.dedup();
    ModuleVm {
        name: module.name.clone(),
        doc: module.doc.text().to_string(),
        has_lists: crate::backend::pyi::has_lists(module),
        list_elements,
        view_address: super::functions::needs_view_address(module),
        view_held: super::functions::needs_view_held(module),
        any_view: false,
        struct_outs: super::functions::has_struct_outs(module),
        handles: module.handles.iter().map(|h| (h.python_name.clone(), h.name.clone())).collect(),
        enums: module.enums.iter().map(enum_vm).collect(),
        functions: module.functions.iter().map(|f| super::functions::function_vm(module, f)).collect(),
        constants: module.constants.iter().filter_map(|c| constant_literal(c.value).map(|l| (c.name.clone(), l))).collect(),
        frees: super::functions::free_helpers(module),
        int_addresses: super::memory::int_addresses(module),
        cxx_readers: super::cxx_shim::readers(module),
        aliases: module.aliases.iter().map(|a| (a.name.clone(), a.path.clone())).collect(),
        allocators: super::allocators::allocators(module),
        field_setters: module.field_setters.iter().map(field_setter_vm).collect(),
        array_functions: module
            .records
            .iter()
            .flat_map(|r| {
                r.arrays.iter().filter_map(move |a| {
                    Some(ArrayFunctionVm {
                        name: a.function.clone()?,
                        class: r.python_name.clone(),
                        method: a.method.clone(),
                        index: a.index,
                        element: class_of(module, &a.element),
                    })
                })
            })
            .collect(),
        numpy_functions: module
            .records
            .iter()
            .flat_map(|r| r.numpy.iter().filter_map(move |n| Some((n.function.clone()?, r.python_name.clone(), n.method.clone()))))
            .collect(),
        callback_functions: CallbackFunctionsVm {
            clear_all: module.callback_functions.clear_all.clone().unwrap_or_default(),
            accept_only: module.callback_functions.accept_only.clone(),
        },
        callbacks,
        records,
    }
}

fn constant_literal(v: i128) -> Option<String> {
    if v < 0 { i64::try_from(v).ok().map(|v| format!("{v}i64")) } else { u64::try_from(v).ok().map(|v| format!("{v}u64")) }
}

fn record_vm(module: &Module, r: &Record) -> RecordVm {
    let fields: Vec<FieldVm> = r.fields.iter().filter_map(|f| field_vm(module, r, f)).collect();
    let settable = fields.iter().filter(|f| !f.readonly).map(|f| f.py.clone()).collect();
    RecordVm {
        rs: r.python_name.clone(),
        py: r.python_name.clone(),
        aliases: r.python_aliases.clone(),
        attr_aliases: attribute_aliases(r),
        c: r.name.clone(),
        doc: with_origin(r.doc.text(), &format!("C {} `{}`, declared at {}.", if r.is_union { "union" } else { "struct" }, r.name, r.loc)),
        constructible: r.constructible,
        numpy: r.numpy.iter().map(|n| numpy_vm(r, n)).collect(),
        bulk: r.bulk.iter().map(|b| bulk_vm(module, b)).collect(),
        setters: r.setters.iter().map(setter_vm).collect(),
        arrays: r.arrays.iter().map(|a| counted_array_vm(module, r, a)).collect(),
        owned_strings: super::memory::owned_strings(r),
        owned_pointers: super::memory::owned_pointers(r),
        buffer_meta_api: r.buffer_meta_api.clone().unwrap_or_default(),
        fields,
        settable,
    }
}

/// (alias, attribute) for every alias of a bound field.
fn attribute_aliases(r: &Record) -> Vec<(String, String)> {
    let bound = r.fields.iter().filter(|f| !matches!(f.kind, FieldKind::Skipped { .. } | FieldKind::Undecided));
    bound.flat_map(|f| f.python_aliases.iter().map(|a| (a.clone(), f.python_name.clone()))).collect()
}

/// Appends the origin line to a doc text.
pub fn with_origin(doc: &str, origin: &str) -> String {
    if doc.is_empty() { origin.to_string() } else { format!("{doc}\n\n{origin}") }
}

fn class_of(module: &Module, c_name: &str) -> String {
    module.record(c_name).map(|r| r.python_name.clone()).unwrap_or_else(|| c_name.to_string())
}

fn field_vm(module: &Module, r: &Record, f: &Field) -> Option<FieldVm> {
    let mut vm = FieldVm {
        c: rust_ident(&f.name),
        access: f.via.iter().map(String::as_str).chain([rust_ident(&f.name).as_str()]).collect::<Vec<_>>().join("."),
        py: f.python_name.clone(),
        what: format!("{}.{}", r.python_name, f.python_name),
        readonly: f.readonly,
        doc: with_origin(f.doc.text(), &format!("`{} {}` at {}.", f.ty.spelling(), f.name, f.loc)),
        ..FieldVm::default()
    };
    vm.kind = field_kind(module, r, f, &mut vm)?;
    (vm.raw, vm.raw_ty) = raw_descriptor(&vm, f);
    vm.raw_access = match (vm.readonly, vm.owned && vm.raw == "pointer") {
        (true, _) => "readonly",
        (false, true) => "owned",
        (false, false) => "writable",
    };
    Some(vm)
}

/// Which raw descriptor serves a field, and its exact Rust type (the class
/// for a nested struct): a C integer, floating or boolean field whose `ffi`
/// type is the type the conversion is written for (no `as` cast, no
/// platform-signed `char`), a `char[N]` string, a nested struct or a
/// (non-`const`) pointer to a bound struct; every other field keeps its
/// PyO3 accessors.
fn raw_descriptor(vm: &FieldVm, f: &Field) -> (&'static str, String) {
    let exact = cast_suffix(&f.ty, &vm.ty).is_empty();
    match vm.kind {
        "int" if exact && !vm.c_char => ("int", vm.ty.clone()),
        "float" if exact => ("float", vm.ty.clone()),
        "bool" if exact => ("bool", vm.ty.clone()),
        "c_bool" => ("bool", "bool".to_string()),
        "char_array" => ("chars", format!("[std::ffi::c_char; {}]", vm.len)),
        "nested" => ("nested", vm.class.clone()),
        "ptr_view" if matches!(f.ty, TypeRef::Pointer { is_const: false, .. }) => ("pointer", vm.class.clone()),
        _ => ("", String::new()),
    }
}

/// The template macro selector of a field, filling the kind's view-model
/// entries (None: the field is not bound).
fn field_kind(module: &Module, r: &Record, f: &Field, vm: &mut FieldVm) -> Option<&'static str> {
    Some(match &f.kind {
        FieldKind::Scalar { scalar } => {
            vm.ty = scalar_type(*scalar);
            match scalar {
                ScalarKind::Int { .. } => {
                    vm.cast = cast_suffix(&f.ty, &vm.ty);
                    vm.c_char = matches!(f.ty, TypeRef::Prim { prim: crate::ir::Prim::Char, .. });
                    "int"
                }
                ScalarKind::Float { bits } => {
                    vm.cast = cast_suffix(&f.ty, "f64");
                    vm.convert = if *bits == 32 { "to_c_float" } else { "to_c_double" };
                    "float"
                }
                ScalarKind::Bool { .. } if matches!(f.ty, TypeRef::Prim { prim: crate::ir::Prim::Bool, .. }) => "c_bool",
                ScalarKind::Bool { .. } => "bool",
            }
        }
        FieldKind::Nested { record } => {
            vm.class = class_of(module, record);
            "nested"
        }
        FieldKind::PtrView { record, owned } => {
            vm.class = class_of(module, record);
            vm.owned = *owned;
            "ptr_view"
        }
        FieldKind::CharArray { len } => {
            vm.len = *len;
            "char_array"
        }
        FieldKind::CString { owned, interned, allocator } => {
            vm.owned = *owned;
            vm.interned = *interned;
            vm.allocator = format!("__BINDERY_ALLOC_{}", allocator.to_uppercase());
            "cstring"
        }
        FieldKind::VoidPtr => {
            vm.any_view = matches!(&f.ty, TypeRef::Pointer { pointee, .. } if **pointee == TypeRef::Void);
            vm.erase = erase_pointer(&f.ty);
            vm.span = f.span.as_ref().map(span_vm);
            "void_ptr"
        }
        FieldKind::EmbeddedAddress => {
            vm.readonly = true;
            "embedded_address"
        }
        FieldKind::List { element } => {
            vm.class = element.as_deref().map(|e| class_of(module, e)).unwrap_or_default();
            "list"
        }
        FieldKind::StructArray { record, len } => {
            vm.class = class_of(module, record);
            vm.ty = format!("ffi::{record}");
            vm.len = *len;
            "struct_array"
        }
        FieldKind::NumericArray { rust, len, .. } => {
            vm.ty = rust.clone();
            vm.len = *len;
            "numeric_array"
        }
        FieldKind::Enum { name, bits, signed } => {
            vm.ty = format!("{}{bits}", if *signed { "i" } else { "u" });
            vm.enum_static = enum_static(name);
            "enum"
        }
        FieldKind::Callback { key_path, arg_record, cast_key, .. } => {
            vm.tramp = tramp_name(r, f);
            let record = if *cast_key { format!("self => ffi::{arg_record}") } else { "self".to_string() };
            vm.key_expr = format!("rt::field_get!({record}, {})", key_path.iter().map(|k| rust_ident(k)).collect::<Vec<_>>().join("."));
            "callback"
        }
        FieldKind::Std { shape } => {
            vm.reader = super::cxx_shim::reader_name(&r.name, &f.name);
            vm.std_shape = match shape {
                StdShape::Str => "str",
                StdShape::List { element: StdElement::View { record } } => {
                    vm.class = class_of(module, record);
                    "list"
                }
                StdShape::List { .. } => "list",
                StdShape::Dict { .. } => "dict",
            };
            "std"
        }
        FieldKind::Skipped { .. } | FieldKind::Undecided => return None,
    })
}

/// Name of the static holding an enum's class.
pub fn enum_static(name: &str) -> String {
    format!("__BINDERY_ENUM_{}", name.to_uppercase())
}

fn tramp_name(r: &Record, f: &Field) -> String {
    format!("__bindery_callback_{}_{}", r.name, f.name)
}

fn callback_vm(module: &Module, r: &Record, f: &Field) -> Option<CallbackVm> {
    let FieldKind::Callback { key_path, arg, arg_record, all_args, .. } = &f.kind else { return None };
    let TypeRef::FnPtr { ret, params: c_params, .. } = &f.ty else { return None };
    let params: Vec<(String, String)> = c_params
        .iter()
        .enumerate()
        .map(|(i, p)| (if i == *arg || *all_args { format!("a{i}") } else { format!("_a{i}") }, rust_type(p)))
        .collect();
    let call_args = match all_args {
        true => c_params.iter().enumerate().map(|(i, p)| callback_arg(i, *arg, p)).collect(),
        false => vec!["argument.into_any()".to_string()],
    };
    let record = if arg_record.is_empty() { r.name.clone() } else { arg_record.clone() };
    let (ret_ty, conv) = match &**ret {
        TypeRef::Void => (String::new(), "unit"),
        TypeRef::Pointer { .. } => (rust_type(ret), "address"),
        other => (rust_type(other), "int"),
    };
    Some(CallbackVm {
        tramp: tramp_name(r, f),
        site: format!("{}.{}", r.python_name, f.python_name),
        arg: format!("a{arg}"),
        class: class_of(module, &record),
        key_path: key_path.iter().map(|k| rust_ident(k)).collect::<Vec<_>>().join("."),
        params,
        call_args,
        ret: ret_ty,
        ret_conv: conv,
    })
}

/// Python value passed for C argument `i` of a trampoline called with all arguments.
fn callback_arg(i: usize, arg: usize, ty: &TypeRef) -> String {
    match ty {
        _ if i == arg => "argument.into_any()".to_string(),
        TypeRef::Pointer { .. } => format!("rt::pointer::to_capsule(py, a{i}{})?.unbind()", erase_pointer(ty)),
        _ => format!("{}.into_py_any(py)?", converted(&format!("a{i}"), ty, "i64")),
    }
}

fn numpy_vm(r: &Record, n: &NumpyExporter) -> NumpyVm {
    let field = |d: &str| format!("{} as u64", numpy_local(d));
    let mut shape: Vec<String> =
        n.shape.iter().map(|d| if d.parse::<u64>().is_ok() { format!("{d}i64") } else { format!("{} as i64", numpy_local(d)) }).collect();
    if n.flat {
        shape = vec![format!("rt::numpy_export::flat_len(&[{}], {:?})?", shape.join(", "), format!("{}.{}", r.name, n.method))];
    }
    let mut sizes = vec![];
    let extent: Vec<String> = n.extent.iter().map(|d| field(d)).collect();
    if let Some(b) = &n.bytes_field {
        shape.push(format!("({} / std::mem::size_of::<{}>() as u64) as i64", field(b), n.rust));
        sizes.push((b.clone(), field(b)));
    }
    if !extent.is_empty() {
        sizes.push((n.extent.join(" x "), format!("rt::numpy_export::extent(&[{}])", extent.join(", "))));
    }
    let per = |b: &str| format!("`{b} / {}`", n.dtype.trim_start_matches(char::is_alphabetic).parse::<u32>().map_or(1, |bits| bits / 8));
    let allocate = n.allocate.as_ref().zip(n.bytes_field.as_ref()).map(|(method, bytes)| NumpyAllocVm {
        method: method.clone(),
        bytes: rust_ident(bytes),
        reads: numpy_reads(n.extent.iter().map(String::as_str)),
        dims: extent.clone(),
        doc: format!(
            "Replaces the data with zeroed memory for `{}` {} values (freeing the old), sets `{bytes}`, and returns it as a zero-copy array.",
            n.extent.join(" * "),
            n.dtype
        ),
        what: format!("{}.{method}", r.name),
    });
    let sized_by = n.shape.iter().filter(|d| d.parse::<u64>().is_err()).chain(&n.bytes_field).chain(&n.extent);
    let mut reads = numpy_reads(sized_by.map(String::as_str));
    reads.insert(0, ("data".to_string(), rust_ident(&n.data_field)));
    NumpyVm {
        method: n.method.clone(),
        data: rust_ident(&n.data_field),
        reads,
        shape,
        ty: n.rust.clone(),
        writable: if n.writable { "true" } else { "false" },
        copy: n.copy,
        convert: n.convert.as_ref().map_or_else(String::new, |(_, rust)| rust.clone()),
        sizes,
        doc: numpy_doc(n, per),
        allocate,
        what: format!("{}.{}", r.name, n.method),
        function: n.function.clone().unwrap_or_default(),
    }
}

/// The docstring of a numpy exporter: a copy, a converted copy, a
/// zero-copy array sized by a byte count (`per` gives the length), or a
/// zero-copy array.
fn numpy_doc(n: &NumpyExporter, per: impl Fn(&str) -> String) -> String {
    match (&n.convert, n.copy, &n.bytes_field) {
        (Some((_, rust)), _, _) => format!(
            "A copy of the data behind the pointer as a new numpy array, each value converted exactly to `{rust}` (empty for a NULL pointer)."
        ),
        (None, true, _) => "A copy of the data behind the pointer as a numpy array (empty for a NULL pointer).".to_string(),
        (None, false, Some(b)) => {
            format!("The data as a zero-copy {} array of {} values; the array keeps this object alive.", n.dtype, per(b))
        }
        (None, false, None) => "Zero-copy numpy view of the data behind the pointer; the array keeps this object alive.".to_string(),
    }
}

/// The Rust local holding a numpy exporter's copy of integer field `name`
/// (`f_` + the C name: never a keyword, never one of the method's own locals).
fn numpy_local(name: &str) -> String {
    format!("f_{name}")
}

/// `(local, field)` pairs for the integer fields an exporter reads, each once,
/// in first-use order: what one `rt::fields_get!` copies out.
fn numpy_reads<'a>(fields: impl Iterator<Item = &'a str>) -> Vec<(String, String)> {
    let mut reads: Vec<(String, String)> = vec![];
    for f in fields {
        if !reads.iter().any(|(local, _)| *local == numpy_local(f)) {
            reads.push((numpy_local(f), rust_ident(f)));
        }
    }
    reads
}

fn counted_array_vm(module: &Module, r: &Record, a: &CountedArray) -> CountedArrayVm {
    let field = |name: &str| format!("rt::field_get!(this, {}) as u64", rust_ident(name));
    CountedArrayVm {
        method: a.method.clone(),
        data: rust_ident(&a.data_field),
        class: class_of(module, &a.element),
        element: a.element.clone(),
        count: field(&a.count_field),
        capacity: a.capacity_field.as_deref().map_or_else(|| "None".to_string(), |c| format!("Some({})", field(c))),
        index: a.index,
        fill: a.fill.as_ref().map(|f| (access_path(&f.field_via, &f.field), access_path(&f.from_via, &f.from))),
        function: a.function.is_some(),
        what: format!("{}.{}", r.python_name, a.method),
    }
}

/// `a.b.c` Rust access through anonymous members to a field.
fn access_path(via: &[String], name: &str) -> String {
    via.iter().cloned().chain([rust_ident(name)]).collect::<Vec<_>>().join(".")
}

/// The count, selector and size-table expressions of a sized `void*` field.
fn span_vm(s: &crate::ir::PointerSpan) -> (String, String, String) {
    let path = |p: &[String]| p.iter().map(|x| rust_ident(x)).collect::<Vec<_>>().join(".");
    let sizes: Vec<String> = s.sizes.iter().map(|(value, size)| format!("({value}, {size})")).collect();
    (
        format!("rt::field_get!(self, {}) as u64", path(&s.count)),
        format!("rt::field_get!(self, {}) as i64", path(&s.size_by)),
        format!("&[{}]", sizes.join(", ")),
    )
}

fn setter_vm(s: &Setter) -> SetterVm {
    let params: Vec<(String, String)> = s.fields.iter().map(|f| (f.clone(), param_ident(f))).collect();
    let names: Vec<String> = s.fields.iter().map(|f| format!("`{f}`")).collect();
    SetterVm {
        method: s.method.clone(),
        rs: format!("__bindery_set_{}", s.method),
        signature: params.iter().map(|(_, rs)| rs.clone()).collect::<Vec<_>>().join(", "),
        doc: format!("Sets {} at once through the attributes' setters: if one value is refused, none changes.", names.join(", ")),
        params,
    }
}

fn bulk_vm(module: &Module, b: &BulkExporter) -> BulkVm {
    let columns = b
        .columns
        .iter()
        .map(|c| {
            let path: Vec<String> = c.path.iter().map(|p| rust_ident(p)).collect();
            let cast = match column_type(module, &b.element, &c.path) {
                Some(ty) => cast_suffix(ty, &c.rust),
                None => format!(" as {}", c.rust),
            };
            (c.key.clone(), c.rust.clone(), format!("rt::element_get!(e, {}){cast}", path.join(".")))
        })
        .collect();
    BulkVm { method: b.method.clone(), list: rust_ident(&b.list_field), element: b.element.clone(), columns }
}

/// The C type at `path` (field names, through nested structs) in `record`.
fn column_type<'m>(module: &'m Module, record: &str, path: &[String]) -> Option<&'m TypeRef> {
    let (first, rest) = path.split_first()?;
    let ty = &module.record(record)?.fields.iter().find(|f| &f.name == first)?.ty;
    match (rest.is_empty(), ty) {
        (true, ty) => Some(ty),
        (false, TypeRef::Record { name }) => column_type(module, name, rest),
        (false, _) => None,
    }
}

fn enum_vm(e: &EnumDef) -> EnumVm {
    EnumVm {
        static_name: enum_static(&e.name),
        py: e.python_name.clone(),
        doc: with_origin(e.doc.text(), &format!("C enum `{}`, declared at {}.", e.name, e.loc)),
        values: e.values.iter().map(|v| (v.name.clone(), v.value)).collect(),
        export_values: e.export_values,
        open: e.open,
    }
}
