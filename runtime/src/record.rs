//! The shared half of every generated struct class: the [`Record`] trait a
//! class implements (with [`record!`](crate::record!)), the generic bodies of
//! its constructor, `cast` and `repr`, and the field-access macros its
//! getters and setters expand.
//!
//! A generated class is a `#[pyclass]` struct holding a [`View`] of its C
//! struct, one `rt::record!` line, and a `#[pymethods]` block whose methods
//! are one-line calls into this module. Every raw-pointer access of a field
//! is one of the macros below: each takes the class object, gets the struct
//! pointer from [`Record::ptr`] (which refuses, with `ReferenceError`, once
//! the memory is gone) and names the field by its path, so the compiler
//! checks the field exists and has the type the runtime call expects. That is
//! what the `SAFETY` line inside each macro relies on; the generated code
//! itself holds no `unsafe`.
//!
//! Like every view access, the macros run with the GIL held (a `&self` of a
//! pyclass or a `Bound` proves it) and read or write the C memory in place:
//! the memory model's one documented limit stands, C code writing the same
//! struct at the same moment on another thread is not synchronised with.

use pyo3::PyClass;
use pyo3::prelude::*;
use pyo3::pyclass::boolean_struct::True;
use pyo3::pyclass_init::PyClassInitializer;

use crate::owned::{OwnedPointer, OwnedString};
use crate::pointer::IntAddresses;
use crate::view::{Allocator, View};

/// A generated class over C struct [`Record::C`]: its name and memory
/// tables, and the [`View`] it holds. Implemented by [`record!`](crate::record!).
pub trait Record: PyClass<Frozen = True> + Sync + Sized + Into<PyClassInitializer<Self>> {
    /// The C struct (the bindgen type in the generated `ffi`).
    type C;
    /// Python class name, for messages.
    const TYPE: &'static str;
    /// Owned `char*` strings inside the struct (through nested structs and
    /// struct arrays): copied with it on assignment, freed with it when Python owns it.
    const OWNED_STRINGS: &'static [OwnedString];
    /// Pointer fields the struct owns (through nested structs and struct
    /// arrays): assigning the struct refuses while one is set.
    const OWNED_POINTERS: &'static [OwnedPointer];
    /// Allocator of structs constructed from Python (`[c].allocator`).
    const ALLOCATOR: Allocator;

    /// Wraps a view of the C struct.
    fn wrap(view: View<Self::C>) -> Self;

    /// The view this object holds.
    fn view(&self) -> &View<Self::C>;

    /// The struct pointer, or `ReferenceError` once its memory is gone.
    #[inline(always)]
    fn ptr(&self) -> PyResult<*mut Self::C> {
        self.view().ptr(Self::TYPE)
    }
}

/// `__new__` of a constructible class: a zeroed struct this object owns.
#[inline]
pub fn new_owned<R: Record>() -> PyResult<R> {
    Ok(R::wrap(View::owned(crate::view::alloc_zeroed(R::ALLOCATOR)?, free_owned::<R>)))
}

/// Frees a struct allocated by [`new_owned`], with the strings it owns.
///
/// # Safety
/// `p` came from [`new_owned`] and is freed exactly once (the view's drop or
/// `take_ownership` guarantees both).
unsafe fn free_owned<R: Record>(p: *mut R::C) {
    // SAFETY: `p` is a live struct of `R` from `R::ALLOCATOR`, freed this once
    // (the function's contract); its owned strings are at `R::OWNED_STRINGS`.
    unsafe {
        crate::owned::free_strings(p, R::OWNED_STRINGS);
        (R::ALLOCATOR.free)(p.cast())
    }
}

/// `cast` of a class: another view of the class (sharing its liveness), or
/// the struct behind a capsule or an `int` address (see
/// [`crate::pointer::cast_view`]).
pub fn cast<R: Record>(address: &Bound<'_, PyAny>, ints: IntAddresses) -> PyResult<R> {
    if address.is_exact_instance_of::<pyo3::types::PyCapsule>() {
        // The common case first (a list node's `.data`): no class check needed.
        return Ok(R::wrap(crate::pointer::cast_view(address, R::TYPE, ints)?));
    }
    if let Ok(same) = address.cast::<R>() {
        let view = same.get().view();
        return Ok(R::wrap(view.field(address, view.ptr(R::TYPE)?)?));
    }
    Ok(R::wrap(crate::pointer::cast_view(address, R::TYPE, ints)?))
}

