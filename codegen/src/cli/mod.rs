//! The `codegen` command line: `generate`, `check`, `dump-ir`, `explain`, `list`.
//! Exit codes: 0 success, 1 stale output (check), 2 errors (diagnostics).

mod check;
pub mod explain;
pub mod summary;
pub mod targets;

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};

use crate::backend::Output;
use crate::diagnostic::Diagnostic;
use crate::pipeline;

/// bindery's generator: C headers + spec → PyO3 crate, stubs and API docs.
#[derive(Parser, Debug)]
#[command(name = "codegen", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Generate a target's crate, stubs and docs (all bundled targets when none is named).
    Generate {
        /// Target name (see `list`) or path to a spec.toml.
        target: Option<String>,
        /// Output directory (default: the target's `generated/` directory).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Root of an installed SDK for specs with `[c.sdk]` (e.g.
        /// /opt/nvidia/deepstream/deepstream); default: the bundled headers.
        #[arg(long)]
        sdk: Option<PathBuf>,
        /// List every skipped item and field with its reason (the summary line counts them).
        #[arg(short, long)]
        verbose: bool,
    },
    /// Exit 1 with a diff when committed generated output or a golden case is stale.
    Check {
        /// Target name or spec path (default: every bundled target and golden case).
        target: Option<String>,
    },
    /// Print the IR as JSON, optionally after a given pass.
    DumpIr {
        /// Target name or spec path.
        target: String,
        /// Stop after this pass (expose, enums, records, exporters, functions, names).
        #[arg(long)]
        after: Option<String>,
    },
    /// Say what was decided for one header item: bound as what, or skipped and why.
    Explain {
        /// Target name or spec path.
        target: String,
        /// C name (or Python name) of a struct, `Struct.field`, enum, enum member, function or macro.
        item: String,
    },
    /// List the bundled targets and golden cases.
    List,
}

/// Writes to stdout; a closed pipe (`codegen list | head`) ends output quietly instead of panicking.
pub fn emit(text: &str) {
    use std::io::Write;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}

/// Runs the CLI.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Generate { target, out, sdk, verbose } => {
            if let Some(root) = sdk {
                // SAFETY: set once at start-up, before any other thread exists.
                unsafe { std::env::set_var(crate::spec::SDK_OVERRIDE_ENV, root) };
            }
            generate(target, out, verbose)
        }
        Command::Check { target } => check::run(target),
        Command::DumpIr { target, after } => dump_ir(&target, after.as_deref()),
        Command::Explain { target, item } => explain::run(&target, &item),
        Command::List => list(),
    };
    match result {
        Ok(code) => code,
        Err(diagnostics) => {
            for d in &diagnostics {
                eprint!("{}", d.render());
            }
            eprintln!("codegen: {} error(s)", diagnostics.len());
            ExitCode::from(2)
        }
    }
}

fn generate(target: Option<String>, out: Option<PathBuf>, verbose: bool) -> Result<ExitCode, Vec<Diagnostic>> {
    let chosen = match target {
        Some(t) => vec![targets::resolve(&t)?],
        None => targets::bundled(),
    };
    for t in chosen {
        let started = Instant::now();
        let out_dir = out.clone().unwrap_or(t.out_dir.clone());
        let rendered = pipeline::render_with_ir(&t.spec, &out_dir)?;
        let written = write_outputs(&out_dir, &rendered.outputs)?;
        eprintln!("codegen: {} → {} ({} files, {} changed) in {:.2} s", t.name, out_dir.display(), rendered.outputs.len(), written, started.elapsed().as_secs_f64());
        if let Some(module) = &rendered.module {
            eprintln!("codegen: {}", summary::line(module));
            if verbose {
                eprint!("{}", summary::details(module));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes files whose contents changed; returns how many were written.
pub fn write_outputs(out_dir: &std::path::Path, outputs: &[Output]) -> Result<usize, Vec<Diagnostic>> {
    let mut written = 0;
    for o in outputs {
        let path = out_dir.join(&o.path);
        if std::fs::read_to_string(&path).ok().as_deref() == Some(o.contents.as_str()) {
            continue;
        }
        let io = |e: std::io::Error| vec![Diagnostic::new(crate::diagnostic::Kind::Io, format!("cannot write {}: {e}", path.display()))];
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io)?;
        }
        std::fs::write(&path, &o.contents).map_err(io)?;
        written += 1;
    }
    Ok(written)
}

fn dump_ir(target: &str, after: Option<&str>) -> Result<ExitCode, Vec<Diagnostic>> {
    if let Some(a) = after {
        if !crate::passes::PASSES.contains(&a) {
            return Err(vec![Diagnostic::new(crate::diagnostic::Kind::SpecInvalid, format!("unknown pass `{a}`"))
                .hint(format!("passes: {}", crate::passes::PASSES.join(", ")))]);
        }
    }
    let t = targets::resolve(target)?;
    if crate::spec::is_rust_spec(&t.spec) {
        println!("{}", crate::backend::pyo3_rust::dump(&t.spec)?);
        return Ok(ExitCode::SUCCESS);
    }
    let (_, module) = pipeline::build_ir(&t.spec, after)?;
    emit(&format!("{}\n", serde_json::to_string_pretty(&module).unwrap_or_default()));
    Ok(ExitCode::SUCCESS)
}

fn list() -> Result<ExitCode, Vec<Diagnostic>> {
    for t in targets::bundled() {
        emit(&format!("target  {:<12} {} → {}\n", t.name, t.spec.display(), t.out_dir.display()));
    }
    for c in targets::golden_cases() {
        emit(&format!("golden  {:<12} {} → {}\n", c.name, c.spec.display(), c.out_dir.display()));
    }
    Ok(ExitCode::SUCCESS)
}
