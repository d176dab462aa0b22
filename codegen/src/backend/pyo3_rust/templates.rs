//! The minijinja environment of the Rust-crate backend: templates embedded
//! from `templates/pyo3_rust/` (one per item kind), strict undefined, and
//! the `rs` filter that prints a Rust string literal.

use minijinja::{Environment, UndefinedBehavior, Value};

use crate::diagnostic::{Diagnostic, Kind, Result};

macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../../../templates/pyo3_rust/", $name)))),*]
    };
}

const SOURCES: &[(&str, &str)] = embedded!(
    "macros.j2",
    "Cargo.toml.j2",
    "pyproject.toml.j2",
    "lib.rs.j2",
    "module.rs.j2",
    "class.rs.j2",
    "enum.rs.j2",
    "function.rs.j2",
);

/// The environment with every template loaded.
pub fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.add_filter("rs", |s: String| format!("{s:?}"));
    for (name, source) in SOURCES {
        if let Err(e) = env.add_template(name, source) {
            eprintln!("internal error: template {name}: {e}");
        }
    }
    env
}

/// Renders one template.
pub fn render(env: &Environment<'static>, name: &str, ctx: &Value) -> Result<String> {
    env.get_template(name).and_then(|t| t.render(ctx)).map_err(|e| {
        vec![
            Diagnostic::new(Kind::Io, format!("internal error rendering {name}: {e:#}"))
                .hint("this is a bindery bug; please report it with the spec"),
        ]
    })
}
