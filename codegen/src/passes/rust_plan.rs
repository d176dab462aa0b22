//! The passes of the Rust path (see [`RUST_PASSES`](super::RUST_PASSES)):
//! they fill in the binding plan of an annotated Rust crate
//! ([`Plan`](crate::ir::rust_plan::Plan), IR), every decision about its
//! Python surface. Joins the Rust frontend's [`RustCrate`] with the spec:
//! which Python arguments each call takes and how they convert
//! ([`rust_conv`](super::rust_conv)), keyword/positional rules, GIL release,
//! class options (subclassing, dynamic attributes, implicit int conversion,
//! comparisons from a derived `Ord`), enum members, the spec's function
//! tables and its conversions of named Rust types. Problems are diagnostics
//! at the spec or Rust line.
//! Must not render anything: the backend only prints the plan.

use super::rust_conv::{self, Conv, Ret};
use crate::diagnostic::{Diagnostic, Kind};
use crate::ir::rust_plan::{Arg, Call, ClassPlan, EnumPlan, FnPlan};
use crate::ir::{MethodKind, Receiver, RustClass, RustCrate, RustEnum, RustFunction, RustModule, RustParam, RustType};
use crate::spec::{CallSpec, FunctionTableSpec, LoadedRustSpec, NumpyView, PayloadAt, TableRowSpec};

/// A function table row with its table.
type Row<'s> = (&'s FunctionTableSpec, &'s TableRowSpec);

/// `classes`: every annotated class with its constructor, methods and
/// properties, and the spec's class options.
pub fn classes(spec: &LoadedRustSpec, module: &mut RustModule) -> Vec<Diagnostic> {
    let mut cx = Cx { spec, krate: &module.krate, errors: vec![] };
    module.plan.classes = module.krate.classes.iter().map(|c| cx.class(c)).collect();
    cx.errors
}

/// `enums`: every annotated enum with its Python members (hidden ones kept as `None`).
pub fn enums(spec: &LoadedRustSpec, module: &mut RustModule) -> Vec<Diagnostic> {
    let mut cx = Cx { spec, krate: &module.krate, errors: vec![] };
    module.plan.enums = module.krate.enums.iter().map(|e| cx.enumeration(e)).collect();
    cx.errors
}

/// `functions`: annotated module functions, then the function tables' rows
/// whose function the frontend cannot see.
pub fn functions(spec: &LoadedRustSpec, module: &mut RustModule) -> Vec<Diagnostic> {
    let mut cx = Cx { spec, krate: &module.krate, errors: vec![] };
    module.plan.functions = cx.functions();
    cx.errors
}

/// `spec_names`: spec tables naming classes or methods the crate does not
/// have, argument-side function tables without a `result` class and
/// `[rust.conversions]` values that are no conversion.
pub fn spec_names(spec: &LoadedRustSpec, module: &RustModule) -> Vec<Diagnostic> {
    let mut cx = Cx { spec, krate: &module.krate, errors: vec![] };
    cx.check_spec_names();
    cx.errors.extend(tables_without_result(spec));
    cx.errors.extend(unknown_conversions(spec));
    cx.errors.extend(bad_value_enums(spec, &module.krate));
    cx.errors.extend(super::rust_errors::check(spec, &module.krate));
    cx.errors
}

/// `name` is a Rust identifier.
pub(super) fn is_rust_ident(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c == '_' || c.is_ascii_alphabetic()) && chars.all(|c| c == '_' || c.is_ascii_alphanumeric())
}

/// `path` is `ident(::ident)*`.
pub(super) fn is_rust_path(path: &str) -> bool {
    path.split("::").all(is_rust_ident)
}

