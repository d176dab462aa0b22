//! Raw getset descriptors for the plain scalar fields of a generated class
//! (C integers, floats and booleans): the attribute `obj.class_id` is a
//! CPython `PyGetSetDef` whose `get`/`set` are the `extern "C"` functions of
//! this module, not a PyO3 `#[getter]`.
//!
//! Why: PyO3's getter trampoline keeps a thread-local attach count, checks
//! its deferred-decref pool, type-checks `self` (which CPython's descriptor
//! already did) and wraps the call in `catch_unwind`; for a field read that
//! is a large share of the ~30 ns. The functions here do only what the field
//! needs: find the class object's [`View`](crate::view::View), check the
//! memory is alive (a dead view still raises `ReferenceError`), read or
//! write the value at the field's offset, and convert it with the CPython
//! call PyO3 would make. Their common paths create and drop no PyO3 object
//! and cannot panic; every error (dead view, wrong type, out of range, `del`)
//! is raised from a cold path that attaches through [`Python::attach`] and
//! reuses the runtime's conversions ([`crate::ints`]), so exception types and
//! messages are the ones the PyO3 accessors gave.
//!
//! A class lists its fields in [`ScalarFields`], one
//! [`scalar_field!`](crate::scalar_field!) per field (kind, field path, C
//! type, Python name, message name, writable or readonly, doc); the module's init calls [`install`]
//! right after `add_class`, which adds one descriptor per field to the type.
//! The `PyGetSetDef`s are leaked on purpose: CPython requires them to live
//! as long as the type, which lives as long as the process.

use std::ffi::{CStr, c_char, c_int, c_long, c_void};

use pyo3::exceptions::{PyAttributeError, PyTypeError};
use pyo3::ffi;
use pyo3::prelude::*;

use crate::ints::{self, CInt};
use crate::record::Record;

/// One scalar field served by a raw descriptor. The descriptor's closure
/// points at this (`'static`) value.
#[derive(Debug)]
pub struct ScalarField {
    /// Python attribute name.
    pub name: &'static CStr,
    /// Docstring (what `help()` shows).
    pub doc: &'static CStr,
    /// Byte offset of the field in the class's C struct (`offset_of!`).
    pub offset: usize,
    /// `Class.attr`, for messages.
    pub what: &'static str,
    /// The descriptor's getter.
    pub get: ffi::getter,
    /// The descriptor's setter (None: read-only, CPython refuses writes).
    pub set: Option<ffi::setter>,
}

/// The scalar fields of a generated class, each a [`scalar_field!`](crate::scalar_field!).
pub trait ScalarFields: Record {
    /// Every field served by a raw descriptor.
    const SCALAR_FIELDS: &'static [ScalarField];
}

/// Adds a raw descriptor for every field of `R::SCALAR_FIELDS` to `R`'s
/// type, and serves its `cast` through [`crate::raw_cast`] (call right
/// after `add_class`, before anything copies the attributes).
pub fn install<R: ScalarFields>(py: Python<'_>) -> PyResult<()> {
    let ty = R::type_object(py);
    install_on(&ty, R::SCALAR_FIELDS)?;
    crate::raw_cast::install::<R>(&ty)
}

/// Adds a raw descriptor for every entry of `fields` to `ty` (replacing an
/// attribute of the same name).
pub fn install_on(ty: &Bound<'_, pyo3::types::PyType>, fields: &'static [ScalarField]) -> PyResult<()> {
    for field in fields {
        let def: &'static mut ffi::PyGetSetDef = Box::leak(Box::new(ffi::PyGetSetDef {
            name: field.name.as_ptr(),
            get: Some(field.get),
            set: field.set,
            doc: field.doc.as_ptr(),
            closure: std::ptr::from_ref(field).cast_mut().cast(),
        }));
        // SAFETY: `ty` is a live type object and `def` lives for the rest of
        // the process (leaked), as CPython requires of a getset definition.
        let descr = unsafe { Bound::from_owned_ptr_or_err(ty.py(), ffi::PyDescr_NewGetSet(ty.as_type_ptr(), def))? };
        ty.setattr(&*field.name.to_string_lossy(), descr)?;
    }
    Ok(())
}

