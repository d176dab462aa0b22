//! The module layer check: every `crate::…` path in `codegen/src` (and every
//! `super::…` chain that climbs to the crate root) may name only a module of
//! the same or a lower layer. The order, lowest first, is [`LAYERS`]; it is
//! the dependency order `docs/architecture.md` shows. A back-edge (a pass
//! using a backend, a backend using the pipeline) fails with its file:line.

use std::path::{Path, PathBuf};

use proc_macro2::{Delimiter, TokenStream, TokenTree};

/// Top-level modules of the crate, lowest layer first: a module may use
/// itself and the modules before it, never one after it.
const LAYERS: &[&str] =
    &["diagnostic", "paths", "libclang", "libraries", "parse_cache", "spec", "ir", "frontend", "passes", "backend", "pipeline", "cli"];

/// One use of a top-level module by another.
#[derive(Debug)]
struct Edge {
    from: String,
    to: String,
    file: PathBuf,
    line: usize,
}

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The top-level module a source file belongs to (`None` for the crate roots).
fn top_module(rel: &Path) -> Option<String> {
    let first = rel.components().next()?.as_os_str().to_string_lossy().to_string();
    let name = first.strip_suffix(".rs").unwrap_or(&first).to_string();
    (name != "lib" && name != "main").then_some(name)
}

/// How many `super::` a file's own module needs to reach the crate root
/// (`pipeline.rs`: 1, `backend/docs.rs` and `backend/pyo3/mod.rs`: 2).
fn depth(rel: &Path) -> usize {
    let parts = rel.components().count();
    if rel.file_name().is_some_and(|f| f == "mod.rs") { parts - 1 } else { parts }
}

/// Top-level module names a file's paths reach, with their lines.
fn reached(tokens: TokenStream, depth: usize, out: &mut Vec<(String, usize)>) {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    for (i, tree) in trees.iter().enumerate() {
        if let TokenTree::Group(g) = tree {
            reached(g.stream(), depth, out);
        }
        let TokenTree::Ident(id) = tree else { continue };
        if id == "crate" && is_path_sep(&trees, i + 1) {
            out.extend(first_segments(trees.get(i + 3)));
        } else if id == "super" && (i < 3 || !is_super(&trees, i - 3)) {
            let ups = super_chain(&trees, i);
            if ups >= depth {
                let known = first_segments(trees.get(i + 3 * ups)).into_iter().filter(|(m, _)| LAYERS.contains(&m.as_str()));
                out.extend(known);
            }
        }
    }
}

/// Whether `::` starts at `i`.
fn is_path_sep(trees: &[TokenTree], i: usize) -> bool {
    let colon = |t: Option<&TokenTree>| matches!(t, Some(TokenTree::Punct(p)) if p.as_char() == ':');
    colon(trees.get(i)) && colon(trees.get(i + 1))
}

/// Whether `super ::` is at `i`.
fn is_super(trees: &[TokenTree], i: usize) -> bool {
    matches!(&trees[i], TokenTree::Ident(id) if id == "super") && is_path_sep(trees, i + 1)
}

/// Length of the `super::super::…` chain starting at `i`.
fn super_chain(trees: &[TokenTree], i: usize) -> usize {
    let mut n = 0;
    while i + 3 * n < trees.len() && is_super(trees, i + 3 * n) {
        n += 1;
    }
    n
}

/// The segment after `crate::`: one identifier, or the first identifier of
/// each item of a `{a, b::c}` group.
fn first_segments(tree: Option<&TokenTree>) -> Vec<(String, usize)> {
    match tree {
        Some(TokenTree::Ident(id)) => vec![(id.to_string(), id.span().start().line)],
        Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace => {
            let items: Vec<TokenTree> = g.stream().into_iter().collect();
            let starts = std::iter::once(0).chain(items.iter().enumerate().filter(|(_, t)| is_comma(t)).map(|(i, _)| i + 1));
            starts.filter_map(|i| first_segments(items.get(i)).into_iter().next()).collect()
        }
        _ => vec![],
    }
}

