//! `[function.NAME] params = [...]`: the C parameter names a header omits
//! (`void f(int);` names it `arg0`) or mistypes, replaced before any other
//! key of the table looks a parameter up by name.

use crate::diagnostic::{Diagnostic, Kind};
use crate::ir::Function;
use crate::spec::{FunctionSpec, LoadedSpec};

/// Renames `f`'s parameters as the spec lists them; an error when the count differs.
pub fn apply(spec: &LoadedSpec, f: &mut Function, fs: &FunctionSpec) -> Option<Diagnostic> {
    let names = fs.params.as_ref()?;
    let (given, have) = (names.get_ref().len(), f.params.len());
    if given != have {
        let header: Vec<&str> = f.params.iter().map(|p| p.name.as_str()).collect();
        let message = format!("`params` lists {given} name(s) but {} has {have} parameter(s)", f.name);
        return Some(
            spec.error(Kind::SpecInvalid, names.span(), message)
                .hint(format!("one name per C parameter, in order (the header's: {})", header.join(", "))),
        );
    }
    for (p, name) in f.params.iter_mut().zip(names.get_ref()) {
        p.name.clone_from(name);
    }
    None
}