/// The `CStr` of a literal that ends in its NUL (`concat!(text, "\0")`), at
/// compile time: an interior NUL is a compile error.
pub const fn c_str(with_nul: &'static str) -> &'static CStr {
    match CStr::from_bytes_with_nul(with_nul.as_bytes()) {
        Ok(s) => s,
        Err(_) => panic!("a field name or doc holds a NUL byte"),
    }
}

/// The field's address in the live struct of the class object `slf`, or
/// None once the memory is gone.
///
/// # Safety
/// `slf` is an instance of `R` (CPython's descriptor checked its type before
/// calling), `closure` is the [`ScalarField`] of this descriptor, whose
/// offset is that of a field of type `T` in `R::C`, and the GIL is held.
#[inline(always)]
unsafe fn field_ptr<R: Record, T>(slf: *mut ffi::PyObject, closure: *mut c_void) -> Option<*mut T> {
    // SAFETY: CPython calls descriptors with the GIL held (the contract).
    let py = unsafe { Python::assume_attached() };
    // SAFETY: `slf` is a live instance of `R` for this call (contract);
    // `ref_from_ptr` (PyO3's own accessor for its macros) only reinterprets it.
    let record: &R = unsafe { Bound::ref_from_ptr(py, &slf).cast_unchecked::<R>() }.get();
    let base = record.view().live_ptr()?;
    // SAFETY: the closure is this descriptor's `ScalarField` (contract).
    let field = unsafe { &*closure.cast::<ScalarField>() };
    // SAFETY: `offset` is inside the live struct (`offset_of!` of a field).
    Some(unsafe { base.cast::<u8>().add(field.offset) }.cast::<T>())
}

/// Raises `err` from a descriptor function (attached the way PyO3 attaches).
#[cold]
#[inline(never)]
pub(crate) fn raise(err: impl FnOnce() -> PyErr) {
    Python::attach(|py| err().restore(py));
}

/// `ReferenceError` for the dead view of an `R`, as the getter's NULL result.
#[cold]
#[inline(never)]
fn dead<R: Record>() {
    raise(|| crate::errors::dead_view(R::TYPE));
}

/// The `del obj.attr` refusal (what PyO3's properties say).
#[cold]
#[inline(never)]
fn no_delete() -> c_int {
    raise(|| PyAttributeError::new_err("property has no deleter"));
    -1
}

/// Converts `value` with a runtime conversion on the cold path (its error is
/// raised; None tells the setter to return -1). A panic becomes a Python
/// exception instead of unwinding into CPython.
///
/// # Safety
/// `value` is a live object and the GIL is held.
#[cold]
#[inline(never)]
unsafe fn convert_slow<T>(
    value: *mut ffi::PyObject,
    what: &'static str,
    convert: impl FnOnce(&Bound<'_, PyAny>, &str) -> PyResult<T>,
) -> Option<T> {
    Python::attach(|py| {
        // SAFETY: `value` is a live object for this call (contract).
        let value = unsafe { Bound::ref_from_ptr(py, &value) };
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| convert(value, what)))
            .unwrap_or_else(|_| Err(PyTypeError::new_err(format!("{what}: the value could not be converted"))));
        result.map_err(|e| e.restore(py)).ok()
    })
}

/// Stores `v` in the field, or raises `ReferenceError` once the memory is gone.
///
/// # Safety
/// As [`field_ptr`].
#[inline(always)]
unsafe fn store<R: Record, T>(slf: *mut ffi::PyObject, closure: *mut c_void, v: T) -> c_int {
    // SAFETY: forwarded contract.
    match unsafe { field_ptr::<R, T>(slf, closure) } {
        Some(p) => {
            // SAFETY: `p` is the field in the live struct; unaligned for packed structs.
            unsafe { p.write_unaligned(v) };
            0
        }
        None => {
            dead::<R>();
            -1
        }
    }
}

/// Reads the field and converts it with `to_object`, or raises `ReferenceError`.
///
/// # Safety
/// As [`field_ptr`].
#[inline(always)]
unsafe fn load<R: Record, T>(
    slf: *mut ffi::PyObject,
    closure: *mut c_void,
    to_object: impl FnOnce(T) -> *mut ffi::PyObject,
) -> *mut ffi::PyObject {
    // SAFETY: forwarded contract.
    match unsafe { field_ptr::<R, T>(slf, closure) } {
        // SAFETY: `p` is the field in the live struct; unaligned for packed structs.
        Some(p) => to_object(unsafe { p.read_unaligned() }),
        None => {
            dead::<R>();
            std::ptr::null_mut()
        }
    }
}

/// A C integer type's Python `int` (the CPython constructor PyO3 uses).
pub trait IntObject: CInt {
    /// A new reference to the `int` (NULL with `MemoryError` set on failure).
    fn to_object(self) -> *mut ffi::PyObject;
}

