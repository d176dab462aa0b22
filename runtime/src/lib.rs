//! bindery-runtime: the hand-written, unit-tested support code that every
//! bindery-generated PyO3 module calls.
//!
//! Generated code stays small and declarative because the safety-critical
//! logic lives here: liveness tokens and views ([`token`], [`view`]), the
//! generated classes' shared half and field-access macros ([`record`]), raw
//! getset descriptors serving their scalar fields ([`getset`]) and a raw
//! `cast` method for their capsule case ([`raw_cast`]), integer
//! range checks ([`ints`]), char-array and C-string conversion ([`strings`],
//! with the reused `str`s of short `char[N]` reads in [`str_cache`]),
//! deep copy and free of structs owning strings ([`owned`]), raw pointer and
//! capsule handling ([`pointer`]) with a cannot-fault readability probe for
//! raw addresses ([`probe`]), GLib list walking ([`glist`]), the generated
//! `GList` class ([`list_class`]) and list epochs ([`epoch`]), zero-copy numpy export ([`numpy_export`]) served by
//! raw method descriptors ([`raw_methods`]), callback
//! trampolines ([`callback`]), GObject/GStreamer interop ([`gobject`]:
//! PyGObject arguments with GType checks, tokens of a buffer's metas), and the parameter conversions of module
//! functions: view arguments, the any-view dispatcher, result conversions
//! and the `unsafe` of C calls ([`call`]), raw-pointer arguments ([`args`]), Python callables for
//! function-pointer arguments ([`callable`]), byte buffers ([`buffers`]) and
//! out-parameter results ([`out`]), C++ std:: members copied through a
//! generated shim ([`cxx`]), plus a registry of memory spans whose size
//! is known, for integer-address helper APIs ([`allocations`]), the
//! raw-memory helpers over it ([`raw_memory`]), and blocks allocated for C
//! to free, with the copy and release functions C calls ([`c_owned`]). This
//! crate must not know about any particular
//! C library: everything target-specific arrives as parameters. The one
//! exception is GObject/GStreamer, whose public API [`gobject`] finds at run
//! time in the copies the process has loaded (it links neither).

pub mod address_book;
pub mod allocations;
pub mod args;
pub mod buffers;
pub mod c_owned;
pub mod call;
pub mod callable;
pub mod callback;
pub mod counted;
pub mod cxx;
pub mod enums;
pub mod epoch;
pub mod errors;
pub mod getset;
pub mod glist;
pub mod glue;
pub mod gobject;
pub mod ints;
pub mod layout;
pub mod list_class;
pub mod numpy_export;
pub mod out;
pub mod owned;
pub mod pointer;
pub mod probe;
pub mod raw_cast;
pub mod raw_memory;
pub mod raw_methods;
pub mod record;
pub mod str_cache;
pub mod strings;
pub mod token;
pub mod view;

pub use token::Token;

use pyo3::prelude::*;
use pyo3::types::PyDict;

/// Sets attributes of a freshly constructed object from keyword arguments;
/// a keyword that is not a settable attribute raises `TypeError`.
pub fn init_fields(obj: &Bound<'_, PyAny>, fields: Option<&Bound<'_, PyDict>>, settable: &[&str], type_name: &str) -> PyResult<()> {
    let Some(fields) = fields else { return Ok(()) };
    for (key, value) in fields.iter() {
        let name: String = key.extract()?;
        if !settable.contains(&name.as_str()) {
            return Err(pyo3::exceptions::PyTypeError::new_err(format!("{type_name}() got an unexpected keyword argument '{name}'")));
        }
        obj.setattr(name.as_str(), value)?;
    }
    Ok(())
}

/// Sets several attributes through their own (checked) setters, in order: a
/// multi-field set method (`[struct.NAME.setters.METHOD]`). When one value
/// is refused, the attributes already set get their previous values back and
/// the error is raised, so the struct is left as it was.
pub fn set_fields(obj: &Bound<'_, PyAny>, values: &[(&str, &Bound<'_, PyAny>)]) -> PyResult<()> {
    let previous = values.iter().map(|(name, _)| obj.getattr(*name)).collect::<PyResult<Vec<_>>>()?;
    for (i, (name, value)) in values.iter().enumerate() {
        if let Err(e) = obj.setattr(*name, value) {
            for ((done, _), old) in values[..i].iter().zip(&previous) {
                obj.setattr(*done, old)?;
            }
            return Err(e);
        }
    }
    Ok(())
}

/// Sets the attribute at `path` (`["base_meta", "copy_func"]`) of `obj`
/// seen as `class`: `obj` itself when it is an instance, else
/// `class.cast(obj)` (a capsule or address; its errors are raised). The
/// field's own setter does the checking: a `[field_setter.NAME]` function.
pub fn assign_path(
    class: &Bound<'_, pyo3::types::PyType>,
    obj: &Bound<'_, PyAny>,
    path: &[&str],
    value: &Bound<'_, PyAny>,
) -> PyResult<()> {
    let mut target = if obj.is_instance(class)? { obj.clone() } else { class.call_method1("cast", (obj,))? };
    let Some((last, through)) = path.split_last() else {
        return Err(pyo3::exceptions::PyValueError::new_err("assign_path: empty attribute path"));
    };
    for name in through {
        target = target.getattr(*name)?;
    }
    target.setattr(*last, value)
}

/// Moves a value across `Python::detach` (GIL released) when it holds raw
/// pointers: the generated call site guarantees the pointed-to memory stays
/// valid for the call, which is all the C function needs.
#[derive(Debug)]
pub struct AssertSend<T>(pub T);

// SAFETY: see the type's documentation; the value is only moved, not shared.
unsafe impl<T> Send for AssertSend<T> {}

impl<T> AssertSend<T> {
    /// Unwraps the value (a method, so closures capture the whole wrapper).
    pub fn into_inner(self) -> T {
        self.0
    }
}
pub use record::Record;
pub use view::{Allocator, Handover, Origin, Target, View};

/// Re-exported so generated crates use exactly the pyo3 this runtime was built with.
pub use numpy;
/// Re-exported so generated crates use exactly the pyo3 this runtime was built with.
pub use pyo3;
