//! Backend for annotated Rust crates: renders the plan (IR, `ir::rust_plan`,
//! decided by `passes::rust_plan`) into a PyO3 extension crate (one Rust
//! file per Python submodule, each item through its template), its
//! Cargo.toml and pyproject.toml, and copies the hand-written pure-Python package around
//! it. Generated Rust goes through syn + prettyplease like the C path.
//! Must not load a spec, parse the crate or decide anything: the pipeline
//! and the passes did.

mod conv;
mod model;
mod templates;

use std::path::{Path, PathBuf};

use minijinja::context;

use super::Output;
use super::pyo3::runtime_dep::RuntimeSource;
use crate::diagnostic::{Diagnostic, Kind, Result};
use crate::ir::rust_plan::Plan;
use crate::spec::{ErrorsSpec, LoadedRustSpec};

/// Renders every file of the crate from the decided plan (the Rust path's
/// passes made it; the pipeline loaded the spec and ran them); `runtime`
/// says where it gets `bindery-runtime` (its target-agnostic glue).
pub fn render(spec: &LoadedRustSpec, plan: &Plan, out_dir: &Path, runtime: &RuntimeSource) -> Result<Vec<Output>> {
    let r = &spec.spec.rust;
    let native = r.native_module.get_ref().clone();
    let env = templates::environment();
    let paths: conv::Paths = plan
        .classes
        .iter()
        .map(|c| (c.py_name.clone(), &c.module, c.py_name.clone()))
        .chain(plan.enums.iter().map(|e| (e.py_name.clone(), &e.module, e.py_name.clone())))
        .map(|(k, m, n)| (k, format!("crate::{m}::{n}")))
        .collect();
    let spec_file = spec.path.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
    let spec_file = format!("{}/{spec_file}", spec.dir.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default());
    let core_dir = spec.dir.join(r.crate_path.get_ref());
    let glue_dir = spec.dir.join(r.glue_path.get_ref());
    let leaf = native.rsplit('.').next().unwrap_or(&native).to_string();
    let runtime_dep = runtime.dependency(out_dir);
    let ctx = context! {
        spec_file, native, leaf => leaf.clone(), doc => spec.spec.module.doc.clone(), version => spec.spec.module.version.clone(),
        crate_name => format!("{}-bindings", spec.spec.module.name.get_ref()),
        lib_name => leaf.clone(),
        core_crate => r.crate_name.clone(), core_package => package_name(&core_dir)?, core_path => relative(out_dir, &core_dir),
        glue => r.glue_crate.clone(), glue_package => package_name(&glue_dir)?, glue_path => relative(out_dir, &glue_dir),
        distribution => r.distribution.clone().unwrap_or(spec.spec.module.name.get_ref().clone()),
        dependencies => r.dependencies.clone(),
        submodules => r.submodules.iter().map(|s| s.get_ref().clone()).collect::<Vec<_>>(),
        runtime => minijinja::Value::from(minijinja::value::Serde(&runtime_dep)),
        errors => r.errors.as_ref().map(errors_context),
    };
    let mut out = vec![
        Output::new("Cargo.toml", templates::render(&env, "Cargo.toml.j2", &ctx)?),
        Output::new("pyproject.toml", templates::render(&env, "pyproject.toml.j2", &ctx)?),
        Output::new("src/lib.rs", format_rust("src/lib.rs", &templates::render(&env, "lib.rs.j2", &ctx)?)?),
    ];
    for s in &r.submodules {
        let m = s.get_ref();
        let classes: Vec<_> = plan.classes.iter().filter(|c| &c.module == m).map(|c| model::class(c, &ctx_native(&ctx), &paths)).collect();
        let enums: Vec<_> = plan.enums.iter().filter(|e| &e.module == m).map(|e| model::enumeration(e, &ctx_native(&ctx))).collect();
        let functions: Vec<_> = plan.functions.iter().filter(|f| &f.module == m).map(|f| model::function(f, &paths)).collect();
        let mctx = context! {
            module => m,
            classes => minijinja::Value::from(minijinja::value::Serde(&classes)),
            enums => minijinja::Value::from(minijinja::value::Serde(&enums)),
            functions => minijinja::Value::from(minijinja::value::Serde(&functions)),
            ..ctx.clone()
        };
        let path = format!("src/{m}.rs");
        let text = templates::render(&env, "module.rs.j2", &mctx)?;
        out.push(Output::new(path.clone(), format_rust(&path, &text)?));
    }
    if let Some(dir) = &r.python_dir {
        out.extend(copy_python(&spec.dir.join(dir.get_ref()))?);
    }
    out.extend(super::rust_python::render(spec, plan)?);
    if runtime_dep.standalone {
        out.extend(runtime.vendored_files());
    }
    out.push(Output::new("API.md", super::rust_docs::render(spec, plan)));
    out.extend(super::rust_pyi::render(spec, plan));
    Ok(out)
}