macro_rules! int_object {
    ($($t:ty => $via:ty, $make:ident);* $(;)?) => {$(
        impl IntObject for $t {
            #[inline(always)]
            fn to_object(self) -> *mut ffi::PyObject {
                // SAFETY: a plain constructor, called with the GIL held (every caller is a descriptor).
                unsafe { ffi::$make(self as $via) }
            }
        }
    )*};
}

int_object!(i8 => c_long, PyLong_FromLong; i16 => c_long, PyLong_FromLong; i32 => c_long, PyLong_FromLong;
            i64 => i64, PyLong_FromLongLong; u8 => c_long, PyLong_FromLong; u16 => c_long, PyLong_FromLong;
            u32 => std::ffi::c_ulong, PyLong_FromUnsignedLong; u64 => u64, PyLong_FromUnsignedLongLong);

/// The value of an exact `int` that fits `T`, without creating any error
/// (None: the cold path decides, with the runtime's messages).
///
/// # Safety
/// `value` is a live object and the GIL is held.
#[inline(always)]
unsafe fn exact_int<T: CInt>(value: *mut ffi::PyObject) -> Option<T> {
    // SAFETY: `value` is live (contract).
    if unsafe { ffi::PyLong_CheckExact(value) } == 0 {
        return None;
    }
    let mut overflow: c_int = 0;
    // SAFETY: `value` is an `int`; overflow is reported in `overflow`, not raised.
    let v = unsafe { ffi::PyLong_AsLongLongAndOverflow(value, &mut overflow) };
    if overflow != 0 || v == -1 && !unsafe { ffi::PyErr_Occurred() }.is_null() {
        // SAFETY: GIL held; the cold path converts again and raises its own error.
        unsafe { ffi::PyErr_Clear() };
        return None;
    }
    T::try_from(i128::from(v)).ok()
}

/// Getter of an integer field of C type `T`: a Python `int`.
///
/// # Safety
/// Called by CPython as the `get` of a descriptor made by [`install`] for `R`.
pub unsafe extern "C" fn get_int<R: Record, T: IntObject>(slf: *mut ffi::PyObject, closure: *mut c_void) -> *mut ffi::PyObject {
    // SAFETY: the descriptor's contract (see `field_ptr`).
    unsafe { load::<R, T>(slf, closure, T::to_object) }
}

/// Setter of an integer field of C type `T`: `TypeError` unless an `int`,
/// `OverflowError` outside `T` ([`ints::to_c_int`]).
///
/// # Safety
/// Called by CPython as the `set` of a descriptor made by [`install`] for `R`.
pub unsafe extern "C" fn set_int<R: Record, T: CInt>(slf: *mut ffi::PyObject, value: *mut ffi::PyObject, closure: *mut c_void) -> c_int {
    if value.is_null() {
        return no_delete();
    }
    // SAFETY: the descriptor's contract: `value` is live, the closure is a `ScalarField`.
    let v = match unsafe { exact_int::<T>(value) } {
        Some(v) => v,
        None => match unsafe { convert_slow(value, (*closure.cast::<ScalarField>()).what, ints::to_c_int::<T>) } {
            Some(v) => v,
            None => return -1,
        },
    };
    // SAFETY: the descriptor's contract.
    unsafe { store::<R, T>(slf, closure, v) }
}