/// The `value_enum` result of the crate's enum `rust_type` (as written):
/// `None` unless every variant holds one scalar or string value.
fn value_enum(krate: &RustCrate, rust_type: &str) -> Option<rust_conv::ValueEnum> {
    let ident = rust_type.trim_start_matches('&').rsplit("::").next().unwrap_or_default();
    let decl = krate.decls.iter().find(|d| d.ident == ident)?;
    let variants = decl.variants.as_ref().filter(|v| !v.is_empty())?;
    let py_types = variants.iter().map(|v| v.value.as_ref().map(py_plain).filter(|t| t != "Any"));
    let mut py_types = py_types.collect::<Option<Vec<String>>>()?;
    py_types.dedup();
    Some(rust_conv::ValueEnum {
        rust_type: rust_type.to_string(),
        path: format!("{}::{}", krate.crate_name, decl.path),
        variants: variants.iter().map(|v| v.name.clone()).collect(),
        py_type: py_types.join(" | "),
    })
}

/// `[rust.conversions]` entries `value_enum` whose type is no enum of the
/// crate with one scalar or string value per variant.
fn bad_value_enums(spec: &LoadedRustSpec, krate: &RustCrate) -> Vec<Diagnostic> {
    let entries = spec.spec.rust.conversions.iter().filter(|(_, v)| v.get_ref() == "value_enum");
    let bad = entries.filter(|(ty, _)| value_enum(krate, ty.get_ref()).is_none());
    bad.map(|(ty, v)| {
        let msg = format!("`{}` is not an enum of the crate whose variants each hold one value", ty.get_ref());
        spec.error(Kind::SpecInvalid, v.span(), msg)
            .hint("`value_enum` is for enums like `enum Sample { Int(i64), Float(f64) }`, returned as the variant's value")
    })
    .collect()
}

/// `[rust.conversions]` values that name neither a parameter nor a result conversion.
fn unknown_conversions(spec: &LoadedRustSpec) -> Vec<Diagnostic> {
    let conversions = &spec.spec.rust.conversions;
    let unknown = conversions.iter().filter(|(_, v)| !rust_conv::is_conversion(v.get_ref()));
    unknown
        .map(|(ty, v)| {
            let msg = format!("unknown conversion kind `{}` for Rust type `{}`", v.get_ref(), ty.get_ref());
            spec.error(Kind::SpecInvalid, v.span(), msg).hint(
                "use a parameter conversion as in argument lists (`array`, `array_copy`, `bytes`, `int`, …) \
                 or a result conversion (`value_enum`, `matrix_view`, `plain`, `class(Name)`); see docs/spec.md",
            )
        })
        .collect()
}

/// Tables with `payload_at = "argument"` must name the class their rows return.
fn tables_without_result(spec: &LoadedRustSpec) -> Vec<Diagnostic> {
    let tables = spec.spec.function_tables.iter();
    let missing = tables.filter(|(_, t)| t.payload_at == PayloadAt::Argument && t.result.is_none());
    missing
        .map(|(name, _)| {
            spec.error(
                Kind::SpecInvalid,
                name.span(),
                format!("function table `{}` has `payload_at = \"argument\"` but no `result`", name.get_ref()),
            )
            .hint("name the Python class its functions return, e.g. `result = \"Handle\"`")
        })
        .collect()
}

/// `python_modules`: every `[python_module."PATH"]` must be a relative `.py`
/// path not also in `python_dir`, re-export planned classes, enums or native
/// submodules, alias existing function tables and have its tail file.
pub fn python_modules(spec: &LoadedRustSpec, module: &RustModule) -> Vec<Diagnostic> {
    let r = &spec.spec.rust;
    let mut out = vec![];
    for (path, m) in &spec.spec.python_modules {
        let p = std::path::Path::new(path.get_ref());
        let copied = r.python_dir.as_ref().is_some_and(|d| spec.dir.join(d.get_ref()).join(p).is_file());
        let relative = p.components().all(|c| matches!(c, std::path::Component::Normal(_)));
        if !relative || !path.get_ref().ends_with(".py") || copied {
            let msg = format!("python_module `{}` must be a relative `.py` path not also in python_dir", path.get_ref());
            out.push(spec.error(Kind::SpecInvalid, path.span(), msg).hint("key it by its path under generated/python, e.g. `pkg/mod.py`"));
        }
        let submodule = |n: &str| r.submodules.iter().any(|s| s.get_ref() == n);
        for name in m.reexport.iter().filter(|n| module.plan.item_module(n.get_ref()).is_none() && !submodule(n.get_ref())) {
            let msg = format!("`{}` is no class, enum or native submodule to re-export", name.get_ref());
            out.push(
                spec.error(Kind::SpecInvalid, name.span(), msg)
                    .hint("re-export an annotated class or enum by its Python name, or a name in [rust].submodules"),
            );
        }
        for table in m.aliases.iter().filter(|t| !spec.spec.function_tables.keys().any(|k| k.get_ref() == t.get_ref())) {
            let msg = format!("no function table `{}` to alias", table.get_ref());
            out.push(spec.error(Kind::SpecInvalid, table.span(), msg).hint("name a [function_table.NAME] of this spec"));
        }
        for tail in m.tail.iter().filter(|t| !spec.dir.join(t.get_ref()).is_file()) {
            let msg = format!("tail file `{}` does not exist", tail.get_ref());
            out.push(spec.error(Kind::SpecInvalid, tail.span(), msg).hint("the path is relative to the spec's directory"));
        }
    }
    out
}