/// `__repr__` of a class: its name and address.
pub fn repr<R: Record>(record: &R) -> String {
    format!("<{} at {:#x}>", R::TYPE, record.view().address())
}

/// The `[T; N]` a numeric-array setter stores, from the values Python gave:
/// `ValueError` unless there are exactly `N`.
pub fn exactly<T, const N: usize>(values: Vec<T>, what: &str) -> PyResult<[T; N]> {
    let len = values.len();
    values.try_into().map_err(|_| pyo3::exceptions::PyValueError::new_err(format!("{what}: expected {N} values, got {len}")))
}

/// A `[F; N]` field seen as `[T; N]`, for a numeric array over elements of
/// the same size (e.g. `gpointer reserved[4]` exported as `u64`): the layout
/// check is at compile time. Only the pointer changes; nothing is read.
#[inline(always)]
pub fn retyped<F, T, const N: usize>(array: *mut [F; N]) -> *mut [T; N] {
    const { assert!(std::mem::size_of::<F>() == std::mem::size_of::<T>() && std::mem::align_of::<F>() >= std::mem::align_of::<T>()) };
    array.cast()
}

/// Implements [`Record`] for a generated class
/// (`pub struct Class { pub(crate) view: View<ffi::C> }`):
/// `record!(Class, ffi::C, "PyName", ALLOCATOR)`, followed by
/// `, strings = [..]` and `, pointers = [..]` when the struct owns any.
#[macro_export]
macro_rules! record {
    ($class:ident, $c:ty, $py:literal, $alloc:expr $(, strings = [$($s:expr),* $(,)?])? $(, pointers = [$($p:expr),* $(,)?])? $(,)?) => {
        impl $crate::record::Record for $class {
            type C = $c;
            const TYPE: &'static str = $py;
            const OWNED_STRINGS: &'static [$crate::owned::OwnedString] = &[$($($s),*)?];
            const OWNED_POINTERS: &'static [$crate::owned::OwnedPointer] = &[$($($p),*)?];
            const ALLOCATOR: $crate::view::Allocator = $alloc;

            #[inline(always)]
            fn wrap(view: $crate::view::View<$c>) -> Self {
                Self { view }
            }

            #[inline(always)]
            fn view(&self) -> &$crate::view::View<$c> {
                &self.view
            }
        }
    };
}

/// The value of a field (`field_get!(record, a.b)`): the struct pointer is
/// checked first (`?` returns `ReferenceError` once the memory is gone).
/// `field_get!(record as ffi::T, a.b)` reads the struct as the `T` the spec
/// says it is (a callback key read through its argument's type).
#[macro_export]
macro_rules! field_get {
    ($record:expr, $($field:ident).+) => {{
        let p = $crate::record::Record::ptr($record)?;
        // SAFETY: `ptr` returned `p` only because the struct is alive; the
        // field is a place of that struct, copied out by value.
        unsafe { (*p).$($field).+ }
    }};
    ($record:expr => $as:ty, $($field:ident).+) => {{
        let p = $crate::record::Record::ptr($record)?.cast::<$as>();
        // SAFETY: the struct is alive (`ptr`), and the spec declares it is a
        // `$as` (a callback key with `cast`); the field is copied out.
        unsafe { (*p).$($field).+ }
    }};
}

/// The values of several fields through one liveness check
/// (`fields_get!(record, data, height, width)` is the tuple `(data, height,
/// width)`): what a numpy exporter reads (its data pointer and the fields
/// giving its shape) in one snapshot, `ReferenceError` once the memory is
/// gone. One field gives a one-element tuple.
#[macro_export]
macro_rules! fields_get {
    ($record:expr, $($($field:ident).+),+ $(,)?) => {{
        let p = $crate::record::Record::ptr($record)?;
        // SAFETY: `ptr` returned `p` only because the struct is alive; every
        // field is a place of that struct, copied out by value, one after the
        // other with nothing run in between.
        unsafe { ($((*p).$($field).+,)+) }
    }};
}