fn is_comma(t: &TokenTree) -> bool {
    matches!(t, TokenTree::Punct(p) if p.as_char() == ',')
}

/// Every cross-module edge of one file (`rel` is relative to `src/`).
fn edges_of(rel: &Path, text: &str) -> Result<Vec<Edge>, String> {
    let Some(from) = top_module(rel) else { return Ok(vec![]) };
    let tokens: TokenStream = text.parse().map_err(|e| format!("{}: does not tokenize: {e:?}", rel.display()))?;
    let mut found = vec![];
    reached(tokens, depth(rel), &mut found);
    let edges = found.into_iter().filter(|(to, _)| to != &from);
    Ok(edges.map(|(to, line)| Edge { from: from.clone(), to, file: rel.to_path_buf(), line }).collect())
}

/// Edges that go up the layer order (or name a module without a layer).
fn back_edges(edges: &[Edge]) -> Vec<String> {
    let rank = |m: &str| LAYERS.iter().position(|l| *l == m);
    let mut out = vec![];
    for e in edges {
        let message = match (rank(&e.from), rank(&e.to)) {
            (Some(f), Some(t)) if t <= f => continue,
            (Some(_), Some(_)) => format!("`{}` uses `{}`, a higher layer", e.from, e.to),
            (None, _) => format!("module `{}` has no layer", e.from),
            (_, None) => format!("`{}` uses `{}`, which has no layer", e.from, e.to),
        };
        out.push(format!("src/{}:{}: {message}", e.file.display(), e.line));
    }
    out
}

fn all_edges() -> Vec<Edge> {
    let root = src_dir();
    let mut edges = vec![];
    for entry in walkdir::WalkDir::new(&root).into_iter().flatten().filter(|e| e.path().extension().is_some_and(|x| x == "rs")) {
        let rel = entry.path().strip_prefix(&root).unwrap_or(entry.path());
        let text = std::fs::read_to_string(entry.path()).unwrap_or_else(|e| panic!("cannot read {}: {e}", entry.path().display()));
        edges.extend(edges_of(rel, &text).unwrap_or_else(|e| panic!("{e}")));
    }
    edges
}

#[test]
fn codegen_modules_only_use_lower_layers() {
    let problems = back_edges(&all_edges());
    assert!(
        problems.is_empty(),
        "module back-edges (layer order, lowest first: {}):\n{}\nhint: move the used code down (into paths, spec, ir or the frontend) or let the caller pass it in; see docs/architecture.md",
        LAYERS.join(" < "),
        problems.join("\n")
    );
}

#[test]
fn every_top_level_module_has_a_layer() {
    let lib = std::fs::read_to_string(src_dir().join("lib.rs")).expect("lib.rs");
    let declared: Vec<&str> = lib.lines().filter_map(|l| l.strip_prefix("pub mod ")?.strip_suffix(';')).collect();
    let mut missing: Vec<&str> = declared.iter().filter(|m| !LAYERS.contains(m)).copied().collect();
    missing.extend(LAYERS.iter().filter(|l| !declared.contains(l)));
    assert!(missing.is_empty(), "lib.rs modules and LAYERS differ: {missing:?} (add a new module to LAYERS in its place)");
}

#[test]
fn a_back_edge_is_reported_with_its_line() {
    let text =
        "//! crate::backend in a comment\nuse crate::ir::Module;\nuse crate::{spec, backend::pyo3};\nconst S: &str = \"crate::cli\";\n";
    let problems = back_edges(&edges_of(Path::new("passes/x.rs"), text).unwrap());
    assert_eq!(problems, vec!["src/passes/x.rs:3: `passes` uses `backend`, a higher layer".to_string()]);
}

#[test]
fn super_chains_that_reach_the_root_count() {
    let text = "use super::super::super::pipeline::absolute;\nuse super::Output;\nmod tests { use super::helper; }\n";
    let problems = back_edges(&edges_of(Path::new("backend/pyo3/paths.rs"), text).unwrap());
    assert_eq!(problems, vec!["src/backend/pyo3/paths.rs:1: `backend` uses `pipeline`, a higher layer".to_string()]);
}