/// `submodules`: every planned item's submodule must be listed in `[rust].submodules`.
pub fn submodules(spec: &LoadedRustSpec, module: &RustModule) -> Vec<Diagnostic> {
    let plan = &module.plan;
    let listed: Vec<&String> = spec.spec.rust.submodules.iter().map(|s| s.get_ref()).collect();
    let used = plan
        .classes
        .iter()
        .map(|c| (&c.module, &c.py_name))
        .chain(plan.enums.iter().map(|e| (&e.module, &e.py_name)))
        .chain(plan.functions.iter().map(|f| (&f.module, &f.call.py_name)));
    used.filter(|(m, _)| !listed.contains(m))
        .map(|(m, item)| {
            spec.error(
                Kind::SpecInvalid,
                spec.spec.rust.native_module.span(),
                format!("`{item}` is in submodule `{m}`, which [rust].submodules does not list"),
            )
        })
        .collect()
}

struct Cx<'a> {
    spec: &'a LoadedRustSpec,
    krate: &'a RustCrate,
    errors: Vec<Diagnostic>,
}

impl Cx<'_> {
    fn rust_err(&mut self, loc: &crate::ir::SourceLoc, msg: String) {
        let path = self.spec.dir.join(self.spec.spec.rust.crate_path.get_ref()).join(&loc.file);
        self.errors.push(Diagnostic::new(Kind::RustSource, msg).at_line(&path, loc.line, 1));
    }

    fn spec_err(&mut self, span: std::ops::Range<usize>, msg: String) {
        self.errors.push(self.spec.error(Kind::SpecInvalid, span, msg));
    }

    /// The Rust expression of the frame `numpy_view()` reads, over the value `value`.
    /// `class_span` locates a bad method name (the class's spec table).
    fn numpy_view(&mut self, view: Option<&NumpyView>, class_span: std::ops::Range<usize>) -> Option<String> {
        match view? {
            NumpyView::Value(whole) => whole.then(|| "value".to_string()),
            NumpyView::Method(m) if is_rust_ident(m) => Some(format!("value.{m}()")),
            NumpyView::Method(m) => {
                let msg = format!("numpy_view `{m}` is not a method name");
                let hint = "give `true` (the value is the frame) or the name of the value's method returning the frame";
                self.errors.push(self.spec.error(Kind::SpecInvalid, class_span, msg).hint(hint));
                None
            }
        }
    }

    /// Fills in a `value_enum` result from the crate's declaration of the
    /// enum (`spec_names` reports a conversion naming no such enum).
    fn find_value_enum(&mut self, e: &mut rust_conv::ValueEnum) -> Option<()> {
        *e = value_enum(self.krate, &e.rust_type)?;
        Some(())
    }

    fn full_path(&self, rel: &str) -> String {
        format!("{}::{rel}", self.krate.crate_name)
    }

    fn class(&mut self, c: &RustClass) -> ClassPlan {
        let entry = self.spec.spec.classes.iter().find(|(k, _)| k.get_ref() == &c.py_name);
        let class_span = entry.map(|(k, _)| k.span()).unwrap_or(0..0);
        let opts = entry.map(|(_, v)| v);
        let default = crate::spec::ClassSpec::default();
        let opts = opts.unwrap_or(&default);
        let mut plan = ClassPlan {
            py_name: c.py_name.clone(),
            module: c.module.clone(),
            rust_path: self.full_path(&c.rust_path),
            doc: c.doc.clone(),
            origin: c.loc.to_string(),
            subclass: opts.subclass,
            dynamic_attr: opts.dynamic_attr,
            ordered: c.derives.iter().any(|d| d == "Ord"),
            implicit_from_int: opts.implicit_from_int,
            copy_constructor: opts.copy_constructor,
            numpy_view: self.numpy_view(opts.numpy_view.as_ref(), class_span),
            release_gil_on_drop: opts.release_gil_on_drop,
            clone: c.derives.iter().any(|d| d == "Clone"),
            copy: c.derives.iter().any(|d| d == "Copy"),
            constructor: None,
            methods: vec![],
            getters: vec![],
            setters: vec![],
            static_getters: vec![],
        };
        for m in &c.methods {
            let call_spec = opts.methods.iter().find(|(k, _)| k.get_ref() == &m.py_name).map(|(_, v)| v);
            let Some(call) =
                self.call(&m.py_name, &m.rust_name, m.kind, m.receiver, &m.params, &m.ret, m.fallible, &m.doc, &m.loc, call_spec)
            else {
                continue;
            };
            match m.kind {
                MethodKind::Constructor => plan.constructor = Some(call),
                MethodKind::Getter => plan.getters.push(call),
                MethodKind::Setter => plan.setters.push(call),
                MethodKind::StaticGetter => plan.static_getters.push(call),
                MethodKind::Method | MethodKind::StaticMethod => plan.methods.push(call),
            }
        }
        plan
    }

    #[allow(clippy::too_many_arguments)]
    fn call(
        &mut self,
        py_name: &str,
        rust: &str,
        kind: MethodKind,
        receiver: Receiver,
        params: &[RustParam],
        ret: &RustType,
        fallible: bool,
        doc: &str,
        loc: &crate::ir::SourceLoc,
        spec: Option<&CallSpec>,
    ) -> Option<Call> {
        let args = match spec.filter(|s| !s.args.is_empty()) {
            Some(s) => self.spec_args(&s.args, params)?,
            None => self.default_args(params, loc, py_name)?,
        };
        let Some(mut ret_conv) = rust_conv::ret_of(ret, &self.spec.spec.rust.conversions) else {
            self.rust_err(loc, format!("`{rust}` returns {ret:?}, which bindery cannot convert to Python"));
            return None;
        };
        if let Ret::ValueEnum(e) = &mut ret_conv {
            self.find_value_enum(e)?;
        }
        let py_types = (args.iter().map(|a| py_type_of(&a.conv)).collect(), py_ret_type(&ret_conv, Some(ret)));
        Some(Call {
            py_name: py_name.to_string(),
            rust: rust.to_string(),
            kind,
            receiver,
            args,
            keywords: spec.is_some_and(|s| s.keywords),
            kwargs: spec.is_some_and(|s| s.kwargs),
            release_gil: spec.is_some_and(|s| s.release_gil),
            ret: ret_conv,
            fallible,
            doc: doc.to_string(),
            origin: loc.to_string(),
            py_types,
        })
    }

    fn default_args(&mut self, params: &[RustParam], loc: &crate::ir::SourceLoc, py_name: &str) -> Option<Vec<Arg>> {
        let mut out = vec![];
        for p in params {
            match rust_conv::default_conv(&p.ty, &self.spec.spec.rust.conversions) {
                Some(conv) => out.push(Arg { py_name: p.name.clone(), default: optional_default(&conv), conv, pass_ref: is_ref(&p.ty) }),
                None => {
                    self.rust_err(loc, format!("parameter `{}: {:?}` of `{py_name}` has no default conversion", p.name, p.ty));
                    return None;
                }
            }
        }
        Some(out)
    }

    /// The Rust expression of a typed default (`=VALUE` of an argument):
    /// `true`, `false`, a number, `empty` (the type's empty value) or
    /// `Class.NAME`, a static property of an annotated class.
    fn default_value(&mut self, text: &str, span: std::ops::Range<usize>) -> Option<String> {
        if text == "true" || text == "false" || text.parse::<i64>().is_ok() || text.parse::<f64>().is_ok() {
            return Some(text.to_string());
        }
        if text == "empty" {
            return Some("Default::default()".into());
        }
        if let Some(expr) = text.split_once('.').and_then(|(class, name)| self.static_property(class, name)) {
            return Some(expr);
        }
        let msg = format!("default `{text}` is not a value bindery knows");
        let hint = "use true, false, a number, `empty` or `Class.NAME` (a static property without arguments of an annotated class)";
        self.errors.push(self.spec.error(Kind::SpecInvalid, span, msg).hint(hint));
        None
    }

    /// `Class::rust_name()` of the infallible static property `name` of class `class`.
    fn static_property(&self, class: &str, name: &str) -> Option<String> {
        let c = self.krate.classes.iter().find(|c| c.py_name == class)?;
        let m = c.methods.iter().find(|m| m.kind == MethodKind::StaticGetter && m.py_name == name && !m.fallible && m.params.is_empty())?;
        Some(format!("{}::{}()", self.full_path(&c.rust_path), m.rust_name))
    }

    fn spec_args(&mut self, specs: &[toml::Spanned<String>], params: &[RustParam]) -> Option<Vec<Arg>> {
        let mut out = vec![];
        let mut next = 0;
        for s in specs {
            let text = s.get_ref();
            let (name, rest) = text.split_once(':').unwrap_or((text.as_str(), ""));
            let (conv_text, default) = match rest.split_once('=') {
                Some((c, d)) => (c.trim(), Some(self.default_value(d.trim(), s.span())?)),
                None => (rest.trim(), None),
            };
            let param = params.get(next);
            let Some(conv) = rust_conv::parse_conv(conv_text, param.map(|p| &p.ty)) else {
                self.spec_err(s.span(), format!("unknown conversion `{conv_text}` in `{text}`"));
                return None;
            };
            next += conv.rust_arity();
            let default = default.or_else(|| optional_default(&conv));
            out.push(Arg { py_name: name.trim().to_string(), pass_ref: param.is_some_and(|p| is_ref(&p.ty)), conv, default });
        }
        if next != params.len() && !params.is_empty() {
            let span = specs.first().map(|s| s.span()).unwrap_or(0..0);
            self.spec_err(span, format!("the argument list feeds {next} Rust parameter(s) but the function has {}", params.len()));
            return None;
        }
        Some(out)
    }

    fn enumeration(&mut self, e: &RustEnum) -> EnumPlan {
        let opts = self.spec.spec.enums.iter().find(|(k, _)| k.get_ref() == &e.py_name).map(|(_, v)| v);
        let hidden: Vec<String> = opts.map(|o| o.hidden.iter().map(|h| h.get_ref().clone()).collect()).unwrap_or_default();
        for h in opts.iter().flat_map(|o| o.hidden.iter()) {
            if !e.variants.iter().any(|v| &v.rust_name == h.get_ref()) {
                self.spec_err(h.span(), format!("`{}` is not a variant of {}", h.get_ref(), e.py_name));
            }
        }
        let members = e
            .variants
            .iter()
            .map(|v| (v.py_name.clone().filter(|_| !hidden.contains(&v.rust_name)), v.rust_name.clone(), v.value))
            .collect();
        EnumPlan {
            py_name: e.py_name.clone(),
            module: e.module.clone(),
            rust_path: self.full_path(&e.rust_path),
            doc: e.doc.clone(),
            origin: e.loc.to_string(),
            members,
            export_values: opts.is_none_or(|o| o.export_values),
        }
    }

    fn functions(&mut self) -> Vec<FnPlan> {
        let mut out = vec![];
        let table = table_rows(self.spec);
        for f in &self.krate.functions {
            let row = table.iter().find(|(_, r)| r.python.get_ref() == &f.py_name).copied();
            if let Some(fp) = self.function(f, row) {
                out.push(fp);
            }
        }
        for row in table {
            if !self.krate.functions.iter().any(|f| &f.py_name == row.1.python.get_ref())
                && let Some(fp) = self.table_only(row)
            {
                out.push(fp);
            }
        }
        out
    }

    fn function(&mut self, f: &RustFunction, row: Option<Row<'_>>) -> Option<FnPlan> {
        let by_name = self.spec.spec.functions.iter().find(|(k, _)| k.get_ref() == &f.py_name).map(|(_, v)| v);
        let row_spec = row.map(|(_, r)| CallSpec { args: r.args.clone(), keywords: r.keywords, kwargs: false, release_gil: false });
        let spec = row_spec.as_ref().or(by_name);
        let rust = self.full_path(&f.rust_path);
        let mut call =
            self.call(&f.py_name, &rust, MethodKind::Method, Receiver::None, &f.params, &f.ret, f.fallible, &f.doc, &f.loc, spec)?;
        if let Some(r) = row {
            self.check_row_module(f, r);
            self.apply_row(&mut call, r);
        }
        Some(FnPlan { module: f.module.clone(), call })
    }

    /// An annotated function in a table must be annotated with the table's module.
    fn check_row_module(&mut self, f: &RustFunction, (table, row): Row<'_>) {
        if &f.module != table.module.get_ref() {
            let msg = format!(
                "`{}` is a row of a table whose module is `{}`, but its annotation puts it in `{}`",
                f.py_name,
                table.module.get_ref(),
                f.module
            );
            self.errors.push(
                self.spec
                    .error(Kind::SpecInvalid, row.python.span(), msg)
                    .hint("make the annotation's `module` and the table's `module` agree"),
            );
        }
    }

    /// A table row whose function the frontend cannot see (e.g. defined by a macro).
    fn table_only(&mut self, (table, row): Row<'_>) -> Option<FnPlan> {
        let Some(rust) = &row.rust else {
            self.spec_err(
                row.python.span(),
                format!("no annotated function is named `{}`; give its Rust path with `rust = \"module::fn\"`", row.python.get_ref()),
            );
            return None;
        };
        let spec = CallSpec { args: row.args.clone(), keywords: row.keywords, kwargs: false, release_gil: false };
        let args = self.spec_args(&spec.args, &[])?;
        let Some(ret) = row.returns.as_deref().and_then(rust_conv::parse_ret).or_else(|| table.result.clone().map(Ret::Class)) else {
            self.spec_err(row.python.span(), format!("`{}` needs `returns`, or its table a `result` class", row.python.get_ref()));
            return None;
        };
        let mut call = Call {
            py_name: row.python.get_ref().clone(),
            rust: self.full_path(rust.get_ref()),
            kind: MethodKind::Method,
            receiver: Receiver::None,
            py_types: (args.iter().map(|a| py_type_of(&a.conv)).collect(), py_ret_type(&ret, None)),
            args,
            keywords: row.keywords,
            kwargs: false,
            release_gil: false,
            ret,
            fallible: row.fallible,
            doc: String::new(),
            origin: crate::paths::shown_from_root(&self.spec.path),
        };
        self.apply_row(&mut call, (table, row));
        Some(FnPlan { module: table.module.get_ref().clone(), call })
    }

    fn apply_row(&mut self, call: &mut Call, (table, row): Row<'_>) {
        if let Some(r) = row.returns.as_deref() {
            match rust_conv::parse_ret(r) {
                Some(ret) => call.ret = ret,
                None => self.spec_err(row.python.span(), format!("unknown `returns = \"{r}\"`")),
            }
        }
        apply_payload_type(call, (table, row));
        call.doc = payload_doc(&call.doc, &table.payload_doc, &row.payload);
    }

    /// Spec tables naming classes/methods the crate does not have.
    fn check_spec_names(&mut self) {
        let mut problems = vec![];
        for (name, c) in &self.spec.spec.classes {
            match self.krate.classes.iter().find(|k| &k.py_name == name.get_ref()) {
                None => problems.push((name.span(), format!("no annotated class is named `{}`", name.get_ref()))),
                Some(k) => {
                    for m in c.methods.keys() {
                        if !k.methods.iter().any(|x| &x.py_name == m.get_ref()) {
                            problems.push((m.span(), format!("class `{}` has no exposed method `{}`", k.py_name, m.get_ref())));
                        }
                    }
                }
            }
        }
        for (span, msg) in problems {
            self.spec_err(span, msg);
        }
    }
}