/// Stores a value in a field (`field_set!(record, a.b = value)`): `value`
/// is evaluated (and its conversion errors raised) before the struct pointer
/// is checked.
#[macro_export]
macro_rules! field_set {
    ($record:expr, $($field:ident).+ = $value:expr) => {{
        let value = $value;
        let p = $crate::record::Record::ptr($record)?;
        // SAFETY: `ptr` returned `p` only because the struct is alive; the
        // assignment type-checks `value` against the field.
        unsafe { (*p).$($field).+ = value };
    }};
}

/// Stores a `[T; N]` in a numeric-array field of `N` elements of `T`'s size
/// (`field_set_array!(record, a.b = values)`; `values` is evaluated first).
#[macro_export]
macro_rules! field_set_array {
    ($record:expr, $($field:ident).+ = $values:expr) => {{
        let values = $values;
        let p = $crate::record::Record::ptr($record)?;
        // SAFETY: `ptr` returned `p` only because the struct is alive; only
        // the field's address is taken.
        let field = unsafe { &raw mut (*p).$($field).+ };
        // SAFETY: `retyped` checked the field is `N` elements of the values'
        // size and alignment, inside the live struct.
        unsafe { $crate::record::retyped(field).write(values) };
    }};
}

/// The address of a field inside the live struct (`*mut` of its type).
#[macro_export]
macro_rules! field_ptr {
    ($record:expr, $($field:ident).+) => {{
        let p = $crate::record::Record::ptr($record)?;
        // SAFETY: `ptr` returned `p` only because the struct is alive; only
        // the field's address is taken, nothing is read.
        unsafe { &raw mut (*p).$($field).+ }
    }};
}

/// A shared reference to a field (a `char[N]` read), for the accessor's duration.
#[macro_export]
macro_rules! field_ref {
    ($record:expr, $($field:ident).+) => {{
        let p = $crate::record::Record::ptr($record)?;
        // SAFETY: the struct is alive (`ptr`); the reference lives within
        // this call, under the GIL, which every writer from Python holds too.
        unsafe { &(*p).$($field).+ }
    }};
}

/// A mutable reference to a field (a `char[N]` write), for the accessor's duration.
#[macro_export]
macro_rules! field_mut {
    ($record:expr, $($field:ident).+) => {{
        let p = $crate::record::Record::ptr($record)?;
        // SAFETY: the struct is alive (`ptr`); the reference lives within
        // this call, under the GIL, so no other Python access overlaps it.
        unsafe { &mut (*p).$($field).+ }
    }};
}

/// A `char*` field as `str` (None for NULL): `field_c_string!(py, record, a.b)`.
#[macro_export]
macro_rules! field_c_string {
    ($py:expr, $record:expr, $($field:ident).+) => {{
        let p = $crate::record::Record::ptr($record)?;
        // SAFETY: the struct is alive (`ptr`); a `char*` field of a C struct
        // is NULL or a NUL-terminated string (the C library's contract),
        // which `read_c_string` copies.
        unsafe { $crate::strings::read_c_string($py, (*p).$($field).+ as *const _) }
    }};
}

/// Stores a Python `str` (or None) in a `char*` field:
/// `field_set_c_string!(record, a.b, owned ALLOCATOR, value, what)` frees the
/// previous string with the allocator that made it;
/// `field_set_c_string!(record, a.b, interned, value, what)` stores a
/// process-lifetime copy and frees nothing.
#[macro_export]
macro_rules! field_set_c_string {
    ($record:expr, $($field:ident).+, owned $alloc:expr, $value:expr, $what:expr) => {{
        let p = $crate::record::Record::ptr($record)?;
        // SAFETY: the slot is this `char*` field of the live struct (`ptr`);
        // the spec declares the struct owns its string, made by `$alloc`.
        unsafe { $crate::strings::replace_owned_c_string((&raw mut (*p).$($field).+).cast(), $value, $alloc, $what) }
    }};
    ($record:expr, $($field:ident).+, interned, $value:expr, $what:expr) => {{
        let p = $crate::record::Record::ptr($record)?;
        // SAFETY: the slot is this `char*` field of the live struct (`ptr`).
        unsafe { $crate::strings::set_interned_c_string((&raw mut (*p).$($field).+).cast(), $value, $what) }
    }};
}