/// The `[rust.errors]` table as the `lib.rs` template prints it.
fn errors_context(e: &ErrorsSpec) -> minijinja::Value {
    let exceptions: Vec<(String, String)> = e.exceptions.iter().map(|(k, v)| (k.get_ref().clone(), v.get_ref().clone())).collect();
    context! {
        type => e.error_type.get_ref(), kind => e.kind.get_ref(), kind_type => e.kind_type.get_ref(),
        message => e.message.get_ref(), default => e.default.get_ref(), exceptions,
    }
}

/// Parses and pretty-prints generated Rust (a parse failure is a bindery bug).
fn format_rust(path: &str, text: &str) -> Result<String> {
    match syn::parse_file(text) {
        Ok(file) => Ok(prettyplease::unparse(&file)),
        Err(e) => {
            if std::env::var_os("BINDERY_DUMP_UNPARSED").is_some() {
                let _ = std::fs::write(format!("/tmp/bindery-unparsed-{}", path.replace('/', "_")), text);
            }
            let line = e.span().start().line;
            Err(vec![
                Diagnostic::new(Kind::Io, format!("internal error: generated {path} does not parse (line {line}): {e}"))
                    .hint("this is a bindery bug; set BINDERY_DUMP_UNPARSED=1 to keep the text"),
            ])
        }
    }
}

fn ctx_native(ctx: &minijinja::Value) -> String {
    ctx.get_attr("native").map(|v| v.to_string()).unwrap_or_default()
}

/// The `[package] name` of the crate at `dir`.
fn package_name(dir: &Path) -> Result<String> {
    let manifest = dir.join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest)
        .map_err(|e| vec![Diagnostic::new(Kind::Io, format!("cannot read {}: {e}", manifest.display()))])?;
    let table: toml::Table = text.parse().map_err(|e| vec![Diagnostic::new(Kind::Io, format!("{}: {e}", manifest.display()))])?;
    table
        .get("package")
        .and_then(|p| p.get("name"))
        .and_then(|n| n.as_str())
        .map(str::to_string)
        .ok_or_else(|| vec![Diagnostic::new(Kind::Io, format!("{} has no [package].name", manifest.display()))])
}

/// `to` relative to `from` (both made absolute), `.` when they are the same.
fn relative(from: &Path, to: &Path) -> String {
    let rel = crate::paths::relative(&crate::paths::absolute(from), &crate::paths::absolute(to));
    if rel.is_empty() { ".".into() } else { rel }
}

/// Copies the hand-written package (`.py`, `.pyi`, `py.typed`) under `python/`.
fn copy_python(dir: &Path) -> Result<Vec<Output>> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .map(|e| e.path().to_path_buf())
        .filter(|p| p.is_file() && (p.extension().is_some_and(|e| e == "py" || e == "pyi") || p.ends_with("py.typed")))
        .collect();
    files.sort();
    let mut out = vec![];
    for f in files {
        let rel = f.strip_prefix(dir).unwrap_or(&f);
        let text = std::fs::read_to_string(&f).map_err(|e| vec![Diagnostic::new(Kind::Io, format!("cannot read {}: {e}", f.display()))])?;
        out.push(Output::new(Path::new("python").join(rel), text));
    }
    Ok(out)
}