/// The row's `python_type` on its payload's side; an argument-side table's result class on the other.
fn apply_payload_type(call: &mut Call, (table, row): Row<'_>) {
    match table.payload_at {
        PayloadAt::Result => call.py_types.1 = row.python_type.clone(),
        PayloadAt::Argument => {
            if let Some(result) = &table.result {
                call.py_types.1 = result.clone();
            }
            if let Some(first) = call.py_types.0.first_mut() {
                *first = row.python_type.clone();
            }
        }
    }
}

/// Every row of every function table (tables in name order, rows in file order).
fn table_rows(spec: &LoadedRustSpec) -> Vec<Row<'_>> {
    spec.spec.function_tables.values().flat_map(|t| t.rows.iter().map(move |r| (t, r))).collect()
}

/// A call's doc with the row's payload line (`WORDS `payload`.`) appended.
fn payload_doc(doc: &str, words: &str, payload: &str) -> String {
    if doc.is_empty() { format!("{words} `{payload}`.") } else { format!("{doc}\n\n{words}: `{payload}`.") }
}

fn optional_default(conv: &Conv) -> Option<String> {
    matches!(conv, Conv::Optional(_)).then(|| "None".to_string())
}

fn is_ref(ty: &RustType) -> bool {
    match ty {
        RustType::Str | RustType::ByteSlice | RustType::Slice(_) => true,
        RustType::Class { by_ref, .. } => *by_ref,
        RustType::Named(n) => n.starts_with('&'),
        RustType::Option(inner) => is_ref(inner),
        _ => false,
    }
}

