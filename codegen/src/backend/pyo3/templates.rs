//! The minijinja environment: templates embedded from `templates/pyo3/`,
//! strict undefined, and the `rs` filter that prints a Rust string literal.

use minijinja::{Environment, UndefinedBehavior, Value};

use crate::diagnostic::{Diagnostic, Kind, Result};

/// (template name, output path) of every rendered file.
pub const FILES: &[(&str, &str)] = &[
    ("Cargo.toml.j2", "Cargo.toml"),
    ("pyproject.toml.j2", "pyproject.toml"),
    ("build.rs.j2", "build.rs"),
    ("lib.rs.j2", "src/lib.rs"),
    ("records.rs.j2", "src/records.rs"),
    ("enums.rs.j2", "src/enums.rs"),
    ("functions.rs.j2", "src/functions.rs"),
    ("lists.rs.j2", "src/lists.rs"),
    ("callbacks.rs.j2", "src/callbacks.rs"),
];

/// The templates of [`FILES`] that build the C shim of `static` functions
/// when bindgen writes one: rendered last, once bindgen is done.
pub const BUILD_FILES: &[&str] = &["Cargo.toml.j2", "build.rs.j2"];

macro_rules! embedded {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../../../../templates/pyo3/", $name)))),*]
    };
}

const SOURCES: &[(&str, &str)] = embedded!(
    "macros.j2",
    "Cargo.toml.j2",
    "pyproject.toml.j2",
    "build.rs.j2",
    "lib.rs.j2",
    "records.rs.j2",
    "enums.rs.j2",
    "functions.rs.j2",
    "lists.rs.j2",
    "callbacks.rs.j2",
    "allocators.rs.j2",
    "cxx_shim.cpp.j2",
    "runtime_features.rs.j2",
);

/// The environment with every template loaded.
pub fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.add_filter("rs", |s: String| format!("{s:?}"));
    env.add_filter("doc", doc_attributes);
    env.add_function("raise", raise);
    for (name, source) in SOURCES {
        if let Err(e) = env.add_template(name, source) {
            // Templates are embedded at build time; a broken one is a bug the tests catch.
            eprintln!("internal error: template {name}: {e}");
        }
    }
    env
}

/// `raise("…")`: the last branch of every template dispatch, so a variant
/// the template does not know fails the render instead of printing nothing.
fn raise(message: String) -> std::result::Result<String, minijinja::Error> {
    Err(minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, message))
}

/// One `#[doc = " line"]` attribute per line (prettyplease prints them as `///` lines).
fn doc_attributes(text: String) -> String {
    text.lines().map(|line| format!("#[doc = {:?}]\n", format!(" {line}").trim_end())).collect()
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
