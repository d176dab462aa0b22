//! The `codegen` command line: `generate`, `build`, `check`, `dump-ir`, `explain`, `list`.
//! Exit codes: 0 success, 1 stale output (check), 2 errors (diagnostics).

mod build;
mod check;
pub mod explain;
mod orphans;
pub mod summary;
pub mod targets;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};

use crate::backend::Output;
use crate::backend::pyo3::runtime_dep::{self, RuntimeSource};
use crate::diagnostic::{Diagnostic, Kind};
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
        /// /opt/nvidia/deepstream/deepstream; relative to the current
        /// directory); default: `[c.sdk].env`'s variable, else the bundled headers.
        #[arg(long)]
        sdk: Option<PathBuf>,
        /// List every skipped item and field with its reason (the summary line counts them).
        #[arg(short, long)]
        verbose: bool,
        /// Where the crate gets bindery-runtime: `workspace` (this checkout's
        /// runtime/), `vendored` (a copy in the output: the crate builds
        /// anywhere) or `path:DIR`. Default: `workspace` for members of this
        /// workspace, `vendored` elsewhere.
        #[arg(long, value_name = "MODE")]
        runtime: Option<RuntimeSource>,
    },
    /// Generate a target's crate, then build a wheel of it with `maturin build --release`.
    Build {
        /// Target name (see `list`) or path to a spec.toml.
        target: String,
        /// Directory for the wheel (default: maturin's, `target/wheels` of the crate's workspace).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Where to generate the crate (default: the target's `generated/` directory).
        #[arg(long)]
        crate_dir: Option<PathBuf>,
        /// Root of an installed SDK for specs with `[c.sdk]`, as for `generate`.
        #[arg(long)]
        sdk: Option<PathBuf>,
        /// Where the crate gets bindery-runtime, as for `generate`.
        #[arg(long, value_name = "MODE")]
        runtime: Option<RuntimeSource>,
        /// Arguments passed to `maturin build` (after `--`), e.g. `-- --interpreter python3.9`.
        #[arg(last = true)]
        maturin_args: Vec<String>,
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
        /// Stop after this pass of the target's frontend (C or annotated
        /// Rust; an unknown name is an error listing that frontend's passes).
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
        Command::Generate { target, out, sdk, verbose, runtime } => {
            use_sdk(sdk);
            generate(target, out, runtime, verbose)
        }
        Command::Build { target, out, crate_dir, sdk, runtime, maturin_args } => {
            use_sdk(sdk);
            build::run(build::BuildArgs { target, out, crate_dir, runtime, maturin_args })
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

/// `generate`/`build` only: specs with `[c.sdk]` use `--sdk ROOT` (resolved
/// against the current directory), else their `[c.sdk].env` variable.
fn use_sdk(sdk: Option<PathBuf>) {
    crate::spec::sdk::request(sdk);
}

fn generate(
    target: Option<String>,
    out: Option<PathBuf>,
    runtime: Option<RuntimeSource>,
    verbose: bool,
) -> Result<ExitCode, Vec<Diagnostic>> {
    let chosen = match target {
        Some(t) => vec![targets::resolve(&t)?],
        None => targets::bundled(),
    };
    for t in chosen {
        let out_dir = out.clone().unwrap_or(t.out_dir.clone());
        generate_one(&t, &out_dir, runtime.clone(), verbose)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Generates one target into `out_dir` and reports what was written.
/// With `verbose`, every skipped item is listed after the summary line.
pub(crate) fn generate_one(
    t: &targets::Target,
    out_dir: &Path,
    runtime: Option<RuntimeSource>,
    verbose: bool,
) -> Result<(), Vec<Diagnostic>> {
    let started = Instant::now();
    let runtime = runtime_for(t, out_dir, runtime)?;
    let rendered = pipeline::render_with(&t.spec, out_dir, &runtime)?;
    let written = write_outputs(out_dir, &rendered.outputs)?;
    let deleted = orphans::delete(out_dir, &rendered.outputs)
        .map_err(|e| vec![Diagnostic::new(Kind::Io, format!("cannot delete a file no longer generated in {}: {e}", out_dir.display()))])?;
    let deleted = if deleted > 0 { format!(", {deleted} no longer generated deleted") } else { String::new() };
    eprintln!(
        "codegen: {} → {} ({} files, {} changed{deleted}) in {:.2} s",
        t.name,
        out_dir.display(),
        rendered.outputs.len(),
        written,
        started.elapsed().as_secs_f64()
    );
    if let Some(module) = &rendered.module {
        eprintln!("codegen: {}", summary::line(module));
        if verbose {
            eprint!("{}", summary::details(module));
        }
    }
    Ok(())
}

/// The runtime source for one output: the one asked for, else the default.
/// A vendored crate is a workspace of its own, which a member of this
/// workspace cannot be; annotated-Rust specs have no runtime dependency.
fn runtime_for(t: &targets::Target, out_dir: &Path, asked: Option<RuntimeSource>) -> Result<RuntimeSource, Vec<Diagnostic>> {
    if asked.is_some() && crate::spec::is_rust_spec(&t.spec) {
        eprintln!("codegen: {}: --runtime does not apply to a crate generated from annotated Rust (it has no runtime dependency)", t.name);
    }
    let runtime = asked.unwrap_or_else(|| RuntimeSource::default_for(out_dir));
    if runtime == RuntimeSource::Vendored && runtime_dep::is_workspace_member(out_dir) {
        return Err(vec![
            Diagnostic::new(
                Kind::Io,
                format!("{} is a member of bindery's workspace; a vendored crate must be a workspace of its own", out_dir.display()),
            )
            .hint("pass `--out DIR` outside the workspace's member list, or drop `--runtime vendored`"),
        ]);
    }
    Ok(runtime)
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
    let t = targets::resolve(target)?;
    emit(&format!("{}\n", pipeline::dump_ir(&t.spec, after)?));
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