/// The Python type of an argument, for stubs.
fn py_type_of(conv: &Conv) -> String {
    match conv {
        Conv::Int | Conv::UInt64 | Conv::Size => "SupportsIndex".into(),
        Conv::Double => "float".into(),
        Conv::Bool | Conv::Flag => "bool".into(),
        Conv::Bytes { .. } => "str | bytes".into(),
        Conv::Str { .. } => "str".into(),
        Conv::StrOf { .. } => "object".into(),
        Conv::IntList | Conv::Int32List => "Sequence[int]".into(),
        Conv::FloatList => "Sequence[float]".into(),
        Conv::BoolList => "Sequence[bool]".into(),
        Conv::BytesList => "Sequence[str | bytes]".into(),
        Conv::ClassList(c) => format!("Sequence[{c}]"),
        Conv::BytesClassDict(c) | Conv::StrClassMap(c) => format!("Mapping[str, {c}]"),
        Conv::ClassRef(c) | Conv::ClassVal(c) | Conv::Enum(c) => c.clone(),
        Conv::Observer(c) => format!("Callable[[str, {c}], None]"),
        Conv::Matrix | Conv::Array(_) => "npt.ArrayLike".into(),
        Conv::Optional(inner) => format!("{} | None", py_type_of(inner)),
    }
}

fn py_ret_type(ret: &Ret, ty: Option<&RustType>) -> String {
    match ret {
        Ret::Plain => ty.map(py_plain).unwrap_or_else(|| "Any".into()),
        Ret::Unit => "None".into(),
        Ret::Class(c) | Ret::Enum(c) => c.clone(),
        Ret::ClassList(c) => format!("list[{c}]"),
        Ret::StrClassDict(c) => format!("dict[str, {c}]"),
        Ret::ValueEnum(e) => e.py_type.clone(),
        Ret::FloatList => "list[float]".into(),
        Ret::MatrixView => "npt.NDArray[np.float32]".into(),
    }
}

/// The Python type PyO3 produces for a plain Rust value.
fn py_plain(ty: &RustType) -> String {
    match ty {
        RustType::Bool => "bool".into(),
        RustType::Int | RustType::UInt => "int".into(),
        RustType::Float => "float".into(),
        RustType::String => "str".into(),
        RustType::ByteVec => "bytes".into(),
        RustType::Vec(e) => format!("list[{}]", py_plain(e)),
        _ => "Any".into(),
    }
}
