//! Passes: every decision about the Python surface is made here, never in a
//! template. They run in order on the frontend's IR with the spec:
//! [`expose`] (which items), [`enums`] (enum overrides), [`records`] (struct overrides and field kinds via
//! [`field_kind`]), [`owned_strings`] (owned strings reachable from each
//! struct), [`exporters`] (numpy and bulk methods), [`counted_arrays`]
//! (struct pointers with a count field), [`setters`] (multi-field set methods), [`buffer_metas`] (GstMeta
//! look-up methods), [`functions`]
//! (conversions, ownership, status codes), [`list_edits`] (functions that
//! free list nodes), [`results`] (each function's result conversion), [`param_names`] (Python keyword names of parameters),
//! [`aliases`] (further names of generated callables and fields),
//! [`allocators`] (structs allocated for C to free, with copy/release functions),
//! [`field_setters`] (functions assigning a field of their argument; `[callbacks]` functions),
//! [`spec_checks`] (spec options the decided IR cannot honour) and
//! [`names`] (duplicate Python names). Items left out are recorded with a
//! reason ([`skipped`]).
//!
//! The Rust path has its own list, [`RUST_PASSES`] ([`rust_plan`], with
//! conversions from [`rust_conv`]): it fills in the plan of an annotated
//! crate. Passes read the spec and the IR and write the IR; they must not
//! call a backend or the pipeline.

pub mod aliases;
pub mod allocators;
pub mod buffer_metas;
pub mod counted_arrays;
pub mod enums;
pub mod exporters;
pub mod expose;
pub mod field_kind;
pub mod field_setters;
pub mod functions;
pub mod list_edits;
pub mod names;
pub mod owned_strings;
pub mod param_names;
pub mod pointer_spans;
pub mod records;
pub mod results;
pub mod runtime_features;
pub mod rust_conv;
pub mod rust_errors;
pub mod rust_plan;
pub mod setters;
pub mod skipped;
pub mod spec_checks;
pub mod std_fields;

use crate::diagnostic::{Diagnostic, Result};
use crate::ir::{Module, RustModule};
use crate::spec::{LoadedRustSpec, LoadedSpec};

/// Names of the C path's passes, in order (for `dump-ir --after`).
pub const PASSES: &[&str] = &[
    "expose",
    "enums",
    "records",
    "owned_strings",
    "exporters",
    "counted_arrays",
    "pointer_spans",
    "setters",
    "buffer_metas",
    "functions",
    "list_edits",
    "results",
    "param_names",
    "aliases",
    "allocators",
    "field_setters",
    "spec_checks",
    "names",
];

/// Runs the passes up to and including `until` (all when None). Warnings
/// the passes report are kept in [`Module::warnings`]; any error fails.
pub fn run(spec: &LoadedSpec, mut module: Module, until: Option<&str>) -> Result<Module> {
    let mut errors = vec![];
    for pass in PASSES {
        let found = match *pass {
            "expose" => expose::run(spec, &mut module),
            "enums" => enums::run(spec, &mut module),
            "records" => records::run(spec, &mut module),
            "owned_strings" => {
                owned_strings::run(&mut module);
                vec![]
            }
            "exporters" => exporters::run(spec, &mut module),
            "counted_arrays" => counted_arrays::run(spec, &mut module),
            "pointer_spans" => pointer_spans::run(spec, &mut module),
            "setters" => setters::run(spec, &mut module),
            "buffer_metas" => buffer_metas::run(spec, &mut module),
            "functions" => functions::run(spec, &mut module),
            "list_edits" => list_edits::run(spec, &mut module),
            "results" => {
                results::run(&mut module);
                vec![]
            }
            "param_names" => param_names::run(spec, &mut module),
            "aliases" => aliases::run(spec, &mut module),
            "allocators" => allocators::run(spec, &mut module),
            "field_setters" => field_setters::run(spec, &mut module),
            "spec_checks" => spec_checks::run(spec, &module),
            _ => names::run(spec, &module),
        };
        errors.extend(found);
        if until == Some(*pass) {
            break;
        }
    }
    let (warnings, errors): (Vec<_>, Vec<_>) = errors.into_iter().partition(Diagnostic::is_warning);
    module.warnings = warnings;
    if errors.is_empty() { Ok(module) } else { Err(errors) }
}

/// Names of the Rust path's passes, in order (for `dump-ir --after`).
pub const RUST_PASSES: &[&str] = &["classes", "enums", "functions", "spec_names", "python_modules", "submodules"];

/// Runs the Rust path's passes up to and including `until` (all when None);
/// every problem of the passes that ran is returned together.
pub fn run_rust(spec: &LoadedRustSpec, mut module: RustModule, until: Option<&str>) -> Result<RustModule> {
    let mut errors = vec![];
    for pass in RUST_PASSES {
        let found = match *pass {
            "classes" => rust_plan::classes(spec, &mut module),
            "enums" => rust_plan::enums(spec, &mut module),
            "functions" => rust_plan::functions(spec, &mut module),
            "spec_names" => rust_plan::spec_names(spec, &module),
            "python_modules" => rust_plan::python_modules(spec, &module),
            _ => rust_plan::submodules(spec, &module),
        };
        errors.extend(found);
        if until == Some(*pass) {
            break;
        }
    }
    if errors.is_empty() { Ok(module) } else { Err(errors) }
}

/// A bound GLib list node record (handled by the runtime, never a class).
pub fn is_glist(name: &str) -> bool {
    name == "GList" || name == "_GList"
}
