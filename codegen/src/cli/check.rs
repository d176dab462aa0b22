//! `codegen check`: regenerate in memory and compare with what is committed
//! (targets' `generated/`, golden cases' `expected/`); print a unified diff
//! per stale file (and name committed files generation no longer produces)
//! and exit 1. `BLESS=1` rewrites golden cases instead
//! (bundled targets are still only compared: regenerate them with `generate`).

use std::process::ExitCode;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use similar::TextDiff;

use super::targets::{self, Target};
use crate::backend::Output;
use crate::diagnostic::Diagnostic;
use crate::pipeline;

/// Runs the check over one target or everything.
pub fn run(target: Option<String>) -> Result<ExitCode, Vec<Diagnostic>> {
    let chosen: Vec<Target> = match target {
        Some(t) => vec![targets::resolve(&t)?],
        None => targets::bundled().into_iter().chain(targets::golden_cases()).collect(),
    };
    let bless = std::env::var("BLESS").is_ok_and(|v| v == "1");
    let golden: Vec<_> = targets::golden_cases().into_iter().map(|g| g.spec).collect();
    let mut stale = 0;
    for (t, outputs) in chosen.iter().zip(render_each(&chosen)) {
        let outputs = outputs?;
        // BLESS rewrites golden cases only; targets are regenerated with `codegen generate`.
        if bless && golden.contains(&t.spec) {
            super::write_outputs(&t.out_dir, &outputs)?;
            super::orphans::delete(&t.out_dir, &outputs).map_err(|e| {
                vec![Diagnostic::new(crate::diagnostic::Kind::Io, format!("cannot delete in {}: {e}", t.out_dir.display()))]
            })?;
            continue;
        }
        stale += report_orphans(&t.out_dir, &outputs);
        for o in &outputs {
            let path = t.out_dir.join(&o.path);
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            if committed != o.contents {
                stale += 1;
                let shown = path.strip_prefix(targets::root()).unwrap_or(&path).display();
                let (old, new) = (format!("a/{shown}"), format!("b/{shown}"));
                super::emit(&TextDiff::from_lines(&committed, &o.contents).unified_diff().context_radius(3).header(&old, &new).to_string());
            }
        }
    }
    if stale > 0 {
        eprintln!("codegen check: {stale} stale file(s); run `codegen generate` (targets) or `BLESS=1 codegen check` (golden cases)");
        return Ok(ExitCode::from(1));
    }
    eprintln!("codegen check: {} target(s) and golden case(s) up to date", chosen.len());
    Ok(ExitCode::SUCCESS)
}

/// One target's files, or why it could not be rendered.
type RenderResult = Result<Vec<Output>, Vec<Diagnostic>>;

/// Every target rendered, in order, by as many threads as there are cores
/// (a render runs bindgen beside the frontend, but spec loading, pkg-config,
/// the passes and the templates are one thread's work, and most golden
/// cases are little else). A target's warnings may print among another's.
fn render_each(chosen: &[Target]) -> Vec<RenderResult> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, chosen.len().max(1));
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<RenderResult>>> = chosen.iter().map(|_| Mutex::new(None)).collect();
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(t) = chosen.get(i) else { break };
                    *slots[i].lock().unwrap_or_else(|p| p.into_inner()) = Some(pipeline::render(&t.spec, &t.out_dir));
                }
            });
        }
    });
    let unrendered = || Err(vec![Diagnostic::new(crate::diagnostic::Kind::Io, "internal error: a target was not rendered")]);
    slots.into_iter().map(|s| s.into_inner().unwrap_or_else(|p| p.into_inner()).unwrap_or_else(unrendered)).collect()
}

/// Prints each committed file generation no longer produces; returns how many.
fn report_orphans(out_dir: &std::path::Path, outputs: &[crate::backend::Output]) -> usize {
    let orphans = super::orphans::find(out_dir, outputs);
    for path in &orphans {
        let full = out_dir.join(path);
        let shown = full.strip_prefix(targets::root()).unwrap_or(&full).display().to_string();
        super::emit(&format!("{shown}: committed but no longer generated (delete it)\n"));
    }
    orphans.len()
}