/// Copies the struct of `source` (a record of class `$class`) into a nested
/// struct field, duplicating the strings it owns:
/// `field_assign!(record, a.b, source, Class)`.
#[macro_export]
macro_rules! field_assign {
    ($record:expr, $($field:ident).+, $source:expr, $class:ty) => {{
        let src = $crate::record::Record::ptr($source)?;
        let p = $crate::record::Record::ptr($record)?;
        // SAFETY: `ptr` returned `p` only because the struct is alive; only
        // the field's address is taken, and the binding checks its type is
        // `$class`'s C struct.
        let dst: *mut <$class as $crate::record::Record>::C = unsafe { &raw mut (*p).$($field).+ };
        // SAFETY: both structs are alive (`ptr`) and of `$class`'s C type;
        // the tables are that class's, so owned strings are duplicated and
        // owned pointers refused.
        unsafe { $crate::owned::assign(dst, src.cast_const(), <$class as $crate::record::Record>::OWNED_STRINGS, <$class as $crate::record::Record>::OWNED_POINTERS) }
    }};
}

/// Points a pointer field at `target` (an `Option<view::Target>`, evaluated
/// after the struct is checked), anchoring a Python-owned target on the
/// struct: `field_set_pointer!(slf, a.b, target, what)` with `slf` the
/// class's `Bound`.
#[macro_export]
macro_rules! field_set_pointer {
    ($slf:expr, $($field:ident).+, $target:expr, $what:expr) => {{
        let this = $slf.get();
        let p = $crate::record::Record::ptr(this)?;
        // SAFETY: `ptr` returned `p` only because the struct is alive; only
        // the field's address is taken.
        let slot = unsafe { &raw mut (*p).$($field).+ }.cast();
        let target = $target;
        // SAFETY: `slot` is this pointer field's address inside the view's
        // live memory, as `set_pointer` requires.
        unsafe { $crate::record::Record::view(this).set_pointer($slf.as_any(), slot, target, $what) }
    }};
}

/// A zero-copy numpy array over an inline `[T; N]` field, keeping `slf`
/// (the class's `Bound`) alive: `field_array!(slf, a.b, T, N, writable)`.
#[macro_export]
macro_rules! field_array {
    ($slf:expr, $($field:ident).+, $ty:ty, $len:literal, $writable:literal) => {{
        let p = $crate::record::Record::ptr($slf.get())?;
        // SAFETY: `ptr` returned `p` only because the struct is alive; only
        // the field's address is taken.
        let field = unsafe { &raw mut (*p).$($field).+ };
        let array = $crate::record::retyped::<_, $ty, $len>(field);
        // SAFETY: `array` holds `N` elements of `T` inside the live struct
        // (`retyped` checked the field is `N` elements of `T`'s size); the
        // array's base (`slf`) keeps memory Python owns alive, and an array
        // over C-owned memory outliving it is the documented limit of
        // zero-copy arrays (docs/memory-model.md, "Numpy arrays").
        unsafe { $crate::numpy_export::array_over::<$ty>($slf.py(), array.cast(), &[$len], None, $writable, $slf.clone().into_any()) }
    }};
}