/// A C floating type (`float` or `double`).
pub trait CFloat: Copy {
    /// The value as a Python float holds it.
    fn widen(self) -> f64;
    /// The value C stores for an exact Python float, or None when the cold
    /// path must decide (a finite double beyond `float`'s range).
    fn narrow(wide: f64) -> Option<Self>;
    /// The runtime conversion with its messages.
    const CONVERT: fn(&Bound<'_, PyAny>, &str) -> PyResult<Self>;
}

impl CFloat for f64 {
    #[inline(always)]
    fn widen(self) -> f64 {
        self
    }
    #[inline(always)]
    fn narrow(wide: f64) -> Option<Self> {
        Some(wide)
    }
    const CONVERT: fn(&Bound<'_, PyAny>, &str) -> PyResult<Self> = ints::to_c_double;
}

impl CFloat for f32 {
    #[inline(always)]
    fn widen(self) -> f64 {
        f64::from(self)
    }
    #[inline(always)]
    fn narrow(wide: f64) -> Option<Self> {
        let narrow = wide as f32;
        (!narrow.is_infinite() || wide.is_infinite()).then_some(narrow)
    }
    const CONVERT: fn(&Bound<'_, PyAny>, &str) -> PyResult<Self> = ints::to_c_float;
}

/// Getter of a floating field: a Python `float`.
///
/// # Safety
/// Called by CPython as the `get` of a descriptor made by [`install`] for `R`.
pub unsafe extern "C" fn get_float<R: Record, T: CFloat>(slf: *mut ffi::PyObject, closure: *mut c_void) -> *mut ffi::PyObject {
    // SAFETY: the descriptor's contract; `PyFloat_FromDouble` is a plain constructor.
    unsafe { load::<R, T>(slf, closure, |v| ffi::PyFloat_FromDouble(v.widen())) }
}

/// Setter of a floating field: `float` or `int`, else `TypeError`
/// ([`ints::to_c_double`] / [`ints::to_c_float`]).
///
/// # Safety
/// Called by CPython as the `set` of a descriptor made by [`install`] for `R`.
pub unsafe extern "C" fn set_float<R: Record, T: CFloat>(
    slf: *mut ffi::PyObject,
    value: *mut ffi::PyObject,
    closure: *mut c_void,
) -> c_int {
    if value.is_null() {
        return no_delete();
    }
    // SAFETY: `value` is live (contract); an exact float's value is read directly.
    let exact = (unsafe { ffi::PyFloat_CheckExact(value) } != 0).then(|| unsafe { crate::glue::items::float_value(value) });
    // SAFETY: the descriptor's contract: `value` is live, the closure is a `ScalarField`.
    let v = match exact.and_then(T::narrow) {
        Some(v) => v,
        None => match unsafe { convert_slow(value, (*closure.cast::<ScalarField>()).what, T::CONVERT) } {
            Some(v) => v,
            None => return -1,
        },
    };
    // SAFETY: the descriptor's contract.
    unsafe { store::<R, T>(slf, closure, v) }
}

/// A C type holding a truth value: `bool`, or an integer used as one (`gboolean`).
pub trait CTruth: Copy {
    /// Whether the stored value is true (non-zero).
    fn is_true(self) -> bool;
    /// The value C stores for the converted Python value (0 or 1 from a
    /// `bool`, the `int` itself otherwise, as the PyO3 setter stored it).
    fn from_c(v: u8) -> Self;
}

impl CTruth for bool {
    #[inline(always)]
    fn is_true(self) -> bool {
        self
    }
    #[inline(always)]
    fn from_c(v: u8) -> Self {
        v != 0
    }
}

macro_rules! int_truth {
    ($($t:ty),*) => {$(
        impl CTruth for $t {
            #[inline(always)]
            fn is_true(self) -> bool {
                self != 0
            }
            #[inline(always)]
            fn from_c(v: u8) -> Self {
                v as $t
            }
        }
    )*};
}

int_truth!(i8, i16, i32, i64, u8, u16, u32, u64);

/// Getter of a boolean field: a Python `bool` (non-zero is `True`).
///
/// # Safety
/// Called by CPython as the `get` of a descriptor made by [`install`] for `R`.
pub unsafe extern "C" fn get_bool<R: Record, T: CTruth>(slf: *mut ffi::PyObject, closure: *mut c_void) -> *mut ffi::PyObject {
    // SAFETY: the descriptor's contract; `PyBool_FromLong` returns a new reference to a singleton.
    unsafe { load::<R, T>(slf, closure, |v| ffi::PyBool_FromLong(c_long::from(v.is_true()))) }
}

/// Setter of a boolean field: `bool` or an `int` that is 0 or 1 ([`ints::to_c_bool`]).
///
/// # Safety
/// Called by CPython as the `set` of a descriptor made by [`install`] for `R`.
pub unsafe extern "C" fn set_bool<R: Record, T: CTruth>(slf: *mut ffi::PyObject, value: *mut ffi::PyObject, closure: *mut c_void) -> c_int {
    if value.is_null() {
        return no_delete();
    }
    // SAFETY: reading the addresses of the two singletons.
    let v: u8 = match value {
        v if v == unsafe { ffi::Py_True() } => 1,
        v if v == unsafe { ffi::Py_False() } => 0,
        // SAFETY: the descriptor's contract: `value` is live, the closure is a `ScalarField`.
        _ => match unsafe { convert_slow(value, (*closure.cast::<ScalarField>()).what, ints::to_c_bool::<u8>) } {
            Some(v) => v,
            None => return -1,
        },
    };
    // SAFETY: the descriptor's contract.
    unsafe { store::<R, T>(slf, closure, T::from_c(v)) }
}

/// A `char[N]` field (`[c_char; N]`).
pub trait CharArray: Copy {
    /// The array as bytes.
    fn bytes(&self) -> &[u8];
    /// The array as C chars, to write into.
    fn chars_mut(&mut self) -> &mut [c_char];
}

impl<const N: usize> CharArray for [c_char; N] {
    #[inline(always)]
    fn bytes(&self) -> &[u8] {
        // SAFETY: c_char and u8 have the same size and alignment.
        unsafe { std::slice::from_raw_parts(self.as_ptr().cast::<u8>(), N) }
    }
    #[inline(always)]
    fn chars_mut(&mut self) -> &mut [c_char] {
        self
    }
}

/// Getter of a `char[N]` field: a `str` up to the first NUL, invalid UTF-8
/// replaced (as [`crate::strings::read_char_array`]); a short value read
/// again gets the same `str` ([`crate::str_cache`]).
///
/// # Safety
/// Called by CPython as the `get` of a descriptor made by [`install`] for `R`.
pub unsafe extern "C" fn get_chars<R: Record, A: CharArray>(slf: *mut ffi::PyObject, closure: *mut c_void) -> *mut ffi::PyObject {
    // SAFETY: the descriptor's contract (see `field_ptr`).
    let Some(p) = (unsafe { field_ptr::<R, A>(slf, closure) }) else {
        dead::<R>();
        return std::ptr::null_mut();
    };
    // SAFETY: `p` is the array in the live struct (arrays of c_char have alignment 1).
    let bytes = unsafe { &*p }.bytes();
    let end = bytes.iter().position(|b| *b == 0).unwrap_or(bytes.len());
    // SAFETY: CPython calls descriptors with the GIL held; nothing else uses the table now.
    unsafe { crate::str_cache::decode(&bytes[..end]) }
}

/// Setter of a `char[N]` field: a `str` of at most N-1 UTF-8 bytes without
/// NUL, stored NUL-padded straight from the `str`'s UTF-8 buffer; anything
/// else raises as [`crate::strings::write_char_array`] does (which the cold
/// path calls). The memory is checked first, as that setter did.
///
/// # Safety
/// Called by CPython as the `set` of a descriptor made by [`install`] for `R`.
pub unsafe extern "C" fn set_chars<R: Record, A: CharArray>(
    slf: *mut ffi::PyObject,
    value: *mut ffi::PyObject,
    closure: *mut c_void,
) -> c_int {
    if value.is_null() {
        return no_delete();
    }
    // SAFETY: the descriptor's contract (see `field_ptr`).
    let Some(p) = (unsafe { field_ptr::<R, A>(slf, closure) }) else {
        dead::<R>();
        return -1;
    };
    // SAFETY: `p` is the array in the live struct, written only here under the GIL.
    let array = unsafe { &mut *p }.chars_mut();
    // SAFETY: `value` is live (contract).
    if let Some(bytes) = unsafe { exact_str_bytes(value) } {
        if bytes.len() < array.len() && !bytes.contains(&0) {
            let (text, rest) = array.split_at_mut(bytes.len());
            // SAFETY: same size; `text` is `bytes.len()` long and does not overlap the str.
            unsafe { std::ptr::copy_nonoverlapping(bytes.as_ptr(), text.as_mut_ptr().cast::<u8>(), bytes.len()) };
            rest.fill(0);
            return 0;
        }
    }
    // SAFETY: the closure is this descriptor's `ScalarField`.
    let what = unsafe { &*closure.cast::<ScalarField>() }.what;
    // SAFETY: `value` is live and the GIL is held (contract).
    unsafe { write_chars_slow(array, value, what) }
}

/// The UTF-8 bytes of an exact `str` (CPython's cached buffer), or None
/// (not an exact `str`, or not encodable: the cold path raises).
///
/// # Safety
/// `value` is live and the GIL is held; the bytes live as long as `value`.
#[inline(always)]
unsafe fn exact_str_bytes<'a>(value: *mut ffi::PyObject) -> Option<&'a [u8]> {
    // SAFETY: `value` is live (contract).
    if unsafe { ffi::PyUnicode_CheckExact(value) } == 0 {
        return None;
    }
    let mut len: ffi::Py_ssize_t = 0;
    // SAFETY: `value` is a str; the buffer lives as long as the str.
    let data = unsafe { ffi::PyUnicode_AsUTF8AndSize(value, &mut len) };
    if data.is_null() {
        // SAFETY: GIL held; the cold path encodes again and raises its own error.
        unsafe { ffi::PyErr_Clear() };
        return None;
    }
    // SAFETY: CPython returned `len` readable bytes.
    Some(unsafe { std::slice::from_raw_parts(data.cast::<u8>(), len as usize) })
}

/// [`crate::strings::write_char_array`] on the cold path (its error raised).
///
/// # Safety
/// `value` is live and the GIL is held.
#[cold]
#[inline(never)]
unsafe fn write_chars_slow(array: &mut [c_char], value: *mut ffi::PyObject, what: &'static str) -> c_int {
    // SAFETY: forwarded contract.
    let written = unsafe { convert_slow(value, what, |v, what| crate::strings::write_char_array(array, v, what)) };
    if written.is_some() { 0 } else { -1 }
}

/// Getter of a nested struct field: a view of the field (class `N`) that
/// shares this view's liveness and keeps its Python owner alive, as
/// [`crate::view::View::field`] makes it.
///
/// # Safety
/// Called by CPython as the `get` of a descriptor made by [`install`] for
/// `R`, whose field at the offset is an `N::C`.
pub unsafe extern "C" fn get_nested<R: Record, N: Record>(slf: *mut ffi::PyObject, closure: *mut c_void) -> *mut ffi::PyObject {
    // SAFETY: the descriptor's contract (see `field_ptr`).
    match unsafe { field_ptr::<R, N::C>(slf, closure) } {
        // SAFETY: `p` is inside the live struct, at a non-NULL address; `slf` is an `R`.
        Some(p) => unsafe { derived_view::<R, N>(slf, std::ptr::NonNull::new_unchecked(p)) },
        None => {
            dead::<R>();
            std::ptr::null_mut()
        }
    }
}

/// Getter of a pointer field to a struct of class `N`: None for NULL, else
/// a view of the target sharing this view's liveness and Python owner (as
/// [`crate::view::View::derive`] makes it).
///
/// # Safety
/// Called by CPython as the `get` of a descriptor made by [`install`] for
/// `R`, whose field at the offset is a `*mut N::C`.
pub unsafe extern "C" fn get_pointer<R: Record, N: Record>(slf: *mut ffi::PyObject, closure: *mut c_void) -> *mut ffi::PyObject {
    // SAFETY: the descriptor's contract (see `field_ptr`).
    let Some(p) = (unsafe { field_ptr::<R, *mut N::C>(slf, closure) }) else {
        dead::<R>();
        return std::ptr::null_mut();
    };
    // SAFETY: `p` is the pointer field in the live struct; unaligned for packed structs.
    match std::ptr::NonNull::new(unsafe { p.read_unaligned() }) {
        // SAFETY: `slf` is an `R` (contract); the target is what C stored in the field.
        Some(target) => unsafe { derived_view::<R, N>(slf, target) },
        // SAFETY: the GIL is held; a new reference to None.
        None => unsafe { new_none() },
    }
}

/// A new reference to `None` (`Py_NewRef` is not in CPython 3.9).
///
/// # Safety
/// The GIL is held.
#[inline(always)]
unsafe fn new_none() -> *mut ffi::PyObject {
    // SAFETY: the GIL is held (contract); None is immortal or counted as usual.
    unsafe {
        let none = ffi::Py_None();
        ffi::Py_IncRef(none);
        none
    }
}

/// A new object of class `N` viewing `ptr`, memory reachable from the view
/// of `slf`: it shares that view's token and keeps its Python owner alive.
///
/// # Safety
/// `slf` is a live instance of `R`, `ptr` memory reachable from its view,
/// and the GIL is held.
#[inline(always)]
unsafe fn derived_view<R: Record, N: Record>(slf: *mut ffi::PyObject, ptr: std::ptr::NonNull<N::C>) -> *mut ffi::PyObject {
    // SAFETY: CPython calls descriptors with the GIL held.
    let py = unsafe { Python::assume_attached() };
    // SAFETY: `slf` is a live instance of `R` (contract).
    let this = unsafe { Bound::ref_from_ptr(py, &slf) };
    // SAFETY: as above.
    let view = unsafe { this.cast_unchecked::<R>() }.get().view();
    let derived = crate::view::View::borrowed(ptr, view.token().clone(), view.python_owner(this));
    match Bound::new(py, N::wrap(derived)) {
        Ok(object) => object.into_ptr(),
        Err(err) => {
            raise(|| err);
            std::ptr::null_mut()
        }
    }
}

/// Setter of a pointer field to a struct of class `N`: a view of class `N`
/// (its memory anchored when Python owns it) or None for NULL, else
/// `TypeError`; [`crate::view::View::set_pointer`] decides what may be
/// stored. Runs attached, like the PyO3 setter it replaces, in the same
/// order: the value's type, this memory, the target's memory.
///
/// # Safety
/// Called by CPython as the `set` of a descriptor made by [`install`] for
/// `R`, whose field at the offset is a `*mut N::C`.
pub unsafe extern "C" fn set_pointer<R: Record, N: Record>(
    slf: *mut ffi::PyObject,
    value: *mut ffi::PyObject,
    closure: *mut c_void,
) -> c_int {
    let set = |this: &Bound<'_, R>, value: &Bound<'_, PyAny>, field: &ScalarField| -> PyResult<()> {
        let target = match value.is_none() {
            true => None,
            false => Some(value.cast::<N>().map_err(|_| crate::errors::wrong_type(value, N::TYPE, field.what))?),
        };
        let record = this.get();
        let p = record.ptr()?;
        // SAFETY: `p` is the live struct; the field at the offset is a `*mut N::C` (contract).
        let slot = unsafe { p.cast::<u8>().add(field.offset) }.cast::<*mut N::C>();
        let target = match target {
            Some(t) => Some(t.get().view().target(t.as_any(), N::TYPE)?),
            None => None,
        };
        // SAFETY: `slot` is this pointer field's address inside the view's live memory.
        unsafe { record.view().set_pointer(this.as_any(), slot, target, field.what) }
    };
    // SAFETY: the descriptor's contract, forwarded.
    unsafe { set_attached::<R>(slf, value, closure, set) }
}

/// Runs a setter that needs PyO3 objects (attached, like the PyO3 setter it
/// replaces): refuses `del`, then calls `set` with the class object, the
/// value and this descriptor's field; its error is raised (-1).
///
/// # Safety
/// Called from a descriptor `set` made by [`install`] for `R`, with its arguments.
unsafe fn set_attached<R: Record>(
    slf: *mut ffi::PyObject,
    value: *mut ffi::PyObject,
    closure: *mut c_void,
    set: impl FnOnce(&Bound<'_, R>, &Bound<'_, PyAny>, &ScalarField) -> PyResult<()>,
) -> c_int {
    if value.is_null() {
        return no_delete();
    }
    // SAFETY: the closure is this descriptor's `ScalarField`.
    let field = unsafe { &*closure.cast::<ScalarField>() };
    Python::attach(|py| {
        // SAFETY: `slf` (an `R`, checked by CPython) and `value` are live for this call.
        let (this, value) = unsafe { (Bound::ref_from_ptr(py, &slf).cast_unchecked::<R>(), Bound::ref_from_ptr(py, &value)) };
        set(this, value, field).map_or_else(
            |e| {
                e.restore(py);
                -1
            },
            |()| 0,
        )
    })
}

/// Setter of a pointer field the struct owns: always refused
/// ([`crate::errors::owned_pointer`]), as the PyO3 setter did.
///
/// # Safety
/// Called by CPython as the `set` of a descriptor made by [`install`].
pub unsafe extern "C" fn set_owned_pointer(_slf: *mut ffi::PyObject, value: *mut ffi::PyObject, closure: *mut c_void) -> c_int {
    if value.is_null() {
        return no_delete();
    }
    // SAFETY: the closure is this descriptor's `ScalarField`.
    let what = unsafe { &*closure.cast::<ScalarField>() }.what;
    raise(|| crate::errors::owned_pointer(what));
    -1
}

/// Setter of a nested struct field: copies the struct of a `N` (duplicating
/// the strings it owns, refusing owned pointers: [`crate::owned::assign`]),
/// else `TypeError`. Runs attached, like the PyO3 setter it replaces.
///
/// # Safety
/// Called by CPython as the `set` of a descriptor made by [`install`] for
/// `R`, whose field at the offset is an `N::C`.
pub unsafe extern "C" fn set_nested<R: Record, N: Record>(
    slf: *mut ffi::PyObject,
    value: *mut ffi::PyObject,
    closure: *mut c_void,
) -> c_int {
    let set = |this: &Bound<'_, R>, value: &Bound<'_, PyAny>, field: &ScalarField| -> PyResult<()> {
        let source = value.cast::<N>().map_err(|_| crate::errors::wrong_type(value, N::TYPE, field.what))?;
        let src = source.get().ptr()?;
        let dst = this.get().ptr()?;
        // SAFETY: both structs are alive (`ptr`); the field at the offset is an `N::C`
        // (the descriptor's contract), and the tables are `N`'s.
        unsafe {
            crate::owned::assign(dst.cast::<u8>().add(field.offset).cast::<N::C>(), src.cast_const(), N::OWNED_STRINGS, N::OWNED_POINTERS)
        }
    };
    // SAFETY: the descriptor's contract, forwarded.
    unsafe { set_attached::<R>(slf, value, closure, set) }
}

/// One entry of a class's [`ScalarFields::SCALAR_FIELDS`]:
///
/// ```text
/// impl rt::getset::ScalarFields for Class {
///     const SCALAR_FIELDS: &'static [rt::getset::ScalarField] = &[
///         rt::scalar_field!(Class, int class_id: i32, "class_id", "Class.class_id", writable, "doc"),
///         rt::scalar_field!(Class, float rect.left: f32, "left", "Class.left", readonly, "doc"),
///     ];
/// }
/// ```
///
/// `int` / `float` / `bool` / `chars` pick the conversions and the type is
/// the field's exact Rust type (`[c_char; N]` for `chars`); `nested` and
/// `pointer` take the class of a nested struct field or of a pointer
/// field's target (`owned` instead of `writable`: a pointer the struct
/// owns, whose setter refuses). The path is the field's Rust access
/// path in the class's C struct (the compiler checks path and type: a
/// mismatch is a compile error, not a misread).
#[macro_export]
macro_rules! scalar_field {
    ($class:ty, $kind:ident $($field:ident).+ : $t:ty, $py:literal, $what:literal, $access:ident, $doc:literal $(,)?) => {
        $crate::getset::ScalarField {
            name: $crate::getset::c_str(concat!($py, "\0")),
            doc: $crate::getset::c_str(concat!($doc, "\0")),
            offset: {
                // The field's type is `$t` (the place's type is checked).
                // SAFETY: only the address of a place is taken, nothing is read.
                const _: fn(*const <$class as $crate::record::Record>::C) -> *const $crate::scalar_field!(@type $kind, $t) =
                    |c| unsafe { &raw const (*c).$($field).+ };
                ::core::mem::offset_of!(<$class as $crate::record::Record>::C, $($field).+)
            },
            what: $what,
            get: $crate::scalar_field!(@get $kind, $class, $t),
            set: $crate::scalar_field!(@set $access $kind, $class, $t),
        }
    };
    (@get int, $class:ty, $t:ty) => { $crate::getset::get_int::<$class, $t> };
    (@get float, $class:ty, $t:ty) => { $crate::getset::get_float::<$class, $t> };
    (@get bool, $class:ty, $t:ty) => { $crate::getset::get_bool::<$class, $t> };
    (@get chars, $class:ty, $t:ty) => { $crate::getset::get_chars::<$class, $t> };
    (@get nested, $class:ty, $t:ty) => { $crate::getset::get_nested::<$class, $t> };
    (@get pointer, $class:ty, $t:ty) => { $crate::getset::get_pointer::<$class, $t> };
    (@type nested, $t:ty) => { <$t as $crate::record::Record>::C };
    (@type pointer, $t:ty) => { *mut <$t as $crate::record::Record>::C };
    (@type $kind:ident, $t:ty) => { $t };
    (@set readonly $kind:ident, $class:ty, $t:ty) => { None };
    (@set writable int, $class:ty, $t:ty) => { Some($crate::getset::set_int::<$class, $t>) };
    (@set writable float, $class:ty, $t:ty) => { Some($crate::getset::set_float::<$class, $t>) };
    (@set writable bool, $class:ty, $t:ty) => { Some($crate::getset::set_bool::<$class, $t>) };
    (@set writable chars, $class:ty, $t:ty) => { Some($crate::getset::set_chars::<$class, $t>) };
    (@set writable nested, $class:ty, $t:ty) => { Some($crate::getset::set_nested::<$class, $t>) };
    (@set writable pointer, $class:ty, $t:ty) => { Some($crate::getset::set_pointer::<$class, $t>) };
    (@set owned pointer, $class:ty, $t:ty) => { Some($crate::getset::set_owned_pointer) };
}