/// The numpy array of a `[struct.NAME.numpy]` exporter, once the exporter
/// has read `data` and `shape` from the live struct and checked them
/// (readable when untracked, non-NULL when a size is non-zero):
/// `numpy_array!(slf, T, data, shape, writable)` is a zero-copy array whose
/// base is `slf`; `numpy_array!(slf, T, data, shape, copy)` returns a copy
/// Python owns (`copy = true`; an empty array for a NULL pointer).
#[macro_export]
macro_rules! numpy_array {
    ($slf:expr, $ty:ty, $data:expr, $shape:expr, convert $to:ty) => {{
        // SAFETY: the spec's exporter declares that `data` is NULL or points
        // to `shape` elements of `T` (the C library's contract for this
        // struct); they are read and converted while the struct is alive.
        unsafe { $crate::numpy_export::array_converted::<$ty, $to>($slf.py(), $data.cast(), &$shape) }
    }};
    ($slf:expr, $ty:ty, $data:expr, $shape:expr, copy) => {{
        // SAFETY: the spec's exporter declares that `data` is NULL or points
        // to `shape` elements of `T` (the C library's contract for this
        // struct); the elements are copied while the struct is alive.
        unsafe { $crate::numpy_export::array_copy::<$ty>($slf.py(), $data.cast(), &$shape, $slf.clone().into_any()) }
    }};
    ($slf:expr, $ty:ty, $data:expr, $shape:expr, $writable:literal) => {{
        // SAFETY: the spec's exporter declares that `data` points to `shape`
        // elements of `T` (the C library's contract for this struct); the
        // array's base keeps this object alive, and an array outliving
        // C-owned memory is the documented limit of zero-copy arrays
        // (docs/memory-model.md, "Numpy arrays").
        unsafe { $crate::numpy_export::array_over::<$ty>($slf.py(), $data.cast(), &$shape, None, $writable, $slf.clone().into_any()) }
    }};
}

/// An exporter's `allocate` method body: replaces the buffer `data` points
/// to with zeroed memory for `dims` elements of `T` from `allocator`
/// (freeing the old one) and stores its byte count in `bytes`:
/// `numpy_reallocate!(record, T, data, bytes, dims, ALLOCATOR, what)`.
#[macro_export]
macro_rules! numpy_reallocate {
    ($record:expr, $ty:ty, $data:ident, $bytes:ident, $dims:expr, $allocator:expr, $what:expr) => {{
        let p = $crate::record::Record::ptr($record)?;
        // SAFETY: the struct is alive (`ptr`); the spec says it owns what
        // `data` points to (`pointer = "owned"`, allocated with the target's
        // allocator), so nothing else holds the buffer being freed, and
        // `bytes` is the field that counts it.
        unsafe {
            $crate::numpy_export::reallocate_zeroed(
                $allocator,
                (&raw mut (*p).$data).cast(),
                &raw mut (*p).$bytes,
                &$dims,
                ::std::mem::size_of::<$ty>(),
                $what,
            )?
        }
    }};
}

/// The nodes of a `GList*` field: `list_nodes!(record, a.b)`.
#[macro_export]
macro_rules! list_nodes {
    ($record:expr, $($field:ident).+) => {{
        let head = $crate::field_get!($record, $($field).+);
        // SAFETY: `head` is the `GList*` field of the live struct: NULL or a
        // list the C library keeps well formed while the struct lives.
        unsafe { $crate::glist::Nodes::new(head.cast()) }
    }};
}

/// A field of a list element: `element_get!(e, a.b)` with `e` a non-NULL
/// `*const ffi::T` from a list node's data.
#[macro_export]
macro_rules! element_get {
    ($element:expr, $($field:ident).+) => {{
        let e = $element;
        // SAFETY: `e` is the non-NULL data of a node of a list of the live
        // struct, which the spec declares holds `T`s; the field is copied out.
        unsafe { (*e).$($field).+ }
    }};
}

/// The items of a C++ std:: member, copied out by the shim reader `$reader`:
/// `field_std!(record, reader)`.
#[macro_export]
macro_rules! field_std {
    ($record:expr, $reader:expr) => {{
        let p = $crate::record::Record::ptr($record)?;
        // SAFETY: `p` is a live struct (`ptr`) of the type the generated
        // reader was compiled for; the reader copies the member out.
        unsafe { $crate::cxx::collect(p.cast_const().cast(), $reader) }
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exactly_takes_n_values_and_names_the_field_otherwise() {
        let ok: [u8; 3] = exactly(vec![1, 2, 3], "S.f").unwrap();
        assert_eq!(ok, [1, 2, 3]);
        Python::initialize();
        let err = exactly::<u8, 3>(vec![1, 2], "S.f").unwrap_err();
        Python::attach(|py| assert_eq!(err.value(py).to_string(), "S.f: expected 3 values, got 2"));
    }
}
